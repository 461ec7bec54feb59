import type { OrgTab } from '../organizations/orgTabs';
import ScoresTab from './ScoresTab';

// How the subtree's meetings were scored against their record. Readers of the subtree (not plain members); party
// groups meet with their cell.
export const scoresTab: OrgTab = {
  key: 'scores',
  label: 'Chấm điểm sinh hoạt',
  shown: ({ group, user, organization }) =>
    !group &&
    !!user?.roles.some((r) => r.role !== 'member' && organization.path.some((p) => p.id === r.organization_id)),
  Component: ScoresTab,
};
