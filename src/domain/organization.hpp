#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/ids.hpp"

namespace chibo::domain {

// Whether a list of organisations includes those dissolved (merged or ended).
enum class Dissolved { kExclude, kInclude };

// The level of an organisation in the Party tree. Levels are data: the tree has arbitrary depth and
// the allowed parent of each kind is the only structural rule (AllowedUnder).
enum class OrganizationKind {
    kCentral,              // Trung ương
    kProvince,             // Đảng bộ tỉnh/thành phố
    kCommuneCommittee,     // Đảng bộ xã/phường, đảng bộ cơ quan (direct superior of cells)
    kGrassrootsCommittee,  // Đảng bộ cơ sở
    kGrassrootsCell,       // Chi bộ cơ sở
    kSubordinateCell,      // Chi bộ trực thuộc
    kPartyGroup,           // Tổ đảng, a group inside a cell
};

// What kind of community a cell serves; empty for non-cells.
enum class CellCategory { kNone, kVillage, kResidentialGroup, kAgency, kEnterprise, kSchool, kArmedForces, kOther };

// A node of the organisation tree. `path` is the materialized path of ids from the root, "/1/5/23/",
// maintained by the repository; a subtree is every organisation whose path starts with its root's path.
struct Organization {
    OrganizationId id;
    std::optional<OrganizationId> parent;
    std::string name;
    OrganizationKind kind = OrganizationKind::kSubordinateCell;
    CellCategory category = CellCategory::kNone;
    std::string address;
    base::Date valid_from;
    std::optional<base::Date> valid_to;  // Set when dissolved or merged.
    std::optional<OrganizationId> merged_into;
    std::string path;

    bool dissolved() const { return valid_to.has_value(); }
};

// Where an organisation was before a move: under `parent` at `path`, from `since` (nullopt: from the
// start) until the day before `until`, the day it (or an ancestor) moved.
struct OrganizationPlacement {
    OrganizationId organization;
    std::optional<OrganizationId> parent;
    std::string path;
    std::optional<base::Date> since;
    base::Date until;
};

// Cells (chi bộ) hold members and meetings.
bool IsCell(OrganizationKind kind);

// The months a cell owes meetings for: those it exists on the first day of. One founded on the 15th owes
// them from the next month; one merged or dissolved on the 15th (valid_to, the first day it no longer
// exists) through that month, so that the cell it merged into starts where it stops. Both are first days
// of months; `last` is unset while the cell lives on, and before `first` when it owes none.
struct DueMonths {
    base::Date first;
    std::optional<base::Date> last;

    bool Owes(int year, int month) const;
};
DueMonths DueMonthsOf(base::Date valid_from, std::optional<base::Date> valid_to);

// Whether an organisation of kind `child` may sit under one of kind `parent` (nullopt: a root).
bool AllowedUnder(OrganizationKind child, std::optional<OrganizationKind> parent);

// Checks the fields a user enters on `today`; `parent` is the organisation it sits (or will sit) under.
// Errors name the field at fault, with a Vietnamese message.
base::Result<void> ValidateOrganization(const Organization& organization, const Organization* parent, base::Date today);

// Whether two organisation names are the same name, so that two current siblings may not bear them: equal
// once runs of spaces are collapsed and letter case is ignored. Diacritics count: "Chi bộ Đông" and
// "Chi bộ Dong" are different names.
bool SameName(std::string_view a, std::string_view b);

// The path prefix of the subtree rooted at `organization`, and the exclusive upper bound of a range
// scan over paths: every path p in the subtree satisfies prefix <= p < SubtreeEnd(prefix).
std::string SubtreeEnd(std::string_view path_prefix);
bool InSubtree(std::string_view path, std::string_view root_path);

// The ids along a path, root first: "/1/5/23/" -> {1, 5, 23}.
std::vector<OrganizationId> PathIds(std::string_view path);

// Stable codes used by the API and storage, and Vietnamese labels for the UI and documents.
std::string_view ToCode(OrganizationKind kind);
std::optional<OrganizationKind> OrganizationKindFromCode(std::string_view code);
std::string_view Label(OrganizationKind kind);
std::string_view ToCode(CellCategory category);
std::optional<CellCategory> CellCategoryFromCode(std::string_view code);

}  // namespace chibo::domain
