import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Radio, Skeleton, Tag, Typography } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import FormModal from '../../ui/FormModal';
import { LoadError } from '../../ui/LoadFailure';
import YearSelect from '../../ui/YearSelect';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { PETITION_FIELD_LABELS, RAISED_BY_LABELS } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { Organization, Petition, PetitionList } from '../../lib/types';

export type PetitionFilter = 'all' | 'open' | 'overdue' | 'answered';

const FILTERS: { value: PetitionFilter; label: string }[] = [
  { value: 'all', label: 'Tất cả' },
  { value: 'open', label: 'Chưa trả lời' },
  { value: 'overdue', label: 'Quá hạn' },
  { value: 'answered', label: 'Đã trả lời' },
];

// "Trả lời kiến nghị": the owner's answer (sent again, it replaces the earlier one).
export function AnswerModal({
  petition,
  onClose,
  onSaved,
}: {
  petition: Petition;
  onClose: () => void;
  onSaved: (p: Petition) => void;
}) {
  return (
    <FormModal<{ answer: string }>
      title="Trả lời kiến nghị"
      open
      onClose={onClose}
      okText="Gửi trả lời"
      testId="answer-form"
      width={600}
      initialValues={{ answer: petition.answer ?? '' }}
      onSubmit={async (values) => {
        const saved = await api.put<Petition>(`/petitions/${petition.id}/answer`, { answer: values.answer.trim() });
        onSaved(saved);
      }}
    >
      <Typography.Paragraph>
        <b>{petition.cell_name}</b> · {PETITION_FIELD_LABELS[petition.field]}
      </Typography.Paragraph>
      <Typography.Paragraph className="pre-line petition-content">{petition.content}</Typography.Paragraph>
      <Form.Item
        label="Nội dung trả lời"
        name="answer"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung trả lời.' }]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={4000} data-testid="answer-text" />
      </Form.Item>
    </FormModal>
  );
}

// One petition: where and by whom it was raised, what it asks, who answers by when, and the answer.
export function PetitionCard({
  petition: p,
  showCell,
  onAnswer,
}: {
  petition: Petition;
  showCell?: boolean;
  onAnswer?: () => void;
}) {
  const owner = p.owner_name ? `${p.owner_organization_name} — ${p.owner_name}` : p.owner_organization_name;
  const raisedBy = p.raised_by ? `${RAISED_BY_LABELS[p.raised_by_kind]} — ${p.raised_by}` : RAISED_BY_LABELS[p.raised_by_kind];
  return (
    <Card size="small" className="petition" data-testid="petition" data-petition={p.id}>
      <div className="petition-head">
        {showCell && <b className="petition-cell">{p.cell_name}</b>}
        <Tag color="blue">{PETITION_FIELD_LABELS[p.field]}</Tag>
        {p.state === 'answered' ? (
          <Tag color="green" data-testid="petition-state">
            Đã trả lời
          </Tag>
        ) : (
          <Tag data-testid="petition-state">Chưa trả lời</Tag>
        )}
        {p.overdue && (
          <Tag color="red" data-testid="petition-overdue">
            Quá hạn
          </Tag>
        )}
      </div>
      <div className="pre-line petition-content" data-testid="petition-content">
        {p.content}
      </div>
      <div className="petition-meta">
        <span>Người nêu: {raisedBy}</span>
        <span>Nêu ngày: {formatDate(p.raised_on)}</span>
        <span data-testid="petition-owner">Cơ quan trả lời: {owner}</span>
        <span className={p.overdue ? 'petition-late' : undefined}>Hạn trả lời: {formatDate(p.deadline)}</span>
      </div>
      {p.answer && (
        <div className="petition-answer" data-testid="petition-answer">
          <div className="petition-answer-head">
            Trả lời{p.answered_by ? ` của ${p.answered_by}` : ''}
            {p.answered_on ? `, ngày ${formatDate(p.answered_on)}` : ''}:
          </div>
          <div className="pre-line">{p.answer}</div>
        </div>
      )}
      {p.can_answer && onAnswer && (
        <div className="my-meeting-actions">
          <Button
            type={p.answer ? 'default' : 'primary'}
            size="large"
            icon={<MessageOutlined />}
            onClick={onAnswer}
            data-testid="answer-petition"
          >
            {p.answer ? 'Sửa câu trả lời' : 'Trả lời'}
          </Button>
        </div>
      )}
    </Card>
  );
}

// "Kiến nghị" of an organisation's subtree in a year (a committee: by state; a cell: its own with their answers),
// answered in place by those who may.
export default function PetitionsSection({
  organization,
  showCell,
  showFilter,
  year: fixedYear,
}: {
  organization: Organization;
  showCell?: boolean;
  showFilter?: boolean;
  // The year shown, when the caller picks it; otherwise the section has its own picker.
  year?: number;
}) {
  const { message } = App.useApp();
  const [ownYear, setOwnYear] = useState(() => new Date().getFullYear());
  const [filter, setFilter] = useState<PetitionFilter>('all');
  const [answering, setAnswering] = useState<Petition | null>(null);
  const year = fixedYear ?? ownYear;
  const { data, error, reload } = useApi<PetitionList>(`/organizations/${organization.id}/petitions`, {
    year,
    state: filter === 'all' ? undefined : filter,
  });

  return (
    <div data-testid="petitions-section">
      {(fixedYear === undefined || showFilter) && (
        <div className="toolbar">
          {fixedYear === undefined && (
            <YearSelect value={ownYear} onChange={setOwnYear} testId="petitions-year" width={140} />
          )}
          {showFilter && (
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="large"
              value={filter}
              onChange={(e) => setFilter(e.target.value as PetitionFilter)}
              options={FILTERS}
              className="petition-filter"
              aria-label="Lọc kiến nghị"
              data-testid="petition-filter"
            />
          )}
        </div>
      )}
      {error !== undefined ? (
        <LoadError error={error} />
      ) : !data ? (
        <Skeleton active />
      ) : data.items.length === 0 ? (
        <Empty description={filter === 'all' ? `Chưa có kiến nghị nào năm ${year}` : 'Không có kiến nghị nào'} />
      ) : (
        <div className="petitions" data-testid="petitions">
          {data.items.map((p) => (
            <PetitionCard key={p.id} petition={p} showCell={showCell} onAnswer={() => setAnswering(p)} />
          ))}
        </div>
      )}
      {answering && (
        <AnswerModal
          petition={answering}
          onClose={() => setAnswering(null)}
          onSaved={() => {
            message.success('Đã trả lời kiến nghị');
            reload();
          }}
        />
      )}
    </div>
  );
}
