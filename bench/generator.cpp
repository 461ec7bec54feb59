#include "bench/generator.hpp"
#include "domain/bulk_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/statistics.hpp"
#include "domain/store.hpp"

#include <algorithm>
#include <array>
#include <random>

namespace chibo::bench {

using base::Date;
using namespace chibo::domain;

std::optional<Scale> ScaleNamed(const std::string& name) {
    if (name == "commune") return Scale{name, 0, 1, 12, 398};
    if (name == "province") return Scale{name, 1, 1530, 5900, 165000};
    if (name == "national") return Scale{name, 34, 52000, 200000, 5600000};
    return std::nullopt;
}

namespace {

constexpr std::array kFamily = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh",
                                "Phan",   "Vũ",     "Võ",     "Đặng", "Bùi",  "Đỗ", "Hồ", "Ngô",  "Dương", "Lý"};
constexpr std::array kMiddleMale = {"Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Xuân", "Công", "Thanh", "Đình"};
constexpr std::array kMiddleFemale = {"Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Kim", "Phương", "Bích"};
constexpr std::array kGivenMale = {"An",   "Bình", "Cường", "Dũng", "Đạt",   "Đức",  "Hải", "Hùng",  "Hưng",
                                   "Khoa", "Long", "Mạnh",  "Nam",  "Phong", "Quân", "Sơn", "Thắng", "Tuấn"};
constexpr std::array kGivenFemale = {"Anh",  "Bích", "Chi", "Dung", "Hà",   "Hạnh", "Hoa",   "Hương", "Lan",
                                     "Linh", "Mai",  "Nga", "Ngọc", "Oanh", "Thảo", "Trang", "Vân",   "Yến"};
constexpr std::array kPlaces = {"An Bình", "Hòa Lạc",   "Tân Phú",  "Phúc Thọ",    "Đông Hưng", "Thanh Sơn",
                                "Yên Lạc", "Hưng Long", "Minh Tân", "Quang Trung", "Đại Đồng",  "Nghĩa Hưng"};

class Writer {
public:
    Writer(Store& store, const Scale& scale, std::uint64_t seed, Date today,
           const std::function<void(const std::string&)>& progress)
        : store_(store), scale_(scale), rng_(seed), today_(today), progress_(progress) {}

    base::Result<GenerateSummary> Run() {
        CHIBO_TRY(Tree());
        // The indexes of the large tables are built once at the end (a failed run leaves a database without
        // them; it is refused as not empty anyway).
        CHIBO_TRY_ASSIGN(const std::vector<std::string> indexes,
                         WriteValue<std::vector<std::string>>(
                             store_, [](Repositories& repos) -> base::Result<std::vector<std::string>> {
                                 return repos.bulk().SuspendIndexes();
                             }));
        // Cells in batches: their members, meetings, roll calls and scores in one transaction each.
        std::size_t next = 0;
        while (next < cells_.size()) {
            const std::size_t end = std::min(cells_.size(), next + 500);
            CHIBO_TRY(Batch(next, end));
            next = end;
            if (progress_ && (next % 5000 == 0 || next == cells_.size()))
                progress_(std::to_string(next) + "/" + std::to_string(cells_.size()) + " chi bộ");
        }
        if (progress_ && !indexes.empty()) progress_("xây lại " + std::to_string(indexes.size()) + " chỉ mục");
        CHIBO_TRY(store_.Write([&](Repositories& repos) -> base::Result<void> {
            repos.bulk().PrepareBulkLoad();
            repos.bulk().RestoreIndexes(indexes);
            repos.bulk().ResetSequences();
            return {};
        }));
        return summary_;
    }

private:
    double Chance() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
    int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    template <typename A>
    const char* Pick(const A& a) {
        return a[static_cast<std::size_t>(Uniform(0, static_cast<int>(a.size()) - 1))];
    }

    Organization Org(OrganizationId parent, const std::string& parent_path, std::string name, OrganizationKind kind) {
        Organization o;
        o.id = OrganizationId(++org_id_);
        if (parent.valid()) o.parent = parent;
        o.name = std::move(name);
        o.kind = kind;
        o.category = IsCell(kind) ? CellCategory::kVillage : CellCategory::kNone;
        o.valid_from = *Date::FromYmd(2010, 1, 1);
        o.path = parent_path + std::to_string(o.id.value) + "/";
        return o;
    }

