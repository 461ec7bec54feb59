#pragma once

#include <boost/json.hpp>

#include <string>

#include "app/member_service.hpp"
#include "base/result.hpp"
#include "http/types.hpp"

// Members on the wire (docs/api/openapi.json: MemberSummary, MemberDetail, MemberInput, TransferInput).
namespace chibo::http {

boost::json::object ToJson(const app::MemberListItem& item);
boost::json::object ToJson(const app::MemberDetail& detail);
boost::json::object ToJson(const app::LetterView& letter);

// Whether a body creates a member (organization_id) or edits one.
enum class MemberBody { kCreate, kUpdate };

// A member as entered, with the day it takes effect: `joined_on` (the day they joined the cell) when
// creating, `status_since` (the day a new status began) when updating; unset: today.
struct MemberBodyValue {
    domain::Member member;
    std::optional<base::Date> since;
};
base::Result<MemberBodyValue> ParseMember(const std::string& text, MemberBody kind);
base::Result<app::TransferInput> ParseTransfer(const std::string& text);
base::Result<app::LetterInput> ParseLetter(const std::string& text);
// ?q=&organization_id=&status=&include_off_roll=&page=&page_size=
base::Result<app::MemberListQuery> ParseMemberQuery(const Request& request);

}  // namespace chibo::http
