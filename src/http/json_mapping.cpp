#include "http/json_mapping.hpp"

#include <set>

#include "base/text.hpp"

namespace chibo::http {

namespace json = boost::json;
using namespace chibo::domain;

json::value DateOrNull(const std::optional<base::Date>& date) {
    if (!date) return nullptr;
    return json::value(date->ToIso());
}

namespace {

template <typename IdT>
json::value IdOrNull(const std::optional<IdT>& id) {
    if (!id) return nullptr;
    return json::value(id->value);
}

json::object SummaryFields(const Member& m, const std::string& organization_name) {
    return {{"id", m.id.value},
            {"full_name", m.full_name},
            {"given_name", base::GivenName(m.full_name)},
            {"sex", ToCode(m.sex)},
            {"date_of_birth", m.date_of_birth.ToIso()},
            {"status", ToCode(m.status)},
            {"organization_id", m.organization.value},
            {"organization_name", organization_name},
            {"party_group_id", IdOrNull(m.party_group)},
            {"party_card_number", m.party_card_number},
            {"phone", m.phone}};
}

json::value IntOrNull(const std::optional<int>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

json::array Dates(const std::set<base::Date>& days) {
    json::array out;
    for (const base::Date& d : days) out.push_back(json::value(d.ToIso()));
    return out;
}

json::array Months(const std::set<int>& months) {
    json::array out;
    for (int m : months) out.push_back(m);
    return out;
}

json::object SnapshotToJson(const Snapshot& s) {
    json::object o;
    for (const auto& [k, v] : s) o[k] = v;
    return o;
}

}  // namespace

json::object ToJson(const User& user) {
    json::array roles;
    for (const RoleGrant& g : user.roles) {
        roles.push_back(json::object{{"id", g.id.value},
                                     {"role", ToCode(g.role)},
                                     {"organization_id", g.organization.value},
                                     {"organization_name", g.organization_name}});
    }
    return {{"id", user.id.value},
            {"username", user.username},
            {"display_name", user.display_name},
            {"member_id", IdOrNull(user.member)},
            {"roles", std::move(roles)}};
}

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
    json::array leaders;
    for (const Position& p : d.leaders) leaders.push_back(ToJson(p));
    json::array groups;
    for (const auto& g : d.party_groups) {
        groups.push_back(json::object{{"id", g.group.id.value},
                                      {"name", g.group.name},
                                      {"member_count", g.member_count},
                                      {"leader", g.leader ? json::value(ToJson(*g.leader)) : json::value(nullptr)}});
    }
    json::array warnings;
    for (const auto& w : d.warnings) warnings.push_back(json::object{{"code", w.code}, {"message", w.message}});
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
                                    {"on_roll", d.counts.on_roll()}}},
            {"leaders", std::move(leaders)},
            {"party_groups", std::move(groups)},
            {"children_count", d.children_count},
            {"warnings", std::move(warnings)},
            {"can_write", d.can_write}};
}

json::object ToJson(const app::MemberListItem& item) {
    return SummaryFields(item.member, item.organization_name);
}

json::object ToJson(const app::MemberDetail& d) {
    json::object o = SummaryFields(d.member, d.organization_name);
    o["citizen_id"] = d.member.citizen_id;
    o["admission_date"] = DateOrNull(d.member.admission_date);
    o["official_date"] = DateOrNull(d.member.official_date);
    o["address"] = d.member.address;
    o["note"] = d.member.note;
    json::array memberships;
    for (const auto& m : d.memberships) {
        memberships.push_back(json::object{{"organization_id", m.membership.organization.value},
                                           {"organization_name", m.organization_name},
                                           {"start_date", m.membership.start_date.ToIso()},
                                           {"end_date", DateOrNull(m.membership.end_date)},
                                           {"reason", m.membership.reason}});
    }
    o["memberships"] = std::move(memberships);
    json::array positions;
    for (const auto& p : d.positions) {
        json::object j = ToJson(p.position);
        j["organization_name"] = p.organization_name;
        positions.push_back(std::move(j));
    }
    o["positions"] = std::move(positions);
    o["can_write"] = d.can_write;
    return o;
}

json::object ToJson(const AuditEntry& e) {
    return {{"id", e.id.value},
            {"at", e.at},
            {"user_id", IdOrNull(e.user)},
            {"username", e.username},
            {"action", e.action},
            {"entity", e.entity},
            {"entity_id", e.entity_id},
            {"organization_id", IdOrNull(e.organization)},
            {"before", e.before ? json::value(SnapshotToJson(*e.before)) : json::value(nullptr)},
            {"after", e.after ? json::value(SnapshotToJson(*e.after)) : json::value(nullptr)}};
}

