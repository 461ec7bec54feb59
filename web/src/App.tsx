import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Result, Skeleton, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useAuth } from './features/auth/auth';
import AppLayout from './AppLayout';
import LoginPage from './features/auth/LoginPage';
import TreePage from './features/organizations/TreePage';
import OrganizationPage from './features/organizations/OrganizationPage';
import MembersPage from './features/members/MembersPage';
import MemberPage from './features/members/MemberPage';
import MeetingPage from './features/meetings/MeetingPage';
import MyMeetingsPage from './features/meetings/MyMeetingsPage';
import UsersPage from './features/users/UsersPage';
import AuditPage from './features/audit/AuditPage';
import GradingRoundPage from './features/grading/GradingRoundPage';
import DashboardHome from './features/dashboard/DashboardHome';
import TopicPage from './features/topics/TopicPage';
import MyVisitsPage from './features/visits/MyVisitsPage';

// The dashboard (and ECharts behind it) loads when first opened, not with the rest of the app.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function RequireAdmin({ children }: { children: ReactNode }) {
  const { isAdmin } = useAuth();
  if (!isAdmin) return <Result status="403" title="Không có quyền" subTitle="Chỉ người quản trị được xem trang này." />;
  return <>{children}</>;
}

export default function App() {
  const { loading } = useAuth();
  if (loading) {
    return (
      <div className="center-screen">
        <Spin size="large" description="Đang tải…" />
      </div>
    );
  }
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/organizations" replace />} />
        <Route path="/organizations" element={<TreePage />} />
        <Route path="/organizations/:id" element={<OrganizationPage />} />
        <Route
          path="/organizations/:id/dashboard"
          element={
            <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
              <DashboardPage />
            </Suspense>
          }
        />
        <Route path="/dashboard" element={<DashboardHome />} />
        <Route path="/members" element={<MembersPage />} />
        <Route path="/members/:id" element={<MemberPage />} />
        <Route path="/meetings/:id" element={<MeetingPage />} />
        <Route path="/me/meetings" element={<MyMeetingsPage />} />
        <Route path="/me/visits" element={<MyVisitsPage />} />
        <Route path="/grading/:id" element={<GradingRoundPage />} />
        <Route path="/topics/:id" element={<TopicPage />} />
        <Route
          path="/users"
          element={
            <RequireAdmin>
              <UsersPage />
            </RequireAdmin>
          }
        />
        <Route
          path="/audit"
          element={
            <RequireAdmin>
              <AuditPage />
            </RequireAdmin>
          }
        />
        <Route path="*" element={<Result status="404" title="Không tìm thấy trang" />} />
      </Route>
    </Routes>
  );
}
