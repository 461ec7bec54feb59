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

Result<Organization> VisibleOrganization(Repositories& repos, const Actor& actor, OrganizationId id) {
    auto org = repos.organizations().Get(id);
    if (!org || !actor.CanSeeOrganization(org->path)) return NotFound("tổ chức đảng");
    return *org;
}

namespace {

Result<Organization> WritableOrganization(Repositories& repos, const Actor& actor, OrganizationId id) {
    CHIBO_TRY_ASSIGN(Organization org, VisibleOrganization(repos, actor, id));
    if (!actor.CanWrite(org.path)) return Forbidden();
    return org;
}

// Refuses `name` when a current organisation other than `self` already bears it under `parent`: two
// siblings of the same name cannot be told apart in pickers, lists and documents.
Result<void> CheckNameFree(Repositories& repos, const Organization& parent, std::string_view name,
                           std::optional<OrganizationId> self) {
    for (const Organization& sibling : repos.organizations().Children(parent.id, Dissolved::kExclude)) {
        if (sibling.id != self && SameName(sibling.name, name))
            return MakeError(ErrorCode::kConflict, "Đã có tổ chức cùng tên trực thuộc " + parent.name + ".", "name");
    }
    return {};
}

TreeNode BuildNode(Repositories& repos, const Organization& org, int depth, Dissolved dissolved) {
    TreeNode node;
    node.organization = org;
    node.member_count = repos.organizations().CountMembers(org.path).on_roll();
    node.has_children = repos.organizations().HasChildren(org.id, dissolved);
    if (depth > 0 && node.has_children) {
        for (const Organization& child : repos.organizations().Children(org.id, dissolved))
            node.children.push_back(BuildNode(repos, child, depth - 1, dissolved));
    }
    return node;
}

OrganizationDetail Detail(Repositories& repos, const Actor& actor, const Organization& org, base::Date today) {
    OrganizationDetail d;
    d.organization = org;
    for (OrganizationId id : PathIds(org.path)) {
        if (auto o = repos.organizations().Get(id)) d.path.push_back(*o);
    }
    d.counts = repos.organizations().CountMembers(org.path);
    d.away = repos.members().CountAway(org.path, today);
    d.leaders = repos.positions().ForOrganization(org.id, today);
    const auto children = repos.organizations().Children(org.id, domain::Dissolved::kExclude);
    d.children_count = static_cast<int>(children.size());
    for (const Organization& child : children) {
        if (child.kind != OrganizationKind::kPartyGroup) continue;
        PartyGroupSummary g;
        g.group = child;
        g.member_count = repos.organizations().CountMembers(child.path).on_roll();
        g.leader = std::nullopt;
        for (const Position& p : repos.positions().ForOrganization(child.id, today)) {
            if (p.kind == PositionKind::kGroupLeader) g.leader = p;
        }
        d.party_groups.push_back(g);
    }
    if (IsCell(org.kind) && !org.dissolved()) d.warnings = CheckCellComposition(d.counts, d.leaders);
    d.can_write = actor.CanWrite(org.path) && !org.dissolved();
    return d;
}

}  // namespace

Result<std::vector<TreeNode>> OrganizationService::Tree(const Actor& actor, std::optional<OrganizationId> root,
                                                        int depth, Dissolved dissolved) {
    if (depth < 0 || depth > kMaxTreeDepth)
        return MakeError(ErrorCode::kInvalidArgument, "Độ sâu phải từ 0 đến 10.", "depth");
    return ReadValue<std::vector<TreeNode>>(store_, [&](Repositories& repos) -> Result<std::vector<TreeNode>> {
        std::vector<TreeNode> roots;
        if (root) {
            CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, *root));
            // A plain member sees their cell but not its party groups' subtree.
            const int d = actor.CanReadMembers(org.path) ? depth : 0;
            roots.push_back(BuildNode(repos, org, d, dissolved));
            return roots;
        }
        for (const RoleGrant* g : actor.ScopeRoots()) {
            if (auto org = repos.organizations().Get(g->organization)) {
                const int d = g->role == Role::kMember ? 0 : depth;
                TreeNode node = BuildNode(repos, *org, d, dissolved);
                if (d == 0) node.has_children = node.has_children && actor.CanReadMembers(org->path);
                roots.push_back(std::move(node));
            }
        }
        return roots;
    });
}

