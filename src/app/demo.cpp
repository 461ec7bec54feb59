#include "app/demo.hpp"

#include <array>
#include <map>
#include <random>
#include <set>
#include <vector>

#include "app/common.hpp"
#include "app/meeting_detail.hpp"
#include "app/password.hpp"
#include "base/text.hpp"
#include "domain/meeting_record_repository.hpp"
#include "domain/meeting_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/position_repository.hpp"
#include "domain/score_repository.hpp"
#include "domain/store.hpp"
#include "domain/topic_repository.hpp"
#include "domain/user_repository.hpp"

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
    Generator(Repositories& repos, std::uint32_t seed, Date today) : repos_(repos), rng_(seed), today_(today) {}

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
    // A year of meetings for a cell, up to last month: mostly held by the rules, with realistic
    // lapses (a missed month, late documents, short meetings, absences, late reports).
    void AddMeetingHistory(const Organization& cell, const std::string& place);
    void HoldMeeting(const Organization& cell, Meeting m, const std::vector<Member>& roll, const std::string& place,
                     int absence_bias);
    // Hòa An's committee orients a topic for this year; Thôn Đông picked it and is drafting it.
    void AddThematicTopic();
    // Thôn Đông's last held thematic meeting gets its topic, proposals taken in and measures under way.
    void AddHeldTopic();

    Repositories& repos_;
    std::mt19937 rng_;
    DemoSummary summary_;
    int card_seq_ = 100000;
    Date term_start_ = *Date::FromYmd(2025, 7, 15);
    Date today_;
    std::optional<OrganizationId> previous_cell_;                    // Where "transferred in" members came from.
    std::vector<std::pair<Organization, std::string>> cells_;        // Each cell with its meeting place.
    std::set<std::int64_t> often_absent_;                            // Members who skip meetings without reason.
    std::map<std::int64_t, TransferLetter> letters_;                 // Most of those working away have a letter.
    std::map<std::pair<std::int64_t, Date>, Meeting> regular_held_;  // By cell and day: a thematic meeting follows it.

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
        // Before the year of meetings the demo holds, so that its roll calls are those of their days.
        const Date moved = std::min(joined.AddDays(Uniform(200, 380)), today_.AddDays(-366));
        repos_.members().OpenMembership({MembershipId(), m.id, *previous_cell_, joined, moved, "Kết nạp"});
        repos_.members().OpenMembership({MembershipId(), m.id, cell.id, moved, std::nullopt, "Chuyển sinh hoạt đến"});
    } else {
        repos_.members().OpenMembership({MembershipId(), m.id, cell.id, joined, std::nullopt,
                                         status == MemberStatus::kTemporary ? "Sinh hoạt tạm thời" : "Kết nạp"});
    }
    if (OnRoll(status)) {
        repos_.members().RecordStatus({m.id, joined, status});
        if (status == MemberStatus::kWorkingAway && Uniform(0, 99) < 70) {
            // Two in three who work away attend a cell where they work, with a temporary transfer letter.
            TransferLetter l;
            l.member = m.id;
            l.organization = cell.id;
            l.number = std::to_string(Uniform(10, 99)) + "-GGT/ĐU";
            l.host = "Chi bộ Khu phố " + std::to_string(Uniform(1, 9)) +
                     ", Đảng bộ phường Thủ Dầu Một, Thành phố Hồ "
                     "Chí Minh";
            l.from = std::max(joined, today_.AddDays(-Uniform(380, 500)));
            l.to = today_.AddDays(Uniform(60, 300));
            l.note = "Đi làm công nhân tại Khu công nghiệp VSIP.";
            letters_.emplace(m.id.value, repos_.members().InsertLetter(l));
        }
    } else {
        const Date left = today_.AddDays(-Uniform(30, 300));
        repos_.members().CloseMembership(m.id, left);
        repos_.members().RecordStatus({m.id, joined, MemberStatus::kOfficial});
        repos_.members().RecordStatus({m.id, std::max(left, joined), status});
    }
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
    cells_.emplace_back(cell, std::string(plan.address));
    // In the larger villages one or two members skip meetings: the 3-absence rule has something to show.
    if (hoa_an && plan.members > 30) {
        for (std::size_t i = officials.size() / 2; i < officials.size() && often_absent_.size() < 4; i += 7) {
            if (officials[i].id == officials.back().id) continue;
            often_absent_.insert(officials[i].id.value);
            break;
        }
    }
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
    for (const auto& [cell, place] : cells_) AddMeetingHistory(cell, place);
    // Last, so that it draws nothing from the random sequence the data above (and the tests) rely on.
    AddThematicTopic();
    return summary_;
}

