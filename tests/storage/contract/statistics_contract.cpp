#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/statistics.hpp"
#include "domain/statistics_queries.hpp"
#include "domain/store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

// The SQL baseline and the statistics engine read the same figures from the tables, past placements
// included: cell A moved from one commune to the other on 1 April, cell B stayed.
TEST_P(StoreContract, DashboardSqlAgreesWithTheEngineAcrossAMove) {
    const Tree t = MakeTree(store());
    const Date today = D(2026, 7, 15);
    std::vector<MeetingId> ids;
    Write(store(), [&](Repositories& r) {
        std::vector<Member> members;
        for (const char* name : {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"})
            members.push_back(r.members().Insert(Mem(t.cell_a.id, name)));
        members.push_back(r.members().Insert(Mem(t.cell_b.id, "Phạm Thị Dung")));
        for (const Organization* cell : {&t.cell_a, &t.cell_b})
            for (int month = 1; month <= 6; ++month) {
                if (cell == &t.cell_b && month == 4) continue;  // B missed April.
                for (MeetingKind kind : {MeetingKind::kRegular, MeetingKind::kThematic}) {
                    if (kind == MeetingKind::kThematic && month != 2 && !(cell == &t.cell_a && month == 5)) continue;
                    Meeting m;
                    m.organization = cell->id;
                    m.kind = kind;
                    m.year = 2026;
                    m.month = month;
                    m.date = D(2026, month, kind == MeetingKind::kRegular ? 3 : 20);
                    m.start_minutes = 14 * 60;
                    m.state = MeetingState::kHeld;
                    m.record.superior_attended = month == 3;
                    m = r.meetings().Insert(m);
                    ids.push_back(m.id);
                    std::vector<AttendanceRecord> roll;
                    for (const Member& member : members) {
                        if (member.organization != cell->id) continue;
                        AttendanceRecord a;
                        a.member = member.id;
                        a.member_name = member.full_name;
                        // Bình misses every regular meeting from March, unexcused: flagged.
                        a.presence = member.full_name == "Trần Thị Bình" && month >= 3 ? Presence::kUnexcused
                                                                                       : Presence::kPresent;
                        roll.push_back(a);
                    }
                    r.records().SaveAttendance(m.id, roll);
                }
            }
        // Levels: the cell's on an early meeting, then the superior's on a late one (two ranges below).
        for (const auto& [id, role, level] :
             {std::tuple{ids[1], ScorerRole::kCell, QualityLevel::kGood},
              std::tuple{ids[ids.size() - 2], ScorerRole::kCell, QualityLevel::kFair},
              std::tuple{ids[ids.size() - 2], ScorerRole::kSuperior, QualityLevel::kAverage}}) {
            MeetingScore score;
            score.meeting = id;
            score.role = role;
            score.level = level;
            score.scored_by = "xa";
            r.scores().InsertScore(score);
        }
        r.organizations().Move(t.cell_a.id, t.other_commune.id, D(2026, 4, 1));

        // The roll by date: An and Bình in A since 2020, Cường from 15/03 (a mid-year join), Dung in B.
        for (const Member& m : members) {
            const Date since = m.full_name == "Lê Văn Cường" ? D(2026, 3, 15) : D(2020, 1, 1);
            r.members().OpenMembership({MembershipId(), m.id, m.organization, since, std::nullopt, "Kết nạp"});
            r.members().RecordStatus({m.id, since, m.status});
        }
        // A merge: cell C (Em's) merged into B on 15/05. Em missed C's February and March meetings and B's
        // June one, unexcused: three in the year across the merge, flagged at B.
        Organization c = *r.organizations().Get(
            r.organizations().Insert(Org(t.commune.id, "Chi bộ Thôn Nam", OrganizationKind::kSubordinateCell)).id);
        c.valid_to = D(2026, 5, 15);
        c.merged_into = t.cell_b.id;
        r.organizations().Update(c);
        const Member em = r.members().Insert(Mem(t.cell_b.id, "Võ Văn Em"));
        r.members().OpenMembership({MembershipId(), em.id, c.id, D(2020, 1, 1), D(2026, 5, 15), "Kết nạp"});
        r.members().OpenMembership({MembershipId(), em.id, t.cell_b.id, D(2026, 5, 15), std::nullopt, "Sáp nhập"});
        r.members().RecordStatus({em.id, D(2020, 1, 1), MemberStatus::kOfficial});
        // Phúc in B works away from 01/02 with a letter from 10/02 to 15/06: away at B's June meeting (on the 3rd),
        // expected again (working away without a letter) at the end of June.
        const Member phuc = r.members().Insert(Mem(t.cell_b.id, "Hoàng Văn Phúc", MemberStatus::kWorkingAway));
        r.members().OpenMembership({MembershipId(), phuc.id, t.cell_b.id, D(2020, 1, 1), std::nullopt, "Kết nạp"});
        r.members().RecordStatus({phuc.id, D(2020, 1, 1), MemberStatus::kOfficial});
        r.members().RecordStatus({phuc.id, D(2026, 2, 1), MemberStatus::kWorkingAway});
        r.members().InsertLetter({TransferLetterId(), phuc.id, t.cell_b.id, "15-GGT/ĐU", "Chi bộ Khu phố 3",
                                  D(2026, 2, 10), D(2026, 6, 15), ""});
        const MeetingId b_june = ids.back();
        r.records().SaveAttendance(b_june,
                                   {{members[3].id, "Phạm Thị Dung", MemberStatus::kOfficial, Presence::kPresent, ""},
                                    {em.id, "Võ Văn Em", MemberStatus::kOfficial, Presence::kUnexcused, ""},
                                    {phuc.id, "Hoàng Văn Phúc", MemberStatus::kWorkingAway, Presence::kAway, "GGT"}});
        for (int month = 1; month <= 5; ++month) {
            Meeting m;
            m.organization = c.id;
            m.year = 2026;
            m.month = month;
            m.date = D(2026, month, 3);
            m.start_minutes = 14 * 60;
            m.state = MeetingState::kHeld;
            m = r.meetings().Insert(m);
            ids.push_back(m.id);
            r.records().SaveAttendance(m.id,
                                       {{em.id, "Võ Văn Em", MemberStatus::kOfficial,
                                         month == 2 || month == 3 ? Presence::kUnexcused : Presence::kPresent, ""}});
        }
    });

    // The bulk read a server loads with, in two id ranges read apart, gives each meeting's own figures.
    Read(store(), [&](Repositories& r) {
        const std::int64_t last = r.meetings().LastMeetingId();
        EXPECT_EQ(last, ids.back().value);
        const std::int64_t mid = ids[ids.size() / 2].value;
        auto all = r.meetings().HeldFigures(1, mid);
        for (auto& f : r.meetings().HeldFigures(mid + 1, last)) all.push_back(std::move(f));
        ASSERT_EQ(all.size(), ids.size());
        int unexcused = 0;
        for (auto& [id, f] : all) {
            auto own = FiguresOf(*r.meetings().Get(id), r.records().Attendance(id), r.scores().Scores(id));
            ASSERT_TRUE(own);
            SCOPED_TRACE(id.value);
            EXPECT_EQ(f.cell, own->cell);
            EXPECT_EQ(f.kind, own->kind);
            EXPECT_EQ(f.month, own->month);
            EXPECT_EQ(f.expected, own->expected);
            EXPECT_EQ(f.present, own->present);
            EXPECT_EQ(f.level, own->level);
            EXPECT_EQ(f.superior_attended, own->superior_attended);
            std::sort(f.unexcused.begin(), f.unexcused.end());
            std::sort(own->unexcused.begin(), own->unexcused.end());
            EXPECT_EQ(f.unexcused, own->unexcused);
            unexcused += static_cast<int>(f.unexcused.size());
        }
        EXPECT_EQ(unexcused, 8);  // Bình: the regular meetings of March to June and the thematic one of May; Em 3.
        EXPECT_EQ(all[1].second.level, QualityLevel::kGood);
        EXPECT_EQ(all[all.size() - 2 - 5].second.level, QualityLevel::kAverage);  // Before C's five meetings.
    });

    StatisticsEngine engine;
    Read(store(), [&](Repositories& r) {
        engine.SetTree(StatTreeOf(r.organizations().Subtree(t.province.path, domain::Dissolved::kInclude),
                                  r.organizations().PastPlacements()));
        for (MeetingId id : ids)
            engine.PutMeeting(id, FiguresOf(*r.meetings().Get(id), r.records().Attendance(id), r.scores().Scores(id)));
        const auto stays = r.members().RollStays(MemberId(1), MemberId(r.members().LastMemberId()));
        std::map<std::int64_t, std::vector<RollStay>> by_member;
        for (const RollStay& stay : stays) by_member[stay.member.value].push_back(stay);
        for (const auto& [member, own] : by_member) engine.PutMember(MemberId(member), own);
    });
    std::vector<MonthRange> periods{{MonthNumber(2026, 1), MonthNumber(2026, 12)},
                                    {MonthNumber(2026, 1), MonthNumber(2026, 3)},
                                    {MonthNumber(2026, 4), MonthNumber(2026, 6)},
                                    {MonthNumber(2026, 2), MonthNumber(2026, 5)}};
    for (int month = 1; month <= 7; ++month) periods.push_back({MonthNumber(2026, month), MonthNumber(2026, month)});
    Read(store(), [&](Repositories& r) {
        for (const Organization* node : {&t.province, &t.commune, &t.other_commune, &t.cell_a, &t.cell_b})
            for (const MonthRange& p : periods) {
                SCOPED_TRACE(node->name + " " + std::to_string(p.first) + "–" + std::to_string(p.last));
                EXPECT_EQ(r.statistics().Figures(node->id, p, today), engine.Figures(node->id, p, today));
                const auto sql = r.statistics().MissedCells(node->id, p, today, 10);
                const auto alerts = engine.Alerts(node->id, p, today, 0, 10);
                std::vector<OrganizationId> missed;
                for (const MissedCell& m : alerts.missed) missed.push_back(m.cell);
                EXPECT_EQ(sql.first, alerts.missed_total);
                EXPECT_EQ(sql.second, missed);
            }
        // The quarter before the move is the first commune's, the one after the other's.
        const MonthRange q1{MonthNumber(2026, 1), MonthNumber(2026, 3)};
        const MonthRange q2{MonthNumber(2026, 4), MonthNumber(2026, 6)};
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q1, today).cells, 3);  // A, B and C.
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q1, today).meetings_held, 3 + 1 + 3 + 1 + 3);
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q2, today).cells, 2);  // B, and C until its merge in May.
        EXPECT_EQ(r.statistics().Figures(t.other_commune.id, q2, today).meetings_held, 3 + 1);
        EXPECT_EQ(r.statistics().Figures(t.other_commune.id, q2, today).members_flagged, 1);
        // Em's absences add up across the merge and are counted where Em is, in B (the same year's flag).
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q1, today).members_flagged, 1);
        // Members expected at the end of each period, where their cells are now: Cường from March.
        const MonthRange january{MonthNumber(2026, 1), MonthNumber(2026, 1)};
        EXPECT_EQ(r.statistics().Figures(t.other_commune.id, january, today).members_expected, 2);
        EXPECT_EQ(r.statistics().Figures(t.other_commune.id, q1, today).members_expected, 3);
        // Dung, Em in C, Phúc before working away.
        EXPECT_EQ(r.statistics().Figures(t.commune.id, january, today).members_expected, 3);
        EXPECT_EQ(r.statistics().Figures(t.commune.id, january, today).members_away, 0);
        // At the end of March Phúc's letter runs: away, not expected.
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q1, today).members_expected, 2);
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q1, today).members_away, 1);
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q1, today).members_away_without_letter, 0);
        // It ended on 15/06: Dung, Em in B and Phúc, away without a letter.
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q2, today).members_expected, 3);
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q2, today).members_away, 1);
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q2, today).members_away_without_letter, 1);
        // B's June meeting expected Dung and Em, not Phúc (away).
        EXPECT_EQ(r.statistics()
                      .Figures(t.cell_b.id, {MonthNumber(2026, 6), MonthNumber(2026, 6)}, today)
                      .attendance_expected,
                  2);
    });
}

}  // namespace
}  // namespace chibo::tests