json::object ToJson(const RegisteredDocument& d) {
    std::string term_label = d.term;
    if (auto dash = term_label.find('-'); dash != std::string::npos) term_label.replace(dash, 1, " – ");
    return {{"id", d.id.value},
            {"organization_id", d.organization.value},
            {"type", ToCode(d.type)},
            {"type_label", Label(d.type)},
            {"term", d.term},
            {"term_label", term_label},
            {"number", d.number},
            {"number_text", d.number_text},
            {"issued_on", d.issued_on.ToIso()},
            {"title", d.title},
            {"created_by", d.created_by}};
}

json::object ToJson(const MeetingRuleOverride& r) {
    return {{"regular_day", IntOrNull(r.regular_day)},
            {"start_time", r.start_minutes ? json::value(FormatClock(*r.start_minutes)) : json::value(nullptr)},
            {"thematic_months", r.thematic_months ? json::value(Months(*r.thematic_months)) : json::value(nullptr)},
            {"min_minutes", IntOrNull(r.min_minutes)},
            {"combined_min_minutes", IntOrNull(r.combined_min_minutes)},
            {"shift", r.shift ? json::value(ToCode(*r.shift)) : json::value(nullptr)},
            {"holidays", Dates(r.holidays)}};
}

json::object ToJson(const MeetingRule& r) {
    return {{"regular_day", r.regular_day},
            {"start_time", FormatClock(r.start_minutes)},
            {"thematic_months", Months(r.thematic_months)},
            {"min_minutes", r.min_minutes},
            {"combined_min_minutes", r.combined_min_minutes},
            {"shift", ToCode(r.shift)},
            {"holidays", Dates(r.holidays)}};
}

json::object ToJson(const app::RuleView& v) {
    json::array sources;
    for (const auto& s : v.sources) {
        sources.push_back(json::object{{"organization_id", s.organization.id.value},
                                       {"organization_name", s.organization.name},
                                       {"own", ToJson(s.own)}});
    }
    return {{"own", ToJson(v.own)}, {"effective", ToJson(v.effective)}, {"sources", std::move(sources)}};
}

json::object MeetingFields(const Meeting& m) {
    return {{"kind", ToCode(m.kind)},
            {"year", m.year},
            {"month", m.month},
            {"date", m.date.ToIso()},
            {"start_time", FormatClock(m.start_minutes)},
            {"min_minutes", m.min_minutes},
            {"state", ToCode(m.state)},
            {"state_label", Label(m.state)},
            {"shifted", m.shifted},
            {"moved_reason", m.moved_reason},
            {"cancelled_reason", m.cancelled_reason}};
}

namespace {

json::value OptTimestamp(const std::optional<std::int64_t>& t) {
    return t ? json::value(base::IsoTimestamp(*t)) : json::value(nullptr);
}

json::value OptClock(const std::optional<int>& minutes) {
    return minutes ? json::value(FormatClock(*minutes)) : json::value(nullptr);
}

template <typename IdT>
json::value OptId(const std::optional<IdT>& id) {
    return id ? json::value(id->value) : json::value(nullptr);
}

json::array Strings(const std::vector<std::string>& items) {
    json::array out;
    for (const std::string& s : items) out.emplace_back(s);
    return out;
}

}  // namespace

json::object ToJson(const AttendanceRecord& a) {
    return {{"member_id", a.member.value},
            {"member_name", a.member_name},
            {"status_at_meeting", ToCode(a.status_at_meeting)},
            {"presence", ToCode(a.presence)},
            {"reason", a.reason}};
}

json::object ToJson(const AttendanceCounts& c) {
    const auto rate = c.AttendanceRate();
    return {{"total", c.total},
            {"official", c.official},
            {"probationary", c.probationary},
            {"temporary", c.temporary},
            {"working_away", c.working_away},
            {"exempt", c.exempt},
            {"expected", c.expected},
            {"present", c.present},
            {"excused", c.excused},
            {"unexcused", c.unexcused},
            {"attendance_rate", rate ? json::value(*rate) : json::value(nullptr)}};
}

json::object ToJson(const ResolutionTask& t) {
    return {{"id", t.id.value},
            {"meeting_id", t.meeting.value},
            {"assignee_id", OptId(t.assignee)},
            {"assignee_name", t.assignee_name},
            {"description", t.description},
            {"deadline", t.deadline.ToIso()},
            {"outcome", ToCode(t.outcome)},
            {"result", t.result}};
}

json::object ToJson(const Attachment& a) {
    return {{"id", a.id},     {"file_name", a.file_name}, {"content_type", a.content_type},
            {"size", a.size}, {"sha256", a.sha256},       {"uploaded_at", base::IsoTimestamp(a.uploaded_at)}};
}

json::object ToJson(const LeaveRequest& r) {
    return {{"member_id", r.member.value},
            {"member_name", r.member_name},
            {"reason", r.reason},
            {"requested_at", base::IsoTimestamp(r.requested_at)}};
}

