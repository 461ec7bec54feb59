import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, Popconfirm, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import {
  CheckCircleFilled,
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  SaveOutlined,
  SendOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useAuth } from '../auth/auth';
import { api, errorMessage } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useApi } from '../../lib/useApi';
import LoadFailure, { LoadError } from '../../ui/LoadFailure';
import { useSave } from '../../ui/useSave';
import type { Organization } from '../../lib/types';
import type { TopicAssessmentInput, TopicDetail } from '../../lib/api.gen';
import { DeclineModal } from './CommitteeTopicsTab';
import { CommentBox, MyComments, TopicComments } from './TopicComments';
import { DraftEditor, DraftText, DraftVersions } from './TopicDrafts';
import TopicFiles, { topicFileUrl } from './TopicFiles';
import { EditTopicModal } from './TopicForms';
import { TopicStateTag } from './TopicList';
import {
  ASSESSMENT_COLORS,
  ASSESSMENT_LABELS,
  heldText,
  LATE_WARNING,
  preparerText,
  quarterLabel,
  readsAsMember,
  workflowActions,
  WORKFLOW_ACTION_CONFIRMS,
  WORKFLOW_ACTION_LABELS,
  type WorkflowAction,
} from './topics';

const ACTION_ICONS: Record<WorkflowAction, React.ReactNode> = {
  submit: <UploadOutlined />,
  approve: <CheckOutlined />,
  send: <SendOutlined />,
};

const ACTION_DONE: Record<WorkflowAction, string> = {
  submit: 'Đã trình chi ủy',
  approve: 'Chi ủy đã duyệt dự thảo',
  send: 'Đã gửi dự thảo đến đảng viên',
};

