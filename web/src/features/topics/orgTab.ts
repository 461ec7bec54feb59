import type { OrgTab } from '../organizations/orgTabs';
import TopicsTab from './TopicsTab';

// Thematic meetings (sinh hoạt chuyên đề): a cell's plan and drafts, a committee's orientations and decisions. Party
// groups prepare topics for their cell but have no plan of their own.
export const topicsTab: OrgTab = {
  key: 'topics',
  label: 'Chuyên đề',
  shown: ({ group }) => !group,
  Component: TopicsTab,
};
