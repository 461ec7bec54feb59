#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "app/common.hpp"
#include "base/clock.hpp"
#include "domain/audit.hpp"
#include "domain/statistics.hpp"
#include "domain/store.hpp"

namespace chibo::app {

struct ChildFigures {
    domain::StatOrganization organization;
    domain::DashboardFigures figures;
};

struct MonthFigures {
    int month = 0;  // domain::MonthNumber.
    domain::DashboardFigures figures;
};

// D1 for the organisation, D2 for its children, and the month-by-month trend of the period.
struct DashboardView {
    domain::StatOrganization organization;
    domain::MonthRange months;
    domain::DashboardFigures figures;
    std::vector<ChildFigures> children;
    std::vector<MonthFigures> trend;
};

struct FlaggedMemberView {
    domain::FlaggedMember flagged;
    std::string member_name;
    std::string cell_name;
    std::vector<domain::AbsenceFlag::Where> absent_in;  // flagged.absent_in with the cells' names.
};

struct DashboardAlertsView {
    int missed_total = 0;
    std::vector<domain::MissedCell> missed;
    int flagged_total = 0;
    std::vector<FlaggedMemberView> flagged;
};

// The dashboards: a statistics engine in memory, loaded from the store at start and kept current by
// following the audit log (every write is audited), so the figures change the moment a meeting is
// recorded — on this node or on another sharing the database — with no nightly job.
class StatisticsService {
public:
    StatisticsService(domain::Store& store, const base::Clock& clock) : store_(store), clock_(clock) {}

    // Loads everything from the store (at start, and after a reorganisation).
    base::Result<void> Rebuild();
    // Applies what was written since the last look.
    base::Result<void> CatchUp();

    base::Result<DashboardView> Dashboard(const domain::Actor& actor, domain::OrganizationId organization,
                                          domain::MonthRange months);
    base::Result<DashboardAlertsView> Alerts(const domain::Actor& actor, domain::OrganizationId organization,
                                             domain::MonthRange months, const PageRequest& page);

    // Without access checks, for benchmarks and the consistency check: D1, D1 + D2 + trend, D3.
    domain::DashboardFigures FiguresOf(domain::OrganizationId organization, domain::MonthRange months,
                                       base::Date today);
    std::optional<DashboardView> ViewOf(domain::OrganizationId organization, domain::MonthRange months,
                                        base::Date today);
    domain::DashboardAlerts AlertsOf(domain::OrganizationId organization, domain::MonthRange months, base::Date today,
                                     int offset, int limit);
    std::size_t meeting_count();

private:
    base::Result<void> RebuildLocked();  // With catch_up_ held.
    base::Result<domain::Organization> Readable(const domain::Actor& actor, domain::OrganizationId organization);

    domain::Store& store_;
    const base::Clock& clock_;
    std::mutex catch_up_;  // One reader of the feed at a time, so changes apply in order; guards cursor_, built_.
    std::shared_mutex engine_mutex_;  // Guards engine_: shared for answers, exclusive for changes.
    domain::StatisticsEngine engine_;
    domain::AuditCursor cursor_;
    bool built_ = false;
};

// Every organisation (dissolved ones too) as the engine places it.
std::vector<domain::StatOrganization> StatTree(domain::Repositories& repos);

}  // namespace chibo::app
