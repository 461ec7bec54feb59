import { Link } from 'react-router';
import { Card } from 'antd';
import { FileTextOutlined, RightOutlined } from '@ant-design/icons';
import { useAuth } from '../auth/auth';
import { formatDate } from '../../lib/dates';
import { useApi } from '../../lib/useApi';
import type { TopicPlan } from '../../lib/api.gen';

// On a member's own page: the thematic drafts their cell has sent them this year, to read and comment on before the
// meeting. Nothing shows when there is none.
export default function MySentDrafts() {
  const { user } = useAuth();
  const cellId = user?.roles.find((r) => r.role === 'member')?.organization_id ?? null;
  const { data } = useApi<TopicPlan>(cellId ? `/organizations/${cellId}/topics` : null, { year: new Date().getFullYear() });
  const sent = (data?.items ?? []).filter((t) => t.state === 'sent');
  if (sent.length === 0) return null;
  return (
    <Card size="small" className="section" title="Dự thảo chuyên đề gửi đồng chí" data-testid="my-sent-drafts">
      {sent.map((t) => (
        <Link key={t.id} to={`/topics/${t.id}`} className="topic-item" data-testid="my-sent-draft">
          <div className="topic-item-body">
            <div className="topic-item-title">
              <FileTextOutlined /> {t.title}
            </div>
            <div className="topic-item-meta">
              {t.meeting_date ? <span>Sinh hoạt ngày {formatDate(t.meeting_date)}</span> : null}
              <span>Đọc và góp ý</span>
            </div>
          </div>
          <RightOutlined className="topic-item-arrow" />
        </Link>
      ))}
    </Card>
  );
}
