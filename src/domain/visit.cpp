#include "domain/visit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "domain/codes.hpp"
#include "domain/statistics.hpp"

namespace chibo::domain {

namespace {

using base::ErrorCode;
using base::MakeError;

constexpr std::array<std::pair<VisitKind, std::string_view>, 2> kKindCodes = {{
    {VisitKind::kMeeting, "meeting"},
    {VisitKind::kGrassroots, "grassroots"},
}};
constexpr std::array<std::pair<PlanState, std::string_view>, 2> kPlanStateCodes = {{
    {PlanState::kDraft, "draft"},
    {PlanState::kPublished, "published"},
}};
constexpr std::array<std::pair<PetitionField, std::string_view>, 8> kFieldCodes = {{
    {PetitionField::kPartyBuilding, "party_building"},
    {PetitionField::kEconomy, "economy"},
    {PetitionField::kLand, "land"},
    {PetitionField::kSocialPolicy, "social_policy"},
    {PetitionField::kInfrastructure, "infrastructure"},
    {PetitionField::kSecurity, "security"},
    {PetitionField::kEnvironment, "environment"},
    {PetitionField::kOther, "other"},
}};
constexpr std::array<std::pair<PetitionField, std::string_view>, 8> kFieldLabels = {{
    {PetitionField::kPartyBuilding, "Xây dựng Đảng"},
    {PetitionField::kEconomy, "Kinh tế"},
    {PetitionField::kLand, "Đất đai"},
    {PetitionField::kSocialPolicy, "Chính sách xã hội"},
    {PetitionField::kInfrastructure, "Hạ tầng"},
    {PetitionField::kSecurity, "An ninh trật tự"},
    {PetitionField::kEnvironment, "Môi trường"},
    {PetitionField::kOther, "Khác"},
}};
constexpr std::array<std::pair<PetitionSource, std::string_view>, 2> kSourceCodes = {{
    {PetitionSource::kMember, "member"},
    {PetitionSource::kResident, "resident"},
}};

struct Month {
    int year = 0;
    int month = 0;
    int Key() const { return MonthNumber(year, month); }
    int Quarter() const { return year * 4 + (month - 1) / 3; }
};

std::vector<Month> MonthsOf(int from_year, int from_month, int to_year, int to_month) {
    std::vector<Month> out;
    for (int key = MonthNumber(from_year, from_month); key <= MonthNumber(to_year, to_month); ++key)
        out.push_back({YearOfMonth(key), MonthOfYear(key)});
    return out;
}

std::string QuarterText(int quarter_key) {
    return std::to_string(quarter_key % 4 + 1) + "/" + std::to_string(quarter_key / 4);
}

std::string ReasonText(const Priority& p) {
    if (p.reasons.empty()) return "Dự đều các chi bộ trong kỳ";
    std::string out = "Ưu tiên: ";
    for (std::size_t i = 0; i < p.reasons.size(); ++i) out += (i ? "; " : "") + p.reasons[i];
    return out;
}

struct Ranked {
    const CellStanding* cell;
    Priority priority;
};

}  // namespace

bool Overlaps(const MeetingSlot& a, const MeetingSlot& b) {
    return a.date == b.date && a.start_minutes < b.start_minutes + b.minutes &&
           b.start_minutes < a.start_minutes + a.minutes;
}

Priority PriorityOf(const CellStanding& c) {
    Priority p;
    const auto add = [&p](int points, std::string why) {
        p.points += points;
        p.reasons.push_back(std::move(why));
    };
    if (!c.last_level) {
        add(2, "chưa có đánh giá chất lượng sinh hoạt");
    } else if (*c.last_level == QualityLevel::kPoor) {
        add(4, "chất lượng sinh hoạt gần nhất: Kém");
    } else if (*c.last_level == QualityLevel::kAverage) {
        add(3, "chất lượng sinh hoạt gần nhất: Trung bình");
    } else if (*c.last_level == QualityLevel::kFair) {
        add(1, "chất lượng sinh hoạt gần nhất: Khá");
    }
    if (c.attendance_rate && *c.attendance_rate < 0.9) {
        const long percent = std::lround(*c.attendance_rate * 100);
        add(*c.attendance_rate < 0.75 ? 3 : 2, "tỷ lệ đảng viên dự sinh hoạt " + std::to_string(percent) + " %");
    }
    if (c.missed_meetings > 0)
        add(std::min(4, 2 * c.missed_meetings),
            std::to_string(c.missed_meetings) + " tháng không sinh hoạt trong năm qua");
    if (!c.months_since_visit) {
        add(3, "chưa được cấp ủy dự sinh hoạt");
    } else if (*c.months_since_visit >= 6) {
        add(2, std::to_string(*c.months_since_visit) + " tháng chưa được cấp ủy dự sinh hoạt");
    }
    if (c.difficult) add(2, "chi bộ có nhiều khó khăn");
    return p;
}

VisitPlan PlanVisits(std::span<const Attendant> attendants_in, std::span<const CellStanding> cells,
                     std::span<const MeetingSlot> slots, int from_year, int from_month, int to_year, int to_month) {
    VisitPlan plan;
    const std::vector<Month> months = MonthsOf(from_year, from_month, to_year, to_month);
    if (months.empty() || cells.empty()) return plan;
    std::vector<const Attendant*> attendants;
    for (const Attendant& a : attendants_in) attendants.push_back(&a);
    std::sort(attendants.begin(), attendants.end(),
              [](const Attendant* a, const Attendant* b) { return a->id < b->id; });

    // Weakest first; then by name and id, so that the plan is the same every time.
    std::vector<Ranked> ranked;
    for (const CellStanding& c : cells) ranked.push_back({&c, PriorityOf(c)});
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return std::tie(b.priority.points, a.cell->name, a.cell->cell) <
               std::tie(a.priority.points, b.cell->name, b.cell->cell);
    });

    const int first_key = months.front().Key();
    const int last_key = months.back().Key();
    std::map<std::int64_t, std::vector<const MeetingSlot*>> slots_of;
    for (const MeetingSlot& s : slots) {
        const int key = MonthNumber(s.year, s.month);
        if (key >= first_key && key <= last_key) slots_of[s.cell.value].push_back(&s);
    }
    for (auto& [cell, list] : slots_of)
        std::sort(list.begin(), list.end(), [](const MeetingSlot* a, const MeetingSlot* b) {
            return std::tie(a->date, a->start_minutes) < std::tie(b->date, b->start_minutes);
        });

    std::map<std::pair<std::int64_t, int>, int> quota;  // (attendant, quarter) → meetings still owed.
    std::set<int> quarters;
    for (const Month& m : months) quarters.insert(m.Quarter());
    for (const Attendant* a : attendants)
        for (int q : quarters) quota[{a->id.value, q}] = std::max(0, a->duty.meetings_per_quarter);
    const auto owed = [&](const Attendant* a) {
        int total = 0;
        for (int q : quarters) total += quota[{a->id.value, q}];
        return total;
    };

    std::map<std::int64_t, std::vector<const MeetingSlot*>> booked;  // Attendant → meetings.
    std::map<std::pair<std::int64_t, int>, int> busy_in_month;       // (attendant, month) → visits.
    std::set<std::pair<std::int64_t, int>> attended;                 // (cell, month) with a meeting.
    std::set<std::tuple<std::int64_t, std::int64_t, int>> seen;      // (attendant, cell, month).
    std::map<std::int64_t, int> reached;                             // Cell → visits of any kind.

    // One attended meeting of the cell: the person who owes the most (then is least busy that month), at the
    // earliest month they are free.
    const auto attend = [&](const Ranked& r) {
        const MeetingSlot* best_slot = nullptr;
        const Attendant* best = nullptr;
        std::tuple<int, int> best_key{0, 0};
        for (const MeetingSlot* s : slots_of[r.cell->cell.value]) {
            const int month_key = MonthNumber(s->year, s->month);
            if (attended.contains({s->cell.value, month_key})) continue;
            const int quarter = s->year * 4 + (s->month - 1) / 3;
            for (const Attendant* a : attendants) {
                if (quota[{a->id.value, quarter}] <= 0) continue;
                const auto& mine = booked[a->id.value];
                if (std::any_of(mine.begin(), mine.end(), [&](const MeetingSlot* b) { return Overlaps(*s, *b); }))
                    continue;
                const std::tuple<int, int> key{owed(a), -busy_in_month[{a->id.value, month_key}]};
                if (!best || key > best_key) {
                    best = a;
                    best_slot = s;
                    best_key = key;
                }
            }
            if (best) break;  // The earliest month anyone can come.
        }
        if (!best) return false;
        const int month_key = MonthNumber(best_slot->year, best_slot->month);
        --quota[{best->id.value, best_slot->year * 4 + (best_slot->month - 1) / 3}];
        booked[best->id.value].push_back(best_slot);
        ++busy_in_month[{best->id.value, month_key}];
        attended.insert({best_slot->cell.value, month_key});
        seen.insert({best->id.value, best_slot->cell.value, month_key});
        ++reached[best_slot->cell.value];
        plan.visits.push_back({{},
                               {},
                               best->id,
                               best_slot->cell,
                               VisitKind::kMeeting,
                               best_slot->year,
                               best_slot->month,
                               best_slot->date,
                               best_slot->start_minutes,
                               ReasonText(r.priority)});
        return true;
    };

    // Every cell once, weakest first; then again and again the weak ones (one meeting a month each), and
    // only then the others, until the duties are met or no meeting is left to attend.
    for (const Ranked& r : ranked) attend(r);
    for (const bool weak_only : {true, false}) {
        for (bool any = true; any;) {
            any = false;
            for (const Ranked& r : ranked)
                if (!weak_only || r.priority.points > 0) any = attend(r) || any;
        }
    }
    for (const Attendant* a : attendants)
        for (int q : quarters)
            if (const int missing = quota[{a->id.value, q}]; missing > 0) {
                int open = 0;
                for (const auto& [cell, list] : slots_of)
                    for (const MeetingSlot* s : list)
                        if (s->year * 4 + (s->month - 1) / 3 == q &&
                            !attended.contains({s->cell.value, MonthNumber(s->year, s->month)}))
                            ++open;
                plan.shortfalls.push_back(
                    {a->id, VisitKind::kMeeting, missing,
                     "Thiếu " + std::to_string(missing) + " lượt dự sinh hoạt chi bộ quý " + QuarterText(q) + ": " +
                         (open == 0 ? "các buổi sinh hoạt trong quý đều đã có người dự."
                                    : "các buổi còn lại trùng giờ với buổi đồng chí đã được xếp.")});
            }

    // Grassroots visits, month by month: cells nobody reached yet first, then the weak ones more often than
    // the others ((points + 1) / (visits + 1)), never the same cell twice a month for one person.
    for (const Month& m : months) {
        for (const Attendant* a : attendants) {
            for (int n = 0; n < a->duty.visits_per_month; ++n) {
                const Ranked* pick = nullptr;
                double pick_score = -1;
                for (const Ranked& r : ranked) {
                    if (seen.contains({a->id.value, r.cell->cell.value, m.Key()})) continue;
                    const int visits = reached[r.cell->cell.value];
                    const double score = (visits == 0 ? 1e9 : 0.0) + (r.priority.points + 1.0) / (visits + 1.0);
                    if (score > pick_score) {
                        pick = &r;
                        pick_score = score;
                    }
                }
                if (!pick) {
                    plan.shortfalls.push_back({a->id, VisitKind::kGrassroots, a->duty.visits_per_month - n,
                                               "Tháng " + std::to_string(m.month) + "/" + std::to_string(m.year) +
                                                   ": số lượt đi cơ sở nhiều hơn số chi bộ."});
                    break;
                }
                seen.insert({a->id.value, pick->cell->cell.value, m.Key()});
                const bool first = reached[pick->cell->cell.value] == 0;
                ++reached[pick->cell->cell.value];
                plan.visits.push_back({{},
                                       {},
                                       a->id,
                                       pick->cell->cell,
                                       VisitKind::kGrassroots,
                                       m.year,
                                       m.month,
                                       std::nullopt,
                                       0,
                                       first ? "Lượt đầu tiên của cấp ủy trong kỳ. " + ReasonText(pick->priority)
                                             : ReasonText(pick->priority)});
            }
        }
    }

    for (const Ranked& r : ranked)
        if (reached[r.cell->cell.value] == 0) plan.uncovered.push_back(r.cell->cell);
    std::sort(plan.visits.begin(), plan.visits.end(), [](const PlannedVisit& a, const PlannedVisit& b) {
        return std::tie(a.year, a.month, a.attendant, a.kind, a.cell) <
               std::tie(b.year, b.month, b.attendant, b.kind, b.cell);
    });
    return plan;
}

