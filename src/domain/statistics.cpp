#include "domain/statistics.hpp"

#include <algorithm>
#include <bit>
#include <string_view>

namespace chibo::domain {

using base::Date;

namespace {

enum Counter {
    kRegularHeld,
    kThematicHeld,
    kMeetingsHeld,
    kAttendanceExpected,
    kAttendancePresent,
    kAttendance90,
    kLevelGood,
    kLevelFair,
    kLevelAverage,
    kLevelPoor,
    kSuperior,
};

int LevelCounter(QualityLevel level) {
    switch (level) {
        case QualityLevel::kGood:
            return kLevelGood;
        case QualityLevel::kFair:
            return kLevelFair;
        case QualityLevel::kAverage:
            return kLevelAverage;
        case QualityLevel::kPoor:
            return kLevelPoor;
    }
    return kLevelPoor;
}

// Bits [from, to] (inclusive) of word `w`.
std::uint64_t WordMask(int w, int from, int to) {
    const int lo = std::max(from, w * 64) - w * 64;
    const int hi = std::min(to, w * 64 + 63) - w * 64;
    if (lo > hi) return 0;
    const std::uint64_t upper = hi == 63 ? ~std::uint64_t{0} : (std::uint64_t{1} << (hi + 1)) - 1;
    return upper & ~((std::uint64_t{1} << lo) - 1);
}

using Bitmaps = std::vector<std::vector<std::uint64_t>>;

bool TestBit(const std::vector<std::uint64_t>& bitmap, std::size_t slot) {
    return !bitmap.empty() && ((bitmap[slot / 64] >> (slot % 64)) & 1U);
}

// One slot's bits in bitmaps [from, to] (the careful path and the alerts' lists).
bool AnyBit(const Bitmaps& bitmaps, std::size_t slot, int from, int to) {
    for (int i = from; i <= to; ++i)
        if (TestBit(bitmaps[static_cast<std::size_t>(i)], slot)) return true;
    return false;
}

bool AllBits(const Bitmaps& bitmaps, std::size_t slot, int from, int to) {
    for (int i = from; i <= to; ++i)
        if (!TestBit(bitmaps[static_cast<std::size_t>(i)], slot)) return false;
    return true;
}

void AssignBit(Bitmaps& bitmaps, int i, std::size_t slot, std::size_t words, bool on) {
    auto& bitmap = bitmaps[static_cast<std::size_t>(i)];
    if (bitmap.empty()) {
        if (!on) return;
        bitmap.assign(words, 0);
    }
    const std::uint64_t mask = std::uint64_t{1} << (slot % 64);
    bitmap[slot / 64] = on ? bitmap[slot / 64] | mask : bitmap[slot / 64] & ~mask;
}

}  // namespace

int MonthNumber(int year, int month) {
    return year * 12 + month - 1;
}
int MonthOf(Date day) {
    return MonthNumber(day.year(), day.month());
}
int YearOfMonth(int month) {
    return month / 12;
}
int MonthOfYear(int month) {
    return month % 12 + 1;
}
int FlaggedYearOf(MonthRange months, Date today) {
    return YearOfMonth(std::min(months.last, MonthOf(today)));
}

std::optional<MeetingFigures> FiguresOf(const Meeting& meeting, std::span<const AttendanceRecord> attendance,
                                        std::span<const MeetingScore> scores) {
    if (!Held(meeting.state)) return std::nullopt;
    MeetingFigures f;
    f.cell = meeting.organization;
    f.kind = meeting.kind;
    f.month = MonthNumber(meeting.year, meeting.month);  // A meeting moved into the next month counts for its own.
    if (f.month < kFirstStatMonth || f.month >= kFirstStatMonth + kStatMonths) return std::nullopt;
    f.held = true;
    for (const AttendanceRecord& a : attendance) {
        if (!ExpectedAt(a.presence)) continue;
        ++f.expected;
        if (a.presence == Presence::kPresent || a.presence == Presence::kLate) ++f.present;
        if (a.presence == Presence::kUnexcused) f.unexcused.push_back(a.member);
    }
    f.level = LatestLevel(scores);
    f.superior_attended = meeting.record.superior_attended;
    return f;
}

std::vector<StatOrganization> StatTreeOf(const std::vector<Organization>& organizations,
                                         const std::vector<OrganizationPlacement>& past) {
    std::unordered_map<std::int64_t, Date> moved;  // The day of each organisation's last move.
    for (const OrganizationPlacement& p : past) {
        auto [it, added] = moved.emplace(p.organization.value, p.until);
        if (!added && it->second < p.until) it->second = p.until;
    }
    std::vector<StatOrganization> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    for (const Organization& o : organizations) {
        StatOrganization s{o.id, o.parent, o.path, o.name, o.kind, o.valid_from, o.valid_to};
        if (auto m = moved.find(o.id.value); m != moved.end()) s.placed.first = MonthOf(m->second);
        index.emplace(o.id.value, out.size());
        out.push_back(std::move(s));
    }
    for (const OrganizationPlacement& p : past) {
        auto i = index.find(p.organization.value);
        if (i == index.end()) continue;
        StatOrganization s = out[i->second];
        s.parent = p.parent;
        s.path = p.path;
        s.placed = {p.since ? MonthOf(*p.since) : kAllMonths.first, MonthOf(p.until) - 1};
        if (s.placed.first <= s.placed.last) out.push_back(std::move(s));
    }
    return out;
}

void StatisticsEngine::Fenwick::Add(std::size_t i, int delta) {
    for (std::size_t k = i + 1; k < tree_.size(); k += k & (~k + 1)) tree_[k] += delta;
}

std::int64_t StatisticsEngine::Fenwick::Prefix(std::size_t end) const {
    std::int64_t sum = 0;
    for (std::size_t k = end; k > 0; k -= k & (~k + 1)) sum += tree_[k];
    return sum;
}

StatisticsEngine::StatisticsEngine() {
    Reindex();
}

void StatisticsEngine::SetTree(std::vector<StatOrganization> organizations) {
    orgs_ = std::move(organizations);
    Reindex();
}

namespace {

bool Contains(const std::vector<MonthRange>& ranges, int month) {
    return std::any_of(ranges.begin(), ranges.end(),
                       [&](const MonthRange& r) { return r.first <= month && month <= r.last; });
}

// The first month an organisation is active: the first it owes meetings for (DueMonthsOf).
int FirstActiveMonth(const StatOrganization& o) {
    return MonthOf(DueMonthsOf(o.valid_from, std::nullopt).first);
}

// The last month an organisation is active (the month before the day it ended, or for ever).
int LastActiveMonth(const StatOrganization& o) {
    return o.valid_to ? MonthOf(o.valid_to->AddDays(-1)) : kFirstStatMonth + kStatMonths - 1;
}

}  // namespace

void StatisticsEngine::Reindex() {
    // Placements by path; the same organisation at the same path again (moved away and back) is one entry.
    std::sort(orgs_.begin(), orgs_.end(), [](const StatOrganization& a, const StatOrganization& b) {
        return a.path != b.path ? a.path < b.path : a.placed.first < b.placed.first;
    });
    placed_.clear();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < orgs_.size(); ++i) {
        if (kept > 0 && orgs_[kept - 1].path == orgs_[i].path) {
            placed_.back().push_back(orgs_[i].placed);
            if (orgs_[i].placed.last > orgs_[kept - 1].placed.last) orgs_[kept - 1] = orgs_[i];
            continue;
        }
        placed_.push_back({orgs_[i].placed});
        if (kept != i) orgs_[kept] = std::move(orgs_[i]);
        ++kept;
    }
    orgs_.resize(kept);

