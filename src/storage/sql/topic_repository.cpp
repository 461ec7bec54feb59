#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/organization.hpp"
#include "domain/topic_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

constexpr const char* kOrientationColumns =
    "SELECT id, organization_id, year, quarter, title, purpose, directive, created_by, created_at "
    "FROM topic_orientations";

constexpr const char* kTopicColumns =
    "SELECT t.id, t.organization_id, t.orientation_id, t.year, t.quarter, t.title, t.purpose, t.directive, "
    "t.preparer_kind, t.preparer_member_id, t.preparer_group_id, t.preparer_name, t.meeting_id, t.state, "
    "t.decline_reason, t.created_by, t.created_at, t.decided_by, t.decided_at, t.draft_count, t.submitted_at, "
    "t.approved_version, t.approved_by, t.approved_at, t.sent_version, t.sent_by, t.sent_at, t.assessment, "
    "t.assessment_note, t.assessed_by, t.assessed_at FROM topics t";

constexpr const char* kCommentColumns =
    "SELECT id, topic_id, kind, version, member_id, author, author_name, text, created_at FROM topic_comments";

TopicOrientation ReadOrientation(const Row& r) {
    TopicOrientation o;
    o.id = TopicOrientationId(r.Int(0));
    o.organization = OrganizationId(r.Int(1));
    o.year = static_cast<int>(r.Int(2));
    o.quarter = OptInt32(r, 3);
    o.title = r.Text(4);
    o.purpose = r.Text(5);
    o.directive = r.Text(6);
    o.created_by = r.Text(7);
    o.created_at = r.Int(8);
    return o;
}

Topic ReadTopic(const Row& r) {
    Topic t;
    t.id = TopicId(r.Int(0));
    t.organization = OrganizationId(r.Int(1));
    t.orientation = OptId<TopicOrientationId>(r, 2);
    t.year = static_cast<int>(r.Int(3));
    t.quarter = static_cast<int>(r.Int(4));
    t.title = r.Text(5);
    t.purpose = r.Text(6);
    t.directive = r.Text(7);
    if (const std::string kind = r.Text(8); !kind.empty()) {
        TopicPreparer p;
        p.kind = Decode(kind, PreparerKindFromCode, "topics.preparer_kind");
        p.member = OptId<MemberId>(r, 9);
        p.party_group = OptId<OrganizationId>(r, 10);
        p.name = r.Text(11);
        t.preparer = std::move(p);
    }
    t.meeting = OptId<MeetingId>(r, 12);
    t.state = Decode(r.Text(13), TopicStateFromCode, "topics.state");
    t.decline_reason = r.Text(14);
    t.created_by = r.Text(15);
    t.created_at = r.Int(16);
    t.decided_by = r.Text(17);
    t.decided_at = r.OptInt(18);
    t.draft_count = static_cast<int>(r.Int(19));
    t.submitted_at = r.OptInt(20);
    t.approved_version = OptInt32(r, 21);
    t.approved_by = r.Text(22);
    t.approved_at = r.OptInt(23);
    t.sent_version = OptInt32(r, 24);
    t.sent_by = r.Text(25);
    t.sent_at = r.OptInt(26);
    if (const std::string assessment = r.Text(27); !assessment.empty())
        t.assessment = Decode(assessment, TopicAssessmentFromCode, "topics.assessment");
    t.assessment_note = r.Text(28);
    t.assessed_by = r.Text(29);
    t.assessed_at = r.OptInt(30);
    return t;
}

TopicComment ReadComment(const Row& r) {
    TopicComment c;
    c.id = TopicCommentId(r.Int(0));
    c.topic = TopicId(r.Int(1));
    c.kind = Decode(r.Text(2), CommentKindFromCode, "topic_comments.kind");
    c.version = static_cast<int>(r.Int(3));
    c.member = OptId<MemberId>(r, 4);
    c.author = r.Text(5);
    c.author_name = r.Text(6);
    c.text = r.Text(7);
    c.created_at = r.Int(8);
    return c;
}

Params& OptionalInstant(Params& p, const std::optional<std::int64_t>& at) {
    return at ? p.Int(*at) : p.Null();
}

