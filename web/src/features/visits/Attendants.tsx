import { useState } from 'react';
import { App, Button, Form, Grid, Input, InputNumber, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import DateInput from '../../ui/DateInput';
import FormModal from '../../ui/FormModal';
import { LoadError } from '../../ui/LoadFailure';
import MemberSelect from '../members/MemberSelect';
import { api } from '../../lib/api';
import { parseIsoDate, toIsoDate } from '../../lib/dates';
import type { ApiState } from '../../lib/useApi';
import type { Attendant, AttendantInput, AttendantList, AttendantUpdate, Organization } from '../../lib/types';
import { dutyText, termText } from './visits';

interface AttendantValues {
  member_id: number;
  role: string;
  term_start: Dayjs;
  term_end?: Dayjs | null;
  visits_per_month: number;
  meetings_per_quarter: number;
  report_days: number;
}

// "Phân công người dự sinh hoạt" or "Sửa phân công": a member of the committee's subtree, the title, the term and the
// duty (one grassroots visit a month, one cell meeting a quarter, report within 5 days, unless changed).
function AttendantModal({
  organization,
  attendant,
  onClose,
  onSaved,
}: {
  organization: Organization;
  attendant: Attendant | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const editing = attendant !== null;
  return (
    <FormModal<AttendantValues>
      title={editing ? `Sửa phân công: ${attendant.name}` : 'Phân công người dự sinh hoạt'}
      open
      onClose={onClose}
      okText={editing ? 'Lưu' : 'Phân công'}
      testId="attendant-form"
      width={600}
      initialValues={
        editing
          ? {
              member_id: attendant.member_id,
              role: attendant.role,
              term_start: parseIsoDate(attendant.term_start),
              term_end: parseIsoDate(attendant.term_end) ?? null,
              visits_per_month: attendant.visits_per_month,
              meetings_per_quarter: attendant.meetings_per_quarter,
              report_days: attendant.report_days,
            }
          : { visits_per_month: 1, meetings_per_quarter: 1, report_days: 5 }
      }
      onSubmit={async (values) => {
        const duty = {
          role: values.role.trim(),
          term_end: toIsoDate(values.term_end),
          visits_per_month: values.visits_per_month,
          meetings_per_quarter: values.meetings_per_quarter,
          report_days: values.report_days,
        };
        if (editing) {
          const body: AttendantUpdate = duty;
          await api.put(`/attendants/${attendant.id}`, body);
        } else {
          const body: AttendantInput = {
            ...duty,
            member_id: values.member_id,
            term_start: toIsoDate(values.term_start) ?? '',
          };
          await api.post(`/organizations/${organization.id}/attendants`, body);
        }
        onSaved();
      }}
    >
      <Form.Item label="Đảng viên" name="member_id" rules={[{ required: true, message: 'Vui lòng chọn đảng viên.' }]}>
        <MemberSelect
          organizationId={organization.id}
          selectedLabel={attendant?.name}
          disabled={editing}
          aria-label="Đảng viên"
          data-testid="attendant-member"
        />
      </Form.Item>
      <Form.Item
        label="Chức danh"
        name="role"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập chức danh.' }]}
      >
        <Input
          maxLength={200}
          placeholder="Ví dụ: Ủy viên Ban Thường vụ Đảng ủy xã"
          data-testid="attendant-role"
        />
      </Form.Item>
      <div className="rule-form-pair">
        <Form.Item label="Từ ngày" name="term_start" rules={[{ required: true, message: 'Vui lòng chọn ngày.' }]}>
          <DateInput disabled={editing} data-testid="attendant-from" />
        </Form.Item>
        <Form.Item label="Đến ngày" name="term_end">
          <DateInput data-testid="attendant-to" />
        </Form.Item>
      </div>
      <Typography.Text type="secondary">Nhiệm vụ</Typography.Text>
      <div className="visit-duty-fields">
        <Form.Item label="Đi cơ sở (lần/tháng)" name="visits_per_month" rules={[{ required: true, message: 'Bắt buộc' }]}>
          <InputNumber min={0} max={31} size="large" data-testid="attendant-visits" />
        </Form.Item>
        <Form.Item
          label="Dự sinh hoạt (buổi/quý)"
          name="meetings_per_quarter"
          rules={[{ required: true, message: 'Bắt buộc' }]}
        >
          <InputNumber min={0} max={30} size="large" data-testid="attendant-meetings" />
        </Form.Item>
        <Form.Item label="Báo cáo trong (ngày)" name="report_days" rules={[{ required: true, message: 'Bắt buộc' }]}>
          <InputNumber min={1} max={60} size="large" data-testid="attendant-report-days" />
        </Form.Item>
      </div>
    </FormModal>
  );
}

const ActiveTag = ({ active }: { active: boolean }) =>
  active ? <Tag color="green">Còn nhiệm kỳ</Tag> : <Tag>Hết nhiệm kỳ</Tag>;

// "Người được phân công": the committee's members and staff who attend its cells, with their term and duty.
export default function AttendantsSection({
  organization,
  canWrite,
  attendants,
}: {
  organization: Organization;
  canWrite: boolean;
  attendants: ApiState<AttendantList>;
}) {
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const [editing, setEditing] = useState<Attendant | 'new' | null>(null);
  const { data, error, loading, reload } = attendants;

  const editButton = (a: Attendant) =>
    canWrite ? (
      <Button icon={<EditOutlined />} aria-label={`Sửa phân công của ${a.name}`} onClick={() => setEditing(a)} data-testid="attendant-edit">
        {narrow ? 'Sửa' : null}
      </Button>
    ) : null;

  const columns: TableColumnsType<Attendant> = narrow
    ? [
        {
          title: 'Người được phân công',
          key: 'all',
          render: (_: unknown, a) => (
            <div className="visit-card">
              <div className="visit-card-head">
                <b>{a.name}</b>
                <ActiveTag active={a.active} />
              </div>
              <div>{a.role}</div>
              <div>Nhiệm kỳ: {termText(a)}</div>
              <Typography.Text type="secondary">{dutyText(a)}</Typography.Text>
              {editButton(a)}
            </div>
          ),
        },
      ]
    : [
        { title: 'Họ và tên', dataIndex: 'name', key: 'name', width: 170, render: (name: string) => <b>{name}</b> },
        { title: 'Chức danh', dataIndex: 'role', key: 'role', width: 220 },
        { title: 'Nhiệm kỳ', key: 'term', width: 130, render: (_: unknown, a) => termText(a) },
        { title: 'Nhiệm vụ', key: 'duty', render: (_: unknown, a) => dutyText(a) },
        { title: 'Còn nhiệm kỳ', key: 'active', width: 130, render: (_: unknown, a) => <ActiveTag active={a.active} /> },
        ...(canWrite ? [{ title: '', key: 'edit', width: 64, render: (_: unknown, a: Attendant) => editButton(a) }] : []),
      ];

  return (
    <div data-testid="attendants-section">
      {canWrite && (
        <div className="toolbar">
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="attendant-add">
            Phân công người dự
          </Button>
        </div>
      )}
      {error !== undefined && <LoadError error={error} className="section" />}
      <Table<Attendant>
        data-testid="attendants-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
        tableLayout={narrow ? undefined : 'fixed'}
        scroll={narrow ? undefined : { x: 900 }}
        locale={{ emptyText: 'Chưa phân công ai dự sinh hoạt chi bộ' }}
      />
      {editing && (
        <AttendantModal
          organization={organization}
          attendant={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success(editing === 'new' ? 'Đã phân công người dự sinh hoạt' : 'Đã lưu phân công');
            reload();
          }}
        />
      )}
    </div>
  );
}
