import { Alert, App, Button, Descriptions, Form, Input, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import DateInput from '../../ui/DateInput';
import RowActions from '../../ui/RowActions';
import SectionSaveBar from '../../ui/SectionSaveBar';
import { useSave } from '../../ui/useSave';
import MemberSelect from '../members/MemberSelect';
import { api } from '../../lib/api';
import { formatDate, parseIsoDate, toIsoDate } from '../../lib/dates';
import { HD42_AGENDA } from './meetings';
import type { Meeting, PreparationUpdate } from '../../lib/types';

interface PreparationValues {
  preparer_id: number | null;
  place: string;
  committee_meeting_on: Dayjs | null | undefined;
  committee_meeting_notes: string;
  agenda: string[];
  superior_official: string;
}

function initialValues(meeting: Meeting): PreparationValues {
  const p = meeting.preparation;
  return {
    preparer_id: p.preparer_id,
    place: p.place,
    committee_meeting_on: parseIsoDate(p.committee_meeting_on) ?? null,
    committee_meeting_notes: p.committee_meeting_notes,
    agenda: p.agenda.length > 0 ? [...p.agenda] : [...HD42_AGENDA],
    superior_official: p.superior_official,
  };
}

// The agenda as read by everyone: numbered, in order.
export function AgendaList({ agenda }: { agenda: string[] }) {
  if (agenda.length === 0) return <Typography.Text type="secondary">Chưa có chương trình</Typography.Text>;
  return (
    <ol className="agenda-list" data-testid="agenda-list">
      {agenda.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ol>
  );
}

function PreparationView({ meeting }: { meeting: Meeting }) {
  const p = meeting.preparation;
  const dash = (v: string) => v || '—';
  return (
    <Descriptions
      data-testid="preparation-view"
      bordered
      size="small"
      column={1}
      items={[
        { key: 'preparer', label: 'Người chuẩn bị nội dung', children: dash(p.preparer_name) },
        { key: 'place', label: 'Địa điểm', children: dash(p.place) },
        {
          key: 'committee',
          label: 'Họp chi ủy chuẩn bị',
          children: p.committee_meeting_on ? (
            <div>
              <div>{formatDate(p.committee_meeting_on)}</div>
              {p.committee_meeting_notes && <div className="pre-line">{p.committee_meeting_notes}</div>}
            </div>
          ) : (
            '—'
          ),
        },
        { key: 'agenda', label: 'Chương trình sinh hoạt', children: <AgendaList agenda={p.agenda} /> },
        { key: 'superior', label: 'Đồng chí cấp ủy cấp trên theo dõi', children: dash(p.superior_official) },
      ]}
    />
  );
}

interface PreparationProps {
  meeting: Meeting;
  onSaved: (meeting: Meeting) => void;
  onDirtyChange: (dirty: boolean) => void;
}

// "Chuẩn bị" (HD 42): who prepares the content, where, the chi ủy preparation meeting, the agenda in order and the
// superior committee member who follows the cell. Editable by the cell's writers until the meeting is held.
export default function MeetingPreparation({ editable, ...props }: PreparationProps & { editable: boolean }) {
  return editable ? <PreparationForm {...props} /> : <PreparationView meeting={props.meeting} />;
}

function PreparationForm({ meeting, onSaved, onDirtyChange }: PreparationProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PreparationValues>();
  const saving = useSave({ form });
  const { busy, error } = saving;
  const prefilled = meeting.preparation.agenda.length === 0;

  const save = async (values: PreparationValues) => {
    const body: PreparationUpdate = {
      preparer_id: values.preparer_id ?? null,
      place: (values.place ?? '').trim(),
      committee_meeting_on: toIsoDate(values.committee_meeting_on),
      committee_meeting_notes: (values.committee_meeting_notes ?? '').trim(),
      agenda: (values.agenda ?? []).map((a) => (a ?? '').trim()).filter((a) => a !== ''),
      superior_official: (values.superior_official ?? '').trim(),
    };
    await saving.run(async () => {
      const saved = await api.put<Meeting>(`/meetings/${meeting.id}/preparation`, body);
      form.setFieldsValue(initialValues(saved));
      onDirtyChange(false);
      onSaved(saved);
      message.success('Đã lưu phần chuẩn bị');
    });
  };

  return (
    <Form<PreparationValues>
      form={form}
      layout="vertical"
      initialValues={initialValues(meeting)}
      onFinish={save}
      onValuesChange={(changedValues) => {
        onDirtyChange(true);
        // A server error under a field stays until that field is edited.
        const stale = Object.keys(changedValues as object).filter(
          (name) => form.getFieldError(name as never).length > 0,
        );
        if (stale.length) form.setFields(stale.map((name) => ({ name: name as never, errors: [] })));
      }}
      data-testid="preparation-form"
      className="meeting-form"
    >
      {error && <Alert type="error" showIcon title={error} role="alert" className="section" />}
      <Form.Item
        label="Người chuẩn bị nội dung, dự thảo nghị quyết"
        name="preparer_id"
        extra="Phó bí thư hoặc chi ủy viên được bí thư phân công."
      >
        <MemberSelect
          organizationId={meeting.organization_id}
          selectedLabel={meeting.preparation.preparer_name}
          allowClear
          aria-label="Người chuẩn bị nội dung"
          data-testid="preparer-select"
        />
      </Form.Item>
      <Form.Item label="Địa điểm sinh hoạt" name="place">
        <Input maxLength={200} placeholder="Ví dụ: Nhà văn hóa thôn Đông" data-testid="place-input" />
      </Form.Item>
      <div className="rule-form-pair">
        <Form.Item
          label="Ngày họp chi ủy chuẩn bị"
          name="committee_meeting_on"
          rules={[
            {
              validator: async (_, value: Dayjs | null | undefined) => {
                const day = toIsoDate(value);
                if (day && day > meeting.date)
                  throw new Error(`Họp chi ủy phải trước hoặc trong ngày sinh hoạt (${formatDate(meeting.date)}).`);
              },
            },
          ]}
        >
          <DateInput aria-label="Ngày họp chi ủy chuẩn bị" />
        </Form.Item>
        <Form.Item label="Đồng chí cấp ủy cấp trên theo dõi" name="superior_official">
          <Input maxLength={120} placeholder="Họ và tên" />
        </Form.Item>
      </div>
      <Form.Item label="Nội dung họp chi ủy" name="committee_meeting_notes">
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={2000}
          placeholder="Đánh giá kết quả tháng trước, nhiệm vụ tháng tới, vấn đề đưa ra thảo luận"
        />
      </Form.Item>

      <Typography.Title level={5}>Chương trình sinh hoạt</Typography.Title>
      {prefilled && (
        <Typography.Paragraph type="secondary" data-testid="agenda-prefilled">
          Đã điền sẵn các nội dung theo Hướng dẫn 42-HD/BTCTW; sửa, thêm, bớt cho phù hợp rồi bấm Lưu.
        </Typography.Paragraph>
      )}
      <Form.List name="agenda">
        {(fields, { add, remove, move }, { errors }) => (
          <div data-testid="agenda-editor">
            {fields.map((field, index) => (
              <div key={field.key} className="list-row agenda-row">
                <span className="list-row-number">{index + 1}.</span>
                <Form.Item
                  name={field.name}
                  className="list-row-field"
                  rules={[{ whitespace: true, message: 'Nội dung không được để trống' }]}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={300}
                    aria-label={`Nội dung ${index + 1}`}
                  />
                </Form.Item>
                <RowActions
                  noun="nội dung"
                  index={index}
                  count={fields.length}
                  onMove={move}
                  onRemove={() => remove(index)}
                />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              size="large"
              icon={<PlusOutlined />}
              data-testid="agenda-add"
              onClick={() => add('')}
              className="section"
            >
              Thêm nội dung
            </Button>
          </div>
        )}
      </Form.List>
      <SectionSaveBar busy={busy} testId="preparation-save">
        Lưu phần chuẩn bị
      </SectionSaveBar>
    </Form>
  );
}
