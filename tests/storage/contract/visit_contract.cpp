#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/store.hpp"
#include "domain/visit_repository.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;

struct World {
    Tree t;
    Member member;
    Attendant attendant;
    Meeting held;  // cell_a, March 2026, attended by `attendant`.
};

World MakeWorld(Store& store) {
    World w{MakeTree(store), {}, {}, {}};
    Write(store, [&](Repositories& r) {
        w.member = r.members().Insert(Mem(w.t.cell_a.id, "Nguyễn Văn Ủy"));
        Attendant a;
        a.organization = w.t.commune.id;
        a.member = w.member.id;
        a.role = "Ủy viên Ban Thường vụ";
        a.term_start = D(2025, 7, 15);
        a.duty.report_days = 4;
        w.attendant = r.visits().InsertAttendant(a);
        Meeting m;
        m.organization = w.t.cell_a.id;
        m.kind = MeetingKind::kRegular;
        m.year = 2026;
        m.month = 3;
        m.date = D(2026, 3, 3);
        m.start_minutes = 14 * 60;
        m = r.meetings().Insert(m);
        m.state = MeetingState::kHeld;
        m.record.superior_attended = true;
        m.record.superior_attendant = w.attendant.id;
        r.meetings().Update(m);
        r.records().SaveAttendance(
            m.id, {{w.member.id, w.member.full_name, MemberStatus::kOfficial, Presence::kPresent, ""}});
        w.held = m;
    });
    return w;
}

TEST_P(StoreContract, AttendantsRoundTripWithTheirMembersNames) {
    const World w = MakeWorld(store());
    Attendant changed = w.attendant;
    changed.term_end = D(2030, 7, 14);
    changed.duty.visits_per_month = 2;
    Write(store(), [&](Repositories& r) { r.visits().UpdateAttendant(changed); });
    Read(store(), [&](Repositories& r) {
        const auto got = r.visits().GetAttendant(w.attendant.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->name, "Nguyễn Văn Ủy");
        EXPECT_EQ(got->role, "Ủy viên Ban Thường vụ");
        EXPECT_EQ(got->term_start, D(2025, 7, 15));
        EXPECT_EQ(got->term_end, D(2030, 7, 14));
        EXPECT_EQ(got->duty.visits_per_month, 2);
        EXPECT_EQ(got->duty.report_days, 4);
        EXPECT_EQ(r.visits().AttendantsOf(w.t.commune.id).size(), 1U);
        EXPECT_EQ(r.visits().AttendantsOfMember(w.member.id).size(), 1U);
        EXPECT_EQ(r.visits().AttendantsOfAny({w.t.province.id, w.t.commune.id}).size(), 1U);
        EXPECT_TRUE(r.visits().AttendantsOfAny({w.t.other_commune.id}).empty());
        // The meeting keeps the person linked.
        EXPECT_EQ(r.meetings().Get(w.held.id)->record.superior_attendant, w.attendant.id);
    });
}

TEST_P(StoreContract, PlansKeepTheirVisitsAndReasonsAndOnlyPublishedOnesShow) {
    const World w = MakeWorld(store());
    StoredVisitPlan plan;
    plan.organization = w.t.commune.id;
    plan.title = "Kế hoạch năm 2026";
    plan.from_year = 2026;
    plan.from_month = 1;
    plan.to_year = 2026;
    plan.to_month = 12;
    plan.created_by = "xa.hoaan";
    plan.created_at = 100;
    PlannedVisit visit;
    Write(store(), [&](Repositories& r) {
        plan = r.visits().InsertPlan(plan);
        visit.plan = plan.id;
        visit.attendant = w.attendant.id;
        visit.cell = w.t.cell_b.id;
        visit.kind = VisitKind::kMeeting;
        visit.year = 2026;
        visit.month = 12;
        visit.date = D(2026, 12, 3);
        visit.start_minutes = 14 * 60;
        visit.reason = "Ưu tiên: chưa được dự";
        visit = r.visits().InsertVisit(visit);
        PlannedVisit grassroots = visit;
        grassroots.kind = VisitKind::kGrassroots;
        grassroots.cell = w.t.cell_a.id;
        grassroots.month = 1;
        grassroots.date.reset();
        r.visits().InsertVisit(grassroots);
        r.visits().SavePlanCells(plan.id,
                                 {{w.t.cell_b.id, 5, {"Kém ở lần gần nhất", "Chưa được dự"}}, {w.t.cell_a.id, 0, {}}});
    });
    Read(store(), [&](Repositories& r) {
        const auto got = r.visits().GetPlan(plan.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->visit_count, 2);
        EXPECT_EQ(got->state, PlanState::kDraft);
        EXPECT_EQ(got->to_month, 12);
        const auto visits = r.visits().VisitsOf(plan.id);
        ASSERT_EQ(visits.size(), 2U);
        EXPECT_EQ(visits[0].kind, VisitKind::kGrassroots);  // January first.
        EXPECT_FALSE(visits[0].date.has_value());
        EXPECT_EQ(visits[1].date, D(2026, 12, 3));
        EXPECT_EQ(visits[1].start_minutes, 14 * 60);
        EXPECT_EQ(visits[1].reason, "Ưu tiên: chưa được dự");
        const auto cells = r.visits().PlanCells(plan.id);
        ASSERT_EQ(cells.size(), 2U);
        EXPECT_EQ(cells[0].cell, w.t.cell_b.id);
        EXPECT_EQ(cells[0].reasons, (std::vector<std::string>{"Kém ở lần gần nhất", "Chưa được dự"}));
        EXPECT_TRUE(r.visits().PublishedVisitsIn(w.t.commune.path, 0, 2100 * 12).empty()) << "a draft";
    });
    plan.state = PlanState::kPublished;
    plan.published_by = "xa.hoaan";
    plan.published_at = 200;
    Write(store(), [&](Repositories& r) { r.visits().UpdatePlan(plan); });
    Read(store(), [&](Repositories& r) {
        EXPECT_EQ(r.visits().PublishedVisitsIn(w.t.cell_b.path, 2026 * 12 + 11, 2026 * 12 + 11).size(), 1U);
        EXPECT_TRUE(r.visits().PublishedVisitsIn(w.t.other_commune.path, 0, 2100 * 12).empty());
        EXPECT_EQ(r.visits().PublishedVisitsOf({w.attendant.id}, 2026 * 12, 2026 * 12 + 11).size(), 2U);
        EXPECT_EQ(r.visits().GetPlan(plan.id)->published_at, 200);
    });
    Write(store(), [&](Repositories& r) { r.visits().DeletePlan(plan.id); });
    Read(store(), [&](Repositories& r) {
        EXPECT_FALSE(r.visits().GetPlan(plan.id).has_value());
        EXPECT_TRUE(r.visits().VisitsOf(plan.id).empty());
    });
}

