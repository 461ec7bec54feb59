#include "domain/line_diff.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace chibo::domain {

std::vector<std::string> SplitTextLines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.emplace_back(line);
        start = end + 1;
    }
    return lines;
}

std::vector<DiffLine> LineDiff(std::string_view before, std::string_view after) {
    const std::vector<std::string> a = SplitTextLines(before);
    const std::vector<std::string> b = SplitTextLines(after);
    std::vector<DiffLine> out;
    out.reserve(a.size() + b.size());
    auto same = [&](std::size_t i, std::size_t j) {
        out.push_back({DiffOp::kSame, a[i], static_cast<int>(i) + 1, static_cast<int>(j) + 1});
    };
    auto removed = [&](std::size_t i) { out.push_back({DiffOp::kRemoved, a[i], static_cast<int>(i) + 1, {}}); };
    auto added = [&](std::size_t j) { out.push_back({DiffOp::kAdded, b[j], {}, static_cast<int>(j) + 1}); };

    // The shared start and end cost nothing and shrink the table below to the changed stretch.
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
    for (std::size_t k = 0; k < head; ++k) same(k, k);

    const std::size_t n = a.size() - head - tail;
    const std::size_t m = b.size() - head - tail;
    if (static_cast<long long>(n) * static_cast<long long>(m) > kMaxDiffCells) {
        for (std::size_t i = 0; i < n; ++i) removed(head + i);
        for (std::size_t j = 0; j < m; ++j) added(head + j);
    } else {
        // lcs[i][j]: the longest common subsequence of the stretch's a[i..] and b[j..], so that a walk
        // from the start can choose at each step.
        const std::size_t width = m + 1;
        std::vector<std::uint32_t> lcs((n + 1) * width, 0);
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                lcs[i * width + j] = a[head + i] == b[head + j]
                                         ? lcs[(i + 1) * width + j + 1] + 1
                                         : std::max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                same(head + i++, head + j++);
            } else if (j == m || (i < n && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
                removed(head + i++);
            } else {
                added(head + j++);
            }
        }
    }
    for (std::size_t k = tail; k > 0; --k) same(a.size() - k, b.size() - k);
    return out;
}

std::string_view ToCode(DiffOp op) {
    switch (op) {
        case DiffOp::kSame:
            return "same";
        case DiffOp::kRemoved:
            return "removed";
        case DiffOp::kAdded:
            return "added";
    }
    return "";
}

}  // namespace chibo::domain
