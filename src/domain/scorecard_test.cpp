#include "domain/scorecard.hpp"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

MeetingFacts Exemplary() {
    MeetingFacts f;
    f.duration_minutes = 100;
    f.min_minutes = 90;
    f.attendance_share = 1.0;
    f.unexcused = 0;
    f.documents_ahead = true;
    f.committee_meeting_held = true;
    f.draft_resolution = true;
    f.notice_sent = true;
    f.speaker_share = 0.6;
    f.targets_met = 0.95;
    f.resolution_adopted = true;
    f.minutes_finalised = true;
    f.report_on_time = true;
    return f;
}

// The judgement criteria as a secretary might give them.
std::map<std::string, int> Judgement(int procedure, int content, int chairing, int centralism, int criticism,
                                     int focused) {
    return {{"procedure", procedure},      {"content_quality", content},
            {"chairing", chairing},        {"democratic_centralism", centralism},
            {"self_criticism", criticism}, {"content", focused}};
}

std::map<std::string, int> Merge(std::map<std::string, int> a, const std::map<std::string, int>& b) {
    a.insert(b.begin(), b.end());
    return a;
}

TEST(Hd42ScorecardTest, IsValidAndTotalsOneHundred) {
    const Scorecard card = Hd42Scorecard();
    EXPECT_TRUE(ValidateScorecard(card).has_value()) << ValidateScorecard(card).error().message;
    EXPECT_EQ(card.Total(), 100);
}

TEST(ComputedPointsTest, TiersOfEachMetric) {
    const Scorecard card = Hd42Scorecard();
    struct Case {
        const char* criterion;
        void (*set)(MeetingFacts&);
        int points;
    };
    const Case cases[] = {
        {"duration", [](MeetingFacts& f) { f.duration_minutes = 90; }, 5},
        {"duration", [](MeetingFacts& f) { f.duration_minutes = 89; }, 4},
        {"duration", [](MeetingFacts& f) { f.duration_minutes = 75; }, 4},  // Short by 15: still 4.
        {"duration", [](MeetingFacts& f) { f.duration_minutes = 74; }, 3},
        {"duration", [](MeetingFacts& f) { f.duration_minutes = 60; }, 3},
        {"duration", [](MeetingFacts& f) { f.duration_minutes = 59; }, 2},
        {"duration", [](MeetingFacts& f) { f.duration_minutes = 30; }, 1},
        {"attendance", [](MeetingFacts& f) { f.attendance_share = 1.0; }, 5},
        {"attendance", [](MeetingFacts& f) { f.attendance_share = 0.9; }, 4},
        {"attendance", [](MeetingFacts& f) { f.attendance_share = 0.89; }, 3},
        {"attendance", [](MeetingFacts& f) { f.attendance_share = 0.75; }, 3},
        {"attendance", [](MeetingFacts& f) { f.attendance_share = 0.7; }, 2},
        {"attendance", [](MeetingFacts& f) { f.attendance_share = 0.64; }, 1},
        // Any unexcused absence caps attendance at 1, whatever the share.
        {"attendance",
         [](MeetingFacts& f) {
             f.attendance_share = 0.97;
             f.unexcused = 1;
         },
         1},
        {"participation", [](MeetingFacts& f) { f.speaker_share = 0.5; }, 10},
        {"participation", [](MeetingFacts& f) { f.speaker_share = 0.45; }, 8},
        {"participation", [](MeetingFacts& f) { f.speaker_share = 0.3; }, 6},
        {"participation", [](MeetingFacts& f) { f.speaker_share = 0.1; }, 4},
        {"targets_met", [](MeetingFacts& f) { f.targets_met = 0.9; }, 30},
        {"targets_met", [](MeetingFacts& f) { f.targets_met = 0.85; }, 27},
        {"targets_met", [](MeetingFacts& f) { f.targets_met = 0.7; }, 24},
        {"targets_met", [](MeetingFacts& f) { f.targets_met = 0.65; }, 20},
        {"targets_met", [](MeetingFacts& f) { f.targets_met = 0.5; }, 15},
        {"targets_met", [](MeetingFacts& f) { f.targets_met = 0.2; }, 10},
        {"documents_ahead", [](MeetingFacts& f) { f.documents_ahead = false; }, 0},
        {"report_on_time", [](MeetingFacts& f) { f.report_on_time = false; }, 0},
    };
    for (const Case& c : cases) {
        MeetingFacts f = Exemplary();
        c.set(f);
        EXPECT_EQ(ComputedPoints(*card.Find(c.criterion), f), c.points) << c.criterion;
    }
}

