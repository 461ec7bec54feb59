import { Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import DateInput from '../../ui/DateInput';
import FormModal from '../../ui/FormModal';
import MemberSelect from '../members/MemberSelect';
import { api } from '../../lib/api';
import { toIsoDate } from '../../lib/dates';
import { POSITION_LABELS } from '../../lib/labels';
import type { Organization, Position, PositionKind } from '../../lib/types';

interface PositionValues {
  member_id: number;
  position: PositionKind;
  term_start: Dayjs;
  term_end?: Dayjs;
}

export function PositionModal({
  open,
  onClose,
  onSaved,
  organization,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (position: Position) => void;
  organization: Organization;
}) {
  const isGroup = organization.kind === 'party_group';
  const kinds: PositionKind[] = isGroup ? ['group_leader'] : ['secretary', 'deputy_secretary', 'committee_member'];
  // Members of a party group are recorded on its cell, so look for them there.
  const memberScope = isGroup && organization.parent_id ? organization.parent_id : organization.id;
  return (
    <FormModal<PositionValues>
      title={`Giao chức vụ — ${organization.name}`}
      open={open}
      onClose={onClose}
      okText="Giao chức vụ"
      testId="position-form"
      initialValues={{ position: kinds[0], term_start: dayjs() }}
      onSubmit={async (values) => {
        const saved = await api.post<Position>(`/organizations/${organization.id}/positions`, {
          member_id: values.member_id,
          position: values.position,
          term_start: toIsoDate(values.term_start),
          ...(values.term_end ? { term_end: toIsoDate(values.term_end) } : {}),
        });
        onSaved(saved);
      }}
    >
      <Form.Item label="Đảng viên" name="member_id" rules={[{ required: true, message: 'Vui lòng chọn đảng viên' }]}>
        <MemberSelect organizationId={memberScope} />
      </Form.Item>
      <Form.Item label="Chức vụ" name="position" rules={[{ required: true, message: 'Vui lòng chọn chức vụ' }]}>
        <Select options={kinds.map((k) => ({ value: k, label: POSITION_LABELS[k] }))} />
      </Form.Item>
      <Form.Item label="Bắt đầu nhiệm kỳ" name="term_start" rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}>
        <DateInput />
      </Form.Item>
      <Form.Item label="Kết thúc nhiệm kỳ (nếu biết)" name="term_end">
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

export function EndPositionModal({
  open,
  onClose,
  onSaved,
  position,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (position: Position) => void;
  position: Position | null;
}) {
  return (
    <FormModal<{ date: Dayjs }>
      title={position ? `Kết thúc chức vụ ${POSITION_LABELS[position.position]} của ${position.member_name}` : ''}
      open={open && !!position}
      onClose={onClose}
      okText="Kết thúc"
      testId="end-position-form"
      initialValues={{ date: dayjs() }}
      onSubmit={async (values) => {
        const saved = await api.post<Position>(`/positions/${position!.id}/end`, { date: toIsoDate(values.date) });
        onSaved(saved);
      }}
    >
      <Form.Item label="Ngày kết thúc" name="date" rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}
