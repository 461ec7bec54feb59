#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "app/common.hpp"

namespace chibo::app {

// Counts failed sign-ins per key (user name, remote address) in a sliding window.
class LoginThrottle {
public:
    using Clock = std::function<std::int64_t()>;  // Seconds.

    LoginThrottle(int max_failures, std::int64_t window_seconds, Clock clock);

    // Seconds until `key` may try again; 0 when it may try now.
    std::int64_t RetryAfter(const std::string& key);
    void RecordFailure(const std::string& key);
    void Reset(const std::string& key);

private:
    void Prune(std::deque<std::int64_t>& times, std::int64_t now) const;

    const int max_failures_;
    const std::int64_t window_seconds_;
    Clock clock_;
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

class AuthService {
public:
    static constexpr std::int64_t kSessionSeconds = std::int64_t{12} * 3600;
    static constexpr int kMaxFailures = 5;
    static constexpr std::int64_t kThrottleWindowSeconds = std::int64_t{15} * 60;

    explicit AuthService(domain::Store& store, LoginThrottle::Clock clock = base::NowUnixSeconds);

    // Wrong credentials are kUnauthenticated; too many recent failures kTooManyRequests (checked
    // before the password, so a locked-out guesser learns nothing).
    base::Result<LoginResult> Login(const std::string& username, const std::string& password,
                                    const std::string& remote_address);
    base::Result<void> Logout(const Authenticated& session);
    // kUnauthenticated when the token is unknown or expired.
    base::Result<Authenticated> Authenticate(const std::string& session_token);

private:
    domain::Store& store_;
    LoginThrottle::Clock clock_;
    LoginThrottle by_user_;
    LoginThrottle by_address_;
};

domain::Actor ActorOf(const domain::User& user);

}  // namespace chibo::app
