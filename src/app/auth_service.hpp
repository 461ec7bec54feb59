#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "app/common.hpp"
#include "base/clock.hpp"
#include "domain/store.hpp"

namespace chibo::app {

// Counts failed sign-ins per key (user name, remote address) in a sliding window.
class LoginThrottle {
public:
    LoginThrottle(int max_failures, std::int64_t window_seconds, const base::Clock& clock);

    // Seconds until `key` may try again; 0 when it may try now.
    std::int64_t RetryAfter(const std::string& key);
    void RecordFailure(const std::string& key);
    void Reset(const std::string& key);

private:
    void Prune(std::deque<std::int64_t>& times, std::int64_t now) const;

    const int max_failures_;
    const std::int64_t window_seconds_;
    const base::Clock& clock_;
    std::mutex mutex_;
    std::map<std::string, std::deque<std::int64_t>> failures_;  // Guarded by mutex_.
};

struct LoginResult {
    std::string session_token;  // Goes in the cookie; only its hash is stored.
    std::string csrf_token;
    domain::User user;
};

// The actor behind a session cookie.
struct Authenticated {
    domain::Actor actor;
    domain::User user;
    std::string csrf_token;
    std::string token_hash;
};

// Sessions this node has already looked up, good while the store's AuthVersion is what it was then
// (decision 0008): a signed-in request then costs one read of one row instead of the session and the
// account with its roles.
class SessionCache {
public:
    static constexpr std::size_t kMaxEntries = 100000;

    std::optional<Authenticated> Find(const std::string& token_hash, std::int64_t version, std::int64_t now) const;
    // Ignored when `version` is older than what the cache holds (a slower thread's lookup).
    void Put(const std::string& token_hash, std::int64_t version, std::int64_t expires_at, const Authenticated& auth);
    std::size_t size() const;

private:
    struct Entry {
        Authenticated auth;
        std::int64_t expires_at = 0;
    };
    mutable std::shared_mutex mutex_;
    std::int64_t version_ = -1;                       // Guarded by mutex_.
    std::unordered_map<std::string, Entry> entries_;  // Guarded by mutex_.
};

class AuthService {
public:
    static constexpr std::int64_t kSessionSeconds = std::int64_t{12} * 3600;
    static constexpr int kMaxFailures = 5;
    static constexpr std::int64_t kThrottleWindowSeconds = std::int64_t{15} * 60;

    AuthService(domain::Store& store, const base::Clock& clock);

    // Wrong credentials are kUnauthenticated; too many recent failures kTooManyRequests (checked
    // before the password, so a locked-out guesser learns nothing).
    base::Result<LoginResult> Login(const std::string& username, const std::string& password,
                                    const std::string& remote_address);
    base::Result<void> Logout(const Authenticated& session);
    // kUnauthenticated when the token is unknown or expired.
    base::Result<Authenticated> Authenticate(const std::string& session_token);
    const SessionCache& cache() const { return cache_; }

private:
    domain::Store& store_;
    SessionCache cache_;
    const base::Clock& clock_;
    LoginThrottle by_user_;
    LoginThrottle by_address_;
};

domain::Actor ActorOf(const domain::User& user);

}  // namespace chibo::app
