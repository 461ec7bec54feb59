#include "domain/scorecard.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "base/text.hpp"

namespace chibo::domain {

using base::ErrorCode;
using base::MakeError;

namespace {

constexpr std::array<std::pair<Metric, std::string_view>, 12> kMetricCodes{{
    {Metric::kShortfallMinutes, "shortfall_minutes"},
    {Metric::kAttendanceShare, "attendance_share"},
    {Metric::kUnexcusedAbsences, "unexcused_absences"},
    {Metric::kDocumentsAhead, "documents_ahead"},
    {Metric::kCommitteeMeetingHeld, "committee_meeting_held"},
    {Metric::kDraftResolution, "draft_resolution"},
    {Metric::kNoticeSent, "notice_sent"},
    {Metric::kSpeakerShare, "speaker_share"},
    {Metric::kTargetsMet, "targets_met"},
    {Metric::kResolutionAdopted, "resolution_adopted"},
    {Metric::kMinutesFinalised, "minutes_finalised"},
    {Metric::kReportOnTime, "report_on_time"},
}};

bool InTier(const Tier& t, double v) {
    return v >= t.min && (!t.max || v < *t.max);
}

// A yes/no fact scored all or nothing.
std::vector<Tier> AllOrNothing(int points) {
    return {{1, std::nullopt, points}, {0, 1, 0}};
}

Criterion Computed(std::string code, std::string label, int max, Metric metric, std::vector<Tier> tiers,
                   std::vector<Cap> caps = {}) {
    return {std::move(code), std::move(label), max, metric, std::move(tiers), std::move(caps)};
}

Criterion Judged(std::string code, std::string label, int max) {
    return {std::move(code), std::move(label), max, std::nullopt, {}, {}};
}

base::Error At(const std::string& where, std::string message) {
    return MakeError(ErrorCode::kInvalidArgument, std::move(message), where);
}

}  // namespace

std::string_view ToCode(Metric metric) {
    for (const auto& [m, code] : kMetricCodes)
        if (m == metric) return code;
    return "";
}

std::optional<Metric> MetricFromCode(std::string_view code) {
    for (const auto& [m, c] : kMetricCodes)
        if (c == code) return m;
    return std::nullopt;
}

std::string_view ToCode(QualityLevel level) {
    switch (level) {
        case QualityLevel::kGood:
            return "good";
        case QualityLevel::kFair:
            return "fair";
        case QualityLevel::kAverage:
            return "average";
        case QualityLevel::kPoor:
            return "poor";
    }
    return "";
}

std::string_view Label(QualityLevel level) {
    switch (level) {
        case QualityLevel::kGood:
            return "Tốt";
        case QualityLevel::kFair:
            return "Khá";
        case QualityLevel::kAverage:
            return "Trung bình";
        case QualityLevel::kPoor:
            return "Kém";
    }
    return "";
}

std::optional<QualityLevel> QualityLevelFromCode(std::string_view code) {
    for (QualityLevel l : {QualityLevel::kGood, QualityLevel::kFair, QualityLevel::kAverage, QualityLevel::kPoor})
        if (ToCode(l) == code) return l;
    return std::nullopt;
}

std::string_view ToCode(ScorerRole role) {
    return role == ScorerRole::kSuperior ? "superior" : "cell";
}

std::optional<ScorerRole> ScorerRoleFromCode(std::string_view code) {
    if (code == "cell") return ScorerRole::kCell;
    if (code == "superior") return ScorerRole::kSuperior;
    return std::nullopt;
}

int Scorecard::Total() const {
    int total = 0;
    for (const ScoreBlock& b : blocks) total += b.max_points;
    return total;
}

const Criterion* Scorecard::Find(std::string_view code) const {
    for (const ScoreBlock& b : blocks)
        for (const Criterion& c : b.criteria)
            if (c.code == code) return &c;
    return nullptr;
}

Scorecard Hd42Scorecard() {
    Scorecard card;
    card.name = "Phiếu đánh giá chất lượng sinh hoạt chi bộ (Hướng dẫn 42-HD/BTCTW)";
    card.effective_from = *base::Date::FromYmd(2025, 10, 28);
    card.blocks = {
        {"time",
         "Thời gian, thời lượng",
         5,
         {Computed("duration", "Bảo đảm thời lượng sinh hoạt", 5, Metric::kShortfallMinutes,
                   {{0, 1, 5}, {1, 16, 4}, {16, 31, 3}, {31, 46, 2}, {46, std::nullopt, 1}})}},
        {"attendance",
         "Tỷ lệ đảng viên dự sinh hoạt",
         5,
         {Computed("attendance", "Đảng viên dự sinh hoạt", 5, Metric::kAttendanceShare,
                   {{1, std::nullopt, 5}, {0.9, 1, 4}, {0.75, 0.9, 3}, {0.65, 0.75, 2}, {0, 0.65, 1}},
                   {{Metric::kUnexcusedAbsences, 1, 1}})}},
        {"preparation",
         "Công tác chuẩn bị",
         10,
         {Judged("content", "Nội dung sinh hoạt trọng tâm, thiết thực", 2),
          Computed("draft_resolution", "Có dự thảo nghị quyết", 2, Metric::kDraftResolution, AllOrNothing(2)),
          Computed("committee_meeting", "Chi ủy họp chuẩn bị nội dung", 2, Metric::kCommitteeMeetingHeld,
                   AllOrNothing(2)),
          Computed("notice", "Thông báo đến đảng viên", 2, Metric::kNoticeSent, AllOrNothing(2)),
          Computed("documents_ahead", "Tài liệu đến đảng viên trước ít nhất 1 ngày", 2, Metric::kDocumentsAhead,
                   AllOrNothing(2))}},
        {"conduct",
         "Tiến hành sinh hoạt",
         40,
         {Judged("procedure", "Thực hiện đúng quy trình, thủ tục", 10),
          Judged("content_quality", "Nội dung sinh hoạt sát thực tế", 10),
          Judged("chairing", "Điều hành của đồng chí chủ trì", 10),
          Computed("participation", "Tỷ lệ đảng viên phát biểu", 10, Metric::kSpeakerShare,
                   {{0.5, std::nullopt, 10}, {0.4, 0.5, 8}, {0.3, 0.4, 6}, {0, 0.3, 4}})}},
        {"principles",
         "Nguyên tắc sinh hoạt Đảng",
         5,
         {Judged("democratic_centralism", "Thực hiện nguyên tắc tập trung dân chủ", 3),
          Judged("self_criticism", "Tự phê bình và phê bình thẳng thắn", 2)}},
        {"results",
         "Kết quả thực hiện nghị quyết tháng trước",
         30,
         {Computed(
             "targets_met", "Tỷ lệ chỉ tiêu, nhiệm vụ hoàn thành", 30, Metric::kTargetsMet,
             {{0.9, std::nullopt, 30}, {0.8, 0.9, 27}, {0.7, 0.8, 24}, {0.6, 0.7, 20}, {0.5, 0.6, 15}, {0, 0.5, 10}})}},
        {"closing",
         "Kết thúc sinh hoạt",
         5,
         {Computed("resolution_adopted", "Biểu quyết thông qua nghị quyết", 2, Metric::kResolutionAdopted,
                   AllOrNothing(2)),
          Computed("minutes", "Thông qua biên bản", 2, Metric::kMinutesFinalised, AllOrNothing(2)),
          Computed("report_on_time", "Báo cáo cấp trên trong 2 ngày", 1, Metric::kReportOnTime, AllOrNothing(1))}},
    };
    card.full_marks_for_good = {"duration", "attendance", "participation", "minutes"};
    return card;
}

base::Result<void> ValidateScorecard(const Scorecard& card) {
    if (card.blocks.empty()) return At("blocks", "Phiếu đánh giá cần ít nhất một nhóm tiêu chí.");
    std::set<std::string> codes;
    for (std::size_t b = 0; b < card.blocks.size(); ++b) {
        const ScoreBlock& block = card.blocks[b];
        const std::string where = "blocks[" + std::to_string(b) + "]";
        if (block.label.empty()) return At(where + ".label", "Nhóm tiêu chí cần có tên.");
        if (block.criteria.empty()) return At(where + ".criteria", "Nhóm \"" + block.label + "\" chưa có tiêu chí.");
        int sum = 0;
        for (std::size_t c = 0; c < block.criteria.size(); ++c) {
            const Criterion& crit = block.criteria[c];
            const std::string at = where + ".criteria[" + std::to_string(c) + "]";
            if (crit.code.empty() || crit.label.empty()) return At(at, "Tiêu chí cần có mã và tên.");
            if (!codes.insert(crit.code).second) return At(at + ".code", "Mã tiêu chí \"" + crit.code + "\" bị trùng.");
            if (crit.max_points <= 0) return At(at + ".max_points", "Điểm tối đa của tiêu chí phải lớn hơn 0.");
            sum += crit.max_points;
            if (!crit.metric && (!crit.tiers.empty() || !crit.caps.empty()))
                return At(at + ".tiers", "Tiêu chí chấm theo đánh giá không có mức tự tính.");
            if (crit.metric && crit.tiers.empty())
                return At(at + ".tiers", "Tiêu chí \"" + crit.label + "\" cần các mức điểm.");
            for (std::size_t i = 0; i < crit.tiers.size(); ++i) {
                const Tier& t = crit.tiers[i];
                if (t.points < 0 || t.points > crit.max_points)
                    return At(at + ".tiers", "Mức điểm của tiêu chí \"" + crit.label + "\" vượt quá điểm tối đa (" +
                                                 std::to_string(crit.max_points) + ").");
                if (t.max && *t.max <= t.min)
                    return At(at + ".tiers", "Khoảng của một mức điểm trong tiêu chí \"" + crit.label + "\" bị ngược.");
                for (std::size_t j = 0; j < i; ++j) {
                    const Tier& o = crit.tiers[j];
                    const bool overlap = (!t.max || *t.max > o.min) && (!o.max || *o.max > t.min);
                    if (overlap)
                        return At(at + ".tiers", "Các mức điểm của tiêu chí \"" + crit.label + "\" chồng lên nhau.");
                }
            }
            for (const Cap& cap : crit.caps)
                if (cap.points < 0 || cap.points > crit.max_points)
                    return At(at + ".caps", "Mức trần của tiêu chí \"" + crit.label + "\" vượt quá điểm tối đa.");
        }
        if (sum != block.max_points)
            return At(where + ".max_points", "Nhóm \"" + block.label + "\": tổng điểm các tiêu chí (" +
                                                 std::to_string(sum) + ") khác điểm của nhóm (" +
                                                 std::to_string(block.max_points) + ").");
    }
    if (card.Total() != 100)
        return At("blocks", "Tổng điểm của phiếu phải là 100 (hiện là " + std::to_string(card.Total()) + ").");
    if (!(card.good_min > card.fair_min && card.fair_min > card.average_min && card.average_min > 0 &&
          card.good_min <= 100))
        return At("levels", "Ngưỡng xếp loại phải giảm dần: Tốt > Khá > Trung bình > 0.");
    for (const std::string& code : card.full_marks_for_good)
        if (!card.Find(code)) return At("full_marks_for_good", "Không có tiêu chí \"" + code + "\".");
    return {};
}

const Scorecard* InForce(const std::vector<Scorecard>& versions, base::Date day, MeetingKind kind) {
    const auto latest = [&](bool own_kind) {
        const Scorecard* best = nullptr;
        for (const Scorecard& s : versions)
            if (s.effective_from <= day && (own_kind ? s.meeting_kind == kind : !s.meeting_kind) &&
                (!best || s.effective_from >= best->effective_from))
                best = &s;
        return best;
    };
    if (const Scorecard* own = latest(true)) return own;
    return latest(false);
}

MeetingFacts FactsOf(const Meeting& m, const SessionLength& session, std::span<const AttendanceRecord> attendance,
                     std::span<const Opinion> opinions, bool has_attachment, std::optional<double> targets_met,
                     base::Date today) {
    MeetingFacts f;
    f.duration_minutes = session.minutes;
    f.min_minutes = session.min_minutes;
    const AttendanceCounts counts = CountAttendance(attendance);
    f.attendance_share = counts.AttendanceRate();
    f.unexcused = counts.unexcused;
    f.documents_ahead = m.documents_sent_at && !DocumentsLate(*m.documents_sent_at, m.StartsAt());
    f.committee_meeting_held = m.preparation.committee_meeting_on.has_value();
    f.draft_resolution = has_attachment;
    f.notice_sent = m.notified_at && *m.notified_at < m.StartsAt();
    std::set<std::int64_t> speakers;
    for (const Opinion& o : opinions) {
        if (!o.speaker) continue;
        for (const AttendanceRecord& r : attendance)
            if (r.member == *o.speaker && (r.presence == Presence::kPresent || r.presence == Presence::kLate))
                speakers.insert(o.speaker->value);
    }
    if (counts.present > 0) f.speaker_share = static_cast<double>(speakers.size()) / counts.present;
    f.targets_met = targets_met;
    f.resolution_adopted = m.record.vote && Adopted(*m.record.vote, EligibleVoters(attendance, m.record.vote_scope));
    f.minutes_finalised = m.Locked();
    if (m.reported_at)
        f.report_on_time = !ReportLate(m.date, base::VietnamDateOf(*m.reported_at));
    else if (ReportLate(m.date, today))
        f.report_on_time = false;
    return f;
}

std::optional<double> MetricValue(Metric metric, const MeetingFacts& f) {
    auto flag = [](bool b) { return b ? 1.0 : 0.0; };
    switch (metric) {
        case Metric::kShortfallMinutes:
            if (!f.duration_minutes) return std::nullopt;
            return std::max(0, f.min_minutes - *f.duration_minutes);
        case Metric::kAttendanceShare:
            return f.attendance_share;
        case Metric::kUnexcusedAbsences:
            return f.unexcused;
        case Metric::kDocumentsAhead:
            return flag(f.documents_ahead);
        case Metric::kCommitteeMeetingHeld:
            return flag(f.committee_meeting_held);
        case Metric::kDraftResolution:
            return flag(f.draft_resolution);
        case Metric::kNoticeSent:
            return flag(f.notice_sent);
        case Metric::kSpeakerShare:
            return f.speaker_share;
        case Metric::kTargetsMet:
            return f.targets_met;
        case Metric::kResolutionAdopted:
            return flag(f.resolution_adopted);
        case Metric::kMinutesFinalised:
            return flag(f.minutes_finalised);
        case Metric::kReportOnTime:
            if (!f.report_on_time) return std::nullopt;
            return flag(*f.report_on_time);
    }
    return std::nullopt;
}

std::optional<int> ComputedPoints(const Criterion& criterion, const MeetingFacts& facts) {
    if (!criterion.metric) return std::nullopt;
    const auto value = MetricValue(*criterion.metric, facts);
    if (!value) return std::nullopt;
    std::optional<int> points;
    for (const Tier& t : criterion.tiers)
        if (InTier(t, *value)) points = t.points;
    if (!points) points = 0;  // A value outside every tier earns nothing.
    for (const Cap& cap : criterion.caps)
        if (auto v = MetricValue(cap.metric, facts); v && *v >= cap.at_least) points = std::min(*points, cap.points);
    return points;
}

std::map<std::string, int> Prefill(const Scorecard& card, const MeetingFacts& facts) {
    std::map<std::string, int> out;
    for (const ScoreBlock& b : card.blocks)
        for (const Criterion& c : b.criteria)
            if (auto p = ComputedPoints(c, facts)) out[c.code] = *p;
    return out;
}

base::Result<ScoreResult> Score(const Scorecard& card, const std::map<std::string, int>& points) {
    ScoreResult r;
    for (const auto& [code, p] : points) {
        const Criterion* c = card.Find(code);
        if (!c) return At(code, "Không có tiêu chí \"" + code + "\" trong phiếu đánh giá.");
        if (p < 0 || p > c->max_points)
            return At(code,
                      "Điểm của tiêu chí \"" + c->label + "\" phải từ 0 đến " + std::to_string(c->max_points) + ".");
        r.total += p;
    }
    r.complete = true;
    for (const ScoreBlock& b : card.blocks)
        for (const Criterion& c : b.criteria)
            if (!points.contains(c.code)) r.complete = false;
    bool full_marks = true;
    for (const std::string& code : card.full_marks_for_good) {
        const Criterion* c = card.Find(code);
        auto it = points.find(code);
        if (!c || it == points.end() || it->second != c->max_points) full_marks = false;
    }
    if (r.total >= card.good_min)
        r.level = full_marks ? QualityLevel::kGood : QualityLevel::kFair;
    else if (r.total >= card.fair_min)
        r.level = QualityLevel::kFair;
    else if (r.total >= card.average_min)
        r.level = QualityLevel::kAverage;
    else
        r.level = QualityLevel::kPoor;
    return r;
}

int Deviation(const std::map<std::string, int>& points, const std::map<std::string, int>& computed) {
    int deviation = 0;
    for (const auto& [code, c] : computed)
        if (auto it = points.find(code); it != points.end()) deviation += it->second - c;
    return deviation;
}

base::Result<CheckedScore> ScoreAgainstRecord(const Scorecard& card, const MeetingFacts& facts,
                                              const ScoreSheet& sheet) {
    CheckedScore out;
    out.points = sheet.points;
    for (const auto& [code, text] : sheet.override_reasons) {
        const Criterion* c = card.Find(code);
        if (!c) return At(code, "Không có tiêu chí \"" + code + "\" trong phiếu đánh giá.");
        std::string reason = base::NormalizeSpaces(text);
        if (base::Utf8Length(reason) > kMaxOverrideReasonChars)
            return At(code, "Lý do điều chỉnh điểm tiêu chí \"" + c->label + "\" dài quá " +
                                std::to_string(kMaxOverrideReasonChars) + " ký tự.");
        if (!reason.empty()) out.override_reasons[code] = std::move(reason);
    }
    for (const ScoreBlock& b : card.blocks)
        for (const Criterion& c : b.criteria) {
            const auto computed = ComputedPoints(c, facts);
            if (!computed) continue;
            out.computed[c.code] = *computed;
            out.points.try_emplace(c.code, *computed);
        }
    // Ranges and codes first: a point outside the criterion is wrong whatever the record says.
    CHIBO_TRY_ASSIGN(out.result, Score(card, out.points));
    for (auto it = out.override_reasons.begin(); it != out.override_reasons.end();) {
        const auto computed = out.computed.find(it->first);
        const bool differs = computed != out.computed.end() && out.points.at(it->first) != computed->second;
        it = differs ? std::next(it) : out.override_reasons.erase(it);
    }
    for (const ScoreBlock& b : card.blocks)
        for (const Criterion& c : b.criteria) {
            const auto computed = out.computed.find(c.code);
            if (computed == out.computed.end()) continue;
            const int given = out.points.at(c.code);
            if (given == computed->second || out.override_reasons.contains(c.code)) continue;
            return At(c.code, "Điểm tiêu chí \"" + c.label +
                                  "\" được tính từ biên bản: " + std::to_string(computed->second) +
                                  " điểm. Muốn chấm " + std::to_string(given) + " điểm cần ghi lý do điều chỉnh.");
        }
    return out;
}

std::optional<QualityLevel> LatestLevel(std::span<const MeetingScore> scores) {
    std::optional<QualityLevel> cell;
    std::optional<QualityLevel> superior;
    for (const MeetingScore& s : scores) (s.role == ScorerRole::kSuperior ? superior : cell) = s.level;
    return superior ? superior : cell;
}

}  // namespace chibo::domain
