#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>

#include "base/result.hpp"

// The storage the domain needs, declared in src/domain and implemented by each engine (storage/sqlite,
// storage/postgres): a Store runs work in transactions over the Repositories, one per aggregate, each
// declared in its own header (organization_repository.hpp, meeting_record_repository.hpp, ...). Every
// engine passes the same contract suite (tests/storage). Repository methods throw only on
// infrastructure failure (the database is gone, a stored row is corrupt); expected outcomes such as
// "not found" are nullopt or Result errors.
namespace chibo::domain {

class OrganizationRepository;   // organization_repository.hpp
class MemberRepository;         // member_repository.hpp
class PositionRepository;       // position_repository.hpp
class UserRepository;           // user_repository.hpp
class AuditRepository;          // audit_repository.hpp
class DocumentRepository;       // document_repository.hpp
class MeetingRepository;        // meeting_repository.hpp
class MeetingRecordRepository;  // meeting_record_repository.hpp
class ScoreRepository;          // score_repository.hpp
class GradingRepository;        // grading_repository.hpp
class TopicRepository;          // topic_repository.hpp
class VisitRepository;          // visit_repository.hpp
class BulkRepository;           // bulk_repository.hpp
class StatisticsQueries;        // statistics_queries.hpp

// The repositories of one transaction.
class Repositories {
public:
    virtual ~Repositories() = default;

    virtual OrganizationRepository& organizations() = 0;
    virtual MemberRepository& members() = 0;
    virtual PositionRepository& positions() = 0;
    virtual UserRepository& users() = 0;
    virtual AuditRepository& audit() = 0;
    virtual DocumentRepository& documents() = 0;
    virtual MeetingRepository& meetings() = 0;
    virtual MeetingRecordRepository& records() = 0;
    virtual ScoreRepository& scores() = 0;
    virtual GradingRepository& grading() = 0;
    virtual TopicRepository& topics() = 0;
    virtual VisitRepository& visits() = 0;
    virtual BulkRepository& bulk() = 0;
    virtual StatisticsQueries& statistics() = 0;
};

// A database. Work runs inside a transaction: Write commits when the function returns success and
// rolls back when it returns an error or throws, so a failed use case writes nothing.
class Store {
public:
    virtual ~Store() = default;

    virtual base::Result<void> Read(const std::function<base::Result<void>(Repositories&)>& work) = 0;
    virtual base::Result<void> Write(const std::function<base::Result<void>(Repositories&)>& work) = 0;
    // A number the store raises with every change that could end or alter a signed-in session: a
    // session ended, an account or its roles changed, an organisation renamed, moved or merged (by
    // triggers, so every writer counts, the command line and other nodes included). A session checked
    // while it was v stays good while it is still v. Read on every signed-in request: one prepared
    // statement, no transaction.
    virtual base::Result<std::int64_t> AuthVersion() = 0;
};

// Runs `work` in a read transaction and returns its value.
template <typename T, typename F>
base::Result<T> ReadValue(Store& store, F&& work) {
    std::optional<base::Result<T>> out;
    auto status = store.Read([&](Repositories& repos) -> base::Result<void> {
        out.emplace(work(repos));
        if (!*out) return out->error();
        return {};
    });
    if (!status) return status.error();
    return std::move(*out);
}

// Runs `work` in a write transaction and returns its value; nothing is written when it fails.
template <typename T, typename F>
base::Result<T> WriteValue(Store& store, F&& work) {
    std::optional<base::Result<T>> out;
    auto status = store.Write([&](Repositories& repos) -> base::Result<void> {
        out.emplace(work(repos));
        if (!*out) return out->error();
        return {};
    });
    if (!status) return status.error();
    return std::move(*out);
}

}  // namespace chibo::domain
