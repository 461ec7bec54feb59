#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "domain/audit_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

class SqlAudit final : public AuditRepository {
public:
    explicit SqlAudit(soci::session& s) : s_(s) {}

    std::vector<AuditChange> Since(std::int64_t after, int limit) override {
        std::vector<AuditChange> out;
        for (const Row& r : Query(s_,
                                  "SELECT id, action, entity, entity_id FROM audit_log WHERE id > :a ORDER BY id "
                                  "LIMIT :l",
                                  Params().Int(after).Int(std::int64_t{limit})))
            out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3)});
        return out;
    }

    std::vector<AuditChange> WithIds(const std::vector<std::int64_t>& ids) override {
        std::vector<AuditChange> out;
        if (ids.empty()) return out;
        for (const Row& r : Query(s_, "SELECT id, action, entity, entity_id FROM audit_log WHERE id IN (" +
                                          IdList(ids) + ") ORDER BY id"))
            out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3)});
        return out;
    }

    std::int64_t LatestId() override { return QueryOne(s_, "SELECT COALESCE(MAX(id), 0) FROM audit_log")->Int(0); }

    void Append(const AuditEntry& e) override {
        Exec(s_,
             "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, organization_id, before_json, "
             "after_json) VALUES (:at, :u, :un, :a, :e, :eid, :o, :b, :af)",
             Params()
                 .Text(e.at)
                 .Id(e.user)
                 .Text(e.username)
                 .Text(e.action)
                 .Text(e.entity)
                 .Int(e.entity_id)
                 .Id(e.organization)
                 .TextOrNull(SnapshotToJson(e.before))
                 .TextOrNull(SnapshotToJson(e.after)));
    }

    AuditPage List(const AuditQuery& q) override {
        std::string where =
            " FROM audit_log a LEFT JOIN organizations o ON o.id = a.organization_id LEFT JOIN users u ON u.id = "
            "a.user_id WHERE ((o.path >= "
            ":lo AND o.path < :hi)";
        Params params;
        params.Text(q.subtree_path).Text(SubtreeEnd(q.subtree_path));
        where += q.include_unscoped ? " OR a.organization_id IS NULL)" : ")";
        if (!q.entity.empty()) {
            where += " AND a.entity = :e";
            params.Text(q.entity);
        }
        if (q.entity_id != 0) {
            where += " AND a.entity_id = :eid";
            params.Int(q.entity_id);
        }
        AuditPage page;
        page.total = QueryOne(s_, "SELECT COUNT(*)" + where, params)->Int(0);
        Params paged = params;
        paged.Int(q.limit).Int(q.offset);
        for (const Row& r : Query(s_,
                                  "SELECT a.id, a.at, a.user_id, a.username, a.action, a.entity, a.entity_id, "
                                  "a.organization_id, o.path, a.before_json, a.after_json, o.name, u.display_name" +
                                      where + " ORDER BY a.id DESC LIMIT :lim OFFSET :off",
                                  paged)) {
            AuditEntry e;
            e.id = AuditEntryId(r.Int(0));
            e.at = r.Text(1);
            if (auto u = r.OptInt(2)) e.user = UserId(*u);
            e.username = r.Text(3);
            e.action = r.Text(4);
            e.entity = r.Text(5);
            e.entity_id = r.Int(6);
            if (auto o = r.OptInt(7)) e.organization = OrganizationId(*o);
            e.organization_path = r.Text(8);
            e.before = SnapshotFromJson(r.Text(9));
            e.after = SnapshotFromJson(r.Text(10));
            e.organization_name = r.Text(11);
            e.user_display_name = r.Text(12);
            page.items.push_back(std::move(e));
        }
        return page;
    }

private:
    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::AuditRepository> MakeAuditRepository(soci::session& session) {
    return std::make_unique<SqlAudit>(session);
}

}  // namespace chibo::storage::sql
