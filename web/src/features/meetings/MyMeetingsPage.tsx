import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Empty, Form, Input, Popconfirm, Result, Skeleton, Tag, Typography } from 'antd';
import { CalendarOutlined, CopyOutlined, FileTextOutlined, LinkOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { useAuth } from '../auth/auth';
import FormModal from '../../ui/FormModal';
import MeetingAttachments from './MeetingAttachments';
import { AgendaList } from './MeetingPreparation';
import { api, errorMessage } from '../../lib/api';
import { formatDate, formatDateTime, todayIso } from '../../lib/dates';
import { MEETING_KIND_LABELS, MEETING_STATE_COLORS, meetingTitle, weekdayLabel } from './meetings';
import { useApi } from '../../lib/useApi';
import type { CalendarFeed, LeaveRequest, Meeting } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';
import MySentDrafts from '../topics/MySentDrafts';

function LeaveModal({
  meeting,
  onClose,
  onSaved,
}: {
  meeting: Meeting;
  onClose: () => void;
  onSaved: (leave: LeaveRequest) => void;
}) {
  return (
    <FormModal<{ reason: string }>
      title={`Xin vắng ${meetingTitle(meeting).toLowerCase()}`}
      open
      onClose={onClose}
      okText="Gửi xin vắng"
      testId="leave-form"
      initialValues={{ reason: meeting.my_leave_request?.reason ?? '' }}
      onSubmit={async (values) => {
        const saved = await api.post<LeaveRequest>(`/meetings/${meeting.id}/leave`, { reason: values.reason.trim() });
        onSaved(saved);
      }}
    >
      <Typography.Paragraph type="secondary">
        {formatDate(meeting.date)} lúc {meeting.start_time}. Chi ủy sẽ thấy lý do và ghi vắng có lý do khi điểm danh.
      </Typography.Paragraph>
      <Form.Item
        label="Lý do xin vắng"
        name="reason"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi lý do xin vắng.' }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 6 }}
          maxLength={300}
          placeholder="Ví dụ: Đi khám bệnh ở bệnh viện tỉnh"
          data-testid="leave-reason"
        />
      </Form.Item>
    </FormModal>
  );
}

function MeetingCard({ meeting, onAskLeave }: { meeting: Meeting; onAskLeave: () => void }) {
  const navigate = useNavigate();
  const leave = meeting.my_leave_request;
  // Leave is asked of a notified meeting that has not taken place yet.
  const canAskLeave = meeting.state === 'notified' && meeting.date >= todayIso();
  return (
    <Card
      size="small"
      className="section my-meeting"
      data-testid="my-meeting"
      title={
        <div className="meeting-head">
          <span className="my-meeting-title">{meetingTitle(meeting)}</span>
          <Tag color={MEETING_STATE_COLORS[meeting.state]}>{meeting.state_label}</Tag>
        </div>
      }
    >
      <div className="my-meeting-when">
        <CalendarOutlined /> {weekdayLabel(meeting.date)}, <b>{formatDate(meeting.date)}</b> lúc{' '}
        <b>{meeting.start_time}</b>
      </div>
      <div>Địa điểm: {meeting.preparation.place || 'chưa ghi'}</div>
      <Typography.Text type="secondary">
        {meeting.organization_name}
        {meeting.kind === 'thematic' && ` · ${MEETING_KIND_LABELS.thematic}`}
      </Typography.Text>
      {meeting.state === 'cancelled' && meeting.cancelled_reason && (
        <Alert type="error" showIcon className="my-meeting-block" title={`Đã hủy: ${meeting.cancelled_reason}`} />
      )}
      {meeting.moved_reason && (
        <Alert type="info" showIcon className="my-meeting-block" title={`Dời lịch: ${meeting.moved_reason}`} />
      )}
      <div className="my-meeting-block">
        <b>Chương trình</b>
        <AgendaList agenda={meeting.preparation.agenda} />
      </div>
      {meeting.attachments.length > 0 && (
        <div className="my-meeting-block">
          <b>Tài liệu</b>
          <MeetingAttachments
            meetingId={meeting.id}
            attachments={meeting.attachments}
            canUpload={false}
            canDelete={false}
          />
        </div>
      )}
      {leave && (
        <Alert
          type="info"
          showIcon
          className="my-meeting-block"
          data-testid="my-leave"
          title={`Đã xin vắng: ${leave.reason}`}
          description={`Gửi lúc ${formatDateTime(leave.requested_at)}`}
        />
      )}
      <div className="my-meeting-actions">
        {canAskLeave && (
          <Button size="large" icon={<UserDeleteOutlined />} data-testid="ask-leave" onClick={onAskLeave}>
            {leave ? 'Sửa lý do xin vắng' : 'Xin vắng'}
          </Button>
        )}
        <Button
          size="large"
          icon={<FileTextOutlined />}
          data-testid="open-meeting"
          onClick={() => navigate(`/meetings/${meeting.id}`)}
        >
          Xem chi tiết
        </Button>
      </div>
    </Card>
  );
}

// Copies text, also where the Clipboard API is unavailable (plain http on a local network).
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  document.body.removeChild(area);
  if (!ok) throw new Error('copy failed');
}

