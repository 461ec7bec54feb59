#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/organization.hpp"
#include "domain/user_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

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
            g.role = Decode(r.Text(1), RoleFromCode, "role_grants.role");
            g.organization = OrganizationId(r.Int(2));
            g.organization_name = r.Text(3);
            g.organization_path = r.Text(4);
            out.push_back(g);
        }
        return out;
    }

    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::UserRepository> MakeUserRepository(soci::session& session) {
    return std::make_unique<SqlUsers>(session);
}

}  // namespace chibo::storage::sql
