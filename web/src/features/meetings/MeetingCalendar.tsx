import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Form, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CalendarOutlined, CloseCircleOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import DateInput from '../../ui/DateInput';
import FormModal, { Cancelled } from '../../ui/FormModal';
import { api, errorMessage } from '../../lib/api';
import { formatDate, parseIsoDate, toIsoDate } from '../../lib/dates';
import {
  beforeHeld,
  combinedPartner,
  entryMinimumText,
  entryStateLabel,
  MEETING_KIND_LABELS,
  MEETING_STATE_COLORS,
  monthsAhead,
  shiftNote,
  weekdayLabel,
} from './meetings';
import { useApi } from '../../lib/useApi';
import type { CalendarEntry, DayShift, Meeting, Organization } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

const entryKey = (e: Pick<CalendarEntry, 'kind' | 'year' | 'month'>) => `${e.kind}-${e.year}-${e.month}`;
// "sinh hoạt thường kỳ tháng 12/2026"
const entryName = (e: Pick<CalendarEntry, 'kind' | 'year' | 'month'>) =>
  `sinh hoạt ${MEETING_KIND_LABELS[e.kind].toLowerCase()} tháng ${e.month}/${e.year}`;

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

interface MoveValues {
  date: Dayjs;
  start_time: string;
  reason: string;
}

export function MoveMeetingModal({
  entry,
  onClose,
  onSaved,
}: {
  entry: CalendarEntry;
  onClose: () => void;
  onSaved: (meeting: Meeting) => void;
}) {
  const next = entry.month === 12 ? `1/${entry.year + 1}` : `${entry.month + 1}/${entry.year}`;
  return (
    <FormModal<MoveValues>
      title={`Dời lịch ${entryName(entry)}`}
      open
      onClose={onClose}
      okText="Dời lịch"
      testId="move-meeting-form"
      initialValues={{ date: parseIsoDate(entry.date), start_time: entry.start_time, reason: '' }}
      onSubmit={async (values) => {
        const saved = await api.post<Meeting>(`/meetings/${entry.id}/move`, {
          date: toIsoDate(values.date),
          start_time: values.start_time.trim(),
          reason: values.reason.trim(),
        });
        onSaved(saved);
      }}
    >
      <Typography.Paragraph type="secondary">
        Đang dự kiến: {formatDate(entry.date)} lúc {entry.start_time}. Chỉ dời trong tháng {entry.month}/{entry.year} hoặc
        tháng {next}.
      </Typography.Paragraph>
      <div className="rule-form-pair">
        <Form.Item label="Ngày họp mới" name="date" rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}>
          <DateInput />
        </Form.Item>
        <Form.Item
          label="Giờ bắt đầu"
          name="start_time"
          rules={[
            { required: true, message: 'Vui lòng nhập giờ' },
            { pattern: TIME_RE, message: 'Giờ phải có dạng HH:MM, ví dụ 14:00.' },
          ]}
        >
          <Input maxLength={5} inputMode="numeric" placeholder="HH:MM" />
        </Form.Item>
      </div>
      <Form.Item
        label="Lý do dời lịch"
        name="reason"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi lý do dời lịch.' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={300} placeholder="Ví dụ: Trùng lịch họp của xã" />
      </Form.Item>
    </FormModal>
  );
}

