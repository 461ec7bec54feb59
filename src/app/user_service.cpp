#include "app/user_service.hpp"

#include <algorithm>

#include "app/password.hpp"
#include "base/text.hpp"
#include "domain/audit_repository.hpp"
#include "domain/member_repository.hpp"
#include "domain/organization_repository.hpp"
#include "domain/store.hpp"
#include "domain/user_repository.hpp"

namespace chibo::app {

using base::ErrorCode;
using base::MakeError;
using base::Result;
using namespace chibo::domain;

namespace {

// The subtree an administrator manages (their first administrator grant that no other covers).
std::optional<std::string> AdminRoot(const Actor& actor) {
    for (const RoleGrant* g : actor.ScopeRoots())
        if (g->role == Role::kAdministrator) return g->organization_path;
    for (const RoleGrant& g : actor.roles)
        if (g.role == Role::kAdministrator) return g.organization_path;
    return std::nullopt;
}

Result<void> CheckNewUser(Repositories& repos, const NewUser& in) {
    const bool name_ok =
        in.username.size() >= 3 && in.username.size() <= 40 &&
        std::all_of(in.username.begin(), in.username.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        });
    if (!name_ok)
        return MakeError(ErrorCode::kInvalidArgument,
                         "Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.",
                         "username");
    if (repos.users().FindByUsername(in.username))
        return MakeError(ErrorCode::kConflict, "Tên đăng nhập này đã được dùng.", "username");
    if (base::Utf8Length(in.password) < 8)
        return MakeError(ErrorCode::kInvalidArgument, "Mật khẩu phải có ít nhất 8 ký tự.", "password");
    if (in.password.size() > 200) return MakeError(ErrorCode::kInvalidArgument, "Mật khẩu quá dài.", "password");
    const std::string display = base::NormalizeSpaces(in.display_name);
    if (display.empty()) return MakeError(ErrorCode::kInvalidArgument, "Vui lòng nhập tên hiển thị.", "display_name");
    if (base::Utf8Length(display) > 100)
        return MakeError(ErrorCode::kInvalidArgument, "Tên hiển thị dài quá 100 ký tự.", "display_name");
    return {};
}

User InsertUser(Repositories& repos, const NewUser& in) {
    User u;
    u.username = in.username;
    u.display_name = base::NormalizeSpaces(in.display_name);
    u.member = in.member;
    u.password_hash = HashPassword(in.password);
    return repos.users().Insert(u);
}

// The organisation of a role the actor may grant, or why not.
Result<Organization> GrantableOrganization(Repositories& repos, const Actor& actor, Role role,
                                           OrganizationId organization) {
    auto org = repos.organizations().Get(organization);
    if (!org || !actor.CanSeeOrganization(org->path))
        return MakeError(ErrorCode::kNotFound, "Không tìm thấy tổ chức đảng.", "organization_id");
    if (!actor.IsAdministratorOf(org->path)) return Forbidden();
    if ((role == Role::kSecretary || role == Role::kMember) && !IsCell(org->kind))
        return MakeError(ErrorCode::kInvalidArgument, "Vai trò này chỉ gán được trên một chi bộ.", "organization_id");
    return *org;
}

bool CanManage(const Actor& actor, const User& user) {
    // A user without roles is manageable by any administrator (they were just created); otherwise
    // one of their roles must lie in the actor's administered subtree.
    if (user.roles.empty()) return actor.IsAnyAdministrator();
    return std::any_of(user.roles.begin(), user.roles.end(),
                       [&](const RoleGrant& g) { return actor.IsAdministratorOf(g.organization_path); });
}

}  // namespace

Result<Page<User>> UserService::List(const Actor& actor, PageRequest page) {
    const auto root = AdminRoot(actor);
    if (!root) return Forbidden();
    return ReadValue<Page<User>>(store_, [&](Repositories& repos) -> Result<Page<User>> {
        const UserPage found = repos.users().ListInSubtree(*root, page.offset(), page.page_size);
        return Page<User>{found.items, found.total, page.page, page.page_size};
    });
}

