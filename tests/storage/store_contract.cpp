#include "tests/storage/store_contract.hpp"

#include "domain/audit_repository.hpp"
#include "domain/document_repository.hpp"
#include "domain/grading_repository.hpp"
#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/position_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/statistics.hpp"
#include "domain/statistics_queries.hpp"
#include "domain/store.hpp"
#include "domain/user_repository.hpp"

#include <ctime>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

Date D(int y, int m, int d) {
    return *Date::FromYmd(y, m, d);
}

Organization Org(std::optional<OrganizationId> parent, std::string name, OrganizationKind kind) {
    Organization o;
    o.parent = parent;
    o.name = std::move(name);
    o.kind = kind;
    o.valid_from = D(2020, 1, 1);
    return o;
}

Member Mem(OrganizationId cell, std::string name, MemberStatus status = MemberStatus::kOfficial) {
    Member m;
    m.organization = cell;
    m.full_name = std::move(name);
    m.date_of_birth = D(1970, 1, 1);
    m.status = status;
    m.admission_date = D(2000, 1, 1);
    return m;
}

User Account(std::string username, std::string display_name) {
    User u;
    u.username = std::move(username);
    u.display_name = std::move(display_name);
    u.password_hash = "x";
    return u;
}

// Runs `work` in a write transaction and fails the test when it does not commit.
template <typename F>
void Write(Store& store, F&& work) {
    auto result = store.Write([&](Repositories& r) -> Result<void> {
        work(r);
        return {};
    });
    ASSERT_TRUE(result.has_value()) << result.error().message;
}

template <typename F>
void Read(Store& store, F&& work) {
    auto result = store.Read([&](Repositories& r) -> Result<void> {
        work(r);
        return {};
    });
    ASSERT_TRUE(result.has_value()) << result.error().message;
}

// A province with one commune and two cells.
struct Tree {
    Organization province, commune, cell_a, cell_b, other_commune;
};

Tree MakeTree(Store& store) {
    Tree t;
    Write(store, [&](Repositories& r) {
        t.province = r.organizations().Insert(Org(std::nullopt, "Đảng bộ tỉnh Thanh Lam", OrganizationKind::kProvince));
        t.commune =
            r.organizations().Insert(Org(t.province.id, "Đảng bộ xã Hòa An", OrganizationKind::kCommuneCommittee));
        t.other_commune =
            r.organizations().Insert(Org(t.province.id, "Đảng bộ xã Tân Lập", OrganizationKind::kCommuneCommittee));
        t.cell_b = r.organizations().Insert(Org(t.commune.id, "Chi bộ Thôn Đông", OrganizationKind::kSubordinateCell));
        t.cell_a = r.organizations().Insert(Org(t.commune.id, "Chi bộ Thôn Bắc", OrganizationKind::kSubordinateCell));
    });
    return t;
}

std::vector<std::string> Names(const std::vector<Member>& members) {
    std::vector<std::string> out;
    for (const auto& m : members) out.push_back(m.full_name);
    return out;
}

TEST_P(StoreContract, InsertSetsIdAndMaterializedPath) {
    const Tree t = MakeTree(store());

    EXPECT_TRUE(t.province.id.valid());
    EXPECT_EQ(t.province.path, "/" + std::to_string(t.province.id.value) + "/");
    EXPECT_EQ(t.cell_a.path, t.commune.path + std::to_string(t.cell_a.id.value) + "/");
    Read(store(), [&](Repositories& r) {
        const auto got = r.organizations().Get(t.cell_a.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->name, "Chi bộ Thôn Bắc");
        EXPECT_EQ(got->parent, t.commune.id);
        EXPECT_EQ(got->path, t.cell_a.path);
        EXPECT_FALSE(r.organizations().Get(OrganizationId(9999)).has_value());
    });
}

TEST_P(StoreContract, ChildrenAreInVietnameseOrderAndSkipDissolved) {
    const Tree t = MakeTree(store());
    Write(store(), [&](Repositories& r) {
        r.organizations().Insert(Org(t.commune.id, "Chi bộ Thôn Ánh Dương", OrganizationKind::kSubordinateCell));
        auto dissolved = r.organizations().Insert(Org(t.commune.id, "Chi bộ Cũ", OrganizationKind::kSubordinateCell));
        dissolved.valid_to = D(2024, 1, 1);
        r.organizations().Update(dissolved);
    });

    Read(store(), [&](Repositories& r) {
        std::vector<std::string> names;
        for (const auto& o : r.organizations().Children(t.commune.id, false)) names.push_back(o.name);
        EXPECT_EQ(names, (std::vector<std::string>{"Chi bộ Thôn Ánh Dương", "Chi bộ Thôn Bắc", "Chi bộ Thôn Đông"}));
        EXPECT_EQ(r.organizations().Children(t.commune.id, true).size(), 4u);
        EXPECT_TRUE(r.organizations().HasChildren(t.commune.id, false));
        EXPECT_FALSE(r.organizations().HasChildren(t.cell_a.id, true));
    });
}

