import { documentsTab } from '../documents/orgTab';
import { meetingsTab } from '../meetings/orgTab';
import { membersTab } from '../members/orgTab';
import { scoresTab } from '../scoring/orgTab';
import { topicsTab } from '../topics/orgTab';
import { cellVisitsTab, committeeVisitsTab } from '../visits/orgTab';
import type { OrgTab } from './orgTabs';

// The tabs of the organisation page, in order; the first is the default.
export const ORG_TABS: readonly OrgTab[] = [
  membersTab,
  documentsTab,
  meetingsTab,
  topicsTab,
  committeeVisitsTab,
  cellVisitsTab,
  scoresTab,
];