    entries_.clear();
    current_.clear();
    cell_number_.clear();
    cell_slots_.clear();
    slot_entry_.clear();
    slot_cell_.clear();
    entry_slot_.assign(orgs_.size(), 0);
    std::unordered_map<std::string_view, std::size_t> by_path;
    std::vector<std::size_t> slots_before(orgs_.size() + 1, 0);
    for (std::size_t i = 0; i < orgs_.size(); ++i) {
        const StatOrganization& o = orgs_[i];
        by_path.emplace(o.path, i);
        entries_[o.id.value].push_back(i);
        auto cur = current_.find(o.id.value);
        if (cur == current_.end() || Contains(placed_[i], kAllMonths.last)) current_[o.id.value] = i;
        slots_before[i + 1] = slots_before[i];
        if (IsCell(o.kind)) {
            auto [number, added] = cell_number_.emplace(o.id.value, cell_slots_.size());
            if (added) cell_slots_.emplace_back();
            cell_slots_[number->second].push_back(slot_entry_.size());
            entry_slot_[i] = slot_entry_.size();
            slot_cell_.push_back(number->second);
            slot_entry_.push_back(i);
            ++slots_before[i + 1];
        }
    }
    spans_.assign(orgs_.size(), {});
    children_.assign(orgs_.size(), {});
    for (std::size_t i = 0; i < orgs_.size(); ++i) {
        // Paths are digits and slashes: every descendant sorts before the path followed by '~'.
        const auto end =
            std::lower_bound(orgs_.begin() + static_cast<std::ptrdiff_t>(i), orgs_.end(), orgs_[i].path + "~",
                             [](const StatOrganization& o, const std::string& p) { return o.path < p; });
        spans_[i] = {slots_before[i], slots_before[static_cast<std::size_t>(end - orgs_.begin())]};
        // The parent placement is the one at the path less its last step ("/1/5/" for "/1/5/9/").
        const std::string& path = orgs_[i].path;
        if (path.size() < 2) continue;
        const std::size_t cut = path.rfind('/', path.size() - 2);
        if (cut == std::string::npos || cut == 0) continue;
        if (auto p = by_path.find(std::string_view(path).substr(0, cut + 1)); p != by_path.end())
            children_[p->second].push_back(i);
    }
    const std::size_t slots = slot_entry_.size();
    const std::size_t words = (slots + 63) / 64;
    regular_.assign(kStatMonths, {});
    visited_.assign(kStatMonths, {});
    thematic_.assign(kStatMonths / 3, {});
    single_active_.assign(kStatMonths, std::vector<std::uint64_t>(words, 0));
    zeros_.assign(words, 0);
    active_.assign(cell_slots_.size(), {});
    shared_index_.assign(slots, kNotShared);
    represents_.clear();
    for (const auto& [id, number] : cell_number_) {
        const StatOrganization& o = orgs_[current_.at(id)];
        active_[number] = {FirstActiveMonth(o), LastActiveMonth(o)};
        if (cell_slots_[number].size() != 1) {
            for (std::size_t slot : cell_slots_[number]) {
                shared_index_[slot] = static_cast<std::uint32_t>(represents_.size());
                auto& bits = represents_.emplace_back();
                for (int r = 0; r < kStatMonths; ++r)
                    if (Representative(slot_entry_[slot], kFirstStatMonth + r))
                        bits[static_cast<std::size_t>(r / 64)] |= std::uint64_t{1} << (r % 64);
            }
            continue;
        }
        const std::size_t slot = cell_slots_[number].front();
        const int from = std::max(active_[number].from_month - kFirstStatMonth, 0);
        const int to = std::min(active_[number].to_month - kFirstStatMonth, kStatMonths - 1);
        for (int r = from; r <= to; ++r)
            single_active_[static_cast<std::size_t>(r)][slot / 64] |= std::uint64_t{1} << (slot % 64);
    }
    months_.clear();
    flagged_.clear();
    absences_.clear();
    located_.clear();
    member_months_.assign(kStatMonths + 1, Fenwick());
    away_.clear();
    for (const auto& [id, f] : meetings_) Apply(f, +1);
    for (const auto& [id, stays] : member_stays_) ApplyStays(id, stays, +1);
}

