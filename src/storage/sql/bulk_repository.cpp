#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <exception>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.hpp"
#include "domain/bulk_repository.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

// Literal multi-row INSERTs: one statement per few thousand rows, no per-value binding. Every text is
// quoted; the only texts are names, codes and hex keys.
class SqlBulk final : public BulkRepository {
public:
    explicit SqlBulk(soci::session& s) : s_(s) {}

    void PrepareBulkLoad() override {
        if (s_.get_backend_name() == "sqlite3") Exec(s_, "PRAGMA cache_size = -1048576");
    }

    void InsertOrganizations(const std::vector<Organization>& orgs) override {
        Rows rows(s_,
                  "INSERT INTO organizations (id, parent_id, name, name_key, kind, category, address, valid_from, "
                  "valid_to, merged_into_id, path) VALUES ");
        for (const Organization& o : orgs)
            rows.Add({Num(o.id.value), o.parent ? Num(o.parent->value) : "NULL", Quote(o.name),
                      Quote(base::CollationKey(o.name)), Quote(ToCode(o.kind)), Quote(ToCode(o.category)),
                      Quote(o.address), Quote(o.valid_from.ToIso()), o.valid_to ? Quote(o.valid_to->ToIso()) : "NULL",
                      o.merged_into ? Num(o.merged_into->value) : "NULL", Quote(o.path)});
    }

    void InsertMembers(const std::vector<Member>& members) override {
        InsertMemberRows(members);
        // Each member on a roll is on it, with their status, from their admission (or 2000).
        auto since = [](const Member& m) {
            return Quote(m.admission_date ? m.admission_date->ToIso() : std::string("2000-01-01"));
        };
        {
            Rows stays(s_, "INSERT INTO memberships (member_id, organization_id, start_date, reason) VALUES ");
            for (const Member& m : members)
                if (OnRoll(m.status))
                    stays.Add({Num(m.id.value), Num(m.organization.value), since(m), Quote("Kết nạp")});
        }
        Rows statuses(s_, "INSERT INTO member_status_history (member_id, since, status) VALUES ");
        for (const Member& m : members)
            if (OnRoll(m.status)) statuses.Add({Num(m.id.value), since(m), Quote(ToCode(m.status))});
    }

    void InsertMemberRows(const std::vector<Member>& members) {
        Rows rows(s_,
                  "INSERT INTO members (id, organization_id, party_group_id, full_name, sort_key, search_name, sex, "
                  "date_of_birth, status, on_roll, admission_date, official_date) VALUES ");
        for (const Member& m : members)
            rows.Add({Num(m.id.value), Num(m.organization.value), m.party_group ? Num(m.party_group->value) : "NULL",
                      Quote(m.full_name), Quote(base::NameSortKey(m.full_name)),
                      Quote(base::FoldForSearch(m.full_name)), Quote(ToCode(m.sex)), Quote(m.date_of_birth.ToIso()),
                      Quote(ToCode(m.status)), OnRoll(m.status) ? "1" : "0",
                      m.admission_date ? Quote(m.admission_date->ToIso()) : "NULL",
                      m.official_date ? Quote(m.official_date->ToIso()) : "NULL"});
    }

    void InsertMeetings(const std::vector<Meeting>& meetings) override {
        Rows rows(
            s_,
            "INSERT INTO meetings (id, organization_id, kind, year, month, scheduled_on, start_minutes, "
            "min_minutes, combined_min_minutes, state, started_minutes, ended_minutes, superior_attended) VALUES ");
        for (const Meeting& m : meetings)
            rows.Add({Num(m.id.value), Num(m.organization.value), Quote(ToCode(m.kind)), Num(m.year), Num(m.month),
                      Quote(m.date.ToIso()), Num(m.start_minutes), Num(m.min_minutes), Num(m.combined_min_minutes),
                      Quote(ToCode(m.state)), m.record.started_minutes ? Num(*m.record.started_minutes) : "NULL",
                      m.record.ended_minutes ? Num(*m.record.ended_minutes) : "NULL",
                      m.record.superior_attended ? "1" : "0"});
    }

