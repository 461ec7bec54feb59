// Routes under /api/v1/organizations/{id}/documents: the register of issued documents.
#include "http/api.hpp"
#include "http/json_io.hpp"
#include "http/json_mapping.hpp"

namespace chibo::http {

using namespace chibo::domain;

void Api::AddDocumentRoutes() {
    auto& documents = services_.documents;

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/documents", Access::kSignedIn, [&documents](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        std::optional<DocumentType> type;
        if (auto code = req.Query("type"); code && !code->empty()) {
            type = DocumentTypeFromCode(*code);
            if (!type) return ErrorResponse(FieldError("type", "Loại văn bản không hợp lệ."));
        }
        const std::string term = req.Query("term").value_or("");
        if (term.size() > 20) return ErrorResponse(FieldError("term", "Nhiệm kỳ không hợp lệ."));
        auto page = QueryPage(req);
        if (!page) return ErrorResponse(page.error());
        return Render(documents.List(req.auth->actor, OrganizationId(*id), type, term, *page),
                      [](const auto& p) { return PageToJson(p); });
    });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/documents", Access::kSignedIn, [&documents](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto code = body->String("type", true, 10);
        if (!code) return ErrorResponse(code.error());
        auto type = DocumentTypeFromCode(*code);
        if (!type) return ErrorResponse(FieldError("type", "Loại văn bản không hợp lệ."));
        auto title = body->String("title", false, 300);
        if (!title) return ErrorResponse(title.error());
        auto issued = body->OptionalDate("issued_on");
        if (!issued) return ErrorResponse(issued.error());
        return Render(
            documents.Register(req.auth->actor, OrganizationId(*id), {*type, *title, *issued}),
            [](const RegisteredDocument& d) { return ToJson(d); }, 201);
    });
}

}  // namespace chibo::http
