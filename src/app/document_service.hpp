#pragma once

#include <optional>
#include <string>

#include "app/common.hpp"
#include "base/clock.hpp"
#include "domain/store.hpp"

namespace chibo::app {

struct NewDocument {
    domain::DocumentType type = domain::DocumentType::kResolution;
    std::string title;
    std::optional<base::Date> issued_on;  // Default: today.
};

// An organisation's register of issued documents (sổ đăng ký văn bản đi): numbers per type and term,
// "05-NQ/CB", never reused and never skipped.
class DocumentService {
public:
    DocumentService(domain::Store& store, const base::Clock& clock) : store_(store), clock_(clock) {}

    base::Result<domain::RegisteredDocument> Register(const domain::Actor& actor, domain::OrganizationId organization,
                                                      const NewDocument& input);
    // Empty `term`: every term.
    base::Result<Page<domain::RegisteredDocument>> List(const domain::Actor& actor, domain::OrganizationId organization,
                                                        std::optional<domain::DocumentType> type,
                                                        const std::string& term, PageRequest page);

private:
    domain::Store& store_;
    const base::Clock& clock_;
};

}  // namespace chibo::app