base::Result<void> CheckDuty(const VisitDuty& duty) {
    if (duty.visits_per_month < 0 || duty.visits_per_month > 10)
        return MakeError(ErrorCode::kInvalidArgument, "Số lần đi cơ sở mỗi tháng phải từ 0 đến 10.",
                         "visits_per_month");
    if (duty.meetings_per_quarter < 0 || duty.meetings_per_quarter > 12)
        return MakeError(ErrorCode::kInvalidArgument, "Số buổi dự sinh hoạt mỗi quý phải từ 0 đến 12.",
                         "meetings_per_quarter");
    if (duty.report_days < 1 || duty.report_days > 30)
        return MakeError(ErrorCode::kInvalidArgument, "Hạn báo cáo phải từ 1 đến 30 ngày sau khi dự.", "report_days");
    return {};
}

bool Attendant::ActiveIn(int year, int month) const {
    const auto first = base::Date::FromYmd(year, month, 1);
    const auto next = base::Date::FromYmd(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1);
    if (!first || !next) return false;
    const base::Date last = next->AddDays(-1);
    return term_start <= last && (!term_end || *term_end >= *first);
}

bool TermsOverlap(const Attendant& a, const Attendant& b) {
    const bool a_before_b = a.term_end && *a.term_end < b.term_start;
    const bool b_before_a = b.term_end && *b.term_end < a.term_start;
    return !a_before_b && !b_before_a;
}