Result<OrganizationDetail> OrganizationService::Get(const Actor& actor, OrganizationId id) {
    return ReadValue<OrganizationDetail>(store_, [&](Repositories& repos) -> Result<OrganizationDetail> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, id));
        return Detail(repos, actor, org, clock_.Today());
    });
}

Result<OrganizationDetail> OrganizationService::Create(const Actor& actor, const OrganizationInput& input) {
    if (!input.parent) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng chọn tổ chức cấp trên.", "parent_id");
    return WriteValue<OrganizationDetail>(store_, [&](Repositories& repos) -> Result<OrganizationDetail> {
        CHIBO_TRY_ASSIGN(const Organization parent, WritableOrganization(repos, actor, *input.parent));
        if (parent.dissolved())
            return MakeError(ErrorCode::kInvalidArgument, "Tổ chức cấp trên đã giải thể hoặc sáp nhập.", "parent_id");
        Organization org;
        org.parent = parent.id;
        org.name = base::NormalizeSpaces(input.name);
        org.kind = input.kind;
        org.category = input.category;
        org.address = base::NormalizeSpaces(input.address);
        org.valid_from = input.valid_from.value_or(clock_.Today());
        org.valid_to = input.valid_to;
        CHIBO_TRY(ValidateOrganization(org, &parent, clock_.Today()));
        if (!org.dissolved()) CHIBO_TRY(CheckNameFree(repos, parent, org.name, std::nullopt));
        org = repos.organizations().Insert(org);
        RecordAudit(repos, clock_, actor, "organization.create", "organization", org.id.value, &org, std::nullopt,
                    Describe(org));
        return Detail(repos, actor, org, clock_.Today());
    });
}

Result<OrganizationDetail> OrganizationService::Update(const Actor& actor, OrganizationId id,
                                                       const OrganizationInput& input) {
    return WriteValue<OrganizationDetail>(store_, [&](Repositories& repos) -> Result<OrganizationDetail> {
        CHIBO_TRY_ASSIGN(const Organization before, WritableOrganization(repos, actor, id));
        if (before.dissolved())
            return MakeError(ErrorCode::kConflict, "Tổ chức đã giải thể hoặc sáp nhập, không sửa được.");
        std::optional<Organization> parent;
        if (before.parent) parent = repos.organizations().Get(*before.parent);
        Organization org = before;
        org.name = base::NormalizeSpaces(input.name);
        org.kind = input.kind;
        org.category = input.category;
        org.address = base::NormalizeSpaces(input.address);
        if (input.valid_from) org.valid_from = *input.valid_from;
        org.valid_to = input.valid_to;
        CHIBO_TRY(ValidateOrganization(org, parent ? &*parent : nullptr, clock_.Today()));
        // Only a new name is checked, so that siblings who shared a name before the rule can still be edited.
        if (parent && !org.dissolved() && !SameName(org.name, before.name))
            CHIBO_TRY(CheckNameFree(repos, *parent, org.name, id));
        if (org.kind != before.kind) {
            for (const Organization& child : repos.organizations().Children(id, domain::Dissolved::kInclude)) {
                if (!AllowedUnder(child.kind, org.kind))
                    return MakeError(ErrorCode::kInvalidArgument,
                                     "Không đổi được loại tổ chức: " + child.name + " không thể trực thuộc loại mới.",
                                     "kind");
            }
            if (!IsCell(org.kind) && !repos.members().OnRollOf(id).empty())
                return MakeError(ErrorCode::kInvalidArgument,
                                 "Chi bộ đang có đảng viên nên không đổi được thành loại không phải chi bộ.", "kind");
        }
        if (org.valid_to && !repos.members().OnRollOf(id).empty())
            return MakeError(ErrorCode::kInvalidArgument,
                             "Chi bộ còn đảng viên; hãy chuyển sinh hoạt hoặc sáp nhập trước khi giải thể.",
                             "valid_to");
        repos.organizations().Update(org);
        RecordAudit(repos, clock_, actor, "organization.update", "organization", id.value, &org, Describe(before),
                    Describe(org));
        return Detail(repos, actor, org, clock_.Today());
    });
}

