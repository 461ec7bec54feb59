import { Grid, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../lib/dates';
import { SEX_LABELS } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { MemberStatus, MemberSummary, Paged } from '../../lib/types';
import StatusTag from './StatusTag';
import { LoadError } from '../../ui/LoadFailure';

export interface MemberFilters {
  q?: string;
  organization_id?: number;
  status?: MemberStatus;
  include_off_roll?: boolean;
}

interface MembersTableProps {
  filters: MemberFilters;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  // Hide the cell column (for example inside a cell's own page).
  hideOrganization?: boolean;
  testId?: string;
}

// One page of members as the server orders them (Vietnamese given-name order): never re-sorted here.
export default function MembersTable({
  filters,
  page,
  pageSize,
  onPageChange,
  hideOrganization = false,
  testId = 'members-table',
}: MembersTableProps) {
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const { data, error, loading } = useApi<Paged<MemberSummary>>('/members', {
    q: filters.q?.trim() || undefined,
    organization_id: filters.organization_id,
    status: filters.status,
    include_off_roll: filters.include_off_roll || (filters.status && !isOnRoll(filters.status)) ? true : undefined,
    page,
    page_size: pageSize,
  });

  const columns: TableColumnsType<MemberSummary> = [
    {
      title: 'STT',
      key: 'index',
      width: 56,
      responsive: ['sm'],
      render: (_v, _r, index) => (page - 1) * pageSize + index + 1,
    },
    {
      title: 'Họ và tên',
      dataIndex: 'full_name',
      key: 'full_name',
      render: (name: string, m) => (
        <div>
          <Link to={`/members/${m.id}`} className="member-name">
            {name}
          </Link>
          {narrow && (
            <div className="member-sub">
              <StatusTag status={m.status} />
              {!hideOrganization && <Typography.Text type="secondary">{m.organization_name}</Typography.Text>}
            </div>
          )}
        </div>
      ),
    },
    { title: 'Ngày sinh', dataIndex: 'date_of_birth', key: 'dob', render: formatDate, responsive: ['md'] },
    {
      title: 'Giới tính',
      dataIndex: 'sex',
      key: 'sex',
      render: (s: string) => SEX_LABELS[s as 'male' | 'female'] ?? s,
      responsive: ['lg'],
    },
    {
      title: 'Tình trạng',
      dataIndex: 'status',
      key: 'status',
      render: (s: string) => <StatusTag status={s} />,
      responsive: ['md'],
    },
    ...(hideOrganization
      ? []
      : [
          {
            title: 'Chi bộ',
            dataIndex: 'organization_name',
            key: 'organization',
            responsive: ['md'],
            render: (name: string, m: MemberSummary) => <Link to={`/organizations/${m.organization_id}`}>{name}</Link>,
          } as TableColumnsType<MemberSummary>[number],
        ]),
    { title: 'Điện thoại', dataIndex: 'phone', key: 'phone', responsive: ['lg'] },
    { title: 'Số thẻ đảng viên', dataIndex: 'party_card_number', key: 'card', responsive: ['xxl'] },
  ];

  return (
    <>
      {error !== undefined && <LoadError error={error} style={{ marginBottom: 12 }} />}
      <Table<MemberSummary>
        data-testid={testId}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Không có đảng viên nào' }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: !narrow,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `Tổng ${total} đảng viên`,
          onChange: onPageChange,
          simple: narrow,
        }}
      />
    </>
  );
}

function isOnRoll(status: MemberStatus): boolean {
  return ['official', 'probationary', 'exempt', 'temporary', 'working_away'].includes(status);
}
