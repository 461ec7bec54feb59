import { Alert, Button, Descriptions, Empty, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import DateInput from '../../ui/DateInput';
import { nameSearch } from '../../ui/nameSearch';
import RowActions from '../../ui/RowActions';
import SectionSaveBar from '../../ui/SectionSaveBar';
import { useSave } from '../../ui/useSave';
import { formatDate, parseIsoDate, toIsoDate } from '../../lib/dates';
import { incompleteTasks, newKey, type ConclusionDraft, type ReviewDraft, type TaskDraft } from './meetingDraft';
import {
  eligibleVoters,
  formatShare,
  isAdopted,
  TASK_OUTCOME_LABELS,
  targetsMetShare,
  tasksHeading,
  VOTE_SCOPE_LABELS,
  voteSentence,
} from './meetings';
import type { Attendance, Meeting, ResolutionTask, ReviewedTask, TaskOutcome, VoteScope } from '../../lib/types';

// "Cả chi bộ" in the assignee choice (member ids are positive).
const WHOLE_CELL = 0;

const OUTCOME_COLORS: Record<TaskOutcome, string> = {
  open: 'default',
  done: 'green',
  partly_done: 'gold',
  not_done: 'red',
};

const OUTCOME_OPTIONS = (['done', 'partly_done', 'not_done'] as TaskOutcome[]).map((value) => ({
  value,
  label: TASK_OUTCOME_LABELS[value],
}));

type VoteField = 'in_favour' | 'against' | 'abstaining';
type ConclusionField = 'conclusion' | 'resolution' | 'vote_scope' | VoteField;
const CONCLUSION_FIELDS: ConclusionField[] = [
  'conclusion',
  'resolution',
  'vote_scope',
  'in_favour',
  'against',
  'abstaining',
];

const VOTE_LABELS: Record<VoteField, string> = {
  in_favour: 'Tán thành',
  against: 'Không tán thành',
  abstaining: 'Không biểu quyết',
};

type TaskLineTask = Pick<ResolutionTask, 'assignee_name' | 'description' | 'deadline'> &
  Partial<Pick<ReviewedTask, 'source_kind' | 'source_date'>>;

function TaskLine({ task }: { task: TaskLineTask }) {
  return (
    <div>
      <div className="pre-line">{task.description}</div>
      <Typography.Text type="secondary">
        {task.assignee_name || 'Cả chi bộ'} · hạn {formatDate(task.deadline)}
      </Typography.Text>
      {task.source_kind === 'thematic' && task.source_date && (
        <div>
          <Tag color="purple" data-testid="task-source-thematic">
            Nghị quyết chuyên đề {formatDate(task.source_date)}
          </Tag>
        </div>
      )}
    </div>
  );
}

function ConclusionView({ meeting }: { meeting: Meeting }) {
  const r = meeting.record;
  return (
    <div data-testid="conclusion-view">
      <Typography.Title level={5}>Kiểm điểm nhiệm vụ tháng trước</Typography.Title>
      {meeting.review.length === 0 ? (
        <Typography.Paragraph type="secondary">Không có nhiệm vụ cần kiểm điểm.</Typography.Paragraph>
      ) : (
        <ol className="task-list">
          {meeting.review.map((t) => (
            <li key={t.id}>
              <TaskLine task={t} />
              <Tag color={OUTCOME_COLORS[t.outcome]}>{TASK_OUTCOME_LABELS[t.outcome]}</Tag>
              {t.result && <span className="pre-line">{t.result}</span>}
            </li>
          ))}
        </ol>
      )}
      {meeting.targets_met_share !== null && (
        <Typography.Paragraph>
          Tỷ lệ chỉ tiêu đạt: <b data-testid="targets-met">{formatShare(meeting.targets_met_share)}</b>
        </Typography.Paragraph>
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        className="section"
        items={[
          { key: 'conclusion', label: 'Kết luận', children: <span className="pre-line">{r.conclusion || '—'}</span> },
          { key: 'resolution', label: 'Nghị quyết', children: <span className="pre-line">{r.resolution || '—'}</span> },
          {
            key: 'vote',
            label: 'Biểu quyết',
            children: r.vote ? (
              <span data-testid="vote-sentence">
                {r.vote_sentence}{' '}
                {r.adopted !== null && (
                  <Tag color={r.adopted ? 'green' : 'red'}>{r.adopted ? 'Thông qua' : 'Không thông qua'}</Tag>
                )}
              </span>
            ) : (
              'Chưa biểu quyết'
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{tasksHeading(meeting)}</Typography.Title>
      {meeting.tasks.length === 0 ? (
        <Empty description="Chưa giao nhiệm vụ" />
      ) : (
        <ol className="task-list" data-testid="tasks-view">
          {meeting.tasks.map((t) => (
            <li key={t.id}>
              <TaskLine task={t} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

// "Kết luận & biểu quyết": last month's tasks reviewed, the conclusion and resolution, next month's tasks (who,
// what, by when) and the show-of-hands vote, read back as the resolution will print it.
export default function MeetingConclusion({
  meeting,
  draft,
  attendance,
  editable,
  onChange,
  onSave,
}: {
  meeting: Meeting;
  draft: ConclusionDraft;
  // The roll call as currently marked: the voters present and the members tasks go to.
  attendance: Attendance[];
  editable: boolean;
  onChange: (draft: ConclusionDraft) => void;
  onSave: () => Promise<void>;
}) {
  const saving = useSave<ConclusionField>({ fields: CONCLUSION_FIELDS });
  const { busy, error, setError, setFieldErrors, fieldStatus } = saving;

  if (!editable) return <ConclusionView meeting={meeting} />;

  const set = (patch: Partial<ConclusionDraft>) => onChange({ ...draft, ...patch });
  const clearError = (...fields: ConclusionField[]) => saving.clearFieldErrors(...fields);
  const setReview = (index: number, patch: Partial<ReviewDraft>) =>
    set({ review: draft.review.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const setTask = (key: number, patch: Partial<TaskDraft>) =>
    set({ tasks: draft.tasks.map((t) => (t.key === key ? { ...t, ...patch } : t)) });

  // Voters present as the roll is marked now (the saved count until a roll call exists).
  const eligible = attendance.length > 0 ? eligibleVoters(attendance, draft.vote_scope) : meeting.record.eligible;
  const { in_favour, against, abstaining } = draft.vote;
  const voted = in_favour !== null || against !== null || abstaining !== null;
  const total = (in_favour ?? 0) + (against ?? 0) + (abstaining ?? 0);
  const share = targetsMetShare(draft.review.map((r) => r.outcome));

  const names = new Map<number, string>();
  for (const t of meeting.tasks) if (t.assignee_id) names.set(t.assignee_id, t.assignee_name);
  for (const a of attendance) names.set(a.member_id, a.member_name);
  const assigneeOptions = [
    { value: WHOLE_CELL, label: 'Cả chi bộ' },
    ...[...names].map(([value, label]) => ({ value, label })),
  ];

  const save = async () => {
    const rows = incompleteTasks(draft.tasks);
    if (rows.length) {
      setError(`Nhiệm vụ số ${rows.join(', ')} còn thiếu nội dung hoặc thời hạn.`);
      return;
    }
    if (voted && total > eligible) {
      setFieldErrors({
        in_favour: `Tổng số biểu quyết (${total}) vượt quá số đảng viên được biểu quyết (${eligible}).`,
      });
      return;
    }
    await saving.run(onSave);
  };

  return (
    <Form layout="vertical" component="div" data-testid="conclusion-editor" className="meeting-form">
      {error && (
        <Alert type="error" showIcon role="alert" className="section" title={error} data-testid="conclusion-error" />
      )}

      <Typography.Title level={5}>Kiểm điểm nhiệm vụ tháng trước</Typography.Title>
      {draft.review.length === 0 ? (
        <Typography.Paragraph type="secondary">Không có nhiệm vụ cần kiểm điểm.</Typography.Paragraph>
      ) : (
        <div data-testid="review-editor">
          {draft.review.map((r, i) => (
            <div key={r.task.id} className="opinion-card" data-testid="review-row">
              <div className="opinion-head">
                <b>{i + 1}.</b>
                <div className="list-row-field">
                  <TaskLine task={r.task} />
                </div>
              </div>
              <div className="rule-form-pair review-pair">
                <Form.Item label="Kết quả">
                  <Select<TaskOutcome>
                    value={r.outcome === 'open' ? undefined : r.outcome}
                    options={OUTCOME_OPTIONS}
                    placeholder="Chưa đánh giá"
                    allowClear
                    aria-label={`Kết quả nhiệm vụ ${i + 1}`}
                    data-testid="review-outcome"
                    onChange={(v) => setReview(i, { outcome: v ?? 'open' })}
                  />
                </Form.Item>
                <Form.Item label="Kết quả cụ thể">
                  <Input.TextArea
                    value={r.result}
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    maxLength={1000}
                    aria-label={`Kết quả cụ thể nhiệm vụ ${i + 1}`}
                    onChange={(e) => setReview(i, { result: e.target.value })}
                  />
                </Form.Item>
              </div>
            </div>
          ))}
          <Typography.Paragraph>
            Tỷ lệ chỉ tiêu đạt: <b data-testid="targets-met">{share === null ? 'chưa đánh giá' : formatShare(share)}</b>
          </Typography.Paragraph>
        </div>
      )}

      <div id="field-conclusion">
        <Form.Item label="Kết luận của chủ trì" {...fieldStatus('conclusion')}>
          <Input.TextArea
            value={draft.conclusion}
            autoSize={{ minRows: 3, maxRows: 14 }}
            maxLength={8000}
            data-testid="conclusion-text"
            onChange={(e) => {
              set({ conclusion: e.target.value });
              clearError('conclusion');
            }}
          />
        </Form.Item>
      </div>
      <div id="field-resolution">
        <Form.Item label="Nghị quyết (nội dung)" {...fieldStatus('resolution')}>
          <Input.TextArea
            value={draft.resolution}
            autoSize={{ minRows: 3, maxRows: 14 }}
            maxLength={8000}
            data-testid="resolution-text"
            onChange={(e) => {
              set({ resolution: e.target.value });
              clearError('resolution');
            }}
          />
        </Form.Item>
      </div>

      <Typography.Title level={5}>{tasksHeading(meeting)}</Typography.Title>
      <div data-testid="tasks-editor">
        {draft.tasks.map((t, i) => (
          <div key={t.key} className="opinion-card" data-testid="task-row">
            <div className="opinion-head">
              <b>Nhiệm vụ {i + 1}</b>
              <RowActions
                noun="nhiệm vụ"
                index={i}
                count={draft.tasks.length}
                onRemove={() => set({ tasks: draft.tasks.filter((x) => x.key !== t.key) })}
              />
            </div>
            <Form.Item label="Nội dung">
              <Input.TextArea
                value={t.description}
                autoSize={{ minRows: 1, maxRows: 6 }}
                maxLength={1000}
                aria-label={`Nội dung nhiệm vụ ${i + 1}`}
                data-testid="task-description"
                onChange={(e) => setTask(t.key, { description: e.target.value })}
              />
            </Form.Item>
            <div className="rule-form-pair">
              <Form.Item label="Người thực hiện">
                <Select<number>
                  value={t.assignee_id ?? WHOLE_CELL}
                  options={assigneeOptions}
                  showSearch={nameSearch}
                  aria-label={`Người thực hiện nhiệm vụ ${i + 1}`}
                  data-testid="task-assignee"
                  onChange={(v) => setTask(t.key, { assignee_id: v === WHOLE_CELL ? null : v })}
                />
              </Form.Item>
              <Form.Item label="Thời hạn">
                <DateInput
                  value={parseIsoDate(t.deadline) ?? null}
                  aria-label={`Thời hạn nhiệm vụ ${i + 1}`}
                  disabledDate={(d: Dayjs) => (toIsoDate(d) ?? '') <= meeting.date}
                  onChange={(d) => setTask(t.key, { deadline: toIsoDate(d as Dayjs | null) })}
                />
              </Form.Item>
            </div>
          </div>
        ))}
        <Button
          type="dashed"
          block
          size="large"
          icon={<PlusOutlined />}
          className="section"
          data-testid="task-add"
          onClick={() =>
            set({ tasks: [...draft.tasks, { key: newKey(), assignee_id: null, description: '', deadline: null }] })
          }
        >
          Thêm nhiệm vụ
        </Button>
      </div>

      <Typography.Title level={5}>Biểu quyết</Typography.Title>
      <div id="field-vote_scope">
        <Form.Item label="Đối tượng biểu quyết" {...fieldStatus('vote_scope')}>
          <Select<VoteScope>
            value={draft.vote_scope}
            options={(Object.keys(VOTE_SCOPE_LABELS) as VoteScope[]).map((value) => ({
              value,
              label: VOTE_SCOPE_LABELS[value],
            }))}
            aria-label="Đối tượng biểu quyết"
            data-testid="vote-scope"
            onChange={(v) => {
              set({ vote_scope: v });
              clearError('vote_scope');
            }}
          />
        </Form.Item>
      </div>
      <div className="vote-grid" id="field-in_favour">
        {(['in_favour', 'against', 'abstaining'] as VoteField[]).map((f) => (
          <Form.Item key={f} label={VOTE_LABELS[f]} {...fieldStatus(f)}>
            <InputNumber<number>
              min={0}
              max={999}
              precision={0}
              size="large"
              inputMode="numeric"
              value={draft.vote[f]}
              style={{ width: '100%' }}
              aria-label={VOTE_LABELS[f]}
              data-testid={`vote-${f}`}
              onChange={(v) => {
                set({ vote: { ...draft.vote, [f]: typeof v === 'number' ? v : null } });
                clearError('in_favour', 'against', 'abstaining');
              }}
            />
          </Form.Item>
        ))}
      </div>
      <div className="vote-result" data-testid="vote-live">
        {voted ? (
          <>
            <span data-testid="vote-sentence">{voteSentence(in_favour ?? 0, eligible)}</span>{' '}
            <Tag color={isAdopted(in_favour ?? 0, eligible) ? 'green' : 'red'}>
              {isAdopted(in_favour ?? 0, eligible) ? 'Thông qua' : 'Không thông qua'}
            </Tag>
            {total > eligible && (
              <div>
                <Typography.Text type="danger">
                  Tổng số biểu quyết ({total}) vượt quá số đảng viên được biểu quyết ({eligible}).
                </Typography.Text>
              </div>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">Số đảng viên được biểu quyết có mặt: {eligible}</Typography.Text>
        )}
      </div>

      <SectionSaveBar busy={busy} testId="conclusion-save" onSave={save}>
        Lưu kết luận và biểu quyết
      </SectionSaveBar>
    </Form>
  );
}