TEST_P(StoreContract, MoveRewritesTheWholeSubtree) {
    const Tree t = MakeTree(store());
    OrganizationId group;
    Write(store(), [&](Repositories& r) {
        group = r.organizations().Insert(Org(t.cell_a.id, "Tổ đảng số 1", OrganizationKind::kPartyGroup)).id;
        r.organizations().Move(t.cell_a.id, t.other_commune.id, D(2026, 3, 15));
    });

    Read(store(), [&](Repositories& r) {
        const auto cell = r.organizations().Get(t.cell_a.id);
        const auto g = r.organizations().Get(group);
        EXPECT_EQ(cell->parent, t.other_commune.id);
        EXPECT_EQ(cell->path, t.other_commune.path + std::to_string(t.cell_a.id.value) + "/");
        EXPECT_EQ(g->path, cell->path + std::to_string(group.value) + "/");
        EXPECT_EQ(r.organizations().Subtree(t.commune.path, false).size(), 2u);
        EXPECT_EQ(r.organizations().Subtree(t.other_commune.path, false).size(), 3u);
    });

    // Where the subtree was is kept, a placement each; a second move starts where the first ended.
    Write(store(), [&](Repositories& r) { r.organizations().Move(t.cell_a.id, t.commune.id, D(2026, 9, 1)); });
    Read(store(), [&](Repositories& r) {
        const auto past = r.organizations().PastPlacements();
        ASSERT_EQ(past.size(), 4u);
        const std::string first = t.commune.path + std::to_string(t.cell_a.id.value) + "/";
        const std::string second = t.other_commune.path + std::to_string(t.cell_a.id.value) + "/";
        const bool cell_first = past[0].organization == t.cell_a.id;
        const auto& c1 = past[cell_first ? 0 : 2];
        const auto& c2 = past[cell_first ? 1 : 3];
        const auto& g1 = past[cell_first ? 2 : 0];
        EXPECT_EQ(c1.organization, t.cell_a.id);
        EXPECT_EQ(c1.parent, t.commune.id);
        EXPECT_EQ(c1.path, first);
        EXPECT_FALSE(c1.since.has_value());
        EXPECT_EQ(c1.until, D(2026, 3, 15));
        EXPECT_EQ(c2.parent, t.other_commune.id);
        EXPECT_EQ(c2.path, second);
        EXPECT_EQ(c2.since, D(2026, 3, 15));
        EXPECT_EQ(c2.until, D(2026, 9, 1));
        EXPECT_EQ(g1.organization, group);
        EXPECT_EQ(g1.parent, t.cell_a.id);
        EXPECT_EQ(g1.path, first + std::to_string(group.value) + "/");
        EXPECT_EQ(r.organizations().Get(t.cell_a.id)->path, first);
    });
}

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
        EXPECT_EQ(unexcused, 5);  // Bình: the regular meetings of March to June and the thematic one of May.
        EXPECT_EQ(all[1].second.level, QualityLevel::kGood);
        EXPECT_EQ(all[all.size() - 2].second.level, QualityLevel::kAverage);
    });

    StatisticsEngine engine;
    Read(store(), [&](Repositories& r) {
        engine.SetTree(
            StatTreeOf(r.organizations().Subtree(t.province.path, true), r.organizations().PastPlacements()));
        for (MeetingId id : ids)
            engine.PutMeeting(id, FiguresOf(*r.meetings().Get(id), r.records().Attendance(id), r.scores().Scores(id)));
        for (const auto& [member, cell] : r.members().ExpectedMembers()) engine.PutMember(member, cell);
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
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q1, today).cells, 2);
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q1, today).meetings_held, 3 + 1 + 3 + 1);
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q2, today).cells, 1);
        EXPECT_EQ(r.statistics().Figures(t.other_commune.id, q2, today).meetings_held, 3 + 1);
        EXPECT_EQ(r.statistics().Figures(t.other_commune.id, q2, today).members_flagged, 1);
        EXPECT_EQ(r.statistics().Figures(t.commune.id, q1, today).members_flagged, 0);
    });
}

// The number a node's session cache is checked against rises with every change that could end or alter a
// signed-in session, and only then.
TEST_P(StoreContract, AuthVersionRisesWithEveryChangeToWhatASessionCarries) {
    const Tree t = MakeTree(store());
    auto version = [&] { return *store().AuthVersion(); };
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    UserId user;
    RoleGrant grant;
    Write(store(), [&](Repositories& r) {
        user = r.users().Insert(Account("phien.kiemtra", "Kiểm tra phiên")).id;
        grant = r.users().AddRole(user, Role::kCommittee, t.commune.id);
        r.users().InsertSession({"live", user, "csrf", now, now + 3600});
        r.users().InsertSession({"old", user, "csrf", now - 7200, now - 3600});
    });
    std::int64_t v = version();
    auto rose = [&](const char* what) {
        const std::int64_t after = version();
        EXPECT_GT(after, v) << what;
        v = after;
    };
    auto same = [&](const char* what) { EXPECT_EQ(version(), v) << what; };

    Write(store(), [&](Repositories& r) { r.users().InsertSession({"another", user, "csrf", now, now + 3600}); });
    same("a new session");
    Write(store(), [&](Repositories& r) { r.users().DeleteExpiredSessions(now); });
    same("clearing sessions already expired");
    Write(store(), [&](Repositories& r) { r.users().DeleteSession("live"); });
    rose("a sign-out");
    Write(store(), [&](Repositories& r) { r.users().AddRole(user, Role::kSecretary, t.cell_a.id); });
    rose("a role granted");
    Write(store(), [&](Repositories& r) { r.users().RemoveRole(grant.id); });
    rose("a role revoked");
    Organization renamed = t.cell_a;
    renamed.name = "Chi bộ Thôn Bắc Mới";
    Write(store(), [&](Repositories& r) { r.organizations().Update(renamed); });
    rose("an organisation renamed");
    Write(store(), [&](Repositories& r) { r.organizations().Move(t.cell_b.id, t.other_commune.id, D(2026, 5, 1)); });
    rose("an organisation moved");
}

TEST_P(StoreContract, MemberRoundTripsEveryField) {
    const Tree t = MakeTree(store());
    Member in = Mem(t.cell_a.id, "Đặng Văn Hùng", MemberStatus::kProbationary);
    in.sex = Sex::kFemale;
    in.official_date.reset();
    in.party_card_number = "012345678901";
    in.citizen_id = "001080012345";
    in.phone = "0912345678";
    in.address = "Thôn Bắc, xã Hòa An";
    in.note = "Ghi chú";
    Member saved;
    Write(store(), [&](Repositories& r) { saved = r.members().Insert(in); });

    Read(store(), [&](Repositories& r) {
        const auto got = r.members().Get(saved.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->full_name, in.full_name);
        EXPECT_EQ(got->sex, Sex::kFemale);
        EXPECT_EQ(got->status, MemberStatus::kProbationary);
        EXPECT_EQ(got->date_of_birth, in.date_of_birth);
        EXPECT_EQ(got->admission_date, in.admission_date);
        EXPECT_FALSE(got->official_date.has_value());
        EXPECT_EQ(got->party_card_number, "012345678901");
        EXPECT_EQ(got->citizen_id, "001080012345");
        EXPECT_EQ(got->phone, "0912345678");
        EXPECT_EQ(got->address, in.address);
        EXPECT_EQ(got->note, "Ghi chú");
        EXPECT_EQ(r.members().FindByPartyCard("012345678901"), saved.id);
        EXPECT_EQ(r.members().FindByCitizenId("001080012345"), saved.id);
        EXPECT_FALSE(r.members().FindByPartyCard("999999999999").has_value());
    });
}

