#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/date.hpp"
#include "base/result.hpp"
#include "domain/ids.hpp"
#include "domain/organization.hpp"

namespace chibo::domain {

using DocumentId = base::Id<struct DocumentTag>;

// The document types a cell may issue (Quy định 399-QĐ/TW), with their symbols.
enum class DocumentType {
    kResolution,  // NQ, nghị quyết
    kDecision,    // QĐ, quyết định
    kConclusion,  // KL, kết luận
    kNotice,      // TB, thông báo
    kReport,      // BC, báo cáo
    kPlan,        // KH, kế hoạch
    kProgramme,   // CTr, chương trình
    kProject,     // ĐA, đề án
    kScheme,      // PA, phương án
    kSubmission,  // TTr, tờ trình
    kLetter,      // CV, công văn
    kMinutes,     // BB, biên bản
    kRegulation,  // QC, quy chế
};

// A committee term (nhiệm kỳ). Documents are numbered from 01 within each term, per type.
struct Term {
    int start_year = 2025;
    int end_year = 2030;

    std::string Key() const;    // "2025-2030", as stored.
    std::string Label() const;  // "2025 – 2030", as shown.
};

// The five-year congress cycle a date falls in (2020–2025, 2025–2030, …); a term turns over on 1 July
// of its last year, when the Party's congresses of the cycle are done.
Term TermOf(base::Date date);

// The issuer's symbol after the slash: "CB" for a cell, "ĐU" for a party committee, "TU", "TW".
std::string_view IssuerSymbol(OrganizationKind kind);

// "05-NQ/CB": the number on two digits (more when needed), the type's symbol, the issuer's symbol.
std::string FormatDocumentNumber(int number, DocumentType type, OrganizationKind issuer);

// One entry of an organisation's register of issued documents (sổ đăng ký văn bản đi).
struct RegisteredDocument {
    DocumentId id;
    OrganizationId organization;
    DocumentType type = DocumentType::kResolution;
    std::string term;  // Term::Key().
    int number = 0;    // Allocated by the repository: 1, 2, 3… per organisation, type and term.
    std::string number_text;
    base::Date issued_on;
    std::string title;
    std::string created_by;
};

// Checks what a user enters for a new entry, on `today`.
base::Result<void> ValidateNewDocument(const RegisteredDocument& document, base::Date today);

std::string_view ToCode(DocumentType type);  // API code, ASCII: "NQ", "QD", "CTr", "DA"…
std::optional<DocumentType> DocumentTypeFromCode(std::string_view code);
std::string_view Symbol(DocumentType type);  // As printed: "NQ", "QĐ", "ĐA"…
std::string_view Label(DocumentType type);   // "Nghị quyết"…

}  // namespace chibo::domain
