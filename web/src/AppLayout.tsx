import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Grid, Layout, Menu, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  LineChartOutlined,
  LogoutOutlined,
  SolutionOutlined,
  MenuOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { useAuth } from './features/auth/auth';

const { Header, Sider, Content } = Layout;

export default function AppLayout() {
  const { user, isAdmin, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.lg ?? false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const items: MenuProps['items'] = [
    // A member's own meetings, and the cells they attend for a committee (the page says when they attend none).
    ...(user?.member_id
      ? [
          { key: '/me/meetings', icon: <CalendarOutlined />, label: 'Lịch sinh hoạt của tôi' },
          { key: '/me/visits', icon: <SolutionOutlined />, label: 'Việc dự sinh hoạt của tôi' },
        ]
      : []),
    { key: '/organizations', icon: <ApartmentOutlined />, label: 'Tổ chức đảng' },
    // Dashboards: for those who read a subtree (committees, secretaries, administrators), not plain members.
    ...(user?.roles.some((r) => r.role !== 'member')
      ? [{ key: '/dashboard', icon: <LineChartOutlined />, label: 'Bảng số liệu' }]
      : []),
    { key: '/members', icon: <TeamOutlined />, label: 'Đảng viên' },
    ...(isAdmin
      ? [
          { key: '/users', icon: <UserSwitchOutlined />, label: 'Người dùng' },
          { key: '/audit', icon: <AuditOutlined />, label: 'Nhật ký' },
        ]
      : []),
  ];
  const selected = location.pathname.startsWith('/me/')
    ? location.pathname
    : /^\/organizations\/[^/]+\/dashboard$/.test(location.pathname)
      ? '/dashboard'
      : '/' + (location.pathname.split('/')[1] ?? '');

  const menu = (
    <Menu
      mode="inline"
      aria-label="Menu chính"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      className="main-menu"
    />
  );

  return (
    <Layout className="app-layout">
      <Header className="app-header">
        {!isDesktop && (
          <Button
            type="text"
            className="header-button"
            icon={<MenuOutlined />}
            aria-label="Mở menu"
            data-testid="menu-button"
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Typography.Link className="brand" onClick={() => navigate('/organizations')}>
          ★ Chi bộ
        </Typography.Link>
        <div className="header-spacer" />
        <span className="header-user" data-testid="current-user" title={user?.display_name}>
          <UserOutlined /> <span className="header-user-name">{user?.display_name}</span>
        </span>
        <Button
          className="header-button"
          icon={<LogoutOutlined />}
          aria-label="Đăng xuất"
          data-testid="logout-button"
          onClick={async () => {
            await logout();
            navigate('/login');
          }}
        >
          {isDesktop ? 'Đăng xuất' : null}
        </Button>
      </Header>
      <Layout>
        {isDesktop && (
          <Sider
            theme="light"
            width={250}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            className="app-sider"
          >
            {menu}
          </Sider>
        )}
        <Content className="app-content">
          <Outlet />
        </Content>
      </Layout>
      {!isDesktop && (
        <Drawer
          title="Menu"
          placement="left"
          size={280}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
