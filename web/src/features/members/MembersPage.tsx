import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Checkbox, Input, Select, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import MembersTable from './MembersTable';
import OrgPicker from '../organizations/OrgPicker';
import { options, STATUS_LABELS } from '../../lib/labels';
import { useDebounced } from '../../lib/useApi';
import type { MemberStatus } from '../../lib/types';

export default function MembersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (params.get('status') || undefined) as MemberStatus | undefined;
  const organizationId = params.get('org') ? Number(params.get('org')) : undefined;
  const includeOffRoll = params.get('all') === '1';
  const page = Number(params.get('page') || 1);
  const pageSize = Number(params.get('size') || 50);

  const [search, setSearch] = useState(q);
  const debounced = useDebounced(search, 350);

  const update = (changes: Record<string, string | undefined>, resetPage = true) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (resetPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  // The debounced search goes into the address (so Back and reload keep it); `update` is stable enough.
  useEffect(() => {
    if (debounced !== q) update({ q: debounced });
  }, [debounced]);

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        Đảng viên
      </Typography.Title>
      <div className="filters">
        <Input
          allowClear
          size="large"
          prefix={<SearchOutlined />}
          placeholder="Tìm theo tên, không cần dấu (ví dụ: dang van)"
          aria-label="Tìm đảng viên"
          data-testid="member-search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ flexBasis: 320 }}
        />
        <Select<MemberStatus>
          allowClear
          size="large"
          placeholder="Tình trạng: tất cả"
          aria-label="Lọc theo tình trạng"
          data-testid="status-filter"
          value={status}
          options={options(STATUS_LABELS)}
          onChange={(value) => update({ status: value })}
        />
        <OrgPicker
          allowClear
          placeholder="Tổ chức: tất cả"
          aria-label="Lọc theo tổ chức"
          data-testid="org-filter"
          value={organizationId}
          onChange={(value) => update({ org: value ? String(value) : undefined })}
        />
      </div>
      <Checkbox
        checked={includeOffRoll}
        onChange={(e) => update({ all: e.target.checked ? '1' : undefined })}
        style={{ marginBottom: 12 }}
      >
        Gồm cả người đã ra khỏi danh sách (chuyển đi, xóa tên, từ trần)
      </Checkbox>
      <MembersTable
        filters={{ q: debounced, status, organization_id: organizationId, include_off_roll: includeOffRoll }}
        page={page}
        pageSize={pageSize}
        onPageChange={(p, s) => update({ page: p > 1 ? String(p) : undefined, size: s !== 50 ? String(s) : undefined }, false)}
      />
    </div>
  );
}
