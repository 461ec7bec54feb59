import { App, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import DateInput from '../../ui/DateInput';
import FormModal, { Cancelled } from '../../ui/FormModal';
import OrgPicker from './OrgPicker';
import { api } from '../../lib/api';
import { formatDate, parseIsoDate, toIsoDate } from '../../lib/dates';
import { CATEGORY_LABELS, defaultChildKind, KIND_LABELS, options } from '../../lib/labels';
import { invalidateOrgTree } from './orgTree';
import type { OrgCategory, OrgKind, Organization } from '../../lib/types';

interface OrgFormValues {
  name: string;
  kind: OrgKind;
  category?: OrgCategory;
  address?: string;
  valid_from?: Dayjs;
  valid_to?: Dayjs;
}

interface OrgFormModalProps {
  open: boolean;
  onClose: () => void;
  onSaved: (organization: Organization) => void;
  // Create a child of `parent`, or edit `organization`.
  parent?: Organization;
  organization?: Organization;
}

export function OrgFormModal({ open, onClose, onSaved, parent, organization }: OrgFormModalProps) {
  const editing = !!organization;
  const initialValues: Partial<OrgFormValues> = organization
    ? {
        name: organization.name,
        kind: organization.kind,
        category: organization.category || undefined,
        address: organization.address,
        valid_from: parseIsoDate(organization.valid_from),
        valid_to: parseIsoDate(organization.valid_to),
      }
    : { kind: parent ? defaultChildKind(parent.kind) : 'subordinate_cell', valid_from: dayjs() };

  const submit = async (values: OrgFormValues) => {
    const body = {
      name: values.name.trim(),
      kind: values.kind,
      category: values.category ?? '',
      address: values.address?.trim() ?? '',
      valid_from: toIsoDate(values.valid_from),
    };
    const saved = editing
      ? await api.put<Organization>(`/organizations/${organization!.id}`, { ...body, valid_to: toIsoDate(values.valid_to) })
      : await api.post<Organization>('/organizations', { ...body, parent_id: parent!.id });
    invalidateOrgTree();
    onSaved(saved);
  };

  return (
    <FormModal<OrgFormValues>
      title={editing ? `Sửa: ${organization!.name}` : `Thêm tổ chức trực thuộc ${parent?.name ?? ''}`}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      initialValues={initialValues}
      testId="org-form"
    >
      <Form.Item label="Tên tổ chức" name="name" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên' }]}>
        <Input placeholder="Ví dụ: Chi bộ Thôn Đông" />
      </Form.Item>
      <Form.Item label="Loại tổ chức" name="kind" rules={[{ required: true, message: 'Vui lòng chọn loại' }]}>
        <Select options={options(KIND_LABELS)} />
      </Form.Item>
      <Form.Item label="Phân loại chi bộ" name="category">
        <Select allowClear placeholder="Không phân loại" options={options(CATEGORY_LABELS)} />
      </Form.Item>
      <Form.Item label="Địa chỉ" name="address">
        <Input />
      </Form.Item>
      <Form.Item label="Thành lập từ ngày" name="valid_from">
        <DateInput />
      </Form.Item>
      {editing && (
        <Form.Item label="Ngừng hoạt động từ ngày" name="valid_to">
          <DateInput />
        </Form.Item>
      )}
    </FormModal>
  );
}

interface MoveValues {
  parent_id: number;
}

export function MoveModal({
  open,
  onClose,
  onSaved,
  organization,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (organization: Organization) => void;
  organization: Organization;
}) {
  return (
    <FormModal<MoveValues>
      title={`Chuyển ${organization.name} sang tổ chức cấp trên khác`}
      open={open}
      onClose={onClose}
      okText="Chuyển"
      testId="move-form"
      onSubmit={async (values) => {
        const saved = await api.post<Organization>(`/organizations/${organization.id}/move`, values);
        invalidateOrgTree();
        onSaved(saved);
      }}
    >
      <Form.Item
        label="Tổ chức cấp trên mới"
        name="parent_id"
        rules={[{ required: true, message: 'Vui lòng chọn tổ chức cấp trên' }]}
      >
        <OrgPicker excludeIds={[organization.id, organization.parent_id ?? -1]} />
      </Form.Item>
    </FormModal>
  );
}

interface MergeValues {
  into_id: number;
  date: Dayjs;
}

export function MergeModal({
  open,
  onClose,
  onMerged,
  organization,
}: {
  open: boolean;
  onClose: () => void;
  onMerged: (target: Organization) => void;
  organization: Organization;
}) {
  const { modal } = App.useApp();
  return (
    <FormModal<MergeValues>
      title={`Sáp nhập ${organization.name}`}
      open={open}
      onClose={onClose}
      okText="Sáp nhập"
      testId="merge-form"
      initialValues={{ date: dayjs() }}
      onSubmit={async (values) => {
        const target = await api.get<Organization>(`/organizations/${values.into_id}`);
        const date = formatDate(toIsoDate(values.date));
        const confirmed = await modal.confirm({
          title: 'Xác nhận sáp nhập chi bộ',
          content: (
            <div data-testid="merge-confirm">
              <p>
                Sáp nhập <b>{organization.name}</b> vào <b>{target.name}</b> từ ngày <b>{date}</b>.
              </p>
              <p>
                Toàn bộ {organization.counts.on_roll} đảng viên đang sinh hoạt sẽ chuyển sang {target.name}.{' '}
                {organization.name} ngừng hoạt động từ ngày {date}. Lịch sử sinh hoạt của đảng viên được giữ nguyên.
              </p>
            </div>
          ),
          okText: 'Đồng ý sáp nhập',
          cancelText: 'Hủy',
          okButtonProps: { danger: true },
        });
        if (!confirmed) throw new Cancelled();
        const merged = await api.post<Organization>(`/organizations/${organization.id}/merge`, {
          into_id: values.into_id,
          date: toIsoDate(values.date),
        });
        invalidateOrgTree();
        onMerged(merged);
      }}
    >
      <Typography.Paragraph>
        Các đảng viên đang sinh hoạt ở <b>{organization.name}</b> sẽ chuyển sang chi bộ được chọn. Chi bộ này sẽ ngừng
        hoạt động; lịch sử vẫn được giữ.
      </Typography.Paragraph>
      <Form.Item label="Sáp nhập vào chi bộ" name="into_id" rules={[{ required: true, message: 'Vui lòng chọn chi bộ' }]}>
        <OrgPicker cellsOnly excludeIds={[organization.id]} placeholder="Chọn chi bộ nhận" />
      </Form.Item>
      <Form.Item label="Ngày sáp nhập" name="date" rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}
