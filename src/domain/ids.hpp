#pragma once

#include "base/id.hpp"

namespace chibo::domain {

using OrganizationId = base::Id<struct OrganizationTag>;
using MemberId = base::Id<struct MemberTag>;
using MembershipId = base::Id<struct MembershipTag>;
using TransferLetterId = base::Id<struct TransferLetterTag>;
using PositionId = base::Id<struct PositionTag>;
using UserId = base::Id<struct UserTag>;
using RoleGrantId = base::Id<struct RoleGrantTag>;
using AuditEntryId = base::Id<struct AuditEntryTag>;
using MeetingId = base::Id<struct MeetingTag>;
using AttendantId = base::Id<struct AttendantTag>;

}  // namespace chibo::domain