Result<OrganizationDetail> OrganizationService::Move(const Actor& actor, OrganizationId id, OrganizationId new_parent) {
    return WriteValue<OrganizationDetail>(store_, [&](Repositories& repos) -> Result<OrganizationDetail> {
        CHIBO_TRY_ASSIGN(const Organization before, WritableOrganization(repos, actor, id));
        if (!before.parent) return MakeError(ErrorCode::kInvalidArgument, "Không chuyển được tổ chức cấp cao nhất.");
        auto parent_or = VisibleOrganization(repos, actor, new_parent);
        if (!parent_or) return MakeError(ErrorCode::kNotFound, "Không tìm thấy tổ chức cấp trên mới.", "parent_id");
        const Organization& parent = *parent_or;
        if (!actor.CanWrite(parent.path)) return Forbidden();
        if (InSubtree(parent.path, before.path))
            return MakeError(ErrorCode::kInvalidArgument, "Không thể chuyển tổ chức vào chính nó hoặc cấp dưới của nó.",
                             "parent_id");
        if (parent.dissolved())
            return MakeError(ErrorCode::kInvalidArgument, "Tổ chức cấp trên mới đã giải thể hoặc sáp nhập.",
                             "parent_id");
        if (!AllowedUnder(before.kind, parent.kind))
            return MakeError(ErrorCode::kInvalidArgument,
                             std::string(Label(before.kind)) + " không thể trực thuộc " + parent.name + ".",
                             "parent_id");
        if (!before.dissolved()) CHIBO_TRY(CheckNameFree(repos, parent, before.name, id));
        if (before.kind == OrganizationKind::kPartyGroup && before.parent) {
            // Members stay on their cell's roll; a group moving to another cell leaves them groupless.
            for (Member m : repos.members().OnRollOf(*before.parent)) {
                if (m.party_group != id) continue;
                m.party_group.reset();
                repos.members().Update(m);
            }
        }
        repos.organizations().Move(id, new_parent, clock_.Today());
        const Organization after = *repos.organizations().Get(id);
        RecordAudit(repos, clock_, actor, "organization.move", "organization", id.value, &after, Describe(before),
                    Describe(after));
        return Detail(repos, actor, after, clock_.Today());
    });
}

Result<OrganizationDetail> OrganizationService::Merge(const Actor& actor, OrganizationId id, OrganizationId into,
                                                      base::Date date) {
    if (id == into) return MakeError(ErrorCode::kInvalidArgument, "Không thể sáp nhập chi bộ vào chính nó.", "into_id");
    if (date > clock_.Today())
        return MakeError(ErrorCode::kInvalidArgument, "Ngày sáp nhập không được ở tương lai.", "date");
    return WriteValue<OrganizationDetail>(store_, [&](Repositories& repos) -> Result<OrganizationDetail> {
        CHIBO_TRY_ASSIGN(const Organization source, WritableOrganization(repos, actor, id));
        auto target_or = VisibleOrganization(repos, actor, into);
        if (!target_or) return MakeError(ErrorCode::kNotFound, "Không tìm thấy chi bộ tiếp nhận.", "into_id");
        Organization target = *target_or;
        if (!actor.CanWrite(target.path)) return Forbidden();
        if (!IsCell(source.kind) || !IsCell(target.kind))
            return MakeError(ErrorCode::kInvalidArgument, "Chỉ sáp nhập được chi bộ vào chi bộ.", "into_id");
        if (source.dissolved() || target.dissolved())
            return MakeError(ErrorCode::kConflict, "Chi bộ đã giải thể hoặc sáp nhập trước đó.", "into_id");
        if (date < source.valid_from || date < target.valid_from)
            return MakeError(ErrorCode::kInvalidArgument, "Ngày sáp nhập phải sau ngày thành lập của hai chi bộ.",
                             "date");

        // Nobody's stay in the merged cell may begin after the merge.
        const std::vector<Member> roll = repos.members().OnRollOf(id);
        for (const Member& m : roll) {
            const auto stays = repos.members().Memberships(m.id);
            if (!stays.empty() && date < stays.back().start_date)
                return MakeError(ErrorCode::kInvalidArgument,
                                 "Ngày sáp nhập trước ngày đồng chí " + m.full_name + " bắt đầu sinh hoạt ở " +
                                     source.name + " (" + stays.back().start_date.ToVietnamese() + ").",
                                 "date");
        }
        int moved = 0;
        for (Member m : roll) {
            repos.members().CloseMembership(m.id, date);
            repos.members().OpenMembership(
                {MembershipId(), m.id, target.id, date, std::nullopt, "Sáp nhập từ " + source.name});
            m.organization = target.id;
            repos.members().Update(m);
            ++moved;
        }
        for (const Organization& child : repos.organizations().Children(id, domain::Dissolved::kInclude)) {
            if (child.kind == OrganizationKind::kPartyGroup) repos.organizations().Move(child.id, target.id, date);
        }
        for (const Position& p : repos.positions().ForOrganization(id, clock_.Today())) {
            repos.positions().SetTermEnd(p.id, date);
        }
        Organization merged = source;
        merged.valid_to = date;
        merged.merged_into = target.id;
        repos.organizations().Update(merged);
        Snapshot after = Describe(merged);
        after.emplace_back("members_moved", std::to_string(moved));
        RecordAudit(repos, clock_, actor, "organization.merge", "organization", id.value, &merged, Describe(source),
                    after);
        RecordAudit(repos, clock_, actor, "organization.merge_into", "organization", target.id.value, &target,
                    std::nullopt,
                    Snapshot{{"merged_from_id", std::to_string(id.value)}, {"members_moved", std::to_string(moved)}});
        return Detail(repos, actor, target, clock_.Today());
    });
}

