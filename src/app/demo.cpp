#include "app/demo.hpp"

#include <array>
#include <random>
#include <vector>

#include "app/common.hpp"
#include "app/password.hpp"

namespace chibo::app {

using base::Date;
using namespace chibo::domain;

namespace {

constexpr std::array kFamilyNames = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần",  "Trần",  "Lê",   "Lê",
                                     "Phạm",   "Hoàng",  "Huỳnh",  "Phan",  "Vũ",    "Võ",   "Đặng",
                                     "Bùi",    "Đỗ",     "Hồ",     "Ngô",   "Dương", "Lý",   "Đinh",
                                     "Trịnh",  "Mai",    "Cao",    "Lương", "Tạ",    "Đoàn", "Lâm"};
constexpr std::array kMaleMiddle = {"Văn",  "Văn",   "Văn",  "Đức",  "Minh", "Hữu",   "Quang", "Xuân",
                                    "Công", "Thanh", "Đình", "Ngọc", "Bá",   "Trọng", "Quốc"};
constexpr std::array kFemaleMiddle = {"Thị",  "Thị",  "Thị", "Thu",    "Ngọc", "Thanh",
                                      "Minh", "Hồng", "Kim", "Phương", "Bích", "Mai"};
constexpr std::array kMaleGiven = {"An",    "Anh",   "Bình",  "Cường", "Chiến", "Dũng", "Dương", "Đạt",
                                   "Đức",   "Giang", "Hải",   "Hiếu",  "Hòa",   "Hùng", "Hưng",  "Khánh",
                                   "Khoa",  "Lâm",   "Lộc",   "Long",  "Mạnh",  "Minh", "Nam",   "Nghĩa",
                                   "Phong", "Phúc",  "Quân",  "Quang", "Sơn",   "Tài",  "Thắng", "Thành",
                                   "Thịnh", "Toàn",  "Trung", "Tuấn",  "Tùng",  "Việt", "Vinh",  "Ánh"};
constexpr std::array kFemaleGiven = {
    "An",     "Anh",   "Ánh",   "Bích", "Chi",  "Dung", "Duyên", "Giang", "Hà",   "Hạnh", "Hằng", "Hiền",  "Hoa",
    "Hồng",   "Hương", "Huyền", "Lan",  "Liên", "Linh", "Loan",  "Mai",   "My",   "Nga",  "Ngọc", "Nhung", "Oanh",
    "Phương", "Quỳnh", "Tâm",   "Thảo", "Thu",  "Thủy", "Trang", "Tuyết", "Uyên", "Vân",  "Yến",  "Đào"};

struct CellPlan {
    const char* name;
    CellCategory category;
    int members;
    int committee;  // Chi ủy members besides secretary and deputy.
    int groups;     // Party groups.
    const char* address;
};

struct CommunePlan {
    const char* name;
    const char* place;
    std::vector<CellPlan> cells;
};

class Generator {
public:
    Generator(Repositories& repos, std::uint32_t seed) : repos_(repos), rng_(seed) {}

    DemoSummary Run();

private:
    int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    template <typename A>
    const char* Pick(const A& a) {
        return a[static_cast<std::size_t>(Uniform(0, static_cast<int>(a.size()) - 1))];
    }
    std::string Digits(int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + Uniform(0, 9)));
        return s;
    }

    Organization AddOrg(std::optional<OrganizationId> parent, std::string name, OrganizationKind kind,
                        CellCategory category, std::string address, Date from);
    Member AddMember(const Organization& cell, MemberStatus status, bool dang_van, const std::string& place);
    void AddPosition(const Organization& org, const Member& m, PositionKind kind);
    void AddCell(const Organization& committee, const CellPlan& plan, const std::string& place, bool hoa_an);

    Repositories& repos_;
    std::mt19937 rng_;
    DemoSummary summary_;
    int card_seq_ = 100000;
    Date term_start_ = *Date::FromYmd(2025, 7, 15);
    Date today_ = Date::Today();
    std::optional<OrganizationId> previous_cell_;  // Where "transferred in" members came from.

public:
    OrganizationId province_, hoa_an_, tan_lap_, thon_dong_;
    MemberId thon_dong_secretary_, thon_dong_member_;
};

