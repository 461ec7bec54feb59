#include "domain/line_diff.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chibo::domain {
namespace {

// "  a" for a kept line, "- a" for a removed one, "+ a" for an added one, with both line numbers.
std::vector<std::string> Render(const std::vector<DiffLine>& diff) {
    std::vector<std::string> out;
    for (const DiffLine& l : diff) {
        const char* mark = l.op == DiffOp::kSame ? " " : l.op == DiffOp::kRemoved ? "-" : "+";
        out.push_back(std::string(mark) + " " + l.text + " " + (l.old_line ? std::to_string(*l.old_line) : "_") + "/" +
                      (l.new_line ? std::to_string(*l.new_line) : "_"));
    }
    return out;
}

TEST(SplitTextLinesTest, AFinalLineBreakEndsTheLastLineAndCarriageReturnsGo) {
    EXPECT_EQ(SplitTextLines(""), std::vector<std::string>{});
    EXPECT_EQ(SplitTextLines("a\nb"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(SplitTextLines("a\r\nb\r\n"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(SplitTextLines("a\n\nb\n"), (std::vector<std::string>{"a", "", "b"}));
}

TEST(LineDiffTest, EqualTextsAreAllKept) {
    EXPECT_EQ(Render(LineDiff("I. Mục đích\nII. Nội dung\n", "I. Mục đích\nII. Nội dung")),
              (std::vector<std::string>{"  I. Mục đích 1/1", "  II. Nội dung 2/2"}));
}

TEST(LineDiffTest, FromAndToNothing) {
    EXPECT_TRUE(LineDiff("", "").empty());
    EXPECT_EQ(Render(LineDiff("", "a\nb")), (std::vector<std::string>{"+ a _/1", "+ b _/2"}));
    EXPECT_EQ(Render(LineDiff("a\nb", "")), (std::vector<std::string>{"- a 1/_", "- b 2/_"}));
}

TEST(LineDiffTest, AChangedLineIsRemovedThenAdded) {
    EXPECT_EQ(Render(LineDiff("mở đầu\nphân loại rác\nkết luận", "mở đầu\nphân loại rác tại nguồn\nkết luận")),
              (std::vector<std::string>{"  mở đầu 1/1", "- phân loại rác 2/_", "+ phân loại rác tại nguồn _/2",
                                        "  kết luận 3/3"}));
}

// The classic example of Myers' paper: ABCABBA → CBABAC has a longest common subsequence of 4 lines,
// so the shortest edit removes 3 and adds 2.
TEST(LineDiffTest, FindsALongestCommonSubsequence) {
    const auto diff = LineDiff("A\nB\nC\nA\nB\nB\nA", "C\nB\nA\nB\nA\nC");

    int same = 0, removed = 0, added = 0;
    std::string before, after;
    for (const DiffLine& l : diff) {
        if (l.op != DiffOp::kAdded) before += l.text;
        if (l.op != DiffOp::kRemoved) after += l.text;
        (l.op == DiffOp::kSame ? same : l.op == DiffOp::kRemoved ? removed : added)++;
    }
    EXPECT_EQ(same, 4);
    EXPECT_EQ(removed, 3);
    EXPECT_EQ(added, 2);
    EXPECT_EQ(before, "ABCABBA");
    EXPECT_EQ(after, "CBABAC");
}

TEST(LineDiffTest, LineNumbersFollowEachText) {
    const auto diff = LineDiff("x\na\nb\nc", "a\nb\ny\nc\nz");

    EXPECT_EQ(Render(diff),
              (std::vector<std::string>{"- x 1/_", "  a 2/1", "  b 3/2", "+ y _/3", "  c 4/4", "+ z _/5"}));
}

TEST(LineDiffTest, AStretchTooLargeForTheTableIsRemovedThenAdded) {
    std::string before = "đầu\n", after = "đầu\n";
    for (int i = 0; i < 2100; ++i) {
        before += "cũ " + std::to_string(i) + "\n";
        after += "mới " + std::to_string(i) + "\n";
    }
    before += "cuối\n";
    after += "cuối\n";

    const auto diff = LineDiff(before, after);

    ASSERT_EQ(diff.size(), 2U + 2100U + 2100U);
    EXPECT_EQ(diff.front().op, DiffOp::kSame);
    EXPECT_EQ(diff[1].op, DiffOp::kRemoved);
    EXPECT_EQ(diff[2100].op, DiffOp::kRemoved);
    EXPECT_EQ(diff[2101].op, DiffOp::kAdded);
    EXPECT_EQ(diff.back().op, DiffOp::kSame);
    EXPECT_EQ(diff.back().old_line, 2102);
    EXPECT_EQ(diff.back().new_line, 2102);
}

}  // namespace
}  // namespace chibo::domain
