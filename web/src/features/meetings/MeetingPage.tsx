import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Badge,
  Breadcrumb,
  Button,
  Card,
  Grid,
  Skeleton,
  Space,
  Steps,
  Tabs,
  Tag,
  Typography } from 'antd';
import { ApiError, api } from '../../lib/api';
import { formatDate, formatDateTime, todayIso } from '../../lib/dates';
import {
  changed,
  conclusionDraft,
  conclusionUpdate,
  opinionsDraft,
  opinionsUpdate,
  rollDraft,
  rollUpdate,
  type ConclusionDraft,
  type OpinionDraft,
  type RollDraft,
} from './meetingDraft';
import {
  beforeHeld,
  defaultSection,
  LIFECYCLE_STEPS,
  lifecycleStep,
  MEETING_KIND_LABELS,
  MEETING_SECTIONS,
  MEETING_STATE_COLORS,
  meetingTitle,
  recordLocked,
  STEP_SECTIONS,
  weekdayLabel,
  type MeetingSection,
} from './meetings';
import { useApi } from '../../lib/useApi';
import type { Attendance, Meeting, MeetingScoring, RecordUpdate } from '../../lib/types';
import MeetingAttachments from './MeetingAttachments';
import MeetingConclusion from './MeetingConclusion';
import { MeetingDocuments, MeetingReport } from './MeetingDocuments';
import MeetingNotice, { documentsLate } from './MeetingNotice';
import MeetingOpinions from './MeetingOpinions';
import MeetingPreparation from './MeetingPreparation';
import MeetingRollCall from './MeetingRollCall';
import MeetingScoringSection from '../scoring/MeetingScoring';
import LoadFailure from '../../ui/LoadFailure';
import { LoadError } from '../../ui/LoadFailure';

// A section's draft and what it was when loaded or last saved (to tell unsaved changes).
interface Tracked<T> {
  draft: T;
  saved: T;
}

const tracked = <T,>(value: T): Tracked<T> => ({ draft: value, saved: value });

const SECTION_KEYS = new Set<string>(MEETING_SECTIONS.map((s) => s.key));

// What each lifecycle step says happened, under its title.
function stepContent(meeting: Meeting, index: number): string | undefined {
  const r = meeting.record;
  switch (index) {
    case 0:
      return meeting.preparation.preparer_name ? `Người chuẩn bị: ${meeting.preparation.preparer_name}` : undefined;
    case 1:
      return meeting.notified_at ? formatDateTime(meeting.notified_at) : undefined;
    case 2:
      return r.started_at
        ? `${formatDate(meeting.date)} ${r.started_at}${r.ended_at ? `–${r.ended_at}` : ''}`
        : undefined;
    case 3:
      return meeting.finalised_at
        ? [meeting.minutes_number, meeting.resolution_number].filter(Boolean).join(', ')
        : undefined;
    case 4:
      return meeting.reported_at
        ? formatDateTime(meeting.reported_at) + (meeting.report_late ? ' (chậm)' : '')
        : undefined;
  }
  return undefined;
}