Organization Generator::AddOrg(std::optional<OrganizationId> parent, std::string name, OrganizationKind kind,
                               CellCategory category, std::string address, Date from) {
    Organization o;
    o.parent = parent;
    o.name = std::move(name);
    o.kind = kind;
    o.category = category;
    o.address = std::move(address);
    o.valid_from = from;
    ++summary_.organizations;
    return repos_.organizations().Insert(o);
}

Member Generator::AddMember(const Organization& cell, MemberStatus status, bool dang_van, const std::string& place) {
    Member m;
    m.organization = cell.id;
    m.sex = dang_van || Uniform(0, 99) < 62 ? Sex::kMale : Sex::kFemale;
    const bool male = m.sex == Sex::kMale;
    const std::string family = dang_van ? "Đặng" : Pick(kFamilyNames);
    const std::string middle = dang_van ? "Văn" : (male ? Pick(kMaleMiddle) : Pick(kFemaleMiddle));
    m.full_name = family + " " + middle + " " + (male ? Pick(kMaleGiven) : Pick(kFemaleGiven));
    m.status = status;
    const int age = status == MemberStatus::kExempt ? Uniform(72, 90) : Uniform(22, 75);
    m.date_of_birth = *Date::FromYmd(today_.year() - age, Uniform(1, 12), Uniform(1, 28));
    if (status == MemberStatus::kProbationary) {
        // Admitted within the last 14 months: a few are due for confirmation.
        m.admission_date = today_.AddDays(-Uniform(20, 420));
    } else {
        const int years_in = Uniform(2, std::max(2, age - 19));
        m.admission_date = *Date::FromYmd(today_.year() - years_in, Uniform(1, 12), Uniform(1, 28));
        m.official_date = m.admission_date->AddYears(1);
        if (*m.official_date > today_) m.official_date = today_;
    }
    m.party_card_number = "38" + std::to_string(card_seq_++) + Digits(4);
    m.citizen_id = "038" + std::string(male ? "0" : "1") + Digits(8);
    if (Uniform(0, 99) < 85) m.phone = "09" + Digits(8);
    m.address = place;
    if (status == MemberStatus::kExempt) m.note = "Tuổi cao, sức yếu; chi bộ quyết định miễn sinh hoạt.";
    if (status == MemberStatus::kWorkingAway) m.note = "Làm ăn xa tại Bình Dương, giữ liên lạc qua điện thoại.";
    if (status == MemberStatus::kTemporary) m.note = "Sinh hoạt tạm thời theo giấy giới thiệu của Đảng ủy nơi cư trú.";
    m = repos_.members().Insert(m);
    if (OnRoll(status)) ++summary_.members;

    const Date joined = std::max(cell.valid_from, *m.admission_date);
    if (previous_cell_ && Uniform(0, 99) < 12 && joined.AddDays(400) < today_) {
        // Came from another cell: keep that earlier stay in the history.
        const Date moved = joined.AddDays(Uniform(200, 380));
        repos_.members().OpenMembership({MembershipId(), m.id, *previous_cell_, joined, moved, "Kết nạp"});
        repos_.members().OpenMembership({MembershipId(), m.id, cell.id, moved, std::nullopt, "Chuyển sinh hoạt đến"});
    } else {
        repos_.members().OpenMembership({MembershipId(), m.id, cell.id, joined, std::nullopt,
                                         status == MemberStatus::kTemporary ? "Sinh hoạt tạm thời" : "Kết nạp"});
    }
    if (!OnRoll(status)) repos_.members().CloseMembership(m.id, today_.AddDays(-Uniform(30, 300)));
    return m;
}

void Generator::AddPosition(const Organization& org, const Member& m, PositionKind kind) {
    repos_.positions().Insert({PositionId(), org.id, m.id, "", kind, term_start_, std::nullopt});
}