void Generator::AddThematicTopic() {
    auto at = [&](int days_ago, int hour) { return base::VietnamInstant(today_.AddDays(-days_ago), hour * 60); };
    TopicOrientation o;
    o.organization = hoa_an_;
    o.year = today_.year();
    o.title = "Phân loại rác thải sinh hoạt tại nguồn, xây dựng khu dân cư xanh, sạch, đẹp";
    o.purpose =
        "Nâng cao nhận thức của cán bộ, đảng viên và nhân dân về phân loại, thu gom rác thải sinh hoạt.\n"
        "Mỗi chi bộ liên hệ thực tế địa phương, đề ra việc làm cụ thể cho từng đảng viên.";
    o.directive = "Chỉ thị 02-CT/ĐU của Ban Thường vụ Đảng ủy xã";
    o.created_by = "xa.hoaan";
    o.created_at = at(20, 8);
    o = repos_.topics().InsertOrientation(o);

    Topic t;
    t.organization = thon_dong_;
    t.orientation = o.id;
    t.year = o.year;
    t.quarter = QuarterOfMonth(today_.month());
    t.title = o.title;
    t.purpose = o.purpose;
    t.directive = o.directive;
    for (const Position& p : repos_.positions().ForOrganization(thon_dong_, today_))
        if (p.kind == PositionKind::kCommitteeMember && !t.preparer)
            t.preparer = TopicPreparer{PreparerKind::kCommitteeMember, p.member, std::nullopt,
                                       repos_.members().Get(p.member)->full_name};
    t.state = TopicState::kDrafting;
    t.created_by = "bithu.thondong";
    t.created_at = at(15, 9);
    t = repos_.topics().InsertTopic(t);
    const std::string author = t.preparer ? t.preparer->name : "";
    const std::string first =
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Đảng viên hiểu rõ lợi ích của phân loại rác tại nguồn.\n"
        "II. NỘI DUNG\n"
        "1. Thực trạng thu gom rác ở Thôn Đông.\n"
        "2. Trách nhiệm của đảng viên và gia đình.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Các tổ đảng phân công đảng viên vận động từng hộ.";
    std::string second = first;
    second.replace(second.find("2. Trách nhiệm"), 0, "Thôn có 3 điểm tập kết rác; xe thu gom đến hai ngày một lần.\n");
    second += "\nChi bộ sơ kết sau ba tháng, biểu dương tổ đảng làm tốt.";
    repos_.topics().AddDraft(t.id, first, "bithu.thondong", author, at(10, 20));
    repos_.topics().AddDraft(t.id, second, "bithu.thondong", author, at(3, 21));
    const Member secretary = *repos_.members().Get(thon_dong_secretary_);
    repos_.topics().InsertComment({TopicCommentId(), t.id, CommentKind::kReview, 1, secretary.id, "bithu.thondong",
                                   secretary.full_name, "Đề nghị bổ sung số liệu về điểm tập kết và lịch thu gom.",
                                   at(8, 19)});
    AddHeldTopic();
}

