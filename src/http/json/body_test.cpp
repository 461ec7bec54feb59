#include "http/json/body.hpp"
#include "http/handler.hpp"

#include <gtest/gtest.h>

#include "base/id.hpp"

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

    EXPECT_EQ(body->String("name", Need::kRequired).error().field, "name");
    EXPECT_EQ(body->Id("id").error().field, "id");
    EXPECT_EQ(body->Date("day").error().field, "day");
    EXPECT_EQ(body->Id("missing").error().field, "missing");
    EXPECT_EQ(*body->String("ok", Need::kRequired), "x");
    EXPECT_FALSE(body->OptionalDate("missing")->has_value());
}

TEST(JsonBodyTest, RejectsNonObjectsAndBrokenJson) {
    EXPECT_FALSE(JsonBody::Parse("[1,2]").has_value());
    EXPECT_FALSE(JsonBody::Parse("{\"a\":").has_value());
    EXPECT_FALSE(JsonBody::Parse("\"\xff\"").has_value());
    EXPECT_TRUE(JsonBody::Parse("").has_value());
}

TEST(JsonBodyTest, SaysWhenABodyIsNestedTooDeeply) {
    // An object holding `levels - 1` nested arrays: `levels` levels in all.
    const auto nested = [](std::size_t levels) {
        return "{\"a\":" + std::string(levels - 1, '[') + std::string(levels - 1, ']') + "}";
    };

    const auto at_limit = JsonBody::Parse(nested(kMaxJsonDepth));
    const auto too_deep = JsonBody::Parse(nested(kMaxJsonDepth + 1));
    const auto broken = JsonBody::Parse(std::string(1000, '['));

    EXPECT_TRUE(at_limit.has_value());
    ASSERT_FALSE(too_deep.has_value());
    EXPECT_EQ(too_deep.error().code, base::ErrorCode::kInvalidArgument);
    EXPECT_EQ(too_deep.error().message, "Dữ liệu JSON lồng nhau quá sâu (tối đa 32 cấp).");
    ASSERT_FALSE(broken.has_value());
    EXPECT_EQ(broken.error().message, too_deep.error().message);
}

TEST(RequestTest, ReadsCookiesAndQueryStrings) {
    Request req;
    req.headers.emplace_back("cookie", "theme=dark; chibo_session=abc123; x=y");
    req.query = ParseQueryString("q=%C4%90%E1%BA%B7ng+v%C4%83n&page=2&empty=");

    EXPECT_EQ(req.Cookie("chibo_session"), "abc123");
    EXPECT_EQ(req.Cookie("missing"), "");
    EXPECT_EQ(*req.Query("q"), "Đặng văn");
    EXPECT_EQ(*req.Query("empty"), "");
    EXPECT_FALSE(PercentDecode("%zz", Plus::kLiteral).has_value());
    EXPECT_FALSE(PercentDecode("%4", Plus::kLiteral).has_value());
}

TEST(ParseIntTest, TakesOnlyAWholeNumber) {
    EXPECT_EQ(ParseInt("42"), 42);
    EXPECT_EQ(ParseInt("-3"), -3);
    EXPECT_FALSE(ParseInt("").has_value());
    EXPECT_FALSE(ParseInt("4x").has_value());
    EXPECT_FALSE(ParseInt(" 4").has_value());
    EXPECT_FALSE(ParseInt("99999999999999999999").has_value());
}

TEST(QueryIntTest, ChecksBounds) {
    Request req;
    req.query = ParseQueryString("page=0&page_size=abc&ok=7");

    EXPECT_EQ(QueryInt(req, "page", 1, 1, 10).error().field, "page");
    EXPECT_EQ(QueryInt(req, "page_size", 50, 1, 200).error().field, "page_size");
    EXPECT_EQ(*QueryInt(req, "ok", 1, 1, 10), 7);
    EXPECT_EQ(*QueryInt(req, "absent", 3, 1, 10), 3);
}

TEST(JsonBodyTest, ReadsClockTimesWithOneMessage) {
    const auto body = JsonBody::Parse(R"({"start": "14:05", "bad": "25:00", "empty": "", "word": "chiều"})");
    ASSERT_TRUE(body.has_value());

    EXPECT_EQ(**body->Clock("start"), 14 * 60 + 5);
    EXPECT_FALSE(body->Clock("empty")->has_value());
    EXPECT_FALSE(body->Clock("absent")->has_value());
    EXPECT_EQ(body->Clock("bad").error().field, "bad");
    EXPECT_EQ(body->Clock("bad").error().message, "Giờ phải có dạng HH:MM, ví dụ 14:00.");
    EXPECT_EQ(body->Clock("word").error().message, body->Clock("bad").error().message);
}

std::optional<int> Digit(std::string_view code) {
    if (code.size() == 1 && code[0] >= '0' && code[0] <= '9') return code[0] - '0';
    return std::nullopt;
}

TEST(JsonBodyTest, ReadsCodesRequiredOrOptional) {
    const auto body = JsonBody::Parse(R"({"one": "7", "wrong": "x", "blank": ""})");
    ASSERT_TRUE(body.has_value());

    EXPECT_EQ(*body->Code("one", Digit, "Không hợp lệ."), 7);
    EXPECT_EQ(body->Code("wrong", Digit, "Không hợp lệ.").error().message, "Không hợp lệ.");
    EXPECT_EQ(body->Code("absent", Digit, "Không hợp lệ.").error().message, "Vui lòng nhập trường này.");
    EXPECT_EQ(body->Code("blank", Digit, "Không hợp lệ.").error().field, "blank");
    EXPECT_EQ(**body->OptionalCode("one", Digit, "Không hợp lệ."), 7);
    EXPECT_FALSE(body->OptionalCode("absent", Digit, "Không hợp lệ.")->has_value());
    EXPECT_FALSE(body->OptionalCode("blank", Digit, "Không hợp lệ.")->has_value());
    EXPECT_EQ(body->OptionalCode("wrong", Digit, "Không hợp lệ.").error().field, "wrong");
}

struct WidgetTag {};
using WidgetId = base::Id<WidgetTag>;

TEST(PathIdTest, TypesTheIdAndTreatsMalformedOnesAsNotFound) {
    Request req;
    req.path_params["id"] = "42";
    req.path_params["other"] = "-3";
    req.path_params["text"] = "4x";

    EXPECT_EQ(PathId<WidgetId>(req)->value, 42);
    EXPECT_EQ(PathId<WidgetId>(req, "other").error().code, base::ErrorCode::kNotFound);
    EXPECT_EQ(PathId<WidgetId>(req, "text").error().code, base::ErrorCode::kNotFound);
    EXPECT_EQ(PathId<WidgetId>(req, "absent").error().code, base::ErrorCode::kNotFound);
}

TEST(ReplyTest, FilesAreDownloadsThatAreNeverCached) {
    const Response r = File("bytes", "application/pdf", "biên bản.pdf");

    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.content_type, "application/pdf");
    EXPECT_EQ(r.body, "bytes");
    ASSERT_EQ(r.headers.size(), 2u);
    EXPECT_EQ(r.headers[0].second,
              "attachment; filename=\"bi__n_b___n.pdf\"; filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n.pdf");
    EXPECT_EQ(r.headers[1].second, "private, no-store");
}

}  // namespace
}  // namespace chibo::http
