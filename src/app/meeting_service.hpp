#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common.hpp"

namespace chibo::app {

struct RuleSource {
    domain::Organization organization;
    domain::MeetingRuleOverride own;
};

struct RuleView {
    domain::MeetingRuleOverride own;  // This organisation's settings.
    domain::MeetingRule effective;    // In force after inheritance.
    std::vector<RuleSource> sources;  // Ancestors that set something, root first.
};

// One line of a cell's calendar: what the rule expects, or the occurrence when it exists.
struct CalendarEntry {
    std::optional<domain::MeetingId> id;
    domain::Meeting meeting;  // id unset while only expected.
};

struct MeetingView {
    domain::Meeting meeting;
    std::string organization_name;
    bool can_write = false;
};

// Meeting rules (inherited down the tree, overridable by a cell) and each cell's meetings, laid out by
// the rule and created when needed.
class MeetingService {
public:
    // Occurrences may be created up to this many months after the current one.
    static constexpr int kMonthsAhead = 12;

    explicit MeetingService(domain::Store& store) : store_(store) {}

    base::Result<RuleView> GetRule(const domain::Actor& actor, domain::OrganizationId organization);
    base::Result<RuleView> SaveRule(const domain::Actor& actor, domain::OrganizationId organization,
                                    const domain::MeetingRuleOverride& rule);
    base::Result<std::vector<CalendarEntry>> Calendar(const domain::Actor& actor, domain::OrganizationId cell,
                                                      int year);
    base::Result<MeetingView> Open(const domain::Actor& actor, domain::OrganizationId cell, domain::MeetingKind kind,
                                   int year, int month);
    base::Result<MeetingView> Get(const domain::Actor& actor, domain::MeetingId id);
    base::Result<MeetingView> Move(const domain::Actor& actor, domain::MeetingId id, base::Date date,
                                   std::optional<int> start_minutes, const std::string& reason);
    base::Result<MeetingView> Cancel(const domain::Actor& actor, domain::MeetingId id, const std::string& reason);

private:
    domain::Store& store_;
};

}  // namespace chibo::app
