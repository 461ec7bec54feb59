#include "http/json/score.hpp"

#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/dashboard.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

json::object FactsJson(const MeetingFacts& f) {
    auto opt = [](const auto& v) { return v ? json::value(*v) : json::value(nullptr); };
    return {{"duration_minutes", opt(f.duration_minutes)}, {"min_minutes", f.min_minutes},
            {"attendance_share", opt(f.attendance_share)}, {"unexcused", f.unexcused},
            {"documents_ahead", f.documents_ahead},        {"committee_meeting_held", f.committee_meeting_held},
            {"draft_resolution", f.draft_resolution},      {"notice_sent", f.notice_sent},
            {"speaker_share", opt(f.speaker_share)},       {"targets_met", opt(f.targets_met)},
            {"resolution_adopted", f.resolution_adopted},  {"minutes_finalised", f.minutes_finalised},
            {"report_on_time", opt(f.report_on_time)}};
}

}  // namespace

json::object ToJson(const Scorecard& card) {
    json::array blocks;
    for (const ScoreBlock& b : card.blocks) {
        json::array criteria;
        for (const Criterion& c : b.criteria) {
            json::array tiers;
            for (const Tier& t : c.tiers)
                tiers.push_back(json::object{
                    {"min", t.min}, {"max", t.max ? json::value(*t.max) : json::value(nullptr)}, {"points", t.points}});
            json::array caps;
            for (const Cap& cap : c.caps)
                caps.push_back(
                    json::object{{"metric", ToCode(cap.metric)}, {"at_least", cap.at_least}, {"points", cap.points}});
            criteria.push_back(
                json::object{{"code", c.code},
                             {"label", c.label},
                             {"max_points", c.max_points},
                             {"metric", c.metric ? json::value(ToCode(*c.metric)) : json::value(nullptr)},
                             {"tiers", std::move(tiers)},
                             {"caps", std::move(caps)}});
        }
        blocks.push_back(json::object{
            {"code", b.code}, {"label", b.label}, {"max_points", b.max_points}, {"criteria", std::move(criteria)}});
    }
    json::array full;
    for (const std::string& code : card.full_marks_for_good) full.emplace_back(code);
    return {{"name", card.name},
            {"effective_from", card.effective_from.ToIso()},
            {"meeting_kind", card.meeting_kind ? json::value(ToCode(*card.meeting_kind)) : json::value(nullptr)},
            {"blocks", std::move(blocks)},
            {"good_min", card.good_min},
            {"fair_min", card.fair_min},
            {"average_min", card.average_min},
            {"full_marks_for_good", std::move(full)},
            {"total", card.Total()}};
}

json::object ToJson(const StoredScorecard& s) {
    json::object o = ToJson(s.card);
    o["id"] = s.id.value;
    o["organization_id"] = s.organization.valid() ? json::value(s.organization.value) : json::value(nullptr);
    o["created_by"] = s.created_by;
    o["created_at"] = s.created_at ? json::value(base::IsoTimestamp(s.created_at)) : json::value(nullptr);
    return o;
}

json::object ToJson(const MeetingScore& s) {
    json::object points;
    json::object criteria;
    for (const auto& [code, p] : s.points) {
        points[code] = p;
        const auto computed = s.computed.find(code);
        const auto reason = s.override_reasons.find(code);
        criteria[code] = json::object{
            {"points", p},
            {"computed_points", computed == s.computed.end() ? json::value(nullptr) : json::value(computed->second)},
            {"override_reason",
             reason == s.override_reasons.end() ? json::value(nullptr) : json::value(reason->second)}};
    }
    return {{"id", s.id},
            {"role", ToCode(s.role)},
            {"scorecard_id", s.scorecard_id.value},
            {"points", std::move(points)},
            {"criteria", std::move(criteria)},
            {"deviation", s.Deviation()},
            {"total", s.total},
            {"level", ToCode(s.level)},
            {"level_label", Label(s.level)},
            {"scored_by", s.scored_by},
            {"scored_at", base::IsoTimestamp(s.scored_at)},
            {"reason", s.reason}};
}

