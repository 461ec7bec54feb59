import { useState } from 'react';
import { Grid, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../../lib/dates';
import { actorText, changedRows, subjectText, type DiffRow } from './diff';
import { actionLabel, entityLabel, fieldLabel } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { AuditEntry, Paged } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

function Diff({ entry }: { entry: AuditEntry }) {
  const rows = changedRows(entry.before, entry.after);
  const columns: TableColumnsType<DiffRow> = [
    { title: 'Trường', dataIndex: 'key', key: 'key', render: (k: string) => <span title={k}>{fieldLabel(k)}</span> },
    {
      title: 'Trước',
      dataIndex: 'before',
      key: 'before',
      render: (v: string) => <pre className="diff-value">{v}</pre>,
    },
    {
      title: 'Sau',
      dataIndex: 'after',
      key: 'after',
      render: (v: string) => <pre className="diff-value">{v}</pre>,
    },
  ];
  return (
    <Table<DiffRow>
      data-testid="audit-diff"
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      rowClassName={(r) => (r.changed ? 'diff-changed' : '')}
      locale={{ emptyText: 'Không có dữ liệu thay đổi' }}
      scroll={{ x: 'max-content' }}
    />
  );
}

export default function AuditPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const { data, error, loading } = useApi<Paged<AuditEntry>>('/audit', { page, page_size: pageSize });
  const narrow = !Grid.useBreakpoint().md;
  const entity = (e: AuditEntry) => (
    <span title={`${e.entity} #${e.entity_id}`}>{subjectText(entityLabel(e.entity), e.organization_name)}</span>
  );
  const who = (e: AuditEntry) => <span title={e.username}>{actorText(e)}</span>;

  const columns: TableColumnsType<AuditEntry> = narrow
    ? [
        {
          title: 'Thao tác',
          key: 'all',
          render: (_: unknown, e) => (
            <div>
              <div>
                <b>{formatDateTime(e.at)}</b> — {who(e)}
              </div>
              <Tag title={e.action}>{actionLabel(e.action)}</Tag> {entity(e)}
            </div>
          ),
        },
      ]
    : [
        { title: 'Thời gian', dataIndex: 'at', key: 'at', render: formatDateTime, className: 'nowrap' },
        { title: 'Người thực hiện', key: 'user', render: (_: unknown, e) => who(e) },
        { title: 'Thao tác', dataIndex: 'action', key: 'action', render: (a: string) => <Tag title={a}>{actionLabel(a)}</Tag> },
        { title: 'Đối tượng', key: 'entity', render: (_: unknown, e) => entity(e) },
      ];

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        Nhật ký thao tác
      </Typography.Title>
      {error !== undefined && <LoadError error={error} className="section" />}
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={narrow ? undefined : { x: 'max-content' }}
        expandable={{
          expandedRowRender: (entry) => <Diff entry={entry} />,
          rowExpandable: (entry) => entry.before !== null || entry.after !== null,
        }}
        locale={{ emptyText: 'Chưa có thao tác nào' }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => `Tổng ${total} dòng`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </div>
  );
}
