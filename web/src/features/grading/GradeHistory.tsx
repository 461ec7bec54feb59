import { Drawer, Empty, Grid, Skeleton, Tag, Typography } from 'antd';
import GradeLevelTag from './GradeLevelTag';
import { formatDateTime } from '../../lib/dates';
import { GRADE_TOTAL, GRADING_STEP_LABELS } from './grading';
import { useApi } from '../../lib/useApi';
import type { GradeRowWithHistory, GradingSubject } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

// Every record of one subject's grading, oldest first: each step, the corrections with their reasons, who and when.
export default function GradeHistory({
  roundId,
  subject,
  subjectId,
  name,
  onClose,
}: {
  roundId: number;
  subject: GradingSubject;
  subjectId: number;
  name: string;
  onClose: () => void;
}) {
  const narrow = !Grid.useBreakpoint().md;
  const { data, error, loading } = useApi<GradeRowWithHistory>(`/grading-rounds/${roundId}/grades/${subject}/${subjectId}`);
  const history = data?.history ?? [];

  return (
    <Drawer
      open
      title={`Lịch sử đánh giá: ${name}`}
      placement={narrow ? 'bottom' : 'right'}
      size={narrow ? '85vh' : 560}
      onClose={onClose}
      data-testid="grade-history"
      className="grade-history"
    >
      {error !== undefined ? (
        <LoadError error={error} />
      ) : !data && loading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : history.length === 0 ? (
        <Empty description="Chưa có bản đánh giá nào" />
      ) : (
        <ol className="plain-list grade-history-list">
          {history.map((g, i) => {
            const corrects = history.slice(0, i).some((earlier) => earlier.step === g.step);
            return (
              <li key={g.id} className="grade-history-row" data-testid="grade-history-row" data-step={g.step}>
                <div className="grade-history-head">
                  <b>{GRADING_STEP_LABELS[g.step] ?? g.step_label}</b>
                  {corrects && <Tag color="orange">Điều chỉnh</Tag>}
                </div>
                <div>
                  <b className="grade-history-total">{g.total}</b>/{GRADE_TOTAL} ({g.general_points} + {g.task_points}){' '}
                  <GradeLevelTag level={g.level} />
                </div>
                {(g.exceeded_targets || g.disciplined) && (
                  <div className="grade-history-flags">
                    {g.exceeded_targets && <Tag>Vượt ≥ 30 % chỉ tiêu</Tag>}
                    {g.disciplined && <Tag color="red">Bị kỷ luật trong kỳ</Tag>}
                  </div>
                )}
                {g.comment && <div className="pre-line">Nhận xét: {g.comment}</div>}
                {g.reason && <div className="pre-line grade-history-reason">Lý do điều chỉnh: {g.reason}</div>}
                <Typography.Text type="secondary">
                  {g.recorded_by} · {formatDateTime(g.recorded_at)}
                </Typography.Text>
              </li>
            );
          })}
        </ol>
      )}
    </Drawer>
  );
}
