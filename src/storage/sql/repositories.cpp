#include "storage/sql/repositories.hpp"

#include <soci/soci.h>
#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "base/text.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

// "1,2,3" for an IN list: integers written by us, not text from a request, so nothing to quote.
std::string IdList(const std::vector<std::int64_t>& ids) {
    std::string list;
    for (std::int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    return list;
}

// ---- Organizations ---------------------------------------------------------------------------

constexpr const char* kOrganizationColumns =
    "o.id, o.parent_id, o.name, o.kind, o.category, o.address, o.valid_from, o.valid_to, o.merged_into_id, o.path";

Organization ReadOrganization(const Row& r) {
    Organization o;
    o.id = OrganizationId(r.Int(0));
    if (auto p = r.OptInt(1)) o.parent = OrganizationId(*p);
    o.name = r.Text(2);
    o.kind = OrganizationKindFromCode(r.Text(3)).value_or(OrganizationKind::kSubordinateCell);
    o.category = CellCategoryFromCode(r.Text(4)).value_or(CellCategory::kNone);
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

    std::vector<Organization> Children(OrganizationId parent, bool include_dissolved) override {
        std::string q = std::string("SELECT ") + kOrganizationColumns + " FROM organizations o WHERE o.parent_id = :p";
        if (!include_dissolved) q += " AND o.valid_to IS NULL";
        q += " ORDER BY o.name_key, o.id";
        std::vector<Organization> out;
        for (const Row& r : Query(s_, q, Params().Int(parent.value))) out.push_back(ReadOrganization(r));
        return out;
    }

    bool HasChildren(OrganizationId parent, bool include_dissolved) override {
        std::string q = "SELECT 1 FROM organizations WHERE parent_id = :p";
        if (!include_dissolved) q += " AND valid_to IS NULL";
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
            switch (MemberStatusFromCode(r.Text(0)).value_or(MemberStatus::kRemoved)) {
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

    std::vector<Organization> Subtree(const std::string& path, bool include_dissolved) override {
        std::string q = std::string("SELECT ") + kOrganizationColumns +
                        " FROM organizations o WHERE o.path >= :lo AND o.path < :hi";
        if (!include_dissolved) q += " AND o.valid_to IS NULL";
        q += " ORDER BY o.path";
        std::vector<Organization> out;
        for (const Row& r : Query(s_, q, Params().Text(path).Text(SubtreeEnd(path))))
            out.push_back(ReadOrganization(r));
        return out;
    }

private:
    soci::session& s_;
};

// ---- Members ---------------------------------------------------------------------------------
// A member is on the roll of a cell and may also belong to one of its party groups, whose path lies
// inside the cell's. Subtree queries join on the group when there is one, so a group's subtree holds
// its members and the cell's subtree still holds them all.

constexpr const char* kMemberColumns =
    "m.id, m.organization_id, m.party_group_id, m.full_name, m.sex, m.date_of_birth, m.status, m.admission_date, "
    "m.official_date, m.party_card_number, m.citizen_id, m.phone, m.address, m.note";

Member ReadMember(const Row& r) {
    Member m;
    m.id = MemberId(r.Int(0));
    m.organization = OrganizationId(r.Int(1));
    if (auto g = r.OptInt(2)) m.party_group = OrganizationId(*g);
    m.full_name = r.Text(3);
    m.sex = SexFromCode(r.Text(4)).value_or(Sex::kMale);
    m.date_of_birth = r.Date(5);
    m.status = MemberStatusFromCode(r.Text(6)).value_or(MemberStatus::kOfficial);
    m.admission_date = r.OptDate(7);
    m.official_date = r.OptDate(8);
    m.party_card_number = r.Text(9);
    m.citizen_id = r.Text(10);
    m.phone = r.Text(11);
    m.address = r.Text(12);
    m.note = r.Text(13);
    return m;
}

// The folded name from each word to the end: "dang van hung", "van hung", "hung". A prefix search on
// these finds a name by the start of any of its words.
std::vector<std::string> NameSuffixes(const std::string& full_name) {
    const std::string folded = base::FoldForSearch(full_name);
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < folded.size()) {
        out.push_back(folded.substr(start));
        const std::size_t space = folded.find(' ', start);
        if (space == std::string::npos) break;
        start = space + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

class SqlMembers final : public MemberRepository {
public:
    std::vector<std::pair<MemberId, OrganizationId>> ExpectedMembers() override {
        std::vector<std::pair<MemberId, OrganizationId>> out;
        for (const Row& r :
             Query(s_, "SELECT id, organization_id FROM members WHERE on_roll = 1 AND status IN (:a, :b)",
                   Params()
                       .Text(std::string(ToCode(MemberStatus::kOfficial)))
                       .Text(std::string(ToCode(MemberStatus::kProbationary)))))
            out.emplace_back(MemberId(r.Int(0)), OrganizationId(r.Int(1)));
        return out;
    }

    explicit SqlMembers(soci::session& s) : s_(s) {}

    std::optional<Member> Get(MemberId id) override {
        auto r = QueryOne(s_, std::string("SELECT ") + kMemberColumns + " FROM members m WHERE m.id = :id",
                          Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadMember(*r);
    }

    std::vector<std::pair<MemberId, std::string>> NamesOf(const std::vector<MemberId>& ids) override {
        constexpr std::size_t kChunk = 500;
        std::vector<std::pair<MemberId, std::string>> out;
        out.reserve(ids.size());
        for (std::size_t at = 0; at < ids.size(); at += kChunk) {
            std::vector<std::int64_t> chunk;
            for (std::size_t i = at; i < std::min(ids.size(), at + kChunk); ++i) chunk.push_back(ids[i].value);
            for (const Row& r : Query(s_, "SELECT id, full_name FROM members WHERE id IN (" + IdList(chunk) + ")"))
                out.emplace_back(MemberId(r.Int(0)), r.Text(1));
        }
        return out;
    }

    MemberPage Search(const MemberQuery& q) override {
        std::string where =
            " FROM members m JOIN organizations o ON o.id = COALESCE(m.party_group_id, m.organization_id) WHERE "
            "o.path >= :lo AND "
            "o.path < :hi";
        Params params;
        params.Text(q.subtree_path).Text(SubtreeEnd(q.subtree_path));
        if (!q.include_off_roll) where += " AND m.on_roll = 1";
        if (q.status) {
            where += " AND m.status = :st";
            params.Text(std::string(ToCode(*q.status)));
        }
        if (q.only_member) {
            where += " AND m.id = :only";
            params.Int(q.only_member->value);
        }
        if (!q.folded_prefix.empty()) {
            where +=
                " AND m.id IN (SELECT w.member_id FROM member_name_words w WHERE w.suffix >= :qlo AND "
                "w.suffix < :qhi)";
            params.Text(q.folded_prefix).Text(q.folded_prefix + "\x7f");
        }
        MemberPage page;
        page.total = QueryOne(s_, "SELECT COUNT(*)" + where, params)->Int(0);
        Params paged = params;
        paged.Int(q.limit).Int(q.offset);
        for (const Row& r : Query(
                 s_,
                 std::string("SELECT ") + kMemberColumns + where + " ORDER BY m.sort_key, m.id LIMIT :lim OFFSET :off",
                 paged)) {
            page.items.push_back(ReadMember(r));
        }
        return page;
    }

    Member Insert(const Member& in) override {
        auto r =
            QueryOne(s_,
                     "INSERT INTO members (organization_id, party_group_id, full_name, sort_key, search_name, sex, "
                     "date_of_birth, status, on_roll, admission_date, official_date, party_card_number, "
                     "citizen_id, phone, address, note) VALUES (:o, :g, :n, :k, :s, :sex, :dob, :st, :roll, "
                     ":ad, :od, :card, :cid, :ph, :addr, :note) RETURNING id",
                     Bind(in));
        Member out = in;
        out.id = MemberId(r->Int(0));
        WriteNameWords(out);
        return out;
    }

    void Update(const Member& m) override {
        Params p = Bind(m);
        p.Int(m.id.value);
        Exec(s_,
             "UPDATE members SET organization_id = :o, party_group_id = :g, full_name = :n, sort_key = :k, "
             "search_name = :s, sex = :sex, date_of_birth = :dob, status = :st, on_roll = :roll, admission_date = :ad, "
             "official_date = :od, party_card_number = :card, citizen_id = :cid, phone = :ph, address = :addr, "
             "note = :note WHERE id = :id",
             p);
        Exec(s_, "DELETE FROM member_name_words WHERE member_id = :id", Params().Int(m.id.value));
        WriteNameWords(m);
    }

    std::optional<MemberId> FindByPartyCard(const std::string& number) override {
        auto r = QueryOne(s_, "SELECT id FROM members WHERE party_card_number = :n", Params().Text(number));
        if (!r) return std::nullopt;
        return MemberId(r->Int(0));
    }

    std::optional<MemberId> FindByCitizenId(const std::string& number) override {
        auto r = QueryOne(s_, "SELECT id FROM members WHERE citizen_id = :n", Params().Text(number));
        if (!r) return std::nullopt;
        return MemberId(r->Int(0));
    }

    std::vector<Member> OnRollOf(OrganizationId cell) override {
        std::vector<Member> out;
        for (const Row& r : Query(s_,
                                  std::string("SELECT ") + kMemberColumns +
                                      " FROM members m WHERE m.organization_id = :o AND m.on_roll = 1 ORDER BY "
                                      "m.sort_key, m.id",
                                  Params().Int(cell.value))) {
            out.push_back(ReadMember(r));
        }
        return out;
    }

    std::vector<Membership> Memberships(MemberId member) override {
        std::vector<Membership> out;
        for (const Row& r :
             Query(s_,
                   "SELECT id, member_id, organization_id, start_date, end_date, reason FROM memberships "
                   "WHERE member_id = :m ORDER BY start_date, id",
                   Params().Int(member.value))) {
            Membership ms;
            ms.id = MembershipId(r.Int(0));
            ms.member = MemberId(r.Int(1));
            ms.organization = OrganizationId(r.Int(2));
            ms.start_date = r.Date(3);
            ms.end_date = r.OptDate(4);
            ms.reason = r.Text(5);
            out.push_back(ms);
        }
        return out;
    }

    Membership OpenMembership(const Membership& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO memberships (member_id, organization_id, start_date, end_date, reason) VALUES "
                          "(:m, :o, :s, :e, :r) RETURNING id",
                          Params()
                              .Int(in.member.value)
                              .Int(in.organization.value)
                              .Date(in.start_date)
                              .Date(in.end_date)
                              .Text(in.reason));
        Membership out = in;
        out.id = MembershipId(r->Int(0));
        return out;
    }

    void CloseMembership(MemberId member, base::Date end_date) override {
        Exec(s_, "UPDATE memberships SET end_date = :e WHERE member_id = :m AND end_date IS NULL",
             Params().Date(end_date).Int(member.value));
    }

private:
    static Params Bind(const Member& m) {
        Params p;
        p.Int(m.organization.value)
            .Id(m.party_group)
            .Text(m.full_name)
            .Text(base::NameSortKey(m.full_name))
            .Text(base::FoldForSearch(m.full_name))
            .Text(std::string(ToCode(m.sex)))
            .Date(m.date_of_birth)
            .Text(std::string(ToCode(m.status)))
            .Int(OnRoll(m.status) ? 1 : 0)
            .Date(m.admission_date)
            .Date(m.official_date)
            .TextOrNull(m.party_card_number)
            .TextOrNull(m.citizen_id)
            .Text(m.phone)
            .Text(m.address)
            .Text(m.note);
        return p;
    }

    void WriteNameWords(const Member& m) {
        for (const std::string& suffix : NameSuffixes(m.full_name)) {
            Exec(s_, "INSERT INTO member_name_words (suffix, member_id) VALUES (:s, :m)",
                 Params().Text(suffix).Int(m.id.value));
        }
    }

    soci::session& s_;
};

// ---- Positions -------------------------------------------------------------------------------

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
    p.kind = PositionKindFromCode(r.Text(4)).value_or(PositionKind::kCommitteeMember);
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

    std::vector<Position> ForOrganization(OrganizationId organization, bool include_ended) override {
        std::string q = std::string(kPositionSelect) + "WHERE p.organization_id = :o";
        Params params;
        params.Int(organization.value);
        if (!include_ended) {
            q += " AND (p.term_end IS NULL OR p.term_end >= :today)";
            params.Date(base::Date::Today());
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

// ---- Users and sessions ----------------------------------------------------------------------

class SqlUsers final : public UserRepository {
public:
    explicit SqlUsers(soci::session& s) : s_(s) {}

    std::optional<User> Get(UserId id) override {
        return One("SELECT id, username, display_name, member_id, password_hash FROM users WHERE id = :id",
                   Params().Int(id.value));
    }

    std::optional<User> FindByUsername(const std::string& username) override {
        return One("SELECT id, username, display_name, member_id, password_hash FROM users WHERE username = :u",
                   Params().Text(username));
    }

    UserPage ListInSubtree(const std::string& path, int offset, int limit) override {
        const std::string where =
            " FROM users u WHERE EXISTS (SELECT 1 FROM role_grants g JOIN organizations o ON o.id = g.organization_id "
            "WHERE g.user_id = u.id AND o.path >= :lo AND o.path < :hi)";
        UserPage page;
        page.total = QueryOne(s_, "SELECT COUNT(*)" + where, Params().Text(path).Text(SubtreeEnd(path)))->Int(0);
        for (const Row& r : Query(s_,
                                  "SELECT u.id, u.username, u.display_name, u.member_id, u.password_hash" + where +
                                      " ORDER BY u.username LIMIT :lim OFFSET :off",
                                  Params().Text(path).Text(SubtreeEnd(path)).Int(limit).Int(offset))) {
            page.items.push_back(WithRoles(ReadUser(r)));
        }
        return page;
    }

    User Insert(const User& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO users (username, display_name, member_id, password_hash, created_at) VALUES "
                          "(:u, :d, :m, :h, :c) RETURNING id",
                          Params()
                              .Text(in.username)
                              .Text(in.display_name)
                              .Id(in.member)
                              .Text(in.password_hash)
                              .Text(base::NowIsoTimestamp()));
        return *Get(UserId(r->Int(0)));
    }

    RoleGrant AddRole(UserId user, Role role, OrganizationId organization) override {
        auto r =
            QueryOne(s_, "INSERT INTO role_grants (user_id, role, organization_id) VALUES (:u, :r, :o) RETURNING id",
                     Params().Int(user.value).Text(std::string(ToCode(role))).Int(organization.value));
        const RoleGrantId id(r->Int(0));
        for (const RoleGrant& g : Roles(user))
            if (g.id == id) return g;
        throw std::logic_error("role grant vanished");
    }

    void RemoveRole(RoleGrantId grant) override {
        Exec(s_, "DELETE FROM role_grants WHERE id = :id", Params().Int(grant.value));
    }

    void InsertSession(const Session& session) override {
        Exec(s_,
             "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (:t, :u, :c, :cr, "
             ":e)",
             Params()
                 .Text(session.token_hash)
                 .Int(session.user.value)
                 .Text(session.csrf_token)
                 .Int(session.created_at)
                 .Int(session.expires_at));
    }

    std::optional<Session> FindSession(const std::string& token_hash) override {
        auto r = QueryOne(s_,
                          "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE "
                          "token_hash = :t",
                          Params().Text(token_hash));
        if (!r) return std::nullopt;
        return Session{r->Text(0), UserId(r->Int(1)), r->Text(2), r->Int(3), r->Int(4)};
    }

    void DeleteSession(const std::string& token_hash) override {
        Exec(s_, "DELETE FROM sessions WHERE token_hash = :t", Params().Text(token_hash));
    }

    void DeleteExpiredSessions(std::int64_t now) override {
        Exec(s_, "DELETE FROM sessions WHERE expires_at < :n", Params().Int(now));
    }

private:
    static User ReadUser(const Row& r) {
        User u;
        u.id = UserId(r.Int(0));
        u.username = r.Text(1);
        u.display_name = r.Text(2);
        if (auto m = r.OptInt(3)) u.member = MemberId(*m);
        u.password_hash = r.Text(4);
        return u;
    }

    std::optional<std::int64_t> CalendarFeedCreatedAt(UserId user) override {
        auto r = QueryOne(s_, "SELECT created_at FROM calendar_feeds WHERE user_id = :u", Params().Int(user.value));
        if (!r) return std::nullopt;
        return r->Int(0);
    }

    void SaveCalendarFeed(UserId user, const std::string& token_hash, std::int64_t created_at) override {
        Exec(s_, "DELETE FROM calendar_feeds WHERE user_id = :u", Params().Int(user.value));
        Exec(s_, "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (:u, :h, :c)",
             Params().Int(user.value).Text(token_hash).Int(created_at));
    }

    std::optional<UserId> FindCalendarFeed(const std::string& token_hash) override {
        auto r = QueryOne(s_, "SELECT user_id FROM calendar_feeds WHERE token_hash = :h", Params().Text(token_hash));
        if (!r) return std::nullopt;
        return UserId(r->Int(0));
    }

private:
    std::optional<User> One(const std::string& q, const Params& p) {
        auto r = QueryOne(s_, q, p);
        if (!r) return std::nullopt;
        return WithRoles(ReadUser(*r));
    }

    User WithRoles(User u) {
        u.roles = Roles(u.id);
        return u;
    }

    std::vector<RoleGrant> Roles(UserId user) {
        std::vector<RoleGrant> out;
        for (const Row& r :
             Query(s_,
                   "SELECT g.id, g.role, g.organization_id, o.name, o.path FROM role_grants g JOIN "
                   "organizations o ON o.id = g.organization_id WHERE g.user_id = :u ORDER BY o.path, g.id",
                   Params().Int(user.value))) {
            RoleGrant g;
            g.id = RoleGrantId(r.Int(0));
            g.role = RoleFromCode(r.Text(1)).value_or(Role::kMember);
            g.organization = OrganizationId(r.Int(2));
            g.organization_name = r.Text(3);
            g.organization_path = r.Text(4);
            out.push_back(g);
        }
        return out;
    }

    soci::session& s_;
};

// ---- Audit log -------------------------------------------------------------------------------

std::string SnapshotToJson(const std::optional<Snapshot>& snapshot) {
    if (!snapshot) return "";
    boost::json::object o;
    for (const auto& [k, v] : *snapshot) o[k] = v;
    return boost::json::serialize(o);
}

std::optional<Snapshot> SnapshotFromJson(const std::string& text) {
    if (text.empty()) return std::nullopt;
    Snapshot out;
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(text, ec);
    if (ec || !v.is_object()) return out;
    for (const auto& kv : v.as_object()) {
        out.emplace_back(std::string(kv.key()), kv.value().is_string() ? std::string(kv.value().as_string()) : "");
    }
    return out;
}

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
                 .Text(e.at.empty() ? base::NowIsoTimestamp() : e.at)
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
            " FROM audit_log a LEFT JOIN organizations o ON o.id = a.organization_id WHERE ((o.path >= "
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
                                  "a.organization_id, o.path, a.before_json, a.after_json" +
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
            page.items.push_back(std::move(e));
        }
        return page;
    }

private:
    soci::session& s_;
};

// ---- Document register -----------------------------------------------------------------------

class SqlDocuments final : public DocumentRepository {
public:
    explicit SqlDocuments(soci::session& s) : s_(s) {}

    RegisteredDocument Register(const RegisteredDocument& in, const std::function<std::string(int)>& format) override {
        // The upsert takes the counter row's lock until the caller's transaction ends, so racing
        // transactions number one after another; a rollback returns the number with everything else.
        const int number = static_cast<int>(
            QueryOne(s_,
                     "INSERT INTO document_counters (organization_id, doc_type, term, last_number) VALUES (:o, :t, "
                     ":term, 1) ON CONFLICT (organization_id, doc_type, term) DO UPDATE SET last_number = "
                     "document_counters.last_number + 1 RETURNING last_number",
                     Params().Int(in.organization.value).Text(std::string(ToCode(in.type))).Text(in.term))
                ->Int(0));
        RegisteredDocument out = in;
        out.number = number;
        out.number_text = format(number);
        auto r = QueryOne(s_,
                          "INSERT INTO documents (organization_id, doc_type, term, number, number_text, issued_on, "
                          "title, created_by, created_at) VALUES (:o, :t, :term, :n, :nt, :d, :title, :by, :at) "
                          "RETURNING id",
                          Params()
                              .Int(out.organization.value)
                              .Text(std::string(ToCode(out.type)))
                              .Text(out.term)
                              .Int(out.number)
                              .Text(out.number_text)
                              .Date(out.issued_on)
                              .Text(out.title)
                              .Text(out.created_by)
                              .Text(base::NowIsoTimestamp()));
        out.id = DocumentId(r->Int(0));
        return out;
    }

    DocumentPage List(OrganizationId organization, std::optional<DocumentType> type, const std::string& term,
                      int offset, int limit) override {
        std::string where = " FROM documents WHERE organization_id = :o";
        Params params;
        params.Int(organization.value);
        if (type) {
            where += " AND doc_type = :t";
            params.Text(std::string(ToCode(*type)));
        }
        if (!term.empty()) {
            where += " AND term = :term";
            params.Text(term);
        }
        DocumentPage page;
        page.total = QueryOne(s_, "SELECT COUNT(*)" + where, params)->Int(0);
        Params paged = params;
        paged.Int(limit).Int(offset);
        for (const Row& r : Query(s_,
                                  "SELECT id, organization_id, doc_type, term, number, number_text, issued_on, title, "
                                  "created_by" +
                                      where + " ORDER BY id DESC LIMIT :lim OFFSET :off",
                                  paged)) {
            RegisteredDocument d;
            d.id = DocumentId(r.Int(0));
            d.organization = OrganizationId(r.Int(1));
            d.type = DocumentTypeFromCode(r.Text(2)).value_or(DocumentType::kResolution);
            d.term = r.Text(3);
            d.number = static_cast<int>(r.Int(4));
            d.number_text = r.Text(5);
            d.issued_on = r.Date(6);
            d.title = r.Text(7);
            d.created_by = r.Text(8);
            page.items.push_back(std::move(d));
        }
        return page;
    }

private:
    soci::session& s_;
};

// ---- Meeting rules and meetings --------------------------------------------------------------

std::string JoinInts(const std::set<int>& values) {
    std::string out;
    for (int v : values) out += (out.empty() ? "" : ",") + std::to_string(v);
    return out;
}

std::set<int> SplitInts(const std::string& text) {
    std::set<int> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t end = std::min(text.find(',', i), text.size());
        if (end > i) out.insert(std::stoi(text.substr(i, end - i)));
        i = end + 1;
    }
    return out;
}

constexpr const char* kMeetingColumns =
    "id, organization_id, kind, year, month, scheduled_on, start_minutes, min_minutes, state, shifted, "
    "moved_reason, cancelled_reason, preparer_id, preparer_name, place, committee_meeting_on, "
    "committee_meeting_notes, agenda, superior_official, notified_at, documents_sent_at, started_minutes, "
    "ended_minutes, chair_id, chair_name, minute_taker_id, minute_taker_name, guests, superior_attended, "
    "conclusion, resolution, vote_in_favour, vote_against, vote_abstaining, vote_scope, finalised_at, "
    "minutes_number, resolution_number, reported_at";

// Agenda items and guests are stored one per line (they are single lines by validation).
std::string JoinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t end = std::min(text.find('\n', i), text.size());
        out.push_back(text.substr(i, end - i));
        i = end + 1;
    }
    return out;
}