std::string_view ToCode(VisitKind kind) {
    return CodeOf(kKindCodes, kind);
}

std::optional<VisitKind> VisitKindFromCode(std::string_view code) {
    return FromCode(kKindCodes, code);
}

std::string_view ToCode(PlanState state) {
    return CodeOf(kPlanStateCodes, state);
}

std::optional<PlanState> PlanStateFromCode(std::string_view code) {
    return FromCode(kPlanStateCodes, code);
}

std::string_view ToCode(PetitionField field) {
    return CodeOf(kFieldCodes, field);
}

std::optional<PetitionField> PetitionFieldFromCode(std::string_view code) {
    return FromCode(kFieldCodes, code);
}

std::string_view Label(PetitionField field) {
    return CodeOf(kFieldLabels, field);
}

std::string_view ToCode(PetitionSource source) {
    return CodeOf(kSourceCodes, source);
}

std::optional<PetitionSource> PetitionSourceFromCode(std::string_view code) {
    return FromCode(kSourceCodes, code);
}

bool StoredVisitPlan::Covers(int year, int month) const {
    const int key = MonthNumber(year, month);
    return MonthNumber(from_year, from_month) <= key && key <= MonthNumber(to_year, to_month);
}

base::Result<void> CheckPlanPeriod(int from_year, int from_month, int to_year, int to_month) {
    for (auto [y, m, field] : {std::tuple{from_year, from_month, "from"}, std::tuple{to_year, to_month, "to"}})
        if (y < 2000 || y > 2100 || m < 1 || m > 12)
            return MakeError(ErrorCode::kInvalidArgument, "Tháng không hợp lệ (YYYY-MM).", field);
    const int months = MonthNumber(to_year, to_month) - MonthNumber(from_year, from_month) + 1;
    if (months < 1) return MakeError(ErrorCode::kInvalidArgument, "Tháng cuối của kế hoạch phải sau tháng đầu.", "to");
    if (months > 60) return MakeError(ErrorCode::kInvalidArgument, "Kế hoạch dài nhất 60 tháng (một nhiệm kỳ).", "to");
    return {};
}

