#include "domain/audit.hpp"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

AuditChange C(std::int64_t id) {
    return {id, "meeting.update", "meeting", id * 10};
}

std::vector<std::int64_t> Ids(const std::vector<AuditChange>& changes) {
    std::vector<std::int64_t> out;
    for (const AuditChange& c : changes) out.push_back(c.id);
    return out;
}

TEST(AuditCursor, ReadsSkippedIdsAgainUntilTheyAppearOrAgeOut) {
    // Started after 10 with 7, 8 and 10 present in the window 6–10: 6 and 9 may still commit.
    AuditCursor cursor(10, {7, 8, 10}, 5, 1000);
    EXPECT_EQ(cursor.seen(), 10);
    EXPECT_EQ(cursor.Missing(1000), (std::vector<std::int64_t>{6, 9}));

    // 9 appears late, 11 and 14 are new: 12 and 13 were skipped over.
    EXPECT_EQ(Ids(cursor.Take({C(9), C(11), C(14)}, 1010)), (std::vector<std::int64_t>{9, 11, 14}));
    EXPECT_EQ(cursor.seen(), 14);
    EXPECT_EQ(cursor.Missing(1010), (std::vector<std::int64_t>{6, 12, 13}));

    // Each row is taken once: 11 again is ignored, 12 is new to the reader.
    EXPECT_EQ(Ids(cursor.Take({C(11), C(12)}, 1020)), (std::vector<std::int64_t>{12}));

    // A transaction that rolled back never fills its id: it ages out.
    EXPECT_EQ(cursor.Missing(1000 + AuditCursor::kGapSeconds), (std::vector<std::int64_t>{13}));
    EXPECT_TRUE(cursor.Missing(1010 + AuditCursor::kGapSeconds).empty());
    EXPECT_TRUE(cursor.Take({C(13)}, 2000).empty());
}

TEST(AuditCursor, AJumpOfTheSequenceKeepsOnlyTheLastIds) {
    AuditCursor cursor;
    EXPECT_TRUE(cursor.Missing(0).empty());
    EXPECT_EQ(Ids(cursor.Take({C(1), C(50000)}, 0)), (std::vector<std::int64_t>{1, 50000}));
    const auto missing = cursor.Missing(0);
    ASSERT_EQ(missing.size(), AuditCursor::kMaxGaps);
    EXPECT_EQ(missing.front(), 50000 - static_cast<std::int64_t>(AuditCursor::kMaxGaps));
    EXPECT_EQ(missing.back(), 49999);
}

}  // namespace
}  // namespace chibo::domain
