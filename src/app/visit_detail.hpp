#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/visit_service.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/statistics.hpp"
#include "domain/visit_repository.hpp"

// Shared by the visit use cases (visit_service.cpp: people, reports, petitions, the overview; visit_plan.cpp:
// plans); not part of the app's public surface.
namespace chibo::app::visits {

using base::Date;
using namespace chibo::domain;

// The first and last days of a month numbered as domain::MonthNumber, and "03/2027".
Date FirstDay(int month);
Date LastDay(int month);
std::string MonthText(int year, int month);

// The committee a person attends for, or another organisation that is not a cell or a party group: NotFound
// outside the actor's sight, Forbidden without reading its members (or writing, with `write`).
base::Result<Organization> VisibleCommittee(Repositories& repos, const Actor& actor, OrganizationId id, bool write);

// The living cells of the subtree, in tree order.
std::vector<Organization> CellsOf(Repositories& repos, const Organization& root);

// Names of organisations, read once each.
class Names {
public:
    explicit Names(Repositories& repos) : repos_(repos) {}
    const std::string& Of(OrganizationId id) {
        auto it = names_.find(id.value);
        if (it != names_.end()) return it->second;
        auto org = repos_.organizations().Get(id);
        return names_[id.value] = org ? org->name : "";
    }

private:
    Repositories& repos_;
    std::map<std::int64_t, std::string> names_;
};

// Attendants by id, read once each.
class People {
public:
    explicit People(Repositories& repos) : repos_(repos) {}
    const Attendant* Of(AttendantId id) {
        auto it = people_.find(id.value);
        if (it == people_.end()) it = people_.emplace(id.value, repos_.visits().GetAttendant(id)).first;
        return it->second ? &*it->second : nullptr;
    }
    void Add(const Attendant& a) { people_[a.id.value] = a; }

private:
    Repositories& repos_;
    std::map<std::int64_t, std::optional<Attendant>> people_;
};

// How planned visits went, from the meetings and the reports.
class VisitStatus {
public:
    VisitStatus(Repositories& repos, Names& names, People& people, Date today)
        : repos_(repos), names_(names), people_(people), today_(today) {}

    PlannedVisitView View(const PlannedVisit& v) {
        PlannedVisitView out;
        out.visit = v;
        const Attendant* a = people_.Of(v.attendant);
        out.attendant_name = a ? a->name : "";
        out.cell_name = names_.Of(v.cell);
        const int report_days = a ? a->duty.report_days : VisitDuty{}.report_days;
        const bool month_over = today_ > LastDay(MonthNumber(v.year, v.month));
        if (v.kind == VisitKind::kMeeting) {
            auto meeting = repos_.meetings().Find(v.cell, MeetingKind::kRegular, v.year, v.month);
            if (meeting && meeting->state != MeetingState::kCancelled) {
                out.meeting = meeting->id;
                out.visit.date = meeting->date;
                out.visit.start_minutes = meeting->start_minutes;
            }
            std::optional<VisitReport> report;
            if (meeting) report = repos_.visits().ReportOnMeeting(v.attendant, meeting->id);
            const bool attended =
                meeting && Held(meeting->state) && (meeting->record.superior_attendant == v.attendant || report);
            if (attended) {
                out.report_due = VisitReportDue(meeting->date, report ? report->report_days : report_days);
                if (report) out.report = report->id;
                out.status =
                    StatusOf(ReportStateOf(meeting->date, report ? std::optional(report->filed_on) : std::nullopt,
                                           report ? report->report_days : report_days, today_));
            } else {
                out.status = month_over ? "not_held" : "planned";
            }
            return out;
        }
        for (const VisitReport& r : GrassrootsReports(v.attendant, v.year, v.month)) {
            if (r.cell != v.cell) continue;
            out.report = r.id;
            out.report_due = VisitReportDue(r.visited_on, r.report_days);
            out.status = VisitReportLate(r.visited_on, r.filed_on, r.report_days) ? "report_late" : "reported";
            return out;
        }
        out.status = month_over ? "not_held" : "planned";
        return out;
    }

private:
    static std::string StatusOf(ReportState s) {
        switch (s) {
            case ReportState::kOnTime:
                return "reported";
            case ReportState::kLate:
                return "report_late";
            case ReportState::kMissing:
                return "report_missing";
            case ReportState::kPending:
                return "attended";
        }
        return "attended";
    }

    const std::vector<VisitReport>& GrassrootsReports(AttendantId a, int year, int month) {
        const auto key = std::make_pair(a.value, MonthNumber(year, month));
        auto it = grassroots_.find(key);
        if (it != grassroots_.end()) return it->second;
        std::vector<VisitReport> found;
        for (VisitReport& r : repos_.visits().ReportsOf({a}, FirstDay(key.second), LastDay(key.second)))
            if (r.kind == VisitKind::kGrassroots) found.push_back(std::move(r));
        return grassroots_[key] = std::move(found);
    }

    Repositories& repos_;
    Names& names_;
    People& people_;
    Date today_;
    std::map<std::pair<std::int64_t, int>, std::vector<VisitReport>> grassroots_;
};

AttendantView ViewOf(Names& names, const Attendant& a, Date today);

}  // namespace chibo::app::visits