void Generator::AddCell(const Organization& committee, const CellPlan& plan, const std::string& place, bool hoa_an) {
    const std::string address = std::string(plan.address) + ", " + place;
    const Organization cell = AddOrg(committee.id, plan.name, OrganizationKind::kSubordinateCell, plan.category,
                                     address, *Date::FromYmd(Uniform(1976, 2015), Uniform(1, 12), Uniform(1, 28)));
    std::vector<Organization> groups;
    for (int g = 1; g <= plan.groups; ++g) {
        groups.push_back(AddOrg(cell.id, "Tổ đảng số " + std::to_string(g), OrganizationKind::kPartyGroup,
                                CellCategory::kNone, address, cell.valid_from));
    }
    std::vector<Member> officials;
    for (int i = 0; i < plan.members; ++i) {
        MemberStatus status = MemberStatus::kOfficial;
        const int roll = Uniform(0, 99);
        if (i >= 4) {  // The first members are official: they hold the positions.
            if (roll < 7)
                status = MemberStatus::kProbationary;
            else if (roll < 11 && plan.category != CellCategory::kArmedForces)
                status = MemberStatus::kExempt;
            else if (roll < 13)
                status = MemberStatus::kTemporary;
            else if (roll < 16 && plan.category != CellCategory::kArmedForces)
                status = MemberStatus::kWorkingAway;
        }
        if (plan.members < 9 && i == plan.members - 1) status = MemberStatus::kProbationary;
        Member m = AddMember(cell, status, hoa_an && i == 2, address);
        if (!groups.empty()) {
            m.party_group = groups[static_cast<std::size_t>(i) % groups.size()].id;
            repos_.members().Update(m);
        }
        if (status == MemberStatus::kOfficial) officials.push_back(m);
    }
    // People who left the roll, for history: one transferred out, and in some cells a death or a removal.
    AddMember(cell, MemberStatus::kTransferredOut, false, address);
    if (plan.members > 30) AddMember(cell, MemberStatus::kDeceased, false, address);
    if (plan.members > 40) AddMember(cell, MemberStatus::kRemoved, false, address);

    AddPosition(cell, officials.at(0), PositionKind::kSecretary);
    AddPosition(cell, officials.at(1), PositionKind::kDeputySecretary);
    for (std::size_t c = 0; c < static_cast<std::size_t>(plan.committee); ++c)
        AddPosition(cell, officials.at(3 + c), PositionKind::kCommitteeMember);
    for (const Organization& group : groups) {
        for (const Member& m : officials) {
            if (m.party_group == group.id && m.id != officials[0].id && m.id != officials[1].id) {
                AddPosition(group, m, PositionKind::kGroupLeader);
                break;
            }
        }
    }
    previous_cell_ = cell.id;
    if (std::string(plan.name) == "Chi bộ Thôn Đông") {
        thon_dong_ = cell.id;
        thon_dong_secretary_ = officials.at(0).id;
        thon_dong_member_ = officials.back().id;
    }
}

