#include "storage/sql/sql_repositories.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/meeting_repository.hpp"
#include "storage/sql/codecs.hpp"
#include "storage/sql/sql.hpp"

namespace chibo::storage::sql {
namespace {

using namespace chibo::domain;

std::optional<std::int64_t> OptVote(const std::optional<Vote>& vote, int Vote::*field) {
    if (!vote) return std::nullopt;
    return (*vote).*field;
}

class SqlMeetings final : public MeetingRepository {
public:
    explicit SqlMeetings(soci::session& s) : s_(s) {}

    std::optional<MeetingRuleOverride> RuleOf(OrganizationId organization) override {
        auto r = QueryOne(s_,
                          "SELECT regular_day, start_minutes, thematic_months, min_minutes, combined_min_minutes, "
                          "shift, holidays FROM meeting_rules WHERE organization_id = :o",
                          Params().Int(organization.value));
        if (!r) return std::nullopt;
        MeetingRuleOverride rule;
        auto opt_int = [&](std::size_t i) -> std::optional<int> {
            if (r->IsNull(i)) return std::nullopt;
            return static_cast<int>(r->Int(i));
        };
        rule.regular_day = opt_int(0);
        rule.start_minutes = opt_int(1);
        if (!r->IsNull(2)) rule.thematic_months = SplitInts(r->Text(2));
        rule.min_minutes = opt_int(3);
        rule.combined_min_minutes = opt_int(4);
        if (!r->IsNull(5)) rule.shift = Decode(r->Text(5), DayShiftFromCode, "meeting_rules.shift");
        const std::string holidays = r->Text(6);
        std::size_t i = 0;
        while (i < holidays.size()) {
            const std::size_t end = std::min(holidays.find(',', i), holidays.size());
            rule.holidays.insert(Decode(holidays.substr(i, end - i), base::Date::ParseIso, "meeting_rules.holidays"));
            i = end + 1;
        }
        return rule;
    }

    void SaveRule(OrganizationId organization, const MeetingRuleOverride& rule) override {
        std::string holidays;
        for (const base::Date& d : rule.holidays) holidays += (holidays.empty() ? "" : ",") + d.ToIso();
        Exec(s_, "DELETE FROM meeting_rules WHERE organization_id = :o", Params().Int(organization.value));
        Params p;
        // Unset fields are stored as NULL: they inherit. A set month list is never empty (validated).
        p.Int(organization.value)
            .Int(rule.regular_day)
            .Int(rule.start_minutes)
            .TextOrNull(rule.thematic_months ? JoinInts(*rule.thematic_months) : "")
            .Int(rule.min_minutes)
            .Int(rule.combined_min_minutes)
            .TextOrNull(rule.shift ? std::string(ToCode(*rule.shift)) : "")
            .Text(holidays);
        Exec(s_,
             "INSERT INTO meeting_rules (organization_id, regular_day, start_minutes, thematic_months, min_minutes, "
             "combined_min_minutes, shift, holidays) VALUES (:o, :d, :s, :t, :m, :c, :sh, :h)",
             p);
    }

    std::optional<Meeting> Get(MeetingId id) override {
        auto r = QueryOne(s_, std::string("SELECT ") + kMeetingColumns + " FROM meetings WHERE id = :id",
                          Params().Int(id.value));
        if (!r) return std::nullopt;
        return ReadMeeting(*r);
    }

    std::optional<Meeting> Find(OrganizationId cell, MeetingKind kind, int year, int month) override {
        auto r = QueryOne(s_,
                          std::string("SELECT ") + kMeetingColumns +
                              " FROM meetings WHERE organization_id = :o AND kind = :k AND year = :y AND month = :m",
                          Params().Int(cell.value).Text(std::string(ToCode(kind))).Int(year).Int(month));
        if (!r) return std::nullopt;
        return ReadMeeting(*r);
    }

    std::vector<Meeting> ForYear(OrganizationId cell, int year) override {
        std::vector<Meeting> out;
        for (const Row& r :
             Query(s_,
                   std::string("SELECT ") + kMeetingColumns +
                       " FROM meetings WHERE organization_id = :o AND year = :y ORDER BY scheduled_on, id",
                   Params().Int(cell.value).Int(year))) {
            out.push_back(ReadMeeting(r));
        }
        return out;
    }

