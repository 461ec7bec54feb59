// Routes under /api/v1/organizations and /api/v1/positions.
#include "http/api.hpp"
#include "http/json_io.hpp"
#include "http/json_mapping.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

Result<OrganizationKind> ParseKind(const JsonBody& body) {
    CHIBO_TRY_ASSIGN(const std::string code, body.String("kind", true, 40));
    auto kind = OrganizationKindFromCode(code);
    if (!kind) return FieldError("kind", "Loại tổ chức không hợp lệ.");
    return *kind;
}

Result<CellCategory> ParseCategory(const JsonBody& body) {
    CHIBO_TRY_ASSIGN(const std::string code, body.String("category", false, 40));
    auto category = CellCategoryFromCode(code);
    if (!category) return FieldError("category", "Loại hình chi bộ không hợp lệ.");
    return *category;
}

Result<app::OrganizationInput> ParseOrganization(const std::string& text, bool create) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::OrganizationInput in;
    if (create) {
        CHIBO_TRY_ASSIGN(const std::int64_t parent, body.Id("parent_id"));
        in.parent = OrganizationId(parent);
    }
    CHIBO_TRY_ASSIGN(in.name, body.String("name", true, 200));
    CHIBO_TRY_ASSIGN(in.kind, ParseKind(body));
    CHIBO_TRY_ASSIGN(in.category, ParseCategory(body));
    CHIBO_TRY_ASSIGN(in.address, body.String("address", false, 300));
    CHIBO_TRY_ASSIGN(in.valid_from, body.OptionalDate("valid_from"));
    if (!create) {
        CHIBO_TRY_ASSIGN(in.valid_to, body.OptionalDate("valid_to"));
    }
    return in;
}

Result<app::PositionInput> ParsePosition(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::PositionInput in;
    CHIBO_TRY_ASSIGN(const std::int64_t member, body.Id("member_id"));
    in.member = MemberId(member);
    CHIBO_TRY_ASSIGN(const std::string code, body.String("position", true, 40));
    auto kind = PositionKindFromCode(code);
    if (!kind) return FieldError("position", "Chức vụ không hợp lệ.");
    in.kind = *kind;
    CHIBO_TRY_ASSIGN(const auto start, body.OptionalDate("term_start"));
    in.term_start = start.value_or(base::Date::Today());
    CHIBO_TRY_ASSIGN(in.term_end, body.OptionalDate("term_end"));
    return in;
}

}  // namespace

void Api::AddOrganizationRoutes() {
    auto& orgs = services_.organizations;
    auto detail = [](const app::OrganizationDetail& d) { return ToJson(d); };

    router_.Add(Method::kGet, "/api/v1/organizations/tree", Access::kSignedIn, [&orgs](Request& req) {
        auto root = QueryId(req, "root_id");
        if (!root) return ErrorResponse(root.error());
        auto depth = QueryInt(req, "depth", 3, 0, app::OrganizationService::kMaxTreeDepth);
        if (!depth) return ErrorResponse(depth.error());
        auto dissolved = QueryBool(req, "include_dissolved", false);
        if (!dissolved) return ErrorResponse(dissolved.error());
        std::optional<OrganizationId> root_id;
        if (*root) root_id = OrganizationId(**root);
        return Render(orgs.Tree(req.auth->actor, root_id, *depth, *dissolved), [](const auto& nodes) {
            json::array roots;
            for (const auto& n : nodes) roots.push_back(ToJson(n));
            return json::object{{"roots", std::move(roots)}};
        });
    });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}", Access::kSignedIn, [&orgs, detail](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        return Render(orgs.Get(req.auth->actor, OrganizationId(*id)), detail);
    });

    router_.Add(Method::kPost, "/api/v1/organizations", Access::kSignedIn, [&orgs, detail](Request& req) {
        auto in = ParseOrganization(req.body, true);
        if (!in) return ErrorResponse(in.error());
        return Render(orgs.Create(req.auth->actor, *in), detail, 201);
    });

    router_.Add(Method::kPut, "/api/v1/organizations/{id}", Access::kSignedIn, [&orgs, detail](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto in = ParseOrganization(req.body, false);
        if (!in) return ErrorResponse(in.error());
        return Render(orgs.Update(req.auth->actor, OrganizationId(*id), *in), detail);
    });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/move", Access::kSignedIn, [&orgs, detail](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto parent = body->Id("parent_id");
        if (!parent) return ErrorResponse(parent.error());
        return Render(orgs.Move(req.auth->actor, OrganizationId(*id), OrganizationId(*parent)), detail);
    });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/merge", Access::kSignedIn, [&orgs, detail](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto into = body->Id("into_id");
        if (!into) return ErrorResponse(into.error());
        auto date = body->Date("date");
        if (!date) return ErrorResponse(date.error());
        return Render(orgs.Merge(req.auth->actor, OrganizationId(*id), OrganizationId(*into), *date), detail);
    });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/positions", Access::kSignedIn, [&orgs](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto ended = QueryBool(req, "include_ended", false);
        if (!ended) return ErrorResponse(ended.error());
        return Render(orgs.Positions(req.auth->actor, OrganizationId(*id), *ended), [](const auto& positions) {
            json::array items;
            for (const Position& p : positions) items.push_back(ToJson(p));
            return json::object{{"items", std::move(items)}};
        });
    });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/positions", Access::kSignedIn, [&orgs](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto in = ParsePosition(req.body);
        if (!in) return ErrorResponse(in.error());
        return Render(
            orgs.AddPosition(req.auth->actor, OrganizationId(*id), *in), [](const Position& p) { return ToJson(p); },
            201);
    });

    router_.Add(Method::kPost, "/api/v1/positions/{id}/end", Access::kSignedIn, [&orgs](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto date = body->Date("date");
        if (!date) return ErrorResponse(date.error());
        return Render(orgs.EndPosition(req.auth->actor, PositionId(*id), *date),
                      [](const Position& p) { return ToJson(p); });
    });
}

}  // namespace chibo::http