namespace {

Result<Tier> ParseTier(const JsonBody& body) {
    Tier t;
    CHIBO_TRY_ASSIGN(const auto min, body.OptionalNumber("min"));
    CHIBO_TRY_ASSIGN(t.max, body.OptionalNumber("max"));
    CHIBO_TRY_ASSIGN(const auto points, body.OptionalInt("points", 0, 100));
    if (!points) return FieldError("points", "Mỗi mức cần số điểm.");
    t.min = min.value_or(0);
    t.points = *points;
    return t;
}

}  // namespace

Result<Scorecard> ParseScorecard(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    Scorecard card;
    CHIBO_TRY_ASSIGN(card.name, body.String("name", Need::kRequired, 200));
    CHIBO_TRY_ASSIGN(card.effective_from, body.Date("effective_from"));
    CHIBO_TRY_ASSIGN(card.meeting_kind,
                     body.OptionalCode("meeting_kind", MeetingKindFromCode,
                                       "Loại buổi sinh hoạt phải là regular (thường kỳ) hoặc thematic (chuyên đề)."));
    CHIBO_TRY_ASSIGN(const auto good, body.OptionalInt("good_min", 1, 100));
    CHIBO_TRY_ASSIGN(const auto fair, body.OptionalInt("fair_min", 1, 100));
    CHIBO_TRY_ASSIGN(const auto average, body.OptionalInt("average_min", 1, 100));
    card.good_min = good.value_or(90);
    card.fair_min = fair.value_or(70);
    card.average_min = average.value_or(50);
    CHIBO_TRY_ASSIGN(card.full_marks_for_good, body.StringArray("full_marks_for_good", 50, 50));
    CHIBO_TRY_ASSIGN(const auto blocks, body.Objects("blocks", 30));
    for (const JsonBody& bb : blocks) {
        ScoreBlock b;
        CHIBO_TRY_ASSIGN(b.code, bb.String("code", Need::kRequired, 50));
        CHIBO_TRY_ASSIGN(b.label, bb.String("label", Need::kRequired, 200));
        CHIBO_TRY_ASSIGN(const auto max, bb.OptionalInt("max_points", 0, 100));
        b.max_points = max.value_or(0);
        CHIBO_TRY_ASSIGN(const auto criteria, bb.Objects("criteria", 50));
        for (const JsonBody& cb : criteria) {
            Criterion c;
            CHIBO_TRY_ASSIGN(c.code, cb.String("code", Need::kRequired, 50));
            CHIBO_TRY_ASSIGN(c.label, cb.String("label", Need::kRequired, 300));
            CHIBO_TRY_ASSIGN(const auto cmax, cb.OptionalInt("max_points", 0, 100));
            c.max_points = cmax.value_or(0);
            CHIBO_TRY_ASSIGN(const std::string metric, cb.String("metric", Need::kOptional, 50));
            if (!metric.empty()) {
                c.metric = MetricFromCode(metric);
                if (!c.metric) return FieldError("metric", "Chỉ số tự tính \"" + metric + "\" không có.");
            }
            CHIBO_TRY_ASSIGN(const auto tiers, cb.Objects("tiers", 20));
            for (const JsonBody& tb : tiers) {
                CHIBO_TRY_ASSIGN(const Tier t, ParseTier(tb));
                c.tiers.push_back(t);
            }
            CHIBO_TRY_ASSIGN(const auto caps, cb.Objects("caps", 10));
            for (const JsonBody& capb : caps) {
                Cap cap;
                CHIBO_TRY_ASSIGN(const std::string code, capb.String("metric", Need::kRequired, 50));
                const auto m = MetricFromCode(code);
                if (!m) return FieldError("metric", "Chỉ số tự tính \"" + code + "\" không có.");
                cap.metric = *m;
                CHIBO_TRY_ASSIGN(const auto at_least, capb.OptionalNumber("at_least"));
                cap.at_least = at_least.value_or(1);
                CHIBO_TRY_ASSIGN(const auto points, capb.OptionalInt("points", 0, 100));
                cap.points = points.value_or(0);
                c.caps.push_back(cap);
            }
            b.criteria.push_back(std::move(c));
        }
        card.blocks.push_back(std::move(b));
    }
    return card;
}

