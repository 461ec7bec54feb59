import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Grid,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import StatusTag from '../members/StatusTag';
import { formatDate, todayIso } from '../../lib/dates';
import { missingReasons, type RollDraft } from './meetingDraft';
import {
  attendanceSummary,
  attended,
  countAttendance,
  minutesBetween,
  PRESENCE_COLORS,
  PRESENCE_LABELS,
  splitRoll,
  TIME_RE,
  workingAwayHint,
  partnerMeetingLabel,
  sessionText,
} from './meetings';
import RowActions from '../../ui/RowActions';
import SectionSaveBar from '../../ui/SectionSaveBar';
import { nameSearch } from '../../ui/nameSearch';
import { useSave } from '../../ui/useSave';
import type { Attendance, Meeting, Presence } from '../../lib/types';

const CHOICES: Presence[] = ['present', 'late', 'excused', 'unexcused'];

// The fields of this section the server may name in an error (others are shown above the section).
type RollField = 'started_at' | 'ended_at' | 'chair_id' | 'minute_taker_id' | 'superior_attendant_id';
const ROLL_FIELDS: RollField[] = ['started_at', 'ended_at', 'chair_id', 'minute_taker_id', 'superior_attendant_id'];

// "Có mặt / Đến muộn / Vắng có lý do / Vắng không lý do", and "Miễn sinh hoạt" for the members exempt on the roll
// (the server refuses it for anyone else).
function presenceOptions(entry: Attendance) {
  const values = entry.status_at_meeting === 'exempt' ? [...CHOICES, 'exempt' as const] : CHOICES;
  return values.map((value) => ({ value, label: PRESENCE_LABELS[value], className: `presence-${value}` }));
}

// The members present, as choices for the chair, the minute-taker or a speaker; `keep` adds a saved choice that is
// no longer among them, so it still shows by name.
export function presentMemberOptions(attendance: Attendance[], keep?: { id: number | null; name: string }) {
  const options = attendance
    .filter((a) => attended(a.presence))
    .map((a) => ({ value: a.member_id, label: a.member_name }));
  if (keep?.id && !options.some((o) => o.value === keep.id)) options.unshift({ value: keep.id, label: keep.name });
  return options;
}


// "Lê Văn Tâm — Ủy viên Ban Thường vụ Đảng ủy xã" when the superior official is named, else whether one attended.
function superiorText(r: Meeting['record']): string {
  if (r.superior_attendant) return `${r.superior_attendant.name} — ${r.superior_attendant.role}`;
  return r.superior_attended ? 'Có' : 'Không';
}

// The people the superior committees assigned who may be recorded as attending (planned ones first, tagged), and the
// one already recorded if no longer among them.
function superiorOptions(r: Meeting['record']) {
  const options = r.superior_candidates.map((c) => ({
    value: c.id,
    title: `${c.name} — ${c.role} — ${c.organization_name}`,
    label: (
      <span className="superior-option">
        {c.name} — {c.role} — {c.organization_name}
        {c.planned && (
          <Tag color="green" className="superior-planned">
            Theo kế hoạch
          </Tag>
        )}
      </span>
    ),
  }));
  const kept = r.superior_attendant;
  if (kept && !options.some((o) => o.value === kept.id))
    options.unshift({ value: kept.id, title: `${kept.name} — ${kept.role}`, label: <span>{kept.name} — {kept.role}</span> });
  return options;
}