Result<std::vector<Position>> OrganizationService::Positions(const Actor& actor, OrganizationId id,
                                                             PositionTerms terms) {
    return ReadValue<std::vector<Position>>(store_, [&](Repositories& repos) -> Result<std::vector<Position>> {
        CHIBO_TRY_ASSIGN(const Organization org, VisibleOrganization(repos, actor, id));
        (void)org;
        const auto in_office_on =
            terms == PositionTerms::kEvery ? std::nullopt : std::optional<base::Date>(clock_.Today());
        return repos.positions().ForOrganization(id, in_office_on);
    });
}

Result<Position> OrganizationService::AddPosition(const Actor& actor, OrganizationId id, const PositionInput& input) {
    return WriteValue<Position>(store_, [&](Repositories& repos) -> Result<Position> {
        CHIBO_TRY_ASSIGN(const Organization org, WritableOrganization(repos, actor, id));
        if (org.dissolved()) return MakeError(ErrorCode::kConflict, "Tổ chức đã giải thể hoặc sáp nhập.");
        auto member = repos.members().Get(input.member);
        if (!member || !OnRoll(member->status))
            return MakeError(ErrorCode::kInvalidArgument, "Không tìm thấy đảng viên trong danh sách.", "member_id");
        const auto cell = repos.organizations().Get(member->organization);
        // The holder must be on the roll of this organisation's subtree (a group's leader is a member
        // of its cell, so compare with the cell for party groups).
        const std::string scope = org.kind == OrganizationKind::kPartyGroup && org.parent
                                      ? repos.organizations().Get(*org.parent)->path
                                      : org.path;
        if (!cell || !InSubtree(cell->path, scope))
            return MakeError(ErrorCode::kInvalidArgument, "Đảng viên không thuộc tổ chức này.", "member_id");
        Position p;
        p.organization = id;
        p.member = input.member;
        p.kind = input.kind;
        p.term_start = input.term_start;
        p.term_end = input.term_end;
        const auto active = repos.positions().ForOrganization(id, clock_.Today());
        const MemberCounts counts =
            org.kind == OrganizationKind::kPartyGroup ? MemberCounts{} : repos.organizations().CountMembers(org.path);
        CHIBO_TRY(ValidateNewPosition(p, org.kind, counts, active));
        p = repos.positions().Insert(p);
        RecordAudit(repos, clock_, actor, "position.create", "position", p.id.value, &org, std::nullopt, Describe(p));
        return p;
    });
}

Result<Position> OrganizationService::EndPosition(const Actor& actor, PositionId id, base::Date date) {
    return WriteValue<Position>(store_, [&](Repositories& repos) -> Result<Position> {
        auto before = repos.positions().Get(id);
        if (!before) return NotFound("chức vụ");
        CHIBO_TRY_ASSIGN(const Organization org, WritableOrganization(repos, actor, before->organization));
        if (date < before->term_start)
            return MakeError(ErrorCode::kInvalidArgument, "Ngày kết thúc phải sau ngày bắt đầu nhiệm kỳ.", "date");
        if (before->term_end && *before->term_end < clock_.Today())
            return MakeError(ErrorCode::kConflict, "Nhiệm kỳ này đã kết thúc.", "date");
        repos.positions().SetTermEnd(id, date);
        const Position after = *repos.positions().Get(id);
        RecordAudit(repos, clock_, actor, "position.end", "position", id.value, &org, Describe(*before),
                    Describe(after));
        return after;
    });
}

}  // namespace chibo::app