json::object ToJson(const app::ScorecardView& v) {
    return {{"in_force", ToJson(v.in_force)},
            {"source_name", v.source_name},
            {"own_versions", Array(v.own_versions, [](const StoredScorecard& s) { return ToJson(s); })},
            {"can_write", v.can_write}};
}

json::object ToJson(const app::MeetingScoring& s) {
    json::object prefill;
    for (const auto& [code, p] : s.prefill) prefill[code] = p;
    json::object latest{{"cell", nullptr}, {"superior", nullptr}};
    for (const MeetingScore& sc : s.scores) latest[ToCode(sc.role)] = ToJson(sc);
    return {{"scorecard", ToJson(s.scorecard)},
            {"facts", FactsJson(s.facts)},
            {"prefill", std::move(prefill)},
            {"latest", std::move(latest)},
            {"scores", Array(s.scores, [](const MeetingScore& sc) { return ToJson(sc); })},
            {"can_score_cell", s.can_score_cell},
            {"can_score_superior", s.can_score_superior}};
}

json::object ToJson(const app::CellAlert& a) {
    const Alert& al = a.alert;
    return {{"kind", ToCode(al.kind)},
            {"message", al.message},
            {"organization_id", a.cell.value},
            {"organization_name", a.cell_name},
            {"meeting_id", IdOrNull(al.meeting)},
            {"member_id", IdOrNull(al.member)},
            {"year", al.year},
            {"month", al.month ? json::value(al.month) : json::value(nullptr)}};
}

Result<ScoreInput> ParseScore(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    ScoreInput in;
    CHIBO_TRY_ASSIGN(in.role,
                     body.Code("role", ScorerRoleFromCode, "Cột chấm phải là cell (chi bộ) hoặc superior (cấp trên)."));
    CHIBO_TRY_ASSIGN(in.sheet.points, body.IntMap("points", 0, 100, 100));
    CHIBO_TRY_ASSIGN(in.sheet.override_reasons, body.StringMap("override_reasons", 100, kMaxOverrideReasonChars));
    CHIBO_TRY_ASSIGN(in.reason, body.String("reason", Need::kOptional, 300));
    return in;
}

namespace {

json::value ScoreOrNull(const std::optional<MeetingScore>& s) {
    return s ? json::value(ToJson(*s)) : json::value(nullptr);
}

json::object OverrideJson(const app::CriterionOverride& o) {
    return {{"role", ToCode(o.role)},        {"code", o.code},     {"label", o.label},
            {"computed_points", o.computed}, {"points", o.points}, {"reason", o.reason}};
}

json::object DeviatingJson(const app::DeviatingMeeting& m) {
    return {{"meeting_id", m.meeting.id.value},
            {"organization_id", m.meeting.organization.value},
            {"organization_name", m.cell_name},
            {"kind", ToCode(m.meeting.kind)},
            {"year", m.meeting.year},
            {"month", m.meeting.month},
            {"date", m.meeting.date.ToIso()},
            {"cell", ScoreOrNull(m.cell)},
            {"superior", ScoreOrNull(m.superior)},
            {"overrides", Array(m.overrides, OverrideJson)}};
}

}  // namespace

json::object ToJson(const app::SubtreeScores& scores) {
    return {{"from", MonthCode(scores.months.first)},
            {"to", MonthCode(scores.months.last)},
            {"scored", scores.scored},
            {"above", scores.above},
            {"below", scores.below},
            {"items", Array(scores.items, DeviatingJson)}};
}

}  // namespace chibo::http
