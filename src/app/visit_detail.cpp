#include "app/visit_detail.hpp"

#include "base/result.hpp"
#include "domain/organization.hpp"
#include "domain/statistics.hpp"

namespace chibo::app::visits {

using base::ErrorCode;
using base::MakeError;
using base::Result;

Date FirstDay(int month) {
    return *Date::FromYmd(YearOfMonth(month), MonthOfYear(month), 1);
}

Date LastDay(int month) {
    return FirstDay(month + 1).AddDays(-1);
}

std::string MonthText(int year, int month) {
    return (month < 10 ? "0" : "") + std::to_string(month) + "/" + std::to_string(year);
}

// The committee a person attends for, or another organisation that is not a cell or a party group.
Result<Organization> VisibleCommittee(Repositories& repos, const Actor& actor, OrganizationId id, bool write) {
    auto org = repos.organizations().Get(id);
    if (!org || !actor.CanSeeOrganization(org->path)) return NotFound("tổ chức");
    if (write ? !actor.CanWrite(org->path) : !actor.CanReadMembers(org->path)) return Forbidden();
    if (IsCell(org->kind) || org->kind == OrganizationKind::kPartyGroup)
        return MakeError(ErrorCode::kInvalidArgument,
                         "Chỉ cấp ủy có chi bộ trực thuộc mới phân công người dự sinh hoạt chi bộ.", "id");
    return *org;
}

// The living cells of the subtree, in tree order.
std::vector<Organization> CellsOf(Repositories& repos, const Organization& root) {
    std::vector<Organization> out;
    for (Organization& o : repos.organizations().Subtree(root.path, Dissolved::kExclude))
        if (IsCell(o.kind)) out.push_back(std::move(o));
    return out;
}

AttendantView ViewOf(Names& names, const Attendant& a, Date today) {
    return {a, names.Of(a.organization), a.ActiveOn(today)};
}

}  // namespace chibo::app::visits
