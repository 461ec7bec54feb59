import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { Card, Grid, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useApi } from '../../lib/useApi';
import { LoadError } from '../../ui/LoadFailure';
import YearSelect from '../../ui/YearSelect';
import type { Organization } from '../../lib/types';
import type { TopicReview } from '../../lib/api.gen';
import {
  ASSESSMENT_COLORS,
  ASSESSMENT_LABELS,
  attendanceText,
  measuresText,
  preparerText,
  quarterLabel,
  reviewFigures,
  reviewPreparerRows,
  reviewRows,
  reviewTimeliness,
  type ReviewItem,
  type ReviewPreparer,
} from './topics';

function TopicLink({ item }: { item: ReviewItem }) {
  return (
    <Link to={`/topics/${item.topic_id}`} className="review-title" data-testid="review-topic">
      {item.title}
    </Link>
  );
}

// `long`: said in words where no column header names it (a phone's card).
function HeldCell({ item, long }: { item: ReviewItem; long?: boolean }) {
  if (!item.held) return <Typography.Text type="secondary">{long ? 'Chưa sinh hoạt' : 'Chưa'}</Typography.Text>;
  return (
    <span className="coverage-held" data-testid="review-held">
      <CheckCircleFilled /> {long ? 'Đã sinh hoạt' : 'Đã'}
      {item.meeting_date ? ` ${formatDate(item.meeting_date)}` : ''}
    </span>
  );
}

function TimelinessCell({ item }: { item: ReviewItem }) {
  const t = reviewTimeliness(item);
  if (!t) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={t.color} className="review-tag" data-testid="review-timeliness">
      {t.label}
    </Tag>
  );
}

function AssessmentCell({ item }: { item: ReviewItem }) {
  if (!item.assessment) return <Typography.Text type="secondary">Chưa đánh giá</Typography.Text>;
  return (
    <div className="review-assessment" data-testid="review-assessment">
      <Tag color={ASSESSMENT_COLORS[item.assessment]}>{ASSESSMENT_LABELS[item.assessment]}</Tag>
      {item.assessment_note && <div className="review-note">{item.assessment_note}</div>}
    </div>
  );
}

