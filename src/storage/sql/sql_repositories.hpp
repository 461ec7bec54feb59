#pragma once

#include <memory>

#include "domain/store.hpp"

namespace soci {
class session;
}

// One repository per aggregate over one SOCI session, each in its own file with its SQL
// (storage/sql/<aggregate>_repository.cpp); MakeRepositories (repositories.hpp) composes them. Private
// to storage/sql: engines use MakeRepositories.
namespace chibo::storage::sql {

std::unique_ptr<domain::OrganizationRepository> MakeOrganizationRepository(soci::session& session);
std::unique_ptr<domain::MemberRepository> MakeMemberRepository(soci::session& session);
std::unique_ptr<domain::PositionRepository> MakePositionRepository(soci::session& session);
std::unique_ptr<domain::UserRepository> MakeUserRepository(soci::session& session);
std::unique_ptr<domain::AuditRepository> MakeAuditRepository(soci::session& session);
std::unique_ptr<domain::DocumentRepository> MakeDocumentRepository(soci::session& session);
std::unique_ptr<domain::MeetingRepository> MakeMeetingRepository(soci::session& session);
std::unique_ptr<domain::MeetingRecordRepository> MakeMeetingRecordRepository(soci::session& session);
std::unique_ptr<domain::ScoreRepository> MakeScoreRepository(soci::session& session);
std::unique_ptr<domain::GradingRepository> MakeGradingRepository(soci::session& session);
std::unique_ptr<domain::TopicRepository> MakeTopicRepository(soci::session& session);
std::unique_ptr<domain::VisitRepository> MakeVisitRepository(soci::session& session);
std::unique_ptr<domain::BulkRepository> MakeBulkRepository(soci::session& session);
std::unique_ptr<domain::StatisticsQueries> MakeStatisticsQueries(soci::session& session);

}  // namespace chibo::storage::sql
