#include "base/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace chibo::base {
namespace {

TEST(FoldForSearchTest, StripsVietnameseDiacriticsIncludingDStroke) {
    EXPECT_EQ(FoldForSearch("Đặng Văn Hùng"), "dang van hung");
    EXPECT_EQ(FoldForSearch("Đồng Hóa"), "dong hoa");
    EXPECT_EQ(FoldForSearch("  NGUYỄN   thị   Ánh "), "nguyen thi anh");
    EXPECT_EQ(FoldForSearch("Phường Bình Minh"), "phuong binh minh");
}

TEST(FoldForSearchTest, InvalidUtf8FoldsToEmpty) {
    EXPECT_EQ(FoldForSearch("\xff\xfe"), "");
}

TEST(GivenNameTest, IsTheLastWord) {
    EXPECT_EQ(GivenName("Đặng Văn Hùng"), "Hùng");
    EXPECT_EQ(GivenName("Lan"), "Lan");
    EXPECT_EQ(GivenName("  Trần  Thị   Mai  "), "Mai");
}

TEST(CollationKeyTest, SortsTheVietnameseWay) {
    std::vector<std::string> names = {"Đặng", "Bình", "Ánh", "Dương", "Anh", "Ân", "Ăn"};
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return CollationKey(a) < CollationKey(b); });

    const std::vector<std::string> expected = {"Anh", "Ánh", "Ăn", "Ân", "Bình", "Dương", "Đặng"};
    EXPECT_EQ(names, expected);
}

TEST(NameSortKeyTest, OrdersByGivenNameThenFullName) {
    std::vector<std::string> names = {"Đặng Văn Hùng", "Trần Thị Anh", "Nguyễn Văn Hùng", "Lê Bình"};
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return NameSortKey(a) < NameSortKey(b); });

    const std::vector<std::string> expected = {"Trần Thị Anh", "Lê Bình", "Đặng Văn Hùng", "Nguyễn Văn Hùng"};
    EXPECT_EQ(names, expected);
}

TEST(NormalizeSpacesTest, TrimsCollapsesAndComposes) {
    EXPECT_EQ(NormalizeSpaces("  Chi bộ   Thôn\tĐông "), "Chi bộ Thôn Đông");
    // "e" + combining circumflex + combining acute composes to one code point.
    EXPECT_EQ(NormalizeSpaces("e\xcc\x82\xcc\x81"), "\xe1\xba\xbf");
    EXPECT_EQ(NormalizeSpaces("\xc3\x28"), "");
}

TEST(Utf8Test, ValidatesAndCounts) {
    EXPECT_TRUE(IsValidUtf8("Đảng"));
    EXPECT_FALSE(IsValidUtf8("\xe1\xba"));
    EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));
    EXPECT_EQ(Utf8Length("Đảng"), 4u);
}

TEST(UpperCaseTest, KeepsVietnameseMarks) {
    EXPECT_EQ(UpperCase("Chi bộ Thôn Đông"), "CHI BỘ THÔN ĐÔNG");
    EXPECT_EQ(UpperCase("Đảng bộ xã Hòa An"), "ĐẢNG BỘ XÃ HÒA AN");
}

}  // namespace
}  // namespace chibo::base
