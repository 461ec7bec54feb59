import { useEffect, useState } from 'react';
import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api } from '../../lib/api';
import type { MemberSummary, Paged } from '../../lib/types';
import StatusTag from './StatusTag';
import { LoadError } from '../../ui/LoadFailure';

// Members of a party group. Members are recorded on the cell and point at their group, so the list is the
// cell's roll (in the server's order) filtered by party_group_id.
export function useGroupMembers(cellId: number | null, groupId: number, version = 0) {
  const [members, setMembers] = useState<MemberSummary[] | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    if (!cellId) {
      setMembers([]);
      return;
    }
    setMembers(null);
    let cancelled = false;
    (async () => {
      const all: MemberSummary[] = [];
      for (let page = 1; page <= 50; page++) {
        const result = await api.get<Paged<MemberSummary>>('/members', { organization_id: cellId, page, page_size: 200 });
        all.push(...result.items);
        if (all.length >= result.total || result.items.length === 0) break;
      }
      return all.filter((m) => m.party_group_id === groupId);
    })()
      .then((list) => !cancelled && setMembers(list))
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [cellId, groupId, version]);
  return { members, error };
}

export default function GroupMembersTable({ members, error }: { members: MemberSummary[] | null; error: unknown }) {
  const columns: TableColumnsType<MemberSummary> = [
    { title: 'STT', key: 'index', width: 56, render: (_v, _r, i) => i + 1 },
    {
      title: 'Họ và tên',
      dataIndex: 'full_name',
      key: 'name',
      render: (name: string, m) => (
        <Link to={`/members/${m.id}`} className="member-name">
          {name}
        </Link>
      ),
    },
    { title: 'Tình trạng', dataIndex: 'status', key: 'status', render: (s: string) => <StatusTag status={s} /> },
  ];
  return (
    <>
      {error !== undefined && <LoadError error={error} style={{ marginBottom: 12 }} />}
      <Table<MemberSummary>
        data-testid="org-members-table"
        rowKey="id"
        columns={columns}
        dataSource={members ?? []}
        loading={members === null && error === undefined}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `Tổng ${t} đảng viên` }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Tổ đảng chưa có đảng viên' }}
      />
    </>
  );
}