TEST_P(StoreContract, NamesOfReadsManyMembersInChunksAndSkipsUnknownIds) {
    const Tree t = MakeTree(store());
    std::vector<MemberId> ids;
    std::map<std::int64_t, std::string> expected;
    Write(store(), [&](Repositories& r) {
        for (int i = 0; i < 1203; ++i) {  // Three chunks of 500, the last one partial.
            const Member m = r.members().Insert(Mem(t.cell_a.id, "Đảng viên " + std::to_string(i)));
            if (i % 2 == 0) {
                ids.push_back(m.id);
                expected[m.id.value] = m.full_name;
            }
        }
    });
    ids.push_back(MemberId(987654321));  // No such member.
    Read(store(), [&](Repositories& r) {
        std::map<std::int64_t, std::string> got;
        for (auto& [id, name] : r.members().NamesOf(ids)) got[id.value] = name;
        EXPECT_EQ(got, expected);
        EXPECT_TRUE(r.members().NamesOf({}).empty());
    });
}

TEST_P(StoreContract, SearchFoldsDiacriticsAndMatchesAnyWordStart) {
    const Tree t = MakeTree(store());
    Write(store(), [&](Repositories& r) {
        for (const char* name : {"Đặng Văn Hùng", "Nguyễn Văn Đăng", "Trần Thị Dần", "Đặng Thị Lan", "Lê Văn Hưng"})
            r.members().Insert(Mem(t.cell_a.id, name));
    });

    Read(store(), [&](Repositories& r) {
        MemberQuery q;
        q.subtree_path = t.province.path;
        q.folded_prefix = "dang van";
        EXPECT_EQ(Names(r.members().Search(q).items), (std::vector<std::string>{"Đặng Văn Hùng"}));
        q.folded_prefix = "dang";
        EXPECT_EQ(Names(r.members().Search(q).items),
                  (std::vector<std::string>{"Nguyễn Văn Đăng", "Đặng Văn Hùng", "Đặng Thị Lan"}));
        q.folded_prefix = "hung";
        EXPECT_EQ(r.members().Search(q).total, 2);
        q.folded_prefix = "van h";
        EXPECT_EQ(Names(r.members().Search(q).items), (std::vector<std::string>{"Đặng Văn Hùng", "Lê Văn Hưng"}));
    });
}

TEST_P(StoreContract, SearchSortsByGivenNameTheVietnameseWayAndPages) {
    const Tree t = MakeTree(store());
    Write(store(), [&](Repositories& r) {
        for (const char* name :
             {"Phạm Văn Đức", "Lê Thị Ánh", "Trần Văn Anh", "Hồ Thị Dung", "Ngô Văn Bình", "Bùi Thị Anh"})
            r.members().Insert(Mem(t.cell_a.id, name));
    });

    Read(store(), [&](Repositories& r) {
        MemberQuery q;
        q.subtree_path = t.commune.path;
        const auto all = r.members().Search(q);
        EXPECT_EQ(Names(all.items), (std::vector<std::string>{"Bùi Thị Anh", "Trần Văn Anh", "Lê Thị Ánh",
                                                              "Ngô Văn Bình", "Hồ Thị Dung", "Phạm Văn Đức"}));
        q.limit = 2;
        q.offset = 2;
        const auto page = r.members().Search(q);
        EXPECT_EQ(page.total, 6);
        EXPECT_EQ(Names(page.items), (std::vector<std::string>{"Lê Thị Ánh", "Ngô Văn Bình"}));
    });
}

TEST_P(StoreContract, SearchFiltersBySubtreeStatusAndRoll) {
    const Tree t = MakeTree(store());
    MemberId gone;
    Write(store(), [&](Repositories& r) {
        r.members().Insert(Mem(t.cell_a.id, "Nguyễn Văn An"));
        r.members().Insert(Mem(t.cell_b.id, "Nguyễn Thị Bình", MemberStatus::kProbationary));
        r.members().Insert(Mem(t.cell_b.id, "Lê Văn Cường", MemberStatus::kExempt));
        gone = r.members().Insert(Mem(t.cell_b.id, "Trần Văn Dũng", MemberStatus::kDeceased)).id;
    });

    Read(store(), [&](Repositories& r) {
        MemberQuery q;
        q.subtree_path = t.cell_b.path;
        EXPECT_EQ(r.members().Search(q).total, 2);
        q.include_off_roll = true;
        EXPECT_EQ(r.members().Search(q).total, 3);
        q.status = MemberStatus::kDeceased;
        EXPECT_EQ(r.members().Search(q).items.at(0).id, gone);
        MemberQuery other;
        other.subtree_path = t.other_commune.path;
        EXPECT_EQ(r.members().Search(other).total, 0);
        MemberQuery whole;
        whole.subtree_path = t.province.path;
        const MemberCounts c = r.organizations().CountMembers(t.province.path);
        EXPECT_EQ(c.official, 1);
        EXPECT_EQ(c.probationary, 1);
        EXPECT_EQ(c.exempt, 1);
        EXPECT_EQ(c.on_roll(), 3);
        EXPECT_EQ(r.members().OnRollOf(t.cell_b.id).size(), 2u);
    });
}

