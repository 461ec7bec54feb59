import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Breadcrumb, Card, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import GradeLevelTag from './GradeLevelTag';
import GradeRows from './GradeRows';
import { formatDate, formatDateTime } from '../../lib/dates';
import { GRADE_LEVELS, GRADING_SUBJECT_LABELS, quotaPercent, sharePercent } from './grading';
import { useApi } from '../../lib/useApi';
import type { GradingQuota, GradingRoundView, GradingSubject, GradingSummary } from '../../lib/types';
import LoadFailure from '../../ui/LoadFailure';

// One subject's figures from the latest decisions: the share "good or better" (what the statistics report), the
// count of each level and those not decided yet.
function SummaryBlock({ subject, summary }: { subject: GradingSubject; summary: GradingSummary }) {
  const decided = summary.total - summary.undecided;
  return (
    <section className="grading-summary-block" data-testid={`grading-summary-${subject}`}>
      <div className="grading-summary-title">
        {GRADING_SUBJECT_LABELS[subject]}: <b data-testid="grading-summary-total">{summary.total}</b>
      </div>
      <div className="grading-summary-share">
        <span>Tốt trở lên:</span>{' '}
        {summary.good_or_better_share === null ? (
          <Typography.Text type="secondary" data-testid="grading-summary-share">
            chưa có quyết định
          </Typography.Text>
        ) : (
          <>
            <b data-testid="grading-summary-share">{sharePercent(summary.good_or_better_share)}</b>
            <Typography.Text type="secondary"> trên {decided} đã quyết định</Typography.Text>
          </>
        )}
      </div>
      <ul className="plain-list grading-summary-levels">
        {GRADE_LEVELS.map((level) => (
          <li key={level} data-testid="grading-summary-level" data-level={level}>
            <GradeLevelTag level={level} /> <b>{summary[level]}</b>
          </li>
        ))}
        <li data-testid="grading-summary-level" data-level="undecided">
          <Tag>Chưa quyết định</Tag> <b>{summary.undecided}</b>
        </li>
      </ul>
    </section>
  );
}

function quotaStatus(q: GradingQuota) {
  return q.over ? (
    <Tag color="red" icon={<WarningOutlined />} data-testid="grading-quota-over">
      Vượt tỷ lệ
    </Tag>
  ) : (
    <Tag color="green">Trong tỷ lệ</Tag>
  );
}