    base::Result<void> Tree() {
        std::vector<Organization> orgs;
        Organization root = scale_.provinces > 1 ? Org({}, "/", "Trung ương (dữ liệu thử)", OrganizationKind::kCentral)
                                                 : Org({}, "/", "Đảng bộ tỉnh Thử Nghiệm", OrganizationKind::kProvince);
        orgs.push_back(root);
        std::vector<Organization> provinces;
        if (scale_.provinces > 1) {
            for (int p = 0; p < scale_.provinces; ++p) {
                provinces.push_back(Org(root.id, root.path, "Đảng bộ tỉnh Thử Nghiệm " + std::to_string(p + 1),
                                        OrganizationKind::kProvince));
                orgs.push_back(provinces.back());
            }
        } else {
            provinces.push_back(root);
        }
        provinces_ = provinces.size();
        for (int g = 0; g < scale_.grassroots; ++g) {
            const Organization& province = provinces[static_cast<std::size_t>(g) % provinces.size()];
            const std::string place = std::string(Pick(kPlaces)) + " " + std::to_string(g + 1);
            Organization commune =
                Org(province.id, province.path, "Đảng bộ xã " + place, OrganizationKind::kCommuneCommittee);
            orgs.push_back(commune);
            communes_.push_back(commune.id);
            // Cells spread evenly over the grassroots organisations.
            const int cells = scale_.cells / scale_.grassroots + (g < scale_.cells % scale_.grassroots ? 1 : 0);
            for (int c = 0; c < cells; ++c) {
                orgs.push_back(Org(commune.id, commune.path, "Chi bộ Thôn " + std::to_string(c + 1) + ", xã " + place,
                                   OrganizationKind::kSubordinateCell));
                cells_.push_back(orgs.back());
            }
        }
        summary_.organizations = static_cast<int>(orgs.size());
        summary_.cells = static_cast<int>(cells_.size());
        return store_.Write([&](Repositories& repos) -> base::Result<void> {
            repos.bulk().PrepareBulkLoad();
            for (std::size_t i = 0; i < orgs.size(); i += 20000)
                repos.bulk().InsertOrganizations(std::vector<Organization>(
                    orgs.begin() + static_cast<std::ptrdiff_t>(i),
                    orgs.begin() + static_cast<std::ptrdiff_t>(std::min(orgs.size(), i + 20000))));
            // Reorganisations: one cell in 250 moved to the next commune of its province on the first of the
            // month six months ago, through the store's own move (which keeps where it was before).
            if (communes_.size() > 1) {
                const int month = MonthOf(today_) - 6;
                const Date moved_on = *Date::FromYmd(YearOfMonth(month), MonthOfYear(month), 1);
                for (std::size_t c = 0; c < cells_.size(); c += 250) {
                    const auto from = std::find(communes_.begin(), communes_.end(), *cells_[c].parent);
                    const std::size_t next = static_cast<std::size_t>(from - communes_.begin()) + provinces_;
                    if (next >= communes_.size()) continue;
                    repos.organizations().Move(cells_[c].id, communes_[next], moved_on);
                    ++summary_.moves;
                }
            }
            return {};
        });
    }

    Member NewMember(OrganizationId cell) {
        Member m;
        m.id = MemberId(++member_id_);
        m.organization = cell;
        const bool male = Chance() < 0.6;
        m.sex = male ? Sex::kMale : Sex::kFemale;
        m.full_name = std::string(Pick(kFamily)) + " " + (male ? Pick(kMiddleMale) : Pick(kMiddleFemale)) + " " +
                      (male ? Pick(kGivenMale) : Pick(kGivenFemale));
        m.date_of_birth = *Date::FromYmd(Uniform(1945, 2000), Uniform(1, 12), Uniform(1, 28));
        const double s = Chance();
        m.status = s < 0.03 ? MemberStatus::kExempt : s < 0.13 ? MemberStatus::kProbationary : MemberStatus::kOfficial;
        m.admission_date = m.status == MemberStatus::kProbationary ? today_.AddDays(-Uniform(30, 330))
                                                                   : *Date::FromYmd(Uniform(1975, 2024), 6, 1);
        if (m.status != MemberStatus::kProbationary) m.official_date = m.admission_date->AddYears(1);
        return m;
    }

