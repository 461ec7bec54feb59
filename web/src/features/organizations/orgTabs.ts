import type { ComponentType } from 'react';
import type { MemberSummary, Organization, User } from '../../lib/types';

// What the organisation page knows about the organisation, for deciding which tabs to offer.
export interface OrgTabFacts {
  organization: Organization;
  // The signed-in user, for tabs shown by role.
  user: User | null;
  // The person may write here, and the organisation is still active.
  canWrite: boolean;
  // A grassroots or subordinate cell; a party group (which meets and is recorded with its cell).
  cell: boolean;
  group: boolean;
  // Raised whenever the page changes the roll (a member added), so a tab listing members reloads.
  membersVersion: number;
  // A party group's members, read once by the page from its cell's roll (null while loading).
  groupMembers: { members: MemberSummary[] | null; error: unknown };
}

// What the organisation page hands to the open tab.
export interface OrgTabContext extends OrgTabFacts {
  // State the tab keeps while another tab is open (and from one organisation to the next): undefined at first.
  tabState: unknown;
  setTabState: (state: unknown) => void;
}

// One tab of the organisation page. A feature adds a tab by exporting an entry and listing it in ORG_TABS
// (./orgTabList.ts); the page knows nothing of what a tab shows.
export interface OrgTab {
  // In the address as `?tab=<key>`; the first tab of the list is the default and keeps the address bare.
  key: string;
  label: string;
  // Whether the tab is offered for this organisation (by its kind, or the user's roles); default: always.
  shown?: (facts: OrgTabFacts) => boolean;
  // Rendered while the tab is open; remounted when the organisation changes.
  Component: ComponentType<OrgTabContext>;
}
