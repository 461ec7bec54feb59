#include "storage/sql/codecs.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace chibo::storage::sql {

using namespace chibo::domain;

namespace {

double JsonNumber(const boost::json::value& v) {
    return v.is_double() ? v.as_double() : static_cast<double>(v.to_number<std::int64_t>());
}

}  // namespace

void ThrowUnknownCode(std::string_view column, std::string_view code) {
    throw std::runtime_error("corrupt row: unknown code '" + std::string(code) + "' in " + std::string(column));
}

std::string IdList(const std::vector<std::int64_t>& ids) {
    std::string list;
    for (std::int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    return list;
}

std::string JoinInts(const std::set<int>& values) {
    std::string out;
    for (int v : values) out += (out.empty() ? "" : ",") + std::to_string(v);
    return out;
}

std::set<int> SplitInts(const std::string& text) {
    std::set<int> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t end = std::min(text.find(',', i), text.size());
        if (end > i) out.insert(std::stoi(text.substr(i, end - i)));
        i = end + 1;
    }
    return out;
}

std::string JoinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t end = std::min(text.find('\n', i), text.size());
        out.push_back(text.substr(i, end - i));
        i = end + 1;
    }
    return out;
}

std::optional<int> OptInt32(const Row& r, std::size_t i) {
    auto v = r.OptInt(i);
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
}

const char* const kMeetingColumns =
    "id, organization_id, kind, year, month, scheduled_on, start_minutes, min_minutes, state, shifted, "
    "moved_reason, cancelled_reason, preparer_id, preparer_name, place, committee_meeting_on, "
    "committee_meeting_notes, agenda, superior_official, notified_at, documents_sent_at, started_minutes, "
    "ended_minutes, chair_id, chair_name, minute_taker_id, minute_taker_name, guests, superior_attended, "
    "conclusion, resolution, vote_in_favour, vote_against, vote_abstaining, vote_scope, finalised_at, "
    "minutes_number, resolution_number, reported_at, combined_min_minutes, superior_attendant_id";

Meeting ReadMeeting(const Row& r) {
    Meeting m;
    m.id = MeetingId(r.Int(0));
    m.organization = OrganizationId(r.Int(1));
    m.kind = Decode(r.Text(2), MeetingKindFromCode, "meetings.kind");
    m.year = static_cast<int>(r.Int(3));
    m.month = static_cast<int>(r.Int(4));
    m.date = r.Date(5);
    m.start_minutes = static_cast<int>(r.Int(6));
    m.min_minutes = static_cast<int>(r.Int(7));
    m.state = Decode(r.Text(8), MeetingStateFromCode, "meetings.state");
    m.shifted = r.Int(9) != 0;
    m.moved_reason = r.Text(10);
    m.cancelled_reason = r.Text(11);
    MeetingPreparation& p = m.preparation;
    p.preparer = OptId<MemberId>(r, 12);
    p.preparer_name = r.Text(13);
    p.place = r.Text(14);
    p.committee_meeting_on = r.OptDate(15);
    p.committee_meeting_notes = r.Text(16);
    p.agenda = SplitLines(r.Text(17));
    p.superior_official = r.Text(18);
    m.notified_at = r.OptInt(19);
    m.documents_sent_at = r.OptInt(20);
    MeetingRecord& rec = m.record;
    rec.started_minutes = OptInt32(r, 21);
    rec.ended_minutes = OptInt32(r, 22);
    rec.chair = OptId<MemberId>(r, 23);
    rec.chair_name = r.Text(24);
    rec.minute_taker = OptId<MemberId>(r, 25);
    rec.minute_taker_name = r.Text(26);
    rec.guests = SplitLines(r.Text(27));
    rec.superior_attended = r.Int(28) != 0;
    rec.conclusion = r.Text(29);
    rec.resolution = r.Text(30);
    if (!r.IsNull(31))
        rec.vote = Vote{static_cast<int>(r.Int(31)), static_cast<int>(r.Int(32)), static_cast<int>(r.Int(33))};
    rec.vote_scope = Decode(r.Text(34), VoteScopeFromCode, "meetings.vote_scope");
    m.finalised_at = r.OptInt(35);
    m.minutes_number = r.Text(36);
    m.resolution_number = r.Text(37);
    m.reported_at = r.OptInt(38);
    m.combined_min_minutes = static_cast<int>(r.Int(39));
    rec.superior_attendant = OptId<AttendantId>(r, 40);
    return m;
}

AttendanceRecord ReadAttendance(const Row& r, std::size_t at) {
    AttendanceRecord a;
    a.member = MemberId(r.Int(at));
    a.member_name = r.Text(at + 1);
    a.status_at_meeting = Decode(r.Text(at + 2), MemberStatusFromCode, "meeting_attendance.status_at_meeting");
    a.presence = Decode(r.Text(at + 3), PresenceFromCode, "meeting_attendance.presence");
    a.reason = r.Text(at + 4);
    return a;
}

