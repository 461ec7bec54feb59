import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, Grid, Radio, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useApi } from '../../lib/useApi';
import { LoadError } from '../../ui/LoadFailure';
import YearSelect from '../../ui/YearSelect';
import type { Organization } from '../../lib/types';
import type { TopicCoverage } from '../../lib/api.gen';
import { TopicStateTag } from './TopicList';
import {
  coverageFigures,
  coverageFigureText,
  coverageReport,
  coverageRows,
  coverageValueText,
  type CoverageItem,
  quarterLabel,
  quarterOf,
  QUARTERS,
} from './topics';

function TopicCell({ item }: { item: CoverageItem }) {
  if (item.topic_id === null)
    return (
      <Typography.Text type="warning" data-testid="coverage-no-topic">
        Chưa có chuyên đề
      </Typography.Text>
    );
  return (
    <span className="coverage-topic">
      <Link to={`/topics/${item.topic_id}`} data-testid="coverage-topic">
        {item.topic_title}
      </Link>
      {item.topic_state && <TopicStateTag state={item.topic_state} />}
    </span>
  );
}

function MeetingCell({ item }: { item: CoverageItem }) {
  if (item.meeting_id === null) return <Typography.Text type="secondary">Chưa lập lịch</Typography.Text>;
  return (
    <Link to={`/meetings/${item.meeting_id}`} className="meeting-date" data-testid="coverage-meeting">
      {item.meeting_date ? formatDate(item.meeting_date) : 'Mở cuộc họp'}
    </Link>
  );
}

// `long`: said in words where no column header names it (a phone's card).
function HeldCell({ item, long }: { item: CoverageItem; long?: boolean }) {
  return item.held ? (
    <span className="coverage-held" data-testid="coverage-held">
      <CheckCircleFilled /> Đã sinh hoạt
    </span>
  ) : (
    <Typography.Text type="secondary">{long ? 'Chưa sinh hoạt' : 'Chưa'}</Typography.Text>
  );
}

function ResolutionCell({ item, long }: { item: CoverageItem; long?: boolean }) {
  return item.resolution_number ? (
    <span className="coverage-number" data-testid="coverage-resolution">
      {item.resolution_number}
    </span>
  ) : (
    <Typography.Text type="secondary">{long ? 'chưa có' : '—'}</Typography.Text>
  );
}

function ReportCell({ item, long }: { item: CoverageItem; long?: boolean }) {
  const report = coverageReport(item);
  if (!report) return long ? null : <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={report.color} data-testid="coverage-report">
      {report.label}
    </Tag>
  );
}