TEST_P(StoreContract, ReportsAndPetitionsAreFoundUpTheTree) {
    const World w = MakeWorld(store());
    VisitReport report;
    report.attendant = w.attendant.id;
    report.committee = w.t.commune.id;
    report.cell = w.t.cell_a.id;
    report.meeting = w.held.id;
    report.visited_on = w.held.date;
    report.report_days = 4;
    report.filed_at = 1000;
    report.filed_on = D(2026, 3, 9);
    report.observations = "Sinh hoạt đúng giờ.\nĐảng viên phát biểu sôi nổi.";
    report.created_by = "uyvien";
    Petition petition;
    Write(store(), [&](Repositories& r) {
        report = r.visits().InsertReport(report);
        petition.report = report.id;
        petition.cell = w.t.cell_a.id;
        petition.field = PetitionField::kLand;
        petition.source = PetitionSource::kResident;
        petition.content = "Đề nghị cấp giấy chứng nhận quyền sử dụng đất.";
        petition.owner = w.t.commune.id;
        petition.owner_name = "Ủy ban nhân dân xã";
        petition.raised_on = w.held.date;
        petition.deadline = D(2026, 4, 3);
        petition = r.visits().InsertPetition(petition);
    });
    petition.answer = "Đã cấp cho 5 hộ.";
    petition.answered_by = "Văn phòng Đảng ủy";
    petition.answered_on = D(2026, 3, 20);
    Write(store(), [&](Repositories& r) { r.visits().SaveAnswer(petition); });
    Read(store(), [&](Repositories& r) {
        const auto got = r.visits().ReportOnMeeting(w.attendant.id, w.held.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->observations, report.observations);
        EXPECT_EQ(got->filed_on, D(2026, 3, 9));
        EXPECT_EQ(got->report_days, 4);
        EXPECT_EQ(r.visits().ReportsIn(w.t.province.path, D(2026, 1, 1), D(2026, 12, 31)).size(), 1U);
        EXPECT_TRUE(r.visits().ReportsIn(w.t.cell_b.path, D(2026, 1, 1), D(2026, 12, 31)).empty());
        EXPECT_EQ(r.visits().ReportsOf({w.attendant.id}, D(2026, 3, 3), D(2026, 3, 3)).size(), 1U);
        const auto petitions = r.visits().PetitionsIn(w.t.province.path, D(2026, 1, 1), D(2026, 12, 31));
        ASSERT_EQ(petitions.size(), 1U);
        EXPECT_EQ(petitions[0].answer, "Đã cấp cho 5 hộ.");
        EXPECT_EQ(petitions[0].answered_on, D(2026, 3, 20));
        EXPECT_EQ(petitions[0].field, PetitionField::kLand);
        EXPECT_EQ(r.visits().PetitionsOfReport(report.id).size(), 1U);
        EXPECT_TRUE(r.visits().PetitionsIn(w.t.other_commune.path, D(2026, 1, 1), D(2026, 12, 31)).empty());
        const auto attended = r.visits().AttendedIn(w.t.commune.path, D(2026, 1, 1), D(2026, 12, 31));
        ASSERT_EQ(attended.size(), 1U);
        EXPECT_EQ(attended[0].attendant, w.attendant.id);
        EXPECT_FALSE(attended[0].level.has_value()) << "not scored";
        const auto records = r.visits().CellRecords(w.t.commune.path, D(2026, 1, 1), D(2026, 12, 31));
        ASSERT_EQ(records.count(w.t.cell_a.id.value), 1U);
        const CellRecordSummary& a = records.at(w.t.cell_a.id.value);
        EXPECT_EQ(a.regular_months_held, 1);
        EXPECT_EQ(a.expected, 1);
        EXPECT_EQ(a.present, 1);
        EXPECT_EQ(a.last_visit, D(2026, 3, 3));
    });
}

}  // namespace
}  // namespace chibo::tests
