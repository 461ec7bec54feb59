import { useState, type ReactNode } from 'react';
import { App, Button, Form, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import DateInput from '../../ui/DateInput';
import FormModal from '../../ui/FormModal';
import { api } from '../../lib/api';
import { formatDate, toIsoDate } from '../../lib/dates';
import { documentTypeOptions } from '../../lib/labels';
import { matchesWords } from '../../lib/text';
import { useApi } from '../../lib/useApi';
import type { DocumentType, IssuedDocument, Organization, Paged } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

interface DocumentValues {
  type: DocumentType;
  title: string;
  issued_on: Dayjs;
}

const TYPE_OPTIONS = documentTypeOptions();
const typeSearch = {
  filterOption: (input: string, option?: { label?: ReactNode }) => matchesWords(String(option?.label ?? ''), input),
};

// The form that registers a document: the server allocates the next number for its type and term.
export function DocumentFormModal({
  open,
  onClose,
  onSaved,
  organization,
  defaultType,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (document: IssuedDocument) => void;
  organization: Organization;
  defaultType?: DocumentType;
}) {
  return (
    <FormModal<DocumentValues>
      title={`Vào sổ văn bản — ${organization.name}`}
      open={open}
      onClose={onClose}
      okText="Vào sổ"
      testId="document-form"
      initialValues={{ type: defaultType, issued_on: dayjs() }}
      onSubmit={async (values) => {
        const saved = await api.post<IssuedDocument>(`/organizations/${organization.id}/documents`, {
          type: values.type,
          title: values.title.trim(),
          issued_on: toIsoDate(values.issued_on),
        });
        onSaved(saved);
      }}
    >
      <Typography.Paragraph type="secondary">
        Số văn bản được cấp tự động, liên tục theo từng loại văn bản trong nhiệm kỳ.
      </Typography.Paragraph>
      <Form.Item label="Loại văn bản" name="type" rules={[{ required: true, message: 'Vui lòng chọn loại văn bản' }]}>
        <Select placeholder="Chọn loại văn bản" options={TYPE_OPTIONS} showSearch={typeSearch} />
      </Form.Item>
      <Form.Item
        label="Trích yếu"
        name="title"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập trích yếu văn bản' }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={300}
          placeholder="Ví dụ: Nghị quyết về lãnh đạo thực hiện nhiệm vụ năm 2026"
        />
      </Form.Item>
      <Form.Item label="Ngày ban hành" name="issued_on" rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

// The register of issued documents (sổ đăng ký văn bản đi) of one organisation: one page at a time, newest
// first as the server orders it, filtered by type.
export default function DocumentRegister({ organization, canWrite }: { organization: Organization; canWrite: boolean }) {
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const [type, setType] = useState<DocumentType | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [registering, setRegistering] = useState(false);
  const { data, error, loading, reload } = useApi<Paged<IssuedDocument>>(`/organizations/${organization.id}/documents`, {
    type,
    page,
    page_size: pageSize,
  });

  const number = (d: IssuedDocument) => <span className="document-number">{d.number_text}</span>;
  const columns: TableColumnsType<IssuedDocument> = narrow
    ? [
        {
          title: 'Văn bản',
          key: 'all',
          render: (_: unknown, d) => (
            <div>
              <div className="document-head">
                {number(d)}
                <Tag>{d.type_label}</Tag>
                <span className="document-date">{formatDate(d.issued_on)}</span>
              </div>
              <div className="document-title">{d.title}</div>
              <Typography.Text type="secondary" className="document-meta">
                <span>Nhiệm kỳ {d.term_label}</span>
                <span>Vào sổ: {d.created_by}</span>
              </Typography.Text>
            </div>
          ),
        },
      ]
    : [
        { title: 'Số/ký hiệu', key: 'number', className: 'nowrap', render: (_: unknown, d) => number(d) },
        { title: 'Loại', dataIndex: 'type_label', key: 'type', className: 'nowrap' },
        { title: 'Trích yếu', dataIndex: 'title', key: 'title', className: 'document-title' },
        { title: 'Ngày ban hành', dataIndex: 'issued_on', key: 'issued_on', className: 'nowrap', render: formatDate },
        { title: 'Nhiệm kỳ', dataIndex: 'term_label', key: 'term', className: 'nowrap' },
        { title: 'Người vào sổ', dataIndex: 'created_by', key: 'created_by' },
      ];

  return (
    <div data-testid="document-register">
      <div className="register-toolbar">
        <Select<DocumentType>
          allowClear
          size="large"
          placeholder="Loại văn bản: tất cả"
          aria-label="Lọc theo loại văn bản"
          data-testid="document-type-filter"
          className="register-filter"
          value={type}
          options={TYPE_OPTIONS}
          showSearch={typeSearch}
          onChange={(value) => {
            setType(value);
            setPage(1);
          }}
        />
        {canWrite && (
          <Button
            type="primary"
            size="large"
            icon={<FileAddOutlined />}
            data-testid="add-document"
            onClick={() => setRegistering(true)}
          >
            Vào sổ văn bản
          </Button>
        )}
      </div>
      {error !== undefined && <LoadError error={error} style={{ marginBottom: 12 }} />}
      <Table<IssuedDocument>
        data-testid="documents-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={narrow ? undefined : { x: 760 }}
        locale={{ emptyText: type ? 'Không có văn bản loại này' : 'Chưa có văn bản nào trong sổ' }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: !narrow,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `Tổng ${total} văn bản`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
          simple: narrow,
        }}
      />
      {registering && (
        <DocumentFormModal
          open
          organization={organization}
          defaultType={type}
          onClose={() => setRegistering(false)}
          onSaved={(saved) => {
            message.success(`Đã vào sổ: ${saved.number_text}`);
            // Newest first: the new entry heads page 1, unless the type filter would hide it.
            if (type && type !== saved.type) setType(undefined);
            setPage(1);
            reload();
          }}
        />
      )}
    </div>
  );
}
