#include "storage/tools/transfer.hpp"

#include <soci/soci.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "storage/postgres/postgres_store.hpp"
#include "storage/sql/sql.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace chibo::storage::tools {
namespace {

using base::ErrorCode;
using base::MakeError;
using sql::Params;
using sql::Row;

// Every table in foreign-key order. Columns listed in `deferred` may point at rows copied later (a
// cell moved under a newer commune, merged into a newer cell): they are inserted as NULL and set in
// a second pass.
struct TableSpec {
    const char* name;
    const char* columns;
    const char* key;  // Unique order for checksums; "id" means resumable by id.
    const char* deferred;
};

constexpr TableSpec kTables[] = {
    {"organizations",
     "id, parent_id, name, name_key, kind, category, address, valid_from, valid_to, merged_into_id, path", "id",
     "parent_id, merged_into_id"},
    {"organization_placements", "id, organization_id, parent_id, path, since, until", "id", ""},
    {"members",
     "id, organization_id, party_group_id, full_name, sort_key, search_name, sex, date_of_birth, status, on_roll, "
     "admission_date, official_date, party_card_number, citizen_id, phone, address, note",
     "id", ""},
    {"member_name_words", "suffix, member_id", "suffix, member_id", ""},
    {"memberships", "id, member_id, organization_id, start_date, end_date, reason", "id", ""},
    {"member_status_history", "member_id, since, status", "member_id, since", ""},
    {"transfer_letters", "id, member_id, organization_id, number, host, from_date, to_date, note", "id", ""},
    {"positions", "id, organization_id, member_id, kind, term_start, term_end", "id", ""},
    {"users", "id, username, display_name, member_id, password_hash, created_at", "id", ""},
    {"role_grants", "id, user_id, role, organization_id", "id", ""},
    {"sessions", "token_hash, user_id, csrf_token, created_at, expires_at", "token_hash", ""},
    {"document_counters", "organization_id, doc_type, term, last_number", "organization_id, doc_type, term", ""},
    {"documents", "id, organization_id, doc_type, term, number, number_text, issued_on, title, created_by, created_at",
     "id", ""},
    {"meeting_rules",
     "organization_id, regular_day, start_minutes, thematic_months, min_minutes, combined_min_minutes, shift, holidays",
     "organization_id", ""},
    {"meetings",
     "id, organization_id, kind, year, month, scheduled_on, start_minutes, min_minutes, state, shifted, moved_reason, "
     "cancelled_reason, preparer_id, preparer_name, place, committee_meeting_on, committee_meeting_notes, agenda, "
     "superior_official, notified_at, documents_sent_at, started_minutes, ended_minutes, chair_id, chair_name, "
     "minute_taker_id, minute_taker_name, guests, superior_attended, conclusion, resolution, vote_in_favour, "
     "vote_against, vote_abstaining, vote_scope, finalised_at, minutes_number, resolution_number, reported_at, "
     "combined_min_minutes, superior_attendant_id",
     "id", ""},
    {"meeting_attendance", "meeting_id, seq, member_id, member_name, status_at_meeting, presence, reason",
     "meeting_id, member_id", ""},
    {"meeting_opinions", "meeting_id, seq, speaker_id, speaker_name, summary, accepted", "meeting_id, seq", ""},
    {"resolution_tasks",
     "id, meeting_id, organization_id, seq, assignee_id, assignee_name, description, deadline, outcome, result, "
     "reviewed_in",
     "id", ""},
    {"meeting_attachments", "id, meeting_id, file_name, content_type, size, sha256, uploaded_at, uploaded_by", "id",
     ""},
    {"meeting_leave_requests", "meeting_id, member_id, member_name, reason, requested_at", "meeting_id, member_id", ""},
    {"meeting_amendments", "id, meeting_id, text, reason, created_by, created_at", "id", ""},
    {"calendar_feeds", "user_id, token_hash, created_at", "user_id", ""},
    {"scorecards", "id, organization_id, effective_from, name, body, created_by, created_at, meeting_kind", "id", ""},
    {"meeting_scores",
     "id, meeting_id, role, scorecard_id, points, total, level, scored_by, scored_at, reason, computed_points, "
     "override_reasons",
     "id", ""},
    {"grading_rounds", "id, organization_id, period, excellent_quota_bp, created_by, created_at", "id", ""},
    {"grades",
     "id, round_id, subject, subject_id, step, general_points, task_points, total, level, exceeded_targets, "
     "disciplined, comment, reason, recorded_by, recorded_at",
     "id", ""},
    {"topic_orientations", "id, organization_id, year, quarter, title, purpose, directive, created_by, created_at",
     "id", ""},
    {"topic_orientation_cells", "orientation_id, organization_id", "orientation_id, organization_id", ""},
    {"topics",
     "id, organization_id, orientation_id, year, quarter, title, purpose, directive, preparer_kind, "
     "preparer_member_id, "
     "preparer_group_id, preparer_name, meeting_id, state, decline_reason, created_by, created_at, decided_by, "
     "decided_at, draft_count, submitted_at, approved_version, approved_by, approved_at, sent_version, sent_by, "
     "sent_at, assessment, assessment_note, assessed_by, assessed_at",
     "id", ""},
    {"topic_drafts", "id, topic_id, number, text, created_by, author_name, created_at", "id", ""},
    {"topic_comments", "id, topic_id, kind, version, member_id, author, author_name, text, created_at", "id", ""},
    {"topic_files",
     "id, orientation_id, topic_id, version, file_name, content_type, size, sha256, uploaded_by, uploaded_at", "id",
     ""},
    {"visit_attendants",
     "id, organization_id, member_id, role, term_start, term_end, visits_per_month, meetings_per_quarter, report_days",
     "id", ""},
    {"visit_plans",
     "id, organization_id, title, first_month, last_month, state, created_by, created_at, published_by, published_at",
     "id", ""},
    {"visit_plan_cells", "plan_id, organization_id, points, reasons", "plan_id, organization_id", ""},
    {"planned_visits",
     "id, plan_id, attendant_id, organization_id, kind, month_key, scheduled_on, start_minutes, reason", "id", ""},
    {"visit_reports",
     "id, attendant_id, committee_id, organization_id, kind, meeting_id, visited_on, report_days, filed_at, filed_on, "
     "observations, members_situation, created_by",
     "id", ""},
    {"petitions",
     "id, report_id, organization_id, field, source, raised_by, content, owner_id, owner_name, raised_on, deadline, "
     "answer, answered_by, answered_on",
     "id", ""},
    {"audit_log", "id, at, user_id, username, action, entity, entity_id, organization_id, before_json, after_json",
     "id", ""},
};

std::vector<std::string> Split(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ',')) {
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

std::string SqlitePath(const std::string& db) {
    return db.rfind("sqlite:", 0) == 0 ? db.substr(7) : db;
}

std::unique_ptr<soci::session> Open(const std::string& db) {
    return postgres::IsPostgresUrl(db) ? postgres::OpenSession(db) : sqlite::OpenSession(SqlitePath(db));
}

struct Checksum {
    std::uint64_t h = 1469598103934665603ULL;
    void Add(const std::string& s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        h ^= 0x1F;  // Field separator.
        h *= 1099511628211ULL;
    }
    std::string Hex() const {
        std::ostringstream out;
        out << std::hex << h;
        return out.str();
    }
};

void AddRow(Checksum& sum, const Row& r, std::size_t columns) {
    for (std::size_t i = 0; i < columns; ++i) sum.Add(r.IsNull(i) ? std::string("\x01N") : r.Text(i));
}

TableSummary SummarizeTable(soci::session& s, const TableSpec& t) {
    TableSummary out;
    out.table = t.name;
    Checksum sum;
    const std::size_t columns = Split(t.columns).size();
    if (std::string(t.key) == "id") {
        std::int64_t after = 0;
        for (;;) {  // Keyset pages keep memory flat on big tables.
            auto rows = sql::Query(
                s, std::string("SELECT ") + t.columns + " FROM " + t.name + " WHERE id > :after ORDER BY id LIMIT 5000",
                Params().Int(after));
            if (rows.empty()) break;
            for (const Row& r : rows) AddRow(sum, r, columns);
            out.rows += static_cast<std::int64_t>(rows.size());
            after = rows.back().Int(0);
        }
    } else {
        for (const Row& r :
             sql::Query(s, std::string("SELECT ") + t.columns + " FROM " + t.name + " ORDER BY " + t.key)) {
            AddRow(sum, r, columns);
            ++out.rows;
        }
    }
    out.checksum = sum.Hex();
    return out;
}

std::vector<TableSummary> SummarizeAll(soci::session& s) {
    std::vector<TableSummary> out;
    for (const TableSpec& t : kTables) out.push_back(SummarizeTable(s, t));
    return out;
}

Params RowParams(const Row& r, std::size_t columns, const std::vector<bool>& nulled) {
    Params p;
    for (std::size_t i = 0; i < columns; ++i) {
        if (r.IsNull(i) || nulled[i]) {
            p.Null();
        } else if (auto n = r.OptInt(i); n && r.Text(i) == std::to_string(*n)) {
            p.Int(*n);
        } else {
            p.Text(r.Text(i));
        }
    }
    return p;
}

std::string InsertSql(const TableSpec& t, std::size_t columns) {
    std::string values;
    for (std::size_t i = 0; i < columns; ++i) values += (i ? ", :v" : ":v") + std::to_string(i);
    return std::string("INSERT INTO ") + t.name + " (" + t.columns + ") VALUES (" + values + ")";
}

// Copies one table; returns rows written. Stops early (returning false in `complete`) after
// `budget` batches when budget > 0.
std::int64_t CopyTable(soci::session& from, soci::session& to, const TableSpec& t, const CopyOptions& options,
                       int& budget, bool& complete, const Progress& progress) {
    const auto columns = Split(t.columns);
    const auto deferred = Split(t.deferred);
    std::vector<bool> nulled(columns.size(), false);
    for (std::size_t i = 0; i < columns.size(); ++i)
        for (const auto& d : deferred) nulled[i] = nulled[i] || columns[i] == d;
    const std::string insert = InsertSql(t, columns.size());
    const std::int64_t total = sql::QueryOne(from, std::string("SELECT COUNT(*) FROM ") + t.name)->Int(0);
    std::int64_t copied = 0;
    auto spend = [&] {
        if (options.max_batches > 0 && --budget <= 0) complete = false;
        return complete;
    };

    if (std::string(t.key) == "id") {
        std::int64_t after = sql::QueryOne(to, std::string("SELECT COALESCE(MAX(id), 0) FROM ") + t.name)->Int(0);
        std::int64_t done = sql::QueryOne(to, std::string("SELECT COUNT(*) FROM ") + t.name)->Int(0);
        if (progress) progress(t.name, done, total);
        while (complete) {
            auto rows = sql::Query(
                from,
                std::string("SELECT ") + t.columns + " FROM " + t.name + " WHERE id > :after ORDER BY id LIMIT :n",
                Params().Int(after).Int(options.batch_rows));
            if (rows.empty()) break;
            soci::transaction tx(to);
            for (const Row& r : rows) sql::Exec(to, insert, RowParams(r, columns.size(), nulled));
            tx.commit();
            copied += static_cast<std::int64_t>(rows.size());
            done += static_cast<std::int64_t>(rows.size());
            after = rows.back().Int(0);
            if (progress) progress(t.name, done, total);
            if (!spend()) break;
        }
        if (!deferred.empty() && complete) {
            // Second pass: the columns that may point forward.
            soci::transaction tx(to);
            for (const Row& r : sql::Query(from, std::string("SELECT id, ") + t.deferred + " FROM " + t.name)) {
                std::string set;
                Params p;
                for (std::size_t i = 0; i < deferred.size(); ++i) {
                    set += (i ? ", " : "") + deferred[i] + " = :d" + std::to_string(i);
                    if (r.IsNull(i + 1))
                        p.Null();
                    else
                        p.Int(r.Int(i + 1));
                }
                p.Int(r.Int(0));
                sql::Exec(to, std::string("UPDATE ") + t.name + " SET " + set + " WHERE id = :id", p);
            }
            tx.commit();
        }
        return copied;
    }

    // Tables without an id are small or derived: recopy them whole unless they already match.
    if (SummarizeTable(from, t).checksum == SummarizeTable(to, t).checksum) {
        if (progress) progress(t.name, total, total);
        return 0;
    }
    soci::transaction tx(to);
    sql::Exec(to, std::string("DELETE FROM ") + t.name);
    for (const Row& r : sql::Query(from, std::string("SELECT ") + t.columns + " FROM " + t.name)) {
        sql::Exec(to, insert, RowParams(r, columns.size(), nulled));
        if (++copied % 1000 == 0 && progress) progress(t.name, copied, total);
    }
    tx.commit();
    if (progress) progress(t.name, copied, total);
    spend();
    return copied;
}

void ResetSequences(soci::session& s) {
    for (const TableSpec& t : kTables) {
        if (std::string(t.key) != "id") continue;
        sql::Exec(s, std::string("SELECT setval(pg_get_serial_sequence('") + t.name +
                         "', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM " + t.name + "), false)");
    }
}

std::string ManifestPath(const std::string& file) {
    return file + ".manifest";
}

void WriteManifest(const std::string& file, const std::vector<TableSummary>& tables) {
    std::ofstream out(ManifestPath(file));
    out << "# chibo backup manifest: table rows checksum\n";
    for (const auto& t : tables) out << t.table << ' ' << t.rows << ' ' << t.checksum << '\n';
    if (!out) throw std::runtime_error("cannot write " + ManifestPath(file));
}

std::vector<TableSummary> ReadManifest(const std::string& file) {
    std::ifstream in(ManifestPath(file));
    if (!in) throw std::runtime_error("missing " + ManifestPath(file));
    std::vector<TableSummary> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        TableSummary t;
        fields >> t.table >> t.rows >> t.checksum;
        out.push_back(t);
    }
    return out;
}