void Generator::AddHeldTopic() {
    // Thôn Đông's latest thematic meeting that was held: its topic, proposed by the cell and prepared by a
    // party group, went the whole way; its resolution's measures are still being carried out.
    std::optional<Meeting> held;
    for (int year : {today_.year(), today_.year() - 1})
        for (const Meeting& m : repos_.meetings().ForYear(thon_dong_, year))
            if (m.kind == MeetingKind::kThematic && Held(m.state) && (!held || m.date > held->date)) held = m;
    const auto groups = repos_.organizations().Children(thon_dong_, Dissolved::kExclude);
    if (!held || groups.empty()) return;
    const std::int64_t start = held->StartsAt();
    constexpr std::int64_t kDay = 86400;
    Topic t;
    t.organization = thon_dong_;
    t.year = held->year;
    t.quarter = QuarterOfMonth(held->month);
    t.title =
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: đảng viên gương mẫu giữ gìn đường làng, "
        "ngõ xóm sáng, xanh, sạch, đẹp";
    t.purpose = "Mỗi đảng viên tự liên hệ bản thân và gia đình; đề ra việc làm cụ thể cho từng tổ đảng.";
    t.directive = "Kết luận 01-KL/TW của Bộ Chính trị";
    t.preparer = TopicPreparer{PreparerKind::kPartyGroup, std::nullopt, groups.front().id, groups.front().name};
    t.meeting = held->id;
    t.state = TopicState::kProposed;
    t.created_by = "bithu.thondong";
    t.created_at = start - 40 * kDay;
    t = repos_.topics().InsertTopic(t);
    const std::string draft =
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Đảng viên gương mẫu giữ gìn vệ sinh đường làng, ngõ xóm; vận động gia đình và nhân dân cùng làm.\n"
        "II. NỘI DUNG\n"
        "1. Thực trạng vệ sinh môi trường ở Thôn Đông.\n"
        "2. Việc làm cụ thể của từng đảng viên, từng tổ đảng.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Mỗi tổ đảng nhận một tuyến đường; chi bộ sơ kết sau ba tháng.";
    const std::string author = groups.front().name;
    repos_.topics().AddDraft(t.id, draft, "bithu.thondong", author, start - 20 * kDay);
    t.draft_count = 1;
    t.state = TopicState::kSent;
    t.decided_by = "xa.hoaan";
    t.decided_at = start - 38 * kDay;
    t.submitted_at = start - 15 * kDay;
    t.approved_version = 1;
    t.approved_by = "bithu.thondong";
    t.approved_at = start - 12 * kDay;
    t.sent_version = 1;
    t.sent_by = "bithu.thondong";
    t.sent_at = start - 7 * kDay;
    repos_.topics().UpdateTopic(t);

    // At the meeting two members spoke to the topic; the first proposal was taken into the resolution.
    const std::vector<AttendanceRecord> roll = repos_.records().Attendance(held->id);
    std::vector<const AttendanceRecord*> present;
    for (const AttendanceRecord& r : roll)
        if (r.presence == Presence::kPresent || r.presence == Presence::kLate) present.push_back(&r);
    if (present.size() < 2) return;
    repos_.topics().InsertComment({TopicCommentId(), t.id, CommentKind::kMember, 1, present[1]->member, "",
                                   present[1]->member_name,
                                   "Đề nghị mỗi tổ đảng nhận chăm sóc một tuyến hoa ven đường.", start - 4 * kDay});
    repos_.records().SaveOpinions(
        held->id, {{present[1]->member, present[1]->member_name,
                    "Đề nghị mỗi tổ đảng nhận chăm sóc một tuyến hoa ven đường, mỗi tháng tổng vệ sinh một lần.", true},
                   {present[0]->member, present[0]->member_name,
                    "Gia đình tôi cam kết không để vật liệu xây dựng lấn chiếm lòng đường.", false}});
    std::vector<ResolutionTask> measures;
    const auto measure = [&](std::optional<MemberId> who, std::string name, std::string what, Date deadline) {
        ResolutionTask task;
        task.meeting = held->id;
        task.assignee = who;
        task.assignee_name = std::move(name);
        task.description = std::move(what);
        task.deadline = deadline;
        measures.push_back(std::move(task));
    };
    measure(std::nullopt, "", "Mỗi tổ đảng nhận chăm sóc một tuyến đường hoa, tổng vệ sinh mỗi tháng một lần.",
            held->date.AddDays(60));
    measure(present[0]->member, present[0]->member_name,
            "Vận động các hộ ven đường liên xóm dọn vật liệu xây dựng lấn chiếm lòng đường.", held->date.AddDays(150));
    repos_.records().ReplaceTasksSetBy(held->id, thon_dong_, measures);
    // Reviewed at the next regular meeting: the first under way, the second not yet due.
    std::optional<Meeting> next;
    for (const Meeting& m : repos_.meetings().ForYear(thon_dong_, held->date.AddDays(20).year()))
        if (m.kind == MeetingKind::kRegular && Held(m.state) && m.date > held->date && (!next || m.date < next->date))
            next = m;
    if (!next) return;
    std::vector<ResolutionTask> set = repos_.records().TasksSetBy(held->id);
    set[0].outcome = TaskOutcome::kPartlyDone;
    set[0].result = "Hai tổ đảng đã nhận tuyến đường; hai tổ còn lại đang khảo sát.";
    set[0].reviewed_in = next->id;
    repos_.records().SaveTaskReview(set[0]);
}