function MeetingView({ initial }: { initial: Meeting }) {
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  // Eight sections (seven without scoring) do not fit one tab bar beside the menu below very wide screens (1600 px):
  // buttons wrap instead, so no section hides behind the tab bar's "…".
  const sectionButtons = !screens.xxl;
  const [params, setParams] = useSearchParams();
  const [meeting, setMeeting] = useState<Meeting>(initial);
  const [prepDirty, setPrepDirty] = useState(false);
  const [scoreDirty, setScoreDirty] = useState(false);
  const [roll, setRoll] = useState<Tracked<RollDraft> | null>(null);
  const [opinions, setOpinions] = useState<Tracked<OpinionDraft[]>>(() => tracked(opinionsDraft(initial.record)));
  const [conclusion, setConclusion] = useState<Tracked<ConclusionDraft>>(() => tracked(conclusionDraft(initial)));
  // Writers take the roll call from the server's proposal (or the saved roll); readers see the saved one.
  const rollApi = useApi<{ items: Attendance[] }>(initial.can_write ? `/meetings/${initial.id}/roll` : null);
  // Scoring (HD 42) is for those who read the cell's members: the server answers 404 to the others.
  const scoreApi = useApi<MeetingScoring>(`/meetings/${initial.id}/score`);
  const reloadScore = scoreApi.reload;
  const loadedMeeting = useRef(initial);
  // A save elsewhere changes the record the points are computed from (and the state that allows scoring).
  useEffect(() => {
    if (meeting !== loadedMeeting.current) reloadScore();
  }, [meeting, reloadScore]);

  useEffect(() => {
    if (roll) return;
    if (meeting.can_write && rollApi.data === undefined && rollApi.error === undefined) return;
    const items = meeting.can_write && rollApi.data ? rollApi.data.items : meeting.record.attendance;
    setRoll(tracked(rollDraft(meeting.record, items)));
  }, [roll, meeting, rollApi.data, rollApi.error]);

  const requested = params.get('tab');
  const scoreRefused =
    scoreApi.error instanceof ApiError && (scoreApi.error.status === 404 || scoreApi.error.status === 403);
  // While loading, the section shows only when asked for by address (no button that vanishes for plain members).
  const scoreShown =
    !scoreRefused && (scoreApi.data !== undefined || scoreApi.error !== undefined || requested === 'score');
  const sections = MEETING_SECTIONS.filter((s) => s.key !== 'score' || scoreShown);
  const section: MeetingSection =
    requested && SECTION_KEYS.has(requested) && (requested !== 'score' || scoreShown)
      ? (requested as MeetingSection)
      : defaultSection(meeting.state, meeting.date, todayIso());
  const open = (key: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );

  const cancelled = meeting.state === 'cancelled';
  const canWrite = meeting.can_write && !cancelled;
  const prepEditable = canWrite && beforeHeld(meeting.state);
  const recordEditable = canWrite && !recordLocked(meeting.state);

  // Unsaved work counts only while its section can still be saved (a locked record shows what was saved).
  const rollDirty = recordEditable && !!roll && changed(roll.draft, roll.saved);
  const dirty: Partial<Record<MeetingSection, boolean>> = {
    preparation: prepEditable && prepDirty,
    roll: rollDirty,
    opinions: recordEditable && changed(opinions.draft, opinions.saved),
    conclusion: recordEditable && changed(conclusion.draft, conclusion.saved),
    score: scoreDirty,
  };
  const anyDirty = Object.values(dirty).some(Boolean);

  // Leaving the page (reload, closing the tab) with unsaved work asks first.
  useEffect(() => {
    if (!anyDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anyDirty]);

  const saveRecord = async (body: RecordUpdate): Promise<Meeting> => {
    const saved = await api.put<Meeting>(`/meetings/${meeting.id}/record`, body);
    setMeeting(saved);
    return saved;
  };
  // Writes answer with the whole meeting; section drafts not saved by them are kept as typed.
  const replaceMeeting = (saved: Meeting) => setMeeting(saved);

  // What finalising the minutes waits for: the record's sections (scoring is not part of the minutes).
  const unsavedLabels = MEETING_SECTIONS.filter((s) => s.key !== 'score' && dirty[s.key]).map((s) => s.label);
  const rollWarning =
    rollDirty && (section === 'opinions' || section === 'conclusion') ? (
      <Alert
        type="warning"
        showIcon
        className="section"
        title="Điểm danh có thay đổi chưa lưu: lưu điểm danh trước để người phát biểu, số người biểu quyết khớp với biên bản."
        action={
          <Button size="small" onClick={() => open('roll')}>
            Mở điểm danh
          </Button>
        }
      />
    ) : null;

  const attendance = roll?.draft.attendance ?? meeting.record.attendance;
  const content: Record<MeetingSection, ReactNode> = {
    preparation: (
      <div>
        <MeetingPreparation
          meeting={meeting}
          editable={prepEditable}
          onSaved={replaceMeeting}
          onDirtyChange={setPrepDirty}
        />
        <Typography.Title level={5} className="section-title">
          Tài liệu gửi đảng viên
        </Typography.Title>
        <MeetingAttachments
          meetingId={meeting.id}
          attachments={meeting.attachments}
          canUpload={recordEditable}
          canDelete={prepEditable}
          onAdded={(a) => setMeeting((m) => ({ ...m, attachments: [...m.attachments, a] }))}
          onRemoved={(id) => setMeeting((m) => ({ ...m, attachments: m.attachments.filter((x) => x.id !== id) }))}
        />
      </div>
    ),
    notice: <MeetingNotice meeting={meeting} canNotify={prepEditable} onSaved={replaceMeeting} />,
    roll: roll ? (
      <MeetingRollCall
        meeting={meeting}
        draft={roll.draft}
        editable={recordEditable}
        onChange={(draft) => setRoll({ ...roll, draft })}
        onSave={async () => {
          const saved = await saveRecord(rollUpdate(roll.draft));
          setRoll(tracked(rollDraft(saved.record, saved.record.attendance)));
          message.success('Đã lưu điểm danh');
        }}
      />
    ) : rollApi.error !== undefined ? (
      <LoadError error={rollApi.error} />
    ) : (
      <Skeleton active paragraph={{ rows: 6 }} />
    ),
    opinions: (
      <>
        {rollWarning}
        <MeetingOpinions
          meeting={meeting}
          opinions={opinions.draft}
          attendance={attendance}
          guests={roll?.draft.guests ?? meeting.record.guests}
          editable={recordEditable}
          onChange={(draft) => setOpinions({ ...opinions, draft })}
          onSave={async () => {
            const saved = await saveRecord(opinionsUpdate(opinions.draft));
            setOpinions(tracked(opinionsDraft(saved.record)));
            message.success('Đã lưu ý kiến phát biểu');
          }}
        />
      </>
    ),
    conclusion: (
      <>
        {rollWarning}
        <MeetingConclusion
          meeting={meeting}
          draft={conclusion.draft}
          attendance={attendance}
          editable={recordEditable}
          onChange={(draft) => setConclusion({ ...conclusion, draft })}
          onSave={async () => {
            const saved = await saveRecord(conclusionUpdate(conclusion.draft));
            setConclusion(tracked(conclusionDraft(saved)));
            message.success('Đã lưu kết luận và biểu quyết');
          }}
        />
      </>
    ),
    documents: (
      <MeetingDocuments
        meeting={meeting}
        unsaved={unsavedLabels}
        onSaved={replaceMeeting}
        onAmended={(a) => setMeeting((m) => ({ ...m, amendments: [...m.amendments, a] }))}
      />
    ),
    report: <MeetingReport meeting={meeting} onSaved={replaceMeeting} />,
    score: scoreApi.data ? (
      // A new state may allow scoring (or a column): start the form afresh.
      <MeetingScoringSection
        key={meeting.state}
        meeting={meeting}
        scoring={scoreApi.data}
        onSaved={reloadScore}
        onDirtyChange={setScoreDirty}
      />
    ) : scoreApi.error !== undefined ? (
      <LoadError error={scoreApi.error} />
    ) : (
      <Skeleton active paragraph={{ rows: 6 }} />
    ),
  };

  const label = (key: MeetingSection, text: string) =>
    dirty[key] ? (
      <Badge dot offset={[6, 0]} title="Có thay đổi chưa lưu">
        <span>{text}</span>
      </Badge>
    ) : (
      text
    );
  const current = lifecycleStep(meeting.state);
  const warnings = meeting.warnings.filter((w) => w.code !== 'documents_late');

  return (
    <div data-testid="meeting-page">
      <Breadcrumb
        className="section"
        items={[
          {
            key: 'org',
            title: (
              <Link to={`/organizations/${meeting.organization_id}?tab=meetings`}>{meeting.organization_name}</Link>
            ),
          },
          { key: 'meeting', title: `Tháng ${meeting.month}/${meeting.year}` },
        ]}
      />
      <Typography.Title level={3} className="page-title" data-testid="meeting-title">
        {meetingTitle(meeting)}
      </Typography.Title>
      <Space wrap className="section meeting-tags">
        <Tag color={meeting.kind === 'thematic' ? 'purple' : undefined}>{MEETING_KIND_LABELS[meeting.kind]}</Tag>
        <Tag color={MEETING_STATE_COLORS[meeting.state]} data-testid="meeting-state">
          {meeting.state_label}
        </Tag>
        {documentsLate(meeting) && <Tag color="red">Tài liệu gửi muộn</Tag>}
        {meeting.report_late && <Tag color="red">Báo cáo chậm</Tag>}
      </Space>
      <Card size="small" className="section meeting-header" data-testid="meeting-header">
        <div className="meeting-when-line">
          <span className="meeting-date">
            {weekdayLabel(meeting.date)}, {formatDate(meeting.date)}
          </span>{' '}
          lúc <b className="meeting-time">{meeting.start_time}</b>
          <Typography.Text type="secondary"> · tối thiểu {meeting.min_minutes} phút</Typography.Text>
        </div>
        {meeting.preparation.place && <div>Địa điểm: {meeting.preparation.place}</div>}
        <div>
          Chi bộ:{' '}
          <Link to={`/organizations/${meeting.organization_id}`} data-testid="meeting-organization">
            {meeting.organization_name}
          </Link>
        </div>
        {meeting.topic && (
          <div>
            Chuyên đề:{' '}
            <Link to={`/topics/${meeting.topic.id}`} data-testid="meeting-topic">
              {meeting.topic.title}
            </Link>
          </div>
        )}
        {meeting.moved_reason && <div>Dời lịch: {meeting.moved_reason}</div>}
        {meeting.held_late && (
          <div data-testid="held-late">
            <Tag color="orange">Họp muộn</Tag> sang tháng sau, vẫn tính là sinh hoạt tháng {meeting.month}/{meeting.year}
          </div>
        )}
        {meeting.my_leave_request && (
          <div data-testid="my-leave">
            <Tag color="blue">Đã xin vắng</Tag> {meeting.my_leave_request.reason}
          </div>
        )}
      </Card>

      {cancelled && (
        <Alert
          type="error"
          showIcon
          className="section"
          title="Cuộc họp đã hủy"
          description={meeting.cancelled_reason ? `Lý do: ${meeting.cancelled_reason}` : undefined}
        />
      )}
      {warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          className="section"
          title={w.message}
          data-testid="meeting-warning"
        />
      ))}

      {!cancelled && (
        <Card size="small" className="section">
          <Steps
            data-testid="meeting-steps"
            current={current}
            size="small"
            orientation={narrow ? 'vertical' : 'horizontal'}
            onChange={(i) => open(STEP_SECTIONS[i])}
            items={LIFECYCLE_STEPS.map((title, i) => ({ title, content: stepContent(meeting, i) }))}
          />
        </Card>
      )}

      <Card size="small" className="section meeting-sections-card">
        <Tabs
          activeKey={section}
          onChange={open}
          data-testid="meeting-tabs"
          renderTabBar={
            sectionButtons
              ? () => (
                  <nav className="section-grid" aria-label="Các phần của cuộc họp">
                    {sections.map((s) => (
                      <Button
                        key={s.key}
                        size="large"
                        type={s.key === section ? 'primary' : 'default'}
                        aria-current={s.key === section ? 'page' : undefined}
                        onClick={() => open(s.key)}
                        data-testid={`section-${s.key}`}
                      >
                        {label(s.key, s.label)}
                      </Button>
                    ))}
                  </nav>
                )
              : undefined
          }
          items={sections.map((s) => ({ key: s.key, label: label(s.key, s.label), children: content[s.key] }))}
        />
      </Card>
    </div>
  );
}

// One meeting, from preparation to the report to the superior (HD 42).
export default function MeetingPage() {
  const { id } = useParams();
  const meetingId = Number(id);
  const navigate = useNavigate();
  const { data, error } = useApi<Meeting>(`/meetings/${meetingId}`);

  if (error) {
    return (
      <LoadFailure
        error={error}
        what="cuộc họp"
        missingText="Cuộc họp không tồn tại, chưa được thông báo hoặc nằm ngoài phạm vi của bạn."
        forbiddenIsMissing
        back={{ label: 'Quay lại', onClick: () => navigate(-1) }}
      />
    );
  }
  if (!data || data.id !== meetingId) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <MeetingView key={data.id} initial={data} />;
}
