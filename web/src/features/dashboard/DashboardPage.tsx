import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Breadcrumb, Button, Card, Grid, Result, Skeleton, Spin, Tag, Typography } from 'antd';
import { ApartmentOutlined, FileExcelOutlined, LineChartOutlined, PrinterOutlined } from '@ant-design/icons';
import { useAuth } from '../auth/auth';
import { ApiError, apiUrl } from '../../lib/api';
import {
  dashboardPath,
  defaultPeriod,
  detectKind,
  formatCount,
  kindFits,
  LEVEL_KEYS,
  LEVEL_LABELS,
  monthIndex,
  monthLabel,
  monthShort,
  type Period,
  periodError,
  type PeriodKind,
  periodTitle,
  trendUntil,
} from './dashboard';
import { levelsOption, trendOption } from './dashboardCharts';
import { isCell, kindLabel } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { Dashboard, Organization } from '../../lib/types';
import DashboardAlertsCard from './DashboardAlertsCard';
import DashboardCards, { type Target } from './DashboardCards';
import DashboardChildren from './DashboardChildren';
import EChart from './EChart';
import PeriodPicker from './PeriodPicker';
import { LoadError } from '../../ui/LoadFailure';

// A dashboard is printed across the page: the children's table is wide.
const PRINT_STYLE = '@media print { @page { size: A4 landscape; margin: 10mm; } }';

// The period in the address (?from=YYYY-MM&to=YYYY-MM), or this year when it names none.
function usePeriod(): [Period, boolean, (next: Period) => void] {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  // A month that is not one ("2026-13") is ignored: the page shows this year and says so in the address.
  const named = from !== null && to !== null && monthIndex(from) !== null && monthIndex(to) !== null;
  const period = useMemo(() => (named ? { from, to } : defaultPeriod()), [named, from, to]);
  const setPeriod = (next: Period) =>
    setParams((previous) => {
      const p = new URLSearchParams(previous);
      p.set('from', next.from);
      p.set('to', next.to);
      return p;
    });
  return [period, named, setPeriod];
}

