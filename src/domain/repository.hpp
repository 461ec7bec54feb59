#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/access.hpp"
#include "domain/audit.hpp"
#include "domain/document.hpp"
#include "domain/grading.hpp"
#include "domain/meeting.hpp"
#include "domain/meeting_rule.hpp"
#include "domain/member.hpp"
#include "domain/organization.hpp"
#include "domain/position.hpp"
#include "domain/scorecard.hpp"
#include "domain/statistics.hpp"
#include "domain/task.hpp"

// The storage the domain needs, declared here and implemented by each engine (storage/sqlite, later
// storage/postgres). Every engine passes the same contract suite (tests/storage). Methods throw only
// on infrastructure failure (the database is gone); expected outcomes such as "not found" are
// nullopt or Result errors.
namespace chibo::domain {

class OrganizationRepository {
public:
    virtual ~OrganizationRepository() = default;

    virtual std::optional<Organization> Get(OrganizationId id) = 0;
    // Children sorted by name in Vietnamese collation.
    virtual std::vector<Organization> Children(OrganizationId parent, bool include_dissolved) = 0;
    virtual bool HasChildren(OrganizationId parent, bool include_dissolved) = 0;
    // Inserts and returns the organisation with its id and path set. The parent must exist.
    virtual Organization Insert(const Organization& organization) = 0;
    // Updates the plain fields (not parent or path; see Move).
    virtual void Update(const Organization& organization) = 0;
    // Puts `id` under `new_parent` from day `on`, records where the whole subtree was until then (a past
    // placement each) and rewrites their paths.
    virtual void Move(OrganizationId id, OrganizationId new_parent, base::Date on) = 0;
    // Every past placement, by organisation and date.
    virtual std::vector<OrganizationPlacement> PastPlacements() = 0;
    // On-roll members of the subtree rooted at `path`, by status (a party group counts its members).
    virtual MemberCounts CountMembers(const std::string& path) = 0;
    // Every organisation in the subtree (inclusive), for pickers and exports; sorted by path.
    virtual std::vector<Organization> Subtree(const std::string& path, bool include_dissolved) = 0;
};

struct MemberQuery {
    std::string subtree_path;             // Required: members of cells (or party groups) in this subtree.
    std::string folded_prefix;            // Folded words; matches names having a word that starts so.
    std::optional<MemberStatus> status;   // Only this status.
    bool include_off_roll = false;        // Include transferred out, removed, deceased.
    std::optional<MemberId> only_member;  // Restricts to one member (a plain member's own view).
    int offset = 0;
    int limit = 50;
};

struct MemberPage {
    std::vector<Member> items;
    std::int64_t total = 0;
};

class MemberRepository {
public:
    virtual ~MemberRepository() = default;

    virtual std::optional<Member> Get(MemberId id) = 0;
    // The full names of those of `ids` that exist, in no particular order: one query per 500 ids.
    virtual std::vector<std::pair<MemberId, std::string>> NamesOf(const std::vector<MemberId>& ids) = 0;
    // Sorted by given name, then full name (Vietnamese collation), then id.
    virtual MemberPage Search(const MemberQuery& query) = 0;
    virtual Member Insert(const Member& member) = 0;
    virtual void Update(const Member& member) = 0;
    // Another member already holding the number (ignoring `except`).
    virtual std::optional<MemberId> FindByPartyCard(const std::string& number) = 0;
    virtual std::optional<MemberId> FindByCitizenId(const std::string& number) = 0;
    // On-roll members of exactly this cell (not the subtree).
    virtual std::vector<Member> OnRollOf(OrganizationId cell) = 0;
    // Every official or probationary member on a roll, with their cell: who the statistics expect.
    virtual std::vector<std::pair<MemberId, OrganizationId>> ExpectedMembers() = 0;

    virtual std::vector<Membership> Memberships(MemberId member) = 0;
    virtual Membership OpenMembership(const Membership& membership) = 0;
    // Closes the member's open membership on `end_date`.
    virtual void CloseMembership(MemberId member, base::Date end_date) = 0;
};

class PositionRepository {
public:
    virtual ~PositionRepository() = default;