    base::Result<void> Batch(std::size_t from, std::size_t to) {
        std::vector<Member> members;
        std::vector<Meeting> meetings;
        std::vector<std::pair<MeetingId, std::vector<AttendanceRecord>>> rolls;
        std::vector<MeetingScore> scores;
        const int first_month = MonthOf(today_) - 12;
        for (std::size_t c = from; c < to; ++c) {
            const Organization& cell = cells_[c];
            const int count =
                scale_.members / scale_.cells + (static_cast<int>(c) < scale_.members % scale_.cells ? 1 : 0);
            const std::size_t roll_start = members.size();
            for (int i = 0; i < count; ++i) members.push_back(NewMember(cell.id));
            // 97 % of cells hold every regular meeting, 89 % a thematic one every quarter.
            std::array<bool, 12> regular{};
            regular.fill(true);
            if (Chance() >= 0.97) regular[static_cast<std::size_t>(Uniform(0, 11))] = false;
            std::array<bool, 4> thematic{};
            thematic.fill(true);
            if (Chance() >= 0.89) thematic[static_cast<std::size_t>(Uniform(0, 3))] = false;
            const bool visited = c % 3 == 0;  // A third of the cells get a superior visit each quarter.
            for (int k = 0; k < 12; ++k) {
                const int month = first_month + k;
                const int year = YearOfMonth(month);
                const int mon = MonthOfYear(month);
                auto add = [&](MeetingKind kind, int day) {
                    Meeting m;
                    m.id = MeetingId(++meeting_id_);
                    m.organization = cell.id;
                    m.kind = kind;
                    m.year = year;
                    m.month = mon;
                    m.date = *Date::FromYmd(year, mon, day);
                    m.start_minutes = 14 * 60;
                    m.min_minutes = 90;
                    m.state = MeetingState::kReported;
                    m.record.started_minutes = 14 * 60;
                    m.record.ended_minutes = 14 * 60 + Uniform(70, 130);
                    m.record.superior_attended = visited && mon % 3 == 1 && kind == MeetingKind::kRegular;
                    std::vector<AttendanceRecord> roll;
                    roll.reserve(static_cast<std::size_t>(count));
                    for (std::size_t i = roll_start; i < members.size(); ++i) {
                        const Member& mem = members[i];
                        AttendanceRecord a{mem.id, mem.full_name, mem.status, Presence::kPresent, ""};
                        if (mem.status == MemberStatus::kExempt) {
                            a.presence = Presence::kExempt;
                        } else {
                            const double r = Chance();
                            if (r >= 0.97) {
                                a.presence = Presence::kUnexcused;
                            } else if (r >= 0.92) {
                                a.presence = Presence::kExcused;
                                a.reason = "Ốm";
                            }
                        }
                        roll.push_back(std::move(a));
                    }
                    summary_.attendance += static_cast<std::int64_t>(roll.size());
                    rolls.emplace_back(m.id, std::move(roll));
                    // Scores over all four levels; a superior column for the visited meetings.
                    if (Chance() < 0.8) {
                        const double l = Chance();
                        MeetingScore s;
                        s.meeting = m.id;
                        s.role = ScorerRole::kCell;
                        s.level = l < 0.5    ? QualityLevel::kGood
                                  : l < 0.8  ? QualityLevel::kFair
                                  : l < 0.95 ? QualityLevel::kAverage
                                             : QualityLevel::kPoor;
                        s.total = s.level == QualityLevel::kGood ? 92 : s.level == QualityLevel::kFair ? 78 : 60;
                        s.scored_by = "bench";
                        s.scored_at = m.StartsAt() + 86400;
                        scores.push_back(s);
                        if (m.record.superior_attended) {
                            s.role = ScorerRole::kSuperior;
                            s.level = l < 0.6 ? QualityLevel::kFair : QualityLevel::kAverage;
                            scores.push_back(s);
                        }
                    }
                    meetings.push_back(std::move(m));
                };
                if (regular[static_cast<std::size_t>(k)]) add(MeetingKind::kRegular, 3);
                if (mon % 3 == 0 && thematic[static_cast<std::size_t>((mon - 1) / 3)]) add(MeetingKind::kThematic, 20);
            }
        }
        summary_.members += static_cast<std::int64_t>(members.size());
        summary_.meetings += static_cast<std::int64_t>(meetings.size());
        summary_.scores += static_cast<std::int64_t>(scores.size());
        return store_.Write([&](Repositories& repos) -> base::Result<void> {
            repos.bulk().PrepareBulkLoad();
            repos.bulk().InsertMembers(members);
            repos.bulk().InsertMeetings(meetings);
            repos.bulk().InsertAttendance(rolls);
            repos.bulk().InsertScores(scores);
            return {};
        });
    }

    Store& store_;
    Scale scale_;
    std::mt19937_64 rng_;
    Date today_;
    std::function<void(const std::string&)> progress_;
    std::vector<Organization> cells_;
    std::vector<OrganizationId> communes_;  // In order: commune g is in province g mod provinces_.
    std::size_t provinces_ = 1;
    std::int64_t org_id_ = 0;
    std::int64_t member_id_ = 0;
    std::int64_t meeting_id_ = 0;
    GenerateSummary summary_;
};

}  // namespace

base::Result<GenerateSummary> Generate(Store& store, const Scale& scale, std::uint64_t seed, Date today,
                                       const std::function<void(const std::string&)>& progress) {
    auto empty = ReadValue<bool>(store, [](Repositories& repos) -> base::Result<bool> {
        return !repos.organizations().Get(OrganizationId(1)).has_value();
    });
    if (!empty) return empty.error();
    if (!*empty) return base::MakeError(base::ErrorCode::kConflict, "Cơ sở dữ liệu đã có dữ liệu.");
    return Writer(store, scale, seed, today, progress).Run();
}

}  // namespace chibo::bench
