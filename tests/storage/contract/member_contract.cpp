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

}  // namespace
}  // namespace chibo::tests
