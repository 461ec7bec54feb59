// Routes for meeting quality: scorecards of an organisation's subtree (/api/v1/organizations/{id}/scorecard…)
// and the scoring of one meeting (/api/v1/meetings/{id}/score…).
#include "app/score_service.hpp"
#include "http/api.hpp"
#include "http/json_io.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

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
            {"blocks", std::move(blocks)},
            {"good_min", card.good_min},
            {"fair_min", card.fair_min},
            {"average_min", card.average_min},
            {"full_marks_for_good", std::move(full)},
            {"total", card.Total()}};
}

json::object ToJson(const StoredScorecard& s) {
    json::object o = ToJson(s.card);
    o["id"] = s.id;
    o["organization_id"] = s.organization.valid() ? json::value(s.organization.value) : json::value(nullptr);
    o["created_by"] = s.created_by;
    o["created_at"] = s.created_at ? json::value(base::IsoTimestamp(s.created_at)) : json::value(nullptr);
    return o;
}

json::object ToJson(const MeetingScore& s) {
    json::object points;
    for (const auto& [code, p] : s.points) points[code] = p;
    return {{"id", s.id},
            {"role", ToCode(s.role)},
            {"scorecard_id", s.scorecard_id},
            {"points", std::move(points)},
            {"total", s.total},
            {"level", ToCode(s.level)},
            {"level_label", Label(s.level)},
            {"scored_by", s.scored_by},
            {"scored_at", base::IsoTimestamp(s.scored_at)},
            {"reason", s.reason}};
}

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

Result<Scorecard> ParseScorecard(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    Scorecard card;
    CHIBO_TRY_ASSIGN(card.name, body.String("name", true, 200));
    CHIBO_TRY_ASSIGN(card.effective_from, body.Date("effective_from"));
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
        CHIBO_TRY_ASSIGN(b.code, bb.String("code", true, 50));
        CHIBO_TRY_ASSIGN(b.label, bb.String("label", true, 200));
        CHIBO_TRY_ASSIGN(const auto max, bb.OptionalInt("max_points", 0, 100));
        b.max_points = max.value_or(0);
        CHIBO_TRY_ASSIGN(const auto criteria, bb.Objects("criteria", 50));
        for (const JsonBody& cb : criteria) {
            Criterion c;
            CHIBO_TRY_ASSIGN(c.code, cb.String("code", true, 50));
            CHIBO_TRY_ASSIGN(c.label, cb.String("label", true, 300));
            CHIBO_TRY_ASSIGN(const auto cmax, cb.OptionalInt("max_points", 0, 100));
            c.max_points = cmax.value_or(0);
            CHIBO_TRY_ASSIGN(const std::string metric, cb.String("metric", false, 50));
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
                CHIBO_TRY_ASSIGN(const std::string code, capb.String("metric", true, 50));
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

void Api::AddScoreRoutes() {
    auto& scores = services_.scores;

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/scorecard", Access::kSignedIn, [&scores](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        std::optional<base::Date> on;
        if (auto text = req.Query("date"); text && !text->empty()) {
            on = base::Date::ParseIso(*text);
            if (!on) return ErrorResponse(FieldError("date", "Ngày không hợp lệ (định dạng YYYY-MM-DD)."));
        }
        return Render(scores.Scorecard(req.auth->actor, OrganizationId(*id), on), [](const app::ScorecardView& v) {
            json::array own;
            for (const StoredScorecard& s : v.own_versions) own.push_back(ToJson(s));
            return json::object{{"in_force", ToJson(v.in_force)},
                                {"source_name", v.source_name},
                                {"own_versions", std::move(own)},
                                {"can_write", v.can_write}};
        });
    });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/scorecards", Access::kSignedIn, [&scores](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto card = ParseScorecard(req.body);
        if (!card) return ErrorResponse(card.error());
        return Render(
            scores.SaveScorecard(req.auth->actor, OrganizationId(*id), *card),
            [](const StoredScorecard& s) { return ToJson(s); }, 201);
    });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/alerts", Access::kSignedIn, [&scores](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        return Render(
            scores.Alerts(req.auth->actor, OrganizationId(*id)), [](const std::vector<app::CellAlert>& alerts) {
                json::array items;
                for (const app::CellAlert& a : alerts) {
                    const Alert& al = a.alert;
                    items.push_back(
                        json::object{{"kind", ToCode(al.kind)},
                                     {"message", al.message},
                                     {"organization_id", a.cell.value},
                                     {"organization_name", a.cell_name},
                                     {"meeting_id", al.meeting ? json::value(al.meeting->value) : json::value(nullptr)},
                                     {"member_id", al.member ? json::value(al.member->value) : json::value(nullptr)},
                                     {"year", al.year},
                                     {"month", al.month ? json::value(al.month) : json::value(nullptr)}});
                }
                return json::object{{"items", std::move(items)}};
            });
    });

    router_.Add(Method::kGet, "/api/v1/meetings/{id}/score", Access::kSignedIn, [&scores](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        return Render(scores.ForMeeting(req.auth->actor, MeetingId(*id)), [](const app::MeetingScoring& s) {
            json::object prefill;
            for (const auto& [code, p] : s.prefill) prefill[code] = p;
            json::array all;
            json::object latest{{"cell", nullptr}, {"superior", nullptr}};
            for (const MeetingScore& sc : s.scores) {
                all.push_back(ToJson(sc));
                latest[ToCode(sc.role)] = ToJson(sc);
            }
            return json::object{{"scorecard", ToJson(s.scorecard)},
                                {"facts", FactsJson(s.facts)},
                                {"prefill", std::move(prefill)},
                                {"latest", std::move(latest)},
                                {"scores", std::move(all)},
                                {"can_score_cell", s.can_score_cell},
                                {"can_score_superior", s.can_score_superior}};
        });
    });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/scores", Access::kSignedIn, [&scores](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto role_code = body->String("role", true, 20);
        if (!role_code) return ErrorResponse(role_code.error());
        const auto role = ScorerRoleFromCode(*role_code);
        if (!role) return ErrorResponse(FieldError("role", "Cột chấm phải là cell (chi bộ) hoặc superior (cấp trên)."));
        auto points = body->IntMap("points", 0, 100, 100);
        if (!points) return ErrorResponse(points.error());
        auto reason = body->String("reason", false, 300);
        if (!reason) return ErrorResponse(reason.error());
        return Render(
            scores.SaveScore(req.auth->actor, MeetingId(*id), *role, *points, *reason),
            [](const MeetingScore& s) { return ToJson(s); }, 201);
    });
}

}  // namespace chibo::http
