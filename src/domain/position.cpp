#include "domain/position.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace chibo::domain {
namespace {

using base::ErrorCode;
using base::MakeError;

constexpr std::array<std::pair<PositionKind, std::string_view>, 4> kPositionCodes{{
    {PositionKind::kSecretary, "secretary"},
    {PositionKind::kDeputySecretary, "deputy_secretary"},
    {PositionKind::kCommitteeMember, "committee_member"},
    {PositionKind::kGroupLeader, "group_leader"},
}};

long CountKind(std::span<const Position> positions, PositionKind kind) {
    return std::count_if(positions.begin(), positions.end(), [&](const Position& p) { return p.kind == kind; });
}

}  // namespace

std::vector<RuleWarning> CheckCellComposition(const MemberCounts& counts, std::span<const Position> active) {
    std::vector<RuleWarning> warnings;
    if (counts.official < kMinOfficialPerCell) {
        warnings.push_back(
            {"too_few_official_members", "Chi bộ có " + std::to_string(counts.official) +
                                             " đảng viên chính thức, chưa đủ tối thiểu 3 đảng viên chính thức."});
    }
    const long committee = CountKind(active, PositionKind::kCommitteeMember);
    if (counts.official >= kMinOfficialForCommittee && committee == 0) {
        warnings.push_back({"committee_required", "Chi bộ có từ 9 đảng viên chính thức trở lên nhưng chưa có chi ủy."});
    }
    if (counts.official < kMinOfficialForCommittee && committee > 0) {
        warnings.push_back({"committee_not_allowed",
                            "Chi bộ dưới 9 đảng viên chính thức không bầu chi ủy, chỉ bầu bí thư và phó bí thư."});
    }
    if (CountKind(active, PositionKind::kSecretary) == 0) {
        warnings.push_back({"no_secretary", "Chi bộ chưa có bí thư."});
    }
    return warnings;
}

base::Result<void> ValidateNewPosition(const Position& position, OrganizationKind kind, const MemberCounts& counts,
                                       std::span<const Position> active) {
    if (position.term_end && *position.term_end < position.term_start)
        return MakeError(ErrorCode::kInvalidArgument, "Ngày hết nhiệm kỳ phải sau ngày bắt đầu.", "term_end");
    if (position.kind == PositionKind::kGroupLeader) {
        if (kind != OrganizationKind::kPartyGroup)
            return MakeError(ErrorCode::kInvalidArgument, "Chức vụ tổ trưởng chỉ có ở tổ đảng.", "position");
    } else if (kind == OrganizationKind::kPartyGroup) {
        return MakeError(ErrorCode::kInvalidArgument, "Tổ đảng chỉ có tổ trưởng.", "position");
    }
    const bool single = position.kind == PositionKind::kSecretary || position.kind == PositionKind::kGroupLeader;
    if (single && CountKind(active, position.kind) > 0)
        return MakeError(ErrorCode::kConflict, "Chức vụ này đang có người giữ; hãy kết thúc nhiệm kỳ trước.",
                         "position");
    for (const Position& p : active) {
        if (p.member == position.member && p.kind == position.kind)
            return MakeError(ErrorCode::kConflict, "Đảng viên này đang giữ chức vụ đó.", "member_id");
    }
    if (IsCell(kind) && position.kind == PositionKind::kCommitteeMember) {
        if (counts.official < kMinOfficialForCommittee)
            return MakeError(ErrorCode::kInvalidArgument, "Chi bộ dưới 9 đảng viên chính thức không bầu chi ủy.",
                             "position");
        const long seats = CountKind(active, PositionKind::kCommitteeMember) +
                           CountKind(active, PositionKind::kSecretary) +
                           CountKind(active, PositionKind::kDeputySecretary);
        if (seats >= kMaxCommitteeSeats)
            return MakeError(ErrorCode::kInvalidArgument, "Chi ủy có tối đa 7 đồng chí.", "position");
    }
    return {};
}

std::string_view ToCode(PositionKind kind) {
    for (const auto& [k, code] : kPositionCodes)
        if (k == kind) return code;
    return "";
}

std::optional<PositionKind> PositionKindFromCode(std::string_view code) {
    for (const auto& [k, c] : kPositionCodes)
        if (c == code) return k;
    return std::nullopt;
}

std::string_view Label(PositionKind kind) {
    switch (kind) {
        case PositionKind::kSecretary:
            return "Bí thư";
        case PositionKind::kDeputySecretary:
            return "Phó Bí thư";
        case PositionKind::kCommitteeMember:
            return "Chi ủy viên";
        case PositionKind::kGroupLeader:
            return "Tổ trưởng";
    }
    return "";
}

}  // namespace chibo::domain
