import { Navigate } from 'react-router';
import { Result } from 'antd';
import { useAuth } from '../auth/auth';

// "/dashboard" (the menu): the dashboard of the first organisation the user reads as a committee, a secretary or an
// administrator.
export default function DashboardHome() {
  const { user } = useAuth();
  const role = user?.roles.find((r) => r.role !== 'member');
  if (!role)
    return (
      <Result
        status="403"
        title="Không có quyền xem bảng số liệu"
        subTitle="Bảng số liệu dành cho cấp ủy, bí thư chi bộ và người quản trị."
      />
    );
  return <Navigate to={`/organizations/${role.organization_id}/dashboard`} replace />;
}
