#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/result.hpp"

// Whole-database tools that know both engines: copy between them, back up, restore, verify. A
// database is named as on the command line: a SQLite path ("sqlite:PATH" also works) or a
// postgresql:// URL.
namespace chibo::storage::tools {

struct TableSummary {
    std::string table;
    std::int64_t rows = 0;
    std::string checksum;  // FNV-1a 64 over every row in key order, values normalized across engines.
};

struct TableReport {
    std::string table;
    std::int64_t copied = 0;  // Rows written by this run (a resumed run copies only what is missing).
    TableSummary source;
    TableSummary target;
    bool matches() const { return source.rows == target.rows && source.checksum == target.checksum; }
};

// Called while copying: table, rows of that table done so far, rows in total.
using Progress = std::function<void(const std::string& table, std::int64_t done, std::int64_t total)>;

struct CopyOptions {
    int batch_rows = 500;
    // Stop after this many batches (0: no limit); running the copy again continues where it stopped.
    int max_batches = 0;
};

// Copies every table from `from` to `to` (both migrated to the same schema first), in batches of one
// transaction each, resuming after rows already present; then verifies counts and checksums of every
// table. Returns the per-table report; `complete` is false when max_batches stopped it early.
struct CopyResult {
    std::vector<TableReport> tables;
    bool complete = true;
    bool verified() const;
};
base::Result<CopyResult> Copy(const std::string& from, const std::string& to, const CopyOptions& options,
                              const Progress& progress);

// Counts and checksums of every table.
base::Result<std::vector<TableSummary>> Summarize(const std::string& db);

// Writes a consistent backup of `db` to `file` (SQLite: the online backup API; PostgreSQL: pg_dump in
// custom format, from the same snapshot as the manifest) and `file`.manifest with the table summaries.
base::Result<std::vector<TableSummary>> Backup(const std::string& db, const std::string& file);

// Restores `file` into `db` (SQLite: replaces the file's content; PostgreSQL: pg_restore --clean) and
// checks the result against `file`.manifest. kConflict when the restored data differs.
base::Result<std::vector<TableSummary>> Restore(const std::string& file, const std::string& db);

}  // namespace chibo::storage::tools
