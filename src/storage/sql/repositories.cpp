#include "storage/sql/repositories.hpp"

#include <soci/soci.h>
#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <random>
#include <set>
#include <stdexcept>

#include "base/text.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

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

    void Move(OrganizationId id, OrganizationId new_parent) override {
        auto self = Get(id);
        auto parent = Get(new_parent);
        if (!self || !parent) throw std::logic_error("moving an organisation that does not exist");
        const std::string old_path = self->path;
        const std::string new_path = parent->path + std::to_string(id.value) + "/";
        Exec(s_, "UPDATE organizations SET parent_id = :p WHERE id = :id",
             Params().Int(new_parent.value).Int(id.value));
        Exec(s_, "UPDATE organizations SET path = :np || SUBSTR(path, :len) WHERE path >= :lo AND path < :hi",
             Params()
                 .Text(new_path)
                 .Int(static_cast<std::int64_t>(old_path.size()) + 1)
                 .Text(old_path)
                 .Text(SubtreeEnd(old_path)));
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
    explicit SqlMembers(soci::session& s) : s_(s) {}

    std::optional<Member> Get(MemberId id) override {
        auto r = QueryOne(s_, std::string("SELECT ") + kMemberColumns + " FROM members m WHERE m.id = :id",
                          Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadMember(*r);
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
    "moved_reason, cancelled_reason";

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
    return m;
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
        Exec(
            s_,
            "UPDATE meetings SET scheduled_on = :d, start_minutes = :s, min_minutes = :mm, state = :st, shifted = :sh, "
            "moved_reason = :mr, cancelled_reason = :cr WHERE id = :id",
            Params()
                .Date(m.date)
                .Int(m.start_minutes)
                .Int(m.min_minutes)
                .Text(std::string(ToCode(m.state)))
                .Int(m.shifted ? 1 : 0)
                .Text(m.moved_reason)
                .Text(m.cancelled_reason)
                .Int(m.id.value));
    }

private:
    soci::session& s_;
};

class SqlRepositories final : public Repositories {
public:
    explicit SqlRepositories(soci::session& s)
        : organizations_(s), members_(s), positions_(s), users_(s), audit_(s), documents_(s), meetings_(s) {}

    OrganizationRepository& organizations() override { return organizations_; }
    MemberRepository& members() override { return members_; }
    PositionRepository& positions() override { return positions_; }
    UserRepository& users() override { return users_; }
    AuditRepository& audit() override { return audit_; }
    DocumentRepository& documents() override { return documents_; }
    MeetingRepository& meetings() override { return meetings_; }

private:
    SqlOrganizations organizations_;
    SqlMembers members_;
    SqlPositions positions_;
    SqlUsers users_;
    SqlAudit audit_;
    SqlDocuments documents_;
    SqlMeetings meetings_;
};

}  // namespace

std::unique_ptr<domain::Repositories> MakeRepositories(soci::session& session) {
    return std::make_unique<SqlRepositories>(session);
}

}  // namespace chibo::storage::sql