std::optional<int> OptInt32(const Row& r, std::size_t i) {
    auto v = r.OptInt(i);
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
}

template <typename IdT>
std::optional<IdT> OptId(const Row& r, std::size_t i) {
    auto v = r.OptInt(i);
    if (!v) return std::nullopt;
    return IdT(*v);
}

Meeting ReadMeeting(const Row& r) {
    Meeting m;
    m.id = MeetingId(r.Int(0));
    m.organization = OrganizationId(r.Int(1));
    m.kind = r.Text(2) == "thematic" ? MeetingKind::kThematic : MeetingKind::kRegular;
    m.year = static_cast<int>(r.Int(3));
    m.month = static_cast<int>(r.Int(4));
    m.date = r.Date(5);
    m.start_minutes = static_cast<int>(r.Int(6));
    m.min_minutes = static_cast<int>(r.Int(7));
    m.state = MeetingStateFromCode(r.Text(8)).value_or(MeetingState::kPlanned);
    m.shifted = r.Int(9) != 0;
    m.moved_reason = r.Text(10);
    m.cancelled_reason = r.Text(11);
    MeetingPreparation& p = m.preparation;
    p.preparer = OptId<MemberId>(r, 12);
    p.preparer_name = r.Text(13);
    p.place = r.Text(14);
    p.committee_meeting_on = r.OptDate(15);
    p.committee_meeting_notes = r.Text(16);
    p.agenda = SplitLines(r.Text(17));
    p.superior_official = r.Text(18);
    m.notified_at = r.OptInt(19);
    m.documents_sent_at = r.OptInt(20);
    MeetingRecord& rec = m.record;
    rec.started_minutes = OptInt32(r, 21);
    rec.ended_minutes = OptInt32(r, 22);
    rec.chair = OptId<MemberId>(r, 23);
    rec.chair_name = r.Text(24);
    rec.minute_taker = OptId<MemberId>(r, 25);
    rec.minute_taker_name = r.Text(26);
    rec.guests = SplitLines(r.Text(27));
    rec.superior_attended = r.Int(28) != 0;
    rec.conclusion = r.Text(29);
    rec.resolution = r.Text(30);
    if (!r.IsNull(31))
        rec.vote = Vote{static_cast<int>(r.Int(31)), static_cast<int>(r.Int(32)), static_cast<int>(r.Int(33))};
    rec.vote_scope = VoteScopeFromCode(r.Text(34)).value_or(VoteScope::kAllPresent);
    m.finalised_at = r.OptInt(35);
    m.minutes_number = r.Text(36);
    m.resolution_number = r.Text(37);
    m.reported_at = r.OptInt(38);
    return m;
}

