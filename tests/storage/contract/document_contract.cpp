#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/document_repository.hpp"
#include "domain/store.hpp"
#include "tests/storage/store_contract.hpp"

namespace chibo::tests {
namespace {

using namespace chibo::domain;
using base::Date;
using base::Result;

TEST_P(StoreContract, DocumentNumbersCountPerTypeAndTermWithoutGaps) {
    const Tree t = MakeTree(store());
    auto doc = [&](DocumentType type, const char* term) {
        RegisteredDocument d;
        d.organization = t.cell_a.id;
        d.type = type;
        d.term = term;
        d.issued_on = D(2026, 1, 5);
        d.title = "Văn bản";
        d.created_by = "bithu";
        return d;
    };
    auto format = [](int n) { return std::to_string(n) + "-NQ/CB"; };
    std::vector<int> numbers;
    Write(store(), [&](Repositories& r) {
        numbers.push_back(r.documents().Register(doc(DocumentType::kResolution, "2025-2030"), format).number);
        numbers.push_back(r.documents().Register(doc(DocumentType::kResolution, "2025-2030"), format).number);
        numbers.push_back(r.documents().Register(doc(DocumentType::kMinutes, "2025-2030"), format).number);
        numbers.push_back(r.documents().Register(doc(DocumentType::kResolution, "2030-2035"), format).number);
    });
    // A rolled-back registration gives its number back.
    (void)store().Write([&](Repositories& r) -> Result<void> {
        r.documents().Register(doc(DocumentType::kResolution, "2025-2030"), format);
        return base::MakeError(base::ErrorCode::kInvalidArgument, "sai");
    });
    Write(store(), [&](Repositories& r) {
        numbers.push_back(r.documents().Register(doc(DocumentType::kResolution, "2025-2030"), format).number);
    });

    EXPECT_EQ(numbers, (std::vector<int>{1, 2, 1, 1, 3}));
    Read(store(), [&](Repositories& r) {
        const auto all = r.documents().List(t.cell_a.id, std::nullopt, "", 0, 50);
        EXPECT_EQ(all.total, 5);
        EXPECT_EQ(all.items.front().number_text, "3-NQ/CB");
        EXPECT_EQ(all.items.front().issued_on, D(2026, 1, 5));
        EXPECT_EQ(r.documents().List(t.cell_a.id, DocumentType::kResolution, "2025-2030", 0, 50).total, 3);
        EXPECT_EQ(r.documents().List(t.cell_b.id, std::nullopt, "", 0, 50).total, 0);
    });
}

}  // namespace
}  // namespace chibo::tests
