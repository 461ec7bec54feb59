// Sign-in, sessions on several nodes, and the login throttle.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/auth_service.hpp"
#include "app/demo_fixture_test.hpp"
#include "app/meeting_service.hpp"
#include "app/member_service.hpp"
#include "app/organization_service.hpp"
#include "app/score_service.hpp"
#include "app/statistics_service.hpp"
#include "app/user_service.hpp"
#include "domain/audit_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/statistics_queries.hpp"
#include "domain/store.hpp"
#include "domain/user_repository.hpp"

namespace chibo::app {
namespace {

using namespace chibo::domain;
using base::ErrorCode;

// Two AuthServices on one store are two nodes: each keeps the sessions it has looked up, and every
// change made anywhere (a logout on the other node, a role, the store written directly) is seen on the
// next request.
TEST_F(DemoFixture, CachedSessionsFollowEveryChangeMadeAnywhere) {
    base::FixedClock clock(clock_.NowUnixSeconds());
    AuthService node_a(*store_, clock);
    AuthService node_b(*store_, clock);
    UserService users(*store_, clock_);
    const Actor admin = Login("admin");
    NewUser input{"cache.test", "mat-khau-2026",  "Kiểm tra phiên",
                  std::nullopt, Role::kCommittee, FindOrg("Chi bộ Thôn Bắc")};
    const auto created = users.Create(admin, input);
    ASSERT_TRUE(created.has_value()) << created.error().message;

    const auto login = node_a.Login("cache.test", "mat-khau-2026", "127.0.0.1");
    ASSERT_TRUE(login.has_value()) << login.error().message;
    ASSERT_TRUE(node_b.Authenticate(login->session_token).has_value());
    EXPECT_EQ(node_b.cache().size(), 1u);
    const auto again = node_b.Authenticate(login->session_token);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->user.roles.size(), 1u);
    EXPECT_EQ(again->csrf_token, login->csrf_token);

    // A role granted through the other node shows at once.
    ASSERT_TRUE(users.AddRole(admin, created->id, Role::kSecretary, FindOrg("Chi bộ Thôn Nam")).has_value());
    EXPECT_EQ(node_b.Authenticate(login->session_token)->user.roles.size(), 2u);

    // A session deleted straight in the store (as the command line would) ends at once.
    const auto second = node_a.Login("cache.test", "mat-khau-2026", "127.0.0.1");
    const std::string second_hash = node_b.Authenticate(second->session_token)->token_hash;
    ASSERT_TRUE(store_
                    ->Write([&](Repositories& r) -> base::Result<void> {
                        r.users().DeleteSession(second_hash);
                        return {};
                    })
                    .has_value());
    EXPECT_EQ(node_b.Authenticate(second->session_token).error().code, ErrorCode::kUnauthenticated);

    // A logout on one node ends the session on the other.
    const auto before_logout = node_a.Authenticate(login->session_token);
    ASSERT_TRUE(node_b.Authenticate(login->session_token).has_value());
    ASSERT_TRUE(node_a.Logout(*before_logout).has_value());
    EXPECT_EQ(node_b.Authenticate(login->session_token).error().code, ErrorCode::kUnauthenticated);

    // A cached session still expires on time.
    const auto third = node_a.Login("cache.test", "mat-khau-2026", "127.0.0.1");
    ASSERT_TRUE(node_b.Authenticate(third->session_token).has_value());
    clock.Advance(AuthService::kSessionSeconds);
    EXPECT_EQ(node_b.Authenticate(third->session_token).error().code, ErrorCode::kUnauthenticated);
}

TEST(SessionCacheTest, KeepsOnlyTheNewestVersion) {
    SessionCache cache;
    Authenticated a;
    a.csrf_token = "a";
    cache.Put("t1", 5, 100, a);
    EXPECT_TRUE(cache.Find("t1", 5, 99).has_value());
    EXPECT_FALSE(cache.Find("t1", 5, 100).has_value());  // Expired.
    EXPECT_FALSE(cache.Find("t1", 6, 99).has_value());   // The store changed since.
    cache.Put("t2", 4, 100, a);                          // An older lookup is not kept…
    EXPECT_FALSE(cache.Find("t2", 4, 99).has_value());
    EXPECT_EQ(cache.size(), 1u);
    cache.Put("t2", 6, 100, a);  // …and a newer one drops what was checked before it.
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_FALSE(cache.Find("t1", 6, 99).has_value());
    EXPECT_EQ(cache.Find("t2", 6, 99)->csrf_token, "a");
}

TEST(LoginThrottleTest, BlocksAfterFiveFailuresUntilTheWindowPasses) {
    base::FixedClock clock(1000);
    LoginThrottle throttle(5, 900, clock);

    for (int i = 0; i < 4; ++i) throttle.RecordFailure("admin");
    EXPECT_EQ(throttle.RetryAfter("admin"), 0);
    throttle.RecordFailure("admin");
    EXPECT_EQ(throttle.RetryAfter("admin"), 900);
    EXPECT_EQ(throttle.RetryAfter("other"), 0);
    clock.Advance(899);
    EXPECT_EQ(throttle.RetryAfter("admin"), 1);
    clock.Advance(1);
    EXPECT_EQ(throttle.RetryAfter("admin"), 0);
}

}  // namespace
}  // namespace chibo::app
