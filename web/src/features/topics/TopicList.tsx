import { Link } from 'react-router';
import { Tag, Typography } from 'antd';
import { RightOutlined, WarningOutlined } from '@ant-design/icons';
import { formatDate } from '../../lib/dates';
import type { Topic } from '../../lib/api.gen';
import { LATE_WARNING, preparerText, quarterLabel, topicStateColor, topicStateLabel } from './topics';

export function TopicStateTag({ state }: { state: Topic['state'] }) {
  return (
    <Tag color={topicStateColor(state)} className="topic-state" data-testid="topic-state">
      {topicStateLabel(state)}
    </Tag>
  );
}

// One topic as a line of a list: its title (a link to its page), its state in words, who prepares it and when it is
// discussed. `showCell` for lists across cells (the superior's).
export function TopicItem({ topic, showCell, showQuarter }: { topic: Topic; showCell?: boolean; showQuarter?: boolean }) {
  return (
    <Link to={`/topics/${topic.id}`} className="topic-item" data-testid="topic-item">
      <div className="topic-item-body">
        <div className="topic-item-title">{topic.title}</div>
        <div className="topic-item-meta">
          <TopicStateTag state={topic.state} />
          {showCell && <span>{topic.organization_name}</span>}
          {showQuarter && <span>{quarterLabel(topic.quarter, topic.year)}</span>}
          <span>Chuẩn bị: {preparerText(topic.preparer)}</span>
          {topic.meeting_date && <span>Sinh hoạt ngày {formatDate(topic.meeting_date)}</span>}
        </div>
        {topic.late && (
          <Typography.Text type="warning">
            <WarningOutlined /> {LATE_WARNING}
          </Typography.Text>
        )}
        {topic.state === 'declined' && topic.decline_reason && (
          <Typography.Text type="danger">Lý do: {topic.decline_reason}</Typography.Text>
        )}
      </div>
      <RightOutlined className="topic-item-arrow" />
    </Link>
  );
}
