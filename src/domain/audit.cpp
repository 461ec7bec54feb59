#include "domain/audit.hpp"

#include <algorithm>

namespace chibo::domain {
namespace {

std::string DateOrEmpty(const std::optional<base::Date>& d) {
    return d ? d->ToIso() : "";
}

}  // namespace

Snapshot Describe(const Organization& o) {
    return {{"name", o.name},
            {"kind", std::string(ToCode(o.kind))},
            {"category", std::string(ToCode(o.category))},
            {"address", o.address},
            {"parent_id", o.parent ? std::to_string(o.parent->value) : ""},
            {"valid_from", o.valid_from.ToIso()},
            {"valid_to", DateOrEmpty(o.valid_to)},
            {"merged_into_id", o.merged_into ? std::to_string(o.merged_into->value) : ""}};
}

Snapshot Describe(const Member& m) {
    return {{"full_name", m.full_name},
            {"organization_id", std::to_string(m.organization.value)},
            {"party_group_id", m.party_group ? std::to_string(m.party_group->value) : ""},
            {"sex", std::string(ToCode(m.sex))},
            {"date_of_birth", m.date_of_birth.ToIso()},
            {"status", std::string(ToCode(m.status))},
            {"admission_date", DateOrEmpty(m.admission_date)},
            {"official_date", DateOrEmpty(m.official_date)},
            {"party_card_number", m.party_card_number},
            {"citizen_id", m.citizen_id},
            {"phone", m.phone},
            {"address", m.address},
            {"note", m.note}};
}

Snapshot Describe(const TransferLetter& l) {
    return {{"letter_id", std::to_string(l.id.value)},
            {"organization_id", std::to_string(l.organization.value)},
            {"number", l.number},
            {"host", l.host},
            {"from", l.from.ToIso()},
            {"to", l.to.ToIso()},
            {"note", l.note}};
}

Snapshot Describe(const Position& p) {
    return {{"organization_id", std::to_string(p.organization.value)},
            {"member_id", std::to_string(p.member.value)},
            {"position", std::string(ToCode(p.kind))},
            {"term_start", p.term_start.ToIso()},
            {"term_end", DateOrEmpty(p.term_end)}};
}

Snapshot Describe(const User& u) {
    std::string roles;
    for (const RoleGrant& g : u.roles) {
        if (!roles.empty()) roles += ", ";
        roles += std::string(ToCode(g.role)) + "@" + std::to_string(g.organization.value);
    }
    return {{"username", u.username},
            {"display_name", u.display_name},
            {"member_id", u.member ? std::to_string(u.member->value) : ""},
            {"roles", roles}};
}

Snapshot Describe(const RegisteredDocument& d) {
    return {{"organization_id", std::to_string(d.organization.value)},
            {"type", std::string(ToCode(d.type))},
            {"term", d.term},
            {"number", d.number_text},
            {"issued_on", d.issued_on.ToIso()},
            {"title", d.title}};
}

Snapshot Describe(const MeetingRuleOverride& r) {
    auto opt = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
    std::string months;
    if (r.thematic_months) {
        for (int m : *r.thematic_months) months += (months.empty() ? "" : ",") + std::to_string(m);
    }
    std::string holidays;
    for (const base::Date& d : r.holidays) holidays += (holidays.empty() ? "" : ",") + d.ToIso();
    return {{"regular_day", opt(r.regular_day)},
            {"start_time", r.start_minutes ? FormatClock(*r.start_minutes) : ""},
            {"thematic_months", months},
            {"min_minutes", opt(r.min_minutes)},
            {"combined_min_minutes", opt(r.combined_min_minutes)},
            {"shift", r.shift ? std::string(ToCode(*r.shift)) : ""},
            {"holidays", holidays}};
}

Snapshot Describe(const Meeting& m) {
    return {
        {"organization_id", std::to_string(m.organization.value)},
        {"kind", std::string(ToCode(m.kind))},
        {"month", std::to_string(m.month) + "/" + std::to_string(m.year)},
        {"date", m.date.ToIso()},
        {"start_time", FormatClock(m.start_minutes)},
        {"state", std::string(ToCode(m.state))},
        {"moved_reason", m.moved_reason},
        {"cancelled_reason", m.cancelled_reason},
        {"preparer", m.preparation.preparer_name},
        {"place", m.preparation.place},
        {"committee_meeting_on", m.preparation.committee_meeting_on ? m.preparation.committee_meeting_on->ToIso() : ""},
        {"agenda_items", std::to_string(m.preparation.agenda.size())},
        {"notified_at", m.notified_at ? base::IsoTimestamp(*m.notified_at) : ""},
        {"started_at", m.record.started_minutes ? FormatClock(*m.record.started_minutes) : ""},
        {"ended_at", m.record.ended_minutes ? FormatClock(*m.record.ended_minutes) : ""},
        {"chair", m.record.chair_name},
        {"minute_taker", m.record.minute_taker_name},
        {"conclusion", m.record.conclusion},
        {"resolution", m.record.resolution},
        {"vote", m.record.vote
                     ? std::to_string(m.record.vote->in_favour) + "/" + std::to_string(m.record.vote->against) + "/" +
                           std::to_string(m.record.vote->abstaining)
                     : ""},
        {"minutes_number", m.minutes_number},
        {"resolution_number", m.resolution_number},
        {"reported_at", m.reported_at ? base::IsoTimestamp(*m.reported_at) : ""}};
}

AuditCursor::AuditCursor(std::int64_t seen, const std::vector<std::int64_t>& recent, std::int64_t window,
                         std::int64_t now)
    : seen_(seen) {
    std::int64_t next = std::max<std::int64_t>(1, seen - window + 1);
    for (std::int64_t id : recent) {
        if (id < next || id > seen) continue;
        Skip(next, id, now);
        next = id + 1;
    }
    Skip(next, seen + 1, now);
}

void AuditCursor::Skip(std::int64_t from, std::int64_t to, std::int64_t now) {
    // A long run of unused ids is a sequence that jumped, not transactions in flight: keep the last ones.
    for (std::int64_t id = std::max(from, to - static_cast<std::int64_t>(kMaxGaps)); id < to; ++id)
        gaps_.emplace(id, now);
    while (gaps_.size() > kMaxGaps) gaps_.erase(gaps_.begin());
}

std::vector<std::int64_t> AuditCursor::Missing(std::int64_t now) {
    std::vector<std::int64_t> out;
    for (auto it = gaps_.begin(); it != gaps_.end();) {
        if (it->second <= now - kGapSeconds) {
            it = gaps_.erase(it);
            continue;
        }
        out.push_back(it->first);
        ++it;
    }
    return out;
}

std::vector<AuditChange> AuditCursor::Take(const std::vector<AuditChange>& rows, std::int64_t now) {
    std::vector<AuditChange> out;
    for (const AuditChange& c : rows) {
        if (c.id <= seen_) {
            if (gaps_.erase(c.id) > 0) out.push_back(c);
            continue;
        }
        Skip(seen_ + 1, c.id, now);
        seen_ = c.id;
        out.push_back(c);
    }
    return out;
}

}  // namespace chibo::domain