// The topic's fields after its cell, in the order of the INSERT and UPDATE statements below.
void BindTopicFields(Params& p, const Topic& t) {
    p.Id(t.orientation).Int(std::int64_t{t.year}).Int(std::int64_t{t.quarter}).Text(t.title).Text(t.purpose);
    p.Text(t.directive);
    p.Text(t.preparer ? std::string(ToCode(t.preparer->kind)) : "");
    p.Id(t.preparer ? t.preparer->member : std::nullopt);
    p.Id(t.preparer ? t.preparer->party_group : std::nullopt);
    p.Text(t.preparer ? t.preparer->name : "");
    p.Id(t.meeting).Text(std::string(ToCode(t.state))).Text(t.decline_reason).Text(t.decided_by);
    OptionalInstant(p, t.decided_at);
    OptionalInstant(p, t.submitted_at);
    p.Int(t.approved_version).Text(t.approved_by);
    OptionalInstant(p, t.approved_at);
    p.Int(t.sent_version).Text(t.sent_by);
    OptionalInstant(p, t.sent_at);
}

class SqlTopics final : public TopicRepository {
public:
    explicit SqlTopics(soci::session& s) : s_(s) {}

    TopicOrientation InsertOrientation(const TopicOrientation& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO topic_orientations (organization_id, year, quarter, title, purpose, directive, "
                          "created_by, created_at) VALUES (:o, :y, :q, :t, :p, :d, :by, :at) RETURNING id",
                          Params()
                              .Int(in.organization.value)
                              .Int(std::int64_t{in.year})
                              .Int(in.quarter)
                              .Text(in.title)
                              .Text(in.purpose)
                              .Text(in.directive)
                              .Text(in.created_by)
                              .Int(in.created_at));
        TopicOrientation out = in;
        out.id = TopicOrientationId(r->Int(0));
        for (OrganizationId cell : in.cells)
            Exec(s_, "INSERT INTO topic_orientation_cells (orientation_id, organization_id) VALUES (:o, :c)",
                 Params().Int(out.id.value).Int(cell.value));
        return out;
    }

    std::optional<TopicOrientation> GetOrientation(TopicOrientationId id) override {
        auto r = QueryOne(s_, std::string(kOrientationColumns) + " WHERE id = :id", Params().Int(id.value));
        if (!r) return std::nullopt;
        TopicOrientation o = ReadOrientation(*r);
        o.cells = CellsOf({o.id.value}).front();
        return o;
    }

    std::vector<TopicOrientation> OrientationsOf(const std::vector<OrganizationId>& publishers, int year) override {
        std::vector<TopicOrientation> out;
        if (publishers.empty()) return out;
        std::vector<std::int64_t> ids;
        ids.reserve(publishers.size());
        for (OrganizationId o : publishers) ids.push_back(o.value);
        for (const Row& r : Query(s_,
                                  std::string(kOrientationColumns) + " WHERE organization_id IN (" + IdList(ids) +
                                      ") AND year = :y ORDER BY id DESC",
                                  Params().Int(std::int64_t{year})))
            out.push_back(ReadOrientation(r));
        std::vector<std::int64_t> orientation_ids;
        orientation_ids.reserve(out.size());
        for (const TopicOrientation& o : out) orientation_ids.push_back(o.id.value);
        const auto cells = CellsOf(orientation_ids);
        for (std::size_t i = 0; i < out.size(); ++i) out[i].cells = cells[i];
        return out;
    }

    Topic InsertTopic(const Topic& in) override {
        Params p;
        p.Int(in.organization.value);
        BindTopicFields(p, in);
        p.Text(in.created_by).Int(in.created_at);
        auto r = QueryOne(s_,
                          "INSERT INTO topics (organization_id, orientation_id, year, quarter, title, purpose, "
                          "directive, preparer_kind, preparer_member_id, preparer_group_id, preparer_name, meeting_id, "
                          "state, decline_reason, decided_by, decided_at, submitted_at, approved_version, approved_by, "
                          "approved_at, sent_version, sent_by, sent_at, created_by, created_at, draft_count) VALUES "
                          "(:c, :o, :y, :q, :t, :p, :d, :pk, :pm, :pg, :pn, :m, :s, :dr, :db, :da, :sa, :av, :ab, "
                          ":aa, :sv, :sb, :st, :by, :at, 0) RETURNING id",
                          p);
        Topic out = in;
        out.id = TopicId(r->Int(0));
        out.draft_count = 0;
        return out;
    }

