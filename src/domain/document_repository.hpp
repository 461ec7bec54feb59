#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/document.hpp"

namespace chibo::domain {

struct DocumentPage {
    std::vector<RegisteredDocument> items;
    std::int64_t total = 0;
};

// The document register: numbered minutes and resolutions per organisation, type and term.
class DocumentRepository {
public:
    virtual ~DocumentRepository() = default;

    // Allocates the next number for the document's organisation, type and term (1, 2, 3…: without
    // gaps or duplicates, even when transactions on several nodes race, because the allocation and
    // the insert share the caller's transaction) and inserts the entry. `number_text` is formatted by
    // `format` from the allocated number.
    virtual RegisteredDocument Register(const RegisteredDocument& document,
                                        const std::function<std::string(int)>& format) = 0;
    // Newest first; `type` and `term` filter when set.
    virtual DocumentPage List(OrganizationId organization, std::optional<DocumentType> type, const std::string& term,
                              int offset, int limit) = 0;
};

}  // namespace chibo::domain