DemoSummary Generator::Run() {
    const Organization province = AddOrg(std::nullopt, "Đảng bộ tỉnh Thanh Lam", OrganizationKind::kProvince,
                                         CellCategory::kNone, "Thành phố Thanh Lam", *Date::FromYmd(1946, 2, 3));
    province_ = province.id;
    using C = CellCategory;
    const std::vector<CommunePlan> communes = {
        {"Đảng bộ xã Hòa An",
         "xã Hòa An",
         {
             {"Chi bộ Thôn Đông", C::kVillage, 70, 3, 3, "Thôn Đông"},
             {"Chi bộ Thôn Đoài", C::kVillage, 45, 2, 0, "Thôn Đoài"},
             {"Chi bộ Thôn Trung", C::kVillage, 37, 2, 0, "Thôn Trung"},
             {"Chi bộ Thôn Bắc", C::kVillage, 35, 2, 0, "Thôn Bắc"},
             {"Chi bộ Thôn Nam", C::kVillage, 33, 2, 0, "Thôn Nam"},
             {"Chi bộ Thôn Đồng Tâm", C::kVillage, 29, 1, 0, "Thôn Đồng Tâm"},
             {"Chi bộ Tổ dân phố 1", C::kResidentialGroup, 31, 1, 0, "Tổ dân phố 1"},
             {"Chi bộ Tổ dân phố 2", C::kResidentialGroup, 27, 1, 0, "Tổ dân phố 2"},
             {"Chi bộ Cơ quan Đảng ủy - Ủy ban", C::kAgency, 48, 3, 0, "Trụ sở Đảng ủy - UBND xã"},
             {"Chi bộ Trường Tiểu học Hòa An", C::kSchool, 22, 1, 0, "Trường Tiểu học Hòa An"},
             {"Chi bộ Trạm Y tế", C::kAgency, 14, 0, 0, "Trạm Y tế xã"},
             {"Chi bộ Quân sự", C::kArmedForces, 7, 0, 0, "Ban Chỉ huy Quân sự xã"},
         }},
        {"Đảng bộ xã Tân Lập",
         "xã Tân Lập",
         {
             {"Chi bộ Thôn 1", C::kVillage, 24, 1, 0, "Thôn 1"},
             {"Chi bộ Thôn 2", C::kVillage, 19, 1, 0, "Thôn 2"},
             {"Chi bộ Thôn 3", C::kVillage, 16, 1, 0, "Thôn 3"},
             {"Chi bộ Trường THCS Tân Lập", C::kSchool, 12, 1, 0, "Trường THCS Tân Lập"},
         }},
        {"Đảng bộ phường Bình Minh",
         "phường Bình Minh",
         {
             {"Chi bộ Khu phố Bình Minh 1", C::kResidentialGroup, 26, 1, 0, "Khu phố 1"},
             {"Chi bộ Khu phố Bình Minh 2", C::kResidentialGroup, 23, 1, 0, "Khu phố 2"},
             {"Chi bộ Công ty Cổ phần May Bình Minh", C::kEnterprise, 18, 1, 0, "Khu công nghiệp Bình Minh"},
         }},
    };
    for (const CommunePlan& plan : communes) {
        const Organization commune = AddOrg(province.id, plan.name, OrganizationKind::kCommuneCommittee,
                                            CellCategory::kNone, plan.place, *Date::FromYmd(2025, 7, 1));
        if (std::string(plan.name) == "Đảng bộ xã Hòa An") hoa_an_ = commune.id;
        if (std::string(plan.name) == "Đảng bộ xã Tân Lập") tan_lap_ = commune.id;
        for (const CellPlan& cell : plan.cells) AddCell(commune, cell, plan.place, commune.id == hoa_an_);
    }
    return summary_;
}

}  // namespace

base::Result<DemoSummary> LoadDemo(Store& store, std::uint32_t seed) {
    const std::string hash = HashPassword(kDemoPassword);
    return WriteValue<DemoSummary>(store, [&](Repositories& repos) -> base::Result<DemoSummary> {
        if (repos.organizations().Get(OrganizationId(1)))
            return base::MakeError(base::ErrorCode::kConflict, "Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.");
        Generator gen(repos, seed);
        DemoSummary summary = gen.Run();
        struct Account {
            const char* username;
            const char* display;
            Role role;
            OrganizationId org;
            std::optional<MemberId> member;
        };
        const Account accounts[] = {
            {"admin", "Quản trị hệ thống", Role::kAdministrator, gen.province_, std::nullopt},
            {"xa.hoaan", "Văn phòng Đảng ủy xã Hòa An", Role::kCommittee, gen.hoa_an_, std::nullopt},
            {"xa.tanlap", "Văn phòng Đảng ủy xã Tân Lập", Role::kCommittee, gen.tan_lap_, std::nullopt},
            {"bithu.thondong", "", Role::kSecretary, gen.thon_dong_, gen.thon_dong_secretary_},
            {"dangvien.thondong", "", Role::kMember, gen.thon_dong_, gen.thon_dong_member_},
        };
        for (const Account& a : accounts) {
            User u;
            u.username = a.username;
            u.display_name = a.display;
            if (a.member) u.display_name = repos.members().Get(*a.member)->full_name;
            u.member = a.member;
            u.password_hash = hash;
            u = repos.users().Insert(u);
            repos.users().AddRole(u.id, a.role, a.org);
            ++summary.users;
        }
        RecordAudit(repos, SystemActor(), "demo.load", "organization", gen.province_.value, nullptr, std::nullopt,
                    Snapshot{{"organizations", std::to_string(summary.organizations)},
                             {"members", std::to_string(summary.members)}});
        return summary;
    });
}

}  // namespace chibo::app