TEST_P(StoreContract, PartyGroupSubtreesHoldTheirMembers) {
    const Tree t = MakeTree(store());
    Organization group;
    Write(store(), [&](Repositories& r) {
        group = r.organizations().Insert(Org(t.cell_a.id, "Tổ đảng số 1", OrganizationKind::kPartyGroup));
        Member in_group = Mem(t.cell_a.id, "Nguyễn Văn An");
        in_group.party_group = group.id;
        r.members().Insert(in_group);
        r.members().Insert(Mem(t.cell_a.id, "Trần Văn Bình"));
    });

    Read(store(), [&](Repositories& r) {
        MemberQuery q;
        q.subtree_path = group.path;
        EXPECT_EQ(Names(r.members().Search(q).items), (std::vector<std::string>{"Nguyễn Văn An"}));
        q.subtree_path = t.cell_a.path;
        EXPECT_EQ(r.members().Search(q).total, 2);
        EXPECT_EQ(r.organizations().CountMembers(group.path).official, 1);
        EXPECT_EQ(r.organizations().CountMembers(t.cell_a.path).official, 2);
        EXPECT_EQ(r.members().OnRollOf(t.cell_a.id).size(), 2u);
    });
}

TEST_P(StoreContract, UpdateReindexesTheSearchName) {
    const Tree t = MakeTree(store());
    Member m;
    Write(store(), [&](Repositories& r) { m = r.members().Insert(Mem(t.cell_a.id, "Nguyễn Văn An")); });
    m.full_name = "Đỗ Văn Bảo";
    Write(store(), [&](Repositories& r) { r.members().Update(m); });

    Read(store(), [&](Repositories& r) {
        MemberQuery q;
        q.subtree_path = t.province.path;
        q.folded_prefix = "an";
        EXPECT_EQ(r.members().Search(q).total, 0);
        q.folded_prefix = "do van bao";
        EXPECT_EQ(r.members().Search(q).total, 1);
    });
}

TEST_P(StoreContract, MembershipsKeepHistory) {
    const Tree t = MakeTree(store());
    Member m;
    Write(store(), [&](Repositories& r) {
        m = r.members().Insert(Mem(t.cell_a.id, "Nguyễn Văn An"));
        r.members().OpenMembership({MembershipId(), m.id, t.cell_a.id, D(2020, 1, 1), std::nullopt, "Kết nạp"});
        r.members().CloseMembership(m.id, D(2025, 6, 1));
        r.members().OpenMembership({MembershipId(), m.id, t.cell_b.id, D(2025, 6, 1), std::nullopt, "Chuyển đến"});
    });

    Read(store(), [&](Repositories& r) {
        const auto history = r.members().Memberships(m.id);
        ASSERT_EQ(history.size(), 2u);
        EXPECT_EQ(history[0].organization, t.cell_a.id);
        EXPECT_EQ(history[0].end_date, D(2025, 6, 1));
        EXPECT_EQ(history[1].organization, t.cell_b.id);
        EXPECT_FALSE(history[1].end_date.has_value());
        EXPECT_EQ(history[1].reason, "Chuyển đến");
    });
}

TEST_P(StoreContract, PositionsAreOrderedAndEnd) {
    const Tree t = MakeTree(store());
    PositionId committee_id;
    Write(store(), [&](Repositories& r) {
        const auto a = r.members().Insert(Mem(t.cell_a.id, "Nguyễn Văn An"));
        const auto b = r.members().Insert(Mem(t.cell_a.id, "Trần Thị Bình"));
        committee_id = r.positions()
                           .Insert({PositionId(), t.cell_a.id, b.id, "", PositionKind::kCommitteeMember, D(2025, 7, 1),
                                    std::nullopt})
                           .id;
        r.positions().Insert(
            {PositionId(), t.cell_a.id, a.id, "", PositionKind::kSecretary, D(2025, 7, 1), std::nullopt});
    });

    Read(store(), [&](Repositories& r) {
        const auto active = r.positions().ForOrganization(t.cell_a.id, false);
        ASSERT_EQ(active.size(), 2u);
        EXPECT_EQ(active[0].kind, PositionKind::kSecretary);
        EXPECT_EQ(active[0].member_name, "Nguyễn Văn An");
    });
    Write(store(), [&](Repositories& r) { r.positions().SetTermEnd(committee_id, D(2025, 8, 1)); });
    Read(store(), [&](Repositories& r) {
        EXPECT_EQ(r.positions().ForOrganization(t.cell_a.id, false).size(), 1u);
        EXPECT_EQ(r.positions().ForOrganization(t.cell_a.id, true).size(), 2u);
        EXPECT_EQ(r.positions().Get(committee_id)->term_end, D(2025, 8, 1));
    });
}

TEST_P(StoreContract, UsersCarryTheirRolesAndSessions) {
    const Tree t = MakeTree(store());
    User saved;
    Write(store(), [&](Repositories& r) {
        User u;
        u.username = "xa.hoaan";
        u.display_name = "Văn phòng Đảng ủy xã Hòa An";
        u.password_hash = "$argon2id$fake";
        saved = r.users().Insert(u);
        r.users().AddRole(saved.id, Role::kCommittee, t.commune.id);
        r.users().InsertSession({"hash1", saved.id, "csrf1", 100, 200});
    });

    Read(store(), [&](Repositories& r) {
        const auto got = r.users().FindByUsername("xa.hoaan");
        ASSERT_TRUE(got.has_value());
        ASSERT_EQ(got->roles.size(), 1u);
        EXPECT_EQ(got->roles[0].role, Role::kCommittee);
        EXPECT_EQ(got->roles[0].organization_path, t.commune.path);
        EXPECT_EQ(got->roles[0].organization_name, "Đảng bộ xã Hòa An");
        EXPECT_EQ(r.users().ListInSubtree(t.province.path, 0, 10).total, 1);
        EXPECT_EQ(r.users().ListInSubtree(t.other_commune.path, 0, 10).total, 0);
        EXPECT_EQ(r.users().FindSession("hash1")->csrf_token, "csrf1");
    });
    Write(store(), [&](Repositories& r) {
        r.users().DeleteExpiredSessions(300);
        r.users().RemoveRole(saved.roles.empty() ? r.users().Get(saved.id)->roles.at(0).id : saved.roles[0].id);
    });
    Read(store(), [&](Repositories& r) {
        EXPECT_FALSE(r.users().FindSession("hash1").has_value());
        EXPECT_TRUE(r.users().Get(saved.id)->roles.empty());
    });
}

