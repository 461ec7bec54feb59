#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/meeting.hpp"
#include "domain/scorecard.hpp"
#include "domain/task.hpp"
#include "domain/topic.hpp"
#include "export/party_document.hpp"

namespace chibo::exporting {

// Everything the minutes and the resolution of one meeting are written from.
struct MeetingDocumentData {
    domain::Meeting meeting;
    std::string cell_name;       // "Chi bộ Thôn Đông".
    std::string superior_name;   // "Đảng bộ xã Hòa An".
    std::string secretary_name;  // The cell's secretary, who signs the resolution.
    std::vector<domain::AttendanceRecord> attendance;
    std::vector<domain::Opinion> opinions;
    std::vector<domain::ResolutionTask> tasks;   // Set by this meeting.
    std::vector<domain::ResolutionTask> review;  // Earlier tasks reviewed at this meeting.
    std::vector<domain::Amendment> amendments;
    int eligible = 0;
    std::vector<domain::MeetingScore> scores;  // The latest score of each column.
    std::optional<domain::Topic> topic;        // A thematic meeting's topic: its resolution is "chuyên đề".
    domain::SessionLength session;             // How long it lasted, alone or in a combined session.
    // The superior official recorded at the meeting, linked to the person ("đồng chí …, Ủy viên Ban Thường
    // vụ Đảng ủy xã"); empty: the preparation's name, if any.
    std::string superior_attendant;
};

// "Hòa An" from "Đảng bộ xã Hòa An": the place named in the date line.
std::string PlaceName(const std::string& superior_name);

// The minutes (biên bản) and the monthly resolution (nghị quyết) in the party format; before the
// minutes are finalised they are drafts without a number.
PartyDocument MinutesDocument(const MeetingDocumentData& data);
PartyDocument ResolutionDocument(const MeetingDocumentData& data);

}  // namespace chibo::exporting
