#include "app/member_service.hpp"

#include <algorithm>

#include "app/organization_service.hpp"
#include "base/text.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/position_repository.hpp"
#include "domain/store.hpp"

namespace chibo::app {

using base::ErrorCode;
using base::MakeError;
using base::Result;
using namespace chibo::domain;

namespace {

std::string OrganizationName(Repositories& repos, OrganizationId id) {
    auto o = repos.organizations().Get(id);
    return o ? o->name : "";
}

LetterView ViewOf(Repositories& repos, const TransferLetter& l, base::Date today) {
    return {l, OrganizationName(repos, l.organization), l.Runs(today)};
}

MemberDetail Detail(Repositories& repos, const Actor& actor, const Member& m, base::Date today) {
    MemberDetail d;
    d.member = m;
    const auto cell = repos.organizations().Get(m.organization);
    d.organization_name = cell ? cell->name : "";
    for (const Membership& ms : repos.members().Memberships(m.id))
        d.memberships.push_back({ms, OrganizationName(repos, ms.organization)});
    d.status_history = repos.members().StatusHistory(m.id);
    for (const TransferLetter& l : repos.members().Letters(m.id)) d.letters.push_back(ViewOf(repos, l, today));
    std::reverse(d.letters.begin(), d.letters.end());
    for (const Position& p : repos.positions().ForMember(m.id))
        d.positions.push_back({p, OrganizationName(repos, p.organization)});
    d.can_write = cell && actor.CanWrite(cell->path);
    return d;
}

// Cleans what a user typed and checks the member's fields and uniqueness.
Result<Member> Prepare(Repositories& repos, Member m, std::optional<MemberId> self, base::Date today) {
    m.full_name = base::NormalizeSpaces(m.full_name);
    m.address = base::NormalizeSpaces(m.address);
    if (!m.phone.empty()) {
        if (auto phone = NormalizePhone(m.phone)) m.phone = *phone;
    }
    CHIBO_TRY(ValidateMember(m, today));
    if (!m.party_card_number.empty()) {
        auto other = repos.members().FindByPartyCard(m.party_card_number);
        if (other && other != self)
            return MakeError(ErrorCode::kConflict, "Số thẻ đảng viên này đã có trong hệ thống.", "party_card_number");
    }
    if (!m.citizen_id.empty()) {
        auto other = repos.members().FindByCitizenId(m.citizen_id);
        if (other && other != self)
            return MakeError(ErrorCode::kConflict, "Số căn cước công dân này đã có trong hệ thống.", "citizen_id");
    }
    if (m.party_group) {
        auto group = repos.organizations().Get(*m.party_group);
        if (!group || group->kind != OrganizationKind::kPartyGroup || group->parent != m.organization ||
            group->dissolved())
            return MakeError(ErrorCode::kInvalidArgument, "Tổ đảng không thuộc chi bộ của đảng viên.",
                             "party_group_id");
    }
    return m;
}

Result<Organization> WritableCell(Repositories& repos, const Actor& actor, OrganizationId id, const char* field) {
    auto org = repos.organizations().Get(id);
    if (!org || !actor.CanSeeOrganization(org->path))
        return MakeError(ErrorCode::kNotFound, "Không tìm thấy chi bộ.", field);
    if (!actor.CanWrite(org->path)) return Forbidden();
    if (!IsCell(org->kind))
        return MakeError(ErrorCode::kInvalidArgument, "Đảng viên phải sinh hoạt ở một chi bộ.", field);
    if (org->dissolved()) return MakeError(ErrorCode::kInvalidArgument, "Chi bộ đã giải thể hoặc sáp nhập.", field);
    return *org;
}

}  // namespace

Result<Page<MemberListItem>> MemberService::List(const Actor& actor, const MemberListQuery& query) {
    if (base::Utf8Length(query.text) > 100)
        return MakeError(ErrorCode::kInvalidArgument, "Từ khóa tìm kiếm quá dài.", "q");
    return ReadValue<Page<MemberListItem>>(store_, [&](Repositories& repos) -> Result<Page<MemberListItem>> {
        MemberQuery q;
        if (query.organization) {
            CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, *query.organization));
            q.subtree_path = org.path;
        } else {
            const auto roots = actor.ScopeRoots();
            if (roots.empty()) return Forbidden();
            q.subtree_path = roots.front()->organization_path;
        }
        if (!actor.CanReadMembers(q.subtree_path)) {
            if (!actor.member) return Forbidden();
            q.only_member = actor.member;  // A plain member sees only themself in their cell.
        }
        q.folded_prefix = base::FoldForSearch(query.text);
        q.status = query.status;
        q.include_off_roll = query.include_off_roll || (query.status && !OnRoll(*query.status));
        q.offset = query.page.offset();
        q.limit = query.page.page_size;
        const MemberPage found = repos.members().Search(q);
        Page<MemberListItem> page;
        page.total = found.total;
        page.page = query.page.page;
        page.page_size = query.page.page_size;
        for (const Member& m : found.items) page.items.push_back({m, OrganizationName(repos, m.organization)});
        return page;
    });
}