TEST(ComputedPointsTest, UnknownFactsAndJudgementAreLeftToPeople) {
    const Scorecard card = Hd42Scorecard();
    MeetingFacts f = Exemplary();
    f.duration_minutes.reset();
    f.targets_met.reset();  // Nothing was due from last month.
    f.report_on_time.reset();
    const auto pre = Prefill(card, f);
    EXPECT_FALSE(pre.contains("duration"));
    EXPECT_FALSE(pre.contains("targets_met"));
    EXPECT_FALSE(pre.contains("report_on_time"));
    EXPECT_FALSE(pre.contains("procedure"));
    EXPECT_EQ(pre.at("attendance"), 5);
    EXPECT_EQ(pre.size(), 8U);  // Every other computed criterion.
}

// Hand-worked meetings: the prefilled points plus the secretary's judgement, total and level.
TEST(ScoreTest, HandWorkedMeetingsGetTheirLevel) {
    const Scorecard card = Hd42Scorecard();
    struct Case {
        const char* what;
        MeetingFacts facts;
        std::map<std::string, int> judged;
        int total;
        QualityLevel level;
    };
    MeetingFacts one_absent = Exemplary();
    one_absent.attendance_share = 0.95;
    one_absent.unexcused = 1;
    MeetingFacts short_and_quiet = Exemplary();
    short_and_quiet.duration_minutes = 70;  // Short by 20: 3.
    short_and_quiet.speaker_share = 0.35;   // 6.
    short_and_quiet.targets_met = 0.75;     // 24.
    MeetingFacts lax = Exemplary();
    lax.duration_minutes = 40;  // 1.
    lax.attendance_share = 0.6;
    lax.unexcused = 4;  // 1.
    lax.documents_ahead = false;
    lax.committee_meeting_held = false;
    lax.draft_resolution = false;
    lax.speaker_share = 0.2;  // 4.
    lax.targets_met = 0.4;    // 10.
    lax.report_on_time = false;
    const Case cases[] = {
        // 5 + 5 + (2+2+2+2+2) + (10+9+10+10) + (3+2) + 30 + (2+2+1) = 99.
        {"exemplary", Exemplary(), Judgement(10, 9, 10, 3, 2, 2), 99, QualityLevel::kGood},
        // The same with one unexcused absence: attendance 1, 95 points but not full marks → Khá.
        {"one unexcused absence", one_absent, Judgement(10, 9, 10, 3, 2, 2), 95, QualityLevel::kFair},
        // 3 + 5 + 10 + (8+8+8+6) + 4 + 24 + 5 = 81.
        {"short and quiet", short_and_quiet, Judgement(8, 8, 8, 2, 2, 2), 81, QualityLevel::kFair},
        // 1 + 1 + (1+0+0+2+0) + (6+5+5+4) + 3 + 10 + (2+2+0) = 42.
        {"lax", lax, Judgement(6, 5, 5, 2, 1, 1), 42, QualityLevel::kPoor},
    };
    for (const Case& c : cases) {
        const auto result = Score(card, Merge(Prefill(card, c.facts), c.judged));
        ASSERT_TRUE(result.has_value()) << c.what << ": " << result.error().message;
        EXPECT_EQ(result->total, c.total) << c.what;
        EXPECT_EQ(result->level, c.level) << c.what;
        EXPECT_TRUE(result->complete) << c.what;
    }
    MeetingFacts middling = short_and_quiet;
    middling.targets_met = 0.55;  // 15.
    const auto average = Score(card, Merge(Prefill(card, middling), Judgement(5, 5, 5, 2, 1, 1)));
    // 3 + 5 + (1+2+2+2+2) + (5+5+5+6) + 3 + 15 + 5 = 61.
    EXPECT_EQ(average->total, 61);
    EXPECT_EQ(average->level, QualityLevel::kAverage);
}

TEST(ScoreTest, RefusesPointsOutsideTheCriterion) {
    const Scorecard card = Hd42Scorecard();
    EXPECT_EQ(Score(card, {{"procedure", 11}}).error().field, "procedure");
    EXPECT_EQ(Score(card, {{"procedure", -1}}).error().field, "procedure");
    EXPECT_EQ(Score(card, {{"unknown", 1}}).error().field, "unknown");
    const auto partial = Score(card, {{"procedure", 10}});
    ASSERT_TRUE(partial.has_value());
    EXPECT_FALSE(partial->complete);
}

