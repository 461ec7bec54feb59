#include "domain/audit.hpp"

namespace chibo::domain {
namespace {

std::string DateOrEmpty(const std::optional<base::Date>& d) {
    return d ? d->ToIso() : "";
}

}  // namespace

Snapshot Describe(const Organization& o) {
    return {{"name", o.name},
            {"kind", std::string(ToCode(o.kind))},
            {"category", std::string(ToCode(o.category))},
            {"address", o.address},
            {"parent_id", o.parent ? std::to_string(o.parent->value) : ""},
            {"valid_from", o.valid_from.ToIso()},
            {"valid_to", DateOrEmpty(o.valid_to)},
            {"merged_into_id", o.merged_into ? std::to_string(o.merged_into->value) : ""}};
}

Snapshot Describe(const Member& m) {
    return {{"full_name", m.full_name},
            {"organization_id", std::to_string(m.organization.value)},
            {"party_group_id", m.party_group ? std::to_string(m.party_group->value) : ""},
            {"sex", std::string(ToCode(m.sex))},
            {"date_of_birth", m.date_of_birth.ToIso()},
            {"status", std::string(ToCode(m.status))},
            {"admission_date", DateOrEmpty(m.admission_date)},
            {"official_date", DateOrEmpty(m.official_date)},
            {"party_card_number", m.party_card_number},
            {"citizen_id", m.citizen_id},
            {"phone", m.phone},
            {"address", m.address},
            {"note", m.note}};
}

Snapshot Describe(const Position& p) {
    return {{"organization_id", std::to_string(p.organization.value)},
            {"member_id", std::to_string(p.member.value)},
            {"position", std::string(ToCode(p.kind))},
            {"term_start", p.term_start.ToIso()},
            {"term_end", DateOrEmpty(p.term_end)}};
}

Snapshot Describe(const User& u) {
    std::string roles;
    for (const RoleGrant& g : u.roles) {
        if (!roles.empty()) roles += ", ";
        roles += std::string(ToCode(g.role)) + "@" + std::to_string(g.organization.value);
    }
    return {{"username", u.username},
            {"display_name", u.display_name},
            {"member_id", u.member ? std::to_string(u.member->value) : ""},
            {"roles", roles}};
}

Snapshot Describe(const RegisteredDocument& d) {
    return {{"organization_id", std::to_string(d.organization.value)},
            {"type", std::string(ToCode(d.type))},
            {"term", d.term},
            {"number", d.number_text},
            {"issued_on", d.issued_on.ToIso()},
            {"title", d.title}};
}

}  // namespace chibo::domain
