#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access.hpp"

namespace chibo::domain {

struct Session {
    std::string token_hash;
    UserId user;
    std::string csrf_token;
    std::int64_t created_at = 0;  // Unix seconds.
    std::int64_t expires_at = 0;
};

struct UserPage {
    std::vector<User> items;
    std::int64_t total = 0;
};

// Accounts with their roles, their sessions and their calendar feeds.
class UserRepository {
public:
    virtual ~UserRepository() = default;

    // Users come with their roles (and the roles' organisation names and paths).
    virtual std::optional<User> Get(UserId id) = 0;
    virtual std::optional<User> FindByUsername(const std::string& username) = 0;
    // Users holding at least one role inside the subtree at `path`, sorted by username.
    virtual UserPage ListInSubtree(const std::string& path, int offset, int limit) = 0;
    virtual User Insert(const User& user) = 0;
    virtual RoleGrant AddRole(UserId user, Role role, OrganizationId organization) = 0;
    virtual void RemoveRole(RoleGrantId grant) = 0;

    virtual void InsertSession(const Session& session) = 0;
    virtual std::optional<Session> FindSession(const std::string& token_hash) = 0;
    virtual void DeleteSession(const std::string& token_hash) = 0;
    virtual void DeleteExpiredSessions(std::int64_t now) = 0;

    // Private calendar feeds: one per user, found by the hash of its token.
    virtual std::optional<std::int64_t> CalendarFeedCreatedAt(UserId user) = 0;
    virtual void SaveCalendarFeed(UserId user, const std::string& token_hash, std::int64_t created_at) = 0;
    virtual std::optional<UserId> FindCalendarFeed(const std::string& token_hash) = 0;
};

}  // namespace chibo::domain
