#include "domain/document.hpp"

#include <array>
#include <cstdio>

#include "base/text.hpp"

namespace chibo::domain {
namespace {

struct TypeInfo {
    DocumentType type;
    std::string_view code;
    std::string_view symbol;
    std::string_view label;
};

constexpr std::array<TypeInfo, 13> kTypes{{
    {DocumentType::kResolution, "NQ", "NQ", "Nghị quyết"},
    {DocumentType::kDecision, "QD", "QĐ", "Quyết định"},
    {DocumentType::kConclusion, "KL", "KL", "Kết luận"},
    {DocumentType::kNotice, "TB", "TB", "Thông báo"},
    {DocumentType::kReport, "BC", "BC", "Báo cáo"},
    {DocumentType::kPlan, "KH", "KH", "Kế hoạch"},
    {DocumentType::kProgramme, "CTr", "CTr", "Chương trình"},
    {DocumentType::kProject, "DA", "ĐA", "Đề án"},
    {DocumentType::kScheme, "PA", "PA", "Phương án"},
    {DocumentType::kSubmission, "TTr", "TTr", "Tờ trình"},
    {DocumentType::kLetter, "CV", "CV", "Công văn"},
    {DocumentType::kMinutes, "BB", "BB", "Biên bản"},
    {DocumentType::kRegulation, "QC", "QC", "Quy chế"},
}};

const TypeInfo& Info(DocumentType type) {
    for (const TypeInfo& t : kTypes)
        if (t.type == type) return t;
    return kTypes[0];
}

}  // namespace

std::string Term::Key() const {
    return std::to_string(start_year) + "-" + std::to_string(end_year);
}
std::string Term::Label() const {
    return std::to_string(start_year) + " – " + std::to_string(end_year);
}

Term TermOf(base::Date date) {
    // Cycles start in 2020, 2025, 2030…; the new term begins on 1 July of the turnover year.
    const int year = date.month() < 7 ? date.year() - 1 : date.year();
    const int start = year - ((year - 2020) % 5 + 5) % 5;
    return Term{start, start + 5};
}

std::string_view IssuerSymbol(OrganizationKind kind) {
    switch (kind) {
        case OrganizationKind::kCentral:
            return "TW";
        case OrganizationKind::kProvince:
            return "TU";
        case OrganizationKind::kCommuneCommittee:
        case OrganizationKind::kGrassrootsCommittee:
            return "ĐU";
        case OrganizationKind::kGrassrootsCell:
        case OrganizationKind::kSubordinateCell:
            return "CB";
        case OrganizationKind::kPartyGroup:
            return "TĐ";
    }
    return "CB";
}

std::string FormatDocumentNumber(int number, DocumentType type, OrganizationKind issuer) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%02d", number);
    return std::string(digits) + "-" + std::string(Info(type).symbol) + "/" + std::string(IssuerSymbol(issuer));
}

base::Result<void> ValidateNewDocument(const RegisteredDocument& document, base::Date today) {
    if (document.title.empty())
        return base::MakeError(base::ErrorCode::kInvalidArgument, "Vui lòng nhập trích yếu văn bản.", "title");
    if (base::Utf8Length(document.title) > 300)
        return base::MakeError(base::ErrorCode::kInvalidArgument, "Trích yếu dài quá 300 ký tự.", "title");
    if (document.issued_on > today)
        return base::MakeError(base::ErrorCode::kInvalidArgument, "Ngày ban hành không được ở tương lai.", "issued_on");
    if (document.issued_on < *base::Date::FromYmd(2000, 1, 1))
        return base::MakeError(base::ErrorCode::kInvalidArgument, "Ngày ban hành không hợp lệ.", "issued_on");
    return {};
}

std::string_view ToCode(DocumentType type) {
    return Info(type).code;
}
std::string_view Symbol(DocumentType type) {
    return Info(type).symbol;
}
std::string_view Label(DocumentType type) {
    return Info(type).label;
}

std::optional<DocumentType> DocumentTypeFromCode(std::string_view code) {
    for (const TypeInfo& t : kTypes)
        if (t.code == code) return t.type;
    return std::nullopt;
}

}  // namespace chibo::domain
