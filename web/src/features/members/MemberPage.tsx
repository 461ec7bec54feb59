import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { formatDate } from '../../lib/dates';
import { positionLabel, SEX_LABELS } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { Member, MemberPosition, Membership } from '../../lib/types';
import MemberAttendanceHistory from '../meetings/MemberAttendanceHistory';
import StatusTag from './StatusTag';
import { MemberFormModal, TransferModal } from './MemberForms';
import TransferLetters from './TransferLetters';
import { runningLetter } from './transferLetters';
import LoadFailure from '../../ui/LoadFailure';

export default function MemberPage() {
  const { id } = useParams();
  const memberId = Number(id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const { data: member, error, reload } = useApi<Member>(`/members/${memberId}`);
  const [dialog, setDialog] = useState<'edit' | 'transfer' | null>(null);

  if (error) {
    return (
      <LoadFailure
        error={error}
        what="đảng viên"
        missingText="Đảng viên không tồn tại hoặc nằm ngoài phạm vi của bạn."
        back={{ label: 'Về danh sách đảng viên', onClick: () => navigate('/members') }}
      />
    );
  }
  if (!member || member.id !== memberId) return <Skeleton active paragraph={{ rows: 10 }} />;

  const orgNames = new Map(member.memberships.map((m) => [m.organization_id, m.organization_name]));
  orgNames.set(member.organization_id, member.organization_name);
  const dash = (value: string | null | undefined) => value || '—';
  const away = runningLetter(member.transfer_letters);

  const period = (from: string | null, to: string | null) => `${formatDate(from)} – ${formatDate(to) || 'nay'}`;
  const historyColumns: TableColumnsType<Membership> = narrow
    ? [
        {
          title: 'Chi bộ, thời gian, lý do',
          key: 'all',
          render: (_: unknown, m) => (
            <div>
              <Link to={`/organizations/${m.organization_id}`}>{m.organization_name}</Link>
              <div>{period(m.start_date, m.end_date)}</div>
              {m.reason && <Typography.Text type="secondary">{m.reason}</Typography.Text>}
            </div>
          ),
        },
      ]
    : [
        {
          title: 'Chi bộ',
          dataIndex: 'organization_name',
          key: 'org',
          render: (name: string, m) => <Link to={`/organizations/${m.organization_id}`}>{name}</Link>,
        },
        { title: 'Từ ngày', dataIndex: 'start_date', key: 'from', render: formatDate },
        { title: 'Đến ngày', dataIndex: 'end_date', key: 'to', render: (d: string | null) => formatDate(d) || 'nay' },
        { title: 'Lý do', dataIndex: 'reason', key: 'reason', render: dash },
      ];
  const orgLink = (orgId: number, name?: string) => (
    <Link to={`/organizations/${orgId}`}>{name || orgNames.get(orgId) || 'Xem tổ chức'}</Link>
  );
  const positionColumns: TableColumnsType<MemberPosition> = narrow
    ? [
        {
          title: 'Chức vụ',
          key: 'all',
          render: (_: unknown, p) => (
            <div>
              <b>{positionLabel(p.position)}</b> — {orgLink(p.organization_id, p.organization_name)}
              <div>{period(p.term_start, p.term_end)}</div>
            </div>
          ),
        },
      ]
    : [
        { title: 'Chức vụ', dataIndex: 'position', key: 'position', render: positionLabel },
        { title: 'Tổ chức', key: 'org', render: (_: unknown, p) => orgLink(p.organization_id, p.organization_name) },
        { title: 'Từ ngày', dataIndex: 'term_start', key: 'from', render: formatDate },
        { title: 'Đến ngày', dataIndex: 'term_end', key: 'to', render: (d: string | null) => formatDate(d) || 'nay' },
      ];

  return (
    <div>
      <Typography.Title level={3} className="page-title" data-testid="member-name">
        {member.full_name}
      </Typography.Title>
      <div className="section">
        <StatusTag status={member.status} />
        <Link to={`/organizations/${member.organization_id}`} data-testid="member-organization">
          {member.organization_name}
        </Link>{' '}
        {away && (
          <Tag color="geekblue" className="member-away" data-testid="member-away">
            Đang sinh hoạt tạm thời tại {away.host}
          </Tag>
        )}
      </div>
      {member.can_write && (
        <div className="toolbar">
          <Button type="primary" icon={<EditOutlined />} data-testid="edit-member" onClick={() => setDialog('edit')}>
            Sửa
          </Button>
          <Button icon={<SwapOutlined />} data-testid="transfer-member" onClick={() => setDialog('transfer')}>
            Chuyển sinh hoạt
          </Button>
        </div>
      )}
      <Card title="Thông tin đảng viên" className="section" size="small">
        <Descriptions
          data-testid="member-details"
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'name', label: 'Họ và tên', children: member.full_name },
            { key: 'sex', label: 'Giới tính', children: SEX_LABELS[member.sex] ?? member.sex },
            { key: 'dob', label: 'Ngày sinh', children: dash(formatDate(member.date_of_birth)) },
            { key: 'status', label: 'Tình trạng', children: <StatusTag status={member.status} /> },
            { key: 'org', label: 'Chi bộ', children: member.organization_name },
            { key: 'admission', label: 'Ngày vào Đảng', children: dash(formatDate(member.admission_date)) },
            { key: 'official', label: 'Ngày chính thức', children: dash(formatDate(member.official_date)) },
            {
              key: 'card',
              label: 'Số thẻ đảng viên',
              children: <span data-testid="member-card">{dash(member.party_card_number)}</span>,
            },
            { key: 'cid', label: 'Số CCCD', children: dash(member.citizen_id) },
            { key: 'phone', label: 'Điện thoại', children: member.phone ? <a href={`tel:${member.phone}`}>{member.phone}</a> : '—' },
            { key: 'address', label: 'Địa chỉ', children: dash(member.address) },
            { key: 'note', label: 'Ghi chú', children: dash(member.note) },
          ]}
        />
      </Card>
      <TransferLetters member={member} onChanged={reload} />
      <Card title="Lịch sử sinh hoạt" className="section" size="small">
        <Table<Membership>
          data-testid="membership-history"
          rowKey={(m) => `${m.organization_id}-${m.start_date}`}
          size="small"
          columns={historyColumns}
          dataSource={member.memberships}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'Chưa có lịch sử' }}
        />
      </Card>
      {member.status_history.length > 1 && (
        <Card title="Lịch sử tình trạng" className="section" size="small">
          <ul className="status-history" data-testid="status-history">
            {member.status_history.map((c) => (
              <li key={c.since}>
                Từ {formatDate(c.since)}: <StatusTag status={c.status} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title="Chức vụ" className="section" size="small">
        <Table<MemberPosition>
          data-testid="member-positions"
          rowKey="id"
          size="small"
          columns={positionColumns}
          dataSource={member.positions}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'Không giữ chức vụ nào' }}
        />
      </Card>
      <MemberAttendanceHistory key={member.id} memberId={member.id} />
      {dialog === 'edit' && (
        <MemberFormModal
          open
          member={member}
          onClose={() => setDialog(null)}
          onSaved={() => {
            message.success('Đã lưu thông tin đảng viên');
            reload();
          }}
        />
      )}
      {dialog === 'transfer' && (
        <TransferModal
          open
          member={member}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            message.success(`Đã chuyển sinh hoạt đến ${saved.organization_name}`);
            reload();
          }}
        />
      )}
    </div>
  );
}
