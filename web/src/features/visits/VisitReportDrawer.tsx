import { Alert, App, Button, Card, Drawer, Form, Grid, Input, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import DateInput from '../../ui/DateInput';
import { useSave } from '../../ui/useSave';
import { api } from '../../lib/api';
import { toIsoDate } from '../../lib/dates';
import { PETITION_FIELD_LABELS, RAISED_BY_LABELS, VISIT_KIND_LABELS, options } from '../../lib/labels';
import type { Attendant, PetitionField, PlannedVisit, RaisedByKind, VisitReport } from '../../lib/types';
import { PETITION_DAYS, petitionOwners, reportInput, visitMonthText, visitWhenText } from './visits';

interface PetitionValues {
  field: PetitionField;
  raised_by_kind: RaisedByKind;
  raised_by?: string;
  content: string;
  owner_organization_id: number;
  owner_name?: string;
  deadline: Dayjs | null;
}

interface ReportValues {
  visited_on?: Dayjs | null;
  observations: string;
  members_situation?: string;
  petitions?: PetitionValues[];
}

// The report after a visit, filed from the phone: the day (of a grassroots visit), what the person observed, the
// situation of the members, and the petitions raised, each with who answers it by when (30 days unless changed).
export default function VisitReportDrawer({
  visit,
  attendant,
  onClose,
  onSaved,
}: {
  visit: PlannedVisit;
  attendant: Attendant | undefined;
  onClose: () => void;
  onSaved: (report: VisitReport) => void;
}) {
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<ReportValues>();
  const saving = useSave({ form });
  const owners = petitionOwners(attendant, visit);
  const grassroots = visit.kind === 'grassroots';
  const newPetition = (): Partial<PetitionValues> => ({
    field: 'infrastructure',
    raised_by_kind: 'member',
    owner_organization_id: owners[0]?.value,
    deadline: dayjs().add(PETITION_DAYS, 'day'),
  });

  const submit = async (values: ReportValues) => {
    const sent: { report?: VisitReport } = {};
    const ok = await saving.run(async () => {
      const body = reportInput(visit, {
        visited_on: toIsoDate(values.visited_on),
        observations: values.observations,
        members_situation: values.members_situation,
        petitions: (values.petitions ?? []).map((p) => ({ ...p, deadline: toIsoDate(p.deadline) })),
      });
      sent.report = await api.post<VisitReport>('/visit-reports', body);
    });
    if (ok && sent.report) {
      message.success('Đã gửi báo cáo');
      onSaved(sent.report);
      onClose();
    }
  };

  return (
    <Drawer
      open
      title={grassroots ? 'Báo cáo đi cơ sở' : 'Báo cáo dự sinh hoạt chi bộ'}
      placement="right"
      size={narrow ? '100%' : 640}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <div data-testid="report-form">
        <Typography.Paragraph className="my-meeting-when">
          <b>{visit.cell_name}</b>
          <br />
          {VISIT_KIND_LABELS[visit.kind]} · {visitMonthText(visit)}
          {visit.date && ` · ${visitWhenText(visit)}`}
        </Typography.Paragraph>
        {saving.error && (
          <Alert type="error" showIcon role="alert" className="section" title={saving.error} data-testid="report-error" />
        )}
        <Form<ReportValues>
          form={form}
          layout="vertical"
          size="large"
          initialValues={{ visited_on: grassroots ? dayjs() : undefined, petitions: [] }}
          onFinish={submit}
          onValuesChange={() => saving.error && saving.setError(null)}
        >
          {grassroots && (
            <Form.Item label="Ngày đến" name="visited_on" rules={[{ required: true, message: 'Vui lòng chọn ngày đến cơ sở.' }]}>
              <DateInput data-testid="report-date" />
            </Form.Item>
          )}
          <Form.Item
            label="Nhận xét"
            name="observations"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi nhận xét.' }]}
            extra={grassroots ? 'Tình hình cơ sở, những việc đã làm.' : 'Buổi sinh hoạt: nội dung, không khí, chất lượng.'}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} data-testid="report-observations" />
          </Form.Item>
          <Form.Item label="Tình hình đảng viên" name="members_situation">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="report-members" />
          </Form.Item>

          <Typography.Title level={5}>Kiến nghị</Typography.Title>
          <Form.List name="petitions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    className="section"
                    data-testid="report-petition"
                    title={`Kiến nghị ${i + 1}`}
                    extra={
                      <Button danger icon={<DeleteOutlined />} aria-label={`Bỏ kiến nghị ${i + 1}`} onClick={() => remove(f.name)} />
                    }
                  >
                    <Form.Item label="Lĩnh vực" name={[f.name, 'field']} rules={[{ required: true, message: 'Vui lòng chọn lĩnh vực.' }]}>
                      <Select options={options(PETITION_FIELD_LABELS)} data-testid="petition-field" />
                    </Form.Item>
                    <Form.Item label="Người nêu" name={[f.name, 'raised_by_kind']}>
                      <Radio.Group optionType="button" buttonStyle="solid" options={options(RAISED_BY_LABELS)} data-testid="petition-raised-kind" />
                    </Form.Item>
                    <Form.Item label="Họ tên người nêu" name={[f.name, 'raised_by']}>
                      <Input maxLength={200} placeholder="Không bắt buộc" data-testid="petition-raised-by" />
                    </Form.Item>
                    <Form.Item
                      label="Nội dung kiến nghị"
                      name={[f.name, 'content']}
                      rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi nội dung kiến nghị.' }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="petition-content-input" />
                    </Form.Item>
                    <Form.Item
                      label="Cơ quan trả lời"
                      name={[f.name, 'owner_organization_id']}
                      rules={[{ required: true, message: 'Vui lòng chọn tổ chức trả lời.' }]}
                    >
                      <Select options={owners} data-testid="petition-owner-select" />
                    </Form.Item>
                    <Form.Item label="Người, cơ quan cụ thể" name={[f.name, 'owner_name']}>
                      <Input maxLength={200} placeholder="Ví dụ: UBND xã, đồng chí Chủ tịch" data-testid="petition-owner-name" />
                    </Form.Item>
                    <Form.Item label="Hạn trả lời" name={[f.name, 'deadline']} rules={[{ required: true, message: 'Vui lòng chọn hạn trả lời.' }]}>
                      <DateInput data-testid="petition-deadline" />
                    </Form.Item>
                  </Card>
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  className="section"
                  onClick={() => add(newPetition())}
                  data-testid="petition-add"
                >
                  Thêm kiến nghị
                </Button>
              </>
            )}
          </Form.List>

          <div className="my-meeting-actions">
            <Button onClick={onClose}>Hủy</Button>
            <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={saving.busy} data-testid="report-submit">
              Gửi báo cáo
            </Button>
          </div>
        </Form>
      </div>
    </Drawer>
  );
}
