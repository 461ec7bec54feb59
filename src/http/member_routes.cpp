// Routes under /api/v1/members.
#include "http/api.hpp"
#include "http/json_io.hpp"
#include "http/json_mapping.hpp"

namespace chibo::http {

using base::Result;
using namespace chibo::domain;

namespace {

// Reads the member fields of a create or update body. `create` also reads organization_id.
Result<Member> ParseMember(const std::string& text, bool create) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    Member m;
    if (create) {
        CHIBO_TRY_ASSIGN(const std::int64_t org, body.Id("organization_id"));
        m.organization = OrganizationId(org);
    }
    CHIBO_TRY_ASSIGN(m.full_name, body.String("full_name", true, 100));
    CHIBO_TRY_ASSIGN(const std::string sex, body.String("sex", true, 10));
    auto sex_value = SexFromCode(sex);
    if (!sex_value) return FieldError("sex", "Vui lòng chọn giới tính Nam hoặc Nữ.");
    m.sex = *sex_value;
    CHIBO_TRY_ASSIGN(m.date_of_birth, body.Date("date_of_birth"));
    CHIBO_TRY_ASSIGN(const std::string status, body.String("status", true, 20));
    auto status_value = MemberStatusFromCode(status);
    if (!status_value) return FieldError("status", "Tình trạng đảng viên không hợp lệ.");
    m.status = *status_value;
    CHIBO_TRY_ASSIGN(m.admission_date, body.OptionalDate("admission_date"));
    CHIBO_TRY_ASSIGN(m.official_date, body.OptionalDate("official_date"));
    CHIBO_TRY_ASSIGN(m.party_card_number, body.String("party_card_number", false, 20));
    CHIBO_TRY_ASSIGN(m.citizen_id, body.String("citizen_id", false, 20));
    CHIBO_TRY_ASSIGN(m.phone, body.String("phone", false, 20));
    CHIBO_TRY_ASSIGN(m.address, body.String("address", false, 300));
    CHIBO_TRY_ASSIGN(m.note, body.String("note", false, 2000));
    CHIBO_TRY_ASSIGN(const auto group, body.OptionalId("party_group_id"));
    if (group) m.party_group = OrganizationId(*group);
    return m;
}

}  // namespace

void Api::AddMemberRoutes() {
    auto& members = services_.members;
    auto detail = [](const app::MemberDetail& d) { return ToJson(d); };

    router_.Add(Method::kGet, "/api/v1/members", Access::kSignedIn, [&members](Request& req) {
        app::MemberListQuery q;
        q.text = req.Query("q").value_or("");
        auto org = QueryId(req, "organization_id");
        if (!org) return ErrorResponse(org.error());
        if (*org) q.organization = OrganizationId(**org);
        if (auto status = req.Query("status"); status && !status->empty()) {
            q.status = MemberStatusFromCode(*status);
            if (!q.status) return ErrorResponse(FieldError("status", "Tình trạng đảng viên không hợp lệ."));
        }
        auto off_roll = QueryBool(req, "include_off_roll", false);
        if (!off_roll) return ErrorResponse(off_roll.error());
        q.include_off_roll = *off_roll;
        auto page = QueryPage(req);
        if (!page) return ErrorResponse(page.error());
        q.page = *page;
        return Render(members.List(req.auth->actor, q), [](const auto& p) { return PageToJson(p); });
    });

    router_.Add(Method::kGet, "/api/v1/members/{id}", Access::kSignedIn, [&members, detail](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        return Render(members.Get(req.auth->actor, MemberId(*id)), detail);
    });

    router_.Add(Method::kPost, "/api/v1/members", Access::kSignedIn, [&members, detail](Request& req) {
        auto m = ParseMember(req.body, true);
        if (!m) return ErrorResponse(m.error());
        return Render(members.Create(req.auth->actor, *m), detail, 201);
    });

    router_.Add(Method::kPut, "/api/v1/members/{id}", Access::kSignedIn, [&members, detail](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto m = ParseMember(req.body, false);
        if (!m) return ErrorResponse(m.error());
        return Render(members.Update(req.auth->actor, MemberId(*id), *m), detail);
    });

    router_.Add(Method::kPost, "/api/v1/members/{id}/transfer", Access::kSignedIn, [&members, detail](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto target = body->Id("organization_id");
        if (!target) return ErrorResponse(target.error());
        auto date = body->Date("date");
        if (!date) return ErrorResponse(date.error());
        auto reason = body->String("reason", false, 300);
        if (!reason) return ErrorResponse(reason.error());
        return Render(members.Transfer(req.auth->actor, MemberId(*id), {OrganizationId(*target), *date, *reason}),
                      detail);
    });
}

}  // namespace chibo::http
