#include "domain/meeting_rule.hpp"

namespace chibo::domain {

using base::Date;
using base::ErrorCode;
using base::MakeError;

base::Result<void> ValidateRuleOverride(const MeetingRuleOverride& rule) {
    if (rule.regular_day && (*rule.regular_day < 1 || *rule.regular_day > 28))
        return MakeError(ErrorCode::kInvalidArgument, "Ngày sinh hoạt phải từ 1 đến 28 (tháng nào cũng có).",
                         "regular_day");
    if (rule.start_minutes && (*rule.start_minutes < 6 * 60 || *rule.start_minutes > 21 * 60))
        return MakeError(ErrorCode::kInvalidArgument, "Giờ sinh hoạt phải trong khoảng 06:00 đến 21:00.", "start_time");
    if (rule.thematic_months) {
        if (rule.thematic_months->empty())
            return MakeError(ErrorCode::kInvalidArgument, "Cần ít nhất một tháng sinh hoạt chuyên đề.",
                             "thematic_months");
        for (int m : *rule.thematic_months) {
            if (m < 1 || m > 12)
                return MakeError(ErrorCode::kInvalidArgument, "Tháng phải từ 1 đến 12.", "thematic_months");
        }
        // At least once a quarter (HD 42): each quarter needs one of its months.
        for (int q = 0; q < 4; ++q) {
            bool found = false;
            for (int m = q * 3 + 1; m <= q * 3 + 3; ++m) found = found || rule.thematic_months->contains(m);
            if (!found)
                return MakeError(
                    ErrorCode::kInvalidArgument,
                    "Mỗi quý phải có ít nhất một tháng sinh hoạt chuyên đề (thiếu quý " + std::to_string(q + 1) + ").",
                    "thematic_months");
        }
    }
    if (rule.min_minutes && (*rule.min_minutes < 30 || *rule.min_minutes > 480))
        return MakeError(ErrorCode::kInvalidArgument, "Thời lượng tối thiểu phải từ 30 đến 480 phút.", "min_minutes");
    if (rule.combined_min_minutes && (*rule.combined_min_minutes < 30 || *rule.combined_min_minutes > 600))
        return MakeError(ErrorCode::kInvalidArgument, "Thời lượng khi sinh hoạt kết hợp phải từ 30 đến 600 phút.",
                         "combined_min_minutes");
    if (rule.min_minutes && rule.combined_min_minutes && *rule.combined_min_minutes < *rule.min_minutes)
        return MakeError(ErrorCode::kInvalidArgument,
                         "Thời lượng khi sinh hoạt kết hợp không được ngắn hơn sinh hoạt thường kỳ.",
                         "combined_min_minutes");
    return {};
}

MeetingRule EffectiveRule(std::span<const MeetingRuleOverride> chain) {
    MeetingRule rule;
    for (const MeetingRuleOverride& o : chain) {
        if (o.regular_day) rule.regular_day = *o.regular_day;
        if (o.start_minutes) rule.start_minutes = *o.start_minutes;
        if (o.thematic_months) rule.thematic_months = *o.thematic_months;
        if (o.min_minutes) rule.min_minutes = *o.min_minutes;
        if (o.combined_min_minutes) rule.combined_min_minutes = *o.combined_min_minutes;
        if (o.shift) rule.shift = *o.shift;
        rule.holidays.insert(o.holidays.begin(), o.holidays.end());
    }
    return rule;
}

std::set<Date> FixedPublicHolidays(int year) {
    std::set<Date> days;
    for (auto [m, d] : {std::pair{1, 1}, {4, 30}, {5, 1}, {9, 1}, {9, 2}}) {
        if (auto date = Date::FromYmd(year, m, d)) days.insert(*date);
    }
    return days;
}

bool IsWorkingDay(Date day, const MeetingRule& rule) {
    // 1970-01-01 was a Thursday; 0 = Monday … 6 = Sunday.
    const int weekday = ((day.days() % 7) + 7 + 3) % 7;
    if (weekday >= 5) return false;
    if (rule.holidays.contains(day)) return false;
    return !FixedPublicHolidays(day.year()).contains(day);
}

std::vector<ExpectedMeeting> ExpectedMeetings(const MeetingRule& rule, int from_year, int from_month, int to_year,
                                              int to_month) {
    std::vector<ExpectedMeeting> out;
    int year = from_year, month = from_month;
    while (year < to_year || (year == to_year && month <= to_month)) {
        const Date fixed = *Date::FromYmd(year, month, rule.regular_day);
        Date day = fixed;
        if (rule.shift != DayShift::kKeep) {
            const int step = rule.shift == DayShift::kNextWorkingDay ? 1 : -1;
            for (int guard = 0; guard < 15 && !IsWorkingDay(day, rule); ++guard) day = day.AddDays(step);
        }
        const bool thematic = rule.thematic_months.contains(month);
        ExpectedMeeting regular{MeetingKind::kRegular, year,        month, day, rule.start_minutes,
                                rule.min_minutes,      day != fixed};
        out.push_back(regular);
        if (thematic) {
            ExpectedMeeting t = regular;
            t.kind = MeetingKind::kThematic;
            out.push_back(t);
        }
        if (++month > 12) {
            month = 1;
            ++year;
        }
    }
    return out;
}

std::string_view ToCode(DayShift shift) {
    switch (shift) {
        case DayShift::kKeep:
            return "keep";
        case DayShift::kNextWorkingDay:
            return "next_working_day";
        case DayShift::kPreviousWorkingDay:
            return "previous_working_day";
    }
    return "keep";
}

std::optional<DayShift> DayShiftFromCode(std::string_view code) {
    for (DayShift s : {DayShift::kKeep, DayShift::kNextWorkingDay, DayShift::kPreviousWorkingDay})
        if (ToCode(s) == code) return s;
    return std::nullopt;
}

std::string_view ToCode(MeetingKind kind) {
    return kind == MeetingKind::kRegular ? "regular" : "thematic";
}

std::optional<MeetingKind> MeetingKindFromCode(std::string_view code) {
    for (MeetingKind k : {MeetingKind::kRegular, MeetingKind::kThematic})
        if (ToCode(k) == code) return k;
    return std::nullopt;
}

}  // namespace chibo::domain
