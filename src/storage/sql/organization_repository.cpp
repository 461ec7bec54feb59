#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/text.hpp"
#include "domain/member.hpp"
#include "domain/organization_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

constexpr const char* kOrganizationColumns =
    "o.id, o.parent_id, o.name, o.kind, o.category, o.address, o.valid_from, o.valid_to, o.merged_into_id, o.path";

Organization ReadOrganization(const Row& r) {
    Organization o;
    o.id = OrganizationId(r.Int(0));
    if (auto p = r.OptInt(1)) o.parent = OrganizationId(*p);
    o.name = r.Text(2);
    o.kind = Decode(r.Text(3), OrganizationKindFromCode, "organizations.kind");
    o.category = Decode(r.Text(4), CellCategoryFromCode, "organizations.category");
    o.address = r.Text(5);
    o.valid_from = r.Date(6);
    o.valid_to = r.OptDate(7);
    if (auto m = r.OptInt(8)) o.merged_into = OrganizationId(*m);
    o.path = r.Text(9);
    return o;
}

class SqlOrganizations final : public OrganizationRepository {
public:
    explicit SqlOrganizations(soci::session& s) : s_(s) {}

    std::optional<Organization> Get(OrganizationId id) override {
        auto r = QueryOne(s_, std::string("SELECT ") + kOrganizationColumns + " FROM organizations o WHERE o.id = :id",
                          Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadOrganization(*r);
    }

    std::vector<Organization> Children(OrganizationId parent, Dissolved dissolved) override {
        std::string q = std::string("SELECT ") + kOrganizationColumns + " FROM organizations o WHERE o.parent_id = :p";
        if (dissolved == Dissolved::kExclude) q += " AND o.valid_to IS NULL";
        q += " ORDER BY o.name_key, o.id";
        std::vector<Organization> out;
        for (const Row& r : Query(s_, q, Params().Int(parent.value))) out.push_back(ReadOrganization(r));
        return out;
    }

    bool HasChildren(OrganizationId parent, Dissolved dissolved) override {
        std::string q = "SELECT 1 FROM organizations WHERE parent_id = :p";
        if (dissolved == Dissolved::kExclude) q += " AND valid_to IS NULL";
        q += " LIMIT 1";
        return QueryOne(s_, q, Params().Int(parent.value)).has_value();
    }

    Organization Insert(const Organization& in) override {
        std::string parent_path = "/";
        if (in.parent) {
            auto parent = Get(*in.parent);
            if (!parent) throw std::logic_error("parent organisation does not exist");
            parent_path = parent->path;
        }
        // The path needs the new id; insert with a unique temporary path, then set it.
        static std::atomic<std::uint64_t> counter{std::random_device{}()};
        const std::string temporary = "tmp:" + std::to_string(counter.fetch_add(1));
        auto r = QueryOne(s_,
                          "INSERT INTO organizations (parent_id, name, name_key, kind, category, address, valid_from, "
                          "valid_to, merged_into_id, path) VALUES (:p, :n, :k, :kind, :c, :a, :vf, :vt, :m, :path) "
                          "RETURNING id",
                          Params()
                              .Id(in.parent)
                              .Text(in.name)
                              .Text(base::CollationKey(in.name))
                              .Text(std::string(ToCode(in.kind)))
                              .Text(std::string(ToCode(in.category)))
                              .Text(in.address)
                              .Date(in.valid_from)
                              .Date(in.valid_to)
                              .Id(in.merged_into)
                              .Text(temporary));
        Organization out = in;
        out.id = OrganizationId(r->Int(0));
        out.path = parent_path + std::to_string(out.id.value) + "/";
        Exec(s_, "UPDATE organizations SET path = :path WHERE id = :id", Params().Text(out.path).Int(out.id.value));
        return out;
    }

    void Update(const Organization& o) override {
        Exec(s_,
             "UPDATE organizations SET name = :n, name_key = :k, kind = :kind, category = :c, address = :a, "
             "valid_from = :vf, valid_to = :vt, merged_into_id = :m WHERE id = :id",
             Params()
                 .Text(o.name)
                 .Text(base::CollationKey(o.name))
                 .Text(std::string(ToCode(o.kind)))
                 .Text(std::string(ToCode(o.category)))
                 .Text(o.address)
                 .Date(o.valid_from)
                 .Date(o.valid_to)
                 .Id(o.merged_into)
                 .Int(o.id.value));
    }

    void Move(OrganizationId id, OrganizationId new_parent, base::Date on) override {
        auto self = Get(id);
        auto parent = Get(new_parent);
        if (!self || !parent) throw std::logic_error("moving an organisation that does not exist");
        const std::string old_path = self->path;
        const std::string new_path = parent->path + std::to_string(id.value) + "/";
        Exec(s_,
             std::string("INSERT INTO organization_placements (organization_id, parent_id, path, since, until) SELECT "
                         "o.id, o.parent_id, o.path, (SELECT MAX(h.until) FROM organization_placements h WHERE "
                         "h.organization_id = o.id), ") +
                 (s_.get_backend_name() == "postgresql" ? "CAST(:on AS DATE)" : ":on") +
                 " FROM organizations o WHERE o.path >= :lo AND o.path < :hi",
             Params().Text(on.ToIso()).Text(old_path).Text(SubtreeEnd(old_path)));
        Exec(s_, "UPDATE organizations SET parent_id = :p WHERE id = :id",
             Params().Int(new_parent.value).Int(id.value));
        Exec(s_, "UPDATE organizations SET path = :np || SUBSTR(path, :len) WHERE path >= :lo AND path < :hi",
             Params()
                 .Text(new_path)
                 .Int(static_cast<std::int64_t>(old_path.size()) + 1)
                 .Text(old_path)
                 .Text(SubtreeEnd(old_path)));
    }

    std::vector<OrganizationPlacement> PastPlacements() override {
        std::vector<OrganizationPlacement> out;
        for (const Row& r : Query(s_,
                                  "SELECT organization_id, parent_id, path, since, until FROM organization_placements "
                                  "ORDER BY organization_id, until, id")) {
            OrganizationPlacement p;
            p.organization = OrganizationId(r.Int(0));
            if (!r.IsNull(1)) p.parent = OrganizationId(r.Int(1));
            p.path = r.Text(2);
            p.since = r.OptDate(3);
            p.until = r.Date(4);
            out.push_back(std::move(p));
        }
        return out;
    }

    MemberCounts CountMembers(const std::string& path) override {
        MemberCounts c;
        for (const Row& r : Query(
                 s_,
                 "SELECT m.status, COUNT(*) FROM members m JOIN organizations o ON o.id = "
                 "COALESCE(m.party_group_id, m.organization_id) WHERE o.path >= :lo AND o.path < :hi AND m.on_roll = 1 "
                 "GROUP BY m.status",
                 Params().Text(path).Text(SubtreeEnd(path)))) {
            const int n = static_cast<int>(r.Int(1));
            switch (Decode(r.Text(0), MemberStatusFromCode, "members.status")) {
                case MemberStatus::kOfficial:
                    c.official = n;
                    break;
                case MemberStatus::kProbationary:
                    c.probationary = n;
                    break;
                case MemberStatus::kExempt:
                    c.exempt = n;
                    break;
                case MemberStatus::kTemporary:
                    c.temporary = n;
                    break;
                case MemberStatus::kWorkingAway:
                    c.working_away = n;
                    break;
                default:
                    break;
            }
        }
        return c;
    }

    std::vector<Organization> Subtree(const std::string& path, Dissolved dissolved) override {
        std::string q = std::string("SELECT ") + kOrganizationColumns +
                        " FROM organizations o WHERE o.path >= :lo AND o.path < :hi";
        if (dissolved == Dissolved::kExclude) q += " AND o.valid_to IS NULL";
        q += " ORDER BY o.path";
        std::vector<Organization> out;
        for (const Row& r : Query(s_, q, Params().Text(path).Text(SubtreeEnd(path))))
            out.push_back(ReadOrganization(r));
        return out;
    }

private:
    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::OrganizationRepository> MakeOrganizationRepository(soci::session& session) {
    return std::make_unique<SqlOrganizations>(session);
}

}  // namespace chibo::storage::sql