// "Sinh hoạt chuyên đề theo quý": for a committee, how its cells covered a quarter's thematic meeting — with a topic,
// held, resolved, reported on time — cell by cell, and the orientations its cells chose most. A table on a wide
// screen, one card per cell on a phone.
export default function TopicCoverageCard({ organization }: { organization: Organization }) {
  const narrow = !Grid.useBreakpoint().md;
  const [period, setPeriod] = useState(() => quarterOf());
  const { data, error, loading } = useApi<TopicCoverage>(`/organizations/${organization.id}/topic-coverage`, period);
  const rows = useMemo(() => coverageRows(data?.items ?? []), [data]);
  // Only readers of the members see the coverage: for anyone else there is no card at all.
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;

  const shown = data && data.year === period.year && data.quarter === period.quarter ? data : undefined;
  const columns: TableColumnsType<CoverageItem> = narrow
    ? [
        {
          title: 'Chi bộ',
          key: 'all',
          render: (_: unknown, item) => (
            <div className="coverage-card">
              <b className="coverage-cell-name">{item.organization_name}</b>
              <TopicCell item={item} />
              <div className="coverage-line">
                <span>
                  Ngày sinh hoạt: <MeetingCell item={item} />
                </span>
                <HeldCell item={item} long />
              </div>
              <div className="coverage-line">
                <span>
                  Nghị quyết: <ResolutionCell item={item} long />
                </span>
                <ReportCell item={item} long />
              </div>
            </div>
          ),
        },
      ]
    : [
        { title: 'Chi bộ', dataIndex: 'organization_name', key: 'name', width: 200 },
        { title: 'Chuyên đề', key: 'topic', render: (_: unknown, item) => <TopicCell item={item} /> },
        {
          title: 'Ngày sinh hoạt',
          key: 'date',
          className: 'nowrap',
          render: (_: unknown, item) => <MeetingCell item={item} />,
        },
        { title: 'Sinh hoạt', key: 'held', className: 'nowrap', render: (_: unknown, item) => <HeldCell item={item} /> },
        {
          title: 'Nghị quyết',
          key: 'resolution',
          className: 'nowrap',
          render: (_: unknown, item) => <ResolutionCell item={item} />,
        },
        {
          title: 'Báo cáo cấp trên',
          key: 'report',
          className: 'nowrap',
          render: (_: unknown, item) => <ReportCell item={item} />,
        },
      ];

  let chosen: ReactNode = null;
  if (shown)
    chosen =
      shown.orientations_chosen.length === 0 ? (
        <Typography.Paragraph type="secondary">Chưa có chi bộ nào chọn chuyên đề theo định hướng trong quý.</Typography.Paragraph>
      ) : (
        <ol className="coverage-chosen" data-testid="coverage-chosen">
          {shown.orientations_chosen.map((o) => (
            <li key={o.orientation_id} data-testid="coverage-chosen-item">
              <span className="coverage-chosen-title">{o.title}</span>
              <Tag color="blue" className="coverage-chosen-cells">
                {o.cells} chi bộ
              </Tag>
            </li>
          ))}
        </ol>
      );

  return (
    <Card
      size="small"
      className="section coverage"
      title="Sinh hoạt chuyên đề theo quý"
      data-testid="topic-coverage"
    >
      <div className={`coverage-toolbar${narrow ? ' coverage-toolbar-narrow' : ''}`}>
        <YearSelect value={period.year} onChange={(year) => setPeriod((p) => ({ ...p, year }))} testId="coverage-year" />
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="large"
          value={period.quarter}
          onChange={(e) => setPeriod((p) => ({ ...p, quarter: e.target.value as number }))}
          className="coverage-quarters"
          data-testid="coverage-quarter"
          aria-label="Quý"
        >
          {QUARTERS.map((q) => (
            <Radio.Button key={q} value={q}>
              Quý {q}
            </Radio.Button>
          ))}
        </Radio.Group>
      </div>

      {error !== undefined && <LoadError error={error} className="section" />}
      {shown && (
        <>
          <Typography.Paragraph type="secondary">
            {quarterLabel(shown.quarter, shown.year)}: {shown.cells_due} chi bộ phải sinh hoạt chuyên đề.
          </Typography.Paragraph>
          <div className="counts section" data-testid="coverage-summary">
            {coverageFigures(shown).map((f) => (
              <div
                key={f.key}
                className={`coverage-figure${f.warn ? ' coverage-figure-warn' : ''}`}
                aria-label={coverageFigureText(f)}
                data-testid={`coverage-figure-${f.key}`}
              >
                <div className="coverage-figure-label">{f.label}</div>
                <div className="coverage-figure-value">{coverageValueText(f)}</div>
              </div>
            ))}
          </div>
        </>
      )}
      <Table<CoverageItem>
        data-testid="coverage-table"
        className="section"
        rowKey="organization_id"
        size="small"
        columns={columns}
        dataSource={shown ? rows : []}
        loading={loading}
        pagination={false}
        scroll={narrow ? undefined : { x: 760 }}
        onRow={(item) => ({ 'data-testid': 'coverage-row', 'data-org': item.organization_id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: 'Không có chi bộ nào phải sinh hoạt chuyên đề trong quý' }}
      />
      {shown && (
        <>
          <Typography.Title level={5}>Chuyên đề được chọn nhiều nhất</Typography.Title>
          {chosen}
        </>
      )}
    </Card>
  );
}