Result<MemberDetail> MemberService::Get(const Actor& actor, MemberId id) {
    return ReadValue<MemberDetail>(store_, [&](Repositories& repos) -> Result<MemberDetail> {
        auto m = repos.members().Get(id);
        if (!m) return NotFound("đảng viên");
        auto cell = repos.organizations().Get(m->organization);
        if (!cell || !actor.CanReadMember(cell->path, id)) return NotFound("đảng viên");
        return Detail(repos, actor, *m, clock_.Today());
    });
}

Result<MemberDetail> MemberService::Create(const Actor& actor, Member input, std::optional<base::Date> joined_on) {
    const base::Date today = clock_.Today();
    const base::Date joined = joined_on.value_or(today);
    if (joined > today)
        return MakeError(ErrorCode::kInvalidArgument, "Ngày vào chi bộ không được ở tương lai.", "joined_on");
    return WriteValue<MemberDetail>(store_, [&](Repositories& repos) -> Result<MemberDetail> {
        CHIBO_TRY_ASSIGN(const Organization cell, WritableCell(repos, actor, input.organization, "organization_id"));
        if (joined < cell.valid_from)
            return MakeError(ErrorCode::kInvalidArgument,
                             "Ngày vào chi bộ phải từ ngày thành lập chi bộ (" + cell.valid_from.ToVietnamese() + ").",
                             "joined_on");
        if (input.admission_date && joined < *input.admission_date)
            return MakeError(ErrorCode::kInvalidArgument, "Ngày vào chi bộ không được trước ngày vào Đảng.",
                             "joined_on");
        input.id = MemberId();
        CHIBO_TRY_ASSIGN(Member m, Prepare(repos, input, std::nullopt, today));
        m = repos.members().Insert(m);
        repos.members().OpenMembership(
            {MembershipId(), m.id, cell.id, joined, std::nullopt, "Bổ sung vào danh sách chi bộ"});
        repos.members().RecordStatus({m.id, joined, m.status});
        if (!OnRoll(m.status)) repos.members().CloseMembership(m.id, joined);
        Snapshot after = Describe(m);
        after.emplace_back("joined_on", joined.ToIso());
        RecordAudit(repos, clock_, actor, "member.create", "member", m.id.value, &cell, std::nullopt, after);
        return Detail(repos, actor, m, clock_.Today());
    });
}

Result<MemberDetail> MemberService::Update(const Actor& actor, MemberId id, Member input,
                                           std::optional<base::Date> status_since) {
    const base::Date today = clock_.Today();
    const base::Date since = status_since.value_or(today);
    if (since > today)
        return MakeError(ErrorCode::kInvalidArgument, "Ngày bắt đầu tình trạng mới không được ở tương lai.",
                         "status_since");
    return WriteValue<MemberDetail>(store_, [&](Repositories& repos) -> Result<MemberDetail> {
        auto before = repos.members().Get(id);
        if (!before) return NotFound("đảng viên");
        auto cell = repos.organizations().Get(before->organization);
        if (!cell || !actor.CanReadMember(cell->path, id)) return NotFound("đảng viên");
        if (!actor.CanWrite(cell->path)) return Forbidden();
        input.id = id;
        input.organization = before->organization;
        CHIBO_TRY_ASSIGN(Member m, Prepare(repos, input, id, today));
        Snapshot after = Describe(m);
        if (m.status != before->status) {
            // The new status holds from `since`: not before the last change, nor before the stay it ends.
            const auto history = repos.members().StatusHistory(id);
            if (!history.empty() && since < history.back().since)
                return MakeError(ErrorCode::kInvalidArgument,
                                 "Ngày bắt đầu tình trạng mới không được trước lần thay đổi trước (" +
                                     history.back().since.ToVietnamese() + ").",
                                 "status_since");
            const auto stays = repos.members().Memberships(id);
            if (!stays.empty() && !stays.back().end_date && since < stays.back().start_date)
                return MakeError(ErrorCode::kInvalidArgument,
                                 "Ngày bắt đầu tình trạng mới không được trước ngày bắt đầu sinh hoạt ở chi bộ (" +
                                     stays.back().start_date.ToVietnamese() + ").",
                                 "status_since");
            if (!stays.empty() && stays.back().end_date && since < *stays.back().end_date)
                return MakeError(
                    ErrorCode::kInvalidArgument,
                    "Ngày khôi phục không được trước ngày rời chi bộ (" + stays.back().end_date->ToVietnamese() + ").",
                    "status_since");
            repos.members().RecordStatus({id, since, m.status});
            if (OnRoll(before->status) && !OnRoll(m.status)) {
                repos.members().CloseMembership(id, since);
            } else if (!OnRoll(before->status) && OnRoll(m.status)) {
                repos.members().OpenMembership(
                    {MembershipId(), id, cell->id, since, std::nullopt, "Khôi phục vào danh sách chi bộ"});
            }
            after.emplace_back("status_since", since.ToIso());
        }
        repos.members().Update(m);
        RecordAudit(repos, clock_, actor, "member.update", "member", id.value, &*cell, Describe(*before), after);
        return Detail(repos, actor, m, clock_.Today());
    });
}