    void InsertAttendance(const std::vector<std::pair<MeetingId, std::vector<AttendanceRecord>>>& rolls) override {
        Rows rows(s_,
                  "INSERT INTO meeting_attendance (meeting_id, seq, member_id, member_name, status_at_meeting, "
                  "presence, reason) VALUES ");
        for (const auto& [meeting, roll] : rolls)
            for (std::size_t i = 0; i < roll.size(); ++i) {
                const AttendanceRecord& a = roll[i];
                rows.Add({Num(meeting.value), Num(static_cast<std::int64_t>(i)), Num(a.member.value),
                          Quote(a.member_name), Quote(ToCode(a.status_at_meeting)), Quote(ToCode(a.presence)),
                          Quote(a.reason)});
            }
    }

    void InsertScores(const std::vector<MeetingScore>& scores) override {
        Rows rows(s_,
                  "INSERT INTO meeting_scores (meeting_id, role, scorecard_id, points, total, level, scored_by, "
                  "scored_at, reason) VALUES ");
        for (const MeetingScore& sc : scores)
            rows.Add({Num(sc.meeting.value), Quote(ToCode(sc.role)), Num(sc.scorecard_id.value), Quote("{}"),
                      Num(sc.total), Quote(ToCode(sc.level)), Quote(sc.scored_by), Num(sc.scored_at),
                      Quote(sc.reason)});
    }

    std::vector<std::string> SuspendIndexes() override {
        std::vector<std::string> statements;
        if (s_.get_backend_name() != "sqlite3") return statements;
        std::vector<std::string> names;
        for (const Row& r : Query(s_,
                                  "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
                                  "sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ('members', 'memberships', "
                                  "'meetings', 'meeting_attendance', 'meeting_scores') ORDER BY name")) {
            names.push_back(r.Text(0));
            statements.push_back(r.Text(1));
        }
        for (const std::string& name : names) Exec(s_, "DROP INDEX " + name);
        return statements;
    }

    void RestoreIndexes(const std::vector<std::string>& statements) override {
        for (const std::string& statement : statements) Exec(s_, statement);
    }

    void ResetSequences() override {
        if (s_.get_backend_name() != "postgresql") return;  // SQLite continues from the largest rowid.
        for (const char* table : {"organizations", "members", "meetings", "meeting_scores"})
            Exec(s_, std::string("SELECT setval(pg_get_serial_sequence('") + table + "', 'id'), " +
                         "COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)");
    }

private:
    // Collects rows and runs one INSERT per batch; the destructor sends the rest unless an exception is
    // already on its way (the transaction is being rolled back then).
    class Rows {
    public:
        Rows(soci::session& s, std::string head)
            : s_(s), head_(std::move(head)), exceptions_(std::uncaught_exceptions()) {}
        Rows(const Rows&) = delete;
        Rows& operator=(const Rows&) = delete;
        ~Rows() noexcept(false) {
            if (std::uncaught_exceptions() == exceptions_) Flush();
        }

        void Add(std::initializer_list<std::string> values) {
            sql_ += count_ ? ",(" : "(";
            bool first = true;
            for (const std::string& v : values) {
                if (!first) sql_ += ',';
                sql_ += v;
                first = false;
            }
            sql_ += ')';
            if (++count_ == 250) Flush();  // Larger statements cost more to parse than they save.
        }

    private:
        void Flush() {
            if (count_ == 0) return;
            const std::string statement = head_ + sql_;
            sql_.clear();
            count_ = 0;
            Exec(s_, statement);
        }

        soci::session& s_;
        std::string head_;
        std::string sql_;
        int count_ = 0;
        int exceptions_;
    };

    static std::string Num(std::int64_t v) { return std::to_string(v); }
    static std::string Quote(std::string_view text) {
        std::string out = "'";
        for (char c : text) {
            if (c == '\'') out += '\'';
            out += c;
        }
        return out + "'";
    }

    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::BulkRepository> MakeBulkRepository(soci::session& session) {
    return std::make_unique<SqlBulk>(session);
}

}  // namespace chibo::storage::sql