void StatisticsEngine::MemberDelta(int r, std::size_t slot, int delta) {
    for (int i = r + 1; i <= kStatMonths; i += i & -i) {
        Fenwick& f = member_months_[static_cast<std::size_t>(i)];
        if (f.empty()) f.Resize(slot_entry_.size());
        f.Add(slot, delta);
    }
}

std::int64_t StatisticsEngine::MembersAt(int r, std::size_t lo, std::size_t hi) const {
    std::int64_t total = 0;
    for (int i = std::min(r + 1, kStatMonths); i > 0; i -= i & -i) {
        const Fenwick& f = member_months_[static_cast<std::size_t>(i)];
        if (!f.empty()) total += f.Range(lo, hi);
    }
    return total;
}

void StatisticsEngine::ApplyStays(std::int64_t member, const std::vector<StayMonths>& stays, int sign) {
    for (const StayMonths& stay : stays) {
        if (stay.from >= stay.to) continue;
        const auto c = CellNumber(OrganizationId(stay.cell));
        if (!c) continue;
        const std::size_t slot = SlotAt(*c, kAllMonths.last);
        if (Expected(stay.standing)) {
            MemberDelta(stay.from, slot, sign);
            if (stay.to < kStatMonths) MemberDelta(stay.to, slot, -sign);
        }
        if (!Away(stay.standing)) continue;
        const AwayMonths away{member, stay.from, stay.to, stay.standing == Standing::kAwayWithLetter};
        auto& list = away_[slot];
        if (sign > 0) {
            list.push_back(away);
        } else if (auto found = std::find(list.begin(), list.end(), away); found != list.end()) {
            list.erase(found);
        }
        if (list.empty()) away_.erase(slot);
    }
}

std::optional<std::size_t> StatisticsEngine::CellNumber(OrganizationId cell) const {
    auto found = cell_number_.find(cell.value);
    if (found == cell_number_.end()) return std::nullopt;
    return found->second;
}

