#include "http/json/grading.hpp"

#include "http/json/body.hpp"
#include "http/json/common.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

std::string_view KindCode(GradingPeriodKind kind) {
    switch (kind) {
        case GradingPeriodKind::kYear:
            return "year";
        case GradingPeriodKind::kQuarter:
            return "quarter";
        case GradingPeriodKind::kTerm:
            return "term";
    }
    return "";
}

json::object SummaryJson(const app::GradeSummary& s) {
    auto level = [&](GradeLevel l) {
        auto found = s.levels.find(l);
        return found == s.levels.end() ? 0 : found->second;
    };
    return {{"total", s.total},
            {"excellent", level(GradeLevel::kExcellent)},
            {"good", level(GradeLevel::kGood)},
            {"completed", level(GradeLevel::kCompleted)},
            {"not_completed", level(GradeLevel::kNotCompleted)},
            {"undecided", s.undecided},
            {"good_or_better_share", s.good_or_better_share ? json::value(*s.good_or_better_share) : nullptr}};
}

json::object EvidenceJson(const CellEvidence& e) {
    auto level = [&](QualityLevel l) {
        auto found = e.levels.find(l);
        return found == e.levels.end() ? 0 : found->second;
    };
    return {{"regular_expected", e.regular_expected},
            {"regular_held", e.regular_held},
            {"thematic_expected", e.thematic_expected},
            {"thematic_held", e.thematic_held},
            {"meetings_scored", e.meetings_scored},
            {"levels", json::object{{"good", level(QualityLevel::kGood)},
                                    {"fair", level(QualityLevel::kFair)},
                                    {"average", level(QualityLevel::kAverage)},
                                    {"poor", level(QualityLevel::kPoor)}}},
            {"attendance_expected", e.attendance_expected},
            {"attendance_present", e.attendance_present},
            {"tasks_assessed", e.tasks_assessed},
            {"tasks_met", e.tasks_met}};
}

json::object EvidenceJson(const MemberEvidence& e) {
    return {{"meetings_expected", e.meetings_expected},
            {"present", e.present},
            {"excused", e.excused},
            {"unexcused", e.unexcused},
            {"spoke", e.spoke},
            {"tasks_assessed", e.tasks_assessed},
            {"tasks_met", e.tasks_met}};
}

}  // namespace

json::object ToJson(const app::RoundView& v) {
    const GradingRound& r = v.round;
    return {{"id", r.id.value},
            {"organization_id", r.organization.value},
            {"organization_name", v.organization_name},
            {"period", r.period.code},
            {"period_kind", KindCode(r.period.kind)},
            {"period_label", r.period.Label()},
            {"period_from", r.period.from.ToIso()},
            {"period_to", r.period.to.ToIso()},
            {"excellent_quota", r.excellent_quota},
            {"created_by", r.created_by},
            {"created_at", base::IsoTimestamp(r.created_at)},
            {"can_decide", v.can_decide}};
}

json::value ToJson(const std::optional<Grade>& grade) {
    if (!grade) return nullptr;
    const Grade& g = *grade;
    return json::object{{"id", g.id.value},
                        {"subject", ToCode(g.subject)},
                        {"subject_id", g.subject_id},
                        {"step", ToCode(g.step)},
                        {"step_label", Label(g.step)},
                        {"general_points", g.general_points},
                        {"task_points", g.task_points},
                        {"total", g.total},
                        {"level", ToCode(g.level)},
                        {"level_label", Label(g.level)},
                        {"exceeded_targets", g.exceeded_targets},
                        {"disciplined", g.disciplined},
                        {"comment", g.comment},
                        {"reason", g.reason},
                        {"recorded_by", g.recorded_by},
                        {"recorded_at", base::IsoTimestamp(g.recorded_at)}};
}

json::object ToJson(const GradeProposal& p) {
    json::array parts;
    for (const ProposalPart& part : p.parts)
        parts.push_back(json::object{{"code", part.code},
                                     {"label", part.label},
                                     {"block", part.general ? "general" : "tasks"},
                                     {"weight", part.weight},
                                     {"value", part.value ? json::value(*part.value) : nullptr}});
    return {{"general_points", p.general_points},
            {"task_points", p.task_points},
            {"total", p.total},
            {"level", ToCode(p.level)},
            {"level_label", Label(p.level)},
            {"excellent_eligible", p.excellent_eligible},
            {"parts", std::move(parts)}};
}