TEST_P(StoreContract, AuditIsScopedToTheSubtreeAndNewestFirst) {
    const Tree t = MakeTree(store());
    Write(store(), [&](Repositories& r) {
        for (const auto& [org, action] :
             std::vector<std::pair<OrganizationId, std::string>>{{t.cell_a.id, "member.create"},
                                                                 {t.other_commune.id, "member.update"},
                                                                 {t.cell_b.id, "member.update"}}) {
            AuditEntry e;
            e.username = "admin";
            e.action = action;
            e.entity = "member";
            e.entity_id = 7;
            e.organization = org;
            e.before = Snapshot{{"full_name", "Cũ"}};
            e.after = Snapshot{{"full_name", "Mới"}};
            r.audit().Append(e);
        }
    });

    Read(store(), [&](Repositories& r) {
        AuditQuery q;
        q.subtree_path = t.commune.path;
        const auto page = r.audit().List(q);
        ASSERT_EQ(page.total, 2);
        EXPECT_EQ(page.items[0].organization, t.cell_b.id);
        ASSERT_TRUE(page.items[0].after.has_value());
        EXPECT_EQ(page.items[0].after->at(0).second, "Mới");
        q.subtree_path = t.province.path;
        EXPECT_EQ(r.audit().List(q).total, 3);
    });
}

TEST_P(StoreContract, DocumentNumbersCountPerTypeAndTermWithoutGaps) {
    const Tree t = MakeTree(store());
    auto doc = [&](DocumentType type, const char* term) {
        RegisteredDocument d;
        d.organization = t.cell_a.id;
        d.type = type;
        d.term = term;
        d.issued_on = D(2026, 1, 5);
        d.title = "Văn bản";
        d.created_by = "bithu";
        return d;
    };
    auto format = [](int n) { return std::to_string(n) + "-NQ/CB"; };
    std::vector<int> numbers;
    Write(store(), [&](Repositories& r) {
        numbers.push_back(r.documents().Register(doc(DocumentType::kResolution, "2025-2030"), format).number);
        numbers.push_back(r.documents().Register(doc(DocumentType::kResolution, "2025-2030"), format).number);
        numbers.push_back(r.documents().Register(doc(DocumentType::kMinutes, "2025-2030"), format).number);
        numbers.push_back(r.documents().Register(doc(DocumentType::kResolution, "2030-2035"), format).number);
    });
    // A rolled-back registration gives its number back.
    (void)store().Write([&](Repositories& r) -> Result<void> {
        r.documents().Register(doc(DocumentType::kResolution, "2025-2030"), format);
        return base::MakeError(base::ErrorCode::kInvalidArgument, "sai");
    });
    Write(store(), [&](Repositories& r) {
        numbers.push_back(r.documents().Register(doc(DocumentType::kResolution, "2025-2030"), format).number);
    });

    EXPECT_EQ(numbers, (std::vector<int>{1, 2, 1, 1, 3}));
    Read(store(), [&](Repositories& r) {
        const auto all = r.documents().List(t.cell_a.id, std::nullopt, "", 0, 50);
        EXPECT_EQ(all.total, 5);
        EXPECT_EQ(all.items.front().number_text, "3-NQ/CB");
        EXPECT_EQ(all.items.front().issued_on, D(2026, 1, 5));
        EXPECT_EQ(r.documents().List(t.cell_a.id, DocumentType::kResolution, "2025-2030", 0, 50).total, 3);
        EXPECT_EQ(r.documents().List(t.cell_b.id, std::nullopt, "", 0, 50).total, 0);
    });
}

TEST_P(StoreContract, MeetingRulesKeepUnsetFieldsUnset) {
    const Tree t = MakeTree(store());
    MeetingRuleOverride commune;
    commune.regular_day = 5;
    commune.thematic_months = std::set<int>{2, 5, 8, 11};
    commune.shift = DayShift::kNextWorkingDay;
    commune.holidays = {D(2026, 2, 17), D(2026, 2, 18)};
    Write(store(), [&](Repositories& r) {
        r.meetings().SaveRule(t.commune.id, commune);
        r.meetings().SaveRule(t.cell_a.id, MeetingRuleOverride{});
    });

    Read(store(), [&](Repositories& r) {
        const auto got = r.meetings().RuleOf(t.commune.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->regular_day, 5);
        EXPECT_FALSE(got->start_minutes.has_value());
        EXPECT_EQ(got->thematic_months, (std::set<int>{2, 5, 8, 11}));
        EXPECT_EQ(got->shift, DayShift::kNextWorkingDay);
        EXPECT_EQ(got->holidays.size(), 2u);
        const auto empty = r.meetings().RuleOf(t.cell_a.id);
        ASSERT_TRUE(empty.has_value());
        EXPECT_FALSE(empty->regular_day.has_value());
        EXPECT_FALSE(empty->thematic_months.has_value());
        EXPECT_FALSE(r.meetings().RuleOf(t.cell_b.id).has_value());
    });
}

