#include "http/json/topic.hpp"

#include <limits>

#include "http/json/body.hpp"
#include "http/json/common.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

json::value PreparerJson(const std::optional<TopicPreparer>& preparer) {
    if (!preparer) return nullptr;
    return json::object{{"kind", ToCode(preparer->kind)},
                        {"member_id", IdOrNull(preparer->member)},
                        {"party_group_id", IdOrNull(preparer->party_group)},
                        {"name", preparer->name}};
}

json::value VersionOrNull(const std::optional<int>& version) {
    return IntOrNull(version);
}

// An error of a nested object named as its place in the body ("preparer.member_id").
base::Error Nested(const char* prefix, base::Error error) {
    if (!error.field.empty()) error.field = std::string(prefix) + "." + error.field;
    return error;
}

json::object FileJson(const TopicFile& f) {
    return {{"id", f.id.value},
            {"version", f.version},
            {"file_name", f.file_name},
            {"content_type", f.content_type},
            {"size", f.size},
            {"sha256", f.sha256},
            {"uploaded_by", f.uploaded_by},
            {"uploaded_at", base::IsoTimestamp(f.uploaded_at)}};
}

}  // namespace

json::object ToJson(const TopicFile& file) {
    return FileJson(file);
}

json::object ToJson(const app::OrientationView& v) {
    const TopicOrientation& o = v.orientation;
    return {{"id", o.id.value},
            {"organization_id", o.organization.value},
            {"organization_name", v.organization_name},
            {"year", o.year},
            {"quarter", IntOrNull(o.quarter)},
            {"title", o.title},
            {"purpose", o.purpose},
            {"directive", o.directive},
            {"all_cells", o.cells.empty()},
            {"cells", Array(v.cells,
                            [](const app::NamedOrganization& c) {
                                return json::object{{"id", c.id.value}, {"name", c.name}};
                            })},
            {"topic_id", IdOrNull(v.topic)},
            {"picked", v.picked},
            {"files", Array(v.files, [](const TopicFile& f) { return FileJson(f); })},
            {"can_attach", v.can_attach},
            {"created_by", o.created_by},
            {"created_at", base::IsoTimestamp(o.created_at)}};
}

json::object ToJson(const app::OrientationList& list) {
    return {{"items", Array(list.items, [](const app::OrientationView& v) { return ToJson(v); })},
            {"can_publish", list.can_publish}};
}

json::object ToJson(const app::TopicView& v) {
    const Topic& t = v.topic;
    return {{"id", t.id.value},
            {"organization_id", t.organization.value},
            {"organization_name", v.organization_name},
            {"orientation_id", IdOrNull(t.orientation)},
            {"orientation_title", v.orientation_title},
            {"year", t.year},
            {"quarter", t.quarter},
            {"title", t.title},
            {"purpose", t.purpose},
            {"directive", t.directive},
            {"preparer", PreparerJson(t.preparer)},
            {"meeting_id", IdOrNull(t.meeting)},
            {"meeting_date", DateOrNull(v.meeting_date)},
            {"meeting_state", v.meeting_state ? json::value(ToCode(*v.meeting_state)) : json::value(nullptr)},
            {"resolution_number", v.resolution_number},
            {"state", ToCode(t.state)},
            {"state_label", Label(t.state)},
            {"decline_reason", t.decline_reason},
            {"created_by", t.created_by},
            {"created_at", base::IsoTimestamp(t.created_at)},
            {"decided_by", t.decided_by},
            {"decided_at", TimestampOrNull(t.decided_at)},
            {"latest_version", t.draft_count},
            {"submitted_at", TimestampOrNull(t.submitted_at)},
            {"approved_version", VersionOrNull(t.approved_version)},
            {"approved_by", t.approved_by},
            {"approved_at", TimestampOrNull(t.approved_at)},
            {"sent_version", VersionOrNull(t.sent_version)},
            {"sent_by", t.sent_by},
            {"sent_at", TimestampOrNull(t.sent_at)},
            {"late", v.late},
            {"assessment", t.assessment ? json::value(ToCode(*t.assessment)) : json::value(nullptr)},
            {"assessment_label", t.assessment ? Label(*t.assessment) : ""},
            {"assessment_note", t.assessment_note},
            {"assessed_by", t.assessed_by},
            {"assessed_at", TimestampOrNull(t.assessed_at)}};
}

json::object ToJson(const TopicDraft& d) {
    return {{"number", d.number},
            {"text", d.text},
            {"created_by", d.created_by},
            {"author_name", d.author_name},
            {"created_at", base::IsoTimestamp(d.created_at)}};
}