    Meeting Insert(const Meeting& in) override {
        auto r =
            QueryOne(s_,
                     "INSERT INTO meetings (organization_id, kind, year, month, scheduled_on, start_minutes, "
                     "min_minutes, combined_min_minutes, state, shifted, moved_reason, cancelled_reason) VALUES (:o, "
                     ":k, :y, :m, :d, :s, :mm, :cmm, :st, :sh, :mr, :cr) RETURNING id",
                     Params()
                         .Int(in.organization.value)
                         .Text(std::string(ToCode(in.kind)))
                         .Int(in.year)
                         .Int(in.month)
                         .Date(in.date)
                         .Int(in.start_minutes)
                         .Int(in.min_minutes)
                         .Int(in.combined_min_minutes)
                         .Text(std::string(ToCode(in.state)))
                         .Int(in.shifted ? 1 : 0)
                         .Text(in.moved_reason)
                         .Text(in.cancelled_reason));
        Meeting out = in;
        out.id = MeetingId(r->Int(0));
        return out;
    }

    void Update(const Meeting& m) override {
        const MeetingPreparation& p = m.preparation;
        const MeetingRecord& rec = m.record;
        Params params;
        params.Date(m.date)
            .Int(m.start_minutes)
            .Int(m.min_minutes)
            .Text(std::string(ToCode(m.state)))
            .Int(m.shifted ? 1 : 0)
            .Text(m.moved_reason)
            .Text(m.cancelled_reason)
            .Id(p.preparer)
            .Text(p.preparer_name)
            .Text(p.place)
            .Date(p.committee_meeting_on)
            .Text(p.committee_meeting_notes)
            .Text(JoinLines(p.agenda))
            .Text(p.superior_official);
        OptBig(params, m.notified_at);
        OptBig(params, m.documents_sent_at);
        params.Int(rec.started_minutes)
            .Int(rec.ended_minutes)
            .Id(rec.chair)
            .Text(rec.chair_name)
            .Id(rec.minute_taker)
            .Text(rec.minute_taker_name)
            .Text(JoinLines(rec.guests))
            .Int(rec.superior_attended ? 1 : 0)
            .Text(rec.conclusion)
            .Text(rec.resolution);
        OptBig(params, OptVote(rec.vote, &Vote::in_favour));
        OptBig(params, OptVote(rec.vote, &Vote::against));
        OptBig(params, OptVote(rec.vote, &Vote::abstaining));
        params.Text(std::string(ToCode(rec.vote_scope)));
        OptBig(params, m.finalised_at);
        params.Text(m.minutes_number).Text(m.resolution_number);
        OptBig(params, m.reported_at);
        params.Id(rec.superior_attendant);
        params.Int(m.id.value);
        Exec(
            s_,
            "UPDATE meetings SET scheduled_on = :d, start_minutes = :s, min_minutes = :mm, state = :st, shifted = :sh, "
            "moved_reason = :mr, cancelled_reason = :cr, preparer_id = :pi, preparer_name = :pn, place = :pl, "
            "committee_meeting_on = :cm, committee_meeting_notes = :cn, agenda = :ag, superior_official = :so, "
            "notified_at = :na, documents_sent_at = :ds, started_minutes = :sm, ended_minutes = :em, chair_id = :ci, "
            "chair_name = :cna, minute_taker_id = :mi, minute_taker_name = :mn, guests = :g, superior_attended = :sa, "
            "conclusion = :co, resolution = :re, vote_in_favour = :vf, vote_against = :va, vote_abstaining = :vb, "
            "vote_scope = :vs, finalised_at = :fa, minutes_number = :mnu, resolution_number = :rnu, reported_at = :ra, "
            "superior_attendant_id = :sai WHERE id = :id",
            params);
    }

    std::vector<Meeting> InSubtreeBetween(const std::string& path, base::Date from, base::Date to, int limit) override {
        std::vector<Meeting> out;
        for (const Row& r : Query(s_,
                                  std::string("SELECT ") + kMeetingColumns +
                                      " FROM meetings WHERE organization_id IN (SELECT id FROM organizations WHERE "
                                      "path >= :lo AND path < :hi) AND scheduled_on >= :f AND scheduled_on <= :t "
                                      "ORDER BY scheduled_on, start_minutes, id LIMIT :lim",
                                  Params().Text(path).Text(SubtreeEnd(path)).Date(from).Date(to).Int(limit)))
            out.push_back(ReadMeeting(r));
        return out;
    }

    std::int64_t LastMeetingId() override {
        auto r = QueryOne(s_, "SELECT COALESCE(MAX(id), 0) FROM meetings");
        return r ? r->Int(0) : 0;
    }