TEST_P(StoreContract, MeetingsAreFoundByMonthAndUpdated) {
    const Tree t = MakeTree(store());
    Meeting m;
    m.organization = t.cell_a.id;
    m.kind = MeetingKind::kThematic;
    m.year = 2026;
    m.month = 3;
    m.date = D(2026, 3, 3);
    m.start_minutes = 14 * 60;
    m.min_minutes = 120;
    Write(store(), [&](Repositories& r) {
        m = r.meetings().Insert(m);
        Meeting regular = m;
        regular.kind = MeetingKind::kRegular;
        regular.month = 1;
        regular.date = D(2026, 1, 5);
        regular.shifted = true;
        r.meetings().Insert(regular);
    });
    m.date = D(2026, 3, 10);
    m.moved_reason = "Trùng lịch họp Đảng ủy";
    m.state = MeetingState::kNotified;
    Write(store(), [&](Repositories& r) { r.meetings().Update(m); });

    Read(store(), [&](Repositories& r) {
        const auto found = r.meetings().Find(t.cell_a.id, MeetingKind::kThematic, 2026, 3);
        ASSERT_TRUE(found.has_value());
        EXPECT_EQ(found->date, D(2026, 3, 10));
        EXPECT_EQ(found->state, MeetingState::kNotified);
        EXPECT_EQ(found->moved_reason, "Trùng lịch họp Đảng ủy");
        EXPECT_EQ(found->min_minutes, 120);
        EXPECT_FALSE(r.meetings().Find(t.cell_a.id, MeetingKind::kRegular, 2026, 3).has_value());
        const auto year = r.meetings().ForYear(t.cell_a.id, 2026);
        ASSERT_EQ(year.size(), 2u);
        EXPECT_EQ(year[0].month, 1);
        EXPECT_TRUE(year[0].shifted);
        EXPECT_TRUE(r.meetings().ForYear(t.cell_b.id, 2026).empty());
        EXPECT_EQ(r.meetings().Get(m.id)->kind, MeetingKind::kThematic);
    });
}

TEST_P(StoreContract, TheMeetingRecordRoundTripsEveryField) {
    const Tree t = MakeTree(store());
    Member a;
    Member b;
    Meeting m;
    m.organization = t.cell_a.id;
    m.year = 2026;
    m.month = 3;
    m.date = D(2026, 3, 3);
    m.start_minutes = 14 * 60;
    m.min_minutes = 90;
    Write(store(), [&](Repositories& r) {
        a = r.members().Insert(Mem(t.cell_a.id, "Nguyễn Văn An"));
        b = r.members().Insert(Mem(t.cell_a.id, "Trần Thị Bình", MemberStatus::kProbationary));
        m = r.meetings().Insert(m);
    });
    m.state = MeetingState::kHeld;
    m.preparation = {a.id,         "Nguyễn Văn An", "Nhà văn hóa",   D(2026, 2, 27),
                     "Chi ủy họp", {"Một", "Hai"},  "Đ/c Phó Bí thư"};
    m.notified_at = 1772000000;
    m.documents_sent_at = 1772000001;
    m.record.started_minutes = 14 * 60 + 5;
    m.record.ended_minutes = 15 * 60 + 50;
    m.record.chair = a.id;
    m.record.chair_name = "Nguyễn Văn An";
    m.record.minute_taker = b.id;
    m.record.minute_taker_name = "Trần Thị Bình";
    m.record.guests = {"Khách 1", "Khách 2"};
    m.record.superior_attended = true;
    m.record.conclusion = "Kết luận\nhai dòng";
    m.record.resolution = "Nghị quyết";
    m.record.vote = Vote{1, 0, 1};
    m.record.vote_scope = VoteScope::kOfficialOnly;
    m.finalised_at = 1772100000;
    m.minutes_number = "01-BB/CB";
    m.resolution_number = "01-NQ/CB";
    m.reported_at = 1772200000;
    Write(store(), [&](Repositories& r) {
        r.meetings().Update(m);
        r.records().SaveAttendance(m.id,
                                   {{a.id, "Nguyễn Văn An", MemberStatus::kOfficial, Presence::kPresent, ""},
                                    {b.id, "Trần Thị Bình", MemberStatus::kProbationary, Presence::kUnexcused, ""}});
        r.records().SaveOpinions(m.id, {{a.id, "Nguyễn Văn An", "Ý kiến 1"}, {std::nullopt, "Khách", "Ý kiến 2"}});
        ResolutionTask task;
        task.assignee = b.id;
        task.assignee_name = "Trần Thị Bình";
        task.description = "Làm đường";
        task.deadline = D(2026, 3, 31);
        r.records().ReplaceTasksSetBy(m.id, t.cell_a.id, {task, task});
        r.records().SaveLeaveRequest(m.id, {b.id, "Trần Thị Bình", "Ốm", 5});
        r.records().SaveLeaveRequest(m.id, {b.id, "Trần Thị Bình", "Đi công tác", 6});
        r.records().InsertAmendment({0, m.id, "Bổ sung", "Ghi sót", "bithu", 7});
        Attachment file;
        file.meeting = m.id;
        file.file_name = "Dự thảo.docx";
        file.content_type = "application/octet-stream";
        file.size = 10;
        file.sha256 = std::string(64, 'a');
        file.uploaded_at = 8;
        file.uploaded_by = "bithu";
        r.records().InsertAttachment(file);
    });
    Read(store(), [&](Repositories& r) {
        const Meeting got = *r.meetings().Get(m.id);
        EXPECT_EQ(got.preparation.preparer, a.id);
        EXPECT_EQ(got.preparation.committee_meeting_on, D(2026, 2, 27));
        EXPECT_EQ(got.preparation.agenda, (std::vector<std::string>{"Một", "Hai"}));
        EXPECT_EQ(got.preparation.superior_official, "Đ/c Phó Bí thư");
        EXPECT_EQ(got.notified_at, 1772000000);
        EXPECT_EQ(got.documents_sent_at, 1772000001);
        EXPECT_EQ(got.record.started_minutes, 14 * 60 + 5);
        EXPECT_EQ(got.Duration(), 105);
        EXPECT_EQ(got.record.minute_taker, b.id);
        EXPECT_EQ(got.record.guests.size(), 2u);
        EXPECT_TRUE(got.record.superior_attended);
        EXPECT_EQ(got.record.conclusion, "Kết luận\nhai dòng");
        ASSERT_TRUE(got.record.vote.has_value());
        EXPECT_EQ(got.record.vote->abstaining, 1);
        EXPECT_EQ(got.record.vote_scope, VoteScope::kOfficialOnly);
        EXPECT_EQ(got.minutes_number, "01-BB/CB");
        EXPECT_EQ(got.reported_at, 1772200000);
        const auto attendance = r.records().Attendance(m.id);
        ASSERT_EQ(attendance.size(), 2u);
        EXPECT_EQ(attendance[1].status_at_meeting, MemberStatus::kProbationary);
        EXPECT_EQ(attendance[1].presence, Presence::kUnexcused);
        const auto opinions = r.records().Opinions(m.id);
        ASSERT_EQ(opinions.size(), 2u);
        EXPECT_FALSE(opinions[1].speaker.has_value());
        EXPECT_EQ(r.records().TasksSetBy(m.id).size(), 2u);
        const auto leave = r.records().LeaveRequests(m.id);
        ASSERT_EQ(leave.size(), 1u);
        EXPECT_EQ(leave[0].reason, "Đi công tác");
        EXPECT_EQ(r.records().Amendments(m.id).at(0).reason, "Ghi sót");
        EXPECT_EQ(r.records().Attachments(m.id).at(0).file_name, "Dự thảo.docx");
        EXPECT_TRUE(r.records().ContentInUse(std::string(64, 'a')));
        EXPECT_FALSE(r.records().ContentInUse(std::string(64, 'b')));
        // The roll call of the subtree's year: only unexcused absences, with the meeting's day.
        const auto unexcused = r.records().UnexcusedInSubtree(t.commune.path, 2026);
        ASSERT_EQ(unexcused.size(), 1u);
        EXPECT_EQ(unexcused[0].first, D(2026, 3, 3));
        EXPECT_EQ(unexcused[0].second.at(0).member, b.id);
        EXPECT_TRUE(r.records().UnexcusedInSubtree(t.other_commune.path, 2026).empty());
        EXPECT_TRUE(r.records().UnexcusedInSubtree(t.commune.path, 2025).empty());
        const auto history = r.records().AttendanceOf(a.id, 2026);
        ASSERT_EQ(history.size(), 1u);
        EXPECT_EQ(history[0].first.id, m.id);
        EXPECT_EQ(r.meetings().InSubtreeBetween(t.commune.path, D(2026, 3, 1), D(2026, 3, 31), 10).size(), 1u);
        EXPECT_TRUE(r.meetings().InSubtreeBetween(t.commune.path, D(2026, 4, 1), D(2026, 4, 30), 10).empty());
    });
}

