#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/ids.hpp"
#include "domain/organization.hpp"

namespace chibo::domain {

enum class PositionKind {
    kSecretary,        // bí thư
    kDeputySecretary,  // phó bí thư
    kCommitteeMember,  // chi ủy viên / cấp ủy viên
    kGroupLeader,      // tổ trưởng tổ đảng
};

// A member holding a position in an organisation for a term [term_start, term_end].
struct Position {
    PositionId id;
    OrganizationId organization;
    MemberId member;
    std::string member_name;  // Filled by the repository for display.
    PositionKind kind = PositionKind::kCommitteeMember;
    base::Date term_start;
    std::optional<base::Date> term_end;

    bool ActiveOn(base::Date day) const { return term_start <= day && (!term_end || day <= *term_end); }
};

// Member counts of one organisation (or subtree) by status.
struct MemberCounts {
    int official = 0;
    int probationary = 0;
    int exempt = 0;
    int temporary = 0;
    int working_away = 0;

    int on_roll() const { return official + probationary + exempt + temporary + working_away; }
};

// Members of a cell needed to elect a cell committee (chi ủy), and the most seats it may have.
inline constexpr int kMinOfficialForCommittee = 9;
inline constexpr int kMaxCommitteeSeats = 7;
inline constexpr int kMinOfficialPerCell = 3;

// A rule of the Party Charter that an organisation does not meet. Warnings inform; they never block.
struct RuleWarning {
    std::string code;
    std::string message;
};

// The composition rules of a cell: ≥ 3 official members; a chi ủy only, and always, where there are
// ≥ 9 official members; a secretary. `active` are the positions in force today.
std::vector<RuleWarning> CheckCellComposition(const MemberCounts& counts, std::span<const Position> active);

// Whether a new position may be given in an organisation of `kind` with `counts` and `active`
// positions. Errors are Vietnamese and name the field at fault.
base::Result<void> ValidateNewPosition(const Position& position, OrganizationKind kind, const MemberCounts& counts,
                                       std::span<const Position> active);

std::string_view ToCode(PositionKind kind);
std::optional<PositionKind> PositionKindFromCode(std::string_view code);
std::string_view Label(PositionKind kind);

}  // namespace chibo::domain
