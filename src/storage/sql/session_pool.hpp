#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace soci {
class session;
}

namespace chibo::storage::sql {

// A fixed set of open sessions shared by request threads; Lease borrows one for a scope.
class SessionPool {
public:
    SessionPool();
    ~SessionPool();

    void Add(std::unique_ptr<soci::session> session);
    std::size_t size() const { return sessions_.size(); }

    class Lease {
    public:
        explicit Lease(SessionPool& pool);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        soci::session& operator*() const { return *session_; }
        soci::session* operator->() const { return session_; }

    private:
        SessionPool& pool_;
        soci::session* session_;
    };

private:
    std::vector<std::unique_ptr<soci::session>> sessions_;
    std::vector<soci::session*> idle_;  // Guarded by mutex_.
    std::mutex mutex_;
    std::condition_variable available_;
};

}  // namespace chibo::storage::sql
