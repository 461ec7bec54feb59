#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/common.hpp"
#include "base/clock.hpp"
#include "domain/grading.hpp"
#include "domain/store.hpp"
#include "domain/visit.hpp"

namespace chibo::app {

struct RoundView {
    domain::GradingRound round;
    std::string organization_name;
    bool can_decide = false;
};

struct RoundList {
    std::vector<RoundView> items;
    bool can_create = false;
};

// Decided levels of one kind of subject, from the latest decision of each.
struct GradeSummary {
    int total = 0;
    std::map<domain::GradeLevel, int> levels;
    int undecided = 0;
    std::optional<double> good_or_better_share;  // Over the decided ones.
};

struct QuotaRow {
    domain::OrganizationId organization;  // The grassroots organisation.
    std::string organization_name;
    domain::GradingSubject subject = domain::GradingSubject::kMember;
    domain::QuotaCount count;
    int allowed = 0;
    bool over = false;
};

struct RoundDetail {
    RoundView view;
    GradeSummary cells;
    GradeSummary members;
    std::vector<QuotaRow> quota;
};

// One subject of a round with its evidence, the proposal and the latest record of each step.
struct GradeRow {
    domain::GradingSubject subject = domain::GradingSubject::kCell;
    std::int64_t subject_id = 0;
    std::string name;
    domain::OrganizationId cell;
    std::string cell_name;
    std::variant<domain::CellEvidence, domain::MemberEvidence> evidence;
    domain::GradeProposal proposal;
    std::optional<domain::Grade> self;
    std::optional<domain::Grade> collective;
    std::optional<domain::Grade> decision;
    int records = 0;
    bool can_self = false;
    bool can_collective = false;
    bool can_decide = false;
    std::vector<domain::Grade> history;  // Filled for one subject only.
    // A member the committees assigned to attend cells: their visits in the period against the duty.
    std::optional<domain::PersonPractice> visits;
};

// What a person records for one step.
struct GradeInput {
    domain::GradingSubject subject = domain::GradingSubject::kCell;
    std::int64_t subject_id = 0;
    domain::GradingStep step = domain::GradingStep::kSelf;
    int general_points = 0;
    int task_points = 0;
    bool exceeded_targets = false;
    bool disciplined = false;
    std::string comment;
    std::string reason;
    bool acknowledge_quota = false;
};

// Annual (quarterly, term) grading of cells and members (Quy định 366): a committee opens a round for
// its subtree; chibo proposes from the period's record; self-assessment, the collective's review and the
// superior's decision are recorded as separate, never rewritten rows; a quota check warns before a
// decision.
class GradingService {
public:
    GradingService(domain::Store& store, const base::Clock& clock) : store_(store), clock_(clock) {}

    // Rounds run by the organisation or an ancestor, newest period first.
    base::Result<RoundList> Rounds(const domain::Actor& actor, domain::OrganizationId organization);
    base::Result<RoundView> CreateRound(const domain::Actor& actor, domain::OrganizationId organization,
                                        const std::string& period, std::optional<double> excellent_quota);
    base::Result<RoundDetail> Round(const domain::Actor& actor, domain::GradingRoundId id);
    // The subjects of the round within `organization`'s subtree (default: the round's) the actor may read.
    base::Result<std::vector<GradeRow>> Rows(const domain::Actor& actor, domain::GradingRoundId id,
                                             domain::GradingSubject subject,
                                             std::optional<domain::OrganizationId> organization);
    base::Result<GradeRow> Subject(const domain::Actor& actor, domain::GradingRoundId id,
                                   domain::GradingSubject subject, std::int64_t subject_id);
    base::Result<domain::Grade> Record(const domain::Actor& actor, domain::GradingRoundId id, const GradeInput& input);

private:
    domain::Store& store_;
    const base::Clock& clock_;
};

}  // namespace chibo::app