constexpr std::array kOpinions = {
    "Đề nghị chi bộ đôn đốc hoàn thành làm đường bê tông liên xóm trước mùa mưa.",
    "Cần tăng cường vận động các hộ phân loại rác thải tại nguồn, thu gom đúng giờ.",
    "Đề nghị rà soát hộ nghèo, cận nghèo để hỗ trợ kịp thời.",
    "Phản ánh tình trạng đổ rác ven kênh, đề nghị tổ tự quản xử lý.",
    "Đề nghị biểu dương các hộ hiến đất mở rộng đường giao thông nông thôn.",
    "Đảng viên cao tuổi mong được thông báo lịch sinh hoạt sớm hơn.",
    "Đề nghị phối hợp với Chi đoàn tổ chức ra quân vệ sinh môi trường.",
    "Cần nắm chắc tình hình tư tưởng của quần chúng về bồi thường giải phóng mặt bằng.",
    "Thống nhất với dự thảo nghị quyết, đề nghị bổ sung chỉ tiêu thu quỹ đảng phí.",
    "Đề nghị chi ủy phân công đảng viên phụ trách hộ gia đình rõ hơn.",
};

constexpr std::array kTasks = {
    "Vận động các hộ dân hiến đất làm đường liên xóm",
    "Tổ chức ra quân vệ sinh môi trường, khơi thông cống rãnh",
    "Thu đảng phí đầy đủ, đúng hạn",
    "Rà soát, đề nghị hỗ trợ hộ có hoàn cảnh khó khăn",
    "Tuyên truyền phòng chống cháy nổ, an toàn giao thông",
    "Bồi dưỡng quần chúng ưu tú để giới thiệu kết nạp Đảng",
    "Vận động nhân dân thực hiện nếp sống văn minh trong việc cưới, việc tang",
};