TEST_P(StoreContract, TasksAreReviewedByALaterMeeting) {
    const Tree t = MakeTree(store());
    Meeting march;
    march.organization = t.cell_a.id;
    march.year = 2026;
    march.month = 3;
    march.date = D(2026, 3, 3);
    Meeting april = march;
    april.month = 4;
    april.date = D(2026, 4, 3);
    Write(store(), [&](Repositories& r) {
        march = r.meetings().Insert(march);
        april = r.meetings().Insert(april);
        ResolutionTask task;
        task.description = "Làm đường";
        task.deadline = D(2026, 3, 31);
        r.records().ReplaceTasksSetBy(march.id, t.cell_a.id, {task});
    });
    Write(store(), [&](Repositories& r) {
        auto before = r.records().TasksOfCellBefore(t.cell_a.id, april.date);
        ASSERT_EQ(before.size(), 1u);
        EXPECT_TRUE(r.records().TasksOfCellBefore(t.cell_a.id, march.date).empty());
        before[0].outcome = TaskOutcome::kPartlyDone;
        before[0].result = "Xong 1 km";
        before[0].reviewed_in = april.id;
        r.records().SaveTaskReview(before[0]);
    });
    Read(store(), [&](Repositories& r) {
        const auto reviewed = r.records().TasksReviewedIn(april.id);
        ASSERT_EQ(reviewed.size(), 1u);
        EXPECT_EQ(reviewed[0].outcome, TaskOutcome::kPartlyDone);
        EXPECT_EQ(reviewed[0].result, "Xong 1 km");
        EXPECT_EQ(reviewed[0].meeting, march.id);
    });
}

TEST_P(StoreContract, CalendarFeedsAreFoundByTokenHash) {
    UserId user;
    Write(store(), [&](Repositories& r) {
        user = r.users().Insert(Account("dangvien", "Đảng viên")).id;
        EXPECT_FALSE(r.users().CalendarFeedCreatedAt(user).has_value());
        r.users().SaveCalendarFeed(user, "hash-1", 100);
        r.users().SaveCalendarFeed(user, "hash-2", 200);
    });
    Read(store(), [&](Repositories& r) {
        EXPECT_EQ(r.users().CalendarFeedCreatedAt(user), 200);
        EXPECT_FALSE(r.users().FindCalendarFeed("hash-1").has_value());
        EXPECT_EQ(r.users().FindCalendarFeed("hash-2"), user);
    });
}

TEST_P(StoreContract, ScorecardVersionsAndScoresRoundTrip) {
    const Tree t = MakeTree(store());
    StoredScorecard v;
    v.organization = t.commune.id;
    v.card = Hd42Scorecard();
    v.card.name = "Phiếu của xã";
    v.card.effective_from = D(2026, 7, 1);
    v.card.blocks[0].criteria[0].tiers[1].max = 20.5;
    v.created_by = "xa";
    v.created_at = 10;
    Meeting m;
    m.organization = t.cell_a.id;
    m.year = 2026;
    m.month = 7;
    m.date = D(2026, 7, 3);
    Write(store(), [&](Repositories& r) {
        v = r.scores().InsertScorecard(v);
        StoredScorecard older = v;
        older.card.effective_from = D(2026, 1, 1);
        r.scores().InsertScorecard(older);
        m = r.meetings().Insert(m);
        MeetingScore score;
        score.meeting = m.id;
        score.role = ScorerRole::kSuperior;
        score.scorecard_id = v.id;
        score.points = {{"duration", 5}, {"attendance", 1}};
        score.total = 6;
        score.level = QualityLevel::kPoor;
        score.scored_by = "xa";
        score.scored_at = 20;
        r.scores().InsertScore(score);
        score.reason = "Chấm lại";
        score.total = 7;
        r.scores().InsertScore(score);
    });
    Read(store(), [&](Repositories& r) {
        const auto versions = r.scores().Scorecards(t.commune.id);
        ASSERT_EQ(versions.size(), 2u);
        EXPECT_EQ(versions[0].card.effective_from, D(2026, 1, 1));
        const auto got = r.scores().GetScorecard(v.id);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->card.name, "Phiếu của xã");
        EXPECT_EQ(got->card.Total(), 100);
        EXPECT_EQ(got->card.blocks[0].criteria[0].tiers[1].max, 20.5);
        EXPECT_FALSE(got->card.blocks[0].criteria[0].tiers.back().max.has_value());
        EXPECT_EQ(got->card.blocks[1].criteria[0].caps.at(0).metric, Metric::kUnexcusedAbsences);
        EXPECT_FALSE(got->card.Find("procedure")->metric.has_value());
        EXPECT_EQ(got->card.full_marks_for_good, Hd42Scorecard().full_marks_for_good);
        EXPECT_TRUE(r.scores().Scorecards(t.cell_a.id).empty());
        const auto scores = r.scores().Scores(m.id);
        ASSERT_EQ(scores.size(), 2u);
        EXPECT_EQ(scores[0].role, ScorerRole::kSuperior);
        EXPECT_EQ(scores[0].points.at("attendance"), 1);
        EXPECT_EQ(scores[1].reason, "Chấm lại");
        EXPECT_EQ(scores[1].total, 7);
    });
}

