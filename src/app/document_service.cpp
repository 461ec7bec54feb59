#include "app/document_service.hpp"

#include "app/organization_service.hpp"
#include "base/text.hpp"
#include "domain/document_repository.hpp"
#include "domain/store.hpp"

namespace chibo::app {

using base::ErrorCode;
using base::MakeError;
using base::Result;
using namespace chibo::domain;

Result<RegisteredDocument> DocumentService::Register(const Actor& actor, OrganizationId organization,
                                                     const NewDocument& input) {
    RegisteredDocument d;
    d.organization = organization;
    d.type = input.type;
    d.title = base::NormalizeSpaces(input.title);
    d.issued_on = input.issued_on.value_or(clock_.Today());
    d.term = TermOf(d.issued_on).Key();
    d.created_by = actor.username;
    CHIBO_TRY(ValidateNewDocument(d, clock_.Today()));
    return WriteValue<RegisteredDocument>(store_, [&](Repositories& repos) -> Result<RegisteredDocument> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        if (!actor.CanWrite(org.path)) return Forbidden();
        if (org.dissolved()) return MakeError(ErrorCode::kConflict, "Tổ chức đã giải thể hoặc sáp nhập.");
        const RegisteredDocument saved =
            repos.documents().Register(d, [&](int number) { return FormatDocumentNumber(number, d.type, org.kind); });
        RecordAudit(repos, clock_, actor, "document.register", "document", saved.id.value, &org, std::nullopt,
                    Describe(saved));
        return saved;
    });
}

Result<Page<RegisteredDocument>> DocumentService::List(const Actor& actor, OrganizationId organization,
                                                       std::optional<DocumentType> type, const std::string& term,
                                                       PageRequest page) {
    return ReadValue<Page<RegisteredDocument>>(store_, [&](Repositories& repos) -> Result<Page<RegisteredDocument>> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, organization));
        const DocumentPage found = repos.documents().List(org.id, type, term, page.offset(), page.page_size);
        return Page<RegisteredDocument>{found.items, found.total, page.page, page.page_size};
    });
}

}  // namespace chibo::app