void Generator::AddMeetingHistory(const Organization& cell, const std::string& place) {
    const MeetingRule rule = EffectiveRule({});
    const std::vector<Member> roll = repos_.members().OnRollOf(cell.id);
    if (roll.empty()) return;
    // Each cell has its habits: a few are lax with attendance.
    const int absence_bias = Uniform(0, 99) < 20 ? Uniform(8, 18) : Uniform(1, 6);
    const Date this_month = today_.AddDays(1 - today_.day());
    const Date last_month_end = this_month.AddDays(-1);
    const Date last_month_start = last_month_end.AddDays(1 - last_month_end.day());
    const Date first = *Date::FromYmd(today_.month() == 12 ? today_.year() : today_.year() - 1,
                                      today_.month() == 12 ? 1 : today_.month() + 1, 1);
    for (const ExpectedMeeting& e :
         ExpectedMeetings(rule, first.year(), first.month(), today_.year(), today_.month())) {
        if (e.date >= today_) continue;
        // Thôn Đông's meetings of last month and this month are left for its secretary to run.
        if (cell.id == thon_dong_ && e.date >= last_month_start) continue;
        if (Uniform(0, 99) < 4) continue;  // A month the cell did not meet.
        Meeting m;
        m.organization = cell.id;
        m.kind = e.kind;
        m.year = e.date.year();
        m.month = e.date.month();
        m.date = e.date;
        m.start_minutes = e.start_minutes;
        m.min_minutes = rule.min_minutes;
        m.combined_min_minutes = rule.combined_min_minutes;
        m.shifted = e.shifted;
        HoldMeeting(cell, repos_.meetings().Insert(m), roll, place, absence_bias);
    }
}