// Issue 15: a cell cannot type its attendance over silently to reach "Tốt".
TEST(ScoreAgainstRecordTest, AComputedCriterionKeepsItsPointsUnlessAReasonIsGiven) {
    const Scorecard card = Hd42Scorecard();
    MeetingFacts one_absent = Exemplary();
    one_absent.attendance_share = 0.95;
    one_absent.unexcused = 1;  // Attendance computes 1.
    ScoreSheet sheet{Merge(Prefill(card, one_absent), Judgement(10, 9, 10, 3, 2, 2)), {}};
    sheet.points["attendance"] = 5;

    const auto refused = ScoreAgainstRecord(card, one_absent, sheet);
    sheet.override_reasons["attendance"] = "  Đồng chí vắng đã  báo qua điện thoại, biên bản ghi nhầm ";
    const auto accepted = ScoreAgainstRecord(card, one_absent, sheet);

    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().field, "attendance");
    EXPECT_NE(refused.error().message.find("được tính từ biên bản: 1 điểm"), std::string::npos)
        << refused.error().message;
    EXPECT_NE(refused.error().message.find("cần ghi lý do điều chỉnh"), std::string::npos);
    ASSERT_TRUE(accepted.has_value()) << accepted.error().message;
    EXPECT_EQ(accepted->Deviation(), 4);
    EXPECT_EQ(accepted->computed.at("attendance"), 1);
    EXPECT_EQ(accepted->points.at("attendance"), 5);
    EXPECT_EQ(accepted->override_reasons.at("attendance"), "Đồng chí vắng đã báo qua điện thoại, biên bản ghi nhầm");
    EXPECT_EQ(accepted->result.total, 99);
    EXPECT_EQ(accepted->result.level, QualityLevel::kGood);
}

TEST(ScoreAgainstRecordTest, OmittedComputedCriteriaTakeTheRecordsPoints) {
    const Scorecard card = Hd42Scorecard();
    MeetingFacts facts = Exemplary();
    facts.report_on_time.reset();  // Not known yet: left to the scorer.
    std::map<std::string, int> judged = Judgement(10, 9, 10, 3, 2, 2);
    judged["report_on_time"] = 0;

    const auto checked = ScoreAgainstRecord(card, facts, {judged, {}});

    ASSERT_TRUE(checked.has_value()) << checked.error().message;
    EXPECT_TRUE(checked->result.complete);
    EXPECT_EQ(checked->points.at("attendance"), 5);
    EXPECT_EQ(checked->points.at("targets_met"), 30);
    EXPECT_FALSE(checked->computed.contains("report_on_time"));
    EXPECT_FALSE(checked->computed.contains("procedure"));
    EXPECT_EQ(checked->Deviation(), 0);
    EXPECT_TRUE(checked->override_reasons.empty());
}

TEST(ScoreAgainstRecordTest, LoweringNeedsAReasonTooAndReasonsAreKeptOnlyWhereThePointsDiffer) {
    const Scorecard card = Hd42Scorecard();
    const MeetingFacts facts = Exemplary();
    ScoreSheet sheet{Judgement(10, 9, 10, 3, 2, 2), {{"duration", "Không đổi"}, {"procedure", "Theo đánh giá"}}};
    sheet.points["targets_met"] = 24;

    const auto refused = ScoreAgainstRecord(card, facts, sheet);
    sheet.override_reasons["targets_met"] = "Chỉ tiêu tháng trước báo cáo chưa đúng thực tế";
    const auto accepted = ScoreAgainstRecord(card, facts, sheet);

    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().field, "targets_met");
    ASSERT_TRUE(accepted.has_value()) << accepted.error().message;
    EXPECT_EQ(accepted->Deviation(), -6);
    EXPECT_EQ(accepted->override_reasons.size(), 1U);
    EXPECT_TRUE(accepted->override_reasons.contains("targets_met"));
}

