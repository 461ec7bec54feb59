import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Grid, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  ApartmentOutlined,
  EditOutlined,
  LineChartOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SwapOutlined,
  UserAddOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { useAuth } from '../auth/auth';
import { formatDate } from '../../lib/dates';
import { categoryLabel, isCell, kindLabel, positionLabel } from '../../lib/labels';
import { fetchChildren } from './orgTree';
import { useApi } from '../../lib/useApi';
import type { Organization, PartyGroup, Position, TreeNode } from '../../lib/types';
import AbsenceFlags from '../meetings/AbsenceFlags';
import ComplianceAlerts from '../meetings/ComplianceAlerts';
import GradingRounds from '../grading/GradingRounds';
import { useGroupMembers } from '../members/GroupMembersTable';
import { MemberFormModal } from '../members/MemberForms';
import ScorecardCard from '../scoring/ScorecardCard';
import { MergeModal, MoveModal, OrgFormModal } from './OrgForms';
import { ORG_TABS } from './orgTabList';
import type { OrgTabFacts } from './orgTabs';
import { EndPositionModal, PositionModal } from './PositionForms';
import LoadFailure from '../../ui/LoadFailure';

type Dialog = 'create' | 'edit' | 'move' | 'merge' | 'member' | 'position' | null;

export default function OrganizationPage() {
  const { id } = useParams();
  const orgId = Number(id);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // The open tab is kept in the address, so reloading or going back shows the same tab.
  const requestedTab = params.get('tab');
  const { message } = App.useApp();
  const { user } = useAuth();
  const narrow = !Grid.useBreakpoint().md;
  const { data: org, error, reload } = useApi<Organization>(`/organizations/${orgId}`);
  const [children, setChildren] = useState<TreeNode[] | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [ending, setEnding] = useState<Position | null>(null);
  // Each tab's own state, kept while another tab is open (see OrgTabContext).
  const [tabStates, setTabStates] = useState<Record<string, unknown>>({});
  const [membersVersion, setMembersVersion] = useState(0);
  const isGroupPage = org?.id === orgId && org.kind === 'party_group';
  const groupMembers = useGroupMembers(isGroupPage ? (org?.parent_id ?? null) : null, orgId, membersVersion);

  useEffect(() => {
    setChildren(null);
  }, [orgId]);

  useEffect(() => {
    if (!org) return;
    if (org.children_count === 0) {
      setChildren([]);
      return;
    }
    let cancelled = false;
    fetchChildren(org.id)
      .then((nodes) => !cancelled && setChildren(nodes))
      .catch(() => !cancelled && setChildren([]));
    return () => {
      cancelled = true;
    };
  }, [org]);

  if (error) {
    return (
      <LoadFailure
        error={error}
        what="tổ chức"
        missingText="Tổ chức không tồn tại hoặc nằm ngoài phạm vi của bạn."
        back={{ label: 'Về cây tổ chức', onClick: () => navigate('/organizations') }}
      />
    );
  }
  if (!org || org.id !== orgId) return <Skeleton active paragraph={{ rows: 8 }} />;

  const cell = isCell(org.kind);
  const group = org.kind === 'party_group';
  // The dashboard reads a subtree: offered to those holding a role other than member on the organisation or above it
  // (not for a party group, which meets with its cell).
  const readsSubtree =
    !group && !!user?.roles.some((r) => r.role !== 'member' && org.path.some((p) => p.id === r.organization_id));
  const dissolved = !!org.valid_to;
  const canWrite = org.can_write && !dissolved;
  const subOrgs = (children ?? []).filter((c) => !(cell && c.kind === 'party_group'));
  const close = () => setDialog(null);
  // A party group's members are recorded on its cell: count them from the cell's roll.
  const counts =
    group && groupMembers.members
      ? {
          official: groupMembers.members.filter((m) => m.status === 'official').length,
          probationary: groupMembers.members.filter((m) => m.status === 'probationary').length,
          exempt: groupMembers.members.filter((m) => m.status === 'exempt').length,
          temporary: groupMembers.members.filter((m) => m.status === 'temporary').length,
          working_away: groupMembers.members.filter((m) => m.status === 'working_away').length,
          on_roll: groupMembers.members.length,
        }
      : org.counts;
  const tabContext: OrgTabFacts = {
    organization: org,
    user,
    canWrite,
    cell,
    group,
    membersVersion,
    groupMembers,
  };
  const tabs = ORG_TABS.filter((t) => t.shown?.(tabContext) ?? true);
  const activeTab = tabs.find((t) => t.key === requestedTab) ?? tabs[0];
  const refreshAll = () => {
    reload();
    setMembersVersion((v) => v + 1);
  };

  const endButton = (p: Position) =>
    canWrite && !p.term_end ? (
      <Button size="small" aria-label={`Kết thúc chức vụ của ${p.member_name}`} onClick={() => setEnding(p)}>
        Kết thúc
      </Button>
    ) : null;
  const term = (p: Position) => `${formatDate(p.term_start)} – ${formatDate(p.term_end) || 'nay'}`;
  const leaderColumns: TableColumnsType<Position> = narrow
    ? [
        {
          title: 'Chức vụ',
          key: 'position',
          render: (_: unknown, p) => (
            <div>
              <div>
                <b>{positionLabel(p.position)}</b>: <Link to={`/members/${p.member_id}`}>{p.member_name}</Link>
              </div>
              <Typography.Text type="secondary">{term(p)}</Typography.Text> {endButton(p)}
            </div>
          ),
        },
      ]
    : [
        { title: 'Chức vụ', dataIndex: 'position', key: 'position', render: positionLabel },
        {
          title: 'Họ và tên',
          dataIndex: 'member_name',
          key: 'member_name',
          render: (name: string, p) => <Link to={`/members/${p.member_id}`}>{name}</Link>,
        },
        { title: 'Từ ngày', dataIndex: 'term_start', key: 'term_start', render: formatDate },
        { title: 'Đến ngày', dataIndex: 'term_end', key: 'term_end', render: (d: string | null) => formatDate(d) || '—' },
        ...(canWrite ? [{ title: '', key: 'actions', render: (_: unknown, p: Position) => endButton(p) }] : []),
      ];

  const groupColumns: TableColumnsType<PartyGroup> = [
    {
      title: 'Tổ đảng',
      dataIndex: 'name',
      key: 'name',
      render: (name: string, g) => <Link to={`/organizations/${g.id}`}>{name}</Link>,
    },
    { title: 'Số đảng viên', dataIndex: 'member_count', key: 'count', responsive: ['sm'] },
    {
      title: 'Tổ trưởng',
      key: 'leader',
      render: (_: unknown, g) => (g.leader ? <Link to={`/members/${g.leader.member_id}`}>{g.leader.member_name}</Link> : '—'),
    },
  ];

  const childColumns: TableColumnsType<TreeNode> = [
    {
      title: 'Tên tổ chức',
      dataIndex: 'name',
      key: 'name',
      render: (name: string, c) => (
        <span>
          <Link to={`/organizations/${c.id}`}>{name}</Link>
          {narrow && <Typography.Text type="secondary"> ({c.member_count})</Typography.Text>}
        </span>
      ),
    },
    { title: 'Loại', dataIndex: 'kind', key: 'kind', render: kindLabel, responsive: ['md'] },
    { title: 'Số đảng viên', dataIndex: 'member_count', key: 'count', responsive: ['md'] },
  ];

  return (
    <div>
      <Breadcrumb
        className="section"
        items={org.path.map((p, i) => ({
          key: p.id,
          title: i === org.path.length - 1 ? p.name : <Link to={`/organizations/${p.id}`}>{p.name}</Link>,
        }))}
      />
      <Typography.Title level={3} className="page-title" data-testid="org-name">
        {org.name}
      </Typography.Title>
      <Space wrap className="section">
        <Tag color="red">{kindLabel(org.kind)}</Tag>
        {org.category && <Tag>{categoryLabel(org.category)}</Tag>}
        {dissolved && <Tag color="default">Đã ngừng hoạt động</Tag>}
        {readsSubtree && (
          <Button
            type="primary"
            ghost
            size="small"
            icon={<LineChartOutlined />}
            data-testid="org-dashboard"
            onClick={() => navigate(`/organizations/${org.id}/dashboard`)}
          >
            Bảng số liệu
          </Button>
        )}
      </Space>

      {dissolved && (
        <Alert
          className="section"
          type="info"
          showIcon
          data-testid="merged-alert"
          title={`Tổ chức đã ngừng hoạt động từ ngày ${formatDate(org.valid_to)}.`}
          description={
            org.merged_into_id ? (
              <Link to={`/organizations/${org.merged_into_id}`}>Xem tổ chức đã sáp nhập vào</Link>
            ) : undefined
          }
        />
      )}
      {org.warnings.map((w) => (
        <Alert key={w.code} className="section" type="warning" showIcon title={w.message} data-testid="org-warning" />
      ))}

      {canWrite && (
        <div className="toolbar" data-testid="org-actions">
          {(cell || group) && (
            <Button type="primary" icon={<UserAddOutlined />} data-testid="add-member" onClick={() => setDialog('member')}>
              Thêm đảng viên
            </Button>
          )}
          <Button icon={<UserSwitchOutlined />} data-testid="assign-position" onClick={() => setDialog('position')}>
            Giao chức vụ
          </Button>
          {!group && (
            <Button icon={<PlusOutlined />} data-testid="add-child" onClick={() => setDialog('create')}>
              Thêm tổ chức trực thuộc
            </Button>
          )}
          <Button icon={<EditOutlined />} data-testid="edit-org" onClick={() => setDialog('edit')}>
            Sửa
          </Button>
          <Button icon={<SwapOutlined />} data-testid="move-org" onClick={() => setDialog('move')}>
            Chuyển
          </Button>
          {cell && (
            <Button danger icon={<MergeCellsOutlined />} data-testid="merge-org" onClick={() => setDialog('merge')}>
              Sáp nhập
            </Button>
          )}
        </div>
      )}

      {/* What needs attention in the cells of a committee or in a cell (not a party group: it meets with its cell).
          Hidden from those who may not see it. */}
      {!group && <ComplianceAlerts key={`alerts-${org.id}`} organization={org} />}

      {/* Annual grading (Quy định 366): the rounds covering the organisation; committees open them. Party groups are
          graded with their cell. */}
      {!group && <GradingRounds key={`grading-${org.id}`} organization={org} canWrite={canWrite} />}

      <Card title="Số lượng đảng viên" className="section" size="small">
        <div className="counts" data-testid="org-counts">
          <Statistic title="Chính thức" value={counts.official} />
          <Statistic title="Dự bị" value={counts.probationary} />
          <Statistic title="Miễn sinh hoạt" value={counts.exempt} />
          <Statistic title="Sinh hoạt tạm thời" value={counts.temporary} />
          <Statistic title="Làm ăn xa" value={counts.working_away} />
          <Statistic title="Tổng số trên danh sách" value={counts.on_roll} styles={{ content: { color: '#b71c1c' } }} />
          {/* Away today: with a running temporary transfer letter, or working away. A party group's counts come from
              its cell's roll, which does not carry the letters. */}
          {!group && (
            <div data-testid="org-counts-away">
              <Statistic title="Đang ở nơi khác" value={org.counts.away} />
              {org.counts.away_without_letter > 0 && (
                <div className="counts-warning" data-testid="org-counts-away-without-letter">
                  trong đó chưa có giấy giới thiệu: <b>{org.counts.away_without_letter}</b>
                </div>
              )}
            </div>
          )}
        </div>
      </Card>

      <Card title="Thông tin" className="section" size="small">
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'kind', label: 'Loại tổ chức', children: kindLabel(org.kind) },
            { key: 'category', label: 'Phân loại', children: categoryLabel(org.category) || '—' },
            { key: 'address', label: 'Địa chỉ', children: org.address || '—' },
            { key: 'from', label: 'Thành lập từ ngày', children: formatDate(org.valid_from) || '—' },
            ...(org.valid_to ? [{ key: 'to', label: 'Ngừng hoạt động', children: formatDate(org.valid_to) }] : []),
          ]}
        />
      </Card>

      <Card title={cell ? 'Bí thư, Phó Bí thư, Chi ủy viên' : group ? 'Tổ trưởng' : 'Lãnh đạo'} className="section" size="small">
        <Table<Position>
          data-testid="leaders-table"
          rowKey="id"
          size="small"
          columns={leaderColumns}
          dataSource={org.leaders}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'Chưa có người giữ chức vụ' }}
        />
      </Card>

      {org.party_groups.length > 0 && (
        <Card title="Tổ đảng" className="section" size="small">
          <Table<PartyGroup>
            data-testid="party-groups-table"
            rowKey="id"
            size="small"
            columns={groupColumns}
            dataSource={org.party_groups}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      )}

      {(org.children_count > 0 && subOrgs.length > 0) || (!cell && !group) ? (
        <Card
          title={
            <span>
              <ApartmentOutlined /> Tổ chức trực thuộc ({subOrgs.length})
            </span>
          }
          className="section"
          size="small"
        >
          <Table<TreeNode>
            data-testid="children-table"
            rowKey="id"
            size="small"
            columns={childColumns}
            dataSource={subOrgs}
            expandable={{ childrenColumnName: 'no_nested_rows' }}
            loading={children === null}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: 'Không có tổ chức trực thuộc' }}
          />
        </Card>
      ) : null}

      <Card
        className="section org-tabs"
        size="small"
        data-testid="org-tabs"
        activeTabKey={activeTab.key}
        onTabChange={(key) =>
          setParams(
            (previous) => {
              const next = new URLSearchParams(previous);
              if (key === ORG_TABS[0].key) next.delete('tab');
              else next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        tabList={tabs.map((t) => ({ key: t.key, label: t.label }))}
      >
        <activeTab.Component
          key={`${activeTab.key}-${org.id}`}
          {...tabContext}
          tabState={tabStates[activeTab.key]}
          setTabState={(state) => setTabStates((all) => ({ ...all, [activeTab.key]: state }))}
        />
      </Card>

      {/* Meeting quality (HD 42): committees set the scorecard for their subtree, cells see the one in force. Party
          groups meet with their cell. */}
      {!group && <ScorecardCard key={`scorecard-${org.id}`} organization={org} canWrite={canWrite} />}

      {/* Party groups meet with their cell: their members' absences are counted there. */}
      {!group && <AbsenceFlags key={org.id} organization={org} cell={cell} />}

      {dialog === 'create' && (
        <OrgFormModal
          open
          onClose={close}
          parent={org}
          onSaved={(created) => {
            message.success('Đã thêm tổ chức');
            navigate(`/organizations/${created.id}`);
          }}
        />
      )}
      {dialog === 'edit' && (
        <OrgFormModal
          open
          onClose={close}
          organization={org}
          onSaved={() => {
            message.success('Đã lưu');
            refreshAll();
          }}
        />
      )}
      {dialog === 'move' && (
        <MoveModal
          open
          onClose={close}
          organization={org}
          onSaved={() => {
            message.success('Đã chuyển tổ chức');
            refreshAll();
          }}
        />
      )}
      {dialog === 'merge' && (
        <MergeModal
          open
          onClose={close}
          organization={org}
          onMerged={(target) => {
            message.success(`Đã sáp nhập vào ${target.name}`);
            navigate(`/organizations/${target.id}`);
          }}
        />
      )}
      {dialog === 'member' && (
        <MemberFormModal
          open
          onClose={close}
          organizationId={group && org.parent_id ? org.parent_id : org.id}
          defaultPartyGroupId={group ? org.id : undefined}
          onSaved={(m) => {
            message.success(`Đã thêm đảng viên ${m.full_name}`);
            refreshAll();
          }}
        />
      )}
      {dialog === 'position' && (
        <PositionModal
          open
          onClose={close}
          organization={org}
          onSaved={() => {
            message.success('Đã giao chức vụ');
            reload();
          }}
        />
      )}
      <EndPositionModal
        open={!!ending}
        position={ending}
        onClose={() => setEnding(null)}
        onSaved={() => {
          message.success('Đã kết thúc chức vụ');
          reload();
        }}
      />
    </div>
  );
}
