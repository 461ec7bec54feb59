import { useState } from 'react';
import { App, Button, Form, Grid, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import FormModal from '../../ui/FormModal';
import MemberSelect from '../members/MemberSelect';
import OrgPicker from '../organizations/OrgPicker';
import { api, errorMessage } from '../../lib/api';
import { options, ROLE_LABELS, roleLabel } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { Paged, RoleKind, User } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

interface NewUserValues {
  username: string;
  display_name: string;
  password: string;
  member_id?: number | null;
  role: RoleKind;
  organization_id: number;
}

interface RoleValues {
  role: RoleKind;
  organization_id: number;
}

export default function UsersPage() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const { data, error, loading, reload } = useApi<Paged<User>>('/users', { page, page_size: pageSize });
  const [creating, setCreating] = useState(false);
  const [roleFor, setRoleFor] = useState<User | null>(null);
  const narrow = !Grid.useBreakpoint().md;

  const removeRole = async (user: User, roleId: number) => {
    try {
      await api.del<User>(`/users/${user.id}/roles/${roleId}`);
      message.success('Đã bỏ quyền');
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const roleTags = (user: User) => (
    <Space size={[4, 4]} wrap>
      {user.roles.length === 0 && <Typography.Text type="secondary">Chưa có quyền</Typography.Text>}
      {user.roles.map((r) => (
        <Tag key={r.id} color={r.role === 'administrator' ? 'red' : 'blue'} style={{ fontSize: 14, padding: '2px 6px' }}>
          {roleLabel(r.role)} — {r.organization_name}{' '}
          <Popconfirm
            title="Bỏ quyền này?"
            description={`${roleLabel(r.role)} tại ${r.organization_name}`}
            okText="Bỏ quyền"
            cancelText="Hủy"
            onConfirm={() => removeRole(user, r.id)}
          >
            <Button
              type="link"
              size="small"
              danger
              aria-label={`Bỏ quyền ${roleLabel(r.role)} tại ${r.organization_name} của ${user.username}`}
              style={{ padding: 0, height: 'auto' }}
            >
              ✕
            </Button>
          </Popconfirm>
        </Tag>
      ))}
    </Space>
  );
  const addRoleButton = (user: User) => (
    <Button size="small" icon={<PlusOutlined />} aria-label={`Thêm quyền cho ${user.username}`} onClick={() => setRoleFor(user)}>
      Thêm quyền
    </Button>
  );

  const columns: TableColumnsType<User> = narrow
    ? [
        {
          title: 'Người dùng',
          key: 'all',
          render: (_: unknown, user) => (
            <div>
              <div>
                <b>{user.display_name}</b> ({user.username})
              </div>
              <div style={{ margin: '6px 0' }}>{roleTags(user)}</div>
              {addRoleButton(user)}
            </div>
          ),
        },
      ]
    : [
        { title: 'Tên đăng nhập', dataIndex: 'username', key: 'username' },
        { title: 'Họ và tên', dataIndex: 'display_name', key: 'display_name' },
        { title: 'Quyền', key: 'roles', render: (_: unknown, user) => roleTags(user) },
        { title: '', key: 'actions', render: (_: unknown, user) => addRoleButton(user) },
      ];

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        Người dùng
      </Typography.Title>
      <div className="toolbar">
        <Button type="primary" icon={<PlusOutlined />} data-testid="add-user" onClick={() => setCreating(true)}>
          Thêm người dùng
        </Button>
      </div>
      {error !== undefined && <LoadError error={error} className="section" />}
      <Table<User>
        data-testid="users-table"
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={narrow ? undefined : { x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => `Tổng ${total} người dùng`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      <FormModal<NewUserValues>
        title="Thêm người dùng"
        open={creating}
        onClose={() => setCreating(false)}
        okText="Tạo người dùng"
        testId="user-form"
        initialValues={{ role: 'secretary' }}
        onSubmit={async (values) => {
          // The list shows only users holding a role in the administrator's subtree, so a new user gets
          // a first role at once.
          const created = await api.post<User>('/users', {
            username: values.username.trim(),
            display_name: values.display_name.trim(),
            password: values.password,
            ...(values.member_id ? { member_id: values.member_id } : {}),
          });
          reload();
          try {
            await api.post<User>(`/users/${created.id}/roles`, {
              role: values.role,
              organization_id: values.organization_id,
            });
          } catch (e) {
            message.error(`Đã tạo người dùng ${created.username} nhưng chưa giao được quyền: ${errorMessage(e)}`);
            return;
          }
          message.success(`Đã tạo người dùng ${created.username}`);
          reload();
        }}
      >
        <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập' }]}>
          <Input autoComplete="off" autoCapitalize="none" />
        </Form.Item>
        <Form.Item label="Họ và tên" name="display_name" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu"
          name="password"
          rules={[
            { required: true, message: 'Vui lòng nhập mật khẩu' },
            { min: 8, message: 'Mật khẩu cần ít nhất 8 ký tự' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="Là đảng viên (nếu có)" name="member_id">
          <MemberSelect />
        </Form.Item>
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
          <Select options={options(ROLE_LABELS)} />
        </Form.Item>
        <Form.Item label="Tại tổ chức" name="organization_id" rules={[{ required: true, message: 'Vui lòng chọn tổ chức' }]}>
          <OrgPicker />
        </Form.Item>
      </FormModal>
      <FormModal<RoleValues>
        title={roleFor ? `Thêm quyền cho ${roleFor.display_name} (${roleFor.username})` : ''}
        open={!!roleFor}
        onClose={() => setRoleFor(null)}
        okText="Thêm quyền"
        testId="role-form"
        initialValues={{ role: 'secretary' }}
        onSubmit={async (values) => {
          await api.post<User>(`/users/${roleFor!.id}/roles`, values);
          message.success('Đã thêm quyền');
          reload();
        }}
      >
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
          <Select options={options(ROLE_LABELS)} />
        </Form.Item>
        <Form.Item label="Tại tổ chức" name="organization_id" rules={[{ required: true, message: 'Vui lòng chọn tổ chức' }]}>
          <OrgPicker />
        </Form.Item>
      </FormModal>
    </div>
  );
}
