import type { OrgTab, OrgTabContext } from '../organizations/orgTabs';
import GroupMembersTable from './GroupMembersTable';
import MembersTable from './MembersTable';

// The page of the roll shown, kept while another tab is open; another organisation starts at page 1 with the same
// page size.
interface Paging {
  organizationId: number;
  page: number;
  pageSize: number;
}

function MembersOrgTab({ organization, cell, group, membersVersion, groupMembers, tabState, setTabState }: OrgTabContext) {
  // A party group's members are recorded on its cell: the page reads them from the cell's roll.
  if (group) return <GroupMembersTable members={groupMembers.members} error={groupMembers.error} />;
  const saved = tabState as Paging | undefined;
  const page = saved?.organizationId === organization.id ? saved.page : 1;
  const pageSize = saved?.pageSize ?? 20;
  return (
    <MembersTable
      key={`${organization.id}-${membersVersion}`}
      testId="org-members-table"
      filters={{ organization_id: organization.id }}
      page={page}
      pageSize={pageSize}
      hideOrganization={cell}
      onPageChange={(p, s) => setTabState({ organizationId: organization.id, page: p, pageSize: s } satisfies Paging)}
    />
  );
}

// The members on the roll (for a party group: the members of its cell's roll in the group).
export const membersTab: OrgTab = {
  key: 'members',
  label: 'Đảng viên',
  Component: MembersOrgTab,
};
