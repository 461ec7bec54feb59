import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Select, Skeleton, Space, Typography } from 'antd';
import { DiffOutlined, EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { useApi } from '../../lib/useApi';
import { useSave } from '../../ui/useSave';
import { LoadError } from '../../ui/LoadFailure';
import type { DraftDiff, TopicDetail, TopicDraft } from '../../lib/api.gen';
import { diffRows, diffSummary } from './topics';

// The draft editor: the latest version in a large box; saving makes a new version (the old ones are kept).
export function DraftEditor({ topic, onSaved }: { topic: TopicDetail; onSaved: () => void }) {
  const { message } = App.useApp();
  const latest = topic.draft?.text ?? '';
  const [text, setText] = useState(latest);
  const save = useSave<'text'>({ fields: ['text'] });
  useEffect(() => setText(latest), [latest]);
  const changed = text.trim() !== latest.trim() && text.trim() !== '';
  const afterApproval = topic.state === 'submitted' || topic.state === 'approved';

  return (
    <Card
      size="small"
      className="section"
      title={topic.latest_version ? `Dự thảo (bản ${topic.latest_version})` : 'Dự thảo'}
      data-testid="draft-editor"
    >
      {afterApproval && (
        <Alert
          className="section"
          type="info"
          showIcon
          title="Lưu bản mới sẽ đưa dự thảo về trạng thái đang soạn: cần trình và duyệt lại."
        />
      )}
      {save.error && <Alert className="section" type="error" showIcon title={save.error} role="alert" />}
      <Input.TextArea
        id="field-text"
        className="draft-textarea"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          save.clearFieldErrors('text');
        }}
        autoSize={{ minRows: 12, maxRows: 40 }}
        maxLength={100000}
        placeholder={'I. MỤC ĐÍCH, YÊU CẦU\n…\nII. NỘI DUNG\n…\nIII. TỔ CHỨC THỰC HIỆN\n…'}
        status={save.fieldErrors.text ? 'error' : undefined}
        data-testid="draft-text"
      />
      {save.fieldErrors.text && <div className="ant-form-item-explain-error">{save.fieldErrors.text}</div>}
      <div className="toolbar" style={{ marginTop: 12, marginBottom: 0 }}>
        <Button
          type="primary"
          size="large"
          icon={<SaveOutlined />}
          disabled={!changed}
          loading={save.busy}
          data-testid="draft-save"
          onClick={async () => {
            const ok = await save.run(async () => {
              const d = await api.post<TopicDraft>(`/topics/${topic.id}/drafts`, { text });
              message.success(`Đã lưu bản dự thảo số ${d.number}`);
            });
            if (ok) onSaved();
          }}
        >
          {topic.latest_version ? 'Lưu thành bản mới' : 'Lưu bản dự thảo đầu tiên'}
        </Button>
        {changed && topic.latest_version > 0 && (
          <Button size="large" onClick={() => setText(latest)}>
            Bỏ thay đổi
          </Button>
        )}
      </div>
    </Card>
  );
}

// The text of a draft as it reads: line breaks kept, large enough to read on a phone.
export function DraftText({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="topic-text draft-text" data-testid={testId}>
      {text}
    </div>
  );
}

// The line diff between two versions, added lines green with "+", removed lines red with "−"; long unchanged
// stretches folded.
export function DiffView({ diff }: { diff: DraftDiff }) {
  return (
    <div data-testid="draft-diff">
      <Typography.Paragraph>
        So sánh bản {diff.from} với bản {diff.to}: <b data-testid="diff-summary">{diffSummary(diff.lines)}</b>
      </Typography.Paragraph>
      <div className="diff">
        {diffRows(diff.lines).map((row, i) =>
          row.kind === 'fold' ? (
            <div key={i} className="diff-fold">
              … {row.count} dòng không đổi
            </div>
          ) : (
            <div key={i} className={`diff-line diff-${row.op}`} data-testid={`diff-${row.op}`}>
              <span className="diff-mark" aria-label={row.op === 'added' ? 'Thêm' : row.op === 'removed' ? 'Bỏ' : undefined}>
                {row.op === 'added' ? '+' : row.op === 'removed' ? '−' : ''}
              </span>
              <span className="diff-text">{row.text || ' '}</span>
            </div>
          ),
        )}
      </div>
    </div>
  );
}

function VersionModal({ topicId, number, onClose }: { topicId: number; number: number; onClose: () => void }) {
  const { data, error } = useApi<TopicDraft>(`/topics/${topicId}/drafts/${number}`);
  return (
    <Modal open title={`Bản dự thảo số ${number}`} onCancel={onClose} footer={null} width={760}>
      {error ? <LoadError error={error} /> : !data ? <Skeleton active /> : <DraftText text={data.text} testId="version-text" />}
    </Modal>
  );
}

// The versions, oldest first, and "so sánh": the difference between any two of them.
export function DraftVersions({ topic }: { topic: TopicDetail }) {
  const versions = topic.versions;
  const last = versions.length ? versions[versions.length - 1].number : 0;
  const [from, setFrom] = useState<number | null>(versions.length > 1 ? versions[versions.length - 2].number : null);
  const [to, setTo] = useState<number | null>(last || null);
  const [diff, setDiff] = useState<DraftDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);

  useEffect(() => {
    setTo(last || null);
    setFrom(versions.length > 1 ? versions[versions.length - 2].number : null);
    setDiff(null);
  }, [last, versions]);

  if (versions.length === 0) return null;
  const options = versions.map((v) => ({ value: v.number, label: `Bản ${v.number}` }));

  const compare = async () => {
    if (from === null || to === null) return;
    setBusy(true);
    setError(null);
    try {
      setDiff(await api.get<DraftDiff>(`/topics/${topic.id}/diff`, { from, to }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" className="section" title={`Các bản dự thảo (${versions.length})`} data-testid="draft-versions">
      <ul className="topic-versions">
        {versions.map((v) => (
          <li key={v.number} data-testid="draft-version">
            <span>
              <b>Bản {v.number}</b> · {v.author_name} · {formatDateTime(v.created_at)}
              {topic.approved_version === v.number && <span className="topic-version-note"> · đã duyệt</span>}
              {topic.sent_version === v.number && <span className="topic-version-note"> · đã gửi đảng viên</span>}
            </span>
            <Button icon={<EyeOutlined />} onClick={() => setViewing(v.number)} aria-label={`Xem bản ${v.number}`}>
              Xem
            </Button>
          </li>
        ))}
      </ul>
      {versions.length > 1 && (
        <>
          <Space wrap className="section" align="center">
            <span>So sánh bản</span>
            <Select size="large" value={from} onChange={setFrom} options={options} style={{ width: 110 }} data-testid="diff-from" />
            <span>với bản</span>
            <Select size="large" value={to} onChange={setTo} options={options} style={{ width: 110 }} data-testid="diff-to" />
            <Button
              size="large"
              icon={<DiffOutlined />}
              onClick={() => void compare()}
              loading={busy}
              disabled={from === null || to === null || from === to}
              data-testid="diff-compare"
            >
              So sánh
            </Button>
          </Space>
          {error && <Alert type="error" showIcon title={error} />}
          {diff && <DiffView diff={diff} />}
        </>
      )}
      {viewing !== null && <VersionModal topicId={topic.id} number={viewing} onClose={() => setViewing(null)} />}
    </Card>
  );
}
