#include "domain/document.hpp"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

base::Date D(int y, int m, int d) {
    return *base::Date::FromYmd(y, m, d);
}

TEST(FormatDocumentNumberTest, FollowsThePartyFormat) {
    EXPECT_EQ(FormatDocumentNumber(5, DocumentType::kResolution, OrganizationKind::kSubordinateCell), "05-NQ/CB");
    EXPECT_EQ(FormatDocumentNumber(12, DocumentType::kMinutes, OrganizationKind::kGrassrootsCell), "12-BB/CB");
    EXPECT_EQ(FormatDocumentNumber(3, DocumentType::kDecision, OrganizationKind::kCommuneCommittee), "03-QĐ/ĐU");
    EXPECT_EQ(FormatDocumentNumber(101, DocumentType::kProject, OrganizationKind::kProvince), "101-ĐA/TU");
}

TEST(TermOfTest, FiveYearCyclesTurningOverInJuly) {
    EXPECT_EQ(TermOf(D(2025, 7, 1)).Key(), "2025-2030");
    EXPECT_EQ(TermOf(D(2025, 6, 30)).Key(), "2020-2025");
    EXPECT_EQ(TermOf(D(2026, 11, 22)).Key(), "2025-2030");
    EXPECT_EQ(TermOf(D(2030, 6, 30)).Key(), "2025-2030");
    EXPECT_EQ(TermOf(D(2030, 7, 1)).Key(), "2030-2035");
    EXPECT_EQ(TermOf(D(2019, 12, 31)).Key(), "2015-2020");
    EXPECT_EQ(TermOf(D(2026, 1, 1)).Label(), "2025 – 2030");
}

TEST(DocumentTypeTest, CodesAreAsciiAndSymbolsVietnamese) {
    EXPECT_EQ(DocumentTypeFromCode("QD"), DocumentType::kDecision);
    EXPECT_EQ(Symbol(DocumentType::kDecision), "QĐ");
    EXPECT_EQ(Label(DocumentType::kMinutes), "Biên bản");
    EXPECT_FALSE(DocumentTypeFromCode("QĐ").has_value());
    EXPECT_FALSE(DocumentTypeFromCode("XX").has_value());
}

TEST(ValidateNewDocumentTest, NeedsATitleAndAPastDate) {
    RegisteredDocument d;
    d.title = "Nghị quyết sinh hoạt chi bộ tháng 11";
    d.issued_on = D(2026, 11, 3);

    EXPECT_TRUE(ValidateNewDocument(d, D(2026, 11, 22)).has_value());
    EXPECT_EQ(ValidateNewDocument(d, D(2026, 11, 2)).error().field, "issued_on");
    d.title.clear();
    EXPECT_EQ(ValidateNewDocument(d, D(2026, 11, 22)).error().field, "title");
}

}  // namespace
}  // namespace chibo::domain
