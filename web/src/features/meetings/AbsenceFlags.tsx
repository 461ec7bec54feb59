import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Grid, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApiError } from '../../lib/api';
import { recentYears } from '../../lib/dates';
import { useApi } from '../../lib/useApi';
import type { AbsenceFlag, Organization } from '../../lib/types';
import AbsentIn from '../../ui/AbsentIn';
import { LoadError } from '../../ui/LoadFailure';

// Members of the subtree absent without reason from 3 or more meetings of a calendar year: the Party Charter asks
// the cell to consider removing them. The system only points them out; people decide.
export default function AbsenceFlags({ organization, cell }: { organization: Organization; cell: boolean }) {
  const narrow = !Grid.useBreakpoint().md;
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, loading } = useApi<{ items: AbsenceFlag[] }>(`/organizations/${organization.id}/absence-flags`, {
    year,
  });
  // Those who may not see attendance (plain members) get nothing here rather than an error.
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;

  const count = (f: AbsenceFlag) => (
    <>
      <Tag color="red" className="nowrap">
        {f.unexcused} lần
      </Tag>
      <AbsentIn where={f.absent_in} testId="absent-in" />
    </>
  );
  const columns: TableColumnsType<AbsenceFlag> = narrow
    ? [
        {
          title: 'Đảng viên',
          key: 'all',
          render: (_: unknown, f) => (
            <div>
              <Link to={`/members/${f.member_id}`}>
                <b>{f.member_name}</b>
              </Link>{' '}
              {count(f)}
              {!cell && (
                <div>
                  <Link to={`/organizations/${f.organization_id}`}>{f.organization_name}</Link>
                </div>
              )}
            </div>
          ),
        },
      ]
    : [
        {
          title: 'Họ và tên',
          dataIndex: 'member_name',
          key: 'name',
          render: (name: string, f) => <Link to={`/members/${f.member_id}`}>{name}</Link>,
        },
        ...(cell
          ? []
          : [
              {
                title: 'Chi bộ',
                dataIndex: 'organization_name',
                key: 'org',
                render: (name: string, f: AbsenceFlag) => (
                  <Link to={`/organizations/${f.organization_id}`}>{name}</Link>
                ),
              },
            ]),
        { title: 'Số lần vắng không lý do', key: 'count', render: (_: unknown, f: AbsenceFlag) => count(f) },
      ];

  return (
    <Card
      title="Đảng viên vắng 3 lần không lý do"
      size="small"
      className="section"
      data-testid="absence-flags"
      extra={
        <Select<number>
          aria-label="Năm"
          className="meeting-year"
          data-testid="absence-year"
          value={year}
          options={recentYears(year).map((y) => ({ value: y, label: String(y) }))}
          onChange={setYear}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        Đảng viên bỏ sinh hoạt 3 lần trở lên trong năm không có lý do chính đáng: chi bộ xem xét, đề nghị xóa tên theo
        Điều lệ Đảng.
      </Typography.Paragraph>
      {error !== undefined && <LoadError error={error} className="section" />}
      <Table<AbsenceFlag>
        data-testid="absence-flags-table"
        rowKey="member_id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: `Không có đảng viên nào vắng sinh hoạt 3 lần không lý do trong năm ${year}` }}
      />
    </Card>
  );
}
