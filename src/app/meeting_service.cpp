#include "app/meeting_service.hpp"

#include <algorithm>

#include "app/meeting_detail.hpp"
#include "app/organization_service.hpp"
#include "base/text.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/store.hpp"

namespace chibo::app {

using base::Date;
using base::ErrorCode;
using base::MakeError;
using base::Result;
using namespace chibo::domain;

namespace {

// The meeting the rule expects of a cell in one month, if any.
std::optional<Meeting> Expected(const MeetingRule& rule, OrganizationId cell, MeetingKind kind, int year, int month) {
    for (const ExpectedMeeting& e : ExpectedMeetings(rule, year, month, year, month)) {
        if (e.kind != kind) continue;
        Meeting m;
        m.organization = cell;
        m.kind = kind;
        m.year = year;
        m.month = month;
        m.date = e.date;
        m.start_minutes = e.start_minutes;
        // HD 42: 90 minutes alone, 120 for a regular and a thematic meeting held in one session.
        m.min_minutes = rule.min_minutes;
        m.combined_min_minutes = rule.combined_min_minutes;
        m.shifted = e.shifted;
        return m;
    }
    return std::nullopt;
}

}  // namespace

RuleView BuildRule(Repositories& repos, const Organization& org) {
    RuleView view;
    std::vector<MeetingRuleOverride> chain;
    for (OrganizationId id : PathIds(org.path)) {
        auto rule = repos.meetings().RuleOf(id);
        if (!rule) continue;
        chain.push_back(*rule);
        if (id == org.id) {
            view.own = *rule;
        } else if (auto ancestor = repos.organizations().Get(id)) {
            view.sources.push_back({*ancestor, *rule});
        }
    }
    view.effective = EffectiveRule(chain);
    return view;
}

Result<Organization> VisibleCell(Repositories& repos, const Actor& actor, OrganizationId id) {
    CHIBO_TRY_ASSIGN(Organization org, VisibleOrganization(repos, actor, id));
    if (!IsCell(org.kind)) return MakeError(ErrorCode::kInvalidArgument, "Lịch sinh hoạt chỉ có ở chi bộ.");
    return org;
}

Result<std::pair<Meeting, Organization>> VisibleMeeting(Repositories& repos, const Actor& actor, MeetingId id) {
    auto meeting = repos.meetings().Get(id);
    if (!meeting) return NotFound("cuộc họp");
    auto cell = repos.organizations().Get(meeting->organization);
    if (!cell || !actor.CanSeeOrganization(cell->path)) return NotFound("cuộc họp");
    // A plain member sees the meetings of their cell once they are notified of them.
    if (!actor.CanReadMembers(cell->path) && !meeting->notified_at) return NotFound("cuộc họp");
    return std::pair{*meeting, *cell};
}

Result<RuleView> MeetingService::GetRule(const Actor& actor, OrganizationId organization) {
    return ReadValue<RuleView>(store_, [&](Repositories& repos) -> Result<RuleView> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        return BuildRule(repos, org);
    });
}

Result<RuleView> MeetingService::SaveRule(const Actor& actor, OrganizationId organization,
                                          const MeetingRuleOverride& rule) {
    CHIBO_TRY(ValidateRuleOverride(rule));
    return WriteValue<RuleView>(store_, [&](Repositories& repos) -> Result<RuleView> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanWrite(org.path)) return Forbidden();
        if (org.kind == OrganizationKind::kPartyGroup)
            return MakeError(ErrorCode::kInvalidArgument, "Tổ đảng sinh hoạt theo lịch của chi bộ.");
        const auto before = repos.meetings().RuleOf(org.id);
        repos.meetings().SaveRule(org.id, rule);
        // The rule in force must be consistent after inheritance, not only in this organisation's own
        // fields: e.g. a longer regular minimum here with a combined minimum inherited from above.
        RuleView after = BuildRule(repos, org);
        if (after.effective.combined_min_minutes < after.effective.min_minutes)
            return MakeError(ErrorCode::kInvalidArgument,
                             "Thời lượng khi sinh hoạt kết hợp (" +
                                 std::to_string(after.effective.combined_min_minutes) +
                                 " phút) không được ngắn hơn sinh hoạt thường kỳ (" +
                                 std::to_string(after.effective.min_minutes) + " phút).",
                             "combined_min_minutes");
        RecordAudit(repos, clock_, actor, "meeting_rule.update", "organization", org.id.value, &org,
                    before ? std::optional<Snapshot>(Describe(*before)) : std::nullopt, Describe(rule));
        return after;
    });
}