bool StatisticsEngine::Placed(std::size_t entry, int month) const {
    return Contains(placed_[entry], month);
}

std::size_t StatisticsEngine::EntryAt(std::int64_t organization, int month) const {
    const auto& all = entries_.at(organization);
    if (all.size() == 1) return all.front();
    for (std::size_t entry : all)
        if (Placed(entry, month)) return entry;
    // Placements that leave a month uncovered (not written by chibo): the current one stands in.
    return current_.at(organization);
}

std::size_t StatisticsEngine::SlotAt(std::size_t cell, int month) const {
    const auto& slots = cell_slots_[cell];
    if (slots.size() == 1) return slots.front();
    return entry_slot_[EntryAt(orgs_[slot_entry_[slots.front()]].id.value, month)];
}

bool StatisticsEngine::Representative(std::size_t entry, int month) const {
    return EntryAt(orgs_[entry].id.value, month) == entry;
}

std::array<StatisticsEngine::Fenwick, StatisticsEngine::kCounters>& StatisticsEngine::Month(int month) {
    auto& trees = months_[month];
    if (trees[0].empty())
        for (Fenwick& f : trees) f.Resize(slot_entry_.size());
    return trees;
}

StatisticsEngine::FlaggedCounts& StatisticsEngine::FlaggedYear(int year) {
    FlaggedCounts& f = flagged_[year];
    if (f.tree.empty()) {
        f.tree.Resize(slot_entry_.size());
        f.at.assign(slot_entry_.size(), 0);
    }
    return f;
}

std::optional<std::size_t> StatisticsEngine::FlagSlot(std::int64_t member, int year) const {
    auto stays = member_stays_.find(member);
    if (stays == member_stays_.end()) return std::nullopt;
    const int last = MonthNumber(year, 12) - kFirstStatMonth;
    const StayMonths* at = nullptr;
    for (const StayMonths& stay : stays->second)
        if (stay.from <= last) at = &stay;  // The latest stay begun by the end of the year.
    if (!at) return std::nullopt;
    const auto cell = CellNumber(OrganizationId(at->cell));
    if (!cell) return std::nullopt;
    return SlotAt(*cell, std::min(MonthNumber(year, 12), active_[*cell].to_month));
}

void StatisticsEngine::Relocate(int year, std::int64_t member, MemberAbsences& a) {
    const std::optional<std::size_t> want = a.total >= kRemovalAbsences ? FlagSlot(member, year) : std::nullopt;
    if (want == a.counted_at) return;
    FlaggedCounts& flagged = FlaggedYear(year);
    if (a.counted_at) {
        flagged.tree.Add(*a.counted_at, -1);
        --flagged.at[*a.counted_at];
        located_[year][*a.counted_at].erase(member);
    }
    if (want) {
        flagged.tree.Add(*want, 1);
        ++flagged.at[*want];
        located_[year][*want].insert(member);
    }
    a.counted_at = want;
}

void StatisticsEngine::Apply(const MeetingFigures& f, int sign) {
    // Unexcused absences count by member across cells (by cell id, so they survive a reindex).
    const int year = YearOfMonth(f.month);
    auto& of_year = absences_[year];
    for (MemberId m : f.unexcused) {
        MemberAbsences& a = of_year[m.value];
        a.total += sign;
        auto here =
            std::find_if(a.by_cell.begin(), a.by_cell.end(), [&](const auto& c) { return c.first == f.cell.value; });
        if (here == a.by_cell.end()) here = a.by_cell.insert(a.by_cell.end(), {f.cell.value, 0});
        here->second += sign;
        if (here->second == 0) a.by_cell.erase(here);
        Relocate(year, m.value, a);
        if (a.total == 0) of_year.erase(m.value);
    }
    const auto cell = CellNumber(f.cell);
    if (!cell) return;
    auto& trees = Month(f.month);
    const std::size_t slot = SlotAt(*cell, f.month);
    auto add = [&](int counter, int value) {
        if (value) trees[counter].Add(slot, sign * value);
    };
    add(f.kind == MeetingKind::kRegular ? kRegularHeld : kThematicHeld, 1);
    add(kMeetingsHeld, 1);
    add(kAttendanceExpected, f.expected);
    add(kAttendancePresent, f.present);
    add(kAttendance90, f.expected > 0 && f.present * 10 >= f.expected * 9 ? 1 : 0);
    if (f.level) add(LevelCounter(*f.level), 1);
    add(kSuperior, f.superior_attended ? 1 : 0);
    RefreshBits(*cell, f.month);
}

