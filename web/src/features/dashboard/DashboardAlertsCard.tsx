import { useEffect, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { Card, Grid, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { api } from '../../lib/api';
import { formatCount, monthLabel, type Period, quarterLabel } from './dashboard';
import type { DashboardAlerts, DashboardFlagged, DashboardMissed } from '../../lib/types';
import AbsentIn from '../../ui/AbsentIn';
import { LoadError } from '../../ui/LoadFailure';

const PAGE_SIZE = 20;

type Loaded = { page: number; data: DashboardAlerts } | { page: number; error: unknown };

// GET …/dashboard/alerts pages both lists alike; each list here has its own pager, so a page is fetched for each
// (once when both show the same page).
function useAlertPages(organizationId: number, period: Period, missedPage: number, flaggedPage: number) {
  const [pages, setPages] = useState<Loaded[]>([]);
  useEffect(() => {
    let cancelled = false;
    const wanted = [...new Set([missedPage, flaggedPage])];
    Promise.all(
      wanted.map((page) =>
        api
          .get<DashboardAlerts>(`/organizations/${organizationId}/dashboard/alerts`, {
            from: period.from,
            to: period.to,
            page,
            page_size: PAGE_SIZE,
          })
          .then((data): Loaded => ({ page, data }))
          .catch((error: unknown): Loaded => ({ page, error })),
      ),
    ).then((loaded) => !cancelled && setPages(loaded));
    return () => {
      cancelled = true;
    };
  }, [organizationId, period.from, period.to, missedPage, flaggedPage]);
  const find = (page: number) => pages.find((p) => p.page === page);
  return { missed: find(missedPage), flagged: find(flaggedPage) };
}

// D3: the cells that missed a month or a quarter due in the period, and the members absent without reason 3 times or
// more in the year of the period's end, in tree order. Each cell leads to its calendar, each member to their page.
export default function DashboardAlertsCard({ organizationId, period }: { organizationId: number; period: Period }) {
  const narrow = !Grid.useBreakpoint().md;
  const [missedPage, setMissedPage] = useState(1);
  const [flaggedPage, setFlaggedPage] = useState(1);
  const { missed, flagged } = useAlertPages(organizationId, period, missedPage, flaggedPage);
  const year = period.to.slice(0, 4);
  const missedData = missed && 'data' in missed ? missed.data : undefined;
  const flaggedData = flagged && 'data' in flagged ? flagged.data : undefined;
  const failed = [missed, flagged].find((p) => p !== undefined && 'error' in p);
  const error: unknown = failed && 'error' in failed ? failed.error : undefined;

  const months = (m: DashboardMissed) => (
    <>
      {m.regular_months.length > 0 && (
        <div className="missed-line" data-testid="missed-regular">
          <span className="missed-kind">Thường kỳ:</span>
          {m.regular_months.map((month) => (
            <Tag key={month} color="red" data-month={month}>
              {monthLabel(month)}
            </Tag>
          ))}
        </div>
      )}
      {m.thematic_quarters.length > 0 && (
        <div className="missed-line" data-testid="missed-thematic">
          <span className="missed-kind">Chuyên đề:</span>
          {m.thematic_quarters.map((q) => (
            <Tag key={q} color="orange" data-quarter={q}>
              {quarterLabel(q)}
            </Tag>
          ))}
        </div>
      )}
    </>
  );
  const cellLink = (id: number, name: string) => (
    <Link to={`/organizations/${id}?tab=meetings`} data-testid="missed-cell">
      {name}
    </Link>
  );
  const missedColumns: TableColumnsType<DashboardMissed> = narrow
    ? [
        {
          key: 'all',
          title: 'Chi bộ và kỳ chưa sinh hoạt',
          render: (_: unknown, m) => (
            <div>
              <b>{cellLink(m.organization_id, m.organization_name)}</b>
              {months(m)}
            </div>
          ),
        },
      ]
    : [
        {
          key: 'cell',
          title: 'Chi bộ',
          render: (_: unknown, m) => cellLink(m.organization_id, m.organization_name),
        },
        { key: 'missed', title: 'Chưa sinh hoạt', render: (_: unknown, m) => months(m) },
      ];

  const memberLink = (f: DashboardFlagged) => (
    <Link to={`/members/${f.member_id}`} data-testid="flagged-member">
      {f.member_name}
    </Link>
  );
  const cellOf = (f: DashboardFlagged) => (
    <Link to={`/organizations/${f.organization_id}`} data-testid="flagged-cell">
      {f.organization_name}
    </Link>
  );
  const count = (f: DashboardFlagged) => (
    <>
      <Tag color="red" className="nowrap" data-testid="flagged-count">
        {f.unexcused} lần
      </Tag>
      <AbsentIn where={f.absent_in} testId="flagged-absent-in" />
    </>
  );
  const flaggedColumns: TableColumnsType<DashboardFlagged> = narrow
    ? [
        {
          key: 'all',
          title: 'Đảng viên',
          render: (_: unknown, f) => (
            <div>
              <b>{memberLink(f)}</b> {count(f)}
              <div>{cellOf(f)}</div>
            </div>
          ),
        },
      ]
    : [
        { key: 'member', title: 'Họ và tên', render: (_: unknown, f) => memberLink(f) },
        { key: 'cell', title: 'Chi bộ', render: (_: unknown, f) => cellOf(f) },
        { key: 'count', title: `Số lần vắng không lý do (năm ${year})`, render: (_: unknown, f) => count(f) },
      ];

  const pager = (page: number, total: number | undefined, onPage: (p: number) => void) => ({
    current: page,
    pageSize: PAGE_SIZE,
    total: total ?? 0,
    hideOnSinglePage: true,
    showSizeChanger: false,
    onChange: onPage,
  });

  return (
    <Card
      id="dashboard-alerts"
      title={
        <span>
          <WarningOutlined /> Cảnh báo trong kỳ
        </span>
      }
      size="small"
      className="section dashboard-section"
      data-testid="dashboard-alerts"
    >
      {error !== undefined && <LoadError error={error} className="section" />}
      <Typography.Title level={5} className="dashboard-subtitle" data-testid="missed-title">
        Chi bộ chưa sinh hoạt đủ{missedData ? ` (${formatCount(missedData.missed_total)})` : ''}
      </Typography.Title>
      <Table<DashboardMissed>
        data-testid="missed-table"
        rowKey="organization_id"
        size="small"
        columns={missedColumns}
        dataSource={missedData?.missed ?? []}
        loading={!missed}
        pagination={pager(missedPage, missedData?.missed_total, setMissedPage)}
        onRow={(m) => ({ 'data-org': m.organization_id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: 'Không có chi bộ nào thiếu sinh hoạt trong kỳ' }}
      />
      <Typography.Title level={5} className="dashboard-subtitle" id="dashboard-flagged" data-testid="flagged-title">
        Đảng viên vắng 3 lần không lý do trong năm {year}
        {flaggedData ? ` (${formatCount(flaggedData.flagged_total)})` : ''}
      </Typography.Title>
      <Table<DashboardFlagged>
        data-testid="flagged-table"
        rowKey={(f) => `${f.member_id}-${f.organization_id}`}
        size="small"
        columns={flaggedColumns}
        dataSource={flaggedData?.flagged ?? []}
        loading={!flagged}
        pagination={pager(flaggedPage, flaggedData?.flagged_total, setFlaggedPage)}
        onRow={(f) => ({ 'data-member': f.member_id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: `Không có đảng viên nào vắng 3 lần không lý do trong năm ${year}` }}
      />
    </Card>
  );
}