    virtual std::optional<Position> Get(PositionId id) = 0;
    // Ordered: secretary, deputy, committee members, group leaders, then by term start.
    virtual std::vector<Position> ForOrganization(OrganizationId organization, bool include_ended) = 0;
    virtual std::vector<Position> ForMember(MemberId member) = 0;
    virtual Position Insert(const Position& position) = 0;
    virtual void SetTermEnd(PositionId id, base::Date term_end) = 0;
};

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

struct AuditQuery {
    std::string subtree_path;  // Entries concerning this subtree (entries without an organisation are
                               // visible only to an administrator of a root).
    bool include_unscoped = false;
    std::string entity;          // Empty: any.
    std::int64_t entity_id = 0;  // 0: any.
    int offset = 0;
    int limit = 50;
};

struct AuditPage {
    std::vector<AuditEntry> items;
    std::int64_t total = 0;
};

class AuditRepository {
public:
    virtual ~AuditRepository() = default;

    virtual void Append(const AuditEntry& entry) = 0;
    // Newest first.
    virtual AuditPage List(const AuditQuery& query) = 0;
    // What was written after entry `after` (oldest first, at most `limit`): the change feed the
    // statistics follow, on this node and on others sharing the database.
    virtual std::vector<AuditChange> Since(std::int64_t after, int limit) = 0;
    // Those of `ids` that exist, by id (skipped ids read again, see AuditCursor).
    virtual std::vector<AuditChange> WithIds(const std::vector<std::int64_t>& ids) = 0;
    virtual std::int64_t LatestId() = 0;
};

struct DocumentPage {
    std::vector<RegisteredDocument> items;
    std::int64_t total = 0;
};

class DocumentRepository {
public:
    virtual ~DocumentRepository() = default;

    // Allocates the next number for the document's organisation, type and term (1, 2, 3…: without
    // gaps or duplicates, even when transactions on several nodes race, because the allocation and
    // the insert share the caller's transaction) and inserts the entry. `number_text` is formatted by
    // `format` from the allocated number.
    virtual RegisteredDocument Register(const RegisteredDocument& document,
                                        const std::function<std::string(int)>& format) = 0;
    // Newest first; `type` and `term` filter when set.
    virtual DocumentPage List(OrganizationId organization, std::optional<DocumentType> type, const std::string& term,
                              int offset, int limit) = 0;
};

class MeetingRepository {
public:
    virtual ~MeetingRepository() = default;

    // The organisation's own rule settings; nullopt when it has none.
    virtual std::optional<MeetingRuleOverride> RuleOf(OrganizationId organization) = 0;
    virtual void SaveRule(OrganizationId organization, const MeetingRuleOverride& rule) = 0;

    virtual std::optional<Meeting> Get(MeetingId id) = 0;
    virtual std::optional<Meeting> Find(OrganizationId cell, MeetingKind kind, int year, int month) = 0;
    // The cell's occurrences in `year`, by date.
    virtual std::vector<Meeting> ForYear(OrganizationId cell, int year) = 0;
    virtual Meeting Insert(const Meeting& meeting) = 0;
    // Saves every field of the occurrence, its preparation and record included.
    virtual void Update(const Meeting& meeting) = 0;
    // Meetings of the cells in the subtree at `path` dated within [from, to], by date; at most `limit`.
    virtual std::vector<Meeting> InSubtreeBetween(const std::string& path, base::Date from, base::Date to,
                                                  int limit) = 0;

    // The roll call, in the order saved; replaced as a whole.
    virtual std::vector<AttendanceRecord> Attendance(MeetingId meeting) = 0;
    virtual void SaveAttendance(MeetingId meeting, const std::vector<AttendanceRecord>& records) = 0;
    virtual std::vector<Opinion> Opinions(MeetingId meeting) = 0;
    virtual void SaveOpinions(MeetingId meeting, const std::vector<Opinion>& opinions) = 0;

