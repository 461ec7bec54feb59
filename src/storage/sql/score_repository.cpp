#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/score_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

class SqlScores final : public ScoreRepository {
public:
    explicit SqlScores(soci::session& s) : s_(s) {}

    std::vector<StoredScorecard> Scorecards(OrganizationId organization) override {
        std::vector<StoredScorecard> out;
        for (const Row& r :
             Query(s_,
                   "SELECT id, organization_id, effective_from, name, body, created_by, created_at, meeting_kind FROM "
                   "scorecards WHERE organization_id = :o ORDER BY effective_from, id",
                   Params().Int(organization.value)))
            out.push_back(ReadScorecard(r));
        return out;
    }

    std::optional<StoredScorecard> GetScorecard(ScorecardId id) override {
        auto r = QueryOne(
            s_,
            "SELECT id, organization_id, effective_from, name, body, created_by, created_at, meeting_kind FROM "
            "scorecards WHERE id = :id",
            Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadScorecard(*r);
    }

    StoredScorecard InsertScorecard(const StoredScorecard& in) override {
        auto r =
            QueryOne(s_,
                     "INSERT INTO scorecards (organization_id, effective_from, name, body, created_by, created_at, "
                     "meeting_kind) VALUES (:o, :f, :n, :b, :by, :at, :k) RETURNING id",
                     Params()
                         .Int(in.organization.value)
                         .Date(in.card.effective_from)
                         .Text(in.card.name)
                         .Text(ScorecardToJson(in.card))
                         .Text(in.created_by)
                         .Int(in.created_at)
                         .Text(in.card.meeting_kind ? std::string(ToCode(*in.card.meeting_kind)) : ""));
        StoredScorecard out = in;
        out.id = ScorecardId(r->Int(0));
        return out;
    }

    std::vector<MeetingScore> Scores(MeetingId meeting) override {
        std::vector<MeetingScore> out;
        for (const Row& r : Query(s_, std::string(kScoreSelect) + "WHERE s.meeting_id = :m ORDER BY s.id",
                                  Params().Int(meeting.value)))
            out.push_back(ReadScore(r));
        return out;
    }

    std::vector<MeetingScore> LatestInSubtree(const std::string& path, int first_month, int last_month) override {
        std::vector<MeetingScore> out;
        for (const Row& r : Query(s_,
                                  std::string(kScoreSelect) +
                                      "JOIN meetings m ON m.id = s.meeting_id JOIN organizations o ON o.id = "
                                      "m.organization_id WHERE o.path >= :lo AND o.path < :hi AND m.year * 12 + "
                                      "m.month - 1 BETWEEN :f AND :t AND s.id = (SELECT MAX(l.id) FROM meeting_scores "
                                      "l WHERE l.meeting_id = s.meeting_id AND l.role = s.role) ORDER BY "
                                      "s.meeting_id, s.role",
                                  Params().Text(path).Text(SubtreeEnd(path)).Int(first_month).Int(last_month)))
            out.push_back(ReadScore(r));
        return out;
    }

    MeetingScore InsertScore(const MeetingScore& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO meeting_scores (meeting_id, role, scorecard_id, points, computed_points, "
                          "override_reasons, total, level, scored_by, scored_at, reason) VALUES (:m, :r, :s, :p, :c, "
                          ":o, :t, :l, :by, :at, :re) RETURNING id",
                          Params()
                              .Int(in.meeting.value)
                              .Text(std::string(ToCode(in.role)))
                              .Int(in.scorecard_id.value)
                              .Text(PointsToJson(in.points))
                              .Text(PointsToJson(in.computed))
                              .Text(TextsToJson(in.override_reasons))
                              .Int(in.total)
                              .Text(std::string(ToCode(in.level)))
                              .Text(in.scored_by)
                              .Int(in.scored_at)
                              .Text(in.reason));
        MeetingScore out = in;
        out.id = r->Int(0);
        return out;
    }

private:
    static constexpr const char* kScoreSelect =
        "SELECT s.id, s.meeting_id, s.role, s.scorecard_id, s.points, s.computed_points, s.override_reasons, "
        "s.total, s.level, s.scored_by, s.scored_at, s.reason FROM meeting_scores s ";

    static MeetingScore ReadScore(const Row& r) {
        MeetingScore sc;
        sc.id = r.Int(0);
        sc.meeting = MeetingId(r.Int(1));
        sc.role = Decode(r.Text(2), ScorerRoleFromCode, "meeting_scores.role");
        sc.scorecard_id = ScorecardId(r.Int(3));
        sc.points = PointsFromJson(r.Text(4));
        sc.computed = PointsFromJson(r.Text(5));
        sc.override_reasons = TextsFromJson(r.Text(6));
        sc.total = static_cast<int>(r.Int(7));
        sc.level = Decode(r.Text(8), QualityLevelFromCode, "meeting_scores.level");
        sc.scored_by = r.Text(9);
        sc.scored_at = r.Int(10);
        sc.reason = r.Text(11);
        return sc;
    }

    static StoredScorecard ReadScorecard(const Row& r) {
        StoredScorecard sc;
        sc.id = ScorecardId(r.Int(0));
        sc.organization = OrganizationId(r.Int(1));
        sc.card = ScorecardFromJson(r.Text(4));
        sc.card.effective_from = r.Date(2);
        sc.card.name = r.Text(3);
        sc.created_by = r.Text(5);
        sc.created_at = r.Int(6);
        if (const std::string kind = r.Text(7); !kind.empty())
            sc.card.meeting_kind = Decode(kind, MeetingKindFromCode, "scorecards.meeting_kind");
        return sc;
    }

    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::ScoreRepository> MakeScoreRepository(soci::session& session) {
    return std::make_unique<SqlScores>(session);
}

}  // namespace chibo::storage::sql