// A plain member's page: the draft sent to them, large and plain, and a box for their comment. Nothing else.
function MemberTopicView({ topic, onSaved }: { topic: TopicDetail; onSaved: () => void }) {
  const sent = topic.state === 'sent' && topic.draft;
  return (
    <div className="topic-member" data-testid="topic-member-view">
      <div className="topic-member-kicker">Dự thảo chuyên đề · {topic.organization_name}</div>
      <Typography.Title level={3} className="page-title" data-testid="topic-title">
        {topic.title}
      </Typography.Title>
      {topic.meeting_date && (
        <p className="topic-member-when">Buổi sinh hoạt chuyên đề: ngày {formatDate(topic.meeting_date)}</p>
      )}
      {!sent ? (
        <Alert type="info" showIcon title="Dự thảo chưa được gửi đến đảng viên." data-testid="topic-not-sent" />
      ) : (
        <>
          <Card size="small" className="section">
            <DraftText text={topic.draft!.text} testId="member-draft" />
            <TopicFiles
              files={topic.files}
              urlOf={(f) => topicFileUrl(topic.id, f.id)}
              testId="member-draft-files"
            />
          </Card>
          <MyComments comments={topic.comments} />
          {topic.can_comment && (
            <Card size="small" className="section">
              <CommentBox
                topic={topic}
                label="Ý kiến góp ý của đồng chí"
                placeholder="Đồng chí viết ý kiến vào đây, rồi bấm Gửi ý kiến"
                onSaved={onSaved}
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}

// The superior's decision on a cell's own proposal: accept, or decline with a reason.
function DecideButtons({ topic, onDone }: { topic: TopicDetail; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [declining, setDeclining] = useState(false);
  return (
    <Space wrap className="section">
      <Button
        type="primary"
        size="large"
        icon={<CheckOutlined />}
        loading={busy}
        data-testid="accept-topic"
        onClick={async () => {
          setBusy(true);
          try {
            await api.post(`/topics/${topic.id}/accept`, {});
            message.success('Đã chấp nhận chuyên đề');
            onDone();
          } catch (e) {
            message.error(errorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        Chấp nhận
      </Button>
      <Button size="large" danger icon={<CloseOutlined />} onClick={() => setDeclining(true)} data-testid="decline-topic">
        Không chấp nhận
      </Button>
      {declining && (
        <DeclineModal
          topic={topic}
          onClose={() => setDeclining(false)}
          onSaved={() => {
            message.success('Đã trả lời chi bộ: không chấp nhận');
            onDone();
          }}
        />
      )}
    </Space>
  );
}

// The workflow buttons the server allows now; a refusal shows the server's reason.
function WorkflowButtons({ topic, onDone }: { topic: TopicDetail; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actions = workflowActions(topic);
  if (actions.length === 0 && !error) return null;
  const run = async (action: WorkflowAction) => {
    setBusy(action);
    setError(null);
    try {
      await api.post(`/topics/${topic.id}/${action}`, {});
      message.success(ACTION_DONE[action]);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="section" data-testid="topic-workflow">
      {error && <Alert className="section" type="error" showIcon title={error} role="alert" data-testid="workflow-error" />}
      <div className="toolbar topic-workflow">
        {actions.map((a) => (
          <Popconfirm
            key={a}
            title={WORKFLOW_ACTION_LABELS[a]}
            description={<div style={{ maxWidth: 280 }}>{WORKFLOW_ACTION_CONFIRMS[a]}</div>}
            okText={WORKFLOW_ACTION_LABELS[a]}
            cancelText="Hủy"
            okButtonProps={{ size: 'large', ...({ 'data-testid': `confirm-${a}` } as Record<`data-${string}`, string>) }}
            cancelButtonProps={{ size: 'large' }}
            onConfirm={() => run(a)}
          >
            <Button type="primary" size="large" icon={ACTION_ICONS[a]} loading={busy === a} data-testid={`topic-${a}`}>
              {WORKFLOW_ACTION_LABELS[a]}
            </Button>
          </Popconfirm>
        ))}
      </div>
    </div>
  );
}

// "Đánh giá cuối năm": the commendation or the lesson recorded for the topic and its preparer, and for those who may
// record it (once the meeting was held, or the year is over) the form to record or replace it.
function AssessmentSection({ topic, onSaved }: { topic: TopicDetail; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TopicAssessmentInput>();
  const save = useSave({ form });
  const [editing, setEditing] = useState(false);
  if (!topic.assessment && !topic.can_assess) return null;
  const showForm = topic.can_assess && (editing || !topic.assessment);
  return (
    <Card size="small" className="section" title="Đánh giá cuối năm" data-testid="topic-assessment">
      {topic.assessment && (
        <div className="review-assessment section" data-testid="topic-assessment-shown">
          <Tag color={ASSESSMENT_COLORS[topic.assessment]} data-testid="topic-assessment-label">
            {ASSESSMENT_LABELS[topic.assessment]}
          </Tag>
          <div className="topic-text" data-testid="topic-assessment-note">
            {topic.assessment_note}
          </div>
          <Typography.Text type="secondary">
            {[topic.assessed_by, formatDateTime(topic.assessed_at)].filter(Boolean).join(' · ')}
          </Typography.Text>
          {topic.can_assess && !editing && (
            <Button size="large" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="topic-assess-edit">
              Sửa đánh giá
            </Button>
          )}
        </div>
      )}
      {showForm && (
        <Form<TopicAssessmentInput>
          form={form}
          layout="vertical"
          data-testid="topic-assessment-form"
          initialValues={{ assessment: topic.assessment ?? undefined, note: topic.assessment_note }}
          onFinish={async (values) => {
            const ok = await save.run(async () => {
              await api.put<TopicDetail>(`/topics/${topic.id}/assessment`, {
                assessment: values.assessment,
                note: values.note?.trim() ?? '',
              });
            });
            if (ok) {
              message.success('Đã lưu đánh giá');
              setEditing(false);
              onSaved();
            }
          }}
        >
          {save.error && <Alert className="section" type="error" showIcon title={save.error} role="alert" />}
          <Form.Item
            label="Đánh giá người, tổ đảng chuẩn bị và buổi sinh hoạt"
            name="assessment"
            rules={[{ required: true, message: 'Vui lòng chọn Biểu dương hoặc Rút kinh nghiệm.' }]}
          >
            <Radio.Group className="topic-choices topic-assessment-choices" data-testid="topic-assessment-choice">
              <Radio value="commendation">{ASSESSMENT_LABELS.commendation}</Radio>
              <Radio value="lesson">{ASSESSMENT_LABELS.lesson}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            label="Nội dung biểu dương hoặc bài học kinh nghiệm"
            name="note"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi nội dung đánh giá.' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="topic-assessment-text" />
          </Form.Item>
          <Space wrap>
            <Button type="primary" size="large" htmlType="submit" icon={<SaveOutlined />} loading={save.busy} data-testid="topic-assess-save">
              Lưu đánh giá
            </Button>
            {editing && (
              <Button size="large" onClick={() => setEditing(false)}>
                Hủy
              </Button>
            )}
          </Space>
        </Form>
      )}
    </Card>
  );
}

// /topics/:id — a thematic topic: what it is, who prepares it and when it is discussed, its draft and versions, the
// workflow to the members, and the comments. A plain member sees only the sent draft and a comment box.
export default function TopicPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { user } = useAuth();
  const { data: topic, error, reload } = useApi<TopicDetail>(`/topics/${Number(id)}`);
  const { data: cell, error: cellError } = useApi<Organization>(topic ? `/organizations/${topic.organization_id}` : null);
  const [editing, setEditing] = useState(false);

  if (error) {
    return (
      <LoadFailure
        error={error}
        what="chuyên đề"
        missingText="Chuyên đề không tồn tại hoặc nằm ngoài phạm vi của bạn."
        back={{ label: 'Về trang tổ chức', onClick: () => navigate('/organizations') }}
      />
    );
  }
  if (cellError) return <LoadError error={cellError} />;
  if (!topic || topic.id !== Number(id) || !cell) return <Skeleton active paragraph={{ rows: 8 }} />;

  if (readsAsMember(user, cell)) return <MemberTopicView topic={topic} onSaved={reload} />;

  const backToPlan = `/organizations/${cell.id}?tab=topics`;
  const held = heldText(topic);
  return (
    <div className="topic-page" data-testid="topic-page">
      <Breadcrumb
        className="section"
        items={[
          { key: 'cell', title: <Link to={backToPlan}>{cell.name}</Link> },
          { key: 'topics', title: <Link to={backToPlan}>Chuyên đề</Link> },
        ]}
      />
      <Typography.Title level={3} className="page-title" data-testid="topic-title">
        {topic.title}
      </Typography.Title>
      <Space wrap className="section">
        <TopicStateTag state={topic.state} />
        <span>{quarterLabel(topic.quarter, topic.year)}</span>
        {topic.can_edit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-topic">
            Sửa thông tin, người chuẩn bị
          </Button>
        )}
      </Space>

      {topic.late && (
        <Alert
          className="section"
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          title={LATE_WARNING}
          data-testid="topic-late"
        />
      )}
      {held && (
        <Alert
          className="section"
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          title={
            topic.meeting_id !== null ? (
              <Link to={`/meetings/${topic.meeting_id}`} data-testid="topic-held">
                {held}
              </Link>
            ) : (
              held
            )
          }
        />
      )}
      {topic.state === 'proposed' && (
        <Alert className="section" type="info" showIcon title="Chi bộ đề xuất chuyên đề này; đang chờ cấp ủy cấp trên chấp nhận." />
      )}
      {topic.state === 'declined' && (
        <Alert
          className="section"
          type="error"
          showIcon
          title="Cấp ủy cấp trên không chấp nhận chuyên đề này."
          description={topic.decline_reason ? `Lý do: ${topic.decline_reason}` : undefined}
        />
      )}
      {topic.can_decide && <DecideButtons topic={topic} onDone={reload} />}

      <Card size="small" className="section" title="Thông tin chuyên đề">
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          data-testid="topic-info"
          items={[
            { key: 'purpose', label: 'Mục đích, yêu cầu', span: 'filled', children: <div className="topic-text">{topic.purpose || '—'}</div> },
            { key: 'directive', label: 'Văn bản chỉ đạo', children: topic.directive || '—' },
            { key: 'orientation', label: 'Định hướng', children: topic.orientation_title || 'Chi bộ tự đề xuất' },
            { key: 'preparer', label: 'Người chuẩn bị', children: <span data-testid="topic-preparer">{preparerText(topic.preparer)}</span> },
            {
              key: 'meeting',
              label: 'Buổi sinh hoạt',
              children:
                topic.meeting_id !== null ? (
                  <Link to={`/meetings/${topic.meeting_id}`} data-testid="topic-meeting-link">
                    Ngày {formatDate(topic.meeting_date)}
                  </Link>
                ) : (
                  'Chưa gắn buổi sinh hoạt'
                ),
            },
            ...(topic.approved_at
              ? [{ key: 'approved', label: 'Chi ủy duyệt', children: `Bản ${topic.approved_version} · ${formatDateTime(topic.approved_at)}` }]
              : []),
            ...(topic.sent_at
              ? [{ key: 'sent', label: 'Gửi đảng viên', children: `Bản ${topic.sent_version} · ${formatDateTime(topic.sent_at)}` }]
              : []),
          ]}
        />
      </Card>

      <WorkflowButtons topic={topic} onDone={reload} />
      <AssessmentSection key={`${topic.id}:${topic.assessed_at ?? ''}`} topic={topic} onSaved={reload} />

      {topic.can_draft ? (
        <DraftEditor topic={topic} onSaved={reload} />
      ) : (
        topic.draft && (
          <Card
            size="small"
            className="section"
            title={topic.state === 'sent' ? `Dự thảo đã gửi đảng viên (bản ${topic.sent_version})` : `Dự thảo (bản ${topic.draft.number})`}
          >
            <DraftText text={topic.draft.text} testId="topic-draft" />
          </Card>
        )
      )}
      {(topic.can_draft || topic.files.length > 0) && (
        <Card size="small" className="section" title="Dự thảo dạng tệp (DOCX, PDF)">
          <Typography.Paragraph type="secondary">
            Dự thảo soạn ngoài chibo được tải lên thành một bản mới, chi ủy duyệt và gửi như bản viết tại đây.
          </Typography.Paragraph>
          <TopicFiles
            files={topic.files}
            urlOf={(f) => topicFileUrl(topic.id, f.id)}
            label={(f) => `Bản ${f.version}: ${f.file_name}`}
            uploadPath={topic.can_draft ? `/topics/${topic.id}/draft-files` : null}
            uploadLabel="Tải lên dự thảo"
            onUploaded={reload}
            testId="draft-files"
          />
        </Card>
      )}
      <DraftVersions topic={topic} />
      {(topic.latest_version > 0 || topic.comments.length > 0) && <TopicComments topic={topic} onSaved={reload} />}

      {editing && (
        <EditTopicModal
          cell={cell}
          topic={topic}
          onClose={() => setEditing(false)}
          onSaved={() => {
            message.success('Đã lưu');
            reload();
          }}
        />
      )}
    </div>
  );
}
