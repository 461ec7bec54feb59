import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { useApi } from '../../lib/useApi';
import { LoadError } from '../../ui/LoadFailure';
import YearSelect from '../../ui/YearSelect';
import OrientationCard from './OrientationCard';
import type { OrgTabContext } from '../organizations/orgTabs';
import type { TopicOrientation, TopicOrientationList, TopicPlan } from '../../lib/api.gen';
import { PickOrientationModal, ProposeTopicModal } from './TopicForms';
import { TopicItem } from './TopicList';
import TopicReviewCard from './TopicReviewCard';
import { missingQuartersText, planByQuarter } from './topics';

// The cell's "Chuyên đề" tab: the year's plan quarter by quarter, the year-end review of its topics, the orientations
// its committees addressed to it (to pick one), and its own proposals.
export default function CellTopicsTab({ organization, canWrite, tabState, setTabState }: OrgTabContext) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const year = (tabState as number | undefined) ?? new Date().getFullYear();
  const plan = useApi<TopicPlan>(`/organizations/${organization.id}/topics`, { year });
  const orientations = useApi<TopicOrientationList>(`/organizations/${organization.id}/topic-orientations`, { year });
  const [picking, setPicking] = useState<TopicOrientation | null>(null);
  const [proposing, setProposing] = useState(false);
  const writes = canWrite && !!plan.data?.can_write;

  const missing = plan.data ? missingQuartersText(plan.data.quarters_without_topic) : null;

  return (
    <div data-testid="topics-tab">
      <div className="toolbar">
        <YearSelect value={year} onChange={(y) => setTabState(y)} testId="topics-year" width={140} />
        {writes && (
          <Button size="large" icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="propose-topic">
            Đề xuất chuyên đề
          </Button>
        )}
      </div>

      {plan.error ? <LoadError error={plan.error} className="section" /> : null}
      {missing && (
        <Alert className="section" type="warning" showIcon title={missing} data-testid="topics-missing" />
      )}

      <Typography.Title level={5}>Kế hoạch sinh hoạt chuyên đề năm {year}</Typography.Title>
      {!plan.data ? (
        plan.error ? null : <Skeleton active />
      ) : (
        <div className="topic-quarters" data-testid="topic-plan">
          {planByQuarter(plan.data).map((q) => (
            <Card
              key={q.quarter}
              size="small"
              className={q.missing ? 'topic-quarter topic-quarter-missing' : 'topic-quarter'}
              data-testid={`topic-quarter-${q.quarter}`}
              title={
                <span>
                  Quý {q.quarter}
                  {q.thematicMonths.length > 0 && (
                    <Typography.Text type="secondary" className="topic-quarter-months">
                      {' '}
                      · tháng {q.thematicMonths.join(', ')}
                    </Typography.Text>
                  )}
                </span>
              }
            >
              {q.topics.length === 0 ? (
                <Typography.Text type={q.missing ? 'warning' : 'secondary'}>Chưa có chuyên đề</Typography.Text>
              ) : (
                q.topics.map((t) => <TopicItem key={t.id} topic={t} />)
              )}
            </Card>
          ))}
        </div>
      )}

      <div style={{ marginTop: 24 }}>
        <TopicReviewCard organization={organization} />
      </div>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        Định hướng của cấp ủy cấp trên
      </Typography.Title>
      {orientations.error ? (
        <LoadError error={orientations.error} />
      ) : !orientations.data ? (
        <Skeleton active />
      ) : orientations.data.items.length === 0 ? (
        <Empty description={`Chưa có định hướng chuyên đề năm ${year}`} />
      ) : (
        <div className="topic-orientations" data-testid="cell-orientations">
          {orientations.data.items.map((o) => (
            <OrientationCard key={o.id} orientation={o} showPublisher onFilesChanged={() => orientations.reload()}>
              <div style={{ marginTop: 8 }}>
                {o.topic_id !== null ? (
                  <Button icon={<CheckOutlined />} onClick={() => navigate(`/topics/${o.topic_id}`)} data-testid="orientation-topic">
                    Chi bộ đã chọn — xem chuyên đề
                  </Button>
                ) : writes ? (
                  <Button type="primary" size="large" onClick={() => setPicking(o)} data-testid="pick-orientation">
                    Chọn chuyên đề này
                  </Button>
                ) : null}
              </div>
            </OrientationCard>
          ))}
        </div>
      )}

      {picking && (
        <PickOrientationModal
          cell={organization}
          orientation={picking}
          onClose={() => setPicking(null)}
          onSaved={(t) => {
            message.success('Đã đưa chuyên đề vào kế hoạch');
            navigate(`/topics/${t.id}`);
          }}
        />
      )}
      {proposing && (
        <ProposeTopicModal
          cell={organization}
          year={year}
          onClose={() => setProposing(false)}
          onSaved={() => {
            message.success('Đã gửi đề xuất lên cấp ủy cấp trên');
            plan.reload();
          }}
        />
      )}
    </div>
  );
}
