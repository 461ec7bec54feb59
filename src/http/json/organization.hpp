#pragma once

#include <boost/json.hpp>

#include <string>

#include "app/organization_service.hpp"
#include "base/result.hpp"

// The organisation tree, organisations and positions on the wire (docs/api/openapi.json:
// TreeNode, OrganizationDetail, Position, OrganizationInput, PositionInput).
namespace chibo::http {

boost::json::object ToJson(const domain::Position& position);
boost::json::object ToJson(const app::TreeNode& node);
boost::json::object ToJson(const app::OrganizationDetail& detail);

// Whether a body creates an organisation (parent_id) or edits one (valid_to).
enum class OrganizationBody { kCreate, kUpdate };

base::Result<app::OrganizationInput> ParseOrganization(const std::string& text, OrganizationBody kind);
base::Result<app::PositionInput> ParsePosition(const std::string& text, base::Date today);

struct MergeInput {
    domain::OrganizationId into;
    base::Date date;
};
base::Result<MergeInput> ParseMerge(const std::string& text);

}  // namespace chibo::http