Result<std::vector<CalendarEntry>> MeetingService::Calendar(const Actor& actor, OrganizationId cell_id, int year) {
    if (year < 2000 || year > 2100) return MakeError(ErrorCode::kInvalidArgument, "Năm không hợp lệ.", "year");
    return ReadValue<std::vector<CalendarEntry>>(
        store_, [&](Repositories& repos) -> Result<std::vector<CalendarEntry>> {
            CHIBO_TRY_ASSIGN(const Organization cell, VisibleCell(repos, actor, cell_id));
            const MeetingRule rule = BuildRule(repos, cell).effective;
            const DueMonths due = DueMonthsOf(cell.valid_from, cell.valid_to);
            const auto stored = repos.meetings().ForYear(cell.id, year);
            std::vector<CalendarEntry> out;
            for (int month = 1; month <= 12; ++month) {
                for (MeetingKind kind : {MeetingKind::kRegular, MeetingKind::kThematic}) {
                    auto it = std::find_if(stored.begin(), stored.end(),
                                           [&](const Meeting& m) { return m.kind == kind && m.month == month; });
                    if (it != stored.end()) {
                        out.push_back({it->id, *it});
                    } else if (!due.Owes(year, month)) {
                        continue;  // Before the cell's founding or after its merge: nothing expected.
                    } else if (auto expected = Expected(rule, cell.id, kind, year, month)) {
                        out.push_back({std::nullopt, *expected});
                    }
                }
            }
            std::stable_sort(out.begin(), out.end(), [](const CalendarEntry& a, const CalendarEntry& b) {
                return a.meeting.date < b.meeting.date;
            });
            return out;
        });
}

Result<MeetingView> MeetingService::Open(const Actor& actor, OrganizationId cell_id, MeetingKind kind, int year,
                                         int month) {
    if (month < 1 || month > 12) return MakeError(ErrorCode::kInvalidArgument, "Tháng phải từ 1 đến 12.", "month");
    const Date today = clock_.Today();
    const int ahead = (year - today.year()) * 12 + (month - today.month());
    if (ahead > kMonthsAhead)
        return MakeError(ErrorCode::kInvalidArgument, "Chỉ lập lịch họp trong vòng 12 tháng tới.", "month");
    if (year < 2000) return MakeError(ErrorCode::kInvalidArgument, "Năm không hợp lệ.", "year");
    return WriteValue<MeetingView>(store_, [&](Repositories& repos) -> Result<MeetingView> {
        CHIBO_TRY_ASSIGN(const Organization cell, VisibleCell(repos, actor, cell_id));
        if (!actor.CanWrite(cell.path)) return Forbidden();
        if (cell.dissolved()) return MakeError(ErrorCode::kConflict, "Chi bộ đã giải thể hoặc sáp nhập.");
        if (const auto last_day = base::Date::FromYmd(year, month, 1)->AddDays(31);
            *base::Date::FromYmd(last_day.year(), last_day.month(), 1) <= cell.valid_from)
            return MakeError(ErrorCode::kInvalidArgument,
                             "Chi bộ thành lập ngày " + cell.valid_from.ToVietnamese() + ", chưa có vào tháng " +
                                 std::to_string(month) + "/" + std::to_string(year) + ".",
                             "month");
        if (repos.meetings().Find(cell.id, kind, year, month))
            return MakeError(ErrorCode::kConflict, "Cuộc họp của tháng này đã được lập.", "month");
        const MeetingRule rule = BuildRule(repos, cell).effective;
        auto expected = Expected(rule, cell.id, kind, year, month);
        if (!expected)
            return MakeError(ErrorCode::kInvalidArgument,
                             "Theo quy định, tháng " + std::to_string(month) + " không có sinh hoạt chuyên đề.",
                             "month");
        const Meeting saved = repos.meetings().Insert(*expected);
        RecordAudit(repos, clock_, actor, "meeting.create", "meeting", saved.id.value, &cell, std::nullopt,
                    Describe(saved));
        return Detail(repos, actor, saved, cell, clock_.Today());
    });
}

