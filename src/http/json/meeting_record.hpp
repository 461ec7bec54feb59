#pragma once

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "app/meeting_service.hpp"
#include "base/result.hpp"

// One meeting's record on the wire (docs/api/openapi.json: MeetingRecord, AttendanceRecord,
// AttendanceCounts, ResolutionTask, Attachment, LeaveRequest, Amendment, PreparationInput, RecordPatch),
// and a member's attendance and absence flags.
namespace chibo::http {

boost::json::object ToJson(const domain::AttendanceRecord& record);
boost::json::object ToJson(const domain::AttendanceCounts& counts);
boost::json::object ToJson(const domain::ResolutionTask& task);
boost::json::object ToJson(const domain::Attachment& attachment);
boost::json::object ToJson(const domain::LeaveRequest& request);
boost::json::object ToJson(const domain::Amendment& amendment);
// The "record" object of a meeting: times, people, roll call, opinions, conclusion and vote.
boost::json::object RecordToJson(const app::MeetingView& view);
// {"items", "counts"} of a roll call.
boost::json::object RollToJson(const std::vector<domain::AttendanceRecord>& roll);
// {"items", "counts"} of a member's year.
boost::json::object ToJson(const app::AttendanceHistory& history);
boost::json::object ToJson(const app::AbsenceFlagView& flag);

base::Result<app::PreparationInput> ParsePreparation(const std::string& text);
base::Result<app::RecordPatch> ParseRecord(const std::string& text);

struct AmendmentInput {
    std::string text;
    std::string reason;
};
base::Result<AmendmentInput> ParseAmendment(const std::string& text);
// {"reason"} of a leave request.
base::Result<std::string> ParseLeave(const std::string& text);

}  // namespace chibo::http
