import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Result, Skeleton, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useAuth } from './auth';
import AppLayout from './components/AppLayout';
import LoginPage from './pages/LoginPage';
import TreePage from './pages/TreePage';
import OrganizationPage from './pages/OrganizationPage';
import MembersPage from './pages/MembersPage';
import MemberPage from './pages/MemberPage';
import MeetingPage from './pages/MeetingPage';
import MyMeetingsPage from './pages/MyMeetingsPage';
import UsersPage from './pages/UsersPage';
import AuditPage from './pages/AuditPage';
import GradingRoundPage from './pages/GradingRoundPage';
import DashboardHome from './pages/DashboardHome';

// The dashboard (and ECharts behind it) loads when first opened, not with the rest of the app.
const DashboardPage = lazy(() => import('./pages/DashboardPage'));

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
        <Route path="/grading/:id" element={<GradingRoundPage />} />
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