constexpr const char* kTaskColumns =
    "id, meeting_id, assignee_id, assignee_name, description, deadline, outcome, result, reviewed_in";

ResolutionTask ReadTask(const Row& r) {
    ResolutionTask t;
    t.id = TaskId(r.Int(0));
    t.meeting = MeetingId(r.Int(1));
    t.assignee = OptId<MemberId>(r, 2);
    t.assignee_name = r.Text(3);
    t.description = r.Text(4);
    t.deadline = r.Date(5);
    t.outcome = TaskOutcomeFromCode(r.Text(6)).value_or(TaskOutcome::kOpen);
    t.result = r.Text(7);
    t.reviewed_in = OptId<MeetingId>(r, 8);
    return t;
}

AttendanceRecord ReadAttendance(const Row& r, std::size_t at) {
    AttendanceRecord a;
    a.member = MemberId(r.Int(at));
    a.member_name = r.Text(at + 1);
    a.status_at_meeting = MemberStatusFromCode(r.Text(at + 2)).value_or(MemberStatus::kOfficial);
    a.presence = PresenceFromCode(r.Text(at + 3)).value_or(Presence::kUnexcused);
    a.reason = r.Text(at + 4);
    return a;
}

std::optional<std::int64_t> OptVote(const std::optional<Vote>& vote, int Vote::*field) {
    if (!vote) return std::nullopt;
    return (*vote).*field;
}

// Scorecards are stored as JSON text (one row per version): the engine keeps them whole, nothing
// queries inside them.
std::string ScorecardToJson(const Scorecard& card) {
    boost::json::array blocks;
    for (const ScoreBlock& b : card.blocks) {
        boost::json::array criteria;
        for (const Criterion& c : b.criteria) {
            boost::json::array tiers;
            for (const Tier& t : c.tiers)
                tiers.push_back({{"min", t.min},
                                 {"max", t.max ? boost::json::value(*t.max) : boost::json::value(nullptr)},
                                 {"points", t.points}});
            boost::json::array caps;
            for (const Cap& cap : c.caps)
                caps.push_back({{"metric", ToCode(cap.metric)}, {"at_least", cap.at_least}, {"points", cap.points}});
            criteria.push_back(
                {{"code", c.code},
                 {"label", c.label},
                 {"max_points", c.max_points},
                 {"metric", c.metric ? boost::json::value(ToCode(*c.metric)) : boost::json::value(nullptr)},
                 {"tiers", std::move(tiers)},
                 {"caps", std::move(caps)}});
        }
        blocks.push_back(
            {{"code", b.code}, {"label", b.label}, {"max_points", b.max_points}, {"criteria", std::move(criteria)}});
    }
    boost::json::array full;
    for (const std::string& code : card.full_marks_for_good) full.emplace_back(code);
    return boost::json::serialize(boost::json::object{{"blocks", std::move(blocks)},
                                                      {"good_min", card.good_min},
                                                      {"fair_min", card.fair_min},
                                                      {"average_min", card.average_min},
                                                      {"full_marks_for_good", std::move(full)}});
}

double JsonNumber(const boost::json::value& v) {
    return v.is_double() ? v.as_double() : static_cast<double>(v.to_number<std::int64_t>());
}

Scorecard ScorecardFromJson(const std::string& text) {
    const boost::json::object o = boost::json::parse(text).as_object();
    Scorecard card;
    for (const auto& bv : o.at("blocks").as_array()) {
        const auto& bo = bv.as_object();
        ScoreBlock b;
        b.code = bo.at("code").as_string().c_str();
        b.label = bo.at("label").as_string().c_str();
        b.max_points = static_cast<int>(bo.at("max_points").to_number<std::int64_t>());
        for (const auto& cv : bo.at("criteria").as_array()) {
            const auto& co = cv.as_object();
            Criterion c;
            c.code = co.at("code").as_string().c_str();
            c.label = co.at("label").as_string().c_str();
            c.max_points = static_cast<int>(co.at("max_points").to_number<std::int64_t>());
            if (co.at("metric").is_string()) c.metric = MetricFromCode(co.at("metric").as_string().c_str());
            for (const auto& tv : co.at("tiers").as_array()) {
                const auto& to = tv.as_object();
                Tier t;
                t.min = JsonNumber(to.at("min"));
                if (!to.at("max").is_null()) t.max = JsonNumber(to.at("max"));
                t.points = static_cast<int>(to.at("points").to_number<std::int64_t>());
                c.tiers.push_back(t);
            }
            for (const auto& capv : co.at("caps").as_array()) {
                const auto& capo = capv.as_object();
                Cap cap;
                cap.metric = MetricFromCode(capo.at("metric").as_string().c_str()).value_or(Metric::kUnexcusedAbsences);
                cap.at_least = JsonNumber(capo.at("at_least"));
                cap.points = static_cast<int>(capo.at("points").to_number<std::int64_t>());
                c.caps.push_back(cap);
            }
            b.criteria.push_back(std::move(c));
        }
        card.blocks.push_back(std::move(b));
    }
    card.good_min = static_cast<int>(o.at("good_min").to_number<std::int64_t>());
    card.fair_min = static_cast<int>(o.at("fair_min").to_number<std::int64_t>());
    card.average_min = static_cast<int>(o.at("average_min").to_number<std::int64_t>());
    for (const auto& v : o.at("full_marks_for_good").as_array())
        card.full_marks_for_good.emplace_back(v.as_string().c_str());
    return card;
}

std::string PointsToJson(const std::map<std::string, int>& points) {
    boost::json::object o;
    for (const auto& [code, p] : points) o[code] = p;
    return boost::json::serialize(o);
}

std::map<std::string, int> PointsFromJson(const std::string& text) {
    std::map<std::string, int> out;
    const boost::json::value parsed = boost::json::parse(text);
    for (const auto& [k, v] : parsed.as_object()) out[std::string(k)] = static_cast<int>(v.to_number<std::int64_t>());
    return out;
}

class SqlMeetings final : public MeetingRepository {
public:
    explicit SqlMeetings(soci::session& s) : s_(s) {}

