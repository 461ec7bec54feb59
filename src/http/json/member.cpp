#include "http/json/member.hpp"

#include "base/text.hpp"
#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/organization.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

constexpr const char* kBadStatus = "Tình trạng đảng viên không hợp lệ.";

json::object SummaryFields(const Member& m, const std::string& organization_name) {
    return {{"id", m.id.value},
            {"full_name", m.full_name},
            {"given_name", base::GivenName(m.full_name)},
            {"sex", ToCode(m.sex)},
            {"date_of_birth", m.date_of_birth.ToIso()},
            {"status", ToCode(m.status)},
            {"organization_id", m.organization.value},
            {"organization_name", organization_name},
            {"party_group_id", IdOrNull(m.party_group)},
            {"party_card_number", m.party_card_number},
            {"phone", m.phone}};
}

}  // namespace

json::object ToJson(const app::MemberListItem& item) {
    return SummaryFields(item.member, item.organization_name);
}

json::object ToJson(const app::LetterView& letter) {
    const TransferLetter& l = letter.letter;
    return {{"id", l.id.value},
            {"member_id", l.member.value},
            {"organization_id", l.organization.value},
            {"organization_name", letter.organization_name},
            {"number", l.number},
            {"host", l.host},
            {"from", l.from.ToIso()},
            {"to", l.to.ToIso()},
            {"note", l.note},
            {"running", letter.running}};
}

json::object ToJson(const app::MemberDetail& d) {
    json::object o = SummaryFields(d.member, d.organization_name);
    o["citizen_id"] = d.member.citizen_id;
    o["admission_date"] = DateOrNull(d.member.admission_date);
    o["official_date"] = DateOrNull(d.member.official_date);
    o["address"] = d.member.address;
    o["note"] = d.member.note;
    o["memberships"] = Array(d.memberships, [](const app::MembershipView& m) {
        return json::object{{"organization_id", m.membership.organization.value},
                            {"organization_name", m.organization_name},
                            {"start_date", m.membership.start_date.ToIso()},
                            {"end_date", DateOrNull(m.membership.end_date)},
                            {"reason", m.membership.reason}};
    });
    o["status_history"] = Array(d.status_history, [](const StatusChange& c) {
        return json::object{
            {"since", c.since.ToIso()}, {"status", ToCode(c.status)}, {"status_label", Label(c.status)}};
    });
    o["transfer_letters"] = Array(d.letters, [](const app::LetterView& l) { return ToJson(l); });
    o["positions"] = Array(d.positions, [](const app::PositionView& p) {
        json::object j = ToJson(p.position);
        j["organization_name"] = p.organization_name;
        return j;
    });
    o["can_write"] = d.can_write;
    return o;
}

Result<MemberBodyValue> ParseMember(const std::string& text, MemberBody kind) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    MemberBodyValue out;
    Member& m = out.member;
    CHIBO_TRY_ASSIGN(out.since, body.OptionalDate(kind == MemberBody::kCreate ? "joined_on" : "status_since"));
    if (kind == MemberBody::kCreate) {
        CHIBO_TRY_ASSIGN(m.organization, body.TypedId<OrganizationId>("organization_id"));
    }
    CHIBO_TRY_ASSIGN(m.full_name, body.String("full_name", Need::kRequired, 100));
    CHIBO_TRY_ASSIGN(m.sex, body.Code("sex", SexFromCode, "Vui lòng chọn giới tính Nam hoặc Nữ."));
    CHIBO_TRY_ASSIGN(m.date_of_birth, body.Date("date_of_birth"));
    CHIBO_TRY_ASSIGN(m.status, body.Code("status", MemberStatusFromCode, kBadStatus));
    CHIBO_TRY_ASSIGN(m.admission_date, body.OptionalDate("admission_date"));
    CHIBO_TRY_ASSIGN(m.official_date, body.OptionalDate("official_date"));
    CHIBO_TRY_ASSIGN(m.party_card_number, body.String("party_card_number", Need::kOptional, 20));
    CHIBO_TRY_ASSIGN(m.citizen_id, body.String("citizen_id", Need::kOptional, 20));
    CHIBO_TRY_ASSIGN(m.phone, body.String("phone", Need::kOptional, 20));
    CHIBO_TRY_ASSIGN(m.address, body.String("address", Need::kOptional, 300));
    CHIBO_TRY_ASSIGN(m.note, body.String("note", Need::kOptional, 2000));
    CHIBO_TRY_ASSIGN(m.party_group, body.OptionalTypedId<OrganizationId>("party_group_id"));
    return out;
}

Result<app::TransferInput> ParseTransfer(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::TransferInput in;
    CHIBO_TRY_ASSIGN(in.target, body.TypedId<OrganizationId>("organization_id"));
    CHIBO_TRY_ASSIGN(in.date, body.Date("date"));
    CHIBO_TRY_ASSIGN(in.reason, body.String("reason", Need::kOptional, 300));
    return in;
}

Result<app::LetterInput> ParseLetter(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::LetterInput in;
    // Lengths and emptiness are the domain's to judge (ValidateLetter names the field in plain words).
    CHIBO_TRY_ASSIGN(in.number, body.String("number", Need::kOptional, 500));
    CHIBO_TRY_ASSIGN(in.host, body.String("host", Need::kOptional, 2000));
    CHIBO_TRY_ASSIGN(in.from, body.Date("from"));
    CHIBO_TRY_ASSIGN(in.to, body.Date("to"));
    CHIBO_TRY_ASSIGN(in.note, body.String("note", Need::kOptional, 5000));
    return in;
}

Result<app::MemberListQuery> ParseMemberQuery(const Request& req) {
    app::MemberListQuery q;
    q.text = req.Query("q").value_or("");
    CHIBO_TRY_ASSIGN(q.organization, QueryId<OrganizationId>(req, "organization_id"));
    CHIBO_TRY_ASSIGN(q.status, QueryCode(req, "status", MemberStatusFromCode, kBadStatus));
    CHIBO_TRY_ASSIGN(q.include_off_roll, QueryBool(req, "include_off_roll", false));
    CHIBO_TRY_ASSIGN(q.page, QueryPage(req));
    return q;
}

}  // namespace chibo::http
