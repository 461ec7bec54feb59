import type { OrgTabContext } from '../organizations/orgTabs';
import CellTopicsTab from './CellTopicsTab';
import CommitteeTopicsTab from './CommitteeTopicsTab';

// A cell plans its thematic topics; a committee orients its cells and decides their proposals.
export default function TopicsTab(context: OrgTabContext) {
  return context.cell ? <CellTopicsTab {...context} /> : <CommitteeTopicsTab {...context} />;
}