    std::optional<MeetingRuleOverride> RuleOf(OrganizationId organization) override {
        auto r = QueryOne(s_,
                          "SELECT regular_day, start_minutes, thematic_months, min_minutes, combined_min_minutes, "
                          "shift, holidays FROM meeting_rules WHERE organization_id = :o",
                          Params().Int(organization.value));
        if (!r) return std::nullopt;
        MeetingRuleOverride rule;
        auto opt_int = [&](std::size_t i) -> std::optional<int> {
            if (r->IsNull(i)) return std::nullopt;
            return static_cast<int>(r->Int(i));
        };
        rule.regular_day = opt_int(0);
        rule.start_minutes = opt_int(1);
        if (!r->IsNull(2)) rule.thematic_months = SplitInts(r->Text(2));
        rule.min_minutes = opt_int(3);
        rule.combined_min_minutes = opt_int(4);
        if (!r->IsNull(5)) rule.shift = DayShiftFromCode(r->Text(5));
        const std::string holidays = r->Text(6);
        std::size_t i = 0;
        while (i < holidays.size()) {
            const std::size_t end = std::min(holidays.find(',', i), holidays.size());
            if (auto d = base::Date::ParseIso(holidays.substr(i, end - i))) rule.holidays.insert(*d);
            i = end + 1;
        }
        return rule;
    }

    void SaveRule(OrganizationId organization, const MeetingRuleOverride& rule) override {
        std::string holidays;
        for (const base::Date& d : rule.holidays) holidays += (holidays.empty() ? "" : ",") + d.ToIso();
        Exec(s_, "DELETE FROM meeting_rules WHERE organization_id = :o", Params().Int(organization.value));
        Params p;
        // Unset fields are stored as NULL: they inherit. A set month list is never empty (validated).
        p.Int(organization.value)
            .Int(rule.regular_day)
            .Int(rule.start_minutes)
            .TextOrNull(rule.thematic_months ? JoinInts(*rule.thematic_months) : "")
            .Int(rule.min_minutes)
            .Int(rule.combined_min_minutes)
            .TextOrNull(rule.shift ? std::string(ToCode(*rule.shift)) : "")
            .Text(holidays);
        Exec(s_,
             "INSERT INTO meeting_rules (organization_id, regular_day, start_minutes, thematic_months, min_minutes, "
             "combined_min_minutes, shift, holidays) VALUES (:o, :d, :s, :t, :m, :c, :sh, :h)",
             p);
    }

