#include "storage/sql/repositories.hpp"

#include <soci/soci.h>

#include <memory>

#include "domain/audit_repository.hpp"
#include "domain/bulk_repository.hpp"
#include "domain/document_repository.hpp"
#include "domain/grading_repository.hpp"
#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/position_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/statistics_queries.hpp"
#include "domain/topic_repository.hpp"
#include "domain/user_repository.hpp"
#include "domain/visit_repository.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace chibo::storage::sql {
namespace {

// Each repository is made on first use: a transaction pays only for those it touches.
template <typename T>
T& Lazy(std::unique_ptr<T>& slot, std::unique_ptr<T> (*make)(soci::session&), soci::session& session) {
    if (!slot) slot = make(session);
    return *slot;
}

class SqlRepositories final : public domain::Repositories {
public:
    explicit SqlRepositories(soci::session& s) : s_(s) {}

    domain::OrganizationRepository& organizations() override {
        return Lazy(organizations_, MakeOrganizationRepository, s_);
    }
    domain::MemberRepository& members() override { return Lazy(members_, MakeMemberRepository, s_); }
    domain::PositionRepository& positions() override { return Lazy(positions_, MakePositionRepository, s_); }
    domain::UserRepository& users() override { return Lazy(users_, MakeUserRepository, s_); }
    domain::AuditRepository& audit() override { return Lazy(audit_, MakeAuditRepository, s_); }
    domain::DocumentRepository& documents() override { return Lazy(documents_, MakeDocumentRepository, s_); }
    domain::MeetingRepository& meetings() override { return Lazy(meetings_, MakeMeetingRepository, s_); }
    domain::MeetingRecordRepository& records() override { return Lazy(records_, MakeMeetingRecordRepository, s_); }
    domain::ScoreRepository& scores() override { return Lazy(scores_, MakeScoreRepository, s_); }
    domain::GradingRepository& grading() override { return Lazy(grading_, MakeGradingRepository, s_); }
    domain::TopicRepository& topics() override { return Lazy(topics_, MakeTopicRepository, s_); }
    domain::VisitRepository& visits() override { return Lazy(visits_, MakeVisitRepository, s_); }
    domain::BulkRepository& bulk() override { return Lazy(bulk_, MakeBulkRepository, s_); }
    domain::StatisticsQueries& statistics() override { return Lazy(statistics_, MakeStatisticsQueries, s_); }

private:
    soci::session& s_;
    std::unique_ptr<domain::OrganizationRepository> organizations_;
    std::unique_ptr<domain::MemberRepository> members_;
    std::unique_ptr<domain::PositionRepository> positions_;
    std::unique_ptr<domain::UserRepository> users_;
    std::unique_ptr<domain::AuditRepository> audit_;
    std::unique_ptr<domain::DocumentRepository> documents_;
    std::unique_ptr<domain::MeetingRepository> meetings_;
    std::unique_ptr<domain::MeetingRecordRepository> records_;
    std::unique_ptr<domain::ScoreRepository> scores_;
    std::unique_ptr<domain::GradingRepository> grading_;
    std::unique_ptr<domain::TopicRepository> topics_;
    std::unique_ptr<domain::VisitRepository> visits_;
    std::unique_ptr<domain::BulkRepository> bulk_;
    std::unique_ptr<domain::StatisticsQueries> statistics_;
};

}  // namespace

std::unique_ptr<domain::Repositories> MakeRepositories(soci::session& session) {
    return std::make_unique<SqlRepositories>(session);
}

}  // namespace chibo::storage::sql