json::object ToJson(const Amendment& a) {
    return {{"id", a.id},
            {"text", a.text},
            {"reason", a.reason},
            {"created_by", a.created_by},
            {"created_at", base::IsoTimestamp(a.created_at)}};
}

json::object ToJson(const app::MeetingView& v) {
    const Meeting& m = v.meeting;
    json::object o = MeetingFields(m);
    o["id"] = m.id.value;
    o["organization_id"] = m.organization.value;
    o["organization_name"] = v.organization_name;
    o["can_write"] = v.can_write;
    const MeetingPreparation& p = m.preparation;
    o["preparation"] =
        json::object{{"preparer_id", OptId(p.preparer)},
                     {"preparer_name", p.preparer_name},
                     {"place", p.place},
                     {"committee_meeting_on",
                      p.committee_meeting_on ? json::value(p.committee_meeting_on->ToIso()) : json::value(nullptr)},
                     {"committee_meeting_notes", p.committee_meeting_notes},
                     {"agenda", Strings(p.agenda)},
                     {"superior_official", p.superior_official}};
    o["notified_at"] = OptTimestamp(m.notified_at);
    o["documents_sent_at"] = OptTimestamp(m.documents_sent_at);
    o["documents_late"] = v.documents_late;
    json::array warnings;
    for (const app::Warning& w : v.warnings) warnings.push_back(json::object{{"code", w.code}, {"message", w.message}});
    o["warnings"] = std::move(warnings);
    json::array attachments;
    for (const Attachment& a : v.attachments) attachments.push_back(ToJson(a));
    o["attachments"] = std::move(attachments);
    json::array leave;
    for (const LeaveRequest& r : v.leave_requests) leave.push_back(ToJson(r));
    o["leave_requests"] = std::move(leave);
    o["my_leave_request"] = v.my_leave_request ? json::value(ToJson(*v.my_leave_request)) : json::value(nullptr);

    const MeetingRecord& r = m.record;
    json::array attendance;
    for (const AttendanceRecord& a : v.attendance) attendance.push_back(ToJson(a));
    json::array opinions;
    for (const Opinion& op : v.opinions)
        opinions.push_back(json::object{
            {"speaker_id", OptId(op.speaker)}, {"speaker_name", op.speaker_name}, {"summary", op.summary}});
    const auto duration = m.Duration();
    json::object record{{"started_at", OptClock(r.started_minutes)},
                        {"ended_at", OptClock(r.ended_minutes)},
                        {"duration_minutes", duration ? json::value(*duration) : json::value(nullptr)},
                        {"chair_id", OptId(r.chair)},
                        {"chair_name", r.chair_name},
                        {"minute_taker_id", OptId(r.minute_taker)},
                        {"minute_taker_name", r.minute_taker_name},
                        {"guests", Strings(r.guests)},
                        {"superior_attended", r.superior_attended},
                        {"attendance", std::move(attendance)},
                        {"counts", ToJson(CountAttendance(v.attendance))},
                        {"opinions", std::move(opinions)},
                        {"conclusion", r.conclusion},
                        {"resolution", r.resolution},
                        {"vote_scope", ToCode(r.vote_scope)},
                        {"eligible", v.eligible}};
    if (r.vote) {
        record["vote"] = json::object{
            {"in_favour", r.vote->in_favour}, {"against", r.vote->against}, {"abstaining", r.vote->abstaining}};
        record["vote_sentence"] = VoteSentence(*r.vote, v.eligible);
        record["adopted"] = Adopted(*r.vote, v.eligible);
    } else {
        record["vote"] = nullptr;
        record["vote_sentence"] = "";
        record["adopted"] = nullptr;
    }
    o["record"] = std::move(record);
    json::array tasks;
    for (const ResolutionTask& t : v.tasks) tasks.push_back(ToJson(t));
    o["tasks"] = std::move(tasks);
    json::array review;
    for (const ResolutionTask& t : v.review) review.push_back(ToJson(t));
    o["review"] = std::move(review);
    o["targets_met_share"] = r.targets_met_share ? json::value(*r.targets_met_share) : json::value(nullptr);
    o["finalised_at"] = OptTimestamp(m.finalised_at);
    o["minutes_number"] = m.minutes_number;
    o["resolution_number"] = m.resolution_number;
    o["reported_at"] = OptTimestamp(m.reported_at);
    o["report_late"] = v.report_late;
    json::array amendments;
    for (const Amendment& a : v.amendments) amendments.push_back(ToJson(a));
    o["amendments"] = std::move(amendments);
    json::object quality{{"cell", nullptr}, {"superior", nullptr}};
    for (const MeetingScore& s : v.scores)
        quality[ToCode(s.role)] =
            json::object{{"total", s.total}, {"level", ToCode(s.level)}, {"level_label", Label(s.level)}};
    o["quality"] = std::move(quality);
    return o;
}

}  // namespace chibo::http
