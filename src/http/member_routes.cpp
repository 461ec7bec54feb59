// Routes under /api/v1/members.
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/common.hpp"
#include "http/json/member.hpp"

namespace chibo::http {

using base::Result;
using namespace chibo::domain;

void Api::AddMemberRoutes() {
    auto& members = services_.members;

    router_.Add(Method::kGet, "/api/v1/members", Access::kSignedIn, [&members](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto query, ParseMemberQuery(req));
        CHIBO_TRY_ASSIGN(const auto page, members.List(req.auth->actor, query));
        return Json(PageToJson(page, [](const app::MemberListItem& m) { return ToJson(m); }));
    });

    router_.Add(Method::kGet, "/api/v1/members/{id}", Access::kSignedIn, [&members](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto id, PathId<MemberId>(req));
        CHIBO_TRY_ASSIGN(const auto detail, members.Get(req.auth->actor, id));
        return Json(ToJson(detail));
    });

    router_.Add(Method::kPost, "/api/v1/members", Access::kSignedIn, [&members](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto in, ParseMember(req.body, MemberBody::kCreate));
        CHIBO_TRY_ASSIGN(const auto detail, members.Create(req.auth->actor, in.member, in.since));
        return Json(ToJson(detail), 201);
    });

    router_.Add(Method::kPut, "/api/v1/members/{id}", Access::kSignedIn, [&members](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto id, PathId<MemberId>(req));
        CHIBO_TRY_ASSIGN(const auto in, ParseMember(req.body, MemberBody::kUpdate));
        CHIBO_TRY_ASSIGN(const auto detail, members.Update(req.auth->actor, id, in.member, in.since));
        return Json(ToJson(detail));
    });

    router_.Add(Method::kPost, "/api/v1/members/{id}/transfer", Access::kSignedIn,
                [&members](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MemberId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseTransfer(req.body));
                    CHIBO_TRY_ASSIGN(const auto detail, members.Transfer(req.auth->actor, id, in));
                    return Json(ToJson(detail));
                });

    router_.Add(Method::kPost, "/api/v1/members/{id}/transfer-letters", Access::kSignedIn,
                [&members](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MemberId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseLetter(req.body));
                    CHIBO_TRY_ASSIGN(const auto letter, members.CreateLetter(req.auth->actor, id, in));
                    return Json(ToJson(letter), 201);
                });

    router_.Add(Method::kPut, "/api/v1/members/{id}/transfer-letters/{letter_id}", Access::kSignedIn,
                [&members](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MemberId>(req));
                    CHIBO_TRY_ASSIGN(const auto letter_id, PathId<TransferLetterId>(req, "letter_id"));
                    CHIBO_TRY_ASSIGN(const auto in, ParseLetter(req.body));
                    CHIBO_TRY_ASSIGN(const auto letter, members.UpdateLetter(req.auth->actor, id, letter_id, in));
                    return Json(ToJson(letter));
                });

    router_.Add(Method::kDelete, "/api/v1/members/{id}/transfer-letters/{letter_id}", Access::kSignedIn,
                [&members](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MemberId>(req));
                    CHIBO_TRY_ASSIGN(const auto letter_id, PathId<TransferLetterId>(req, "letter_id"));
                    CHIBO_TRY(members.DeleteLetter(req.auth->actor, id, letter_id));
                    return NoContent();
                });
}

}  // namespace chibo::http
