#pragma once

#include <boost/json.hpp>

#include <string>

#include "app/document_service.hpp"
#include "base/result.hpp"
#include "http/types.hpp"

// The register of issued documents on the wire (docs/api/openapi.json: RegisteredDocument, NewDocument).
namespace chibo::http {

boost::json::object ToJson(const domain::RegisteredDocument& document);

base::Result<app::NewDocument> ParseNewDocument(const std::string& text);

struct DocumentQuery {
    std::optional<domain::DocumentType> type;
    std::string term;  // Empty: every term.
    app::PageRequest page;
};
// ?type=&term=&page=&page_size=
base::Result<DocumentQuery> ParseDocumentQuery(const Request& request);

}  // namespace chibo::http