// Runs a program with arguments (no shell), returning its exit status.
int RunProgram(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool Same(const std::vector<TableSummary>& a, const std::vector<TableSummary>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].table != b[i].table || a[i].rows != b[i].rows || a[i].checksum != b[i].checksum) return false;
    return true;
}

template <typename F>
auto Guard(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const std::exception& e) {
        return MakeError(ErrorCode::kUnavailable, e.what());
    }
}

}  // namespace

bool CopyResult::verified() const {
    for (const auto& t : tables)
        if (!t.matches()) return false;
    return complete && !tables.empty();
}

base::Result<CopyResult> Copy(const std::string& from, const std::string& to, const CopyOptions& options,
                              const Progress& progress) {
    return Guard([&]() -> base::Result<CopyResult> {
        auto source = Open(from);
        auto target = Open(to);
        const auto version = [](soci::session& s) {
            return sql::QueryOne(s, "SELECT MAX(version) FROM schema_migrations")->Int(0);
        };
        if (version(*source) != version(*target))
            return MakeError(ErrorCode::kConflict, "Hai cơ sở dữ liệu khác phiên bản lược đồ.");
        for (const TableSpec& t : kTables) {
            if (std::string(t.key) != "id") continue;
            const auto max = [&](soci::session& s) {
                return sql::QueryOne(s, std::string("SELECT COALESCE(MAX(id), 0) FROM ") + t.name)->Int(0);
            };
            if (max(*target) > max(*source))
                return MakeError(ErrorCode::kConflict,
                                 std::string("Cơ sở dữ liệu đích đã có dữ liệu khác (bảng ") + t.name +
                                     "); chỉ chép vào cơ sở dữ liệu trống hoặc tiếp tục một lần chép dở.");
        }
        CopyResult result;
        int budget = options.max_batches;
        for (const TableSpec& t : kTables) {
            TableReport report;
            report.table = t.name;
            report.copied = CopyTable(*source, *target, t, options, budget, result.complete, progress);
            result.tables.push_back(report);
            if (!result.complete) break;
        }
        if (postgres::IsPostgresUrl(to)) ResetSequences(*target);
        if (result.complete) {
            for (TableReport& r : result.tables) {
                for (const TableSpec& t : kTables) {
                    if (r.table != t.name) continue;
                    r.source = SummarizeTable(*source, t);
                    r.target = SummarizeTable(*target, t);
                }
            }
        }
        return result;
    });
}