Result<MeetingView> MeetingService::Get(const Actor& actor, MeetingId id) {
    return ReadValue<MeetingView>(store_, [&](Repositories& repos) -> Result<MeetingView> {
        CHIBO_TRY_ASSIGN(const auto found, VisibleMeeting(repos, actor, id));
        return Detail(repos, actor, found.first, found.second, clock_.Today());
    });
}

Result<MeetingView> MeetingService::ForDocuments(const Actor& actor, MeetingId id) {
    CHIBO_TRY_ASSIGN(MeetingView view, Get(actor, id));
    // Members read the minutes and the resolution once they are issued (finalised); until then only
    // those who write the record see the drafts.
    if (!view.can_write && !view.meeting.Locked())
        return base::MakeError(base::ErrorCode::kNotFound, "Văn bản chưa được ban hành.");
    return view;
}

Result<MeetingView> MeetingService::Move(const Actor& actor, MeetingId id, Date date, std::optional<int> start_minutes,
                                         const std::string& reason_in) {
    const std::string reason = base::NormalizeSpaces(reason_in);
    return WriteValue<MeetingView>(store_, [&](Repositories& repos) -> Result<MeetingView> {
        CHIBO_TRY_ASSIGN(const auto found, VisibleMeeting(repos, actor, id));
        const auto& [before, cell] = found;
        if (!actor.CanWrite(cell.path)) return Forbidden();
        const int start = start_minutes.value_or(before.start_minutes);
        CHIBO_TRY(ValidateMove(before, date, start, reason));
        Meeting after = before;
        after.date = date;
        after.start_minutes = start;
        after.moved_reason = reason;
        after.shifted = false;  // A date chosen by people, no longer the rule's weekend/holiday shift.
        repos.meetings().Update(after);
        RecordAudit(repos, clock_, actor, "meeting.move", "meeting", id.value, &cell, Describe(before),
                    Describe(after));
        return Detail(repos, actor, after, cell, clock_.Today());
    });
}

Result<MeetingView> MeetingService::Cancel(const Actor& actor, MeetingId id, const std::string& reason_in) {
    const std::string reason = base::NormalizeSpaces(reason_in);
    if (reason.empty()) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng ghi lý do hủy cuộc họp.", "reason");
    return WriteValue<MeetingView>(store_, [&](Repositories& repos) -> Result<MeetingView> {
        CHIBO_TRY_ASSIGN(const auto found, VisibleMeeting(repos, actor, id));
        const auto& [before, cell] = found;
        if (!actor.CanWrite(cell.path)) return Forbidden();
        CHIBO_TRY(CheckTransition(before.state, MeetingState::kCancelled));
        Meeting after = before;
        after.state = MeetingState::kCancelled;
        after.cancelled_reason = reason;
        repos.meetings().Update(after);
        RecordAudit(repos, clock_, actor, "meeting.cancel", "meeting", id.value, &cell, Describe(before),
                    Describe(after));
        return Detail(repos, actor, after, cell, clock_.Today());
    });
}

}  // namespace chibo::app
