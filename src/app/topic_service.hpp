#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/common.hpp"
#include "base/clock.hpp"
#include "domain/file_store.hpp"
#include "domain/line_diff.hpp"
#include "domain/store.hpp"
#include "domain/topic.hpp"

namespace chibo::app {

struct NamedOrganization {
    domain::OrganizationId id;
    std::string name;
};

// What a committee enters to orient its cells.
struct OrientationInput {
    int year = 0;
    std::optional<int> quarter;
    std::string title;
    std::string purpose;
    std::string directive;
    std::vector<domain::OrganizationId> cells;  // Empty: every cell of the subtree.
};

// An orientation as one organisation's page shows it.
struct OrientationView {
    domain::TopicOrientation orientation;
    std::string organization_name;         // The committee that published it.
    std::vector<NamedOrganization> cells;  // The chosen cells the actor may see.
    std::optional<domain::TopicId> topic;  // Seen from a cell: the cell's topic picked from it.
    int picked = 0;                        // Cells of the viewed subtree that picked it.
    std::vector<domain::TopicFile> files;  // Attached documents (the directive, guidance).
    bool can_attach = false;               // The actor writes the publishing committee.
};

struct OrientationList {
    std::vector<OrientationView> items;
    bool can_publish = false;
};

struct PreparerInput {
    domain::PreparerKind kind = domain::PreparerKind::kCommitteeMember;
    std::optional<domain::MemberId> member;
    std::optional<domain::OrganizationId> party_group;
    std::string name;
};

// What a cell enters for a topic. With an orientation, its year and quarter (if it set one) are the
// topic's, and an empty title, purpose or directive is taken from it.
struct TopicInput {
    std::optional<domain::TopicOrientationId> orientation;  // Create only.
    std::optional<int> year;                                // Default: the orientation's, else this year.
    std::optional<int> quarter;
    std::string title;
    std::string purpose;
    std::string directive;
    std::optional<PreparerInput> preparer;
    std::optional<domain::MeetingId> meeting;
};

// A topic with what lists show beside it.
struct TopicView {
    domain::Topic topic;
    std::string organization_name;
    std::string orientation_title;  // "" without an orientation.
    std::optional<base::Date> meeting_date;
    std::optional<domain::MeetingState> meeting_state;
    std::string resolution_number;  // The meeting's resolution once its minutes are finalised.
    bool late = false;              // domain::DraftLate with the service's lead time.
};

// A topic as its page shows it to the actor: drafts and every comment for those who read the drafts
// (the cell's writers and chi ủy); for a member of the cell, the sent draft and their own comments.
struct TopicDetail {
    TopicView view;
    std::vector<domain::TopicDraft> versions;  // Without text.
    std::optional<domain::TopicDraft> draft;   // The latest version (the sent one for a member), with text.
    std::vector<domain::TopicComment> comments;
    std::vector<domain::TopicFile> files;  // Uploaded draft versions the actor may read (as `versions`).
    bool can_edit = false;
    bool can_draft = false;
    bool can_submit = false;
    bool can_approve = false;
    bool can_send = false;
    bool can_comment = false;
    bool can_decide = false;
    bool can_assess = false;  // Record the year-end commendation or lesson (CheckAssessment allows it today).
};

// The year-end review of a cell's or a subtree's thematic topics (issue 16, "learn at year end"): what came
// of each accepted topic, and of each preparer's topics.
struct TopicReview {
    int year = 0;
    std::vector<domain::TopicOutcome> items;  // By cell (tree order), quarter, id.
    std::vector<domain::PreparerYear> preparers;
    std::map<std::int64_t, std::string> cell_names;
    bool can_assess = false;  // The actor writes the cells (each item's own check still applies).
};

// A cell's thematic plan for a year, and the quarters its meeting rule makes thematic that have no
// accepted topic yet.
struct TopicPlan {
    int year = 0;
    std::vector<TopicView> items;
    std::vector<int> quarters_without_topic;
    std::set<int> thematic_months;
    bool can_write = false;
};

struct CoverageView {
    domain::QuarterCoverage coverage;
    std::vector<std::string> orientation_titles;  // Of coverage.orientations_chosen, in order.
};

struct DraftDiff {
    int from = 0;
    int to = 0;
    std::vector<domain::DiffLine> lines;
};

// Thematic meetings' topics (HD 42): committees orient, cells plan and propose, the superior accepts,
// the preparer drafts in versions, the chi ủy reviews and approves, the cell sends the draft to its
// members, who comment. Every write is audited; organisations and topics outside the actor's scope are
// NotFound.
class TopicService {
public:
    // `draft_lead_seconds`: how long before the meeting a draft must reach the members (default a day,
    // as documents for a regular meeting).
    TopicService(domain::Store& store, domain::FileStore& files, const base::Clock& clock,
                 std::int64_t draft_lead_seconds = domain::kDocumentsLeadSeconds)
        : store_(store), files_(files), clock_(clock), lead_seconds_(draft_lead_seconds) {}

