import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api } from '../../lib/api';
import { useDebounced } from '../../lib/useApi';
import type { MemberSummary, Paged } from '../../lib/types';

interface MemberSelectProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  // Limits the choice to members of this organisation's subtree.
  organizationId?: number;
  placeholder?: string;
  // The name of the member already chosen, shown before a search finds them.
  selectedLabel?: string;
  allowClear?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
}

// Picks a member by typing part of the name (matched by the server without diacritics).
export default function MemberSelect({
  id,
  value,
  onChange,
  organizationId,
  placeholder = 'Gõ tên đảng viên để tìm',
  selectedLabel,
  allowClear,
  disabled,
  ...rest
}: MemberSelectProps) {
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 300);
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    api
      .get<Paged<MemberSummary>>('/members', { q: query.trim(), organization_id: organizationId, page: 1, page_size: 30 })
      .then((page) => {
        if (cancelled) return;
        setOptions(
          page.items.map((m) => ({
            value: m.id,
            label: organizationId ? m.full_name : `${m.full_name} — ${m.organization_name}`,
          })),
        );
      })
      .catch(() => {
        if (!cancelled) setOptions([]);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [query, organizationId]);

  const shown =
    value && selectedLabel && !options.some((o) => o.value === value)
      ? [{ value, label: selectedLabel }, ...options]
      : options;

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={shown}
      allowClear={allowClear}
      disabled={disabled}
      loading={loading}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={loading ? 'Đang tìm…' : 'Không tìm thấy'}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
      style={{ width: '100%' }}
    />
  );
}