    std::vector<std::pair<MeetingId, MeetingFigures>> HeldFigures(std::int64_t first, std::int64_t last) override {
        std::string held;
        Params states;
        states.Int(first).Int(last);
        for (MeetingState st :
             {MeetingState::kPlanned, MeetingState::kPrepared, MeetingState::kNotified, MeetingState::kHeld,
              MeetingState::kMinutesFinalised, MeetingState::kReported, MeetingState::kCancelled}) {
            if (!Held(st)) continue;
            held += (held.empty() ? ":s" : ", :s") + std::to_string(held.size());
            states.Text(std::string(ToCode(st)));
        }
        std::vector<std::pair<MeetingId, MeetingFigures>> out;
        std::unordered_map<std::int64_t, std::size_t> at;
        for (const Row& r : Query(s_,
                                  "SELECT id, organization_id, kind, year, month, superior_attended FROM meetings "
                                  "WHERE id BETWEEN :a AND :b AND state IN (" +
                                      held + ") ORDER BY id",
                                  states)) {
            MeetingFigures f;
            f.cell = OrganizationId(r.Int(1));
            f.kind = Decode(r.Text(2), MeetingKindFromCode, "meetings.kind");
            f.month = MonthNumber(static_cast<int>(r.Int(3)), static_cast<int>(r.Int(4)));
            if (f.month < kFirstStatMonth || f.month >= kFirstStatMonth + kStatMonths) continue;
            f.held = true;
            f.superior_attended = r.Int(5) != 0;
            at[r.Int(0)] = out.size();
            out.emplace_back(MeetingId(r.Int(0)), std::move(f));
        }
        // One pass over the roll calls (the largest table): the counts, and the members absent without
        // leave as a list.
        const bool postgres = s_.get_backend_name() == "postgresql";
        const std::string unexcused_list =
            postgres ? "string_agg(CASE WHEN presence = :u THEN CAST(member_id AS TEXT) END, ',')"
                     : "group_concat(CASE WHEN presence = :u THEN member_id END, ',')";
        for (const Row& r : Query(s_,
                                  "SELECT meeting_id, SUM(CASE WHEN presence IN (:x, :y) THEN 0 ELSE 1 END), "
                                  "SUM(CASE WHEN presence IN (:p, :l) THEN 1 ELSE 0 END), " +
                                      unexcused_list +
                                      " FROM meeting_attendance WHERE meeting_id BETWEEN :a AND :b GROUP BY meeting_id",
                                  Params()
                                      .Text(std::string(ToCode(Presence::kExempt)))
                                      .Text(std::string(ToCode(Presence::kAway)))
                                      .Text(std::string(ToCode(Presence::kPresent)))
                                      .Text(std::string(ToCode(Presence::kLate)))
                                      .Text(std::string(ToCode(Presence::kUnexcused)))
                                      .Int(first)
                                      .Int(last))) {
            auto found = at.find(r.Int(0));
            if (found == at.end()) continue;
            MeetingFigures& f = out[found->second].second;
            f.expected = static_cast<int>(r.Int(1));
            f.present = static_cast<int>(r.Int(2));
            if (r.IsNull(3)) continue;
            const std::string members = r.Text(3);
            for (std::size_t from = 0; from < members.size();) {
                std::size_t to = members.find(',', from);
                if (to == std::string::npos) to = members.size();
                f.unexcused.emplace_back(std::stoll(members.substr(from, to - from)));
                from = to + 1;
            }
        }
        // The superior's latest level if any, else the cell's (rows in id order: later ones win).
        std::unordered_map<std::int64_t, std::pair<std::optional<QualityLevel>, std::optional<QualityLevel>>> levels;
        for (const Row& r :
             Query(s_,
                   "SELECT meeting_id, role, level FROM meeting_scores WHERE meeting_id BETWEEN :a AND :b "
                   "ORDER BY id",
                   Params().Int(first).Int(last))) {
            auto& [cell, superior] = levels[r.Int(0)];
            const QualityLevel level = Decode(r.Text(2), QualityLevelFromCode, "meeting_scores.level");
            (Decode(r.Text(1), ScorerRoleFromCode, "meeting_scores.role") == ScorerRole::kSuperior ? superior : cell) =
                level;
        }
        for (auto& [id, f] : out) {
            auto found = levels.find(id.value);
            if (found != levels.end()) f.level = found->second.second ? found->second.second : found->second.first;
        }
        return out;
    }

private:
    static void OptBig(Params& params, const std::optional<std::int64_t>& v) {
        if (v)
            params.Int(*v);
        else
            params.Null();
    }

    soci::session& s_;
};

}  // namespace

std::unique_ptr<domain::MeetingRepository> MakeMeetingRepository(soci::session& session) {
    return std::make_unique<SqlMeetings>(session);
}

}  // namespace chibo::storage::sql