    std::optional<Meeting> Get(MeetingId id) override {
        auto r = QueryOne(s_, std::string("SELECT ") + kMeetingColumns + " FROM meetings WHERE id = :id",
                          Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadMeeting(*r);
    }

    std::optional<Meeting> Find(OrganizationId cell, MeetingKind kind, int year, int month) override {
        auto r = QueryOne(s_,
                          std::string("SELECT ") + kMeetingColumns +
                              " FROM meetings WHERE organization_id = :o AND kind = :k AND year = :y AND month = :m",
                          Params().Int(cell.value).Text(std::string(ToCode(kind))).Int(year).Int(month));
        if (!r) return std::nullopt;
        return ReadMeeting(*r);
    }

    std::vector<Meeting> ForYear(OrganizationId cell, int year) override {
        std::vector<Meeting> out;
        for (const Row& r :
             Query(s_,
                   std::string("SELECT ") + kMeetingColumns +
                       " FROM meetings WHERE organization_id = :o AND year = :y ORDER BY scheduled_on, id",
                   Params().Int(cell.value).Int(year))) {
            out.push_back(ReadMeeting(r));
        }
        return out;
    }

    Meeting Insert(const Meeting& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO meetings (organization_id, kind, year, month, scheduled_on, start_minutes, "
                          "min_minutes, state, shifted, moved_reason, cancelled_reason) VALUES (:o, :k, :y, :m, :d, "
                          ":s, :mm, :st, :sh, :mr, :cr) RETURNING id",
                          Params()
                              .Int(in.organization.value)
                              .Text(std::string(ToCode(in.kind)))
                              .Int(in.year)
                              .Int(in.month)
                              .Date(in.date)
                              .Int(in.start_minutes)
                              .Int(in.min_minutes)
                              .Text(std::string(ToCode(in.state)))
                              .Int(in.shifted ? 1 : 0)
                              .Text(in.moved_reason)
                              .Text(in.cancelled_reason));
        Meeting out = in;
        out.id = MeetingId(r->Int(0));
        return out;
    }

    void Update(const Meeting& m) override {
        const MeetingPreparation& p = m.preparation;
        const MeetingRecord& rec = m.record;
        Params params;
        params.Date(m.date)
            .Int(m.start_minutes)
            .Int(m.min_minutes)
            .Text(std::string(ToCode(m.state)))
            .Int(m.shifted ? 1 : 0)
            .Text(m.moved_reason)
            .Text(m.cancelled_reason)
            .Id(p.preparer)
            .Text(p.preparer_name)
            .Text(p.place)
            .Date(p.committee_meeting_on)
            .Text(p.committee_meeting_notes)
            .Text(JoinLines(p.agenda))
            .Text(p.superior_official);
        OptBig(params, m.notified_at);
        OptBig(params, m.documents_sent_at);
        params.Int(rec.started_minutes)
            .Int(rec.ended_minutes)
            .Id(rec.chair)
            .Text(rec.chair_name)
            .Id(rec.minute_taker)
            .Text(rec.minute_taker_name)
            .Text(JoinLines(rec.guests))
            .Int(rec.superior_attended ? 1 : 0)
            .Text(rec.conclusion)
            .Text(rec.resolution);
        OptBig(params, OptVote(rec.vote, &Vote::in_favour));
        OptBig(params, OptVote(rec.vote, &Vote::against));
        OptBig(params, OptVote(rec.vote, &Vote::abstaining));
        params.Text(std::string(ToCode(rec.vote_scope)));
        OptBig(params, m.finalised_at);
        params.Text(m.minutes_number).Text(m.resolution_number);
        OptBig(params, m.reported_at);
        params.Int(m.id.value);
        Exec(
            s_,
            "UPDATE meetings SET scheduled_on = :d, start_minutes = :s, min_minutes = :mm, state = :st, shifted = :sh, "
            "moved_reason = :mr, cancelled_reason = :cr, preparer_id = :pi, preparer_name = :pn, place = :pl, "
            "committee_meeting_on = :cm, committee_meeting_notes = :cn, agenda = :ag, superior_official = :so, "
            "notified_at = :na, documents_sent_at = :ds, started_minutes = :sm, ended_minutes = :em, chair_id = :ci, "
            "chair_name = :cna, minute_taker_id = :mi, minute_taker_name = :mn, guests = :g, superior_attended = :sa, "
            "conclusion = :co, resolution = :re, vote_in_favour = :vf, vote_against = :va, vote_abstaining = :vb, "
            "vote_scope = :vs, finalised_at = :fa, minutes_number = :mnu, resolution_number = :rnu, reported_at = :ra "
            "WHERE id = :id",
            params);
    }

    std::vector<Meeting> InSubtreeBetween(const std::string& path, base::Date from, base::Date to, int limit) override {
        std::vector<Meeting> out;
        for (const Row& r : Query(s_,
                                  std::string("SELECT ") + kMeetingColumns +
                                      " FROM meetings WHERE organization_id IN (SELECT id FROM organizations WHERE "
                                      "path >= :lo AND path < :hi) AND scheduled_on >= :f AND scheduled_on <= :t "
                                      "ORDER BY scheduled_on, start_minutes, id LIMIT :lim",
                                  Params().Text(path).Text(SubtreeEnd(path)).Date(from).Date(to).Int(limit)))
            out.push_back(ReadMeeting(r));
        return out;
    }

    std::vector<AttendanceRecord> Attendance(MeetingId meeting) override {
        std::vector<AttendanceRecord> out;
        for (const Row& r : Query(s_,
                                  "SELECT member_id, member_name, status_at_meeting, presence, reason FROM "
                                  "meeting_attendance WHERE meeting_id = :m ORDER BY seq",
                                  Params().Int(meeting.value)))
            out.push_back(ReadAttendance(r, 0));
        return out;
    }

    void SaveAttendance(MeetingId meeting, const std::vector<AttendanceRecord>& records) override {
        Exec(s_, "DELETE FROM meeting_attendance WHERE meeting_id = :m", Params().Int(meeting.value));
        int seq = 0;
        for (const AttendanceRecord& a : records)
            Exec(s_,
                 "INSERT INTO meeting_attendance (meeting_id, seq, member_id, member_name, status_at_meeting, "
                 "presence, reason) VALUES (:m, :s, :mi, :mn, :st, :p, :r)",
                 Params()
                     .Int(meeting.value)
                     .Int(seq++)
                     .Int(a.member.value)
                     .Text(a.member_name)
                     .Text(std::string(ToCode(a.status_at_meeting)))
                     .Text(std::string(ToCode(a.presence)))
                     .Text(a.reason));
    }

    std::vector<Opinion> Opinions(MeetingId meeting) override {
        std::vector<Opinion> out;
        for (const Row& r :
             Query(s_,
                   "SELECT speaker_id, speaker_name, summary FROM meeting_opinions WHERE meeting_id = :m "
                   "ORDER BY seq",
                   Params().Int(meeting.value)))
            out.push_back({OptId<MemberId>(r, 0), r.Text(1), r.Text(2)});
        return out;
    }

    void SaveOpinions(MeetingId meeting, const std::vector<Opinion>& opinions) override {
        Exec(s_, "DELETE FROM meeting_opinions WHERE meeting_id = :m", Params().Int(meeting.value));
        int seq = 0;
        for (const Opinion& o : opinions)
            Exec(s_,
                 "INSERT INTO meeting_opinions (meeting_id, seq, speaker_id, speaker_name, summary) VALUES (:m, :s, "
                 ":sp, :sn, :su)",
                 Params().Int(meeting.value).Int(seq++).Id(o.speaker).Text(o.speaker_name).Text(o.summary));
    }

    std::vector<ResolutionTask> TasksSetBy(MeetingId meeting) override {
        return Tasks(
            std::string("SELECT ") + kTaskColumns + " FROM resolution_tasks WHERE meeting_id = :m ORDER BY seq",
            Params().Int(meeting.value));
    }

    void ReplaceTasksSetBy(MeetingId meeting, OrganizationId cell, const std::vector<ResolutionTask>& tasks) override {
        Exec(s_, "DELETE FROM resolution_tasks WHERE meeting_id = :m", Params().Int(meeting.value));
        int seq = 0;
        for (const ResolutionTask& t : tasks)
            Exec(s_,
                 "INSERT INTO resolution_tasks (meeting_id, organization_id, seq, assignee_id, assignee_name, "
                 "description, deadline, outcome, result, reviewed_in) VALUES (:m, :o, :s, :a, :an, :d, :dl, :oc, "
                 ":r, :rv)",
                 Params()
                     .Int(meeting.value)
                     .Int(cell.value)
                     .Int(seq++)
                     .Id(t.assignee)
                     .Text(t.assignee_name)
                     .Text(t.description)
                     .Date(t.deadline)
                     .Text(std::string(ToCode(t.outcome)))
                     .Text(t.result)
                     .Id(t.reviewed_in));
    }

    std::vector<ResolutionTask> TasksOfCellBefore(OrganizationId cell, base::Date before) override {
        std::string cols;
        for (const char* c : {"t.id", "t.meeting_id", "t.assignee_id", "t.assignee_name", "t.description", "t.deadline",
                              "t.outcome", "t.result", "t.reviewed_in"})
            cols += (cols.empty() ? "" : ", ") + std::string(c);
        return Tasks("SELECT " + cols +
                         " FROM resolution_tasks t JOIN meetings m ON m.id = t.meeting_id WHERE t.organization_id = :o "
                         "AND m.scheduled_on < :b AND m.state <> 'cancelled' ORDER BY t.deadline, t.id",
                     Params().Int(cell.value).Date(before));
    }

    std::vector<ResolutionTask> TasksReviewedIn(MeetingId meeting) override {
        return Tasks(std::string("SELECT ") + kTaskColumns +
                         " FROM resolution_tasks WHERE reviewed_in = :m ORDER BY deadline, id",
                     Params().Int(meeting.value));
    }

    void SaveTaskReview(const ResolutionTask& t) override {
        Exec(s_, "UPDATE resolution_tasks SET outcome = :o, result = :r, reviewed_in = :rv WHERE id = :id",
             Params().Text(std::string(ToCode(t.outcome))).Text(t.result).Id(t.reviewed_in).Int(t.id.value));
    }

    std::vector<Attachment> Attachments(MeetingId meeting) override {
        std::vector<Attachment> out;
        for (const Row& r : Query(s_,
                                  "SELECT id, meeting_id, file_name, content_type, size, sha256, uploaded_at, "
                                  "uploaded_by FROM meeting_attachments WHERE meeting_id = :m ORDER BY id",
                                  Params().Int(meeting.value))) {
            Attachment a;
            a.id = r.Int(0);
            a.meeting = MeetingId(r.Int(1));
            a.file_name = r.Text(2);
            a.content_type = r.Text(3);
            a.size = r.Int(4);
            a.sha256 = r.Text(5);
            a.uploaded_at = r.Int(6);
            a.uploaded_by = r.Text(7);
            out.push_back(std::move(a));
        }
        return out;
    }

    Attachment InsertAttachment(const Attachment& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO meeting_attachments (meeting_id, file_name, content_type, size, sha256, "
                          "uploaded_at, uploaded_by) VALUES (:m, :f, :c, :s, :h, :u, :b) RETURNING id",
                          Params()
                              .Int(in.meeting.value)
                              .Text(in.file_name)
                              .Text(in.content_type)
                              .Int(in.size)
                              .Text(in.sha256)
                              .Int(in.uploaded_at)
                              .Text(in.uploaded_by));
        Attachment out = in;
        out.id = r->Int(0);
        return out;
    }

    void DeleteAttachment(std::int64_t id) override {
        Exec(s_, "DELETE FROM meeting_attachments WHERE id = :id", Params().Int(id));
    }

    bool ContentInUse(const std::string& sha256) override {
        return QueryOne(s_, "SELECT 1 FROM meeting_attachments WHERE sha256 = :h LIMIT 1", Params().Text(sha256))
            .has_value();
    }

    std::vector<LeaveRequest> LeaveRequests(MeetingId meeting) override {
        std::vector<LeaveRequest> out;
        for (const Row& r : Query(s_,
                                  "SELECT member_id, member_name, reason, requested_at FROM meeting_leave_requests "
                                  "WHERE meeting_id = :m ORDER BY requested_at, member_id",
                                  Params().Int(meeting.value)))
            out.push_back({MemberId(r.Int(0)), r.Text(1), r.Text(2), r.Int(3)});
        return out;
    }

    void SaveLeaveRequest(MeetingId meeting, const LeaveRequest& request) override {
        Exec(s_, "DELETE FROM meeting_leave_requests WHERE meeting_id = :m AND member_id = :mi",
             Params().Int(meeting.value).Int(request.member.value));
        Exec(s_,
             "INSERT INTO meeting_leave_requests (meeting_id, member_id, member_name, reason, requested_at) VALUES "
             "(:m, :mi, :mn, :r, :at)",
             Params()
                 .Int(meeting.value)
                 .Int(request.member.value)
                 .Text(request.member_name)
                 .Text(request.reason)
                 .Int(request.requested_at));
    }

    std::vector<Amendment> Amendments(MeetingId meeting) override {
        std::vector<Amendment> out;
        for (const Row& r : Query(s_,
                                  "SELECT id, meeting_id, text, reason, created_by, created_at FROM meeting_amendments "
                                  "WHERE meeting_id = :m ORDER BY id",
                                  Params().Int(meeting.value)))
            out.push_back({r.Int(0), MeetingId(r.Int(1)), r.Text(2), r.Text(3), r.Text(4), r.Int(5)});
        return out;
    }

    Amendment InsertAmendment(const Amendment& in) override {
        auto r = QueryOne(
            s_,
            "INSERT INTO meeting_amendments (meeting_id, text, reason, created_by, created_at) VALUES "
            "(:m, :t, :r, :b, :at) RETURNING id",
            Params().Int(in.meeting.value).Text(in.text).Text(in.reason).Text(in.created_by).Int(in.created_at));
        Amendment out = in;
        out.id = r->Int(0);
        return out;
    }

    std::vector<std::pair<base::Date, std::vector<AttendanceRecord>>> UnexcusedInSubtree(const std::string& path,
                                                                                         int year) override {
        std::vector<std::pair<base::Date, std::vector<AttendanceRecord>>> out;
        std::int64_t last = -1;
        for (const Row& r :
             Query(s_,
                   "SELECT m.id, m.scheduled_on, a.member_id, a.member_name, a.status_at_meeting, a.presence, a.reason "
                   "FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id JOIN organizations o ON o.id = "
                   "m.organization_id WHERE o.path >= :lo AND o.path < :hi AND m.year = :y AND a.presence = "
                   "'unexcused' ORDER BY m.id, a.seq",
                   Params().Text(path).Text(SubtreeEnd(path)).Int(year))) {
            if (r.Int(0) != last) {
                out.emplace_back(r.Date(1), std::vector<AttendanceRecord>{});
                last = r.Int(0);
            }
            out.back().second.push_back(ReadAttendance(r, 2));
        }
        return out;
    }

    std::vector<std::pair<Meeting, AttendanceRecord>> AttendanceOf(MemberId member, int year) override {
        std::map<std::int64_t, AttendanceRecord> records;
        for (const Row& r : Query(s_,
                                  "SELECT meeting_id, member_id, member_name, status_at_meeting, presence, reason FROM "
                                  "meeting_attendance WHERE member_id = :mi",
                                  Params().Int(member.value)))
            records.emplace(r.Int(0), ReadAttendance(r, 1));
        std::vector<std::pair<Meeting, AttendanceRecord>> out;
        for (const Row& r : Query(s_,
                                  std::string("SELECT ") + kMeetingColumns +
                                      " FROM meetings WHERE year = :y AND id IN (SELECT meeting_id FROM "
                                      "meeting_attendance WHERE member_id = :mi) ORDER BY scheduled_on, id",
                                  Params().Int(year).Int(member.value))) {
            Meeting m = ReadMeeting(r);
            out.emplace_back(m, records.at(m.id.value));
        }
        return out;
    }

    std::vector<StoredScorecard> Scorecards(OrganizationId organization) override {
        std::vector<StoredScorecard> out;
        for (const Row& r : Query(s_,
                                  "SELECT id, organization_id, effective_from, name, body, created_by, created_at FROM "
                                  "scorecards WHERE organization_id = :o ORDER BY effective_from, id",
                                  Params().Int(organization.value)))
            out.push_back(ReadScorecard(r));
        return out;
    }

    std::optional<StoredScorecard> GetScorecard(std::int64_t id) override {
        auto r = QueryOne(s_,
                          "SELECT id, organization_id, effective_from, name, body, created_by, created_at FROM "
                          "scorecards WHERE id = :id",
                          Params().Int(id));
        if (!r) return std::nullopt;
        return ReadScorecard(*r);
    }

    StoredScorecard InsertScorecard(const StoredScorecard& in) override {
        auto r =
            QueryOne(s_,
                     "INSERT INTO scorecards (organization_id, effective_from, name, body, created_by, created_at) "
                     "VALUES (:o, :f, :n, :b, :by, :at) RETURNING id",
                     Params()
                         .Int(in.organization.value)
                         .Date(in.card.effective_from)
                         .Text(in.card.name)
                         .Text(ScorecardToJson(in.card))
                         .Text(in.created_by)
                         .Int(in.created_at));
        StoredScorecard out = in;
        out.id = r->Int(0);
        return out;
    }

    std::vector<MeetingScore> Scores(MeetingId meeting) override {
        std::vector<MeetingScore> out;
        for (const Row& r :
             Query(s_,
                   "SELECT id, meeting_id, role, scorecard_id, points, total, level, scored_by, scored_at, "
                   "reason FROM meeting_scores WHERE meeting_id = :m ORDER BY id",
                   Params().Int(meeting.value))) {
            MeetingScore sc;
            sc.id = r.Int(0);
            sc.meeting = MeetingId(r.Int(1));
            sc.role = ScorerRoleFromCode(r.Text(2)).value_or(ScorerRole::kCell);
            sc.scorecard_id = r.Int(3);
            sc.points = PointsFromJson(r.Text(4));
            sc.total = static_cast<int>(r.Int(5));
            sc.level = QualityLevelFromCode(r.Text(6)).value_or(QualityLevel::kPoor);
            sc.scored_by = r.Text(7);
            sc.scored_at = r.Int(8);
            sc.reason = r.Text(9);
            out.push_back(std::move(sc));
        }
        return out;
    }

    MeetingScore InsertScore(const MeetingScore& in) override {
        auto r =
            QueryOne(s_,
                     "INSERT INTO meeting_scores (meeting_id, role, scorecard_id, points, total, level, scored_by, "
                     "scored_at, reason) VALUES (:m, :r, :s, :p, :t, :l, :by, :at, :re) RETURNING id",
                     Params()
                         .Int(in.meeting.value)
                         .Text(std::string(ToCode(in.role)))
                         .Int(in.scorecard_id)
                         .Text(PointsToJson(in.points))
                         .Int(in.total)
                         .Text(std::string(ToCode(in.level)))
                         .Text(in.scored_by)
                         .Int(in.scored_at)
                         .Text(in.reason));
        MeetingScore out = in;
        out.id = r->Int(0);
        return out;
    }

    std::int64_t LastMeetingId() override {
        auto r = QueryOne(s_, "SELECT COALESCE(MAX(id), 0) FROM meetings");
        return r ? r->Int(0) : 0;
    }

    std::vector<std::pair<MeetingId, MeetingFigures>> HeldFigures(std::int64_t first, std::int64_t last) override {
        std::string held;
        Params states;
        states.Int(first).Int(last);
        for (MeetingState st :
             {MeetingState::kPlanned, MeetingState::kPrepared, MeetingState::kNotified, MeetingState::kHeld,
              MeetingState::kMinutesFinalised, MeetingState::kReported, MeetingState::kCancelled}) {
            if (!Held(st)) continue;
            held += (held.empty() ? ":s" : ", :s") + std::to_string(held.size());
            states.Text(std::string(ToCode(st)));
        }
        std::vector<std::pair<MeetingId, MeetingFigures>> out;
        std::unordered_map<std::int64_t, std::size_t> at;
        for (const Row& r : Query(s_,
                                  "SELECT id, organization_id, kind, scheduled_on, superior_attended FROM meetings "
                                  "WHERE id BETWEEN :a AND :b AND state IN (" +
                                      held + ") ORDER BY id",
                                  states)) {
            MeetingFigures f;
            f.cell = OrganizationId(r.Int(1));
            f.kind = r.Text(2) == ToCode(MeetingKind::kThematic) ? MeetingKind::kThematic : MeetingKind::kRegular;
            f.month = MonthOf(r.Date(3));
            if (f.month < kFirstStatMonth || f.month >= kFirstStatMonth + kStatMonths) continue;
            f.held = true;
            f.superior_attended = r.Int(4) != 0;
            at[r.Int(0)] = out.size();
            out.emplace_back(MeetingId(r.Int(0)), std::move(f));
        }
        // One pass over the roll calls (the largest table): the counts, and the members absent without
        // leave as a list.
        const bool postgres = s_.get_backend_name() == "postgresql";
        const std::string unexcused_list =
            postgres ? "string_agg(CASE WHEN presence = :u THEN CAST(member_id AS TEXT) END, ',')"
                     : "group_concat(CASE WHEN presence = :u THEN member_id END, ',')";
        for (const Row& r : Query(s_,
                                  "SELECT meeting_id, SUM(CASE WHEN presence = :x THEN 0 ELSE 1 END), "
                                  "SUM(CASE WHEN presence IN (:p, :l) THEN 1 ELSE 0 END), " +
                                      unexcused_list +
                                      " FROM meeting_attendance WHERE meeting_id BETWEEN :a AND :b GROUP BY meeting_id",
                                  Params()
                                      .Text(std::string(ToCode(Presence::kExempt)))
                                      .Text(std::string(ToCode(Presence::kPresent)))
                                      .Text(std::string(ToCode(Presence::kLate)))
                                      .Text(std::string(ToCode(Presence::kUnexcused)))
                                      .Int(first)
                                      .Int(last))) {
            auto found = at.find(r.Int(0));
            if (found == at.end()) continue;
            MeetingFigures& f = out[found->second].second;
            f.expected = static_cast<int>(r.Int(1));
            f.present = static_cast<int>(r.Int(2));
            if (r.IsNull(3)) continue;
            const std::string members = r.Text(3);
            for (std::size_t from = 0; from < members.size();) {
                std::size_t to = members.find(',', from);
                if (to == std::string::npos) to = members.size();
                f.unexcused.push_back(MemberId(std::stoll(members.substr(from, to - from))));
                from = to + 1;
            }
        }
        // The superior's latest level if any, else the cell's (rows in id order: later ones win).
        std::unordered_map<std::int64_t, std::pair<std::optional<QualityLevel>, std::optional<QualityLevel>>> levels;
        for (const Row& r :
             Query(s_,
                   "SELECT meeting_id, role, level FROM meeting_scores WHERE meeting_id BETWEEN :a AND :b "
                   "ORDER BY id",
                   Params().Int(first).Int(last))) {
            auto& [cell, superior] = levels[r.Int(0)];
            const auto level = QualityLevelFromCode(r.Text(2));
            (ScorerRoleFromCode(r.Text(1)) == ScorerRole::kSuperior ? superior : cell) = level;
        }
        for (auto& [id, f] : out) {
            auto found = levels.find(id.value);
            if (found != levels.end()) f.level = found->second.second ? found->second.second : found->second.first;
        }
        return out;
    }

private:
    static StoredScorecard ReadScorecard(const Row& r) {
        StoredScorecard sc;
        sc.id = r.Int(0);
        sc.organization = OrganizationId(r.Int(1));
        sc.card = ScorecardFromJson(r.Text(4));
        sc.card.effective_from = r.Date(2);
        sc.card.name = r.Text(3);
        sc.created_by = r.Text(5);
        sc.created_at = r.Int(6);
        return sc;
    }

    std::vector<ResolutionTask> Tasks(const std::string& q, const Params& p) {
        std::vector<ResolutionTask> out;
        for (const Row& r : Query(s_, q, p)) out.push_back(ReadTask(r));
        return out;
    }

    static void OptBig(Params& params, const std::optional<std::int64_t>& v) {
        if (v)
            params.Int(*v);
        else
            params.Null();
    }

    soci::session& s_;
};

class SqlGrading final : public GradingRepository {
public:
    explicit SqlGrading(soci::session& s) : s_(s) {}

