// The demo's committee visits (issue 17): Hòa An's standing committee and one of its staff attend the cells by
// the published plans of last year and this year; the months gone by have their meetings attended and reported (one
// report late, one missing) and petitions raised (one answered, one open, one overdue).
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "app/demo.hpp"
#include "app/meeting_detail.hpp"
#include "app/visit_service.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/meeting_rule.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/visit_repository.hpp"

namespace chibo::app {

using base::Date;
using namespace chibo::domain;

namespace {

constexpr std::array kRoles = {"Bí thư Đảng ủy xã",
                               "Phó Bí thư Thường trực Đảng ủy xã",
                               "Ủy viên Ban Thường vụ Đảng ủy xã",
                               "Ủy viên Ban Thường vụ, Trưởng Ban Xây dựng Đảng",
                               "Ủy viên Ban Thường vụ, Chủ tịch Ủy ban Mặt trận Tổ quốc xã",
                               "Chuyên viên Văn phòng Đảng ủy xã"};

constexpr std::array kMeetingNotes = {
    "Chi bộ chuẩn bị nội dung chu đáo, đúng hướng dẫn; đảng viên phát biểu sôi nổi, tập trung vào việc của thôn.",
    "Sinh hoạt đúng giờ, đủ các bước; ý kiến còn ít, chủ yếu của chi ủy. Đề nghị phân công trước người phát biểu.",
    "Nghị quyết có việc làm cụ thể, giao người, giao hạn rõ ràng; cần kiểm điểm việc tháng trước kỹ hơn.",
    "Thời gian sinh hoạt còn ngắn; tài liệu gửi đảng viên chậm. Đã nhắc chi bộ rút kinh nghiệm.",
};

constexpr std::array kGrassrootsNotes = {
    "Nắm tình hình sản xuất vụ mùa và việc thu gom rác ở các xóm; nhân dân đồng tình với chủ trương của xã.",
    "Làm việc với chi ủy về công tác phát triển đảng viên; thôn có 2 quần chúng ưu tú đang được bồi dưỡng.",
    "Kiểm tra tuyến đường liên thôn đang làm; một số hộ chưa đồng thuận hiến đất, chi bộ đang vận động.",
};

std::int64_t At(Date day, int hour) {
    return base::VietnamInstant(day, hour * 60);
}

}  // namespace

std::optional<MemberId> AddDemoVisits(Repositories& repos, OrganizationId hoa_an, OrganizationId thon_dong,
                                      Date today) {
    const Organization commune = *repos.organizations().Get(hoa_an);
    std::optional<Organization> agency;
    for (const Organization& o : repos.organizations().Subtree(commune.path, Dissolved::kExclude))
        if (o.name == "Chi bộ Cơ quan Đảng ủy - Ủy ban") agency = o;
    if (!agency) return std::nullopt;
    std::vector<Member> staff;
    for (const Member& m : repos.members().RollOn(agency->id, today))
        if (m.status == MemberStatus::kOfficial) staff.push_back(m);
    if (staff.size() < kRoles.size()) return std::nullopt;

    const Date term_start = std::min(*Date::FromYmd(2025, 7, 15), today.AddDays(-400));
    std::vector<Attendant> people;
    for (std::size_t i = 0; i < kRoles.size(); ++i) {
        Attendant a;
        a.organization = hoa_an;
        a.member = staff[i].id;
        a.name = staff[i].full_name;
        a.role = kRoles[i];
        a.term_start = term_start;
        people.push_back(repos.visits().InsertAttendant(a));
    }
    const Attendant& uyvien = people[2];

    // Last year's plan and this year's, both published: the months gone by have a history whatever today is.
    const int year = today.year();
    std::vector<VisitPlanId> plans;
    for (int y : {year - 1, year}) {
        StoredVisitPlan p =
            CreatePlan(repos, commune, {y, 1, y, 12, "Kế hoạch dự sinh hoạt chi bộ năm " + std::to_string(y)}, people,
                       "xa.hoaan", At(*Date::FromYmd(y, 1, 1), 8) - std::int64_t{86400} * 10, today);
        p.state = PlanState::kPublished;
        p.published_by = "xa.hoaan";
        p.published_at = p.created_at + std::int64_t{86400} * 2;
        repos.visits().UpdatePlan(p);
        plans.push_back(p.id);
    }
    const StoredVisitPlan plan = *repos.visits().GetPlan(plans.back());

    // The committee member who signs in as uyvien.hoaan attends Thôn Đông's meeting this month.
    std::vector<PlannedVisit> visits = repos.visits().VisitsOf(plan.id);
    auto find = [&](auto pred) -> PlannedVisit* {
        for (PlannedVisit& v : visits)
            if (v.kind == VisitKind::kMeeting && v.year == year && v.month == today.month() && pred(v)) return &v;
        return nullptr;
    };
    PlannedVisit* to_cell = find([&](const PlannedVisit& v) { return v.cell == thon_dong; });
    PlannedVisit* mine = find([&](const PlannedVisit& v) { return v.attendant == uyvien.id; });
    if (to_cell && to_cell->attendant != uyvien.id) {
        if (mine) {
            mine->attendant = to_cell->attendant;
            repos.visits().UpdateVisit(*mine);
        }
        to_cell->attendant = uyvien.id;
        repos.visits().UpdateVisit(*to_cell);
    } else if (!to_cell) {
        const Organization cell = *repos.organizations().Get(thon_dong);
        PlannedVisit v = mine ? *mine : PlannedVisit{};
        v.plan = plan.id;
        v.attendant = uyvien.id;
        v.cell = thon_dong;
        v.kind = VisitKind::kMeeting;
        v.year = year;
        v.month = today.month();
        v.reason = "Cấp ủy phân công theo dõi chi bộ có đông đảng viên.";
        for (const ExpectedMeeting& e :
             ExpectedMeetings(BuildRule(repos, cell).effective, year, v.month, year, v.month))
            if (e.kind == MeetingKind::kRegular) {
                v.date = e.date;
                v.start_minutes = e.start_minutes;
            }
        if (mine)
            repos.visits().UpdateVisit(v);
        else
            repos.visits().InsertVisit(v);
    }

    // The months gone by: meetings attended and reported, grassroots visits reported.
    struct Done {
        Meeting meeting;
        AttendantId attendant;
    };
    std::vector<Done> attended;
    int note = 0;
    std::vector<VisitReport> grassroots;
    std::vector<PlannedVisit> gone_by;
    for (VisitPlanId id : plans)
        for (const PlannedVisit& v : repos.visits().VisitsOf(id))
            if (v.year * 12 + v.month < today.year() * 12 + today.month()) gone_by.push_back(v);
    for (const PlannedVisit& v : gone_by) {
        if (v.kind == VisitKind::kMeeting) {
            auto m = repos.meetings().Find(v.cell, MeetingKind::kRegular, v.year, v.month);
            if (!m || !Held(m->state)) continue;
            m->record.superior_attendant = v.attendant;
            m->record.superior_attended = true;
            repos.meetings().Update(*m);
            attended.push_back({*m, v.attendant});
            continue;
        }
        if (++note % 5 == 0) continue;  // Not every visit of the plan was made.
        VisitReport r;
        r.attendant = v.attendant;
        r.committee = hoa_an;
        r.cell = v.cell;
        r.kind = VisitKind::kGrassroots;
        r.visited_on = *Date::FromYmd(v.year, v.month, 8 + note % 15);
        r.filed_on = r.visited_on.AddDays(1);
        r.filed_at = At(r.filed_on, 16);
        r.observations = kGrassrootsNotes[static_cast<std::size_t>(note) % kGrassrootsNotes.size()];
        r.created_by = "xa.hoaan";
        grassroots.push_back(repos.visits().InsertReport(r));
    }
    std::sort(attended.begin(), attended.end(),
              [](const Done& a, const Done& b) { return a.meeting.date < b.meeting.date; });
    // The latest meeting whose report is overdue is not reported (missing), the one before it late; those whose
    // five days are not over yet wait for their report.
    std::size_t missing = attended.size();
    for (std::size_t i = 0; i < attended.size(); ++i)
        if (VisitReportDue(attended[i].meeting.date, VisitDuty{}.report_days) < today) missing = i;
    std::vector<VisitReport> reports;
    for (std::size_t i = 0; i < attended.size(); ++i) {
        const Done& d = attended[i];
        if (i >= missing) break;
        VisitReport r;
        r.attendant = d.attendant;
        r.committee = hoa_an;
        r.cell = d.meeting.organization;
        r.kind = VisitKind::kMeeting;
        r.meeting = d.meeting.id;
        r.visited_on = d.meeting.date;
        r.filed_on = i + 1 == missing ? std::min(d.meeting.date.AddDays(8), today)
                                      : d.meeting.date.AddDays(static_cast<int>(1 + i % 4));
        r.filed_at = At(r.filed_on, 20);
        r.observations = kMeetingNotes[i % kMeetingNotes.size()];
        r.members_situation = "Đảng viên chấp hành tốt quy định nơi cư trú; một đồng chí ốm dài ngày.";
        r.created_by = "xa.hoaan";
        reports.push_back(repos.visits().InsertReport(r));
    }
    // Petitions: the oldest answered, one from two months ago overdue, the late report's still open.
    auto petition = [&](const VisitReport& r, PetitionField field, PetitionSource source, const std::string& by,
                        const std::string& content, Date deadline) {
        Petition p;
        p.report = r.id;
        p.cell = r.cell;
        p.field = field;
        p.source = source;
        p.raised_by = by;
        p.content = content;
        p.owner = hoa_an;
        p.owner_name = "Ủy ban nhân dân xã";
        p.raised_on = r.visited_on;
        p.deadline = deadline;
        return repos.visits().InsertPetition(p);
    };
    if (reports.size() >= 3) {
        const VisitReport& oldest = reports.front();
        Petition answered =
            petition(oldest, PetitionField::kInfrastructure, PetitionSource::kResident, "Nhân dân xóm Giữa",
                     "Đề nghị sửa cống thoát nước bị vỡ trên đường liên xóm.", oldest.visited_on.AddDays(30));
        answered.answer = "Ủy ban nhân dân xã đã đưa vào kế hoạch sửa chữa, thi công xong trong tháng tới.";
        answered.answered_by = "Văn phòng Đảng ủy xã Hòa An";
        answered.answered_on = oldest.visited_on.AddDays(12);
        repos.visits().SaveAnswer(answered);
        const VisitReport* older = nullptr;
        for (const VisitReport& r : reports)
            if (r.visited_on <= today.AddDays(-45)) older = &r;
        if (older && older != &oldest)
            petition(*older, PetitionField::kLand, PetitionSource::kMember, "",
                     "Đề nghị xã sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ ở khu tái định cư.",
                     older->visited_on.AddDays(30));
        const VisitReport& late = reports.back();
        petition(late, PetitionField::kSocialPolicy, PetitionSource::kMember, "",
                 "Đề nghị xem xét hỗ trợ hộ cận nghèo có người ốm dài ngày.",
                 std::max(late.visited_on, today.AddDays(20)));
    }
    return uyvien.member;
}

}  // namespace chibo::app
