import { Card, Empty, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LoadError } from '../../ui/LoadFailure';
import { todayIso } from '../../lib/dates';
import YearSelect from '../../ui/YearSelect';
import { VISIT_KIND_LABELS } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { PlannedVisit, PlannedVisitList } from '../../lib/types';
import type { OrgTabContext } from '../organizations/orgTabs';
import { VisitKindWhen, VisitStatusTag } from './PlanView';
import PetitionsSection from './Petitions';
import { splitAtMonth, visitMonthText, visitWhenText } from './visits';

// A cell's "Cấp trên dự sinh hoạt" tab: who of the superior committees will attend which month and why (their
// published plans), and the petitions raised at the cell with their answers.
export default function CellVisitsTab({ organization, tabState, setTabState }: OrgTabContext) {
  const narrow = !Grid.useBreakpoint().md;
  const year = (tabState as number | undefined) ?? new Date().getFullYear();
  const { data, error } = useApi<PlannedVisitList>(`/organizations/${organization.id}/visits`, { year });
  const { upcoming, past } = splitAtMonth(data?.items ?? [], todayIso());

  const columns: TableColumnsType<PlannedVisit> = narrow
    ? [
        {
          title: 'Lượt',
          key: 'all',
          render: (_: unknown, v) => (
            <div className="visit-card">
              <div className="visit-card-head">
                <b>{visitMonthText(v)}</b>
                <VisitStatusTag visit={v} />
              </div>
              <div className="visit-person">{v.attendant_name}</div>
              <div>
                <Tag color={v.kind === 'meeting' ? 'purple' : 'cyan'}>{VISIT_KIND_LABELS[v.kind]}</Tag> {visitWhenText(v)}
              </div>
              {v.reason && <div className="visit-reason">Vì sao: {v.reason}</div>}
            </div>
          ),
        },
      ]
    : [
        { title: 'Tháng', key: 'month', width: 110, render: (_: unknown, v) => visitMonthText(v) },
        { title: 'Người dự', dataIndex: 'attendant_name', key: 'who', width: 180 },
        { title: 'Việc, dự kiến', key: 'kind', width: 190, render: (_: unknown, v) => <VisitKindWhen visit={v} /> },
        { title: 'Vì sao', dataIndex: 'reason', key: 'reason', className: 'visit-reason' },
        { title: 'Tình trạng', key: 'status', width: 180, render: (_: unknown, v) => <VisitStatusTag visit={v} /> },
      ];

  return (
    <div data-testid="cell-visits-tab">
      <div className="toolbar">
        <YearSelect value={year} onChange={(y) => setTabState(y)} testId="cell-visits-year" width={140} ahead={1} />
      </div>
      <Typography.Title level={5}>Cấp trên dự sinh hoạt năm {year}</Typography.Title>
      {error !== undefined ? (
        <LoadError error={error} className="section" />
      ) : !data ? (
        <Skeleton active />
      ) : upcoming.length + past.length === 0 ? (
        <Card size="small" className="section">
          <Empty description="Chưa có kế hoạch cấp trên dự sinh hoạt chi bộ" />
        </Card>
      ) : (
        <div data-testid="cell-visits">
          {[
            { key: 'upcoming', title: 'Sắp tới', visits: upcoming },
            { key: 'past', title: 'Đã qua', visits: past },
          ]
            .filter((part) => part.visits.length > 0)
            .map((part) => (
              <section key={part.key} aria-label={part.title}>
                <Typography.Text strong>
                  {part.title} ({part.visits.length})
                </Typography.Text>
                <Table<PlannedVisit>
                  data-testid={`cell-visits-${part.key}`}
                  rowKey="id"
                  size="small"
                  className="section"
                  columns={columns}
                  dataSource={part.visits}
                  pagination={part.key === 'past' ? { pageSize: 10, hideOnSinglePage: true } : false}
                  tableLayout={narrow ? undefined : 'fixed'}
                  scroll={narrow ? undefined : { x: 900 }}
                />
              </section>
            ))}
        </div>
      )}
      <Typography.Title level={5}>Kiến nghị của chi bộ</Typography.Title>
      <PetitionsSection organization={organization} year={year} />
    </div>
  );
}