// "Tổng kết chuyên đề năm …": at year end, each topic of the cell (or of the committee's cells) with its preparer,
// whether and when it was held, who came and spoke, the measures done, and the commendation or lesson recorded; then
// the same summed per preparer, to commend the best party group. A table on a wide screen, cards on a phone.
export default function TopicReviewCard({ organization, showCell }: { organization: Organization; showCell?: boolean }) {
  const narrow = !Grid.useBreakpoint().md;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { data, error, loading } = useApi<TopicReview>(`/organizations/${organization.id}/topic-review`, { year });
  const shown = data && data.year === year ? data : undefined;
  const rows = useMemo(() => reviewRows(shown?.items ?? []), [shown]);
  const preparers = useMemo(() => reviewPreparerRows(shown?.preparers ?? []), [shown]);
  // A plain member reads no review: no card at all.
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;

  const cellColumn = showCell
    ? [{ title: 'Chi bộ', dataIndex: 'organization_name', key: 'cell', width: 130 } as const]
    : [];
  const columns: TableColumnsType<ReviewItem> = narrow
    ? [
        {
          title: 'Chuyên đề',
          key: 'all',
          render: (_: unknown, item) => (
            <div className="coverage-card">
              {showCell && <b className="coverage-cell-name">{item.organization_name}</b>}
              <span>
                <Typography.Text type="secondary">{quarterLabel(item.quarter)} · </Typography.Text>
                <TopicLink item={item} />
              </span>
              <span>Chuẩn bị: {preparerText(item.preparer)}</span>
              <div className="coverage-line">
                <HeldCell item={item} long />
                <TimelinessCell item={item} />
              </div>
              {item.held && (
                <div className="coverage-line">
                  <span>{attendanceText(item)}</span>
                  <span>Nhiệm vụ hoàn thành: {measuresText(item.measures_done, item.measures)}</span>
                </div>
              )}
              <AssessmentCell item={item} />
            </div>
          ),
        },
      ]
    : [
        ...cellColumn,
        { title: 'Quý', key: 'quarter', width: 52, render: (_: unknown, i) => i.quarter },
        {
          title: 'Chuyên đề, người chuẩn bị',
          key: 'title',
          render: (_: unknown, item) => (
            <div className="review-topic-cell">
              <TopicLink item={item} />
              <Typography.Text type="secondary" data-testid="review-preparer">
                {preparerText(item.preparer)}
              </Typography.Text>
            </div>
          ),
        },
        { title: 'Sinh hoạt', key: 'held', width: 140, render: (_: unknown, item) => <HeldCell item={item} /> },
        { title: 'Thời hạn', key: 'time', width: 110, render: (_: unknown, item) => <TimelinessCell item={item} /> },
        {
          title: 'Dự / phát biểu',
          key: 'speakers',
          width: 84,
          render: (_: unknown, i) => (i.held ? `${i.present} / ${i.speakers}` : '—'),
        },
        {
          title: 'Nhiệm vụ xong',
          key: 'measures',
          width: 84,
          render: (_: unknown, i) => measuresText(i.measures_done, i.measures),
        },
        { title: 'Đánh giá', key: 'assessment', width: 200, render: (_: unknown, item) => <AssessmentCell item={item} /> },
      ];

  const preparerColumns: TableColumnsType<ReviewPreparer> = narrow
    ? [
        {
          title: 'Người, tổ đảng chuẩn bị',
          key: 'all',
          render: (_: unknown, p) => (
            <div className="coverage-card">
              <b>{preparerText(p.preparer)}</b>
              {showCell && <Typography.Text type="secondary">{p.organization_name}</Typography.Text>}
              <div className="coverage-line">
                <span>Chuyên đề: {p.topics}</span>
                <span>Đã sinh hoạt: {p.held}</span>
                <span>Đúng hạn: {p.on_time}</span>
              </div>
              <div className="coverage-line">
                <span>Phát biểu: {p.speakers}</span>
                <span>Nhiệm vụ xong: {measuresText(p.measures_done, p.measures)}</span>
              </div>
              <div className="coverage-line">
                <span data-testid="review-commendations">Biểu dương: {p.commendations}</span>
                <span data-testid="review-lessons">Rút kinh nghiệm: {p.lessons}</span>
              </div>
            </div>
          ),
        },
      ]
    : [
        ...(showCell ? [{ title: 'Chi bộ', dataIndex: 'organization_name', key: 'cell', width: 160 } as const] : []),
        { title: 'Người, tổ đảng chuẩn bị', key: 'preparer', render: (_: unknown, p) => preparerText(p.preparer) },
        { title: 'Chuyên đề', dataIndex: 'topics', key: 'topics', align: 'right', width: 84 },
        { title: 'Đã sinh hoạt', dataIndex: 'held', key: 'held', align: 'right', width: 84 },
        { title: 'Đúng hạn', dataIndex: 'on_time', key: 'on_time', align: 'right', width: 84 },
        { title: 'Phát biểu', dataIndex: 'speakers', key: 'speakers', align: 'right', width: 84 },
        {
          title: 'Nhiệm vụ xong',
          key: 'measures',
          align: 'right',
          width: 84,
          render: (_: unknown, p) => measuresText(p.measures_done, p.measures),
        },
        {
          title: 'Biểu dương',
          key: 'commendations',
          align: 'right',
          width: 84,
          render: (_: unknown, p) => <span data-testid="review-commendations">{p.commendations}</span>,
        },
        {
          title: 'Rút kinh nghiệm',
          key: 'lessons',
          align: 'right',
          width: 96,
          render: (_: unknown, p) => <span data-testid="review-lessons">{p.lessons}</span>,
        },
      ];

  return (
    <Card size="small" className="section coverage" title={`Tổng kết chuyên đề năm ${year}`} data-testid="topic-review">
      <div className="coverage-toolbar">
        <YearSelect value={year} onChange={setYear} testId="review-year" />
      </div>
      {error !== undefined && <LoadError error={error} className="section" />}
      {shown && (
        <div className="counts section" data-testid="review-summary">
          {reviewFigures(rows).map((f) => (
            <div key={f.key} className="coverage-figure" data-testid={`review-figure-${f.key}`}>
              <div className="coverage-figure-label">{f.label}</div>
              <div className="coverage-figure-value">{f.value}</div>
            </div>
          ))}
        </div>
      )}
      <Table<ReviewItem>
        data-testid="review-table"
        className="section review-table"
        rowKey="topic_id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        tableLayout={narrow ? undefined : 'fixed'}
        scroll={narrow ? undefined : { x: showCell ? 1000 : 870 }}
        onRow={(item) => ({ 'data-testid': 'review-row', 'data-topic': item.topic_id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: `Chưa có chuyên đề nào trong kế hoạch năm ${year}` }}
      />
      <Typography.Title level={5}>Theo người, tổ đảng chuẩn bị</Typography.Title>
      <Table<ReviewPreparer>
        data-testid="review-preparers"
        className="review-table"
        rowKey={(p) => `${p.organization_id}:${p.preparer.kind}:${p.preparer.member_id ?? ''}:${p.preparer.party_group_id ?? ''}:${p.preparer.name}`}
        size="small"
        columns={preparerColumns}
        dataSource={preparers}
        loading={loading}
        pagination={false}
        tableLayout={narrow ? undefined : 'fixed'}
        scroll={narrow ? undefined : { x: showCell ? 900 : 770 }}
        onRow={(p) => ({ 'data-testid': 'review-preparer-row', 'data-org': p.organization_id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: 'Chưa phân công người, tổ đảng chuẩn bị chuyên đề nào' }}
      />
    </Card>
  );
}
