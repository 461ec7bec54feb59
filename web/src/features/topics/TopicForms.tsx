import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import FormModal from '../../ui/FormModal';
import { api, type ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { positionLabel } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { CalendarEntry, Meeting, Organization } from '../../lib/types';
import type { TopicDetail, TopicInput, TopicOrientation } from '../../lib/api.gen';
import {
  PREPARER_KIND_LABELS,
  preparerErrorField,
  preparerFormValues,
  preparerInput,
  QUARTERS,
  quarterLabel,
  thematicMeetingsOf,
  topicInput,
  type PreparerFormValues,
  type PreparerKind,
} from './topics';

export interface TopicFormValues extends PreparerFormValues {
  year?: number;
  quarter?: number | null;
  title?: string;
  purpose?: string;
  directive?: string;
  // A meeting's id, or `new-<month>` for a thematic meeting of the calendar not yet created.
  meeting?: string | null;
}

const errorField = (error: ApiError): string | null => {
  if (error.status === 409 && error.field === 'orientation_id') return null;
  if (error.status !== 400 && error.status !== 409) return null;
  if (error.field === 'meeting_id') return 'meeting';
  return preparerErrorField(error.field);
};

// The chi ủy seats of the cell today (secretary, deputy, committee members): who may prepare a topic with the
// secretary.
function committeeSeats(cell: Organization) {
  return cell.leaders.filter((p) => p.position !== 'group_leader' && p.term_end === null);
}

// Who prepares the topic: a chi ủy member, a party group of the cell, or the superior official (a name).
export function PreparerFields({ cell, form }: { cell: Organization; form: FormInstance<TopicFormValues> }) {
  const kind = Form.useWatch('preparer_kind', form) as PreparerKind | 'none' | null | undefined;
  const kinds = (Object.keys(PREPARER_KIND_LABELS) as PreparerKind[]).filter(
    (k) => k !== 'party_group' || cell.party_groups.length > 0,
  );
  return (
    <>
      <Form.Item label="Người chuẩn bị" name="preparer_kind">
        <Radio.Group className="topic-choices" data-testid="preparer-kind">
          <Radio value="none">Chưa phân công</Radio>
          {kinds.map((k) => (
            <Radio key={k} value={k}>
              {PREPARER_KIND_LABELS[k]}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {kind === 'committee_member' && (
        <Form.Item
          label="Đồng chí chi ủy viên"
          name="preparer_member_id"
          rules={[{ required: true, message: 'Vui lòng chọn đồng chí chuẩn bị.' }]}
        >
          <Select
            size="large"
            data-testid="preparer-member"
            placeholder="Chọn đồng chí"
            options={committeeSeats(cell).map((p) => ({
              value: p.member_id,
              label: `${p.member_name} (${positionLabel(p.position)})`,
            }))}
          />
        </Form.Item>
      )}
      {kind === 'party_group' && (
        <Form.Item label="Tổ đảng" name="preparer_party_group_id" rules={[{ required: true, message: 'Vui lòng chọn tổ đảng.' }]}>
          <Select
            size="large"
            data-testid="preparer-group"
            placeholder="Chọn tổ đảng"
            options={cell.party_groups.map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
      )}
      {kind === 'superior_official' && (
        <Form.Item
          label="Họ và tên đồng chí cấp trên"
          name="preparer_name"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi họ và tên.' }]}
        >
          <Input size="large" maxLength={200} data-testid="preparer-name" placeholder="Ví dụ: Nguyễn Văn Hùng" />
        </Form.Item>
      )}
    </>
  );
}

// The cell's thematic meeting of the topic's quarter, from its calendar (a meeting not yet created is created when
// the topic is saved).
function MeetingField({ cell, form }: { cell: Organization; form: FormInstance<TopicFormValues> }) {
  const year = Form.useWatch('year', form) as number | undefined;
  const quarter = Form.useWatch('quarter', form) as number | undefined;
  const { data, loading } = useApi<{ items: CalendarEntry[] }>(year ? `/organizations/${cell.id}/meetings` : null, {
    year,
  });
  const meetings = year && quarter ? thematicMeetingsOf(data?.items ?? [], year, quarter) : [];
  return (
    <Form.Item
      label="Buổi sinh hoạt chuyên đề"
      name="meeting"
      extra={quarter && !loading && meetings.length === 0 ? 'Quý này chưa có buổi sinh hoạt chuyên đề trong lịch.' : undefined}
    >
      <Select
        size="large"
        allowClear
        loading={loading}
        data-testid="topic-meeting"
        placeholder="Chọn buổi sinh hoạt"
        options={meetings.map((e) => ({
          value: e.id === null ? `new-${e.month}` : String(e.id),
          label: `Tháng ${e.month}/${e.year}: ${formatDate(e.date)} lúc ${e.start_time}`,
        }))}
      />
    </Form.Item>
  );
}

// The meeting's id from the form, creating the calendar's meeting when it does not exist yet.
async function meetingIdOf(cell: Organization, year: number, value: string | null | undefined): Promise<number | null> {
  if (!value) return null;
  if (!value.startsWith('new-')) return Number(value);
  const month = Number(value.slice(4));
  const m = await api.post<Meeting>(`/organizations/${cell.id}/meetings`, { kind: 'thematic', year, month });
  return m.id;
}

const YEAR_RULES = [{ required: true, message: 'Vui lòng nhập năm.' }];

function QuarterField({ required }: { required: boolean }) {
  return (
    <Form.Item label="Quý" name="quarter" rules={required ? [{ required: true, message: 'Vui lòng chọn quý.' }] : []}>
      <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="topic-quarter">
        {QUARTERS.map((q) => (
          <Radio.Button key={q} value={q}>
            Quý {q}
          </Radio.Button>
        ))}
      </Radio.Group>
    </Form.Item>
  );
}

function TextFields({ locked }: { locked?: boolean }) {
  return (
    <>
      <Form.Item
        label="Tên chuyên đề"
        name="title"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên chuyên đề.' }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} disabled={locked} data-testid="topic-title" />
      </Form.Item>
      <Form.Item label="Mục đích, yêu cầu" name="purpose">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} disabled={locked} data-testid="topic-purpose" />
      </Form.Item>
      <Form.Item label="Văn bản chỉ đạo thực hiện" name="directive">
        <Input maxLength={300} disabled={locked} placeholder="Ví dụ: Chỉ thị 02-CT/ĐU" data-testid="topic-directive" />
      </Form.Item>
    </>
  );
}

// "Chọn chuyên đề này": the cell takes an orientation into its plan; the quarter when the orientation leaves it open.
export function PickOrientationModal({
  cell,
  orientation,
  onClose,
  onSaved,
}: {
  cell: Organization;
  orientation: TopicOrientation;
  onClose: () => void;
  onSaved: (topic: TopicDetail) => void;
}) {
  return (
    <FormModal<TopicFormValues>
      title="Chọn chuyên đề theo định hướng"
      open
      onClose={onClose}
      okText="Đưa vào kế hoạch"
      testId="pick-orientation-form"
      errorField={errorField}
      initialValues={{ year: orientation.year, quarter: orientation.quarter, preparer_kind: 'none' }}
      onSubmit={async (values) => {
        const body: TopicInput = {
          orientation_id: orientation.id,
          year: orientation.year,
          quarter: values.quarter ?? null,
          preparer: preparerInput(values),
        };
        onSaved(await api.post<TopicDetail>(`/organizations/${cell.id}/topics`, body));
      }}
    >
      {(form) => (
        <>
          <Typography.Paragraph>
            <b>{orientation.title}</b>
            <br />
            <Typography.Text type="secondary">
              {quarterLabel(orientation.quarter, orientation.year)}
              {orientation.directive ? ` · ${orientation.directive}` : ''}
            </Typography.Text>
          </Typography.Paragraph>
          <Form.Item name="year" hidden>
            <InputNumber />
          </Form.Item>
          {orientation.quarter === null && <QuarterField required />}
          <PreparerFields cell={cell} form={form} />
        </>
      )}
    </FormModal>
  );
}

// "Đề xuất chuyên đề": the cell's own topic, for the superior to accept.
export function ProposeTopicModal({
  cell,
  year,
  onClose,
  onSaved,
}: {
  cell: Organization;
  year: number;
  onClose: () => void;
  onSaved: (topic: TopicDetail) => void;
}) {
  return (
    <FormModal<TopicFormValues>
      title="Đề xuất chuyên đề của chi bộ"
      open
      onClose={onClose}
      okText="Gửi đề xuất"
      testId="propose-topic-form"
      errorField={errorField}
      initialValues={{ year, preparer_kind: 'none' }}
      onSubmit={async (values) => {
        const body: TopicInput = {
          year: values.year,
          quarter: values.quarter ?? null,
          title: values.title?.trim(),
          purpose: values.purpose?.trim() ?? '',
          directive: values.directive?.trim() ?? '',
          preparer: preparerInput(values),
        };
        onSaved(await api.post<TopicDetail>(`/organizations/${cell.id}/topics`, body));
      }}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">
            Chuyên đề do chi bộ tự đề xuất cần cấp ủy cấp trên chấp nhận trước khi soạn dự thảo.
          </Typography.Paragraph>
          <Form.Item label="Năm" name="year" rules={YEAR_RULES}>
            <InputNumber min={2000} max={2100} size="large" style={{ width: 140 }} />
          </Form.Item>
          <QuarterField required />
          <TextFields />
          <PreparerFields cell={cell} form={form} />
        </>
      )}
    </FormModal>
  );
}

// "Sửa thông tin": the topic's fields, its preparer and its thematic meeting. Once the draft is submitted or approved
// only the preparer and the meeting change.
export function EditTopicModal({
  cell,
  topic,
  onClose,
  onSaved,
}: {
  cell: Organization;
  topic: TopicDetail;
  onClose: () => void;
  onSaved: (topic: TopicDetail) => void;
}) {
  const locked = topic.state === 'submitted' || topic.state === 'approved';
  return (
    <FormModal<TopicFormValues>
      title="Thông tin chuyên đề"
      open
      onClose={onClose}
      testId="edit-topic-form"
      errorField={errorField}
      initialValues={{
        year: topic.year,
        quarter: topic.quarter,
        title: topic.title,
        purpose: topic.purpose,
        directive: topic.directive,
        meeting: topic.meeting_id === null ? null : String(topic.meeting_id),
        ...preparerFormValues(topic.preparer),
      }}
      onSubmit={async (values) => {
        const year = values.year ?? topic.year;
        const body = topicInput(topic, {
          year,
          quarter: values.quarter ?? topic.quarter,
          title: values.title?.trim(),
          purpose: values.purpose?.trim() ?? '',
          directive: values.directive?.trim() ?? '',
          preparer: preparerInput(values),
          meeting_id: await meetingIdOf(cell, year, values.meeting),
        });
        onSaved(await api.put<TopicDetail>(`/topics/${topic.id}`, body));
      }}
    >
      {(form) => (
        <>
          {locked && (
            <Typography.Paragraph type="secondary">
              Dự thảo đã trình chi ủy: chỉ đổi được người chuẩn bị và buổi sinh hoạt. Muốn sửa nội dung, hãy lưu một bản
              dự thảo mới trước.
            </Typography.Paragraph>
          )}
          <Form.Item name="year" hidden>
            <InputNumber />
          </Form.Item>
          {!locked && <QuarterField required />}
          <TextFields locked={locked} />
          <PreparerFields cell={cell} form={form} />
          <MeetingField cell={cell} form={form} />
        </>
      )}
    </FormModal>
  );
}
