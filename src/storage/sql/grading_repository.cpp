#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/grading_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

class SqlGrading final : public GradingRepository {
public:
    explicit SqlGrading(soci::session& s) : s_(s) {}

    std::vector<GradingRound> RoundsOf(const std::vector<OrganizationId>& organizations) override {
        std::vector<GradingRound> out;
        if (organizations.empty()) return out;
        std::string q = std::string(kRoundColumns) + " WHERE organization_id IN (";
        Params p;
        for (std::size_t i = 0; i < organizations.size(); ++i) {
            q += (i ? ", :o" : ":o") + std::to_string(i);
            p.Int(organizations[i].value);
        }
        q += ")";
        for (const Row& r : Query(s_, q, p)) out.push_back(ReadRound(r));
        std::sort(out.begin(), out.end(), [](const GradingRound& a, const GradingRound& b) {
            if (a.period.to != b.period.to) return a.period.to > b.period.to;
            if (a.period.from != b.period.from) return a.period.from > b.period.from;
            return a.id > b.id;
        });
        return out;
    }

    std::optional<GradingRound> GetRound(GradingRoundId id) override {
        auto r = QueryOne(s_, std::string(kRoundColumns) + " WHERE id = :id", Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadRound(*r);
    }

    std::optional<GradingRound> FindRound(OrganizationId organization, const std::string& period) override {
        auto r = QueryOne(s_, std::string(kRoundColumns) + " WHERE organization_id = :o AND period = :p",
                          Params().Int(organization.value).Text(period));
        if (!r) return std::nullopt;
        return ReadRound(*r);
    }

    GradingRound InsertRound(const GradingRound& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO grading_rounds (organization_id, period, excellent_quota_bp, created_by, "
                          "created_at) VALUES (:o, :p, :q, :by, :at) RETURNING id",
                          Params()
                              .Int(in.organization.value)
                              .Text(in.period.code)
                              .Int(std::llround(in.excellent_quota * 10000))
                              .Text(in.created_by)
                              .Int(in.created_at));
        GradingRound out = in;
        out.id = GradingRoundId(r->Int(0));
        return out;
    }

    std::vector<Grade> Grades(GradingRoundId round) override {
        std::vector<Grade> out;
        for (const Row& r : Query(s_,
                                  "SELECT id, round_id, subject, subject_id, step, general_points, task_points, total, "
                                  "level, exceeded_targets, disciplined, comment, reason, recorded_by, recorded_at "
                                  "FROM grades WHERE round_id = :r ORDER BY id",
                                  Params().Int(round.value))) {
            Grade g;
            g.id = GradeId(r.Int(0));
            g.round = GradingRoundId(r.Int(1));
            g.subject = Decode(r.Text(2), GradingSubjectFromCode, "grades.subject");
            g.subject_id = r.Int(3);
            g.step = Decode(r.Text(4), GradingStepFromCode, "grades.step");
            g.general_points = static_cast<int>(r.Int(5));
            g.task_points = static_cast<int>(r.Int(6));
            g.total = static_cast<int>(r.Int(7));
            g.level = Decode(r.Text(8), GradeLevelFromCode, "grades.level");
            g.exceeded_targets = r.Int(9) != 0;
            g.disciplined = r.Int(10) != 0;
            g.comment = r.Text(11);
            g.reason = r.Text(12);
            g.recorded_by = r.Text(13);
            g.recorded_at = r.Int(14);
            out.push_back(std::move(g));
        }
        return out;
    }

    Grade InsertGrade(const Grade& in) override {
        auto r = QueryOne(s_,
                          "INSERT INTO grades (round_id, subject, subject_id, step, general_points, task_points, "
                          "total, level, exceeded_targets, disciplined, comment, reason, recorded_by, recorded_at) "
                          "VALUES (:r, :s, :sid, :st, :g, :t, :tot, :l, :e, :d, :c, :re, :by, :at) RETURNING id",
                          Params()
                              .Int(in.round.value)
                              .Text(std::string(ToCode(in.subject)))
                              .Int(in.subject_id)
                              .Text(std::string(ToCode(in.step)))
                              .Int(std::int64_t{in.general_points})
                              .Int(std::int64_t{in.task_points})
                              .Int(std::int64_t{in.total})
                              .Text(std::string(ToCode(in.level)))
                              .Int(std::int64_t{in.exceeded_targets ? 1 : 0})
                              .Int(std::int64_t{in.disciplined ? 1 : 0})
                              .Text(in.comment)
                              .Text(in.reason)
                              .Text(in.recorded_by)
                              .Int(in.recorded_at));
        Grade out = in;
        out.id = GradeId(r->Int(0));
        return out;
    }

private:
    static constexpr const char* kRoundColumns =
        "SELECT id, organization_id, period, excellent_quota_bp, created_by, created_at FROM grading_rounds";

    static GradingRound ReadRound(const Row& r) {
        GradingRound g;
        g.id = GradingRoundId(r.Int(0));
        g.organization = OrganizationId(r.Int(1));
        g.period = Decode(r.Text(2), ParseGradingPeriod, "grading_rounds.period");
        g.excellent_quota = static_cast<double>(r.Int(3)) / 10000.0;
        g.created_by = r.Text(4);
        g.created_at = r.Int(5);
        return g;
    }

    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::GradingRepository> MakeGradingRepository(soci::session& session) {
    return std::make_unique<SqlGrading>(session);
}

}  // namespace chibo::storage::sql
