#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/meeting_service.hpp"
#include "domain/store.hpp"

// Shared by the meeting use cases (meeting_service.cpp, meeting_record.cpp); not part of the app's
// public surface.
namespace chibo::app {

RuleView BuildRule(domain::Repositories& repos, const domain::Organization& org);
// A cell the actor may see (400 for an organisation that is not a cell).
base::Result<domain::Organization> VisibleCell(domain::Repositories& repos, const domain::Actor& actor,
                                               domain::OrganizationId id);
// A meeting and its cell, when the actor may see it: readers of the cell always, a plain member of
// the cell once the meeting is notified.
base::Result<std::pair<domain::Meeting, domain::Organization>> VisibleMeeting(domain::Repositories& repos,
                                                                              const domain::Actor& actor,
                                                                              domain::MeetingId id);
// Registers the meeting's minutes (BB) and resolution (NQ) in the cell's register, issued on `issued_on`,
// and sets their numbers on `meeting`. Returns the two entries.
std::vector<domain::RegisteredDocument> RegisterMeetingDocuments(domain::Repositories& repos,
                                                                 const domain::Organization& cell,
                                                                 domain::Meeting& meeting, base::Date issued_on,
                                                                 const std::string& created_by);

// Everything about a meeting as the actor may see it on `today` (the secretary in office, late flags).
MeetingView Detail(domain::Repositories& repos, const domain::Actor& actor, const domain::Meeting& meeting,
                   const domain::Organization& cell, base::Date today);

}  // namespace chibo::app