// A private iCalendar feed of the member's meetings, for the calendar app of their phone.
function CalendarFeedCard() {
  const { message } = App.useApp();
  const feed = useApi<CalendarFeed>('/me/calendar');
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A link created here is active even before the feed's state is loaded again.
  const active = (feed.data?.active ?? false) || url !== null;

  const create = async () => {
    setBusy(true);
    try {
      const created = await api.post<{ url: string }>('/me/calendar');
      setUrl(new URL(created.url, window.location.origin).href);
      feed.reload();
      message.success('Đã tạo liên kết lịch');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!url) return;
    try {
      await copyText(url);
      message.success('Đã sao chép liên kết');
    } catch {
      message.warning('Không sao chép được; hãy chọn liên kết rồi sao chép.');
    }
  };

  const createButton = (onClick?: () => void) => (
    <Button
      type={active ? 'default' : 'primary'}
      size="large"
      icon={<LinkOutlined />}
      loading={busy}
      data-testid="calendar-create"
      onClick={onClick}
    >
      {active ? 'Tạo liên kết mới' : 'Tạo liên kết lịch'}
    </Button>
  );

  return (
    <Card title="Lịch trên điện thoại" size="small" className="section" data-testid="calendar-feed">
      <Typography.Paragraph>
        Thêm lịch sinh hoạt chi bộ vào ứng dụng lịch của điện thoại: tạo liên kết, sao chép rồi thêm vào ứng dụng lịch
        (Google Lịch: Thêm lịch → Từ URL; iPhone: Cài đặt → Lịch → Tài khoản → Thêm lịch đã đăng ký).
      </Typography.Paragraph>
      {feed.error !== undefined && <LoadError error={feed.error} className="section" />}
      {feed.loading && !feed.data ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <>
          {url ? (
            <div className="section" data-testid="calendar-url">
              <Input value={url} readOnly size="large" aria-label="Liên kết lịch" onFocus={(e) => e.target.select()} />
              <div className="my-meeting-actions">
                <Button type="primary" size="large" icon={<CopyOutlined />} onClick={copy} data-testid="calendar-copy">
                  Sao chép liên kết
                </Button>
                <Button size="large" href={url.replace(/^https?:/, 'webcal:')} icon={<CalendarOutlined />}>
                  Mở bằng ứng dụng lịch
                </Button>
              </div>
              <Typography.Paragraph type="secondary" className="my-meeting-block">
                Liên kết chỉ hiện một lần. Giữ riêng: ai có liên kết đều xem được lịch họp của bạn.
              </Typography.Paragraph>
            </div>
          ) : (
            active && (
              <Typography.Paragraph data-testid="calendar-active">
                Đã có liên kết lịch{feed.data?.created_at ? `, tạo lúc ${formatDateTime(feed.data.created_at)}` : ''}.
              </Typography.Paragraph>
            )
          )}
          {active ? (
            <Popconfirm
              title="Tạo liên kết mới?"
              description="Liên kết cũ sẽ ngừng hoạt động; cần thêm lại liên kết mới vào ứng dụng lịch."
              okText="Tạo liên kết mới"
              cancelText="Không"
              onConfirm={create}
            >
              {createButton()}
            </Popconfirm>
          ) : (
            createButton(create)
          )}
          <Typography.Paragraph type="secondary" className="my-meeting-block">
            Tạo liên kết mới sẽ làm liên kết cũ ngừng hoạt động.
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

// "Lịch sinh hoạt của tôi": the signed-in member's cell meetings that are notified or later (from the first day of
// last month on), soonest first, with their documents, asking leave, and the calendar feed for the phone.
export default function MyMeetingsPage() {
  const { message } = App.useApp();
  const { user } = useAuth();
  const hasMember = !!user?.member_id;
  const { data, error, loading } = useApi<{ items: Meeting[] }>(hasMember ? '/me/meetings' : null);
  const [leaves, setLeaves] = useState<Record<number, LeaveRequest>>({});
  const [asking, setAsking] = useState<Meeting | null>(null);

  if (!hasMember) {
    return (
      <Result
        status="info"
        title="Tài khoản chưa gắn với đảng viên"
        subTitle="Lịch sinh hoạt cá nhân chỉ có khi tài khoản được gắn với một đảng viên. Liên hệ người quản trị."
      />
    );
  }

  const meetings = (data?.items ?? []).map((m) => (leaves[m.id] ? { ...m, my_leave_request: leaves[m.id] } : m));

  return (
    <div data-testid="my-meetings-page">
      <Typography.Title level={3} className="page-title">
        Lịch sinh hoạt của tôi
      </Typography.Title>
      {error !== undefined && <LoadError error={error} className="section" />}
      <MySentDrafts />
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : meetings.length === 0 ? (
        <Card size="small" className="section">
          <Empty description="Chưa có cuộc họp nào được thông báo" />
        </Card>
      ) : (
        <div className="my-meetings">
          {meetings.map((m) => (
            <MeetingCard key={m.id} meeting={m} onAskLeave={() => setAsking(m)} />
          ))}
        </div>
      )}
      <CalendarFeedCard />
      {asking && (
        <LeaveModal
          meeting={asking}
          onClose={() => setAsking(null)}
          onSaved={(leave) => {
            setLeaves((previous) => ({ ...previous, [asking.id]: leave }));
            message.success('Đã gửi xin vắng');
          }}
        />
      )}
    </div>
  );
}
