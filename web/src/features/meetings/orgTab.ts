import type { OrgTab } from '../organizations/orgTabs';
import MeetingsTab from './MeetingsTab';

// The meeting rule and calendar. Party groups meet with their cell: no rule or calendar of their own.
export const meetingsTab: OrgTab = {
  key: 'meetings',
  label: 'Lịch sinh hoạt',
  shown: ({ group }) => !group,
  Component: MeetingsTab,
};