    std::vector<GradingRound> RoundsOf(const std::vector<OrganizationId>& organizations) override {
        std::vector<GradingRound> out;
        if (organizations.empty()) return out;
        std::string q = std::string(kRoundColumns) + " WHERE organization_id IN (";
        Params p;
        for (std::size_t i = 0; i < organizations.size(); ++i) {
            q += (i ? ", :o" : ":o") + std::to_string(i);
            p.Int(organizations[i].value);
        }
        q += ")";
        for (const Row& r : Query(s_, q, p)) out.push_back(ReadRound(r));
        std::sort(out.begin(), out.end(), [](const GradingRound& a, const GradingRound& b) {
            if (a.period.to != b.period.to) return a.period.to > b.period.to;
            if (a.period.from != b.period.from) return a.period.from > b.period.from;
            return a.id > b.id;
        });
        return out;
    }

    std::optional<GradingRound> GetRound(std::int64_t id) override {
        auto r = QueryOne(s_, std::string(kRoundColumns) + " WHERE id = :id", Params().Int(id));
        if (!r) return std::nullopt;
        return ReadRound(*r);
    }

    std::optional<GradingRound> FindRound(OrganizationId organization, const std::string& period) override {
        auto r = QueryOne(s_, std::string(kRoundColumns) + " WHERE organization_id = :o AND period = :p",
                          Params().Int(organization.value).Text(period));
        if (!r) return std::nullopt;
        return ReadRound(*r);
    }

    GradingRound InsertRound(const GradingRound& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO grading_rounds (organization_id, period, excellent_quota_bp, created_by, "
                          "created_at) VALUES (:o, :p, :q, :by, :at) RETURNING id",
                          Params()
                              .Int(in.organization.value)
                              .Text(in.period.code)
                              .Int(std::llround(in.excellent_quota * 10000))
                              .Text(in.created_by)
                              .Int(in.created_at));
        GradingRound out = in;
        out.id = r->Int(0);
        return out;
    }

    std::vector<Grade> Grades(std::int64_t round) override {
        std::vector<Grade> out;
        for (const Row& r : Query(s_,
                                  "SELECT id, round_id, subject, subject_id, step, general_points, task_points, total, "
                                  "level, exceeded_targets, disciplined, comment, reason, recorded_by, recorded_at "
                                  "FROM grades WHERE round_id = :r ORDER BY id",
                                  Params().Int(round))) {
            Grade g;
            g.id = r.Int(0);
            g.round = r.Int(1);
            g.subject = GradingSubjectFromCode(r.Text(2)).value_or(GradingSubject::kCell);
            g.subject_id = r.Int(3);
            g.step = GradingStepFromCode(r.Text(4)).value_or(GradingStep::kSelf);
            g.general_points = static_cast<int>(r.Int(5));
            g.task_points = static_cast<int>(r.Int(6));
            g.total = static_cast<int>(r.Int(7));
            g.level = GradeLevelFromCode(r.Text(8)).value_or(GradeLevel::kNotCompleted);
            g.exceeded_targets = r.Int(9) != 0;
            g.disciplined = r.Int(10) != 0;
            g.comment = r.Text(11);
            g.reason = r.Text(12);
            g.recorded_by = r.Text(13);
            g.recorded_at = r.Int(14);
            out.push_back(std::move(g));
        }
        return out;
    }

    Grade InsertGrade(const Grade& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO grades (round_id, subject, subject_id, step, general_points, task_points, "
                          "total, level, exceeded_targets, disciplined, comment, reason, recorded_by, recorded_at) "
                          "VALUES (:r, :s, :sid, :st, :g, :t, :tot, :l, :e, :d, :c, :re, :by, :at) RETURNING id",
                          Params()
                              .Int(in.round)
                              .Text(std::string(ToCode(in.subject)))
                              .Int(in.subject_id)
                              .Text(std::string(ToCode(in.step)))
                              .Int(std::int64_t{in.general_points})
                              .Int(std::int64_t{in.task_points})
                              .Int(std::int64_t{in.total})
                              .Text(std::string(ToCode(in.level)))
                              .Int(std::int64_t{in.exceeded_targets ? 1 : 0})
                              .Int(std::int64_t{in.disciplined ? 1 : 0})
                              .Text(in.comment)
                              .Text(in.reason)
                              .Text(in.recorded_by)
                              .Int(in.recorded_at));
        Grade out = in;
        out.id = r->Int(0);
        return out;
    }

private:
    static constexpr const char* kRoundColumns =
        "SELECT id, organization_id, period, excellent_quota_bp, created_by, created_at FROM grading_rounds";

    static GradingRound ReadRound(const Row& r) {
        GradingRound g;
        g.id = r.Int(0);
        g.organization = OrganizationId(r.Int(1));
        if (auto period = ParseGradingPeriod(r.Text(2))) g.period = *period;
        g.excellent_quota = static_cast<double>(r.Int(3)) / 10000.0;
        g.created_by = r.Text(4);
        g.created_at = r.Int(5);
        return g;
    }

    soci::session& s_;
};

// Literal multi-row INSERTs: one statement per few thousand rows, no per-value binding. Every text is
// quoted; the only texts are names, codes and hex keys.
class SqlBulk final : public BulkRepository {
public:
    explicit SqlBulk(soci::session& s) : s_(s) {}

    void PrepareBulkLoad() override {
        if (s_.get_backend_name() == "sqlite3") Exec(s_, "PRAGMA cache_size = -1048576");
    }

    void InsertOrganizations(const std::vector<Organization>& orgs) override {
        Rows rows(s_,
                  "INSERT INTO organizations (id, parent_id, name, name_key, kind, category, address, valid_from, "
                  "valid_to, merged_into_id, path) VALUES ");
        for (const Organization& o : orgs)
            rows.Add({Num(o.id.value), o.parent ? Num(o.parent->value) : "NULL", Quote(o.name),
                      Quote(base::CollationKey(o.name)), Quote(ToCode(o.kind)), Quote(ToCode(o.category)),
                      Quote(o.address), Quote(o.valid_from.ToIso()), o.valid_to ? Quote(o.valid_to->ToIso()) : "NULL",
                      o.merged_into ? Num(o.merged_into->value) : "NULL", Quote(o.path)});
    }