std::string ScorecardToJson(const Scorecard& card) {
    boost::json::array blocks;
    for (const ScoreBlock& b : card.blocks) {
        boost::json::array criteria;
        for (const Criterion& c : b.criteria) {
            boost::json::array tiers;
            for (const Tier& t : c.tiers)
                tiers.push_back({{"min", t.min},
                                 {"max", t.max ? boost::json::value(*t.max) : boost::json::value(nullptr)},
                                 {"points", t.points}});
            boost::json::array caps;
            for (const Cap& cap : c.caps)
                caps.push_back({{"metric", ToCode(cap.metric)}, {"at_least", cap.at_least}, {"points", cap.points}});
            criteria.push_back(
                {{"code", c.code},
                 {"label", c.label},
                 {"max_points", c.max_points},
                 {"metric", c.metric ? boost::json::value(ToCode(*c.metric)) : boost::json::value(nullptr)},
                 {"tiers", std::move(tiers)},
                 {"caps", std::move(caps)}});
        }
        blocks.push_back(
            {{"code", b.code}, {"label", b.label}, {"max_points", b.max_points}, {"criteria", std::move(criteria)}});
    }
    boost::json::array full;
    for (const std::string& code : card.full_marks_for_good) full.emplace_back(code);
    return boost::json::serialize(boost::json::object{{"blocks", std::move(blocks)},
                                                      {"good_min", card.good_min},
                                                      {"fair_min", card.fair_min},
                                                      {"average_min", card.average_min},
                                                      {"full_marks_for_good", std::move(full)}});
}

Scorecard ScorecardFromJson(const std::string& text) {
    const boost::json::object o = boost::json::parse(text).as_object();
    Scorecard card;
    for (const auto& bv : o.at("blocks").as_array()) {
        const auto& bo = bv.as_object();
        ScoreBlock b;
        b.code = bo.at("code").as_string().c_str();
        b.label = bo.at("label").as_string().c_str();
        b.max_points = static_cast<int>(bo.at("max_points").to_number<std::int64_t>());
        for (const auto& cv : bo.at("criteria").as_array()) {
            const auto& co = cv.as_object();
            Criterion c;
            c.code = co.at("code").as_string().c_str();
            c.label = co.at("label").as_string().c_str();
            c.max_points = static_cast<int>(co.at("max_points").to_number<std::int64_t>());
            if (co.at("metric").is_string())
                c.metric = Decode(co.at("metric").as_string(), MetricFromCode, "scorecards.body (criterion metric)");
            for (const auto& tv : co.at("tiers").as_array()) {
                const auto& to = tv.as_object();
                Tier t;
                t.min = JsonNumber(to.at("min"));
                if (!to.at("max").is_null()) t.max = JsonNumber(to.at("max"));
                t.points = static_cast<int>(to.at("points").to_number<std::int64_t>());
                c.tiers.push_back(t);
            }
            for (const auto& capv : co.at("caps").as_array()) {
                const auto& capo = capv.as_object();
                Cap cap;
                cap.metric = Decode(capo.at("metric").as_string(), MetricFromCode, "scorecards.body (cap metric)");
                cap.at_least = JsonNumber(capo.at("at_least"));
                cap.points = static_cast<int>(capo.at("points").to_number<std::int64_t>());
                c.caps.push_back(cap);
            }
            b.criteria.push_back(std::move(c));
        }
        card.blocks.push_back(std::move(b));
    }
    card.good_min = static_cast<int>(o.at("good_min").to_number<std::int64_t>());
    card.fair_min = static_cast<int>(o.at("fair_min").to_number<std::int64_t>());
    card.average_min = static_cast<int>(o.at("average_min").to_number<std::int64_t>());
    for (const auto& v : o.at("full_marks_for_good").as_array())
        card.full_marks_for_good.emplace_back(v.as_string().c_str());
    return card;
}

std::string PointsToJson(const std::map<std::string, int>& points) {
    boost::json::object o;
    for (const auto& [code, p] : points) o[code] = p;
    return boost::json::serialize(o);
}

std::map<std::string, int> PointsFromJson(const std::string& text) {
    std::map<std::string, int> out;
    const boost::json::value parsed = boost::json::parse(text);
    for (const auto& [k, v] : parsed.as_object()) out[std::string(k)] = static_cast<int>(v.to_number<std::int64_t>());
    return out;
}

std::string TextsToJson(const std::map<std::string, std::string>& texts) {
    boost::json::object o;
    for (const auto& [key, value] : texts) o[key] = value;
    return boost::json::serialize(o);
}

std::map<std::string, std::string> TextsFromJson(const std::string& text) {
    std::map<std::string, std::string> out;
    const boost::json::value parsed = boost::json::parse(text);
    for (const auto& [k, v] : parsed.as_object()) out[std::string(k)] = std::string(v.as_string());
    return out;
}

std::string SnapshotToJson(const std::optional<Snapshot>& snapshot) {
    if (!snapshot) return "";
    boost::json::object o;
    for (const auto& [k, v] : *snapshot) o[k] = v;
    return boost::json::serialize(o);
}

std::optional<Snapshot> SnapshotFromJson(const std::string& text) {
    if (text.empty()) return std::nullopt;
    Snapshot out;
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(text, ec);
    if (ec || !v.is_object()) throw std::runtime_error("corrupt row: malformed snapshot in audit_log: " + text);
    for (const auto& kv : v.as_object()) {
        out.emplace_back(std::string(kv.key()), kv.value().is_string() ? std::string(kv.value().as_string()) : "");
    }
    return out;
}

}  // namespace chibo::storage::sql