void StatisticsEngine::RefreshBits(std::size_t cell, int month) {
    const int r = month - kFirstStatMonth;
    const auto& trees = months_.at(month);
    const std::size_t at = SlotAt(cell, month);
    const bool regular = trees[kRegularHeld].At(at) > 0;
    const bool visited = trees[kSuperior].At(at) > 0;
    const int q = r / 3;
    int thematic = 0;
    for (int m = q * 3; m < q * 3 + 3; ++m)
        if (auto t = months_.find(kFirstStatMonth + m); t != months_.end() && !t->second[0].empty())
            thematic += t->second[kThematicHeld].At(SlotAt(cell, kFirstStatMonth + m));
    // Each slot of the cell holds its bits, so that any of them can be judged alone.
    for (std::size_t slot : cell_slots_[cell]) {
        AssignBit(regular_, r, slot, zeros_.size(), regular);
        AssignBit(visited_, r, slot, zeros_.size(), visited);
        AssignBit(thematic_, q, slot, zeros_.size(), thematic > 0);
    }
}

void StatisticsEngine::PutMeeting(MeetingId id, const std::optional<MeetingFigures>& figures) {
    if (auto old = meetings_.find(id.value); old != meetings_.end()) {
        Apply(old->second, -1);
        meetings_.erase(old);
    }
    if (!figures) return;
    Apply(*figures, +1);
    meetings_.emplace(id.value, *figures);
}

void StatisticsEngine::PutMember(MemberId id, std::span<const RollStay> stays) {
    if (auto old = member_stays_.find(id.value); old != member_stays_.end()) {
        ApplyStays(id.value, old->second, -1);
        member_stays_.erase(old);
    }
    std::vector<StayMonths> months;
    for (const RollStay& stay : stays) {
        // On the roll at the end of month m when from ≤ its last day < to: months [MonthOf(from), MonthOf(to)).
        const int from = std::clamp(MonthOf(stay.from) - kFirstStatMonth, 0, kStatMonths - 1);
        const int to = stay.to ? std::clamp(MonthOf(*stay.to) - kFirstStatMonth, 0, kStatMonths) : kStatMonths;
        months.push_back({static_cast<std::int32_t>(stay.cell.value), static_cast<std::int16_t>(from),
                          static_cast<std::int16_t>(std::max(from, to)), stay.standing});
    }
    if (!months.empty()) {
        ApplyStays(id.value, months, +1);
        member_stays_.emplace(id.value, std::move(months));
    }
    // Where the member's flags are shown follows their roll.
    for (auto& [year, members] : absences_)
        if (auto a = members.find(id.value); a != members.end()) Relocate(year, id.value, a->second);
}

bool StatisticsEngine::Knows(OrganizationId id) const {
    return entries_.contains(id.value);
}

const StatOrganization* StatisticsEngine::Find(OrganizationId id) const {
    auto found = current_.find(id.value);
    return found == current_.end() ? nullptr : &orgs_[found->second];
}

namespace {

bool ActiveIn(const StatOrganization& o, MonthRange months) {
    return FirstActiveMonth(o) <= months.last && LastActiveMonth(o) >= months.first;
}

// A cell's months in a period, counted from kFirstStatMonth: the months it was active [first, last], those
// of them over by `today` [first, over], and the same in quarters; nullopt when it was not active.
struct Window {
    int first = 0;
    int last = 0;
    int over = 0;
    int q_first = 0;
    int q_last = 0;
    int q_over = 0;
};

std::optional<Window> WindowOf(int from_month, int to_month, MonthRange months, int last_over) {
    const int first = std::max(months.first, from_month);
    const int last = std::min(months.last, to_month);
    if (first > last) return std::nullopt;
    Window w;
    w.first = first - kFirstStatMonth;
    w.last = last - kFirstStatMonth;
    w.over = std::min(last, last_over) - kFirstStatMonth;
    // The quarters the period touches while the cell was active; over when their last month is.
    w.q_first = w.first / 3;
    w.q_last = w.last / 3;
    w.q_over = std::min(w.q_last, (last_over - kFirstStatMonth - 2) / 3);
    return w;
}

MonthRange Clip(MonthRange months) {
    return {std::max(months.first, kFirstStatMonth), std::min(months.last, kFirstStatMonth + kStatMonths - 1)};
}

}  // namespace

std::vector<const StatOrganization*> StatisticsEngine::Children(OrganizationId id, MonthRange months) const {
    std::vector<const StatOrganization*> out;
    auto found = entries_.find(id.value);
    if (found == entries_.end()) return out;
    for (std::size_t entry : found->second)
        for (std::size_t child : children_[entry]) {
            const StatOrganization& o = orgs_[child];
            if (ActiveIn(o, months) && Representative(child, std::min(months.last, LastActiveMonth(o))))
                out.push_back(&o);
        }
    return out;
}