    void InsertMembers(const std::vector<Member>& members) override {
        Rows rows(s_,
                  "INSERT INTO members (id, organization_id, party_group_id, full_name, sort_key, search_name, sex, "
                  "date_of_birth, status, on_roll, admission_date, official_date) VALUES ");
        for (const Member& m : members)
            rows.Add({Num(m.id.value), Num(m.organization.value), m.party_group ? Num(m.party_group->value) : "NULL",
                      Quote(m.full_name), Quote(base::NameSortKey(m.full_name)),
                      Quote(base::FoldForSearch(m.full_name)), Quote(ToCode(m.sex)), Quote(m.date_of_birth.ToIso()),
                      Quote(ToCode(m.status)), OnRoll(m.status) ? "1" : "0",
                      m.admission_date ? Quote(m.admission_date->ToIso()) : "NULL",
                      m.official_date ? Quote(m.official_date->ToIso()) : "NULL"});
    }

    void InsertMeetings(const std::vector<Meeting>& meetings) override {
        Rows rows(s_,
                  "INSERT INTO meetings (id, organization_id, kind, year, month, scheduled_on, start_minutes, "
                  "min_minutes, state, started_minutes, ended_minutes, superior_attended) VALUES ");
        for (const Meeting& m : meetings)
            rows.Add({Num(m.id.value), Num(m.organization.value), Quote(ToCode(m.kind)), Num(m.year), Num(m.month),
                      Quote(m.date.ToIso()), Num(m.start_minutes), Num(m.min_minutes), Quote(ToCode(m.state)),
                      m.record.started_minutes ? Num(*m.record.started_minutes) : "NULL",
                      m.record.ended_minutes ? Num(*m.record.ended_minutes) : "NULL",
                      m.record.superior_attended ? "1" : "0"});
    }

    void InsertAttendance(const std::vector<std::pair<MeetingId, std::vector<AttendanceRecord>>>& rolls) override {
        Rows rows(s_,
                  "INSERT INTO meeting_attendance (meeting_id, seq, member_id, member_name, status_at_meeting, "
                  "presence, reason) VALUES ");
        for (const auto& [meeting, roll] : rolls)
            for (std::size_t i = 0; i < roll.size(); ++i) {
                const AttendanceRecord& a = roll[i];
                rows.Add({Num(meeting.value), Num(static_cast<std::int64_t>(i)), Num(a.member.value),
                          Quote(a.member_name), Quote(ToCode(a.status_at_meeting)), Quote(ToCode(a.presence)),
                          Quote(a.reason)});
            }
    }

    void InsertScores(const std::vector<MeetingScore>& scores) override {
        Rows rows(s_,
                  "INSERT INTO meeting_scores (meeting_id, role, scorecard_id, points, total, level, scored_by, "
                  "scored_at, reason) VALUES ");
        for (const MeetingScore& sc : scores)
            rows.Add({Num(sc.meeting.value), Quote(ToCode(sc.role)), Num(sc.scorecard_id), Quote("{}"), Num(sc.total),
                      Quote(ToCode(sc.level)), Quote(sc.scored_by), Num(sc.scored_at), Quote(sc.reason)});
    }

    std::vector<std::string> SuspendIndexes() override {
        std::vector<std::string> statements;
        if (s_.get_backend_name() != "sqlite3") return statements;
        std::vector<std::string> names;
        for (const Row& r : Query(s_,
                                  "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
                                  "sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ('members', 'meetings', "
                                  "'meeting_attendance', 'meeting_scores') ORDER BY name")) {
            names.push_back(r.Text(0));
            statements.push_back(r.Text(1));
        }
        for (const std::string& name : names) Exec(s_, "DROP INDEX " + name);
        return statements;
    }

    void RestoreIndexes(const std::vector<std::string>& statements) override {
        for (const std::string& statement : statements) Exec(s_, statement);
    }

    void ResetSequences() override {
        if (s_.get_backend_name() != "postgresql") return;  // SQLite continues from the largest rowid.
        for (const char* table : {"organizations", "members", "meetings", "meeting_scores"})
            Exec(s_, std::string("SELECT setval(pg_get_serial_sequence('") + table + "', 'id'), " +
                         "COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)");
    }

private:
    // Collects rows and runs one INSERT per batch; the destructor sends the rest unless an exception is
    // already on its way (the transaction is being rolled back then).
    class Rows {
    public:
        Rows(soci::session& s, std::string head)
            : s_(s), head_(std::move(head)), exceptions_(std::uncaught_exceptions()) {}
        Rows(const Rows&) = delete;
        Rows& operator=(const Rows&) = delete;
        ~Rows() noexcept(false) {
            if (std::uncaught_exceptions() == exceptions_) Flush();
        }

        void Add(std::initializer_list<std::string> values) {
            sql_ += count_ ? ",(" : "(";
            bool first = true;
            for (const std::string& v : values) {
                if (!first) sql_ += ',';
                sql_ += v;
                first = false;
            }
            sql_ += ')';
            if (++count_ == 250) Flush();  // Larger statements cost more to parse than they save.
        }

    private:
        void Flush() {
            if (count_ == 0) return;
            const std::string statement = head_ + sql_;
            sql_.clear();
            count_ = 0;
            Exec(s_, statement);
        }

        soci::session& s_;
        std::string head_;
        std::string sql_;
        int count_ = 0;
        int exceptions_;
    };

    static std::string Num(std::int64_t v) { return std::to_string(v); }
    static std::string Quote(std::string_view text) {
        std::string out = "'";
        for (char c : text) {
            if (c == '\'') out += '\'';
            out += c;
        }
        return out + "'";
    }

    soci::session& s_;
};

// The dashboard figures in SQL (one statement for the sums, one for the per-cell rules, two counts),
// written the way a competent developer would: the subtree by materialised-path range, meetings by
// date range on their index.
class SqlStatistics final : public StatisticsQueries {
public:
    explicit SqlStatistics(soci::session& s) : s_(s), postgres_(s.get_backend_name() == "postgresql") {}

    // An organisation's subtree is the subtrees of each path it has had: every placement under it then.
    DashboardFigures Figures(OrganizationId node, MonthRange months, base::Date today) override {
        DashboardFigures total;
        for (const std::string& path : PathsOf(node)) total += FiguresAt(path, months, today);
        return total;
    }

    std::pair<int, std::vector<OrganizationId>> MissedCells(OrganizationId node, MonthRange months, base::Date today,
                                                            int limit) override {
        std::pair<int, std::vector<OrganizationId>> out{0, {}};
        for (const std::string& path : PathsOf(node)) {
            auto [total, first] = MissedCellsAt(path, months, today, limit);
            out.first += total;
            for (OrganizationId id : first)
                if (static_cast<int>(out.second.size()) < limit) out.second.push_back(id);
        }
        return out;
    }

private:
    std::vector<std::string> PathsOf(OrganizationId node) {
        std::vector<std::string> out;
        for (const Row& r :
             Query(s_,
                   "SELECT path FROM organizations WHERE id = :a UNION SELECT path FROM organization_placements WHERE "
                   "organization_id = :b ORDER BY 1",
                   Params().Int(node.value).Int(node.value)))
            out.push_back(r.Text(0));
        return out;
    }

    // Every placement at or under `path` (two parameters: the range), now or in the past, with its dates:
    // since NULL from the start, until NULL still there.
    std::string Slots() const {
        return "slots AS (SELECT o.id, o.path, o.kind, o.valid_from, o.valid_to, (SELECT MAX(h.until) FROM "
               "organization_placements h WHERE h.organization_id = o.id) AS since, " +
               std::string(postgres_ ? "CAST(NULL AS DATE)" : "NULL") +
               " AS until FROM organizations o WHERE o.path >= :lo AND o.path < :hi UNION ALL SELECT "
               "h.organization_id, h.path, o.kind, o.valid_from, o.valid_to, h.since, h.until FROM "
               "organization_placements h JOIN organizations o ON o.id = h.organization_id WHERE h.path >= :plo AND "
               "h.path < :phi)";
    }
    Params& SlotParams(Params& p, const std::string& path) const {
        return p.Text(path).Text(SubtreeEnd(path)).Text(path).Text(SubtreeEnd(path));
    }
    // Whether slot `s` holds month `month` (an SQL expression): the month of a move counts under the new parent.
    std::string PlacedIn(const std::string& month) const {
        return "(s.since IS NULL OR " + month + " >= " + MonthOf("s.since") + ") AND (s.until IS NULL OR " + month +
               " < " + MonthOf("s.until") + ")";
    }
    // The last month a slot's organisation is active, at most `month`.
    std::string LastActive(const std::string& month) const {
        return Least(month, "COALESCE(" + MonthOf(DayBefore("s.valid_to")) + ", 99999)");
    }

