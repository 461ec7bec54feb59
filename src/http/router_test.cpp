#include "http/router.hpp"

#include <gtest/gtest.h>

namespace chibo::http {
namespace {

Response Named(const char* name) {
    Response r;
    r.body = name;
    return r;
}

Router Make() {
    Router router;
    router.Add(Method::kGet, "/api/v1/members", Access::kSignedIn, [](Request&) { return Named("list"); });
    router.Add(Method::kGet, "/api/v1/members/{id}", Access::kSignedIn, [](Request&) { return Named("get"); });
    router.Add(Method::kPost, "/api/v1/members/{id}/transfer", Access::kSignedIn,
               [](Request&) { return Named("transfer"); });
    router.Add(Method::kDelete, "/api/v1/users/{id}/roles/{role_id}", Access::kSignedIn,
               [](Request&) { return Named("remove"); });
    return router;
}

TEST(RouterTest, MatchesLiteralAndParameterSegments) {
    const Router router = Make();
    Request req;
    bool exists = false;

    req.path = "/api/v1/members/42";
    const auto* route = router.Find(req, exists);
    ASSERT_NE(route, nullptr);
    EXPECT_EQ(route->handler(req)->body, "get");
    EXPECT_EQ(req.path_params["id"], "42");

    req.method = Method::kDelete;
    req.path = "/api/v1/users/3/roles/9";
    route = router.Find(req, exists);
    ASSERT_NE(route, nullptr);
    EXPECT_EQ(req.path_params["role_id"], "9");
}

TEST(RouterTest, TellsAWrongMethodFromAnUnknownPath) {
    const Router router = Make();
    Request req;
    bool exists = false;

    req.method = Method::kPut;
    req.path = "/api/v1/members";
    EXPECT_EQ(router.Find(req, exists), nullptr);
    EXPECT_TRUE(exists);

    req.method = Method::kGet;
    req.path = "/api/v1/nothing";
    EXPECT_EQ(router.Find(req, exists), nullptr);
    EXPECT_FALSE(exists);

    req.path = "/api/v1/members/42/extra";
    EXPECT_EQ(router.Find(req, exists), nullptr);
}

TEST(RouterTest, ARouteMayAcceptALargerBody) {
    Router router = Make();
    router.Add(
        Method::kPost, "/api/v1/meetings/{id}/attachments", Access::kSignedIn, [](Request&) { return Named("upload"); },
        5000);
    EXPECT_EQ(router.MaxBody(Method::kPost, "/api/v1/meetings/7/attachments"), 5000U);
    EXPECT_EQ(router.MaxBody(Method::kGet, "/api/v1/meetings/7/attachments"), 0U) << "another method";
    EXPECT_EQ(router.MaxBody(Method::kPost, "/api/v1/members/7/transfer"), 0U) << "no limit of its own";
    EXPECT_EQ(router.MaxBody(Method::kPost, "/api/v1/unknown"), 0U);
}

TEST(RouterTest, HeadUsesTheGetRoute) {
    const Router router = Make();
    Request req;
    bool exists = false;
    req.method = Method::kHead;
    req.path = "/api/v1/members";

    EXPECT_NE(router.Find(req, exists), nullptr);
}

}  // namespace
}  // namespace chibo::http