DashboardFigures& DashboardFigures::operator+=(const DashboardFigures& o) {
    cells += o.cells;
    members_expected += o.members_expected;
    members_away += o.members_away;
    members_away_without_letter += o.members_away_without_letter;
    cells_regular_due += o.cells_regular_due;
    cells_regular_all += o.cells_regular_all;
    cells_thematic_due += o.cells_thematic_due;
    cells_thematic_all += o.cells_thematic_all;
    meetings_held += o.meetings_held;
    attendance_expected += o.attendance_expected;
    attendance_present += o.attendance_present;
    meetings_attendance_90 += o.meetings_attendance_90;
    for (std::size_t l = 0; l < levels.size(); ++l) levels[l] += o.levels[l];
    meetings_superior += o.meetings_superior;
    cells_visited += o.cells_visited;
    members_flagged += o.members_flagged;
    return *this;
}

namespace {

// What a cell counts for in a period: judged on its own window of months (Window).
struct Verdict {
    bool regular_due = false;
    bool regular_all = false;
    bool thematic_due = false;
    bool thematic_all = false;
    bool visited = false;

    bool Missing() const { return (regular_due && !regular_all) || (thematic_due && !thematic_all); }
};

Verdict Judge(const Window& w, const Bitmaps& regular, const Bitmaps& thematic, const Bitmaps& visited,
              std::size_t slot) {
    Verdict v;
    const bool missing = w.first <= w.over && !AllBits(regular, slot, w.first, w.over);
    v.regular_due = w.first <= w.over || AnyBit(regular, slot, w.first, w.last);
    v.regular_all = v.regular_due && !missing;
    const bool q_missing = w.q_first <= w.q_over && !AllBits(thematic, slot, w.q_first, w.q_over);
    v.thematic_due = w.q_first <= w.q_over || AnyBit(thematic, slot, w.q_first, w.q_last);
    v.thematic_all = v.thematic_due && !q_missing;
    v.visited = AnyBit(visited, slot, w.first, w.last);
    return v;
}

// The same judgement for the cells active through the whole period, 64 slots at a time: an AND (or OR) of
// the period's monthly bitmaps, then a popcount. A cell active in the period's first and last months was
// active through it (a cell's months are one range); a cell with several slots is never among these.
class WholeCount {
public:
    WholeCount(const Window& w, const Bitmaps& single_active, const Bitmaps& regular, const Bitmaps& thematic,
               const Bitmaps& visited, const std::vector<std::uint64_t>& zeros)
        : window_(w),
          first_active_(single_active[static_cast<std::size_t>(w.first)].data()),
          last_active_(single_active[static_cast<std::size_t>(w.last)].data()),
          regular_over_(w.first <= w.over),
          thematic_over_(w.q_first <= w.q_over) {
        auto take = [&](const Bitmaps& bitmaps, int from, int to, std::vector<const std::uint64_t*>& out) {
            for (int i = from; i <= to; ++i) {
                const auto& bitmap = bitmaps[static_cast<std::size_t>(i)];
                out.push_back(bitmap.empty() ? zeros.data() : bitmap.data());
            }
        };
        // With a month over, every whole cell is due and the question is whether all were held (AND);
        // with none, a cell is due (and complete) only if it held one (OR).
        if (regular_over_)
            take(regular, w.first, w.over, regular_);
        else
            take(regular, w.first, w.last, regular_);
        if (thematic_over_)
            take(thematic, w.q_first, w.q_over, thematic_);
        else
            take(thematic, w.q_first, w.q_last, thematic_);
        take(visited, w.first, w.last, visited_);
    }

    const Window& window() const { return window_; }

    // Adds the whole cells among `mask` in word `w` to the figures; returns them.
    std::uint64_t Add(std::size_t w, std::uint64_t mask, DashboardFigures& d) const {
        const std::uint64_t whole = mask & first_active_[w] & last_active_[w];
        if (!whole) return 0;
        const int n = std::popcount(whole);
        d.cells += n;
        const int regular = std::popcount(whole & Held(regular_, regular_over_, w));
        d.cells_regular_due += regular_over_ ? n : regular;
        d.cells_regular_all += regular;
        const int thematic = std::popcount(whole & Held(thematic_, thematic_over_, w));
        d.cells_thematic_due += thematic_over_ ? n : thematic;
        d.cells_thematic_all += thematic;
        d.cells_visited += std::popcount(whole & Held(visited_, false, w));
        return whole;
    }

