#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

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

TEST_P(StoreContract, TheRollOfADayHoldsThoseOnItThenWithTheirStatusThen) {
    const Tree t = MakeTree(store());
    Member stays, joined, left, away;
    Write(store(), [&](Repositories& r) {
        // On the roll since 2020.
        stays = r.members().Insert(Mem(t.cell_a.id, "Nguyễn Văn An"));
        r.members().OpenMembership({MembershipId(), stays.id, t.cell_a.id, D(2020, 1, 1), std::nullopt, "Kết nạp"});
        r.members().RecordStatus({stays.id, D(2020, 1, 1), MemberStatus::kOfficial});
        // Joined on 15/06/2026.
        joined = r.members().Insert(Mem(t.cell_a.id, "Trần Thị Bình"));
        r.members().OpenMembership(
            {MembershipId(), joined.id, t.cell_a.id, D(2026, 6, 15), std::nullopt, "Chuyển đến"});
        r.members().RecordStatus({joined.id, D(2026, 6, 15), MemberStatus::kProbationary});
        // Left for cell B on 01/07/2026.
        left = r.members().Insert(Mem(t.cell_b.id, "Lê Văn Cường"));
        r.members().OpenMembership({MembershipId(), left.id, t.cell_a.id, D(2019, 1, 1), std::nullopt, "Kết nạp"});
        r.members().RecordStatus({left.id, D(2019, 1, 1), MemberStatus::kOfficial});
        r.members().CloseMembership(left.id, D(2026, 7, 1));
        r.members().OpenMembership({MembershipId(), left.id, t.cell_b.id, D(2026, 7, 1), std::nullopt, "Chuyển đến"});
        // Working away from 10/12/2026 (the status changes; the member stays on the roll).
        away = r.members().Insert(Mem(t.cell_a.id, "Phạm Văn Dũng", MemberStatus::kWorkingAway));
        r.members().OpenMembership({MembershipId(), away.id, t.cell_a.id, D(2018, 1, 1), std::nullopt, "Kết nạp"});
        r.members().RecordStatus({away.id, D(2018, 1, 1), MemberStatus::kOfficial});
        r.members().RecordStatus({away.id, D(2026, 12, 10), MemberStatus::kOfficial});
        r.members().RecordStatus({away.id, D(2026, 12, 10), MemberStatus::kWorkingAway});  // Replaces that day's.
    });

    Read(store(), [&](Repositories& r) {
        auto roll = [&](OrganizationId cell, Date day) {
            std::map<std::int64_t, MemberStatus> out;
            for (const Member& m : r.members().RollOn(cell, day)) out[m.id.value] = m.status;
            return out;
        };
        const auto june14 = roll(t.cell_a.id, D(2026, 6, 14));
        EXPECT_EQ(june14.size(), 3u);
        EXPECT_FALSE(june14.contains(joined.id.value));
        const auto june15 = roll(t.cell_a.id, D(2026, 6, 15));
        EXPECT_EQ(june15.at(joined.id.value), MemberStatus::kProbationary);
        EXPECT_TRUE(june15.contains(left.id.value));
        const auto july1 = roll(t.cell_a.id, D(2026, 7, 1));  // The day they left is no longer theirs.
        EXPECT_FALSE(july1.contains(left.id.value));
        EXPECT_TRUE(roll(t.cell_b.id, D(2026, 7, 1)).contains(left.id.value));
        EXPECT_EQ(roll(t.cell_a.id, D(2026, 12, 9)).at(away.id.value), MemberStatus::kOfficial);
        EXPECT_EQ(roll(t.cell_a.id, D(2026, 12, 10)).at(away.id.value), MemberStatus::kWorkingAway);

        const auto history = r.members().StatusHistory(away.id);
        ASSERT_EQ(history.size(), 2u);
        EXPECT_EQ(history[0].since, D(2018, 1, 1));
        EXPECT_EQ(history[1].since, D(2026, 12, 10));
        EXPECT_EQ(history[1].status, MemberStatus::kWorkingAway);
        EXPECT_EQ(StatusOn(history, D(2017, 12, 31)), std::nullopt);
        EXPECT_EQ(StatusOn(history, D(2026, 12, 9)), MemberStatus::kOfficial);
    });
}

