import { Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import DateInput from '../../ui/DateInput';
import FormModal from '../../ui/FormModal';
import OrgPicker from '../organizations/OrgPicker';
import { api } from '../../lib/api';
import { parseIsoDate, toIsoDate } from '../../lib/dates';
import { options, STATUS_LABELS } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { Member, MemberStatus, Organization, Sex } from '../../lib/types';

interface MemberValues {
  full_name: string;
  sex: Sex;
  date_of_birth?: Dayjs;
  status: MemberStatus;
  admission_date?: Dayjs;
  official_date?: Dayjs;
  party_card_number?: string;
  citizen_id?: string;
  phone?: string;
  address?: string;
  note?: string;
  party_group_id?: number | null;
  joined_on?: Dayjs;
  status_since?: Dayjs;
}

const datePicker = <DateInput />;

interface MemberFormModalProps {
  open: boolean;
  onClose: () => void;
  onSaved: (member: Member) => void;
  // Create a member in this cell, or edit `member`.
  organizationId?: number;
  member?: Member;
  defaultPartyGroupId?: number;
}

export function MemberFormModal({ open, onClose, onSaved, organizationId, member, defaultPartyGroupId }: MemberFormModalProps) {
  const editing = !!member;
  const cellId = member?.organization_id ?? organizationId;
  const { data: cell } = useApi<Organization>(open && cellId ? `/organizations/${cellId}` : null);
  const groups = cell?.party_groups ?? [];

  const initialValues: Partial<MemberValues> = member
    ? {
        full_name: member.full_name,
        sex: member.sex,
        date_of_birth: parseIsoDate(member.date_of_birth),
        status: member.status,
        admission_date: parseIsoDate(member.admission_date),
        official_date: parseIsoDate(member.official_date),
        party_card_number: member.party_card_number,
        citizen_id: member.citizen_id,
        phone: member.phone,
        address: member.address,
        note: member.note,
        party_group_id: member.party_group_id,
      }
    : { sex: 'male', status: 'official', party_group_id: defaultPartyGroupId ?? null, joined_on: dayjs() };

  const submit = async (values: MemberValues) => {
    const body: Record<string, unknown> = {
      full_name: values.full_name.trim().replace(/\s+/g, ' '),
      sex: values.sex,
      date_of_birth: toIsoDate(values.date_of_birth),
      status: values.status,
      admission_date: toIsoDate(values.admission_date),
      official_date: toIsoDate(values.official_date),
      party_card_number: values.party_card_number?.trim() ?? '',
      citizen_id: values.citizen_id?.trim() ?? '',
      phone: values.phone?.trim() ?? '',
      address: values.address?.trim() ?? '',
      note: values.note?.trim() ?? '',
      party_group_id: values.party_group_id ?? null,
    };
    if (!editing) body.joined_on = toIsoDate(values.joined_on);
    let saved: Member;
    if (editing) {
      // A changed status holds from the day given (the history keeps the old one before it).
      if (values.status !== member!.status && values.status_since) body.status_since = toIsoDate(values.status_since);
      saved = await api.put<Member>(`/members/${member!.id}`, body);
    } else {
      // Optional fields left empty are not sent on creation.
      const created: Record<string, unknown> = { organization_id: organizationId };
      for (const [key, value] of Object.entries(body)) if (value !== null && value !== '') created[key] = value;
      saved = await api.post<Member>('/members', created);
    }
    onSaved(saved);
  };

  return (
    <FormModal<MemberValues>
      title={editing ? `Sửa thông tin: ${member!.full_name}` : `Thêm đảng viên${cell ? ` — ${cell.name}` : ''}`}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      initialValues={initialValues}
      testId="member-form"
      width={640}
    >
      <Form.Item
        label="Họ và tên"
        name="full_name"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="Giới tính" name="sex" rules={[{ required: true, message: 'Vui lòng chọn giới tính' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'male', label: 'Nam' },
            { value: 'female', label: 'Nữ' },
          ]}
        />
      </Form.Item>
      <Form.Item label="Ngày sinh" name="date_of_birth" rules={[{ required: true, message: 'Vui lòng nhập ngày sinh' }]}>
        {datePicker}
      </Form.Item>
      <Form.Item label="Tình trạng" name="status" rules={[{ required: true, message: 'Vui lòng chọn tình trạng' }]}>
        <Select options={options(STATUS_LABELS)} />
      </Form.Item>
      {editing ? (
        <Form.Item noStyle shouldUpdate={(a, b) => a.status !== b.status}>
          {({ getFieldValue }) =>
            getFieldValue('status') !== member!.status ? (
              <Form.Item
                label="Tình trạng mới từ ngày"
                name="status_since"
                initialValue={dayjs()}
                extra="Các cuộc họp và số liệu trước ngày này giữ tình trạng cũ."
                rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}
              >
                {datePicker}
              </Form.Item>
            ) : null
          }
        </Form.Item>
      ) : (
        <Form.Item
          label="Ngày vào chi bộ"
          name="joined_on"
          extra="Ngày bắt đầu sinh hoạt ở chi bộ này; các cuộc họp trước ngày này không điểm danh đồng chí."
          rules={[{ required: true, message: 'Vui lòng chọn ngày vào chi bộ' }]}
        >
          {datePicker}
        </Form.Item>
      )}
      <Form.Item label="Ngày vào Đảng" name="admission_date">
        {datePicker}
      </Form.Item>
      <Form.Item label="Ngày chính thức" name="official_date">
        {datePicker}
      </Form.Item>
      <Form.Item label="Số thẻ đảng viên" name="party_card_number" extra="12 chữ số">
        <Input inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item label="Số CCCD" name="citizen_id" extra="12 chữ số">
        <Input inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item label="Điện thoại" name="phone">
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item label="Địa chỉ" name="address">
        <Input />
      </Form.Item>
      <Form.Item label="Tổ đảng" name="party_group_id">
        <Select
          allowClear
          placeholder={groups.length ? 'Chọn tổ đảng' : 'Chi bộ không chia tổ đảng'}
          disabled={groups.length === 0}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
        />
      </Form.Item>
      <Form.Item label="Ghi chú" name="note">
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

interface TransferValues {
  organization_id: number;
  date: Dayjs;
  reason: string;
}

export function TransferModal({
  open,
  onClose,
  onSaved,
  member,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (member: Member) => void;
  member: Member;
}) {
  return (
    <FormModal<TransferValues>
      title={`Chuyển sinh hoạt: ${member.full_name}`}
      open={open}
      onClose={onClose}
      okText="Chuyển sinh hoạt"
      testId="transfer-form"
      initialValues={{ date: dayjs() }}
      onSubmit={async (values) => {
        const saved = await api.post<Member>(`/members/${member.id}/transfer`, {
          organization_id: values.organization_id,
          date: toIsoDate(values.date),
          reason: values.reason.trim(),
        });
        onSaved(saved);
      }}
    >
      <Form.Item label="Đang sinh hoạt tại">
        <Input value={member.organization_name} disabled />
      </Form.Item>
      <Form.Item
        label="Chuyển đến chi bộ"
        name="organization_id"
        rules={[{ required: true, message: 'Vui lòng chọn chi bộ chuyển đến' }]}
      >
        <OrgPicker cellsOnly excludeIds={[member.organization_id]} placeholder="Chọn chi bộ (gõ tên để tìm)" />
      </Form.Item>
      <Form.Item label="Ngày chuyển" name="date" rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}>
        {datePicker}
      </Form.Item>
      <Form.Item label="Lý do" name="reason" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập lý do' }]}>
        <Input placeholder="Ví dụ: Chuyển nơi cư trú" />
      </Form.Item>
    </FormModal>
  );
}