    // The whole cells among `mask` in word `w`, and of them those that missed a meeting due.
    std::pair<std::uint64_t, std::uint64_t> Missing(std::size_t w, std::uint64_t mask) const {
        const std::uint64_t whole = mask & first_active_[w] & last_active_[w];
        std::uint64_t missing = 0;
        if (regular_over_) missing |= whole & ~Held(regular_, true, w);
        if (thematic_over_) missing |= whole & ~Held(thematic_, true, w);
        return {whole, missing};
    }

private:
    // The slots of word w set in every (all) or in some of the bitmaps.
    static std::uint64_t Held(const std::vector<const std::uint64_t*>& bitmaps, bool all, std::size_t w) {
        std::uint64_t x = all ? ~std::uint64_t{0} : 0;
        for (const std::uint64_t* b : bitmaps) x = all ? x & b[w] : x | b[w];
        return x;
    }

    Window window_;
    const std::uint64_t* first_active_;
    const std::uint64_t* last_active_;
    bool regular_over_;
    bool thematic_over_;
    std::vector<const std::uint64_t*> regular_;
    std::vector<const std::uint64_t*> thematic_;
    std::vector<const std::uint64_t*> visited_;
};

// Calls visit(word, mask) for the words of slots [lo, hi), mask holding the word's slots in the range.
template <typename F>
void ForWords(std::size_t lo, std::size_t hi, F&& visit) {
    if (lo >= hi) return;
    for (std::size_t w = lo / 64; w <= (hi - 1) / 64; ++w)
        visit(w, WordMask(static_cast<int>(w), static_cast<int>(lo), static_cast<int>(hi - 1)));
}

void Count(DashboardFigures& d, const Verdict& v) {
    ++d.cells;
    d.cells_regular_due += v.regular_due ? 1 : 0;
    d.cells_regular_all += v.regular_all ? 1 : 0;
    d.cells_thematic_due += v.thematic_due ? 1 : 0;
    d.cells_thematic_all += v.thematic_all ? 1 : 0;
    d.cells_visited += v.visited ? 1 : 0;
}

}  // namespace

DashboardFigures StatisticsEngine::Figures(OrganizationId node, MonthRange months, Date today) const {
    return Figures(node, std::span<const MonthRange>(&months, 1), today).front();
}

std::vector<DashboardFigures> StatisticsEngine::Figures(OrganizationId node, std::span<const MonthRange> periods,
                                                        Date today) const {
    std::vector<DashboardFigures> out(periods.size());
    auto found = entries_.find(node.value);
    if (found == entries_.end()) return out;
    const int last_over = MonthOf(today) - 1;
    for (std::size_t p = 0; p < periods.size(); ++p) {
        const MonthRange months = Clip(periods[p]);
        if (months.first > months.last) continue;
        DashboardFigures& d = out[p];
        auto flagged = flagged_.find(FlaggedYearOf(months, today));
        // The roll counted: at the end of the period's last month, or now.
        const int roll_month = std::min(months.last, MonthOf(today)) - kFirstStatMonth;
        const WholeCount whole(*WindowOf(months.first, months.last, months, last_over), single_active_, regular_,
                               thematic_, visited_, zeros_);
        // Each placement of the node is its own run of slots; their paths differ, so the runs do not overlap.
        for (std::size_t entry : found->second) {
            const Span span = spans_[entry];
            std::array<std::int64_t, kCounters> sums{};
            for (int m = months.first; m <= months.last; ++m) {
                auto trees = months_.find(m);
                if (trees == months_.end() || trees->second[0].empty()) continue;
                for (int k = 0; k < kCounters; ++k) sums[k] += trees->second[k].Range(span.lo, span.hi);
            }
            d.meetings_held += static_cast<int>(sums[kMeetingsHeld]);
            d.attendance_expected += static_cast<int>(sums[kAttendanceExpected]);
            d.attendance_present += static_cast<int>(sums[kAttendancePresent]);
            d.meetings_attendance_90 += static_cast<int>(sums[kAttendance90]);
            for (int l = 0; l < 4; ++l) d.levels[l] += static_cast<int>(sums[kLevelGood + l]);
            d.meetings_superior += static_cast<int>(sums[kSuperior]);
            d.members_expected += static_cast<int>(MembersAt(roll_month, span.lo, span.hi));
            for (auto at = away_.lower_bound(span.lo); at != away_.end() && at->first < span.hi; ++at)
                for (const AwayMonths& a : at->second)
                    if (a.from <= roll_month && roll_month < a.to) {
                        ++d.members_away;
                        if (!a.letter) ++d.members_away_without_letter;
                    }
            if (flagged != flagged_.end() && !flagged->second.tree.empty())
                d.members_flagged += static_cast<int>(flagged->second.tree.Range(span.lo, span.hi));

            ForWords(span.lo, span.hi, [&](std::size_t w, std::uint64_t mask) {
                // The others (moved, or not active through the period), one by one.
                for (std::uint64_t rest = mask & ~whole.Add(w, mask, d); rest; rest &= rest - 1) {
                    const std::size_t slot = w * 64 + static_cast<std::size_t>(std::countr_zero(rest));
                    const Active& a = active_[slot_cell_[slot]];
                    const auto window = WindowOf(a.from_month, a.to_month, months, last_over);
                    if (!window || !Represents(slot, std::min(months.last, a.to_month))) continue;
                    Count(d, Judge(*window, regular_, thematic_, visited_, slot));
                }
            });
        }
    }
    return out;
}