Result<MemberDetail> MemberService::Transfer(const Actor& actor, MemberId id, const TransferInput& input) {
    if (input.date > clock_.Today())
        return MakeError(ErrorCode::kInvalidArgument, "Ngày chuyển không được ở tương lai.", "date");
    if (base::Utf8Length(input.reason) > 300)
        return MakeError(ErrorCode::kInvalidArgument, "Lý do dài quá 300 ký tự.", "reason");
    return WriteValue<MemberDetail>(store_, [&](Repositories& repos) -> Result<MemberDetail> {
        auto before = repos.members().Get(id);
        if (!before) return NotFound("đảng viên");
        auto source = repos.organizations().Get(before->organization);
        if (!source || !actor.CanReadMember(source->path, id)) return NotFound("đảng viên");
        if (!actor.CanWrite(source->path)) return Forbidden();
        if (!OnRoll(before->status))
            return MakeError(ErrorCode::kConflict, "Đảng viên không còn trong danh sách sinh hoạt.");
        CHIBO_TRY_ASSIGN(const Organization target, WritableCell(repos, actor, input.target, "organization_id"));
        if (target.id == source->id)
            return MakeError(ErrorCode::kInvalidArgument, "Đảng viên đang sinh hoạt ở chi bộ này.", "organization_id");
        const auto history = repos.members().Memberships(id);
        if (!history.empty() && input.date < history.back().start_date)
            return MakeError(ErrorCode::kInvalidArgument,
                             "Ngày chuyển phải sau ngày bắt đầu sinh hoạt ở chi bộ hiện tại (" +
                                 history.back().start_date.ToVietnamese() + ").",
                             "date");
        const std::string reason = base::NormalizeSpaces(input.reason);
        repos.members().CloseMembership(id, input.date);
        repos.members().OpenMembership({MembershipId(), id, target.id, input.date, std::nullopt,
                                        reason.empty() ? "Chuyển sinh hoạt từ " + source->name : reason});
        for (const Position& p : repos.positions().ForMember(id)) {
            const auto org = repos.organizations().Get(p.organization);
            if (org && InSubtree(org->path, source->path) && (!p.term_end || *p.term_end > input.date))
                repos.positions().SetTermEnd(p.id, input.date);
        }
        Member m = *before;
        m.organization = target.id;
        m.party_group.reset();
        repos.members().Update(m);
        Snapshot after = Describe(m);
        after.emplace_back("transfer_date", input.date.ToIso());
        after.emplace_back("reason", reason);
        RecordAudit(repos, clock_, actor, "member.transfer", "member", id.value, &*source, Describe(*before), after);
        RecordAudit(repos, clock_, actor, "member.transfer_in", "member", id.value, &target, std::nullopt, after);
        return Detail(repos, actor, m, clock_.Today());
    });
}