export function CancelMeetingModal({
  entry,
  onClose,
  onSaved,
}: {
  entry: CalendarEntry;
  onClose: () => void;
  onSaved: (meeting: Meeting) => void;
}) {
  const { modal } = App.useApp();
  return (
    <FormModal<{ reason: string }>
      title={`Hủy ${entryName(entry)}`}
      open
      onClose={onClose}
      okText="Hủy cuộc họp"
      cancelText="Đóng"
      danger
      testId="cancel-meeting-form"
      initialValues={{ reason: '' }}
      onSubmit={async (values) => {
        const confirmed = await modal.confirm({
          title: 'Xác nhận hủy cuộc họp',
          content: (
            <div data-testid="cancel-meeting-confirm">
              Hủy {entryName(entry)} ({formatDate(entry.date)} lúc {entry.start_time})? Cuộc họp đã hủy không dời lại
              được.
            </div>
          ),
          okText: 'Đồng ý hủy',
          cancelText: 'Không',
          okButtonProps: { danger: true },
        });
        if (!confirmed) throw new Cancelled();
        const saved = await api.post<Meeting>(`/meetings/${entry.id}/cancel`, { reason: values.reason.trim() });
        onSaved(saved);
      }}
    >
      <Typography.Paragraph type="secondary">
        Dự kiến: {formatDate(entry.date)} lúc {entry.start_time}.
      </Typography.Paragraph>
      <Form.Item
        label="Lý do hủy"
        name="reason"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi lý do hủy cuộc họp.' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}

// The meetings a cell's rule expects in one year, merged with the occurrences already created: secretaries
// create an occurrence ("Lập cuộc họp"), move it or cancel it before it is held.
export default function MeetingCalendar({
  organization,
  canWrite,
  shift,
  version,
}: {
  organization: Organization;
  canWrite: boolean;
  // The rule's way of moving a date off a day off, for the note next to shifted dates.
  shift: DayShift | undefined;
  // Changes when the rule was saved: the expected dates change with it.
  version: number;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [busy, setBusy] = useState<string | null>(null);
  const [moving, setMoving] = useState<CalendarEntry | null>(null);
  const [cancelling, setCancelling] = useState<CalendarEntry | null>(null);
  const { data, error, loading, reload } = useApi<{ items: CalendarEntry[] }>(`/organizations/${organization.id}/meetings`, {
    year,
  });
  const entries = data?.items ?? [];
  useEffect(() => {
    if (version) reload();
  }, [version, reload]);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 4 + i);
  if (!years.includes(year)) years.push(year);

  const create = async (e: CalendarEntry) => {
    setBusy(entryKey(e));
    try {
      const m = await api.post<Meeting>(`/organizations/${organization.id}/meetings`, {
        kind: e.kind,
        year: e.year,
        month: e.month,
      });
      message.success(`Đã lập cuộc họp ${entryName(m)}: ${formatDate(m.date)} lúc ${m.start_time}`);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const dateCell = (e: CalendarEntry) => (
    <div>
      {e.id === null ? (
        <span className="meeting-date">{formatDate(e.date)}</span>
      ) : (
        <Link to={`/meetings/${e.id}`} className="meeting-date" data-testid="meeting-link">
          {formatDate(e.date)}
        </Link>
      )}{' '}
      <Typography.Text type="secondary" className="meeting-weekday">
        {weekdayLabel(e.date)}
      </Typography.Text>
      {e.held_late && (
        <div className="meeting-note">
          <Typography.Text type="warning" data-testid="held-late">
            Họp muộn sang tháng sau, vẫn tính cho tháng {e.month}/{e.year}
          </Typography.Text>
        </div>
      )}
      {e.shifted && !e.moved_reason && (
        <div className="meeting-note">
          <Typography.Text type="warning" data-testid="shifted-note">
            {shiftNote(shift)}
          </Typography.Text>
        </div>
      )}
    </div>
  );
  const stateTag = (e: CalendarEntry) => (
    <Tag color={e.id === null ? 'default' : MEETING_STATE_COLORS[e.state]} className="meeting-state">
      {entryStateLabel(e)}
    </Tag>
  );
  const kindTag = (e: CalendarEntry) => (
    <Tag color={e.kind === 'thematic' ? 'purple' : undefined} className="meeting-kind">
      {MEETING_KIND_LABELS[e.kind]}
    </Tag>
  );
  const reasons = (e: CalendarEntry) =>
    e.moved_reason || e.cancelled_reason ? (
      <div className="meeting-reasons">
        {e.moved_reason && <div data-testid="moved-reason">Dời lịch: {e.moved_reason}</div>}
        {e.cancelled_reason && <div data-testid="cancelled-reason">Hủy: {e.cancelled_reason}</div>}
      </div>
    ) : null;
  // Every created meeting opens its page: preparation, roll call, minutes, report (a cancelled one only by its date).
  const openButton = (e: CalendarEntry) =>
    e.id === null || e.state === 'cancelled' ? null : (
      <Button
        size={narrow ? 'middle' : 'small'}
        type="primary"
        ghost
        icon={narrow ? <FileTextOutlined /> : undefined}
        data-testid="meeting-open"
        aria-label={`Mở ${entryName(e)}`}
        onClick={() => navigate(`/meetings/${e.id}`)}
      >
        Chi tiết
      </Button>
    );
  const actions = (e: CalendarEntry) => {
    if (!canWrite) return openButton(e);
    if (e.id === null) {
      // Occurrences are created when needed, at most 12 months ahead.
      const ahead = monthsAhead(e.year, e.month);
      if (ahead > 12) return null;
      return (
        <Button
          size={narrow ? 'middle' : 'small'}
          type={ahead >= 0 ? 'primary' : 'default'}
          ghost={ahead >= 0}
          icon={<PlusOutlined />}
          data-testid="meeting-create"
          aria-label={`Lập cuộc họp ${entryName(e)}`}
          loading={busy === entryKey(e)}
          onClick={() => create(e)}
        >
          Lập cuộc họp
        </Button>
      );
    }
    if (!beforeHeld(e.state)) return openButton(e);
    return (
      <span className="meeting-actions">
        {openButton(e)}
        <Button
          size={narrow ? 'middle' : 'small'}
          icon={narrow ? <CalendarOutlined /> : undefined}
          data-testid="meeting-move"
          aria-label={`Dời lịch ${entryName(e)}`}
          onClick={() => setMoving(e)}
        >
          Dời lịch
        </Button>
        <Button
          size={narrow ? 'middle' : 'small'}
          danger
          icon={narrow ? <CloseCircleOutlined /> : undefined}
          data-testid="meeting-cancel"
          aria-label={`Hủy ${entryName(e)}`}
          onClick={() => setCancelling(e)}
        >
          Hủy
        </Button>
      </span>
    );
  };

  const columns: TableColumnsType<CalendarEntry> = narrow
    ? [
        {
          title: 'Cuộc họp',
          key: 'all',
          render: (_: unknown, e) => (
            <div className="meeting-card">
              <div className="meeting-head">
                <b>
                  Tháng {e.month}/{e.year}
                </b>
                {kindTag(e)}
                {stateTag(e)}
              </div>
              <div className="meeting-when">
                {dateCell(e)}
                <div>
                  Lúc <b className="meeting-time">{e.start_time}</b> · tối thiểu {e.min_minutes} phút
                  {combinedPartner(e, entries) && ` (${e.combined_min_minutes} phút khi họp kết hợp)`}
                </div>
              </div>
              {reasons(e)}
              {actions(e) && <div className="meeting-row-actions">{actions(e)}</div>}
            </div>
          ),
        },
      ]
    : [
        { title: 'Tháng', dataIndex: 'month', key: 'month', className: 'nowrap' },
        { title: 'Loại', key: 'kind', className: 'nowrap', render: (_: unknown, e) => kindTag(e) },
        { title: 'Ngày', key: 'date', className: 'meeting-date-cell', render: (_: unknown, e) => dateCell(e) },
        { title: 'Giờ', dataIndex: 'start_time', key: 'time', className: 'nowrap' },
        {
          title: (
            <span aria-label="Thời lượng tối thiểu (phút)">
              Thời lượng
              <br />
              tối thiểu
              <br />
              (phút)
            </span>
          ),
          key: 'minutes',
          render: (_: unknown, e) => entryMinimumText(e, entries),
        },
        { title: 'Trạng thái', key: 'state', className: 'nowrap', render: (_: unknown, e) => stateTag(e) },
        { title: 'Lý do dời/hủy', key: 'reason', className: 'meeting-reason-cell', render: (_: unknown, e) => reasons(e) },
        { title: '', key: 'actions', className: 'nowrap', render: (_: unknown, e: CalendarEntry) => actions(e) },
      ];

  const now = new Date();
  const afterSave = (verb: string) => (m: Meeting) => {
    message.success(`${verb} ${entryName(m)}`);
    reload();
  };

  return (
    <div data-testid="meeting-calendar" className="meeting-calendar">
      <div className="register-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          Lịch sinh hoạt năm
        </Typography.Title>
        <Select<number>
          aria-label="Năm"
          data-testid="meeting-year"
          className="meeting-year"
          value={year}
          options={years.sort((a, b) => a - b).map((y) => ({ value: y, label: String(y) }))}
          onChange={setYear}
        />
      </div>
      {error !== undefined && <LoadError error={error} style={{ marginBottom: 12 }} />}
      <Table<CalendarEntry>
        data-testid="meetings-table"
        rowKey={entryKey}
        size="middle"
        columns={columns}
        dataSource={entries}
        loading={loading}
        pagination={false}
        scroll={narrow ? undefined : { x: 'max-content' }}
        rowClassName={(e) =>
          [
            e.year === now.getFullYear() && e.month === now.getMonth() + 1 ? 'meeting-current' : '',
            e.state === 'cancelled' ? 'meeting-cancelled' : '',
          ].join(' ')
        }
        locale={{ emptyText: 'Không có cuộc họp nào trong năm' }}
      />
      {moving && (
        <MoveMeetingModal entry={moving} onClose={() => setMoving(null)} onSaved={afterSave('Đã dời lịch')} />
      )}
      {cancelling && (
        <CancelMeetingModal entry={cancelling} onClose={() => setCancelling(null)} onSaved={afterSave('Đã hủy')} />
      )}
    </div>
  );
}
