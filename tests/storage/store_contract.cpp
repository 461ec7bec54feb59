#include "tests/storage/store_contract.hpp"

#include <optional>
#include <string>
#include <vector>

#include "domain/organization_repository.hpp"

namespace chibo::tests {

using namespace chibo::domain;
using base::Date;

Date D(int y, int m, int d) {
    return *Date::FromYmd(y, m, d);
}

Organization Org(std::optional<OrganizationId> parent, std::string name, OrganizationKind kind) {
    Organization o;
    o.parent = parent;
    o.name = std::move(name);
    o.kind = kind;
    o.valid_from = D(2020, 1, 1);
    return o;
}

Member Mem(OrganizationId cell, std::string name, MemberStatus status) {
    Member m;
    m.organization = cell;
    m.full_name = std::move(name);
    m.date_of_birth = D(1970, 1, 1);
    m.status = status;
    m.admission_date = D(2000, 1, 1);
    return m;
}

User Account(std::string username, std::string display_name) {
    User u;
    u.username = std::move(username);
    u.display_name = std::move(display_name);
    u.password_hash = "x";
    return u;
}

Tree MakeTree(Store& store) {
    Tree t;
    Write(store, [&](Repositories& r) {
        t.province = r.organizations().Insert(Org(std::nullopt, "Đảng bộ tỉnh Thanh Lam", OrganizationKind::kProvince));
        t.commune =
            r.organizations().Insert(Org(t.province.id, "Đảng bộ xã Hòa An", OrganizationKind::kCommuneCommittee));
        t.other_commune =
            r.organizations().Insert(Org(t.province.id, "Đảng bộ xã Tân Lập", OrganizationKind::kCommuneCommittee));
        t.cell_b = r.organizations().Insert(Org(t.commune.id, "Chi bộ Thôn Đông", OrganizationKind::kSubordinateCell));
        t.cell_a = r.organizations().Insert(Org(t.commune.id, "Chi bộ Thôn Bắc", OrganizationKind::kSubordinateCell));
    });
    return t;
}

std::vector<std::string> Names(const std::vector<Member>& members) {
    std::vector<std::string> out;
    for (const auto& m : members) out.push_back(m.full_name);
    return out;
}

}  // namespace chibo::tests
