#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/position_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

constexpr const char* kPositionSelect =
    "SELECT p.id, p.organization_id, p.member_id, m.full_name, p.kind, p.term_start, p.term_end FROM positions p "
    "JOIN members m ON m.id = p.member_id ";
constexpr const char* kPositionOrder =
    " ORDER BY CASE p.kind WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 WHEN 'committee_member' THEN 2 "
    "ELSE 3 END, p.term_start, p.id";

Position ReadPosition(const Row& r) {
    Position p;
    p.id = PositionId(r.Int(0));
    p.organization = OrganizationId(r.Int(1));
    p.member = MemberId(r.Int(2));
    p.member_name = r.Text(3);
    p.kind = Decode(r.Text(4), PositionKindFromCode, "positions.kind");
    p.term_start = r.Date(5);
    p.term_end = r.OptDate(6);
    return p;
}

class SqlPositions final : public PositionRepository {
public:
    explicit SqlPositions(soci::session& s) : s_(s) {}

    std::optional<Position> Get(PositionId id) override {
        auto r = QueryOne(s_, std::string(kPositionSelect) + "WHERE p.id = :id", Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadPosition(*r);
    }

    std::vector<Position> ForOrganization(OrganizationId organization,
                                          std::optional<base::Date> in_office_on) override {
        std::string q = std::string(kPositionSelect) + "WHERE p.organization_id = :o";
        Params params;
        params.Int(organization.value);
        if (in_office_on) {
            q += " AND (p.term_end IS NULL OR p.term_end >= :today)";
            params.Date(*in_office_on);
        }
        std::vector<Position> out;
        for (const Row& r : Query(s_, q + kPositionOrder, params)) out.push_back(ReadPosition(r));
        return out;
    }

    std::vector<Position> ForMember(MemberId member) override {
        std::vector<Position> out;
        for (const Row& r : Query(s_, std::string(kPositionSelect) + "WHERE p.member_id = :m" + kPositionOrder,
                                  Params().Int(member.value))) {
            out.push_back(ReadPosition(r));
        }
        return out;
    }

    Position Insert(const Position& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO positions (organization_id, member_id, kind, term_start, term_end) VALUES "
                          "(:o, :m, :k, :s, :e) RETURNING id",
                          Params()
                              .Int(in.organization.value)
                              .Int(in.member.value)
                              .Text(std::string(ToCode(in.kind)))
                              .Date(in.term_start)
                              .Date(in.term_end));
        return *Get(PositionId(r->Int(0)));
    }

    void SetTermEnd(PositionId id, base::Date term_end) override {
        Exec(s_, "UPDATE positions SET term_end = :e WHERE id = :id", Params().Date(term_end).Int(id.value));
    }

private:
    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::PositionRepository> MakePositionRepository(soci::session& session) {
    return std::make_unique<SqlPositions>(session);
}

}  // namespace chibo::storage::sql
