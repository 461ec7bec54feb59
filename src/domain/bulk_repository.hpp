#pragma once

#include <string>
#include <utility>
#include <vector>

#include "domain/meeting.hpp"
#include "domain/member.hpp"
#include "domain/organization.hpp"
#include "domain/scorecard.hpp"

namespace chibo::domain {

// Writes whole tables fast, ids given by the caller (benchmark datasets, imports): no audit, no
// search index, no checks beyond the schema's.
class BulkRepository {
public:
    virtual ~BulkRepository() = default;

    // Readies this transaction's connection for large loads (SQLite: a page cache of 1 GiB, so that
    // inserts into large indexes stay in memory).
    virtual void PrepareBulkLoad() = 0;
    virtual void InsertOrganizations(const std::vector<Organization>& organizations) = 0;
    virtual void InsertMembers(const std::vector<Member>& members) = 0;
    virtual void InsertMeetings(const std::vector<Meeting>& meetings) = 0;
    virtual void InsertAttendance(const std::vector<std::pair<MeetingId, std::vector<AttendanceRecord>>>& rolls) = 0;
    virtual void InsertScores(const std::vector<MeetingScore>& scores) = 0;
    // Drops the secondary indexes of the tables a bulk load fills (SQLite; nothing on PostgreSQL) and
    // returns the statements that build them again: one sort each at the end of the load instead of
    // millions of inserts in random order (the roll calls' index by member: 88.8 M at national scale).
    virtual std::vector<std::string> SuspendIndexes() = 0;
    virtual void RestoreIndexes(const std::vector<std::string>& statements) = 0;
    // Moves the engines' id sequences past the ids written.
    virtual void ResetSequences() = 0;
};

}  // namespace chibo::domain
