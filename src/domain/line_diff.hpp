#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The difference between two texts line by line, as a reviewer reads two versions of a draft: the
// lines both keep, those the older one had and the newer one dropped, and those the newer one added.
namespace chibo::domain {

enum class DiffOp { kSame, kRemoved, kAdded };

// One line of a difference, with its 1-based line number in the older text (`old_line`, unset for an
// added line) and in the newer one (`new_line`, unset for a removed line).
struct DiffLine {
    DiffOp op = DiffOp::kSame;
    std::string text;
    std::optional<int> old_line;
    std::optional<int> new_line;
};

// The lines of a text, split at "\n" (a "\r" before it is dropped). A final line break ends the last
// line rather than starting an empty one; an empty text has no lines.
std::vector<std::string> SplitTextLines(std::string_view text);

// A shortest edit from `before` to `after` (a longest common subsequence of their lines): every line
// of both texts appears once, in order, and within a changed stretch the removed lines come before the
// added ones. Lines the texts share at their start and end are matched first; when the stretch left
// between them is larger than kMaxDiffCells (lines × lines), it is shown as removed then added, which
// is still a correct difference, only not the shortest.
inline constexpr long long kMaxDiffCells = 4'000'000;
std::vector<DiffLine> LineDiff(std::string_view before, std::string_view after);

std::string_view ToCode(DiffOp op);

}  // namespace chibo::domain