// The dashboard of one organisation (D1–D3 of performance.md) for a period: figures as cards, the month-by-month
// trend and the quality levels as charts, the children's table, the alerts; exported as XLSX or printed.
export default function DashboardPage() {
  const { id } = useParams();
  const orgId = Number(id);
  const navigate = useNavigate();
  const { user } = useAuth();
  const narrow = !Grid.useBreakpoint().sm;
  const [period, named, setPeriod] = usePeriod();
  const [, setParams] = useSearchParams();
  const [chosenKind, setChosenKind] = useState<PeriodKind>(() => detectKind(period));
  const kind = kindFits(chosenKind, period) ? chosenKind : detectKind(period);
  const invalid = periodError(period);
  const org = useApi<Organization>(`/organizations/${orgId}`);
  const { data, error, loading } = useApi<Dashboard>(invalid ? null : `/organizations/${orgId}/dashboard`, {
    from: period.from,
    to: period.to,
  });

  // The address always names the period, so a copied link or a reload shows the same figures.
  useEffect(() => {
    if (!named)
      setParams(
        (previous) => {
          const p = new URLSearchParams(previous);
          p.set('from', period.from);
          p.set('to', period.to);
          return p;
        },
        { replace: true },
      );
  }, [named, period, setParams]);

  const shown = data && data.organization.id === orgId ? data : undefined;
  const current = shown && shown.from === period.from && shown.to === period.to;
  const trend = useMemo(() => (shown ? trendUntil(shown.trend) : []), [shown]);
  const trendChart = useMemo(() => trendOption(trend, { narrow }), [trend, narrow]);
  const levelsChart = useMemo(() => (shown ? levelsOption(shown.figures.levels) : null), [shown]);

  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    const forbidden = error.status === 403;
    return (
      <Result
        status={forbidden ? '403' : '404'}
        title={forbidden ? 'Không có quyền xem bảng số liệu' : 'Không tìm thấy tổ chức'}
        subTitle={
          forbidden
            ? 'Bảng số liệu dành cho cấp ủy, bí thư chi bộ và người quản trị.'
            : 'Tổ chức không tồn tại hoặc nằm ngoài phạm vi của bạn.'
        }
        extra={<Button onClick={() => navigate('/organizations')}>Về cây tổ chức</Button>}
      />
    );
  }

  const name = shown?.organization.name ?? (org.data?.id === orgId ? org.data.name : '');
  const cell = shown ? isCell(shown.organization.kind) : false;
  const hasChildren = (shown?.children.length ?? 0) > 0;
  const orgPage = `/organizations/${orgId}`;
  const targets: Record<'missed' | 'flagged' | 'meetings' | 'cells' | 'members', Target> = {
    missed: { section: 'dashboard-alerts', label: 'Xem chi bộ chưa sinh hoạt đủ' },
    flagged: { section: 'dashboard-flagged', label: 'Xem danh sách đảng viên' },
    meetings: hasChildren
      ? { section: 'dashboard-children', label: 'Xem từng đơn vị' }
      : { to: `${orgPage}?tab=meetings`, label: 'Xem lịch sinh hoạt' },
    cells: hasChildren
      ? { section: 'dashboard-children', label: 'Xem đơn vị trực thuộc' }
      : { to: orgPage, label: cell ? 'Xem chi bộ' : 'Xem tổ chức' },
    members: { to: orgPage, label: 'Xem danh sách đảng viên' },
  };
  const path = org.data?.id === orgId ? org.data.path : [];
  // Ancestors link to their dashboards only where the user reads them (a role other than member at or above them).
  const readFrom = path.findIndex((p) => user?.roles.some((r) => r.role !== 'member' && r.organization_id === p.id));
  const xlsx = apiUrl(`/organizations/${orgId}/dashboard.xlsx`, { from: period.from, to: period.to });
  const levelsText = shown
    ? LEVEL_KEYS.map((k) => `${LEVEL_LABELS[k]} ${shown.figures.levels[k]}`).join(', ')
    : '';

  return (
    <div
      className="dashboard-page"
      data-testid="dashboard"
      data-org={shown?.organization.id}
      data-from={shown?.from}
      data-to={shown?.to}
      data-loading={loading || !current ? 'true' : 'false'}
    >
      <style>{PRINT_STYLE}</style>
      {path.length > 1 && (
        <Breadcrumb
          className="section no-print"
          items={path.map((p, i) => ({
            key: p.id,
            title:
              i === path.length - 1 || readFrom < 0 || i < readFrom ? (
                p.name
              ) : (
                <Link to={dashboardPath(p.id, period)}>{p.name}</Link>
              ),
          }))}
        />
      )}
      <div className="dashboard-head">
        <div className="dashboard-heading">
          <Typography.Title level={3} className="page-title" data-testid="dashboard-title">
            <LineChartOutlined className="no-print" /> Bảng số liệu: <span data-testid="dashboard-org">{name}</span>
          </Typography.Title>
          <div className="dashboard-period" data-testid="dashboard-period">
            {periodTitle(period, kind)}
            {kind !== 'month' && kind !== 'range' && (
              <Typography.Text type="secondary">
                {' '}
                (từ {monthLabel(period.from)} đến {monthLabel(period.to)})
              </Typography.Text>
            )}
            {shown && (
              <Tag className="dashboard-kind" color="red">
                {kindLabel(shown.organization.kind)}
              </Tag>
            )}
            {shown?.organization.dissolved && <Tag>Đã ngừng hoạt động</Tag>}
          </div>
        </div>
        <div className="dashboard-actions no-print">
          <Button
            icon={<FileExcelOutlined />}
            href={xlsx}
            download
            data-testid="dashboard-xlsx"
            disabled={invalid !== null}
          >
            Xuất Excel
          </Button>
          <Button icon={<PrinterOutlined />} data-testid="dashboard-print" onClick={() => window.print()}>
            In
          </Button>
          <Button icon={<ApartmentOutlined />} data-testid="dashboard-org-page" onClick={() => navigate(orgPage)}>
            Trang tổ chức
          </Button>
        </div>
      </div>

      <Card size="small" className="section no-print">
        <PeriodPicker
          kind={kind}
          period={period}
          onKindChange={(k, next) => {
            setChosenKind(k);
            if (next.from !== period.from || next.to !== period.to) setPeriod(next);
          }}
          onChange={setPeriod}
        />
      </Card>

      {invalid && <Alert type="error" showIcon className="section" title={invalid} data-testid="dashboard-error" />}
      {error !== undefined && !invalid && (
        <LoadError error={error} className="section" testId="dashboard-error" />
      )}

      {!shown ? (
        !invalid && error === undefined && <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Spin spinning={!current} description="Đang tải số liệu…">
          <DashboardCards figures={shown.figures} year={shown.to.slice(0, 4)} cell={cell} targets={targets} />

          <div className="chart-grid">
            <Card size="small" title="Sinh hoạt theo tháng" className="dashboard-section" data-testid="trend-card">
              {trend.length === 0 ? (
                <Typography.Text type="secondary">Kỳ này chưa bắt đầu.</Typography.Text>
              ) : (
                <EChart
                  testId="trend-chart"
                  option={trendChart}
                  label={`Số buổi sinh hoạt đã họp và tỷ lệ đảng viên dự, từng tháng từ ${monthShort(trend[0].month)} đến ${monthShort(trend[trend.length - 1].month)}`}
                />
              )}
            </Card>
            <Card size="small" title="Chất lượng buổi sinh hoạt" className="dashboard-section" data-testid="levels-card">
              {levelsChart && (
                <EChart
                  testId="levels-chart"
                  option={levelsChart}
                  label={`Số buổi sinh hoạt theo xếp loại: ${levelsText}`}
                />
              )}
            </Card>
          </div>

          {hasChildren && (
            <Card
              id="dashboard-children"
              size="small"
              className="section dashboard-section"
              data-testid="children-card"
              title={
                <span>
                  <ApartmentOutlined /> Đơn vị trực thuộc ({formatCount(shown.children.length)})
                </span>
              }
            >
              <DashboardChildren items={shown.children} period={period} />
            </Card>
          )}
        </Spin>
      )}

      {!invalid && shown && (
        <DashboardAlertsCard key={`${orgId}-${period.from}-${period.to}`} organizationId={orgId} period={period} />
      )}
    </div>
  );
}