// The members away with a temporary transfer letter on the meeting day, apart from the others: the cell does not
// expect them, so there is nothing to mark; the reason is the letter, as the server writes it.
function AwayGroup({ away }: { away: Attendance[] }) {
  if (away.length === 0) return null;
  const title = `Giới thiệu sinh hoạt tạm thời đi nơi khác (${away.length})`;
  return (
    <section className="roll-away section" data-testid="roll-away" aria-label={title}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <ol className="roll-away-list">
        {away.map((a) => (
          <li key={a.member_id} className="roll-card presence-border-away" data-testid="roll-away-member">
            <div className="roll-name">
              <b>{a.member_name}</b> {a.status_at_meeting !== 'official' && <StatusTag status={a.status_at_meeting} />}
            </div>
            <div className="pre-line roll-away-reason">{a.reason || PRESENCE_LABELS.away}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}

// "Làm ăn xa — vắng cần ghi lý do" under a member working away without a letter.
function WorkingAwayHint({ entry }: { entry: Attendance }) {
  const hint = workingAwayHint(entry);
  return hint ? (
    <div className="roll-hint" data-testid="roll-working-away">
      {hint}
    </div>
  ) : null;
}

function TimeField({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  testId: string;
}) {
  const invalid = value.trim() !== '' && !TIME_RE.test(value.trim());
  const help = error ?? (invalid ? 'Giờ phải có dạng HH:MM, ví dụ 14:00.' : undefined);
  return (
    <div id={`field-${testId}`}>
      <Form.Item label={label} validateStatus={help ? 'error' : undefined} help={help}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={value}
            maxLength={5}
            inputMode="numeric"
            placeholder="HH:MM"
            aria-label={label}
            data-testid={testId}
            onChange={(e) => onChange(e.target.value)}
          />
          <Button icon={<ClockCircleOutlined />} onClick={() => onChange(dayjs().format('HH:mm'))}>
            Bây giờ
          </Button>
        </Space.Compact>
      </Form.Item>
    </div>
  );
}

// The session's length against its minimum; a combined session links to the other meeting of it.
function SessionLength({ meeting }: { meeting: Meeting }) {
  const session = meeting.record.session;
  const said = sessionText(session);
  if (!said) return null;
  return (
    <Typography.Paragraph data-testid="meeting-session">
      {said.text}
      {said.short && <Typography.Text type="danger"> — chưa đủ thời lượng tối thiểu</Typography.Text>}
      {session.combined && session.partner_id !== null && (
        <>
          {' · '}
          <Link to={`/meetings/${session.partner_id}`} data-testid="meeting-session-partner">
            {partnerMeetingLabel(meeting.kind)}
          </Link>
        </>
      )}
    </Typography.Paragraph>
  );
}

function RollView({ meeting, draft }: { meeting: Meeting; draft: RollDraft }) {
  const narrow = !Grid.useBreakpoint().md;
  const r = meeting.record;
  const { attending, away } = splitRoll(draft.attendance);
  const columns: TableColumnsType<Attendance> = [
    { title: 'STT', key: 'index', width: 56, render: (_: unknown, __, i) => i + 1, responsive: ['md'] },
    {
      title: 'Họ và tên',
      key: 'name',
      render: (_: unknown, a) => (
        <div>
          <b>{a.member_name}</b>
          {narrow && (
            <div>
              <Tag color={PRESENCE_COLORS[a.presence]}>{PRESENCE_LABELS[a.presence]}</Tag>
              {a.reason && <span className="pre-line">{a.reason}</span>}
            </div>
          )}
        </div>
      ),
    },
    ...(narrow
      ? []
      : [
          {
            title: 'Tình trạng',
            key: 'status',
            render: (_: unknown, a: Attendance) => <StatusTag status={a.status_at_meeting} />,
          },
          {
            title: 'Điểm danh',
            key: 'presence',
            render: (_: unknown, a: Attendance) => (
              <Tag color={PRESENCE_COLORS[a.presence]}>{PRESENCE_LABELS[a.presence]}</Tag>
            ),
          },
          { title: 'Lý do', dataIndex: 'reason', key: 'reason', className: 'pre-line' },
        ]),
  ];
  return (
    <div data-testid="roll-view">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        className="section"
        items={[
          { key: 'start', label: 'Bắt đầu', children: r.started_at ?? '—' },
          {
            key: 'end',
            label: 'Kết thúc',
            children: r.ended_at ? `${r.ended_at}${r.duration_minutes ? ` (${r.duration_minutes} phút)` : ''}` : '—',
          },
          { key: 'chair', label: 'Chủ trì', children: r.chair_name || '—' },
          { key: 'taker', label: 'Thư ký (ghi biên bản)', children: r.minute_taker_name || '—' },
          { key: 'guests', label: 'Khách mời', children: r.guests.length ? r.guests.join('; ') : '—' },
          {
            key: 'superior',
            label: 'Đại diện cấp ủy cấp trên dự',
            children: <span data-testid="superior-attendant-view">{superiorText(r)}</span>,
          },
        ]}
      />
      <SessionLength meeting={meeting} />
      <Table<Attendance>
        data-testid="roll-table"
        rowKey="member_id"
        size="small"
        columns={columns}
        dataSource={attending}
        pagination={false}
        className="section"
        locale={{ emptyText: draft.attendance.length ? 'Không có đảng viên nào phải điểm danh' : 'Chưa điểm danh' }}
      />
      <AwayGroup away={away} />
    </div>
  );
}

// "Điểm danh", the screen used on a phone during the meeting: one card per member with a big choice, the reason of
// an excused absence, the counts as the minutes will report them, the members away with a transfer letter apart (no
// choice: the server fixes their presence), then guests, times, chair and minute-taker.
export default function MeetingRollCall({
  meeting,
  draft,
  editable,
  onChange,
  onSave,
}: {
  meeting: Meeting;
  draft: RollDraft;
  editable: boolean;
  onChange: (draft: RollDraft) => void;
  // Saves the section; throws the server's error.
  onSave: () => Promise<void>;
}) {
  const narrow = !Grid.useBreakpoint().md;
  const saving = useSave<RollField>({ fields: ROLL_FIELDS });
  const { busy, error, setError, fieldErrors, setFieldErrors } = saving;
  const [tried, setTried] = useState(false);
  const counts = countAttendance(draft.attendance);
  const { attending, away } = splitRoll(draft.attendance);
  const summary = (
    <div className="roll-summary" data-testid="roll-summary" aria-live="polite">
      {attendanceSummary(counts)}
    </div>
  );

  if (!editable) {
    return (
      <div>
        {draft.attendance.length > 0 && summary}
        <RollView meeting={meeting} draft={draft} />
      </div>
    );
  }

  const set = (patch: Partial<RollDraft>) => {
    onChange({ ...draft, ...patch });
    saving.clearFieldErrors(...Object.keys(patch));
  };
  const setEntry = (memberId: number, patch: Partial<Attendance>) =>
    set({ attendance: draft.attendance.map((a) => (a.member_id === memberId ? { ...a, ...patch } : a)) });

  const save = async () => {
    setTried(true);
    setError(null);
    const missing = missingReasons(draft);
    const local: Partial<Record<RollField, string>> = {};
    for (const field of ['started_at', 'ended_at'] as const) {
      if (draft[field].trim() && !TIME_RE.test(draft[field].trim()))
        local[field] = 'Giờ phải có dạng HH:MM, ví dụ 14:00.';
    }
    if (!local.ended_at && TIME_RE.test(draft.started_at) && TIME_RE.test(draft.ended_at)) {
      if (minutesBetween(draft.started_at, draft.ended_at) === null)
        local.ended_at = 'Giờ kết thúc phải sau giờ bắt đầu.';
    }
    setFieldErrors(local);
    if (missing.length) {
      setError(`Cần ghi lý do vắng của đồng chí ${missing.join(', ')}.`);
      return;
    }
    if (Object.keys(local).length) return;
    if (await saving.run(onSave)) setTried(false);
  };

  const reasonInput = (a: Attendance) =>
    a.presence === 'excused' ? (
      <Input
        value={a.reason}
        maxLength={300}
        placeholder="Lý do vắng (bắt buộc)"
        aria-label={`Lý do vắng của ${a.member_name}`}
        status={tried && !a.reason.trim() ? 'error' : undefined}
        data-testid="roll-reason"
        onChange={(e) => setEntry(a.member_id, { reason: e.target.value })}
      />
    ) : null;
  const choice = (a: Attendance) => (
    <Radio.Group
      optionType="button"
      buttonStyle="solid"
      size="large"
      className="presence-choice"
      aria-label={`Điểm danh ${a.member_name}`}
      data-testid="roll-presence"
      value={a.presence}
      options={presenceOptions(a)}
      onChange={(e) => setEntry(a.member_id, { presence: e.target.value as Presence })}
    />
  );

  const columns: TableColumnsType<Attendance> = narrow
    ? [
        {
          title: 'Đảng viên',
          key: 'all',
          render: (_: unknown, a, i) => (
            <div className={`roll-card presence-border-${a.presence}`} data-testid="roll-card">
              <div className="roll-name">
                <b>
                  {i + 1}. {a.member_name}
                </b>{' '}
                {a.status_at_meeting !== 'official' && <StatusTag status={a.status_at_meeting} />}
              </div>
              <WorkingAwayHint entry={a} />
              {choice(a)}
              {reasonInput(a)}
            </div>
          ),
        },
      ]
    : [
        { title: 'STT', key: 'index', width: 56, render: (_: unknown, __, i) => i + 1 },
        {
          title: 'Họ và tên',
          key: 'name',
          render: (_: unknown, a) => (
            <div className="roll-name">
              <b>{a.member_name}</b>
              <div>
                <StatusTag status={a.status_at_meeting} />
              </div>
              <WorkingAwayHint entry={a} />
            </div>
          ),
        },
        { title: 'Điểm danh', key: 'presence', className: 'nowrap', render: (_: unknown, a) => choice(a) },
        {
          title: 'Lý do vắng',
          key: 'reason',
          className: 'roll-reason-cell',
          render: (_: unknown, a) => reasonInput(a),
        },
      ];

  const minutes = minutesBetween(draft.started_at, draft.ended_at);
  const chairOptions = presentMemberOptions(draft.attendance, { id: draft.chair_id, name: meeting.record.chair_name });
  const takerOptions = presentMemberOptions(draft.attendance, {
    id: draft.minute_taker_id,
    name: meeting.record.minute_taker_name,
  });
  const beforeDay = meeting.date > todayIso();

  return (
    <Form layout="vertical" component="div" data-testid="roll-call" className="meeting-form">
      {beforeDay && (
        <Alert
          type="info"
          showIcon
          className="section"
          title={`Cuộc họp diễn ra ngày ${formatDate(meeting.date)}. Điểm danh khi họp; lần lưu đầu tiên từ ngày họp sẽ ghi nhận cuộc họp đã diễn ra.`}
        />
      )}
      {meeting.record.attendance.length === 0 && draft.attendance.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="section"
          data-testid="roll-proposal"
          title="Danh sách đề xuất, chưa lưu: đảng viên đã xin vắng được ghi vắng có lý do. Sửa cho đúng rồi bấm Lưu."
        />
      )}
      {error && <Alert type="error" showIcon role="alert" className="section" title={error} data-testid="roll-error" />}
      <div className="roll-sticky">{summary}</div>
      <Table<Attendance>
        data-testid="roll-table"
        rowKey="member_id"
        size={narrow ? 'small' : 'middle'}
        columns={columns}
        dataSource={attending}
        pagination={false}
        scroll={narrow ? undefined : { x: 'max-content' }}
        className="section"
        locale={{
          emptyText: away.length
            ? 'Không có đảng viên nào phải điểm danh'
            : 'Chi bộ chưa có đảng viên trên danh sách',
        }}
      />
      <AwayGroup away={away} />

      <Typography.Title level={5}>Thời gian, chủ trì, thư ký</Typography.Title>
      <div className="rule-form-pair">
        <TimeField
          label="Giờ bắt đầu"
          value={draft.started_at}
          onChange={(v) => set({ started_at: v })}
          error={fieldErrors.started_at}
          testId="started_at"
        />
        <TimeField
          label="Giờ kết thúc"
          value={draft.ended_at}
          onChange={(v) => set({ ended_at: v })}
          error={fieldErrors.ended_at}
          testId="ended_at"
        />
      </div>
      {minutes !== null && (
        <Typography.Paragraph data-testid="roll-duration">
          {meeting.record.session.combined ? 'Thời lượng cuộc họp này' : 'Thời lượng'}: <b>{minutes} phút</b>
          {!meeting.record.session.combined && minutes < meeting.min_minutes && (
            <Typography.Text type="danger">
              {' '}
              — ít hơn {meeting.min_minutes} phút tối thiểu theo quy định
            </Typography.Text>
          )}
        </Typography.Paragraph>
      )}
      {meeting.record.session.combined && <SessionLength meeting={meeting} />}
      <div className="rule-form-pair">
        <div id="field-chair_id">
          <Form.Item
            label="Chủ trì"
            validateStatus={fieldErrors.chair_id ? 'error' : undefined}
            help={fieldErrors.chair_id}
          >
            <Select<number>
              allowClear
              value={draft.chair_id ?? undefined}
              options={chairOptions}
              showSearch={nameSearch}
              placeholder="Chọn đồng chí chủ trì"
              aria-label="Chủ trì"
              data-testid="chair-select"
              notFoundContent="Chưa có đảng viên có mặt"
              onChange={(v) => set({ chair_id: v ?? null })}
            />
          </Form.Item>
        </div>
        <div id="field-minute_taker_id">
          <Form.Item
            label="Thư ký (ghi biên bản)"
            validateStatus={fieldErrors.minute_taker_id ? 'error' : undefined}
            help={fieldErrors.minute_taker_id}
          >
            <Select<number>
              allowClear
              value={draft.minute_taker_id ?? undefined}
              options={takerOptions}
              showSearch={nameSearch}
              placeholder="Chọn thư ký"
              aria-label="Thư ký"
              data-testid="minute-taker-select"
              notFoundContent="Chưa có đảng viên có mặt"
              onChange={(v) => set({ minute_taker_id: v ?? null })}
            />
          </Form.Item>
        </div>
      </div>

      <Typography.Title level={5}>Khách mời</Typography.Title>
      <div id="field-superior_attendant_id">
        <Form.Item
          label="Đại diện cấp ủy cấp trên dự"
          validateStatus={fieldErrors.superior_attendant_id ? 'error' : undefined}
          help={fieldErrors.superior_attendant_id}
          extra={
            meeting.record.superior_candidates.length === 0
              ? 'Cấp ủy cấp trên chưa phân công người dự sinh hoạt chi bộ.'
              : undefined
          }
        >
          <Select<number>
            allowClear
            size="large"
            value={draft.superior_attendant_id ?? undefined}
            options={superiorOptions(meeting.record)}
            showSearch={{ optionFilterProp: 'title' }}
            placeholder="Chọn đồng chí cấp ủy cấp trên dự"
            aria-label="Đại diện cấp ủy cấp trên dự"
            data-testid="superior-attendant-select"
            notFoundContent="Không có người được phân công"
            onChange={(v) =>
              set({
                superior_attendant_id: v ?? null,
                superior_attended: v !== undefined && v !== null ? true : draft.superior_attended,
              })
            }
          />
        </Form.Item>
      </div>
      <Form.Item>
        <Checkbox
          checked={draft.superior_attended}
          data-testid="superior-attended"
          onChange={(e) =>
            set(
              e.target.checked
                ? { superior_attended: true }
                : { superior_attended: false, superior_attendant_id: null },
            )
          }
        >
          Có đại diện cấp ủy cấp trên dự
        </Checkbox>
      </Form.Item>
      <div data-testid="guests">
        {draft.guests.map((guest, i) => (
          <div key={i} className="list-row">
            <Input
              value={guest}
              maxLength={150}
              placeholder="Họ tên, chức vụ khách mời"
              aria-label={`Khách mời ${i + 1}`}
              className="list-row-field"
              onChange={(e) => set({ guests: draft.guests.map((g, j) => (j === i ? e.target.value : g)) })}
            />
            <RowActions
              noun="khách mời"
              index={i}
              count={draft.guests.length}
              onRemove={() => set({ guests: draft.guests.filter((_, j) => j !== i) })}
            />
          </div>
        ))}
        <Button
          type="dashed"
          block
          size="large"
          icon={<PlusOutlined />}
          className="section"
          data-testid="guest-add"
          onClick={() => set({ guests: [...draft.guests, ''] })}
        >
          Thêm khách mời
        </Button>
      </div>

      <SectionSaveBar busy={busy} testId="roll-save" onSave={save}>
        Lưu điểm danh
      </SectionSaveBar>
    </Form>
  );
}
