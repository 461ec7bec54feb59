#include "domain/organization.hpp"

#include <array>
#include <charconv>
#include <utility>

#include "base/text.hpp"

namespace chibo::domain {
namespace {

using base::ErrorCode;
using base::MakeError;

constexpr std::array<std::pair<OrganizationKind, std::string_view>, 7> kKindCodes{{
    {OrganizationKind::kCentral, "central"},
    {OrganizationKind::kProvince, "province"},
    {OrganizationKind::kCommuneCommittee, "commune_committee"},
    {OrganizationKind::kGrassrootsCommittee, "grassroots_committee"},
    {OrganizationKind::kGrassrootsCell, "grassroots_cell"},
    {OrganizationKind::kSubordinateCell, "subordinate_cell"},
    {OrganizationKind::kPartyGroup, "party_group"},
}};

constexpr std::array<std::pair<CellCategory, std::string_view>, 8> kCategoryCodes{{
    {CellCategory::kNone, ""},
    {CellCategory::kVillage, "village"},
    {CellCategory::kResidentialGroup, "residential_group"},
    {CellCategory::kAgency, "agency"},
    {CellCategory::kEnterprise, "enterprise"},
    {CellCategory::kSchool, "school"},
    {CellCategory::kArmedForces, "armed_forces"},
    {CellCategory::kOther, "other"},
}};

}  // namespace

bool IsCell(OrganizationKind kind) {
    return kind == OrganizationKind::kGrassrootsCell || kind == OrganizationKind::kSubordinateCell;
}

bool AllowedUnder(OrganizationKind child, std::optional<OrganizationKind> parent) {
    using K = OrganizationKind;
    if (!parent) return child == K::kCentral || child == K::kProvince;
    switch (child) {
        case K::kCentral:
            return false;
        case K::kProvince:
            return *parent == K::kCentral;
        case K::kCommuneCommittee:
            return *parent == K::kProvince || *parent == K::kCentral;
        case K::kGrassrootsCommittee:
            return *parent == K::kProvince || *parent == K::kCommuneCommittee || *parent == K::kCentral;
        case K::kGrassrootsCell:
            return *parent == K::kProvince || *parent == K::kCommuneCommittee;
        case K::kSubordinateCell:
            return *parent == K::kCommuneCommittee || *parent == K::kGrassrootsCommittee;
        case K::kPartyGroup:
            return IsCell(*parent);
    }
    return false;
}

base::Result<void> ValidateOrganization(const Organization& organization, const Organization* parent,
                                        base::Date today) {
    if (organization.name.empty()) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng nhập tên tổ chức.", "name");
    if (base::Utf8Length(organization.name) > 200)
        return MakeError(ErrorCode::kInvalidArgument, "Tên tổ chức dài quá 200 ký tự.", "name");
    if (base::Utf8Length(organization.address) > 300)
        return MakeError(ErrorCode::kInvalidArgument, "Địa chỉ dài quá 300 ký tự.", "address");
    const std::optional<OrganizationKind> parent_kind =
        parent ? std::optional<OrganizationKind>(parent->kind) : std::nullopt;
    if (!AllowedUnder(organization.kind, parent_kind)) {
        return MakeError(ErrorCode::kInvalidArgument,
                         parent ? "Loại tổ chức này không thể trực thuộc " + parent->name + "."
                                : "Tổ chức cấp cao nhất phải là Trung ương hoặc Đảng bộ tỉnh.",
                         "kind");
    }
    if (organization.category != CellCategory::kNone && !IsCell(organization.kind))
        return MakeError(ErrorCode::kInvalidArgument, "Chỉ chi bộ mới có loại hình (thôn, tổ dân phố, cơ quan…).",
                         "category");
    if (organization.valid_to && *organization.valid_to < organization.valid_from)
        return MakeError(ErrorCode::kInvalidArgument, "Ngày kết thúc phải sau ngày thành lập.", "valid_to");
    if (organization.valid_from > today)
        return MakeError(ErrorCode::kInvalidArgument, "Ngày thành lập không được ở tương lai.", "valid_from");
    return {};
}

bool DueMonths::Owes(int year, int month) const {
    const base::Date day = *base::Date::FromYmd(year, month, 1);
    return first <= day && (!last || day <= *last);
}

DueMonths DueMonthsOf(base::Date valid_from, std::optional<base::Date> valid_to) {
    const base::Date next_month =
        *base::Date::FromYmd(valid_from.year() + (valid_from.month() == 12 ? 1 : 0), valid_from.month() % 12 + 1, 1);
    DueMonths due{valid_from.day() == 1 ? valid_from : next_month, std::nullopt};
    if (valid_to) {
        const base::Date last_day = valid_to->AddDays(-1);
        due.last = *base::Date::FromYmd(last_day.year(), last_day.month(), 1);
    }
    return due;
}

bool SameName(std::string_view a, std::string_view b) {
    return base::UpperCase(base::NormalizeSpaces(a)) == base::UpperCase(base::NormalizeSpaces(b));
}

std::string SubtreeEnd(std::string_view path_prefix) {
    // Paths end with '/', and '0' is the character right after '/', so the range [p, p with its last
    // '/' replaced by '0') holds exactly the paths that start with p.
    std::string end(path_prefix);
    if (!end.empty()) end.back() = '0';
    return end;
}

bool InSubtree(std::string_view path, std::string_view root_path) {
    return !root_path.empty() && path.substr(0, root_path.size()) == root_path;
}

std::vector<OrganizationId> PathIds(std::string_view path) {
    std::vector<OrganizationId> ids;
    std::size_t i = 0;
    while (i < path.size()) {
        const std::size_t slash = path.find('/', i);
        const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
        if (end > i) {
            std::int64_t v = 0;
            std::from_chars(path.data() + i, path.data() + end, v);
            ids.emplace_back(v);
        }
        i = end + 1;
    }
    return ids;
}

std::string_view ToCode(OrganizationKind kind) {
    for (const auto& [k, code] : kKindCodes)
        if (k == kind) return code;
    return "";
}

std::optional<OrganizationKind> OrganizationKindFromCode(std::string_view code) {
    for (const auto& [k, c] : kKindCodes)
        if (c == code) return k;
    return std::nullopt;
}

std::string_view Label(OrganizationKind kind) {
    switch (kind) {
        case OrganizationKind::kCentral:
            return "Trung ương";
        case OrganizationKind::kProvince:
            return "Đảng bộ tỉnh";
        case OrganizationKind::kCommuneCommittee:
            return "Đảng bộ xã/phường";
        case OrganizationKind::kGrassrootsCommittee:
            return "Đảng bộ cơ sở";
        case OrganizationKind::kGrassrootsCell:
            return "Chi bộ cơ sở";
        case OrganizationKind::kSubordinateCell:
            return "Chi bộ trực thuộc";
        case OrganizationKind::kPartyGroup:
            return "Tổ đảng";
    }
    return "";
}

std::string_view ToCode(CellCategory category) {
    for (const auto& [c, code] : kCategoryCodes)
        if (c == category) return code;
    return "";
}

std::optional<CellCategory> CellCategoryFromCode(std::string_view code) {
    for (const auto& [c, s] : kCategoryCodes)
        if (s == code) return c;
    return std::nullopt;
}

}  // namespace chibo::domain