TEST_P(StoreContract, GradingRoundsAndGradesRoundTrip) {
    const Tree t = MakeTree(store());
    GradingRound year;
    year.organization = t.commune.id;
    year.period = *ParseGradingPeriod("2026");
    year.excellent_quota = 0.15;
    year.created_by = "xa";
    year.created_at = 30;
    GradingRound quarter = year;
    quarter.period = *ParseGradingPeriod("2026-Q3");
    GradingRound term = year;
    term.organization = t.province.id;
    term.period = *ParseGradingPeriod("2025-2030");
    Write(store(), [&](Repositories& r) {
        quarter = r.grading().InsertRound(quarter);
        year = r.grading().InsertRound(year);
        term = r.grading().InsertRound(term);
        Grade g;
        g.round = year.id;
        g.subject = GradingSubject::kMember;
        g.subject_id = 77;
        g.step = GradingStep::kDecision;
        g.general_points = 28;
        g.task_points = 64;
        g.total = 92;
        g.level = GradeLevel::kExcellent;
        g.exceeded_targets = true;
        g.comment = "Gương mẫu, đi đầu";
        g.recorded_by = "xa";
        g.recorded_at = 40;
        r.grading().InsertGrade(g);
        g.disciplined = true;
        g.level = GradeLevel::kGood;
        g.reason = "Bị khiển trách trong năm";
        r.grading().InsertGrade(g);
        g.round = quarter.id;
        r.grading().InsertGrade(g);
    });
    Read(store(), [&](Repositories& r) {
        const auto rounds = r.grading().RoundsOf({t.commune.id, t.province.id});
        ASSERT_EQ(rounds.size(), 3U);
        // Newest period first: the term ends last, then the year, then its third quarter.
        EXPECT_EQ(rounds[0].period.code, "2025-2030");
        EXPECT_EQ(rounds[1].period.code, "2026");
        EXPECT_EQ(rounds[2].period.code, "2026-Q3");
        EXPECT_EQ(rounds[2].period.kind, GradingPeriodKind::kQuarter);
        EXPECT_DOUBLE_EQ(rounds[1].excellent_quota, 0.15);
        EXPECT_EQ(r.grading().RoundsOf({t.cell_a.id}).size(), 0U);
        EXPECT_EQ(r.grading().FindRound(t.commune.id, "2026")->id, year.id);
        EXPECT_FALSE(r.grading().FindRound(t.province.id, "2026").has_value());
        EXPECT_EQ(r.grading().GetRound(term.id)->organization, t.province.id);
        const auto grades = r.grading().Grades(year.id);
        ASSERT_EQ(grades.size(), 2U);
        EXPECT_EQ(grades[0].subject, GradingSubject::kMember);
        EXPECT_EQ(grades[0].subject_id, 77);
        EXPECT_EQ(grades[0].step, GradingStep::kDecision);
        EXPECT_EQ(grades[0].level, GradeLevel::kExcellent);
        EXPECT_TRUE(grades[0].exceeded_targets);
        EXPECT_FALSE(grades[0].disciplined);
        EXPECT_EQ(grades[0].comment, "Gương mẫu, đi đầu");
        EXPECT_EQ(grades[0].recorded_at, 40);
        EXPECT_TRUE(grades[1].disciplined);
        EXPECT_EQ(grades[1].reason, "Bị khiển trách trong năm");
        EXPECT_EQ(r.grading().Grades(quarter.id).size(), 1U);
    });
    // One round per organisation and period (an engine may throw or return the error).
    bool refused = false;
    try {
        refused = !store()
                       .Write([&](Repositories& r) -> Result<void> {
                           r.grading().InsertRound(year);
                           return {};
                       })
                       .has_value();
    } catch (const std::exception&) {
        refused = true;
    }
    EXPECT_TRUE(refused);
    Read(store(), [&](Repositories& r) { EXPECT_EQ(r.grading().RoundsOf({t.commune.id}).size(), 2U); });
}

TEST_P(StoreContract, AFailedWriteLeavesNothing) {
    const Tree t = MakeTree(store());

    auto failed = store().Write([&](Repositories& r) -> Result<void> {
        r.members().Insert(Mem(t.cell_a.id, "Nguyễn Văn An"));
        return base::MakeError(base::ErrorCode::kInvalidArgument, "sai", "x");
    });
    EXPECT_FALSE(failed.has_value());
    EXPECT_THROW((void)store().Write([&](Repositories& r) -> Result<void> {
        r.members().Insert(Mem(t.cell_a.id, "Trần Văn Bình"));
        throw std::runtime_error("boom");
    }),
                 std::runtime_error);

    Read(store(), [&](Repositories& r) {
        MemberQuery q;
        q.subtree_path = t.province.path;
        q.include_off_roll = true;
        EXPECT_EQ(r.members().Search(q).total, 0);
    });
}

}  // namespace
}  // namespace chibo::tests