json::object ToJson(const TopicComment& c) {
    return {{"id", c.id.value},     {"kind", ToCode(c.kind)},
            {"version", c.version}, {"member_id", IdOrNull(c.member)},
            {"author", c.author},   {"author_name", c.author_name},
            {"text", c.text},       {"created_at", base::IsoTimestamp(c.created_at)}};
}

json::object ToJson(const app::TopicDetail& d) {
    json::object o = ToJson(d.view);
    o["versions"] = Array(d.versions, [](const TopicDraft& v) {
        json::object version = ToJson(v);
        version.erase("text");
        return version;
    });
    o["draft"] = d.draft ? json::value(ToJson(*d.draft)) : json::value(nullptr);
    o["comments"] = Array(d.comments, [](const TopicComment& c) { return ToJson(c); });
    o["files"] = Array(d.files, [](const TopicFile& f) { return FileJson(f); });
    o["can_edit"] = d.can_edit;
    o["can_draft"] = d.can_draft;
    o["can_submit"] = d.can_submit;
    o["can_approve"] = d.can_approve;
    o["can_send"] = d.can_send;
    o["can_comment"] = d.can_comment;
    o["can_decide"] = d.can_decide;
    o["can_assess"] = d.can_assess;
    return o;
}

json::object ToJson(const app::TopicReview& r) {
    const auto name = [&r](OrganizationId id) {
        const auto it = r.cell_names.find(id.value);
        return it == r.cell_names.end() ? std::string() : it->second;
    };
    json::array items;
    for (const TopicOutcome& o : r.items) {
        const Topic& t = o.topic;
        items.push_back(
            json::object{{"topic_id", t.id.value},
                         {"organization_id", t.organization.value},
                         {"organization_name", name(t.organization)},
                         {"quarter", t.quarter},
                         {"title", t.title},
                         {"preparer", PreparerJson(t.preparer)},
                         {"state", ToCode(t.state)},
                         {"state_label", Label(t.state)},
                         {"meeting_id", IdOrNull(t.meeting)},
                         {"meeting_date", DateOrNull(o.meeting_date)},
                         {"held", o.held},
                         {"held_late", o.held_late},
                         {"draft_late", o.draft_late},
                         {"present", o.present},
                         {"speakers", o.speakers},
                         {"measures", o.measures},
                         {"measures_done", o.measures_done},
                         {"assessment", t.assessment ? json::value(ToCode(*t.assessment)) : json::value(nullptr)},
                         {"assessment_label", t.assessment ? Label(*t.assessment) : ""},
                         {"assessment_note", t.assessment_note}});
    }
    json::array preparers;
    for (const PreparerYear& p : r.preparers)
        preparers.push_back(json::object{{"organization_id", p.cell.value},
                                         {"organization_name", name(p.cell)},
                                         {"preparer", PreparerJson(p.preparer)},
                                         {"topics", p.topics},
                                         {"held", p.held},
                                         {"on_time", p.on_time},
                                         {"speakers", p.speakers},
                                         {"measures", p.measures},
                                         {"measures_done", p.measures_done},
                                         {"commendations", p.commendations},
                                         {"lessons", p.lessons}});
    return {{"year", r.year},
            {"items", std::move(items)},
            {"preparers", std::move(preparers)},
            {"can_assess", r.can_assess}};
}

Result<std::pair<TopicAssessment, std::string>> ParseAssessment(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    CHIBO_TRY_ASSIGN(const TopicAssessment assessment,
                     body.Code("assessment", TopicAssessmentFromCode,
                               "Đánh giá phải là commendation (biểu dương) hoặc lesson (rút kinh nghiệm)."));
    CHIBO_TRY_ASSIGN(std::string note, body.String("note", Need::kRequired, 8000));
    return std::pair{assessment, std::move(note)};
}

json::object ToJson(const app::TopicPlan& p) {
    json::array months;
    for (int m : p.thematic_months) months.push_back(m);
    json::array quarters;
    for (int q : p.quarters_without_topic) quarters.push_back(q);
    return {{"year", p.year},
            {"items", Array(p.items, [](const app::TopicView& v) { return ToJson(v); })},
            {"thematic_months", std::move(months)},
            {"quarters_without_topic", std::move(quarters)},
            {"can_write", p.can_write}};
}

