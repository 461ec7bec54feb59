import { Alert, App, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import type { FormInstance } from 'antd';
import FormModal, { Cancelled } from '../../ui/FormModal';
import GradeLevelTag from './GradeLevelTag';
import { ApiError, api } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import {
  GENERAL_MAX,
  GRADE_TOTAL,
  GRADING_STEP_LABELS,
  gradeLevel,
  gradePrefill,
  gradeTotal,
  notExcellentBecause,
  TASK_MAX,
} from './grading';
import type { Grade, GradeInput, GradeRow, GradingRound, GradingStep } from '../../lib/types';

interface StepValues {
  general_points: number | null;
  task_points: number | null;
  exceeded_targets: boolean;
  disciplined: boolean;
  comment: string;
  reason: string;
}

const SOURCE_TEXT: Record<GradingStep | 'proposal', string> = {
  proposal: 'Điền sẵn theo đề xuất của hệ thống từ kết quả sinh hoạt trong kỳ; sửa nếu cần.',
  self: 'Điền sẵn theo bản tự đánh giá; sửa nếu cần.',
  collective: 'Điền sẵn theo ý kiến đánh giá của tập thể; sửa nếu cần.',
  decision: 'Điền sẵn theo quyết định trước; sửa nếu cần.',
};

// What a saved step says in the confirmation message: "tự đánh giá", "tập thể đánh giá", "quyết định".
const stepText = (step: GradingStep) => GRADING_STEP_LABELS[step].toLowerCase();

// The total and the level of the points as typed, with why 90 points are not "excellent" when they are not.
function LiveLevel({ form }: { form: FormInstance<StepValues> }) {
  const general = Form.useWatch('general_points', form);
  const tasks = Form.useWatch('task_points', form);
  const exceeded = Form.useWatch('exceeded_targets', form) ?? false;
  const disciplined = Form.useWatch('disciplined', form) ?? false;
  const total = gradeTotal(general, tasks);
  const why = notExcellentBecause(total, exceeded, disciplined);
  return (
    <div className="grade-live" aria-live="polite" data-testid="grade-live">
      <div>
        Tổng điểm:{' '}
        <b className="grade-live-total" data-testid="grade-live-total">
          {total}
        </b>{' '}
        / {GRADE_TOTAL}
      </div>
      <div>
        Xếp loại: <GradeLevelTag level={gradeLevel(total, exceeded, disciplined)} testId="grade-live-level" />
      </div>
      {why && (
        <div className="grade-live-note" data-testid="grade-live-note">
          {why}
        </div>
      )}
    </div>
  );
}

// Records one step of a subject's grading (self-assessment, the collective's review or the decision), prefilled
// from the step before it (or the proposal). Recording a step again is a correction and needs a reason. A decision
// that leaves the grassroots organisation over its quota of "excellent" is confirmed before it is sent again.
export default function GradeStepForm({
  round,
  row,
  step,
  onClose,
  onSaved,
}: {
  round: GradingRound;
  row: GradeRow;
  step: GradingStep;
  onClose: () => void;
  onSaved: (grade: Grade) => void;
}) {
  const { message, modal } = App.useApp();
  const prefill = gradePrefill(row, step);
  const earlier = row[step];
  const correction = earlier !== null;
  const label = GRADING_STEP_LABELS[step];

  return (
    <FormModal<StepValues>
      title={
        <span>
          {label}: {row.name}
        </span>
      }
      open
      onClose={onClose}
      okText={correction ? 'Lưu điều chỉnh' : step === 'decision' ? 'Lưu quyết định' : 'Lưu'}
      testId="grade-form"
      initialValues={{
        general_points: prefill.general_points,
        task_points: prefill.task_points,
        exceeded_targets: prefill.exceeded_targets,
        disciplined: prefill.disciplined,
        comment: '',
        reason: '',
      }}
      onSubmit={async (values) => {
        const body: GradeInput = {
          subject: row.subject,
          subject_id: row.subject_id,
          step,
          general_points: values.general_points ?? 0,
          task_points: values.task_points ?? 0,
          exceeded_targets: values.exceeded_targets,
          disciplined: values.disciplined,
          comment: values.comment.trim(),
          ...(correction ? { reason: values.reason.trim() } : {}),
        };
        const path = `/grading-rounds/${round.id}/grades`;
        let saved: Grade;
        try {
          saved = await api.post<Grade>(path, body);
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 409 && e.field === 'acknowledge_quota')) throw e;
          const confirmed = await modal.confirm({
            title: 'Vượt tỷ lệ “Hoàn thành xuất sắc”',
            content: (
              // The server's message gives the figures and asks whether to decide anyway.
              <div data-testid="grade-quota-confirm">{e.message}</div>
            ),
            okText: 'Vẫn quyết định',
            cancelText: 'Xem lại',
            okButtonProps: { size: 'large' },
            cancelButtonProps: { size: 'large' },
          });
          if (!confirmed) throw new Cancelled();
          saved = await api.post<Grade>(path, { ...body, acknowledge_quota: true });
        }
        message.success(`Đã lưu ${stepText(step)}: ${saved.total} điểm, ${saved.level_label}`);
        onSaved(saved);
      }}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary" className="grade-form-source" data-testid="grade-form-source">
            {SOURCE_TEXT[prefill.source]}
            {prefill.source !== 'proposal' && ` Đề xuất của hệ thống: ${row.proposal.total} điểm.`}
          </Typography.Paragraph>
          {earlier && (
            <Alert
              type="warning"
              showIcon
              className="section"
              data-testid="grade-form-correction"
              title={`Đã có ${stepText(step)} ${earlier.total} điểm (${earlier.level_label}) lúc ${formatDateTime(earlier.recorded_at)}. Lưu lần này là điều chỉnh: cần ghi lý do (bản trước vẫn được giữ).`}
            />
          )}
          <div className="grade-points-pair">
            <Form.Item
              label={`Các tiêu chí chung (tối đa ${GENERAL_MAX})`}
              name="general_points"
              rules={[{ required: true, message: 'Vui lòng nhập điểm' }]}
            >
              <InputNumber<number>
                min={0}
                max={GENERAL_MAX}
                precision={0}
                inputMode="numeric"
                size="large"
                mode="spinner"
                className="grade-points-input"
                data-testid="grade-general"
              />
            </Form.Item>
            <Form.Item
              label={`Kết quả thực hiện nhiệm vụ (tối đa ${TASK_MAX})`}
              name="task_points"
              rules={[{ required: true, message: 'Vui lòng nhập điểm' }]}
            >
              <InputNumber<number>
                min={0}
                max={TASK_MAX}
                precision={0}
                inputMode="numeric"
                size="large"
                mode="spinner"
                className="grade-points-input"
                data-testid="grade-tasks"
              />
            </Form.Item>
          </div>
          <Form.Item name="exceeded_targets" valuePropName="checked" className="grade-check">
            <Checkbox data-testid="grade-exceeded">Vượt ≥ 30 % chỉ tiêu nhiệm vụ</Checkbox>
          </Form.Item>
          <Form.Item name="disciplined" valuePropName="checked" className="grade-check">
            <Checkbox data-testid="grade-disciplined">Bị kỷ luật trong kỳ</Checkbox>
          </Form.Item>
          <LiveLevel form={form} />
          <Form.Item label="Nhận xét" name="comment">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} data-testid="grade-comment" />
          </Form.Item>
          {correction && (
            <Form.Item
              label="Lý do điều chỉnh"
              name="reason"
              rules={[{ required: true, whitespace: true, message: 'Điều chỉnh cần ghi lý do.' }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={500}
                placeholder="Ví dụ: Điều chỉnh theo kết luận của cấp ủy"
                data-testid="grade-reason"
              />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}
