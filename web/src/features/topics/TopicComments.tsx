import { useState } from 'react';
import { Alert, App, Button, Card, Input, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { useSave } from '../../ui/useSave';
import type { TopicComment, TopicDetail } from '../../lib/api.gen';

function CommentItem({ comment, showKind }: { comment: TopicComment; showKind: boolean }) {
  return (
    <li className="topic-comment" data-testid="topic-comment">
      <div className="topic-comment-head">
        <b>{comment.author_name}</b>
        {showKind && (
          <Tag color={comment.kind === 'review' ? 'purple' : 'green'}>
            {comment.kind === 'review' ? 'Chi ủy góp ý' : 'Đảng viên góp ý'}
          </Tag>
        )}
        <span className="topic-comment-meta">
          bản {comment.version} · {formatDateTime(comment.created_at)}
        </span>
      </div>
      <div className="topic-text">{comment.text}</div>
    </li>
  );
}

// The box to write a comment: a review by the chi ủy, or a member's contribution to the sent draft.
export function CommentBox({
  topic,
  label,
  placeholder,
  onSaved,
}: {
  topic: TopicDetail;
  label: string;
  placeholder: string;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const save = useSave<'text'>({ fields: ['text'], elementId: () => 'field-comment' });
  return (
    <div className="topic-comment-box" data-testid="comment-box">
      <label htmlFor="field-comment" className="topic-comment-label">
        {label}
      </label>
      {save.error && <Alert type="error" showIcon title={save.error} role="alert" style={{ marginBottom: 8 }} />}
      <Input.TextArea
        id="field-comment"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          save.clearFieldErrors('text');
        }}
        autoSize={{ minRows: 4, maxRows: 12 }}
        maxLength={4000}
        placeholder={placeholder}
        status={save.fieldErrors.text ? 'error' : undefined}
        className="topic-comment-input"
        data-testid="comment-text"
      />
      {save.fieldErrors.text && <div className="ant-form-item-explain-error">{save.fieldErrors.text}</div>}
      <Button
        type="primary"
        size="large"
        block
        icon={<SendOutlined />}
        className="topic-comment-send"
        disabled={!text.trim()}
        loading={save.busy}
        data-testid="comment-send"
        onClick={async () => {
          const ok = await save.run(async () => {
            await api.post<TopicComment>(`/topics/${topic.id}/comments`, { text });
          });
          if (ok) {
            setText('');
            message.success('Đã gửi ý kiến');
            onSaved();
          }
        }}
      >
        Gửi ý kiến
      </Button>
    </div>
  );
}

// The comments on the topic's drafts: the chi ủy's reviews and the members' contributions, oldest first.
export function TopicComments({ topic, onSaved }: { topic: TopicDetail; onSaved: () => void }) {
  const reviews = topic.comments.filter((c) => c.kind === 'review');
  const members = topic.comments.filter((c) => c.kind === 'member');
  return (
    <Card size="small" className="section" title="Góp ý vào dự thảo" data-testid="topic-comments">
      {topic.comments.length === 0 && <Typography.Paragraph type="secondary">Chưa có ý kiến góp ý.</Typography.Paragraph>}
      {reviews.length > 0 && (
        <>
          <div className="topic-comments-title">Chi ủy góp ý ({reviews.length})</div>
          <ul className="topic-comments" data-testid="review-comments">
            {reviews.map((c) => (
              <CommentItem key={c.id} comment={c} showKind={false} />
            ))}
          </ul>
        </>
      )}
      {members.length > 0 && (
        <>
          <div className="topic-comments-title">Đảng viên góp ý ({members.length})</div>
          <ul className="topic-comments" data-testid="member-comments">
            {members.map((c) => (
              <CommentItem key={c.id} comment={c} showKind={false} />
            ))}
          </ul>
        </>
      )}
      {topic.can_comment && (
        <CommentBox
          topic={topic}
          label="Ý kiến góp ý"
          placeholder="Nhập ý kiến góp ý vào dự thảo"
          onSaved={onSaved}
        />
      )}
    </Card>
  );
}

// A member's own comments, on the member's page.
export function MyComments({ comments }: { comments: TopicComment[] }) {
  if (comments.length === 0) return null;
  return (
    <Card size="small" className="section" title="Ý kiến đồng chí đã gửi">
      <ul className="topic-comments" data-testid="my-comments">
        {comments.map((c) => (
          <CommentItem key={c.id} comment={c} showKind={false} />
        ))}
      </ul>
    </Card>
  );
}
