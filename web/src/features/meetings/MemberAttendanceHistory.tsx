import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Grid, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDate, recentYears } from '../../lib/dates';
import { MEETING_KIND_LABELS, PRESENCE_COLORS, PRESENCE_LABELS } from './meetings';
import { useApi } from '../../lib/useApi';
import type { MemberAttendance, MemberAttendanceEntry, Presence } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

const COUNT_ORDER: Presence[] = ['present', 'late', 'excused', 'unexcused', 'exempt'];

// "Lịch sử dự sinh hoạt": the member's presence at each meeting of a year (as frozen in the roll calls), with the
// counts by presence.
export default function MemberAttendanceHistory({ memberId }: { memberId: number }) {
  const narrow = !Grid.useBreakpoint().md;
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, loading } = useApi<MemberAttendance>(`/members/${memberId}/attendance`, { year });

  const presence = (e: MemberAttendanceEntry) => (
    <Tag color={PRESENCE_COLORS[e.presence]}>{PRESENCE_LABELS[e.presence] ?? e.presence}</Tag>
  );
  const meetingLink = (e: MemberAttendanceEntry) => (
    <Link to={`/meetings/${e.meeting_id}`} className="meeting-date">
      {formatDate(e.date)}
    </Link>
  );
  const kind = (e: MemberAttendanceEntry) => MEETING_KIND_LABELS[e.kind] ?? e.kind;
  const columns: TableColumnsType<MemberAttendanceEntry> = narrow
    ? [
        {
          title: 'Cuộc họp',
          key: 'all',
          render: (_: unknown, e) => (
            <div>
              <div className="meeting-head">
                {meetingLink(e)}
                <Typography.Text type="secondary">{kind(e)}</Typography.Text>
                {presence(e)}
              </div>
              {e.reason && <div className="pre-line">Lý do: {e.reason}</div>}
            </div>
          ),
        },
      ]
    : [
        { title: 'Ngày họp', key: 'date', className: 'nowrap', render: (_: unknown, e) => meetingLink(e) },
        { title: 'Loại', key: 'kind', className: 'nowrap', render: (_: unknown, e) => kind(e) },
        { title: 'Điểm danh', key: 'presence', className: 'nowrap', render: (_: unknown, e) => presence(e) },
        { title: 'Lý do', dataIndex: 'reason', key: 'reason', className: 'pre-line', render: (r: string) => r || '—' },
      ];

  return (
    <Card
      title="Lịch sử dự sinh hoạt"
      size="small"
      className="section"
      data-testid="member-attendance"
      extra={
        <Select<number>
          aria-label="Năm"
          className="meeting-year"
          data-testid="attendance-year"
          value={year}
          options={recentYears(year).map((y) => ({ value: y, label: String(y) }))}
          onChange={setYear}
        />
      }
    >
      {error !== undefined && <LoadError error={error} className="section" />}
      {data && (
        <div className="counts section" data-testid="attendance-counts">
          {COUNT_ORDER.map((p) => (
            <Statistic
              key={p}
              title={PRESENCE_LABELS[p]}
              value={data.counts[p] ?? 0}
              styles={p === 'unexcused' && (data.counts[p] ?? 0) > 0 ? { content: { color: '#b71c1c' } } : undefined}
            />
          ))}
          {/* Meetings of the home cell while a temporary transfer letter ran: shown only for members who were away. */}
          {data.counts.away > 0 && <Statistic title={PRESENCE_LABELS.away} value={data.counts.away} />}
        </div>
      )}
      <Table<MemberAttendanceEntry>
        data-testid="attendance-history"
        rowKey="meeting_id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
        scroll={narrow ? undefined : { x: 'max-content' }}
        locale={{ emptyText: `Chưa có điểm danh nào trong năm ${year}` }}
      />
    </Card>
  );
}