json::object ToJson(const app::GradeRow& r) {
    json::object o{{"subject", ToCode(r.subject)},
                   {"subject_id", r.subject_id},
                   {"name", r.name},
                   {"cell_id", r.cell.value},
                   {"cell_name", r.cell_name},
                   {"evidence", std::visit([](const auto& e) { return EvidenceJson(e); }, r.evidence)},
                   {"proposal", ToJson(r.proposal)},
                   {"self", ToJson(r.self)},
                   {"collective", ToJson(r.collective)},
                   {"decision", ToJson(r.decision)},
                   {"records", r.records},
                   {"can_self", r.can_self},
                   {"can_collective", r.can_collective},
                   {"can_decide", r.can_decide}};
    if (r.subject == GradingSubject::kMember) {
        json::value visits = nullptr;
        if (r.visits)
            visits = json::object{
                {"grassroots_visits", r.visits->grassroots}, {"grassroots_expected", r.visits->grassroots_expected},
                {"meetings_attended", r.visits->meetings},   {"meetings_expected", r.visits->meetings_expected},
                {"reports_on_time", r.visits->on_time},      {"reports_late", r.visits->late},
                {"reports_missing", r.visits->missing}};
        o["evidence"].as_object()["visits"] = std::move(visits);
    }
    return o;
}

json::object ToJson(const app::RoundDetail& d) {
    json::object o = ToJson(d.view);
    o["summary"] = json::object{{"cells", SummaryJson(d.cells)}, {"members", SummaryJson(d.members)}};
    o["quota"] = Array(d.quota, [](const app::QuotaRow& q) {
        return json::object{{"organization_id", q.organization.value},
                            {"organization_name", q.organization_name},
                            {"subject", ToCode(q.subject)},
                            {"excellent", q.count.excellent},
                            {"good", q.count.good},
                            {"allowed", q.allowed},
                            {"over", q.over}};
    });
    return o;
}

json::object ToJson(const app::RoundList& list) {
    return {{"items", Array(list.items, [](const app::RoundView& v) { return ToJson(v); })},
            {"can_create", list.can_create}};
}

json::object SubjectToJson(const app::GradeRow& r) {
    json::object o = ToJson(r);
    o["history"] = Array(r.history, [](const Grade& g) { return ToJson(std::optional<Grade>(g)); });
    return o;
}

Result<GradingSubject> ParseSubject(std::string_view code, const char* field) {
    auto subject = GradingSubjectFromCode(code);
    if (!subject) return FieldError(field, "Đối tượng phải là cell (chi bộ) hoặc member (đảng viên).");
    return *subject;
}

Result<app::GradeInput> ParseGradeInput(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::GradeInput in;
    CHIBO_TRY_ASSIGN(const std::string subject, body.String("subject", Need::kRequired, 20));
    CHIBO_TRY_ASSIGN(in.subject, ParseSubject(subject, "subject"));
    CHIBO_TRY_ASSIGN(in.subject_id, body.Id("subject_id"));
    CHIBO_TRY_ASSIGN(const std::string step, body.String("step", Need::kRequired, 20));
    const auto parsed = GradingStepFromCode(step);
    if (!parsed) return FieldError("step", "Bước phải là self (tự đánh giá), collective (tập thể) hoặc decision.");
    in.step = *parsed;
    CHIBO_TRY_ASSIGN(const auto general, body.OptionalInt("general_points", 0, kGeneralMax));
    if (!general) return FieldError("general_points", "Vui lòng nhập điểm tiêu chí chung (0–30).");
    CHIBO_TRY_ASSIGN(const auto tasks, body.OptionalInt("task_points", 0, kTaskMax));
    if (!tasks) return FieldError("task_points", "Vui lòng nhập điểm kết quả thực hiện nhiệm vụ (0–70).");
    in.general_points = *general;
    in.task_points = *tasks;
    CHIBO_TRY_ASSIGN(in.exceeded_targets, body.Bool("exceeded_targets", false));
    CHIBO_TRY_ASSIGN(in.disciplined, body.Bool("disciplined", false));
    CHIBO_TRY_ASSIGN(in.comment, body.String("comment", Need::kOptional, 4000));
    CHIBO_TRY_ASSIGN(in.reason, body.String("reason", Need::kOptional, 500));
    CHIBO_TRY_ASSIGN(in.acknowledge_quota, body.Bool("acknowledge_quota", false));
    return in;
}

Result<RoundInput> ParseRound(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    RoundInput in;
    CHIBO_TRY_ASSIGN(in.period, body.String("period", Need::kRequired, 20));
    CHIBO_TRY_ASSIGN(in.excellent_quota, body.OptionalNumber("excellent_quota"));
    return in;
}

}  // namespace chibo::http
