#include "http/json_io.hpp"

#include <gtest/gtest.h>

namespace chibo::http {
namespace {

TEST(StatusForTest, MapsEveryCode) {
    EXPECT_EQ(StatusFor(base::ErrorCode::kInvalidArgument), 400);
    EXPECT_EQ(StatusFor(base::ErrorCode::kUnauthenticated), 401);
    EXPECT_EQ(StatusFor(base::ErrorCode::kPermissionDenied), 403);
    EXPECT_EQ(StatusFor(base::ErrorCode::kNotFound), 404);
    EXPECT_EQ(StatusFor(base::ErrorCode::kConflict), 409);
    EXPECT_EQ(StatusFor(base::ErrorCode::kTooManyRequests), 429);
    EXPECT_EQ(StatusFor(base::ErrorCode::kUnavailable), 503);
}

TEST(ErrorResponseTest, CarriesCodeMessageAndField) {
    const Response r = ErrorResponse(FieldError("phone", "Số điện thoại không hợp lệ."));

    EXPECT_EQ(r.status, 400);
    const auto v = boost::json::parse(r.body);
    EXPECT_EQ(v.at("error").at("code").as_string(), "invalid_argument");
    EXPECT_EQ(v.at("error").at("field").as_string(), "phone");
    EXPECT_EQ(v.at("error").at("message").as_string(), "Số điện thoại không hợp lệ.");
}

TEST(JsonBodyTest, NamesTheFieldOfEveryWrongValue) {
    const auto body = JsonBody::Parse(R"({"name": 5, "id": -1, "day": "2025-02-30", "ok": "x", "nested": {}})");
    ASSERT_TRUE(body.has_value());

    EXPECT_EQ(body->String("name", true).error().field, "name");
    EXPECT_EQ(body->Id("id").error().field, "id");
    EXPECT_EQ(body->Date("day").error().field, "day");
    EXPECT_EQ(body->Id("missing").error().field, "missing");
    EXPECT_EQ(*body->String("ok", true), "x");
    EXPECT_FALSE(body->OptionalDate("missing")->has_value());
}

TEST(JsonBodyTest, RejectsNonObjectsAndBrokenJson) {
    EXPECT_FALSE(JsonBody::Parse("[1,2]").has_value());
    EXPECT_FALSE(JsonBody::Parse("{\"a\":").has_value());
    EXPECT_FALSE(JsonBody::Parse("\"\xff\"").has_value());
    EXPECT_TRUE(JsonBody::Parse("").has_value());
}

TEST(RequestTest, ReadsCookiesAndQueryStrings) {
    Request req;
    req.headers.emplace_back("cookie", "theme=dark; chibo_session=abc123; x=y");
    req.query = ParseQueryString("q=%C4%90%E1%BA%B7ng+v%C4%83n&page=2&empty=");

    EXPECT_EQ(req.Cookie("chibo_session"), "abc123");
    EXPECT_EQ(req.Cookie("missing"), "");
    EXPECT_EQ(*req.Query("q"), "Đặng văn");
    EXPECT_EQ(*req.Query("empty"), "");
    EXPECT_FALSE(PercentDecode("%zz", false).has_value());
    EXPECT_FALSE(PercentDecode("%4", false).has_value());
}

TEST(QueryIntTest, ChecksBounds) {
    Request req;
    req.query = ParseQueryString("page=0&page_size=abc&ok=7");

    EXPECT_EQ(QueryInt(req, "page", 1, 1, 10).error().field, "page");
    EXPECT_EQ(QueryInt(req, "page_size", 50, 1, 200).error().field, "page_size");
    EXPECT_EQ(*QueryInt(req, "ok", 1, 1, 10), 7);
    EXPECT_EQ(*QueryInt(req, "absent", 3, 1, 10), 3);
}

}  // namespace
}  // namespace chibo::http
