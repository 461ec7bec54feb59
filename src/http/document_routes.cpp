// Routes under /api/v1/organizations/{id}/documents: the register of issued documents.
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/common.hpp"
#include "http/json/document.hpp"

namespace chibo::http {

using base::Result;
using namespace chibo::domain;

void Api::AddDocumentRoutes() {
    auto& documents = services_.documents;

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/documents", Access::kSignedIn,
                [&documents](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto q, ParseDocumentQuery(req));
                    CHIBO_TRY_ASSIGN(const auto page, documents.List(req.auth->actor, id, q.type, q.term, q.page));
                    return Json(PageToJson(page, [](const RegisteredDocument& d) { return ToJson(d); }));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/documents", Access::kSignedIn,
                [&documents](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseNewDocument(req.body));
                    CHIBO_TRY_ASSIGN(const auto document, documents.Register(req.auth->actor, id, in));
                    return Json(ToJson(document), 201);
                });
}

}  // namespace chibo::http