    DashboardFigures FiguresAt(const std::string& path, MonthRange months, base::Date today) {
        DashboardFigures f;
        const std::string held = Held();
        const std::string cells = "s.kind IN ('grassroots_cell', 'subordinate_cell')";
        Params sums_params;
        SlotParams(sums_params, path).Text(MonthStart(months.first).ToIso()).Text(MonthEnd(months.last).ToIso());
        // A meeting counts under the placement of its cell in the meeting's month.
        const auto sums = QueryOne(
            s_,
            "WITH " + Slots() +
                ", mm AS (SELECT m.id, m.kind, m.superior_attended, "
                "SUM(CASE WHEN a.presence IS NOT NULL AND a.presence <> '" +
                std::string(ToCode(Presence::kExempt)) + "' THEN 1 ELSE 0 END) AS expected, " +
                "SUM(CASE WHEN a.presence IN ('" + std::string(ToCode(Presence::kPresent)) + "', '" +
                std::string(ToCode(Presence::kLate)) +
                "') THEN 1 ELSE 0 END) AS present FROM meetings m JOIN slots s ON s.id = m.organization_id AND " +
                PlacedIn(MonthOf("m.scheduled_on")) + " LEFT JOIN meeting_attendance a ON a.meeting_id = m.id WHERE " +
                cells + " AND m.state IN (" + held +
                ") AND m.scheduled_on >= :f AND m.scheduled_on <= :t GROUP BY m.id, m.kind, m.superior_attended), "
                "lv AS (SELECT s.meeting_id, s.level FROM meeting_scores s JOIN mm ON mm.id = s.meeting_id WHERE "
                "s.id = (SELECT MAX(s2.id) FROM meeting_scores s2 WHERE s2.meeting_id = s.meeting_id AND s2.role = "
                "CASE WHEN EXISTS (SELECT 1 FROM meeting_scores s3 WHERE s3.meeting_id = s.meeting_id AND s3.role = "
                "'superior') THEN 'superior' ELSE 'cell' END)) "
                "SELECT COUNT(*), COALESCE(SUM(mm.expected), 0), COALESCE(SUM(mm.present), 0), "
                "COALESCE(SUM(CASE WHEN mm.expected > 0 AND mm.present * 10 >= mm.expected * 9 THEN 1 ELSE 0 END), "
                "0), COALESCE(SUM(CASE WHEN lv.level = 'good' THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN lv.level = 'fair' THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN lv.level = 'average' THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN lv.level = 'poor' THEN 1 ELSE 0 END), 0), "
                "COALESCE(SUM(CASE WHEN mm.superior_attended <> 0 THEN 1 ELSE 0 END), 0) "
                "FROM mm LEFT JOIN lv ON lv.meeting_id = mm.id",
            sums_params);
        f.meetings_held = static_cast<int>(sums->Int(0));
        f.attendance_expected = static_cast<int>(sums->Int(1));
        f.attendance_present = static_cast<int>(sums->Int(2));
        f.meetings_attendance_90 = static_cast<int>(sums->Int(3));
        for (int l = 0; l < 4; ++l) f.levels[l] = static_cast<int>(sums->Int(4 + l));
        f.meetings_superior = static_cast<int>(sums->Int(8));

        const auto per_cell =
            QueryOne(s_,
                     PerCell(months, today) + " SELECT COUNT(*), " + Sum("regular_due") + ", " + Sum("regular_all") +
                         ", " + Sum("thematic_due") + ", " + Sum("thematic_all") + ", " + Sum("visited") + " FROM t",
                     CellParams(path, months));
        f.cells = static_cast<int>(per_cell->Int(0));
        f.cells_regular_due = static_cast<int>(per_cell->Int(1));
        f.cells_regular_all = static_cast<int>(per_cell->Int(2));
        f.cells_thematic_due = static_cast<int>(per_cell->Int(3));
        f.cells_thematic_all = static_cast<int>(per_cell->Int(4));
        f.cells_visited = static_cast<int>(per_cell->Int(5));

        // Members expected: where they are now (current placements only).
        f.members_expected = static_cast<int>(
            QueryOne(s_,
                     "SELECT COUNT(*) FROM members m JOIN organizations o ON o.id = m.organization_id WHERE o.path >= "
                     ":lo AND o.path < :hi AND m.on_roll = 1 AND m.status IN (:a, :b)",
                     Params()
                         .Text(path)
                         .Text(SubtreeEnd(path))
                         .Text(std::string(ToCode(MemberStatus::kOfficial)))
                         .Text(std::string(ToCode(MemberStatus::kProbationary))))
                ->Int(0));
        // Members flagged in a year: under the cell's placement in the last month of the year it was active.
        const int year = FlaggedYearOf(months, today);
        Params flagged_params;
        SlotParams(flagged_params, path)
            .Text(std::string(ToCode(Presence::kUnexcused)))
            .Text(base::Date::FromYmd(year, 1, 1)->ToIso())
            .Text(base::Date::FromYmd(year, 12, 31)->ToIso());
        f.members_flagged = static_cast<int>(
            QueryOne(s_,
                     "WITH " + Slots() +
                         " SELECT COUNT(*) FROM (SELECT m.organization_id, a.member_id FROM meeting_attendance a JOIN "
                         "meetings m ON m.id = a.meeting_id JOIN slots s ON s.id = m.organization_id AND " +
                         PlacedIn(LastActive(std::to_string(MonthNumber(year, 12)))) + " WHERE " + cells +
                         " AND m.state IN (" + held +
                         ") AND a.presence = :u AND m.scheduled_on >= :f AND m.scheduled_on <= :t GROUP BY "
                         "m.organization_id, a.member_id HAVING COUNT(*) >= 3) x",
                     flagged_params)
                ->Int(0));
        return f;
    }

    std::pair<int, std::vector<OrganizationId>> MissedCellsAt(const std::string& path, MonthRange months,
                                                              base::Date today, int limit) {
        const std::string missed = "(regular_due = 1 AND regular_all = 0) OR (thematic_due = 1 AND thematic_all = 0)";
        const int total = static_cast<int>(
            QueryOne(s_, PerCell(months, today) + " SELECT COUNT(*) FROM t WHERE " + missed, CellParams(path, months))
                ->Int(0));
        std::vector<OrganizationId> first;
        Params p = CellParams(path, months);
        p.Int(std::int64_t{limit});
        for (const Row& r :
             Query(s_, PerCell(months, today) + " SELECT id FROM t WHERE " + missed + " ORDER BY path LIMIT :lim", p))
            first.emplace_back(r.Int(0));
        return {total, first};
    }

    std::string Held() const {
        std::string out;
        for (MeetingState st : {MeetingState::kHeld, MeetingState::kMinutesFinalised, MeetingState::kReported})
            out += (out.empty() ? "'" : ", '") + std::string(ToCode(st)) + "'";
        return out;
    }
    std::string Least(const std::string& a, const std::string& b) const {
        return (postgres_ ? "LEAST(" : "min(") + a + ", " + b + ")";
    }
    std::string Greatest(const std::string& a, const std::string& b) const {
        return (postgres_ ? "GREATEST(" : "max(") + a + ", " + b + ")";
    }
    // The month number (year × 12 + month − 1) of a date column or expression.
    std::string MonthOf(const std::string& day) const {
        if (postgres_)
            return "(CAST(EXTRACT(YEAR FROM " + day + ") AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM " + day +
                   ") AS INTEGER) - 1)";
        return "(CAST(substr(" + day + ", 1, 4) AS INTEGER) * 12 + CAST(substr(" + day + ", 6, 2) AS INTEGER) - 1)";
    }
    std::string DayBefore(const std::string& day) const {
        return postgres_ ? "(" + day + " - 1)" : "date(" + day + ", '-1 day')";
    }
    static std::string Sum(const char* column) { return std::string("COALESCE(SUM(") + column + "), 0)"; }
    static base::Date MonthStart(int month) { return *base::Date::FromYmd(YearOfMonth(month), MonthOfYear(month), 1); }
    static base::Date MonthEnd(int month) { return MonthStart(month + 1).AddDays(-1); }

    // A WITH clause ending in `t`: one row per cell counted in the subtree for the period (the cell placed
    // there in the last month of the period it was active), with its window of months, what it held in it
    // (wherever it was placed), and whether it held every month and quarter due.
    std::string PerCell(MonthRange months, base::Date today) const {
        const std::string a = std::to_string(months.first);
        const std::string b = std::to_string(months.last);
        const std::string over = std::to_string(domain::MonthOf(today) - 1);
        const std::string q_over_all = "(" + over + " - 2) / 3";
        const std::string c = "SELECT s.id, s.path, " + Greatest(a, MonthOf("s.valid_from")) + " AS f, " +
                              LastActive(b) + " AS l FROM slots s WHERE s.kind IN (:k1, :k2) AND " +
                              PlacedIn(LastActive(b));
        const std::string cm = "SELECT m.organization_id AS cell, " + MonthOf("m.scheduled_on") +
                               " AS mo, m.kind, m.superior_attended FROM meetings m WHERE m.organization_id IN "
                               "(SELECT id FROM c) AND m.state IN (" +
                               Held() + ") AND m.scheduled_on >= :qf AND m.scheduled_on <= :qt";
        const std::string per =
            "SELECT c.id, c.path, c.f, c.l, " + Least("c.l", over) +
            " AS o_last, c.f / 3 AS q_first, c.l / 3 AS q_last, " + Least("c.l / 3", q_over_all) + " AS q_over, " +
            "COUNT(DISTINCT CASE WHEN cm.kind = 'regular' AND cm.mo >= c.f AND cm.mo <= " + Least("c.l", over) +
            " THEN cm.mo END) AS held_over, "
            "MAX(CASE WHEN cm.kind = 'regular' AND cm.mo >= c.f AND cm.mo <= c.l THEN 1 ELSE 0 END) AS any_held, "
            "COUNT(DISTINCT CASE WHEN cm.kind = 'thematic' AND cm.mo / 3 >= c.f / 3 AND cm.mo / 3 <= " +
            Least("c.l / 3", q_over_all) +
            " THEN cm.mo / 3 END) AS held_q, "
            "MAX(CASE WHEN cm.kind = 'thematic' AND cm.mo / 3 >= c.f / 3 AND cm.mo / 3 <= c.l / 3 THEN 1 ELSE 0 END) "
            "AS any_q, "
            "MAX(CASE WHEN cm.superior_attended <> 0 AND cm.mo >= c.f AND cm.mo <= c.l THEN 1 ELSE 0 END) AS visited "
            "FROM c LEFT JOIN cm ON cm.cell = c.id WHERE c.f <= c.l GROUP BY c.id, c.path, c.f, c.l";
        return "WITH " + Slots() + ", c AS (" + c + "), cm AS (" + cm +
               "), t AS (SELECT id, path, q_first, q_over, held_q, visited, "
               "CASE WHEN o_last >= f OR any_held = 1 THEN 1 ELSE 0 END AS regular_due, "
               "CASE WHEN (o_last >= f OR any_held = 1) AND held_over = " +
               Greatest("0", "o_last - f + 1") +
               " THEN 1 ELSE 0 END AS regular_all, "
               "CASE WHEN q_over >= q_first OR any_q = 1 THEN 1 ELSE 0 END AS thematic_due, "
               "CASE WHEN (q_over >= q_first OR any_q = 1) AND held_q = " +
               Greatest("0", "q_over - q_first + 1") + " THEN 1 ELSE 0 END AS thematic_all FROM (" + per + ") p)";
    }

    Params CellParams(const std::string& path, MonthRange months) const {
        const int q_first_month = months.first - months.first % 3;
        const int q_last_month = months.last - months.last % 3 + 2;
        Params p;
        SlotParams(p, path)
            .Text(std::string(ToCode(OrganizationKind::kGrassrootsCell)))
            .Text(std::string(ToCode(OrganizationKind::kSubordinateCell)))
            .Text(MonthStart(q_first_month).ToIso())
            .Text(MonthEnd(q_last_month).ToIso());
        return p;
    }

    soci::session& s_;
    bool postgres_;
};

class SqlRepositories final : public Repositories {
public:
    explicit SqlRepositories(soci::session& s)
        : organizations_(s),
          members_(s),
          positions_(s),
          users_(s),
          audit_(s),
          documents_(s),
          meetings_(s),
          grading_(s),
          bulk_(s),
          statistics_(s) {}

    OrganizationRepository& organizations() override { return organizations_; }
    MemberRepository& members() override { return members_; }
    PositionRepository& positions() override { return positions_; }
    UserRepository& users() override { return users_; }
    AuditRepository& audit() override { return audit_; }
    DocumentRepository& documents() override { return documents_; }
    MeetingRepository& meetings() override { return meetings_; }
    GradingRepository& grading() override { return grading_; }
    BulkRepository& bulk() override { return bulk_; }
    StatisticsQueries& statistics() override { return statistics_; }

private:
    SqlOrganizations organizations_;
    SqlMembers members_;
    SqlPositions positions_;
    SqlUsers users_;
    SqlAudit audit_;
    SqlDocuments documents_;
    SqlMeetings meetings_;
    SqlGrading grading_;
    SqlBulk bulk_;
    SqlStatistics statistics_;
};

}  // namespace

std::unique_ptr<domain::Repositories> MakeRepositories(soci::session& session) {
    return std::make_unique<SqlRepositories>(session);
}

}  // namespace chibo::storage::sql