// A committee's grading round: the period, the results so far and the quota of "excellent" per grassroots
// organisation, then the cells and the members with their proposals and steps.
export default function GradingRoundPage() {
  const { id } = useParams();
  const roundId = Number(id);
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const { data: round, error, reload } = useApi<GradingRoundView>(`/grading-rounds/${roundId}`);
  // The summary counts the cells the reader may grade: none for a plain member, who sees their own row only.
  const ownOnly = !!round && round.summary.cells.total === 0 && round.summary.members.total === 0;
  const requested = params.get('tab');
  const tab: GradingSubject = requested === 'member' || ownOnly ? 'member' : 'cell';

  if (error) {
    return (
      <LoadFailure
        error={error}
        what="đợt đánh giá"
        missingText="Đợt đánh giá không tồn tại hoặc nằm ngoài phạm vi của bạn."
        forbiddenIsMissing
        back={{ label: 'Về cây tổ chức', onClick: () => navigate('/organizations') }}
      />
    );
  }
  if (!round || round.id !== roundId) return <Skeleton active paragraph={{ rows: 8 }} />;

  const quotaColumns: TableColumnsType<GradingQuota> = narrow
    ? [
        {
          title: 'Tổ chức cơ sở đảng',
          key: 'all',
          render: (_: unknown, q) => (
            <div className="grading-quota-card">
              <div>
                <b>{q.organization_name}</b> · {GRADING_SUBJECT_LABELS[q.subject]}
              </div>
              <div>
                Xuất sắc <b>{q.excellent}</b> / tối đa <b>{q.allowed}</b> (tốt: {q.good}) {quotaStatus(q)}
              </div>
            </div>
          ),
        },
      ]
    : [
        { title: 'Tổ chức cơ sở đảng', dataIndex: 'organization_name', key: 'organization' },
        { title: 'Đối tượng', dataIndex: 'subject', key: 'subject', render: (s: GradingSubject) => GRADING_SUBJECT_LABELS[s] },
        { title: 'Hoàn thành tốt', dataIndex: 'good', key: 'good', align: 'center' },
        { title: 'Xuất sắc', dataIndex: 'excellent', key: 'excellent', align: 'center' },
        { title: 'Xuất sắc tối đa', dataIndex: 'allowed', key: 'allowed', align: 'center' },
        { title: '', key: 'status', render: (_: unknown, q) => quotaStatus(q) },
      ];

  return (
    <div>
      <Breadcrumb
        className="section"
        items={[
          { key: 'org', title: <Link to={`/organizations/${round.organization_id}`}>{round.organization_name}</Link> },
          { key: 'round', title: `Đánh giá, xếp loại ${round.period_label}` },
        ]}
      />
      <Typography.Title level={3} className="page-title" data-testid="grading-title">
        Đánh giá, xếp loại {round.period_label}
      </Typography.Title>
      <div className="grading-header section" data-testid="grading-header">
        <div>
          <Link to={`/organizations/${round.organization_id}`} data-testid="grading-organization">
            {round.organization_name}
          </Link>
        </div>
        <div>
          Kỳ đánh giá: {formatDate(round.period_from)} – {formatDate(round.period_to)}
        </div>
        <div data-testid="grading-quota">
          “Hoàn thành xuất sắc” tối đa <b>{quotaPercent(round.excellent_quota)}</b> số “Hoàn thành tốt” của mỗi tổ chức
          cơ sở đảng
        </div>
        <Typography.Text type="secondary">
          Mở bởi {round.created_by} · {formatDateTime(round.created_at)}
        </Typography.Text>
      </div>

      {!ownOnly && (
        <Card title="Kết quả xếp loại (theo quyết định)" size="small" className="section" data-testid="grading-summary">
          <div className="grading-summary">
            <SummaryBlock subject="cell" summary={round.summary.cells} />
            <SummaryBlock subject="member" summary={round.summary.members} />
          </div>
        </Card>
      )}

      {/* The quota is the committee's view of its whole subtree: others get no rows. */}
      {(round.quota.length > 0 || round.can_decide) && (
        <Card title="Tỷ lệ “Hoàn thành xuất sắc” theo tổ chức cơ sở đảng" size="small" className="section grading-quota-card-wrap">
          <Table<GradingQuota>
            data-testid="grading-quota-table"
            rowKey={(q) => `${q.organization_id}-${q.subject}`}
            size="small"
            columns={quotaColumns}
            dataSource={round.quota}
            pagination={false}
            showHeader={!narrow}
            rowClassName={(q) => (q.over ? 'grading-quota-row-over' : '')}
            scroll={narrow ? undefined : { x: 'max-content' }}
            locale={{ emptyText: 'Chưa có quyết định xếp loại nào' }}
          />
        </Card>
      )}

      <Card
        className="section grading-tabs"
        size="small"
        data-testid="grading-tabs"
        activeTabKey={tab}
        onTabChange={(key) =>
          setParams(
            (previous) => {
              const next = new URLSearchParams(previous);
              next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        tabList={[
          ...(ownOnly ? [] : [{ key: 'cell', label: <span data-testid="grading-tab-cell">Chi bộ</span> }]),
          { key: 'member', label: <span data-testid="grading-tab-member">Đảng viên</span> },
        ]}
      >
        <GradeRows key={`${round.id}-${tab}`} round={round} subject={tab} onChanged={reload} />
      </Card>
    </div>
  );
}
