import { Alert, Button, Checkbox, Form, Grid, Input, InputNumber, Radio, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import DateInput from '../../ui/DateInput';
import FormModal from '../../ui/FormModal';
import { api } from '../../lib/api';
import { isCell } from '../../lib/labels';
import { parseIsoDate, toIsoDate } from '../../lib/dates';
import {
  describeRule,
  DEFAULT_SOURCE,
  inheritedText,
  RULE_FIELD_LABELS,
  ruleSettings,
  SHIFT_CHOICES,
  type RuleSetting,
} from './meetings';
import type { DayShift, Organization, RuleOverride, RuleView } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

interface RuleValues {
  regular_day?: number | null;
  start_time?: string;
  thematic_months?: number[];
  min_minutes?: number | null;
  combined_min_minutes?: number | null;
  // '' = as the superior sets it.
  shift: DayShift | '';
  holidays: (Dayjs | null | undefined)[];
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const SHIFTS = Object.keys(SHIFT_CHOICES) as DayShift[];

// The form values → the organisation's own settings; every empty field means "inherit".
export function toRuleOverride(values: RuleValues): RuleOverride {
  const number = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const days = (values.holidays ?? []).map((d) => toIsoDate(d)).filter((d): d is string => !!d);
  return {
    regular_day: number(values.regular_day),
    start_time: values.start_time?.trim() || null,
    thematic_months: values.thematic_months?.length ? [...values.thematic_months].sort((a, b) => a - b) : null,
    min_minutes: number(values.min_minutes),
    combined_min_minutes: number(values.combined_min_minutes),
    shift: values.shift || null,
    holidays: [...new Set(days)].sort(),
  };
}

// "Sửa quy định": the organisation's own settings; an empty field is inherited from the superior.
export function RuleFormModal({
  open,
  onClose,
  onSaved,
  organization,
  view,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (view: RuleView) => void;
  organization: Organization;
  view: RuleView;
}) {
  const own = view.own;
  const inherit = (field: keyof typeof RULE_FIELD_LABELS) => `Theo cấp trên (${inheritedText(view, field)})`;
  return (
    <FormModal<RuleValues>
      title={`Quy định lịch sinh hoạt — ${organization.name}`}
      open={open}
      onClose={onClose}
      testId="rule-form"
      width={560}
      initialValues={{
        regular_day: own.regular_day,
        start_time: own.start_time ?? '',
        thematic_months: own.thematic_months ?? [],
        min_minutes: own.min_minutes,
        combined_min_minutes: own.combined_min_minutes,
        shift: own.shift ?? '',
        holidays: own.holidays.map((d) => parseIsoDate(d) ?? null),
      }}
      onSubmit={async (values) => {
        const saved = await api.put<RuleView>(`/organizations/${organization.id}/meeting-rule`, toRuleOverride(values));
        onSaved(saved);
      }}
    >
      <Typography.Paragraph type="secondary">
        Để trống một mục thì áp dụng theo cấp trên. Các tổ chức trực thuộc áp dụng quy định này, trừ những mục tự
        quy định riêng.
      </Typography.Paragraph>
      <div className="rule-form-pair">
        <Form.Item label={RULE_FIELD_LABELS.regular_day} name="regular_day" extra="Từ ngày 1 đến ngày 28">
          <InputNumber precision={0} inputMode="numeric" style={{ width: '100%' }} placeholder={inherit('regular_day')} />
        </Form.Item>
        <Form.Item label={RULE_FIELD_LABELS.start_time} name="start_time" extra="Dạng HH:MM, từ 06:00 đến 21:00">
          <Input maxLength={5} inputMode="numeric" placeholder={inherit('start_time')} />
        </Form.Item>
      </div>
      <Form.Item
        label={RULE_FIELD_LABELS.thematic_months}
        name="thematic_months"
        extra={`Mỗi hàng là một quý; mỗi quý ít nhất một tháng. Không chọn tháng nào: theo cấp trên (${inheritedText(view, 'thematic_months').toLowerCase()}).`}
      >
        <Checkbox.Group className="month-grid">
          {MONTHS.map((m) => (
            <Checkbox key={m} value={m}>
              Tháng {m}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <div className="rule-form-pair">
        <Form.Item label={RULE_FIELD_LABELS.min_minutes} name="min_minutes" extra="Từ 30 đến 480 phút">
          <InputNumber precision={0} inputMode="numeric" style={{ width: '100%' }} placeholder={inherit('min_minutes')} />
        </Form.Item>
        <Form.Item
          label={RULE_FIELD_LABELS.combined_min_minutes}
          name="combined_min_minutes"
          extra="Thường kỳ và chuyên đề trong một buổi"
        >
          <InputNumber
            precision={0}
            inputMode="numeric"
            style={{ width: '100%' }}
            placeholder={inherit('combined_min_minutes')}
          />
        </Form.Item>
      </div>
      <Form.Item label={RULE_FIELD_LABELS.shift} name="shift" extra="Ngày họp rơi vào thứ Bảy, Chủ nhật, ngày lễ hoặc ngày nghỉ thêm">
        <Radio.Group
          className="radio-stack"
          options={[
            { value: '', label: inherit('shift') },
            ...SHIFTS.map((s) => ({ value: s, label: SHIFT_CHOICES[s] })),
          ]}
        />
      </Form.Item>
      <Form.Item label="Ngày nghỉ thêm" extra="Ngoài thứ Bảy, Chủ nhật và các ngày lễ cố định (1/1, 30/4, 1/5, 1/9, 2/9): ví dụ các ngày nghỉ Tết Nguyên đán, Giỗ Tổ Hùng Vương. Áp dụng cả cho các tổ chức trực thuộc.">
        <Form.List name="holidays">
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="rule-holidays">
              {fields.map((field, index) => (
                <div key={field.key} className="holiday-row">
                  <Form.Item name={field.name} noStyle>
                    <DateInput aria-label={`Ngày nghỉ thêm ${index + 1}`} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={`Xóa ngày nghỉ ${index + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} data-testid="add-holiday" onClick={() => add(null)}>
                Thêm ngày nghỉ
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}

const sourceTag = (s: RuleSetting) =>
  s.own ? (
    <Tag color="red">{s.source}</Tag>
  ) : s.source === DEFAULT_SOURCE || s.source === '—' ? (
    <Typography.Text type="secondary">{s.source}</Typography.Text>
  ) : (
    <span>Theo {s.source}</span>
  );

// "Quy định lịch sinh hoạt": the rule in force in plain words, each setting with where it comes from, and
// (for writers) the form for the organisation's own settings.
export default function MeetingRuleSection({
  organization,
  canWrite,
  view,
  error,
  onEdit,
}: {
  organization: Organization;
  canWrite: boolean;
  view: RuleView | undefined;
  error: unknown;
  onEdit: () => void;
}) {
  const narrow = !Grid.useBreakpoint().md;
  if (error !== undefined) return <LoadError error={error} />;
  if (!view) return <Skeleton active paragraph={{ rows: 3 }} />;
  const settings = ruleSettings(view);
  const columns: TableColumnsType<RuleSetting> = narrow
    ? [
        {
          title: 'Thiết lập',
          key: 'all',
          render: (_: unknown, s) => (
            <div>
              <div>
                <b>{s.label}:</b> {s.value}
              </div>
              <div className="rule-source">{sourceTag(s)}</div>
            </div>
          ),
        },
      ]
    : [
        { title: 'Thiết lập', dataIndex: 'label', key: 'label', className: 'nowrap' },
        { title: 'Đang áp dụng', dataIndex: 'value', key: 'value' },
        { title: 'Nguồn', key: 'source', render: (_: unknown, s) => sourceTag(s) },
      ];
  return (
    <div data-testid="meeting-rule" className="meeting-rule">
      <div className="register-toolbar">
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          Quy định lịch sinh hoạt
        </Typography.Title>
        {canWrite && (
          <Button icon={<EditOutlined />} data-testid="edit-rule" onClick={onEdit}>
            Sửa quy định
          </Button>
        )}
      </div>
      <Alert
        type="info"
        className="rule-summary"
        data-testid="rule-summary"
        title={<span>Sinh hoạt thường kỳ {describeRule(view.effective)}.</span>}
      />
      <Table<RuleSetting>
        data-testid="rule-settings"
        rowKey="field"
        size="small"
        columns={columns}
        dataSource={settings}
        pagination={false}
        scroll={narrow ? undefined : { x: 'max-content' }}
      />
      {!isCell(organization.kind) && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          Các chi bộ trực thuộc lập lịch sinh hoạt theo quy định này, trừ những mục chi bộ tự quy định.
        </Typography.Paragraph>
      )}
    </div>
  );
}
