#include "app/auth_service.hpp"

#include <algorithm>

#include "app/password.hpp"
#include "domain/store.hpp"
#include "domain/user_repository.hpp"

namespace chibo::app {

using base::ErrorCode;
using base::MakeError;
using base::Result;

LoginThrottle::LoginThrottle(int max_failures, std::int64_t window_seconds, const base::Clock& clock)
    : max_failures_(max_failures), window_seconds_(window_seconds), clock_(clock) {}

void LoginThrottle::Prune(std::deque<std::int64_t>& times, std::int64_t now) const {
    while (!times.empty() && times.front() <= now - window_seconds_) times.pop_front();
}

std::int64_t LoginThrottle::RetryAfter(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = failures_.find(key);
    if (it == failures_.end()) return 0;
    const std::int64_t now = clock_.NowUnixSeconds();
    Prune(it->second, now);
    if (static_cast<int>(it->second.size()) < max_failures_) return 0;
    return it->second.front() + window_seconds_ - now;
}

void LoginThrottle::RecordFailure(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto& times = failures_[key];
    const std::int64_t now = clock_.NowUnixSeconds();
    Prune(times, now);
    times.push_back(now);
    if (failures_.size() > 100000) failures_.clear();  // Bounded memory under a flood of names.
}

void LoginThrottle::Reset(const std::string& key) {
    std::lock_guard lock(mutex_);
    failures_.erase(key);
}

std::optional<Authenticated> SessionCache::Find(const std::string& token_hash, std::int64_t version,
                                                std::int64_t now) const {
    std::shared_lock lock(mutex_);
    if (version != version_) return std::nullopt;
    auto it = entries_.find(token_hash);
    if (it == entries_.end() || it->second.expires_at <= now) return std::nullopt;
    return it->second.auth;
}

void SessionCache::Put(const std::string& token_hash, std::int64_t version, std::int64_t expires_at,
                       const Authenticated& auth) {
    std::unique_lock lock(mutex_);
    if (version < version_) return;
    if (version > version_ || entries_.size() >= kMaxEntries) {
        entries_.clear();
        version_ = version;
    }
    entries_.insert_or_assign(token_hash, Entry{auth, expires_at});
}

std::size_t SessionCache::size() const {
    std::shared_lock lock(mutex_);
    return entries_.size();
}

domain::Actor ActorOf(const domain::User& user) {
    domain::Actor a;
    a.user = user.id;
    a.username = user.username;
    a.member = user.member;
    a.roles = user.roles;
    return a;
}

AuthService::AuthService(domain::Store& store, const base::Clock& clock)
    : store_(store),
      clock_(clock),
      by_user_(kMaxFailures, kThrottleWindowSeconds, clock),
      by_address_(kMaxFailures * 6, kThrottleWindowSeconds, clock) {}

Result<LoginResult> AuthService::Login(const std::string& username_in, const std::string& password,
                                       const std::string& remote_address) {
    std::string username = username_in;
    std::transform(username.begin(), username.end(), username.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (username.empty()) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng nhập tên đăng nhập.", "username");
    if (password.empty()) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng nhập mật khẩu.", "password");
    if (username.size() > 100 || password.size() > 1000)
        return MakeError(ErrorCode::kUnauthenticated, "Sai tên đăng nhập hoặc mật khẩu.");

    const std::int64_t wait = std::max(by_user_.RetryAfter(username), by_address_.RetryAfter(remote_address));
    if (wait > 0) {
        return MakeError(ErrorCode::kTooManyRequests, "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " +
                                                          std::to_string((wait + 59) / 60) + " phút.");
    }

    return domain::WriteValue<LoginResult>(store_, [&](domain::Repositories& repos) -> Result<LoginResult> {
        auto user = repos.users().FindByUsername(username);
        // Verify against a fixed hash for unknown users too, so timing does not reveal which names exist.
        static const std::string kDummyHash = HashPassword("chibo-dummy-password");
        const bool ok = VerifyPassword(user ? user->password_hash : kDummyHash, password) && user.has_value();
        if (!ok) {
            by_user_.RecordFailure(username);
            by_address_.RecordFailure(remote_address);
            return MakeError(ErrorCode::kUnauthenticated, "Sai tên đăng nhập hoặc mật khẩu.");
        }
        by_user_.Reset(username);
        const std::int64_t now = clock_.NowUnixSeconds();
        repos.users().DeleteExpiredSessions(now);
        LoginResult result{RandomToken(), RandomToken(), *user};
        repos.users().InsertSession(
            {HashToken(result.session_token), user->id, result.csrf_token, now, now + kSessionSeconds});
        RecordAudit(repos, clock_, ActorOf(*user), "auth.login", "user", user->id.value, nullptr, std::nullopt,
                    domain::Snapshot{{"remote_address", remote_address}});
        return result;
    });
}

Result<void> AuthService::Logout(const Authenticated& session) {
    return store_.Write([&](domain::Repositories& repos) -> Result<void> {
        repos.users().DeleteSession(session.token_hash);
        RecordAudit(repos, clock_, session.actor, "auth.logout", "user", session.user.id.value, nullptr, std::nullopt,
                    std::nullopt);
        return {};
    });
}

Result<Authenticated> AuthService::Authenticate(const std::string& session_token) {
    if (session_token.size() != 64) return MakeError(ErrorCode::kUnauthenticated, "Vui lòng đăng nhập.");
    const std::string token_hash = HashToken(session_token);
    const std::int64_t now = clock_.NowUnixSeconds();
    // The version first: a change committed after this read raises it, so what is read below is never
    // kept under a version it is not good for.
    CHIBO_TRY_ASSIGN(const std::int64_t version, store_.AuthVersion());
    if (auto cached = cache_.Find(token_hash, version, now)) return std::move(*cached);
    return domain::ReadValue<Authenticated>(store_, [&](domain::Repositories& repos) -> Result<Authenticated> {
        auto session = repos.users().FindSession(token_hash);
        if (!session || session->expires_at <= now)
            return MakeError(ErrorCode::kUnauthenticated, "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.");
        auto user = repos.users().Get(session->user);
        if (!user) return MakeError(ErrorCode::kUnauthenticated, "Vui lòng đăng nhập.");
        Authenticated auth{ActorOf(*user), *user, session->csrf_token, token_hash};
        cache_.Put(token_hash, version, session->expires_at, auth);
        return auth;
    });
}

}  // namespace chibo::app