TEST_P(StoreContract, TransferLettersRoundTripAndTellWhoIsAwayOnADay) {
    const Tree t = MakeTree(store());
    Member away, no_letter, home, exempt;
    TransferLetter letter;
    Write(store(), [&](Repositories& r) {
        auto add = [&](const char* name, MemberStatus status) {
            Member m = r.members().Insert(Mem(t.cell_a.id, name, status));
            r.members().OpenMembership({MembershipId(), m.id, t.cell_a.id, D(2020, 1, 1), std::nullopt, "Kết nạp"});
            r.members().RecordStatus({m.id, D(2020, 1, 1), status});
            return m;
        };
        away = add("Phạm Văn Dũng", MemberStatus::kWorkingAway);
        no_letter = add("Lê Thị Hoa", MemberStatus::kWorkingAway);
        home = add("Nguyễn Văn An", MemberStatus::kOfficial);
        exempt = add("Trần Văn Bảy", MemberStatus::kExempt);
        letter = r.members().InsertLetter({TransferLetterId(), away.id, t.cell_a.id, "15-GGT/ĐU",
                                           "Chi bộ Khu phố 3, phường Tân Định", D(2026, 3, 10), D(2026, 7, 15),
                                           "Làm công nhân"});
        // An earlier letter, ended, and one of a member who is exempt (it makes them no more away).
        r.members().InsertLetter(
            {TransferLetterId(), away.id, t.cell_a.id, "02-GGT/ĐU", "Chi bộ Ấp 1", D(2025, 1, 1), D(2025, 6, 30), ""});
        r.members().InsertLetter({TransferLetterId(), exempt.id, t.cell_a.id, "03-GGT/ĐU", "Chi bộ Ấp 2", D(2026, 1, 1),
                                  D(2026, 12, 31), ""});
    });
    Read(store(), [&](Repositories& r) {
        const auto letters = r.members().Letters(away.id);
        ASSERT_EQ(letters.size(), 2u);
        EXPECT_EQ(letters[0].number, "02-GGT/ĐU");  // By start date.
        const TransferLetter& got = letters[1];
        EXPECT_EQ(got.id, letter.id);
        EXPECT_EQ(got.member, away.id);
        EXPECT_EQ(got.organization, t.cell_a.id);
        EXPECT_EQ(got.host, "Chi bộ Khu phố 3, phường Tân Định");
        EXPECT_EQ(got.from, D(2026, 3, 10));
        EXPECT_EQ(got.to, D(2026, 7, 15));
        EXPECT_EQ(got.note, "Làm công nhân");
        EXPECT_EQ(r.members().GetLetter(letter.id)->number, "15-GGT/ĐU");

        const std::vector<MemberId> roll{away.id, no_letter.id, home.id};
        ASSERT_EQ(r.members().LettersOn(roll, D(2026, 7, 15)).size(), 1u);  // Its last day.
        EXPECT_TRUE(r.members().LettersOn(roll, D(2026, 7, 16)).empty());
        EXPECT_TRUE(r.members().LettersOn(roll, D(2026, 3, 9)).empty());

        // The roll's stays carry the letters: away with the first in the first half of 2025, with the second from
        // 10/03 to 15/07/2026 inclusive, working away without one in between and after.
        const auto stays = r.members().RollStays(away.id, away.id);
        ASSERT_EQ(stays.size(), 5u);
        EXPECT_EQ(stays[0].standing, Standing::kAwayWithoutLetter);
        EXPECT_EQ(stays[1].standing, Standing::kAwayWithLetter);
        EXPECT_EQ(stays[1].from, D(2025, 1, 1));
        EXPECT_EQ(stays[1].to, D(2025, 7, 1));
        EXPECT_EQ(stays[2].standing, Standing::kAwayWithoutLetter);
        EXPECT_EQ(stays[3].standing, Standing::kAwayWithLetter);
        EXPECT_EQ(stays[3].from, D(2026, 3, 10));
        EXPECT_EQ(stays[3].to, D(2026, 7, 16));
        EXPECT_EQ(stays[4].standing, Standing::kAwayWithoutLetter);
        EXPECT_FALSE(stays[4].to.has_value());

        // Away from the cell (and the commune) on a day: Dũng with his letter, Hoa without one.
        const AwayCounts running = r.members().CountAway(t.commune.path, D(2026, 5, 1));
        EXPECT_EQ(running.with_letter, 1);
        EXPECT_EQ(running.without_letter, 1);
        const AwayCounts ended = r.members().CountAway(t.cell_a.path, D(2026, 8, 1));
        EXPECT_EQ(ended.with_letter, 0);
        EXPECT_EQ(ended.without_letter, 2);
        EXPECT_EQ(r.members().CountAway(t.cell_b.path, D(2026, 5, 1)).total(), 0);
    });
    Write(store(), [&](Repositories& r) {
        TransferLetter shorter = letter;
        shorter.to = D(2026, 4, 30);
        shorter.host = "Chi bộ Khu phố 4";
        r.members().UpdateLetter(shorter);
        r.members().DeleteLetter(r.members().Letters(away.id).front().id);
    });
    Read(store(), [&](Repositories& r) {
        const auto letters = r.members().Letters(away.id);
        ASSERT_EQ(letters.size(), 1u);
        EXPECT_EQ(letters[0].to, D(2026, 4, 30));
        EXPECT_EQ(letters[0].host, "Chi bộ Khu phố 4");
        EXPECT_EQ(r.members().CountAway(t.commune.path, D(2026, 5, 1)).with_letter, 0);
    });
}

}  // namespace
}  // namespace chibo::tests