    // For a cell, the orientations addressed to it by its ancestors; for a committee, those it published
    // and its ancestors' addressed to a cell of its subtree. Newest first.
    base::Result<OrientationList> Orientations(const domain::Actor& actor, domain::OrganizationId organization,
                                               int year);
    // Writers of a committee (not a cell or a party group).
    base::Result<OrientationView> Publish(const domain::Actor& actor, domain::OrganizationId organization,
                                          const OrientationInput& input);

    base::Result<TopicPlan> Plan(const domain::Actor& actor, domain::OrganizationId cell, int year);
    // The cells' proposals in the organisation's subtree that wait for the actor's decision.
    base::Result<std::vector<TopicView>> Proposals(const domain::Actor& actor, domain::OrganizationId organization);
    // How the cells of the organisation's subtree covered a quarter's thematic meeting: per cell its topic,
    // its meeting, held, resolved (the resolution's number), reported (late or not); the totals; the
    // orientations chosen most, with their titles. For those who read the subtree's members.
    base::Result<CoverageView> Coverage(const domain::Actor& actor, domain::OrganizationId organization, int year,
                                        int quarter);
    // Picks an orientation (planned at once) or proposes the cell's own topic (for the superior).
    base::Result<TopicDetail> Create(const domain::Actor& actor, domain::OrganizationId cell, const TopicInput& input);
    base::Result<TopicDetail> Get(const domain::Actor& actor, domain::TopicId id);
    // Replaces the topic's fields (not its orientation) before it is sent; from submission on, only the
    // preparer and the meeting.
    base::Result<TopicDetail> Update(const domain::Actor& actor, domain::TopicId id, const TopicInput& input);
    base::Result<TopicDetail> Accept(const domain::Actor& actor, domain::TopicId id);
    base::Result<TopicDetail> Decline(const domain::Actor& actor, domain::TopicId id, const std::string& reason);

    base::Result<domain::TopicDraft> SaveDraft(const domain::Actor& actor, domain::TopicId id, const std::string& text);
    base::Result<domain::TopicDraft> Draft(const domain::Actor& actor, domain::TopicId id, int number);
    base::Result<DraftDiff> Diff(const domain::Actor& actor, domain::TopicId id, int from, int to);
    base::Result<TopicDetail> Submit(const domain::Actor& actor, domain::TopicId id);
    base::Result<TopicDetail> Approve(const domain::Actor& actor, domain::TopicId id);
    base::Result<TopicDetail> Send(const domain::Actor& actor, domain::TopicId id);
    base::Result<domain::TopicComment> Comment(const domain::Actor& actor, domain::TopicId id, const std::string& text);
    // Records (or replaces) the year-end commendation or lesson of a topic: writers of the cell, once the
    // topic's meeting was held or its year is over.
    base::Result<TopicDetail> Assess(const domain::Actor& actor, domain::TopicId id, domain::TopicAssessment assessment,
                                     const std::string& note);
    // The review of `year` for a cell or a committee's subtree; for those who read its members.
    base::Result<TopicReview> Review(const domain::Actor& actor, domain::OrganizationId organization, int year);

    // Attaches a document to an orientation: writers of the publishing committee; at most
    // kMaxOrientationFiles; checked as every upload (CheckUpload).
    base::Result<domain::TopicFile> AttachToOrientation(const domain::Actor& actor, domain::TopicOrientationId id,
                                                        const std::string& file_name, const std::string& content_type,
                                                        const std::string& content);
    // A draft written outside chibo (DOCX, PDF), uploaded as the next version: as SaveDraft, the version's
    // text names the file, which the version carries.
    base::Result<domain::TopicDraft> UploadDraft(const domain::Actor& actor, domain::TopicId id,
                                                 const std::string& file_name, const std::string& content_type,
                                                 const std::string& content);
    struct FileContent {
        domain::TopicFile file;
        std::string content;
    };
    // An orientation's document, for whoever the orientation is shown to; a topic's uploaded version, for
    // whoever may read that version (a plain member: only the sent one).
    base::Result<FileContent> OrientationFile(const domain::Actor& actor, domain::TopicOrientationId id,
                                              domain::TopicFileId file);
    base::Result<FileContent> TopicFileContent(const domain::Actor& actor, domain::TopicId id,
                                               domain::TopicFileId file);

private:
    // Saves the next version of a topic's draft (its text, and the uploaded file it is, if any).
    base::Result<domain::TopicDraft> AddVersion(domain::Repositories& repos, const domain::Actor& actor,
                                                domain::TopicId id, const std::string& text, const Upload* upload,
                                                std::int64_t size);

    domain::Store& store_;
    domain::FileStore& files_;
    const base::Clock& clock_;
    std::int64_t lead_seconds_;
};

}  // namespace chibo::app
