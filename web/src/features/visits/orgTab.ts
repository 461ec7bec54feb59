import type { OrgTab } from '../organizations/orgTabs';
import CellVisitsTab from './CellVisitsTab';
import CommitteeVisitsTab from './CommitteeVisitsTab';

// Committee members and staff attending cells: a committee's attendants, plans, overview and petitions.
export const committeeVisitsTab: OrgTab = {
  key: 'visits',
  label: 'Dự sinh hoạt',
  shown: ({ cell, group }) => !cell && !group,
  Component: CommitteeVisitsTab,
};

// A cell sees who of its superiors will attend, and the answers to the petitions raised there.
export const cellVisitsTab: OrgTab = {
  key: 'superior-visits',
  label: 'Cấp trên dự sinh hoạt',
  shown: ({ cell }) => cell,
  Component: CellVisitsTab,
};