DashboardAlerts StatisticsEngine::Alerts(OrganizationId node, MonthRange months_in, Date today, int offset,
                                         int limit) const {
    DashboardAlerts out;
    auto found = entries_.find(node.value);
    const MonthRange months = Clip(months_in);
    if (found == entries_.end() || months.first > months.last) return out;
    const int last_over = MonthOf(today) - 1;
    const int year = FlaggedYearOf(months, today);
    auto flagged = flagged_.find(year);
    const WholeCount whole(*WindowOf(months.first, months.last, months, last_over), single_active_, regular_, thematic_,
                           visited_, zeros_);
    auto missed = [&](std::size_t slot, const Window& w) {
        // The months are listed only for the page shown.
        if (out.missed_total >= offset && static_cast<int>(out.missed.size()) < limit) {
            const StatOrganization& org = orgs_[slot_entry_[slot]];
            MissedCell m{org.id, org.name, {}, {}};
            for (int r = w.first; r <= w.over; ++r)
                if (!TestBit(regular_[static_cast<std::size_t>(r)], slot))
                    m.regular_months.push_back(kFirstStatMonth + r);
            for (int q = w.q_first; q <= w.q_over; ++q)
                if (!TestBit(thematic_[static_cast<std::size_t>(q)], slot))
                    m.thematic_quarters.push_back(kFirstStatMonth + q * 3);
            out.missed.push_back(std::move(m));
        }
        ++out.missed_total;
    };
    for (std::size_t entry : found->second) {
        const Span span = spans_[entry];
        ForWords(span.lo, span.hi, [&](std::size_t w, std::uint64_t mask) {
            const auto [whole_cells, missing] = whole.Missing(w, mask);
            // In slot order: the whole cells that missed one, and the others judged one by one.
            for (std::uint64_t bits = missing | (mask & ~whole_cells); bits; bits &= bits - 1) {
                const int offset = std::countr_zero(bits);
                const std::size_t slot = w * 64 + static_cast<std::size_t>(offset);
                if ((whole_cells >> offset) & 1U) {
                    missed(slot, whole.window());
                    continue;
                }
                const Active& a = active_[slot_cell_[slot]];
                const auto window = WindowOf(a.from_month, a.to_month, months, last_over);
                if (!window || !Represents(slot, std::min(months.last, a.to_month))) continue;
                if (Judge(*window, regular_, thematic_, visited_, slot).Missing()) missed(slot, *window);
            }
        });
    }
    // Flagged members: their number from the sums, the page from the slots that hold some.
    if (flagged == flagged_.end() || flagged->second.tree.empty()) return out;
    int skip = offset;
    for (std::size_t entry : found->second) {
        const Span span = spans_[entry];
        out.flagged_total += static_cast<int>(flagged->second.tree.Range(span.lo, span.hi));
        for (std::size_t slot = span.lo; slot < span.hi && static_cast<int>(out.flagged.size()) < limit; ++slot) {
            const int here = flagged->second.at[slot];
            if (here == 0) continue;
            if (skip >= here) {
                skip -= here;
                continue;
            }
            const OrganizationId cell = orgs_[slot_entry_[slot]].id;
            const auto& members = located_.at(year).at(slot);
            const auto& of_year = absences_.at(year);
            for (std::int64_t member : members) {
                if (skip > 0) {
                    --skip;
                    continue;
                }
                if (static_cast<int>(out.flagged.size()) >= limit) break;
                const MemberAbsences& a = of_year.at(member);
                FlaggedMember flag{cell, MemberId(member), a.total, {}};
                for (const auto& [where, count] : a.by_cell) flag.absent_in.emplace_back(OrganizationId(where), count);
                std::sort(flag.absent_in.begin(), flag.absent_in.end());
                out.flagged.push_back(std::move(flag));
            }
        }
    }
    return out;
}

}  // namespace chibo::domain