    std::optional<Topic> GetTopic(TopicId id) override {
        auto r = QueryOne(s_, std::string(kTopicColumns) + " WHERE t.id = :id", Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadTopic(*r);
    }

    void UpdateTopic(const Topic& t) override {
        Params p;
        BindTopicFields(p, t);
        p.Int(t.id.value);
        Exec(
            s_,
            "UPDATE topics SET orientation_id = :o, year = :y, quarter = :q, title = :t, purpose = :p, directive = :d, "
            "preparer_kind = :pk, preparer_member_id = :pm, preparer_group_id = :pg, preparer_name = :pn, "
            "meeting_id = :m, state = :s, decline_reason = :dr, decided_by = :db, decided_at = :da, "
            "submitted_at = :sa, approved_version = :av, approved_by = :ab, approved_at = :aa, sent_version = :sv, "
            "sent_by = :sb, sent_at = :st WHERE id = :id",
            p);
    }

    std::vector<Topic> TopicsOf(OrganizationId cell, int year) override {
        return Topics(" WHERE t.organization_id = :c AND t.year = :y ORDER BY t.quarter, t.id",
                      Params().Int(cell.value).Int(std::int64_t{year}));
    }

    std::vector<Topic> TopicsOfOrientation(TopicOrientationId orientation) override {
        return Topics(" WHERE t.orientation_id = :o ORDER BY t.id", Params().Int(orientation.value));
    }

    std::vector<Topic> InSubtree(const std::string& path, TopicState state) override {
        return Topics(
            " JOIN organizations o ON o.id = t.organization_id WHERE o.path >= :lo AND o.path < :hi AND t.state = :s "
            "ORDER BY t.id",
            Params().Text(path).Text(SubtreeEnd(path)).Text(std::string(ToCode(state))));
    }

    std::optional<Topic> TopicOfMeeting(MeetingId meeting) override {
        auto found = Topics(" WHERE t.meeting_id = :m ORDER BY t.id", Params().Int(meeting.value));
        if (found.empty()) return std::nullopt;
        return found.front();
    }

    std::vector<Topic> InSubtreeOfQuarter(const std::string& path, int year, int quarter) override {
        return Topics(
            " JOIN organizations o ON o.id = t.organization_id WHERE o.path >= :lo AND o.path < :hi AND t.year = :y "
            "AND t.quarter = :q ORDER BY t.id",
            Params().Text(path).Text(SubtreeEnd(path)).Int(year).Int(quarter));
    }

    std::vector<Topic> InSubtreeOfYear(const std::string& path, int year) override {
        return Topics(
            " JOIN organizations o ON o.id = t.organization_id WHERE o.path >= :lo AND o.path < :hi AND t.year = :y "
            "ORDER BY o.path, t.quarter, t.id",
            Params().Text(path).Text(SubtreeEnd(path)).Int(year));
    }

    TopicFile InsertFile(const TopicFile& in) override {
        Params p;
        p.Id(in.orientation).Id(in.topic).Int(std::int64_t{in.version}).Text(in.file_name).Text(in.content_type);
        p.Int(in.size).Text(in.sha256).Text(in.uploaded_by).Int(in.uploaded_at);
        auto r = QueryOne(s_,
                          "INSERT INTO topic_files (orientation_id, topic_id, version, file_name, content_type, size, "
                          "sha256, uploaded_by, uploaded_at) VALUES (:o, :t, :v, :n, :c, :s, :h, :b, :at) RETURNING id",
                          p);
        TopicFile out = in;
        out.id = TopicFileId(r->Int(0));
        return out;
    }

    std::vector<TopicFile> FilesOfTopic(TopicId topic) override {
        return Files(" WHERE topic_id = :t ORDER BY version, id", Params().Int(topic.value));
    }

    std::vector<TopicFile> FilesOfOrientation(TopicOrientationId orientation) override {
        return Files(" WHERE orientation_id = :o ORDER BY id", Params().Int(orientation.value));
    }

    void SaveAssessment(const Topic& t) override {
        Params p;
        p.Text(t.assessment ? std::string(ToCode(*t.assessment)) : "").Text(t.assessment_note).Text(t.assessed_by);
        OptionalInstant(p, t.assessed_at);
        p.Int(t.id.value);
        Exec(s_,
             "UPDATE topics SET assessment = :a, assessment_note = :n, assessed_by = :b, assessed_at = :at WHERE id = "
             ":id",
             p);
    }

    TopicDraft AddDraft(TopicId topic, const std::string& text, const std::string& created_by,
                        const std::string& author_name, std::int64_t created_at) override {
        auto r = QueryOne(s_, "UPDATE topics SET draft_count = draft_count + 1 WHERE id = :id RETURNING draft_count",
                          Params().Int(topic.value));
        TopicDraft d{topic, static_cast<int>(r->Int(0)), text, created_by, author_name, created_at};
        Exec(s_,
             "INSERT INTO topic_drafts (topic_id, number, text, created_by, author_name, created_at) "
             "VALUES (:t, :n, :x, :by, :an, :at)",
             Params()
                 .Int(topic.value)
                 .Int(std::int64_t{d.number})
                 .Text(text)
                 .Text(created_by)
                 .Text(author_name)
                 .Int(created_at));
        return d;
    }

    std::vector<TopicDraft> Drafts(TopicId topic) override {
        std::vector<TopicDraft> out;
        for (const Row& r : Query(s_,
                                  "SELECT number, created_by, author_name, created_at FROM topic_drafts "
                                  "WHERE topic_id = :t ORDER BY number",
                                  Params().Int(topic.value)))
            out.push_back({topic, static_cast<int>(r.Int(0)), "", r.Text(1), r.Text(2), r.Int(3)});
        return out;
    }

    std::optional<TopicDraft> GetDraft(TopicId topic, int number) override {
        auto r = QueryOne(s_,
                          "SELECT number, text, created_by, author_name, created_at FROM topic_drafts "
                          "WHERE topic_id = :t AND number = :n",
                          Params().Int(topic.value).Int(std::int64_t{number}));
        if (!r) return std::nullopt;
        return TopicDraft{topic, static_cast<int>(r->Int(0)), r->Text(1), r->Text(2), r->Text(3), r->Int(4)};
    }

    TopicComment InsertComment(const TopicComment& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO topic_comments (topic_id, kind, version, member_id, author, author_name, text, "
                          "created_at) VALUES (:t, :k, :v, :m, :a, :an, :x, :at) RETURNING id",
                          Params()
                              .Int(in.topic.value)
                              .Text(std::string(ToCode(in.kind)))
                              .Int(std::int64_t{in.version})
                              .Id(in.member)
                              .Text(in.author)
                              .Text(in.author_name)
                              .Text(in.text)
                              .Int(in.created_at));
        TopicComment out = in;
        out.id = TopicCommentId(r->Int(0));
        return out;
    }

    std::vector<TopicComment> Comments(TopicId topic) override {
        std::vector<TopicComment> out;
        for (const Row& r :
             Query(s_, std::string(kCommentColumns) + " WHERE topic_id = :t ORDER BY id", Params().Int(topic.value)))
            out.push_back(ReadComment(r));
        return out;
    }

private:
    std::vector<TopicFile> Files(const std::string& where, const Params& params) {
        std::vector<TopicFile> out;
        for (const Row& r :
             Query(s_,
                   "SELECT id, orientation_id, topic_id, version, file_name, content_type, size, sha256, "
                   "uploaded_by, uploaded_at FROM topic_files" +
                       where,
                   params)) {
            TopicFile f;
            f.id = TopicFileId(r.Int(0));
            f.orientation = OptId<TopicOrientationId>(r, 1);
            f.topic = OptId<TopicId>(r, 2);
            f.version = static_cast<int>(r.Int(3));
            f.file_name = r.Text(4);
            f.content_type = r.Text(5);
            f.size = r.Int(6);
            f.sha256 = r.Text(7);
            f.uploaded_by = r.Text(8);
            f.uploaded_at = r.Int(9);
            out.push_back(std::move(f));
        }
        return out;
    }

    std::vector<Topic> Topics(const std::string& where, const Params& params) {
        std::vector<Topic> out;
        for (const Row& r : Query(s_, std::string(kTopicColumns) + where, params)) out.push_back(ReadTopic(r));
        return out;
    }

    // The chosen cells of each orientation, in the order of `orientations`.
    std::vector<std::vector<OrganizationId>> CellsOf(const std::vector<std::int64_t>& orientations) {
        std::vector<std::vector<OrganizationId>> out(orientations.size());
        if (orientations.empty()) return out;
        for (const Row& r : Query(s_,
                                  "SELECT orientation_id, organization_id FROM topic_orientation_cells "
                                  "WHERE orientation_id IN (" +
                                      IdList(orientations) + ") ORDER BY orientation_id, organization_id"))
            for (std::size_t i = 0; i < orientations.size(); ++i)
                if (orientations[i] == r.Int(0)) out[i].push_back(OrganizationId(r.Int(1)));
        return out;
    }

    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::TopicRepository> MakeTopicRepository(soci::session& session) {
    return std::make_unique<SqlTopics>(session);
}

}  // namespace chibo::storage::sql
