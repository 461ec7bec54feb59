import { Tabs } from 'antd';
import { ApiError } from '../../lib/api';
import { useApi } from '../../lib/useApi';
import type { AttendantList } from '../../lib/types';
import type { OrgTabContext } from '../organizations/orgTabs';
import AttendantsSection from './Attendants';
import PetitionsSection from './Petitions';
import VisitOverviewSection from './VisitOverviewSection';
import VisitPlans from './VisitPlans';

type Section = 'plans' | 'attendants' | 'overview' | 'petitions';

// What the tab keeps while another tab is open: the section shown and the plan opened in it.
interface VisitsTabState {
  section: Section;
  plan: number | null;
}

// A committee's "Dự sinh hoạt" tab: who attends its cells, its plans, how the practice goes and the petitions raised
// at its cells. The plans and the overview are for the committee's writers; others see who attends and the petitions.
export default function CommitteeVisitsTab({ organization, canWrite, tabState, setTabState }: OrgTabContext) {
  const state: VisitsTabState = (tabState as VisitsTabState | undefined) ?? {
    section: canWrite ? 'plans' : 'attendants',
    plan: null,
  };
  const set = (patch: Partial<VisitsTabState>) => setTabState({ ...state, ...patch });
  const attendants = useApi<AttendantList>(`/organizations/${organization.id}/attendants`);
  const hidden = attendants.error instanceof ApiError && attendants.error.status === 403;

  const items = [
    ...(canWrite
      ? [
          {
            key: 'plans',
            label: 'Kế hoạch',
            children: (
              <VisitPlans
                organization={organization}
                canWrite={canWrite}
                attendants={attendants.data?.items ?? []}
                openPlan={state.plan}
                setOpenPlan={(plan) => set({ plan })}
              />
            ),
          },
        ]
      : []),
    ...(hidden
      ? []
      : [
          {
            key: 'attendants',
            label: 'Người được phân công',
            children: <AttendantsSection organization={organization} canWrite={canWrite} attendants={attendants} />,
          },
        ]),
    ...(canWrite
      ? [{ key: 'overview', label: 'Tình hình', children: <VisitOverviewSection organization={organization} /> }]
      : []),
    {
      key: 'petitions',
      label: 'Kiến nghị',
      children: <PetitionsSection organization={organization} showCell showFilter />,
    },
  ];
  const active = items.some((i) => i.key === state.section) ? state.section : items[0].key;

  return (
    <div data-testid="visits-tab">
      <Tabs
        activeKey={active}
        onChange={(key) => set({ section: key as Section })}
        items={items}
        destroyOnHidden
        data-testid="visits-sections"
      />
    </div>
  );
}
