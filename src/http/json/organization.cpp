#include "http/json/organization.hpp"

#include "http/json/body.hpp"
#include "http/json/common.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

json::object ToJson(const Position& p) {
    return {{"id", p.id.value},
            {"organization_id", p.organization.value},
            {"member_id", p.member.value},
            {"member_name", p.member_name},
            {"position", ToCode(p.kind)},
            {"term_start", p.term_start.ToIso()},
            {"term_end", DateOrNull(p.term_end)}};
}

json::object ToJson(const app::TreeNode& node) {
    json::array children;
    for (const auto& c : node.children) children.push_back(ToJson(c));
    const Organization& o = node.organization;
    return {{"id", o.id.value},
            {"name", o.name},
            {"kind", ToCode(o.kind)},
            {"category", ToCode(o.category)},
            {"parent_id", IdOrNull(o.parent)},
            {"member_count", node.member_count},
            {"has_children", node.has_children},
            {"dissolved", o.dissolved()},
            {"children", std::move(children)}};
}

json::object ToJson(const app::OrganizationDetail& d) {
    const Organization& o = d.organization;
    json::array path;
    for (const Organization& p : d.path) path.push_back(json::object{{"id", p.id.value}, {"name", p.name}});
    json::array groups;
    for (const auto& g : d.party_groups) {
        groups.push_back(json::object{{"id", g.group.id.value},
                                      {"name", g.group.name},
                                      {"member_count", g.member_count},
                                      {"leader", g.leader ? json::value(ToJson(*g.leader)) : json::value(nullptr)}});
    }
    return {{"id", o.id.value},
            {"parent_id", IdOrNull(o.parent)},
            {"name", o.name},
            {"kind", ToCode(o.kind)},
            {"category", ToCode(o.category)},
            {"address", o.address},
            {"valid_from", o.valid_from.ToIso()},
            {"valid_to", DateOrNull(o.valid_to)},
            {"merged_into_id", IdOrNull(o.merged_into)},
            {"path", std::move(path)},
            {"counts", json::object{{"official", d.counts.official},
                                    {"probationary", d.counts.probationary},
                                    {"exempt", d.counts.exempt},
                                    {"temporary", d.counts.temporary},
                                    {"working_away", d.counts.working_away},
                                    {"away", d.away.total()},
                                    {"away_without_letter", d.away.without_letter},
                                    {"on_roll", d.counts.on_roll()}}},
            {"leaders", Array(d.leaders, [](const Position& p) { return ToJson(p); })},
            {"party_groups", std::move(groups)},
            {"children_count", d.children_count},
            {"warnings", Array(d.warnings, WarningToJson<RuleWarning>)},
            {"can_write", d.can_write}};
}

Result<app::OrganizationInput> ParseOrganization(const std::string& text, OrganizationBody kind) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::OrganizationInput in;
    if (kind == OrganizationBody::kCreate) {
        CHIBO_TRY_ASSIGN(in.parent, body.TypedId<OrganizationId>("parent_id"));
    }
    CHIBO_TRY_ASSIGN(in.name, body.String("name", Need::kRequired, 200));
    CHIBO_TRY_ASSIGN(in.kind, body.Code("kind", OrganizationKindFromCode, "Loại tổ chức không hợp lệ."));
    // An absent category is as wrong as an unknown one: every kind has one ("none" for committees).
    CHIBO_TRY_ASSIGN(const std::string category, body.String("category", Need::kOptional, kMaxCodeChars));
    const auto parsed = CellCategoryFromCode(category);
    if (!parsed) return FieldError("category", "Loại hình chi bộ không hợp lệ.");
    in.category = *parsed;
    CHIBO_TRY_ASSIGN(in.address, body.String("address", Need::kOptional, 300));
    CHIBO_TRY_ASSIGN(in.valid_from, body.OptionalDate("valid_from"));
    if (kind == OrganizationBody::kUpdate) {
        CHIBO_TRY_ASSIGN(in.valid_to, body.OptionalDate("valid_to"));
    }
    return in;
}

Result<app::PositionInput> ParsePosition(const std::string& text, base::Date today) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::PositionInput in;
    CHIBO_TRY_ASSIGN(in.member, body.TypedId<MemberId>("member_id"));
    CHIBO_TRY_ASSIGN(in.kind, body.Code("position", PositionKindFromCode, "Chức vụ không hợp lệ."));
    CHIBO_TRY_ASSIGN(const auto start, body.OptionalDate("term_start"));
    in.term_start = start.value_or(today);
    CHIBO_TRY_ASSIGN(in.term_end, body.OptionalDate("term_end"));
    return in;
}

Result<MergeInput> ParseMerge(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    CHIBO_TRY_ASSIGN(const auto into, body.TypedId<OrganizationId>("into_id"));
    CHIBO_TRY_ASSIGN(const auto date, body.Date("date"));
    return MergeInput{into, date};
}

}  // namespace chibo::http