Result<User> UserService::Create(const Actor& actor, const NewUser& input) {
    if (!actor.IsAnyAdministrator()) return Forbidden();
    return WriteValue<User>(store_, [&](Repositories& repos) -> Result<User> {
        CHIBO_TRY(CheckNewUser(repos, input));
        if (input.member) {
            auto m = repos.members().Get(*input.member);
            auto cell = m ? repos.organizations().Get(m->organization) : std::nullopt;
            if (!cell || !actor.IsAdministratorOf(cell->path))
                return MakeError(ErrorCode::kNotFound, "Không tìm thấy đảng viên.", "member_id");
        }
        if (input.role.has_value() != input.organization.has_value())
            return MakeError(ErrorCode::kInvalidArgument, "Vui lòng chọn cả vai trò và tổ chức.",
                             input.role ? "organization_id" : "role");
        std::optional<Organization> org;
        if (input.role) {
            CHIBO_TRY_ASSIGN(org, GrantableOrganization(repos, actor, *input.role, *input.organization));
        }
        User u = InsertUser(repos, input);
        if (input.role) {
            repos.users().AddRole(u.id, *input.role, *input.organization);
            u = *repos.users().Get(u.id);
        }
        RecordAudit(repos, clock_, actor, "user.create", "user", u.id.value, org ? &*org : nullptr, std::nullopt,
                    Describe(u));
        return u;
    });
}

Result<User> UserService::AddRole(const Actor& actor, UserId user_id, Role role, OrganizationId organization) {
    return WriteValue<User>(store_, [&](Repositories& repos) -> Result<User> {
        auto user = repos.users().Get(user_id);
        if (!user || !CanManage(actor, *user)) return NotFound("người dùng");
        CHIBO_TRY_ASSIGN(const Organization org, GrantableOrganization(repos, actor, role, organization));
        for (const RoleGrant& g : user->roles) {
            if (g.role == role && g.organization == organization)
                return MakeError(ErrorCode::kConflict, "Người dùng đã có vai trò này.", "role");
        }
        repos.users().AddRole(user_id, role, organization);
        const User after = *repos.users().Get(user_id);
        RecordAudit(repos, clock_, actor, "user.add_role", "user", user_id.value, &org, Describe(*user),
                    Describe(after));
        return after;
    });
}

Result<User> UserService::RemoveRole(const Actor& actor, UserId user_id, RoleGrantId grant) {
    return WriteValue<User>(store_, [&](Repositories& repos) -> Result<User> {
        auto user = repos.users().Get(user_id);
        if (!user || !CanManage(actor, *user)) return NotFound("người dùng");
        const auto it =
            std::find_if(user->roles.begin(), user->roles.end(), [&](const RoleGrant& g) { return g.id == grant; });
        if (it == user->roles.end()) return NotFound("vai trò");
        if (!actor.IsAdministratorOf(it->organization_path)) return Forbidden();
        if (user_id == actor.user && it->role == Role::kAdministrator)
            return MakeError(ErrorCode::kConflict, "Không thể tự gỡ quyền quản trị của chính mình.", "role");
        const auto org = repos.organizations().Get(it->organization);
        repos.users().RemoveRole(grant);
        const User after = *repos.users().Get(user_id);
        RecordAudit(repos, clock_, actor, "user.remove_role", "user", user_id.value, org ? &*org : nullptr,
                    Describe(*user), Describe(after));
        return after;
    });
}

Result<Page<AuditEntry>> UserService::Audit(const Actor& actor, const std::string& entity, std::int64_t entity_id,
                                            PageRequest page) {
    const auto root = AdminRoot(actor);
    if (!root) return Forbidden();
    return ReadValue<Page<AuditEntry>>(store_, [&](Repositories& repos) -> Result<Page<AuditEntry>> {
        AuditQuery q;
        q.subtree_path = *root;
        // Entries without an organisation (sign-ins, new accounts) are shown to administrators of a root.
        q.include_unscoped = PathIds(*root).size() == 1;
        q.entity = entity;
        q.entity_id = entity_id;
        q.offset = page.offset();
        q.limit = page.page_size;
        const AuditPage found = repos.audit().List(q);
        return Page<AuditEntry>{found.items, found.total, page.page, page.page_size};
    });
}

Result<User> UserService::CreateAsSystem(const NewUser& input, Role role, OrganizationId organization) {
    return WriteValue<User>(store_, [&](Repositories& repos) -> Result<User> {
        CHIBO_TRY(CheckNewUser(repos, input));
        auto org = repos.organizations().Get(organization);
        if (!org) return MakeError(ErrorCode::kNotFound, "Không tìm thấy tổ chức đảng.", "organization_id");
        const User u = InsertUser(repos, input);
        repos.users().AddRole(u.id, role, organization);
        const User after = *repos.users().Get(u.id);
        RecordAudit(repos, clock_, SystemActor(), "user.create", "user", u.id.value, &*org, std::nullopt,
                    Describe(after));
        return after;
    });
}

}  // namespace chibo::app
