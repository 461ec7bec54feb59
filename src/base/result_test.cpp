#include "base/result.hpp"

#include <gtest/gtest.h>

namespace chibo::base {
namespace {

Result<int> Half(int n) {
    if (n % 2 != 0) return MakeError(ErrorCode::kInvalidArgument, "Số lẻ", "n");
    return n / 2;
}

Result<int> Quarter(int n) {
    CHIBO_TRY_ASSIGN(const int half, Half(n));
    return Half(half);
}

TEST(ResultTest, CarriesValueOrError) {
    EXPECT_EQ(*Half(4), 2);
    EXPECT_FALSE(Half(3).has_value());
    EXPECT_EQ(Half(3).error().field, "n");
}

TEST(ResultTest, TryAssignPropagatesTheFirstError) {
    EXPECT_EQ(*Quarter(8), 2);
    EXPECT_EQ(Quarter(6).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace chibo::base
