#include "http/json/document.hpp"

#include "http/json/body.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

constexpr const char* kBadType = "Loại văn bản không hợp lệ.";

}  // namespace

json::object ToJson(const RegisteredDocument& d) {
    std::string term_label = d.term;
    if (auto dash = term_label.find('-'); dash != std::string::npos) term_label.replace(dash, 1, " – ");
    return {{"id", d.id.value},
            {"organization_id", d.organization.value},
            {"type", ToCode(d.type)},
            {"type_label", Label(d.type)},
            {"term", d.term},
            {"term_label", term_label},
            {"number", d.number},
            {"number_text", d.number_text},
            {"issued_on", d.issued_on.ToIso()},
            {"title", d.title},
            {"created_by", d.created_by}};
}

Result<app::NewDocument> ParseNewDocument(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::NewDocument in;
    CHIBO_TRY_ASSIGN(in.type, body.Code("type", DocumentTypeFromCode, kBadType));
    CHIBO_TRY_ASSIGN(in.title, body.String("title", Need::kOptional, 300));
    CHIBO_TRY_ASSIGN(in.issued_on, body.OptionalDate("issued_on"));
    return in;
}

Result<DocumentQuery> ParseDocumentQuery(const Request& req) {
    DocumentQuery q;
    CHIBO_TRY_ASSIGN(q.type, QueryCode(req, "type", DocumentTypeFromCode, kBadType));
    CHIBO_TRY_ASSIGN(q.term, QueryText(req, "term", 20, "Nhiệm kỳ không hợp lệ."));
    CHIBO_TRY_ASSIGN(q.page, QueryPage(req));
    return q;
}

}  // namespace chibo::http