TEST(ScoreAgainstRecordTest, RefusesWhatIsWrongAtTheCriterion) {
    const Scorecard card = Hd42Scorecard();
    const MeetingFacts facts = Exemplary();
    const auto judged = Judgement(10, 9, 10, 3, 2, 2);

    const auto too_many = ScoreAgainstRecord(card, facts, {Merge({{"attendance", 6}}, judged), {{"attendance", "x"}}});
    const auto blank = ScoreAgainstRecord(card, facts, {Merge({{"attendance", 4}}, judged), {{"attendance", "   "}}});
    const auto long_reason =
        ScoreAgainstRecord(card, facts, {Merge({{"attendance", 4}}, judged), {{"attendance", std::string(501, 'a')}}});
    const auto unknown = ScoreAgainstRecord(card, facts, {judged, {{"unknown", "Lý do"}}});

    EXPECT_EQ(too_many.error().field, "attendance");
    EXPECT_NE(too_many.error().message.find("từ 0 đến 5"), std::string::npos) << too_many.error().message;
    EXPECT_EQ(blank.error().field, "attendance");
    EXPECT_EQ(long_reason.error().field, "attendance");
    EXPECT_NE(long_reason.error().message.find("500"), std::string::npos);
    EXPECT_EQ(unknown.error().field, "unknown");
}

TEST(DeviationTest, SumsGivenMinusComputedOverTheComputedCriteria) {
    EXPECT_EQ(Deviation({{"attendance", 5}, {"duration", 3}, {"procedure", 10}}, {{"attendance", 1}, {"duration", 4}}),
              3);
    EXPECT_EQ(Deviation({{"attendance", 5}}, {}), 0);  // Scored before chibo kept computed points.
}

TEST(ValidateScorecardTest, NamesWhatIsWrong) {
    struct Case {
        const char* what;
        void (*edit)(Scorecard&);
        const char* field;
    };
    const Case cases[] = {
        {"block sum", [](Scorecard& c) { c.blocks[0].max_points = 6; }, "blocks[0].max_points"},
        {"total",
         [](Scorecard& c) {
             c.blocks[0].max_points = 6;
             c.blocks[0].criteria[0].max_points = 6;
         },
         "blocks"},
        {"tier above max", [](Scorecard& c) { c.blocks[0].criteria[0].tiers[0].points = 6; },
         "blocks[0].criteria[0].tiers"},
        {"overlapping tiers", [](Scorecard& c) { c.blocks[0].criteria[0].tiers[1].min = 0.5; },
         "blocks[0].criteria[0].tiers"},
        {"reversed tier", [](Scorecard& c) { c.blocks[0].criteria[0].tiers[1].max = 1; },
         "blocks[0].criteria[0].tiers"},
        {"duplicate code", [](Scorecard& c) { c.blocks[2].criteria[1].code = "content"; },
         "blocks[2].criteria[1].code"},
        {"levels", [](Scorecard& c) { c.fair_min = 95; }, "levels"},
        {"unknown full-mark criterion", [](Scorecard& c) { c.full_marks_for_good.push_back("nope"); },
         "full_marks_for_good"},
        {"judgement with tiers",
         [](Scorecard& c) {
             c.blocks[3].criteria[0].tiers = {{0, std::nullopt, 1}};
         },
         "blocks[3].criteria[0].tiers"},
        {"cap above max", [](Scorecard& c) { c.blocks[1].criteria[0].caps[0].points = 9; },
         "blocks[1].criteria[0].caps"},
    };
    for (const Case& c : cases) {
        Scorecard card = Hd42Scorecard();
        c.edit(card);
        const auto r = ValidateScorecard(card);
        ASSERT_FALSE(r.has_value()) << c.what;
        EXPECT_EQ(r.error().field, c.field) << c.what << ": " << r.error().message;
    }
}