base::Result<std::vector<TableSummary>> Summarize(const std::string& db) {
    return Guard([&]() -> base::Result<std::vector<TableSummary>> {
        auto s = Open(db);
        return SummarizeAll(*s);
    });
}

base::Result<std::vector<TableSummary>> Backup(const std::string& db, const std::string& file) {
    return Guard([&]() -> base::Result<std::vector<TableSummary>> {
        if (!postgres::IsPostgresUrl(db)) {
            Open(db);  // Migrates, so the backup is of the current schema.
            std::filesystem::remove(file);
            sqlite::OnlineBackup(SqlitePath(db), file);
            auto copy = sqlite::OpenSession(file);
            const auto tables = SummarizeAll(*copy);
            WriteManifest(file, tables);
            return tables;
        }
        // The manifest and pg_dump read the same snapshot, exported by this open transaction.
        auto s = Open(db);
        sql::Exec(*s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
        const std::string snapshot = sql::QueryOne(*s, "SELECT pg_export_snapshot()")->Text(0);
        const auto tables = SummarizeAll(*s);
        const int rc = RunProgram(
            {"pg_dump", "--format=custom", "--no-owner", "--snapshot=" + snapshot, "--file=" + file, "--dbname=" + db});
        sql::Exec(*s, "COMMIT");
        if (rc == 127) return MakeError(ErrorCode::kUnavailable, "Không tìm thấy pg_dump (gói postgresql-client).");
        if (rc != 0) return MakeError(ErrorCode::kUnavailable, "pg_dump thất bại (mã " + std::to_string(rc) + ").");
        WriteManifest(file, tables);
        return tables;
    });
}

base::Result<std::vector<TableSummary>> Restore(const std::string& file, const std::string& db) {
    return Guard([&]() -> base::Result<std::vector<TableSummary>> {
        const auto expected = ReadManifest(file);
        if (!std::filesystem::exists(file))
            return MakeError(ErrorCode::kNotFound, "Không tìm thấy tệp sao lưu " + file);
        if (!postgres::IsPostgresUrl(db)) {
            sqlite::OnlineBackup(file, SqlitePath(db));
        } else {
            const int rc = RunProgram(
                {"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname=" + db, file});
            if (rc == 127)
                return MakeError(ErrorCode::kUnavailable, "Không tìm thấy pg_restore (gói postgresql-client).");
            if (rc != 0)
                return MakeError(ErrorCode::kUnavailable, "pg_restore thất bại (mã " + std::to_string(rc) + ").");
        }
        auto s = Open(db);
        auto restored = SummarizeAll(*s);
        if (!Same(restored, expected))
            return MakeError(ErrorCode::kConflict, "Dữ liệu khôi phục không khớp với bản kê của bản sao lưu.");
        return restored;
    });
}

}  // namespace chibo::storage::tools