json::object ToJson(const app::CoverageView& view) {
    const QuarterCoverage& q = view.coverage;
    json::array chosen;
    for (std::size_t i = 0; i < q.orientations_chosen.size(); ++i)
        chosen.push_back(json::object{{"orientation_id", q.orientations_chosen[i].first.value},
                                      {"title", view.orientation_titles.at(i)},
                                      {"cells", q.orientations_chosen[i].second}});
    return {{"year", q.year},
            {"quarter", q.quarter},
            {"cells_due", static_cast<std::int64_t>(q.cells.size())},
            {"with_topic", q.with_topic},
            {"held", q.held},
            {"resolved", q.resolved},
            {"reported", q.reported},
            {"reported_late", q.reported_late},
            {"items", Array(q.cells,
                            [](const CellCoverage& c) {
                                return json::object{
                                    {"organization_id", c.cell.value},
                                    {"organization_name", c.cell_name},
                                    {"topic_id", IdOrNull(c.topic)},
                                    {"topic_title", c.topic_title},
                                    {"topic_state", c.topic_state ? json::value(ToCode(*c.topic_state)) : nullptr},
                                    {"meeting_id", IdOrNull(c.meeting)},
                                    {"meeting_date", DateOrNull(c.meeting_date)},
                                    {"held", c.held},
                                    {"resolution_number", c.resolution_number},
                                    {"reported", c.reported},
                                    {"report_late", c.report_late}};
                            })},
            {"orientations_chosen", std::move(chosen)}};
}

json::object ToJson(const app::DraftDiff& d) {
    return {{"from", d.from}, {"to", d.to}, {"lines", Array(d.lines, [](const DiffLine& l) {
                                                 return json::object{{"op", ToCode(l.op)},
                                                                     {"text", l.text},
                                                                     {"old_line", IntOrNull(l.old_line)},
                                                                     {"new_line", IntOrNull(l.new_line)}};
                                             })}};
}

Result<app::OrientationInput> ParseOrientation(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::OrientationInput in;
    CHIBO_TRY_ASSIGN(const auto year, body.OptionalInt("year", 2000, 2100));
    if (!year) return FieldError("year", "Vui lòng nhập năm (2000–2100).");
    in.year = *year;
    CHIBO_TRY_ASSIGN(in.quarter, body.OptionalInt("quarter", 1, 4));
    CHIBO_TRY_ASSIGN(in.title, body.String("title", Need::kRequired, 300));
    CHIBO_TRY_ASSIGN(in.purpose, body.String("purpose", Need::kOptional, 4000));
    CHIBO_TRY_ASSIGN(in.directive, body.String("directive", Need::kOptional, 300));
    CHIBO_TRY_ASSIGN(const auto cells, body.OptionalIntArray("cell_ids", 1, std::numeric_limits<int>::max()));
    if (cells)
        for (int c : *cells) in.cells.emplace_back(c);
    return in;
}

Result<app::TopicInput> ParseTopicInput(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::TopicInput in;
    CHIBO_TRY_ASSIGN(in.orientation, body.OptionalTypedId<TopicOrientationId>("orientation_id"));
    CHIBO_TRY_ASSIGN(in.year, body.OptionalInt("year", 2000, 2100));
    CHIBO_TRY_ASSIGN(in.quarter, body.OptionalInt("quarter", 1, 4));
    CHIBO_TRY_ASSIGN(in.title, body.String("title", Need::kOptional, 300));
    CHIBO_TRY_ASSIGN(in.purpose, body.String("purpose", Need::kOptional, 4000));
    CHIBO_TRY_ASSIGN(in.directive, body.String("directive", Need::kOptional, 300));
    CHIBO_TRY_ASSIGN(in.meeting, body.OptionalTypedId<MeetingId>("meeting_id"));
    CHIBO_TRY_ASSIGN(const auto preparer, body.Object("preparer"));
    if (preparer) {
        app::PreparerInput p;
        auto kind = preparer->Code("kind", PreparerKindFromCode,
                                   "Người chuẩn bị phải là committee_member (chi ủy viên), party_group (tổ đảng) "
                                   "hoặc superior_official (cấp ủy viên cấp trên phụ trách).");
        if (!kind) return Nested("preparer", kind.error());
        p.kind = *kind;
        auto member = preparer->OptionalTypedId<MemberId>("member_id");
        if (!member) return Nested("preparer", member.error());
        p.member = *member;
        auto group = preparer->OptionalTypedId<OrganizationId>("party_group_id");
        if (!group) return Nested("preparer", group.error());
        p.party_group = *group;
        auto name = preparer->String("name", Need::kOptional, 200);
        if (!name) return Nested("preparer", name.error());
        p.name = *name;
        in.preparer = std::move(p);
    }
    return in;
}

Result<std::string> ParseText(const std::string& text, const char* name, std::size_t max_chars) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    return body.String(name, Need::kRequired, max_chars);
}

}  // namespace chibo::http
