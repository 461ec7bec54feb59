import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Descriptions, Grid, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import type { LeaveRequest, Meeting } from '../../lib/types';

export const DOCUMENTS_LATE_TEXT = 'Tài liệu gửi đến đảng viên chưa đủ 1 ngày trước cuộc họp';

export function documentsLate(meeting: Meeting): boolean {
  return meeting.documents_late || meeting.warnings.some((w) => w.code === 'documents_late');
}

// "Thông báo": members (and the superior committee member) are told time, place and content, and documents reach
// them at least 1 day before (HD 42). Writers also see who asked leave.
export default function MeetingNotice({
  meeting,
  canNotify,
  onSaved,
}: {
  meeting: Meeting;
  canNotify: boolean;
  onSaved: (meeting: Meeting) => void;
}) {
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const [busy, setBusy] = useState(false);

  const notify = async () => {
    setBusy(true);
    try {
      const saved = await api.post<Meeting>(`/meetings/${meeting.id}/notify`);
      onSaved(saved);
      message.success('Đã gửi thông báo cho đảng viên');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const leaveRequests = meeting.leave_requests ?? [];
  const columns: TableColumnsType<LeaveRequest> = narrow
    ? [
        {
          title: 'Đảng viên xin vắng',
          key: 'all',
          render: (_: unknown, r) => (
            <div className="leave-card">
              <Link to={`/members/${r.member_id}`}>
                <b>{r.member_name}</b>
              </Link>
              <div className="pre-line">Lý do: {r.reason}</div>
              <Typography.Text type="secondary">Xin lúc {formatDateTime(r.requested_at)}</Typography.Text>
            </div>
          ),
        },
      ]
    : [
        {
          title: 'Họ và tên',
          dataIndex: 'member_name',
          key: 'name',
          className: 'nowrap',
          render: (name: string, r) => <Link to={`/members/${r.member_id}`}>{name}</Link>,
        },
        { title: 'Lý do', dataIndex: 'reason', key: 'reason', className: 'pre-line' },
        {
          title: 'Thời gian xin vắng',
          dataIndex: 'requested_at',
          key: 'at',
          className: 'nowrap',
          render: formatDateTime,
        },
      ];

  return (
    <div data-testid="meeting-notice">
      {documentsLate(meeting) && (
        <Alert type="error" showIcon className="section" title={DOCUMENTS_LATE_TEXT} data-testid="documents-late" />
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        className="section"
        items={[
          {
            key: 'when',
            label: 'Thời gian sinh hoạt',
            children: `${meeting.start_time} ngày ${formatDate(meeting.date)}`,
          },
          { key: 'place', label: 'Địa điểm', children: meeting.preparation.place || '—' },
          {
            key: 'notified',
            label: 'Đã thông báo lúc',
            children: <span data-testid="notified-at">{formatDateTime(meeting.notified_at) || 'Chưa thông báo'}</span>,
          },
          {
            key: 'sent',
            label: 'Đã gửi tài liệu lúc',
            children: (
              <span data-testid="documents-sent-at">
                {formatDateTime(meeting.documents_sent_at) ||
                  (meeting.attachments.length === 0 ? 'Chưa có tài liệu' : 'Chưa gửi')}
              </span>
            ),
          },
        ]}
      />
      {/* The notice goes out once (the server refuses a second one); a document uploaded afterwards reaches the
          members as soon as it is uploaded. */}
      {canNotify && !meeting.notified_at && (
        <div className="section-save">
          <Popconfirm
            title="Gửi thông báo cho đảng viên?"
            description="Đảng viên của chi bộ sẽ thấy thời gian, địa điểm, chương trình và tài liệu của cuộc họp."
            okText="Gửi thông báo"
            cancelText="Không"
            onConfirm={notify}
          >
            <Button type="primary" size="large" icon={<SendOutlined />} loading={busy} data-testid="notify">
              Gửi thông báo cho đảng viên
            </Button>
          </Popconfirm>
          {meeting.attachments.length === 0 && (
            <Typography.Paragraph type="secondary" className="section-save-note">
              Chưa có tài liệu kèm theo: tải tài liệu lên ở phần Chuẩn bị trước khi gửi thông báo.
            </Typography.Paragraph>
          )}
        </div>
      )}
      {meeting.can_write && (
        <>
          <Typography.Title level={5}>Đảng viên xin vắng ({leaveRequests.length})</Typography.Title>
          <Table<LeaveRequest>
            data-testid="leave-requests"
            rowKey="member_id"
            size="small"
            columns={columns}
            dataSource={leaveRequests}
            pagination={false}
            scroll={narrow ? undefined : { x: 'max-content' }}
            locale={{ emptyText: 'Chưa có đảng viên nào xin vắng' }}
          />
        </>
      )}
    </div>
  );
}
