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
#include "domain/user_repository.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

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
