import { Tag } from 'antd';
import { STATUS_COLORS, statusLabel } from '../../lib/labels';
import type { MemberStatus } from '../../lib/types';

export default function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status as MemberStatus] ?? 'default'}>{statusLabel(status)}</Tag>;
}
