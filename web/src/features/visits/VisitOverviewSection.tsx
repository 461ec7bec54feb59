import { useState } from 'react';
import { Card, Grid, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LoadError } from '../../ui/LoadFailure';
import YearSelect from '../../ui/YearSelect';
import { useApi } from '../../lib/useApi';
import type { Organization, VisitOverview, VisitOverviewPerson } from '../../lib/types';
import { periodText, ratioText } from './visits';

// Done against expected, red while short of it.
function Against({ done, expected }: { done: number; expected: number }) {
  return <span className={done < expected ? 'visit-short' : undefined}>{ratioText(done, expected)}</span>;
}

function ReportCounts({ p }: { p: VisitOverviewPerson }) {
  return (
    <span className="visit-report-counts">
      <Tag color="green">Đúng hạn {p.reports_on_time}</Tag>
      {p.reports_late > 0 && <Tag color="orange">Muộn {p.reports_late}</Tag>}
      {p.reports_missing > 0 && <Tag color="red">Thiếu {p.reports_missing}</Tag>}
      {p.reports_pending > 0 && <Tag color="blue">Chờ {p.reports_pending}</Tag>}
    </span>
  );
}

const CellNames = ({ cells, testId }: { cells: { id: number; name: string }[]; testId: string }) =>
  cells.length === 0 ? (
    <Typography.Text type="secondary">Không có</Typography.Text>
  ) : (
    <ul className="plain-list" data-testid={testId}>
      {cells.map((c) => (
        <li key={c.id}>{c.name}</li>
      ))}
    </ul>
  );

// "Tình hình": per person, grassroots visits and cell meetings attended against the duty and the reports on time /
// late / missing; how the cells were covered; the petitions — over a year.
export default function VisitOverviewSection({ organization }: { organization: Organization }) {
  const narrow = !Grid.useBreakpoint().md;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { data, error } = useApi<VisitOverview>(`/organizations/${organization.id}/visit-overview`, { year });

  const columns: TableColumnsType<VisitOverviewPerson> = narrow
    ? [
        {
          title: 'Người được phân công',
          key: 'all',
          render: (_: unknown, p) => (
            <div className="visit-card">
              <b>{p.name}</b>
              <Typography.Text type="secondary">{p.role}</Typography.Text>
              <div>
                Đi cơ sở: <Against done={p.grassroots_visits} expected={p.grassroots_expected} /> · Dự sinh hoạt:{' '}
                <Against done={p.meetings_attended} expected={p.meetings_expected} />
              </div>
              <ReportCounts p={p} />
            </div>
          ),
        },
      ]
    : [
        {
          title: 'Họ và tên',
          key: 'name',
          render: (_: unknown, p) => (
            <div>
              <b>{p.name}</b>
              <div className="member-sub">{p.role}</div>
            </div>
          ),
        },
        {
          title: 'Đi cơ sở',
          key: 'grassroots',
          align: 'right',
          render: (_: unknown, p) => <Against done={p.grassroots_visits} expected={p.grassroots_expected} />,
        },
        {
          title: 'Dự sinh hoạt',
          key: 'meetings',
          align: 'right',
          render: (_: unknown, p) => <Against done={p.meetings_attended} expected={p.meetings_expected} />,
        },
        { title: 'Lượt trong kế hoạch', dataIndex: 'planned', key: 'planned', align: 'right' },
        { title: 'Báo cáo', key: 'reports', render: (_: unknown, p) => <ReportCounts p={p} /> },
      ];

  return (
    <div data-testid="visit-overview">
      <div className="toolbar">
        <YearSelect value={year} onChange={setYear} testId="overview-year" width={140} />
      </div>
      {error !== undefined ? (
        <LoadError error={error} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Paragraph type="secondary">Giai đoạn {periodText(data.from, data.to)}</Typography.Paragraph>
          <div className="counts section visit-totals" data-testid="overview-totals">
            <Statistic title="Lượt đi cơ sở" value={data.totals.grassroots_visits} data-testid="total-grassroots" />
            <Statistic title="Lượt dự sinh hoạt chi bộ" value={data.totals.meetings_attended} data-testid="total-meetings" />
            <Statistic title="Báo cáo đúng hạn" value={data.totals.reports_on_time} data-testid="total-on-time" />
            <Statistic title="Báo cáo muộn" value={data.totals.reports_late} data-testid="total-late" />
            <Statistic title="Chưa báo cáo" value={data.totals.reports_missing} data-testid="total-missing" />
            {data.totals.reports_pending > 0 && (
              <Statistic title="Đang chờ báo cáo" value={data.totals.reports_pending} data-testid="total-pending" />
            )}
          </div>

          <Typography.Title level={5}>Theo từng người</Typography.Title>
          <Table<VisitOverviewPerson>
            data-testid="overview-people"
            rowKey="attendant_id"
            size="small"
            className="section"
            columns={columns}
            dataSource={data.people}
            pagination={false}
            scroll={narrow ? undefined : { x: 'max-content' }}
            locale={{ emptyText: 'Chưa phân công ai' }}
          />

          <div className="visit-overview-cards">
            <Card size="small" title="Độ bao phủ chi bộ" data-testid="overview-coverage">
              <Typography.Paragraph data-testid="coverage-visited">
                Đã đến <b>{ratioText(data.coverage.visited, data.coverage.cells)}</b> chi bộ
              </Typography.Paragraph>
              <Typography.Text strong>Chưa được đến ({data.coverage.never_visited})</Typography.Text>
              <CellNames cells={data.coverage.never_visited_cells} testId="coverage-never" />
              <Typography.Text strong>Chỉ dự khi chi bộ đạt Tốt ({data.coverage.only_good})</Typography.Text>
              <CellNames cells={data.coverage.only_good_cells} testId="coverage-only-good" />
            </Card>
            <Card size="small" title="Kiến nghị" data-testid="overview-petitions">
              <div className="counts">
                <Statistic title="Chưa trả lời" value={data.petitions.open} />
                <Statistic title="Đã trả lời" value={data.petitions.answered} />
                <Statistic
                  title="Quá hạn"
                  value={data.petitions.overdue}
                  styles={{ content: data.petitions.overdue > 0 ? { color: '#cf1322' } : undefined }}
                />
              </div>
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
