import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Empty, Grid, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useApi } from '../../lib/useApi';
import type { DeviatingMeeting, MeetingScore, ScorerRole, SubtreeScores } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';
import { defaultPeriod, detectKind, kindFits, type Period, type PeriodKind, periodTitle } from '../dashboard/dashboard';
import PeriodPicker from '../dashboard/PeriodPicker';
import { MEETING_KIND_LABELS } from '../meetings/meetings';
import type { OrgTabContext } from '../organizations/orgTabs';
import { DeviationTag, LevelTag, OverrideList } from './MeetingScoring';
import { SCORE_TOTAL, SCORER_ROLE_LABELS } from './scorecard';

// "Quý II/2026" → "quý II/2026", to follow other words.
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

// The period shown, kept while another tab is open.
interface PeriodState {
  kind: PeriodKind;
  period: Period;
}

// The overrides of one column of a deviating meeting, as the scoring screen words them.
function columnOverrides(item: DeviatingMeeting, role: ScorerRole) {
  return item.overrides
    .filter((o) => o.role === role)
    .map((o) => ({ label: o.label, computed: o.computed_points, points: o.points, reason: o.reason }));
}

// One column's latest scoring: the total, the level, how it stands against the record and why.
function ColumnScore({ item, role }: { item: DeviatingMeeting; role: ScorerRole }) {
  const score: MeetingScore | null = item[role];
  if (!score) return <Typography.Text type="secondary">Chưa chấm</Typography.Text>;
  const overrides = columnOverrides(item, role);
  return (
    <div className="scores-column" data-testid={`scores-${role}`}>
      <div>
        <b>{score.total}</b>/{SCORE_TOTAL} <LevelTag level={score.level} />
      </div>
      <DeviationTag deviation={score.deviation} overrides={overrides} testId={`scores-${role}-deviation`} />
      <OverrideList overrides={overrides} testId={`scores-${role}-overrides`} />
    </div>
  );
}

// "Chấm điểm" of an organisation: how the meetings of its subtree in a period were scored against their record —
// the meetings scored, those scored above and below what the minutes give the computed criteria, and each of those
// with its scores and the scorers' reasons beside them (issue 15). Readers of the subtree only.
export default function ScoresTab({ organization, tabState, setTabState }: OrgTabContext) {
  const narrow = !Grid.useBreakpoint().md;
  const saved = tabState as PeriodState | undefined;
  const [chosen, setChosen] = useState<PeriodState>(
    () => saved ?? { kind: detectKind(defaultPeriod()), period: defaultPeriod() },
  );
  const { period } = chosen;
  const kind = kindFits(chosen.kind, period) ? chosen.kind : detectKind(period);
  const choose = (next: PeriodState) => {
    setChosen(next);
    setTabState(next);
  };
  const { data, error, loading } = useApi<SubtreeScores>(`/organizations/${organization.id}/scores`, {
    from: period.from,
    to: period.to,
  });
  const current = data && data.from === period.from && data.to === period.to ? data : undefined;

  if (error instanceof ApiError && (error.status === 403 || error.status === 404))
    return <Alert type="info" showIcon title="Chỉ cấp ủy, chi ủy xem được kết quả chấm điểm sinh hoạt." />;

  const meetingCell = (m: DeviatingMeeting) => (
    <div>
      <Link to={`/meetings/${m.meeting_id}?tab=score`} data-testid="scores-meeting-link">
        {MEETING_KIND_LABELS[m.kind]} tháng {m.month}/{m.year}
      </Link>
      <div>{m.organization_name}</div>
      <Typography.Text type="secondary">Ngày họp {formatDate(m.date)}</Typography.Text>
    </div>
  );
  const columns: TableColumnsType<DeviatingMeeting> = narrow
    ? [
        {
          title: 'Cuộc họp',
          key: 'all',
          render: (_: unknown, m) => (
            <div className="scores-card">
              {meetingCell(m)}
              {(['cell', 'superior'] as ScorerRole[]).map((r) => (
                <div key={r} className="scores-card-column">
                  <b>{SCORER_ROLE_LABELS[r]}:</b> <ColumnScore item={m} role={r} />
                </div>
              ))}
            </div>
          ),
        },
      ]
    : [
        { title: 'Cuộc họp', key: 'meeting', width: 260, render: (_: unknown, m) => meetingCell(m) },
        ...(['cell', 'superior'] as ScorerRole[]).map((r) => ({
          title: SCORER_ROLE_LABELS[r],
          key: r,
          width: '38%',
          render: (_: unknown, m: DeviatingMeeting) => <ColumnScore item={m} role={r} />,
        })),
      ];

  return (
    <div data-testid="scores-tab">
      <PeriodPicker
        kind={kind}
        period={period}
        onKindChange={(k, p) => choose({ kind: k, period: p })}
        onChange={(p) => choose({ kind, period: p })}
      />
      <Typography.Title level={5} className="scores-title" data-testid="scores-period">
        Chấm điểm sinh hoạt {lowerFirst(periodTitle(period, kind))}
      </Typography.Title>
      {error !== undefined && <LoadError error={error} className="section" />}
      {!current && loading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : current ? (
        <>
          <div className="scores-summary section">
            <div data-testid="scores-scored">
              <b>{current.scored}</b> cuộc họp đã chấm điểm
            </div>
            <Alert
              type={current.above > 0 ? 'warning' : 'success'}
              showIcon
              data-testid="scores-above"
              title={`${current.above} cuộc họp chấm cao hơn số liệu biên bản`}
              description={
                current.above > 0
                  ? 'Điểm các tiêu chí tự tính (thời lượng, tỷ lệ dự họp, phát biểu…) được nâng lên so với biên bản, kèm lý do của người chấm.'
                  : undefined
              }
            />
            <div data-testid="scores-below">
              <b>{current.below}</b> cuộc họp chấm thấp hơn số liệu biên bản
            </div>
          </div>
          <Table<DeviatingMeeting>
            rowKey="meeting_id"
            size="small"
            className="scores-table"
            data-testid="scores-table"
            columns={columns}
            dataSource={current.items}
            pagination={current.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            showHeader={!narrow}
            locale={{ emptyText: <Empty description="Không có cuộc họp nào chấm lệch số liệu biên bản trong kỳ này" /> }}
          />
        </>
      ) : null}
    </div>
  );
}