    // The tasks a meeting's resolution sets, in order; replaced as a whole (ids change).
    virtual std::vector<ResolutionTask> TasksSetBy(MeetingId meeting) = 0;
    virtual void ReplaceTasksSetBy(MeetingId meeting, OrganizationId cell,
                                   const std::vector<ResolutionTask>& tasks) = 0;
    // Tasks set by the cell's meetings dated before `before` (not cancelled), by deadline.
    virtual std::vector<ResolutionTask> TasksOfCellBefore(OrganizationId cell, base::Date before) = 0;
    virtual std::vector<ResolutionTask> TasksReviewedIn(MeetingId meeting) = 0;
    // Saves the outcome, result and reviewing meeting of a task.
    virtual void SaveTaskReview(const ResolutionTask& task) = 0;

    virtual std::vector<Attachment> Attachments(MeetingId meeting) = 0;
    virtual Attachment InsertAttachment(const Attachment& attachment) = 0;
    virtual void DeleteAttachment(std::int64_t id) = 0;
    // Whether any attachment (of any meeting) still refers to the content.
    virtual bool ContentInUse(const std::string& sha256) = 0;

    virtual std::vector<LeaveRequest> LeaveRequests(MeetingId meeting) = 0;
    // Inserts or replaces the member's request.
    virtual void SaveLeaveRequest(MeetingId meeting, const LeaveRequest& request) = 0;

    virtual std::vector<Amendment> Amendments(MeetingId meeting) = 0;
    virtual Amendment InsertAmendment(const Amendment& amendment) = 0;

    // The roll calls of the meetings of the subtree at `path` held in `year`, by meeting, with each
    // meeting's day: what the 3-absence rule counts.
    virtual std::vector<std::pair<base::Date, std::vector<AttendanceRecord>>> UnexcusedInSubtree(
        const std::string& path, int year) = 0;
    // One member's attendance records in `year`, with each meeting, by date.
    virtual std::vector<std::pair<Meeting, AttendanceRecord>> AttendanceOf(MemberId member, int year) = 0;

    // Scorecard versions an organisation set for its subtree, oldest first.
    virtual std::vector<StoredScorecard> Scorecards(OrganizationId organization) = 0;
    virtual std::optional<StoredScorecard> GetScorecard(std::int64_t id) = 0;
    virtual StoredScorecard InsertScorecard(const StoredScorecard& scorecard) = 0;
    // Every scoring of a meeting, oldest first (corrections after what they correct).
    virtual std::vector<MeetingScore> Scores(MeetingId meeting) = 0;
    virtual MeetingScore InsertScore(const MeetingScore& score) = 0;

    // What every held meeting with an id in [first, last] counts for in the statistics, read in a few
    // passes; ranges let a load read on several connections at once.
    virtual std::vector<std::pair<MeetingId, MeetingFigures>> HeldFigures(std::int64_t first, std::int64_t last) = 0;
    // The largest meeting id (0 when there is none).
    virtual std::int64_t LastMeetingId() = 0;
};

// Grading rounds and their records (append-only).
class GradingRepository {
public:
    virtual ~GradingRepository() = default;

    // The rounds the organisations ran, newest period first.
    virtual std::vector<GradingRound> RoundsOf(const std::vector<OrganizationId>& organizations) = 0;
    virtual std::optional<GradingRound> GetRound(std::int64_t id) = 0;
    virtual std::optional<GradingRound> FindRound(OrganizationId organization, const std::string& period) = 0;
    virtual GradingRound InsertRound(const GradingRound& round) = 0;
    // Every record of the round, oldest first.
    virtual std::vector<Grade> Grades(std::int64_t round) = 0;
    virtual Grade InsertGrade(const Grade& grade) = 0;
};

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

// The dashboard figures computed by SQL on the normalised schema: the baseline the statistics engine is
// measured and checked against.
class StatisticsQueries {
public:
    virtual ~StatisticsQueries() = default;

    // D1 of an organisation's subtree, with the engine's reading of reorganisations (DashboardFigures).
    virtual DashboardFigures Figures(OrganizationId node, MonthRange months, base::Date today) = 0;
    // D3 in SQL: how many cells missed something due, and the first `limit` of them in tree order.
    virtual std::pair<int, std::vector<OrganizationId>> MissedCells(OrganizationId node, MonthRange months,
                                                                    base::Date today, int limit) = 0;
};

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
    virtual GradingRepository& grading() = 0;
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