TEST(FactsOfTest, ReadsTheMeetingRecord) {
    Meeting m;
    m.date = *base::Date::FromYmd(2026, 12, 3);
    m.start_minutes = 14 * 60;
    m.min_minutes = 90;
    m.state = MeetingState::kMinutesFinalised;
    m.preparation.committee_meeting_on = m.date.AddDays(-3);
    m.notified_at = m.StartsAt() - 3 * 86400;
    m.documents_sent_at = m.StartsAt() - 3600;  // An hour before: late.
    m.record.started_minutes = 14 * 60;
    m.record.ended_minutes = 15 * 60 + 20;
    m.record.vote = Vote{3, 0, 0};
    const std::vector<AttendanceRecord> roll{
        {MemberId(1), "A", MemberStatus::kOfficial, Presence::kPresent, ""},
        {MemberId(2), "B", MemberStatus::kOfficial, Presence::kLate, ""},
        {MemberId(3), "C", MemberStatus::kOfficial, Presence::kPresent, ""},
        {MemberId(4), "D", MemberStatus::kOfficial, Presence::kUnexcused, ""},
    };
    const std::vector<Opinion> opinions{{MemberId(1), "A", "x"}, {MemberId(1), "A", "y"}, {std::nullopt, "Khách", "z"}};
    const MeetingFacts f = FactsOf(m, SessionOf(m, nullptr), roll, opinions, true, 0.8, m.date.AddDays(1));
    EXPECT_EQ(f.duration_minutes, 80);
    EXPECT_DOUBLE_EQ(*f.attendance_share, 0.75);
    EXPECT_EQ(f.unexcused, 1);
    EXPECT_FALSE(f.documents_ahead);
    EXPECT_TRUE(f.committee_meeting_held);
    EXPECT_TRUE(f.notice_sent);
    EXPECT_DOUBLE_EQ(*f.speaker_share, 1.0 / 3);  // One member spoke (twice); the guest does not count.
    EXPECT_TRUE(f.resolution_adopted);
    EXPECT_TRUE(f.minutes_finalised);
    EXPECT_FALSE(f.report_on_time.has_value()) << "the day after: not late yet";
    EXPECT_EQ(FactsOf(m, SessionOf(m, nullptr), roll, opinions, true, 0.8, m.date.AddDays(3)).report_on_time, false);
    m.reported_at = base::VietnamInstant(m.date.AddDays(2), 20 * 60);
    EXPECT_EQ(FactsOf(m, SessionOf(m, nullptr), roll, opinions, true, 0.8, m.date.AddDays(9)).report_on_time, true);
}

TEST(InForceTest, TheLatestVersionEffectiveOnTheDay) {
    Scorecard v1 = Hd42Scorecard();
    Scorecard v2 = Hd42Scorecard();
    v1.name = "v1";
    v2.name = "v2";
    v2.effective_from = *base::Date::FromYmd(2026, 7, 1);
    const std::vector<Scorecard> versions{v2, v1};
    EXPECT_EQ(InForce(versions, *base::Date::FromYmd(2026, 6, 30))->name, "v1");
    EXPECT_EQ(InForce(versions, *base::Date::FromYmd(2026, 7, 1))->name, "v2");
    EXPECT_EQ(InForce(versions, *base::Date::FromYmd(2025, 1, 1)), nullptr);
}

TEST(InForceTest, AThematicVersionScoresThematicMeetingsOnly) {
    Scorecard general = Hd42Scorecard();
    general.name = "general";
    general.effective_from = *base::Date::FromYmd(2026, 1, 1);
    Scorecard thematic = Hd42Scorecard();
    thematic.name = "thematic";
    thematic.meeting_kind = MeetingKind::kThematic;
    thematic.effective_from = *base::Date::FromYmd(2026, 3, 1);
    Scorecard general_later = general;
    general_later.name = "general later";
    general_later.effective_from = *base::Date::FromYmd(2026, 9, 1);
    const std::vector<Scorecard> versions{general, thematic, general_later};
    const base::Date feb = *base::Date::FromYmd(2026, 2, 3);
    const base::Date jun = *base::Date::FromYmd(2026, 6, 3);
    const base::Date dec = *base::Date::FromYmd(2026, 12, 3);
    // Before the thematic version takes effect, thematic meetings use the general one.
    EXPECT_EQ(InForce(versions, feb, MeetingKind::kThematic)->name, "general");
    EXPECT_EQ(InForce(versions, jun, MeetingKind::kThematic)->name, "thematic");
    EXPECT_EQ(InForce(versions, jun, MeetingKind::kRegular)->name, "general");
    // A later general version does not replace the separate thematic one.
    EXPECT_EQ(InForce(versions, dec, MeetingKind::kThematic)->name, "thematic");
    EXPECT_EQ(InForce(versions, dec, MeetingKind::kRegular)->name, "general later");
    // Only a thematic version: regular meetings have none here.
    EXPECT_EQ(InForce(std::vector<Scorecard>{thematic}, dec, MeetingKind::kRegular), nullptr);
}

}  // namespace
}  // namespace chibo::domain