base::Result<void> CheckPetitionDeadline(base::Date raised_on, base::Date deadline) {
    if (deadline < raised_on)
        return MakeError(ErrorCode::kInvalidArgument, "Hạn trả lời không được trước ngày nêu kiến nghị.", "deadline");
    if (deadline > raised_on.AddYears(1))
        return MakeError(ErrorCode::kInvalidArgument, "Hạn trả lời không quá một năm sau ngày nêu kiến nghị.",
                         "deadline");
    return {};
}

ReportState ReportStateOf(base::Date attended_on, const std::optional<base::Date>& filed_on, int report_days,
                          base::Date today) {
    if (filed_on)
        return VisitReportLate(attended_on, *filed_on, report_days) ? ReportState::kLate : ReportState::kOnTime;
    return today > VisitReportDue(attended_on, report_days) ? ReportState::kMissing : ReportState::kPending;
}

PersonPractice& PersonPractice::operator+=(const PersonPractice& o) {
    grassroots += o.grassroots;
    grassroots_expected += o.grassroots_expected;
    meetings += o.meetings;
    meetings_expected += o.meetings_expected;
    planned += o.planned;
    on_time += o.on_time;
    late += o.late;
    missing += o.missing;
    pending += o.pending;
    return *this;
}

Practice PracticeOf(std::span<const Attendant> attendants, std::span<const OrganizationId> cells,
                    std::span<const VisitDone> done, std::span<const PlannedVisit> planned, int from_year,
                    int from_month, int to_year, int to_month, base::Date today) {
    const int first = MonthNumber(from_year, from_month);
    const int last = MonthNumber(to_year, to_month);
    const int now = MonthOf(today);
    auto in_period = [&](int year, int month) {
        const int key = MonthNumber(year, month);
        return first <= key && key <= last;
    };
    Practice out;
    std::map<std::int64_t, std::size_t> index;
    for (const Attendant& a : attendants) {
        index[a.id.value] = out.people.size();
        PersonPractice p;
        p.attendant = a.id;
        std::set<int> quarters;
        for (int key = first; key <= std::min(last, now); ++key) {
            if (!a.ActiveIn(YearOfMonth(key), MonthOfYear(key))) continue;
            p.grassroots_expected += a.duty.visits_per_month;
            quarters.insert(key / 3);
        }
        p.meetings_expected = static_cast<int>(quarters.size()) * a.duty.meetings_per_quarter;
        out.people.push_back(p);
    }
    for (const PlannedVisit& v : planned) {
        auto it = index.find(v.attendant.value);
        if (it != index.end() && in_period(v.year, v.month)) ++out.people[it->second].planned;
    }
    struct CellSeen {
        bool visited = false;
        bool only_good = true;
    };
    std::map<std::int64_t, CellSeen> seen;
    for (const VisitDone& d : done) {
        if (!in_period(d.on.year(), d.on.month())) continue;
        CellSeen& c = seen[d.cell.value];
        c.visited = true;
        if (d.kind != VisitKind::kMeeting || d.level != QualityLevel::kGood) c.only_good = false;
        auto it = index.find(d.attendant.value);
        if (it == index.end()) continue;
        PersonPractice& p = out.people[it->second];
        (d.kind == VisitKind::kMeeting ? p.meetings : p.grassroots) += 1;
        switch (ReportStateOf(d.on, d.reported_on, d.report_days, today)) {
            case ReportState::kOnTime:
                ++p.on_time;
                break;
            case ReportState::kLate:
                ++p.late;
                break;
            case ReportState::kMissing:
                ++p.missing;
                break;
            case ReportState::kPending:
                ++p.pending;
                break;
        }
    }
    out.coverage.cells = static_cast<int>(cells.size());
    for (OrganizationId cell : cells) {
        auto it = seen.find(cell.value);
        if (it == seen.end()) {
            out.coverage.never_visited.push_back(cell);
            continue;
        }
        ++out.coverage.visited;
        if (it->second.only_good) out.coverage.only_good.push_back(cell);
    }
    return out;
}

base::Date VisitReportDue(base::Date attended_on, int report_days) {
    return attended_on.AddDays(report_days);
}

bool VisitReportLate(base::Date attended_on, base::Date filed_on, int report_days) {
    return filed_on > VisitReportDue(attended_on, report_days);
}

bool PetitionOverdue(base::Date deadline, const std::optional<base::Date>& answered_on, base::Date today) {
    return !answered_on && today > deadline;
}

}  // namespace chibo::domain