namespace {

// The member behind a letter's use case, visible and in a cell the actor writes.
Result<std::pair<Member, Organization>> WritableMember(Repositories& repos, const Actor& actor, MemberId id) {
    auto m = repos.members().Get(id);
    if (!m) return NotFound("đảng viên");
    auto cell = repos.organizations().Get(m->organization);
    if (!cell || !actor.CanReadMember(cell->path, id)) return NotFound("đảng viên");
    if (!actor.CanWrite(cell->path)) return Forbidden();
    return std::pair{*m, *cell};
}

// Cleans and checks a letter against the member's stay and their other letters.
Result<TransferLetter> PrepareLetter(Repositories& repos, const Member& m, TransferLetter l) {
    l.number = base::NormalizeSpaces(l.number);
    l.host = base::NormalizeSpaces(l.host);
    l.note = base::NormalizeSpaces(l.note);
    CHIBO_TRY(ValidateLetter(l));
    if (!OnRoll(m.status))
        return MakeError(ErrorCode::kConflict, "Đảng viên không còn trong danh sách sinh hoạt của chi bộ.", "status");
    if (m.status == MemberStatus::kTemporary)
        return MakeError(ErrorCode::kConflict,
                         "Đồng chí " + m.full_name +
                             " đang sinh hoạt tạm thời ở chi bộ này; giấy giới thiệu do chi bộ nơi đảng viên sinh hoạt "
                             "chính thức cấp.",
                         "status");
    const auto stays = repos.members().Memberships(m.id);
    if (!stays.empty() && l.from < stays.back().start_date)
        return MakeError(
            ErrorCode::kInvalidArgument,
            "Ngày bắt đầu không được trước ngày vào chi bộ (" + stays.back().start_date.ToVietnamese() + ").", "from");
    const std::vector<TransferLetter> letters = repos.members().Letters(m.id);
    if (const TransferLetter* other = OverlappingLetter(letters, l))
        return MakeError(ErrorCode::kConflict,
                         "Thời gian trùng với giấy giới thiệu số " + other->number + " (từ " +
                             other->from.ToVietnamese() + " đến " + other->to.ToVietnamese() + ").",
                         "from");
    return l;
}

TransferLetter LetterOf(const LetterInput& in) {
    TransferLetter l;
    l.number = in.number;
    l.host = in.host;
    l.from = in.from;
    l.to = in.to;
    l.note = in.note;
    return l;
}

}  // namespace

Result<LetterView> MemberService::CreateLetter(const Actor& actor, MemberId id, const LetterInput& input) {
    return WriteValue<LetterView>(store_, [&](Repositories& repos) -> Result<LetterView> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMember(repos, actor, id));
        const auto& [m, cell] = found;
        TransferLetter l = LetterOf(input);
        l.member = id;
        l.organization = cell.id;
        CHIBO_TRY_ASSIGN(l, PrepareLetter(repos, m, l));
        l = repos.members().InsertLetter(l);
        // Audited on the member: the statistics follow the member's roll stays.
        RecordAudit(repos, clock_, actor, "member.letter_create", "member", id.value, &cell, std::nullopt, Describe(l));
        return ViewOf(repos, l, clock_.Today());
    });
}

Result<LetterView> MemberService::UpdateLetter(const Actor& actor, MemberId id, TransferLetterId letter,
                                               const LetterInput& input) {
    return WriteValue<LetterView>(store_, [&](Repositories& repos) -> Result<LetterView> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMember(repos, actor, id));
        const auto& [m, cell] = found;
        const auto before = repos.members().GetLetter(letter);
        if (!before || before->member != id) return NotFound("giấy giới thiệu");
        TransferLetter l = LetterOf(input);
        l.id = before->id;
        l.member = id;
        l.organization = before->organization;
        CHIBO_TRY_ASSIGN(l, PrepareLetter(repos, m, l));
        repos.members().UpdateLetter(l);
        RecordAudit(repos, clock_, actor, "member.letter_update", "member", id.value, &cell, Describe(*before),
                    Describe(l));
        return ViewOf(repos, l, clock_.Today());
    });
}

Result<void> MemberService::DeleteLetter(const Actor& actor, MemberId id, TransferLetterId letter) {
    return store_.Write([&](Repositories& repos) -> Result<void> {
        CHIBO_TRY_ASSIGN(const auto found, WritableMember(repos, actor, id));
        const auto& cell = found.second;
        const auto before = repos.members().GetLetter(letter);
        if (!before || before->member != id) return NotFound("giấy giới thiệu");
        repos.members().DeleteLetter(letter);
        RecordAudit(repos, clock_, actor, "member.letter_delete", "member", id.value, &cell, Describe(*before),
                    std::nullopt);
        return {};
    });
}

}  // namespace chibo::app