void Generator::HoldMeeting(const Organization& cell, Meeting m, const std::vector<Member>& roll,
                            const std::string& place, int absence_bias) {
    const std::int64_t start = m.StartsAt();
    constexpr std::int64_t kDay = 86400;
    m.preparation.preparer = roll.size() > 1 ? roll[1].id : roll[0].id;
    m.preparation.preparer_name = roll.size() > 1 ? roll[1].full_name : roll[0].full_name;
    m.preparation.place = "Nhà văn hóa " + place;
    if (Uniform(0, 99) < 90) m.preparation.committee_meeting_on = m.date.AddDays(-Uniform(3, 6));
    m.preparation.agenda = {"Kiểm điểm việc thực hiện nghị quyết tháng trước", "Thông tin thời sự, văn bản cấp trên",
                            "Tình hình tư tưởng đảng viên", "Phương hướng, nhiệm vụ tháng tới"};
    if (m.kind == MeetingKind::kThematic)
        m.preparation.agenda.insert(m.preparation.agenda.begin(),
                                    "Chuyên đề: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
    m.preparation.superior_official = "Đồng chí Ủy viên Ban Thường vụ Đảng ủy xã";
    const bool late_notice = Uniform(0, 99) < 10;
    m.notified_at = start - (late_notice ? std::int64_t{Uniform(2, 20)} * 3600 : Uniform(2, 5) * kDay);
    m.documents_sent_at = m.notified_at;

    std::vector<AttendanceRecord> attendance;
    for (const Member& member : roll) {
        AttendanceRecord r{member.id, member.full_name, member.status, Presence::kPresent, ""};
        const int dice = Uniform(0, 99);
        const int bias = often_absent_.contains(member.id.value) ? 45 : absence_bias;
        const auto letter = letters_.find(member.id.value);
        if (member.status == MemberStatus::kExempt) {
            r.presence = Presence::kExempt;
        } else if (letter != letters_.end() && letter->second.Runs(m.date)) {
            r.presence = Presence::kAway;
            r.reason = LetterReason(letter->second);
        } else if (member.status == MemberStatus::kWorkingAway || dice < bias / 2) {
            r.presence = Presence::kExcused;
            r.reason = member.status == MemberStatus::kWorkingAway ? "Đi làm ăn xa" : (dice % 2 ? "Ốm" : "Đi công tác");
        } else if (dice < bias) {
            r.presence = Presence::kUnexcused;
        } else if (dice > 96) {
            r.presence = Presence::kLate;
        }
        attendance.push_back(std::move(r));
    }
    std::vector<const AttendanceRecord*> present;
    for (const AttendanceRecord& r : attendance)
        if (r.presence == Presence::kPresent || r.presence == Presence::kLate) present.push_back(&r);
    if (present.size() < 2) return;

    MeetingRecord& rec = m.record;
    // A thematic meeting on the regular day follows it in one combined session (HD 42: 120 minutes together).
    const auto regular =
        m.kind == MeetingKind::kThematic ? regular_held_.find({cell.id.value, m.date}) : regular_held_.end();
    const Meeting* partner = regular == regular_held_.end() ? nullptr : &regular->second;
    // Three draws either way, so the rest of the demo keeps its random sequence.
    if (partner) {
        rec.started_minutes = *partner->record.ended_minutes + Uniform(5, 10);
        const int needed =
            std::max(30, m.combined_min_minutes - (*rec.started_minutes - *partner->record.started_minutes));
        const bool short_one = Uniform(0, 99) < 12;
        rec.ended_minutes =
            *rec.started_minutes + (short_one ? Uniform(needed - 25, needed - 5) : Uniform(needed, needed + 30));
    } else {
        rec.started_minutes = m.start_minutes + Uniform(0, 10);
        const bool short_one = Uniform(0, 99) < 12;
        rec.ended_minutes = *rec.started_minutes +
                            (short_one ? Uniform(60, m.min_minutes - 5) : Uniform(m.min_minutes, m.min_minutes + 40));
    }
    const int duration = *rec.ended_minutes - m.start_minutes;  // From the session's planned start.
    rec.chair = present[0]->member;
    rec.chair_name = present[0]->member_name;
    rec.minute_taker = present[1]->member;
    rec.minute_taker_name = present[1]->member_name;
    rec.superior_attended = Uniform(0, 99) < 35;
    if (rec.superior_attended) rec.guests = {m.preparation.superior_official};
    std::vector<Opinion> opinions;
    const int speakers = std::min<int>(Uniform(2, 6), static_cast<int>(present.size()));
    for (int i = 0; i < speakers; ++i) {
        const AttendanceRecord* who =
            present[static_cast<std::size_t>(Uniform(0, static_cast<int>(present.size()) - 1))];
        opinions.push_back({who->member, who->member_name, Pick(kOpinions)});
    }
    rec.conclusion = "Chi bộ thống nhất đánh giá kết quả tháng qua và các nhiệm vụ trọng tâm tháng tới.";
    rec.resolution = "Tập trung lãnh đạo thực hiện các nhiệm vụ trọng tâm; phân công đảng viên phụ trách từng việc.";
    const int eligible = EligibleVoters(attendance, VoteScope::kAllPresent);
    const int against = Uniform(0, 99) < 15 ? 1 : 0;
    rec.vote = Vote{eligible - against, against, 0};

    // Review the tasks still open and set new ones.
    std::vector<ResolutionTask> review;
    for (ResolutionTask t : repos_.records().TasksOfCellBefore(cell.id, m.date)) {
        if (t.reviewed_in) continue;
        const int d = Uniform(0, 99);
        t.outcome = d < 70 ? TaskOutcome::kDone : d < 88 ? TaskOutcome::kPartlyDone : TaskOutcome::kNotDone;
        t.result = t.outcome == TaskOutcome::kDone ? "Hoàn thành đúng hạn" : "Đang tiếp tục thực hiện";
        t.reviewed_in = m.id;
        repos_.records().SaveTaskReview(t);
    }
    std::vector<ResolutionTask> tasks;
    for (int i = Uniform(2, 3); i > 0; --i) {
        ResolutionTask t;
        const Member& who = roll[static_cast<std::size_t>(Uniform(0, static_cast<int>(roll.size()) - 1))];
        if (Uniform(0, 2) > 0 && who.status != MemberStatus::kExempt) {
            t.assignee = who.id;
            t.assignee_name = who.full_name;
        }
        t.description = Pick(kTasks);
        t.deadline = m.date.AddDays(Uniform(20, 27));
        tasks.push_back(std::move(t));
    }

    // Minutes finalised the same day; the report goes up after a day or two, sometimes late, and the
    // most recent meetings are sometimes not yet reported.
    const bool recent = m.date.AddDays(40) > today_;
    m.state = MeetingState::kMinutesFinalised;
    m.finalised_at = start + std::int64_t{duration + 30} * 60;
    RegisterMeetingDocuments(repos_, cell, m, m.date, "demo");
    if (!(recent && Uniform(0, 99) < 30)) {
        m.state = MeetingState::kReported;
        m.reported_at = start + (Uniform(0, 99) < 15 ? Uniform(3, 8) : Uniform(0, 2)) * kDay + std::int64_t{3} * 3600;
    }
    repos_.meetings().Update(m);
    if (m.kind == MeetingKind::kRegular) regular_held_[{cell.id.value, m.date}] = m;
    repos_.records().SaveAttendance(m.id, attendance);
    repos_.records().SaveOpinions(m.id, opinions);
    repos_.records().ReplaceTasksSetBy(m.id, cell.id, tasks);

    // Most meetings older than about three months were scored by the cell (HD 42), and by the commune
    // when its official attended; the recent ones wait, as they do in practice.
    if (m.date.AddDays(100) > today_ || Uniform(0, 99) < 15) return;
    const Scorecard card = Hd42Scorecard();
    const MeetingFacts facts =
        FactsOf(m, SessionOf(m, partner), attendance, opinions, false, TargetsMetShare(review), today_);
    const int care = Uniform(0, 99);  // How well the cell did what only people judge.
    for (ScorerRole role : {ScorerRole::kCell, ScorerRole::kSuperior}) {
        if (role == ScorerRole::kSuperior && !rec.superior_attended) break;
        std::map<std::string, int> points = Prefill(card, facts);
        for (const ScoreBlock& b : card.blocks)
            for (const Criterion& c : b.criteria) {
                if (points.contains(c.code)) continue;
                const int lost = care < 40 ? 0 : care < 75 ? Uniform(0, 1) : care < 92 ? Uniform(1, 3) : Uniform(2, 6);
                points[c.code] = std::max(0, c.max_points - lost - (role == ScorerRole::kSuperior ? Uniform(0, 1) : 0));
            }
        auto result = Score(card, points);
        if (!result) continue;
        MeetingScore score;
        score.meeting = m.id;
        score.role = role;
        score.points = points;
        score.computed = Prefill(card, facts);
        score.total = result->total;
        score.level = result->level;
        score.scored_by = role == ScorerRole::kCell ? "demo.chibo" : "demo.xa";
        score.scored_at = start + 2 * kDay;
        repos_.scores().InsertScore(score);
    }
}

}  // namespace

base::Result<DemoSummary> LoadDemo(Store& store, const base::Clock& clock, std::uint32_t seed) {
    const std::string hash = HashPassword(kDemoPassword);
    return WriteValue<DemoSummary>(store, [&](Repositories& repos) -> base::Result<DemoSummary> {
        if (repos.organizations().Get(OrganizationId(1)))
            return base::MakeError(base::ErrorCode::kConflict, "Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.");
        Generator gen(repos, seed, clock.Today());
        DemoSummary summary = gen.Run();
        const std::optional<MemberId> uyvien = AddDemoVisits(repos, gen.hoa_an_, gen.thon_dong_, clock.Today());
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
            {"uyvien.hoaan", "", Role::kCommittee, gen.hoa_an_, uyvien},
        };
        for (const Account& a : accounts) {
            if (std::string(a.username) == "uyvien.hoaan" && !uyvien) continue;
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
        RecordAudit(repos, clock, SystemActor(), "demo.load", "organization", gen.province_.value, nullptr,
                    std::nullopt,
                    Snapshot{{"organizations", std::to_string(summary.organizations)},
                             {"members", std::to_string(summary.members)}});
        return summary;
    });
}

}  // namespace chibo::app
