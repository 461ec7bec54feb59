#include "storage/sql/session_pool.hpp"

#include <soci/soci.h>

namespace chibo::storage::sql {

SessionPool::SessionPool() = default;
SessionPool::~SessionPool() = default;

void SessionPool::Add(std::unique_ptr<soci::session> session) {
    std::lock_guard lock(mutex_);
    idle_.push_back(session.get());
    sessions_.push_back(std::move(session));
}

SessionPool::Lease::Lease(SessionPool& pool) : pool_(pool) {
    std::unique_lock lock(pool_.mutex_);
    pool_.available_.wait(lock, [&] { return !pool_.idle_.empty(); });
    session_ = pool_.idle_.back();
    pool_.idle_.pop_back();
}

SessionPool::Lease::~Lease() {
    {
        std::lock_guard lock(pool_.mutex_);
        pool_.idle_.push_back(session_);
    }
    pool_.available_.notify_one();
}

}  // namespace chibo::storage::sql
