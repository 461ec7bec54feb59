import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, Collapse, Empty, Grid, Input, Pagination, Select, Skeleton, Tag, Typography } from 'antd';
import { EditOutlined, FormOutlined, HistoryOutlined, SearchOutlined } from '@ant-design/icons';
import GradeHistory from './GradeHistory';
import GradeLevelTag from './GradeLevelTag';
import GradeStepForm from './GradeStepForm';
import { nameSearch } from '../../ui/nameSearch';
import { formatDateTime } from '../../lib/dates';
import {
  GENERAL_MAX,
  GRADE_TOTAL,
  GRADING_STEP_LABELS,
  GRADING_STEPS,
  partEvidence,
  previousStep,
  recordableSteps,
  sharePercent,
  TASK_MAX,
  visitEvidence,
} from './grading';
import { matchesWords } from '../../lib/text';
import { useApi } from '../../lib/useApi';
import type { Grade, GradeRow, GradingRound, GradingStep, GradingSubject } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

const PAGE_SIZE = 20;

// The button that records a step for the first time (a step recorded already offers "Điều chỉnh").
const RECORD_TEXT: Record<GradingStep, string> = {
  self: 'Tự đánh giá',
  collective: 'Tập thể đánh giá',
  decision: 'Quyết định xếp loại',
};

// chibo's proposal: the total and level, opening to the parts with what the period's record says.
function Proposal({ row }: { row: GradeRow }) {
  const p = row.proposal;
  return (
    <div className="grade-proposal" data-testid="grade-proposal">
      <Collapse
        size="small"
        ghost
        className="grade-proposal-collapse"
        items={[
          {
            key: 'parts',
            label: (
              <span className="grade-proposal-head">
                <span>Đề xuất:</span>{' '}
                <b className="grade-proposal-total" data-testid="grade-proposal-total">
                  {p.total}
                </b>
                <span className="grade-out-of">/{GRADE_TOTAL}</span>{' '}
                <span data-testid="grade-proposal-level" data-level={p.level}>
                  <GradeLevelTag level={p.level} />
                </span>
                {p.excellent_eligible && (
                  <Tag color="gold" className="grade-eligible" data-testid="grade-proposal-eligible">
                    Đủ điểm xuất sắc
                  </Tag>
                )}
                <span className="grade-proposal-more">Căn cứ</span>
              </span>
            ),
            children: (
              <div data-testid="grade-parts">
                {(['general', 'tasks'] as const).map((block) => (
                  <div key={block} className="grade-parts-block">
                    <div className="grade-parts-title">
                      {block === 'general' ? 'Các tiêu chí chung' : 'Kết quả thực hiện nhiệm vụ'}:{' '}
                      <b>
                        {block === 'general' ? `${p.general_points}/${GENERAL_MAX}` : `${p.task_points}/${TASK_MAX}`}
                      </b>{' '}
                      điểm
                    </div>
                    <ul className="plain-list grade-parts">
                      {p.parts
                        .filter((part) => part.block === block)
                        .map((part) => (
                          <li key={part.code} className="grade-part" data-testid="grade-part" data-code={part.code}>
                            <span className="grade-part-label">
                              {part.label} <span className="grade-out-of">(tối đa {part.weight})</span>
                            </span>
                            <span className="grade-part-evidence" data-testid="grade-part-evidence">
                              {partEvidence(row.subject, part, row.evidence)}
                            </span>{' '}
                            {part.value !== null && (
                              <span className="grade-part-value" title="Mức đạt của tiêu chí">
                                mức đạt {sharePercent(part.value)}
                              </span>
                            )}
                          </li>
                        ))}
                    </ul>
                  </div>
                ))}
                {visitEvidence(row.evidence) && (
                  <div className="grade-visits" data-testid="grade-visits">
                    Được cấp ủy phân công dự sinh hoạt chi bộ: {visitEvidence(row.evidence)}.
                  </div>
                )}
                {p.excellent_eligible && (
                  <Typography.Text type="secondary">
                    Từ 90 điểm: xếp loại xuất sắc khi vượt ≥ 30 % chỉ tiêu nhiệm vụ và không bị kỷ luật trong kỳ.
                  </Typography.Text>
                )}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}

// One step's latest row (or "Chưa có"), with the button that records it for those who may.
function StepBox({
  row,
  step,
  onRecord,
}: {
  row: GradeRow;
  step: GradingStep;
  onRecord: (step: GradingStep) => void;
}) {
  const narrow = !Grid.useBreakpoint().md;
  const grade: Grade | null = row[step];
  const allowed = recordableSteps(row).includes(step);
  const before = previousStep(step);
  const waiting = before !== null && row[before] === null;
  return (
    <div className={`grade-step${grade ? '' : ' grade-step-empty'}`} data-testid={`grade-step-${step}`}>
      <div className="grade-step-title">{GRADING_STEP_LABELS[step]}</div>
      {grade ? (
        <>
          <div className="grade-step-result">
            <b className="grade-step-total" data-testid={`grade-step-${step}-total`}>
              {grade.total}
            </b>
            <span className="grade-out-of">/{GRADE_TOTAL}</span>{' '}
            <span data-testid={`grade-step-${step}-level`} data-level={grade.level}>
              <GradeLevelTag level={grade.level} />
            </span>
          </div>
          <div className="grade-step-meta">
            {grade.recorded_by} · {formatDateTime(grade.recorded_at)}
          </div>
          {grade.reason && <div className="grade-step-reason">Lý do điều chỉnh: {grade.reason}</div>}
        </>
      ) : (
        <div className="grade-step-meta" data-testid={`grade-step-${step}-none`}>
          Chưa có
        </div>
      )}
      {allowed &&
        (waiting && !grade ? (
          <div className="grade-step-wait">Chờ {GRADING_STEP_LABELS[before].toLowerCase()}</div>
        ) : (
          <Button
            type={grade ? 'default' : 'primary'}
            icon={grade ? <EditOutlined /> : <FormOutlined />}
            size={narrow ? 'large' : 'middle'}
            className="grade-step-button"
            data-testid={`grade-record-${step}`}
            aria-label={`${grade ? 'Điều chỉnh' : RECORD_TEXT[step]}: ${row.name}`}
            onClick={() => onRecord(step)}
          >
            {grade ? 'Điều chỉnh' : RECORD_TEXT[step]}
          </Button>
        ))}
    </div>
  );
}

function RowCard({
  row,
  onRecord,
  onHistory,
}: {
  row: GradeRow;
  onRecord: (row: GradeRow, step: GradingStep) => void;
  onHistory: (row: GradeRow) => void;
}) {
  return (
    <li className="grade-row" data-testid="grade-row" data-subject={row.subject} data-subject-id={row.subject_id}>
      <div className="grade-row-head">
        <span className="grade-row-name" data-testid="grade-row-name">
          {row.subject === 'cell' ? (
            <Link to={`/organizations/${row.subject_id}`}>{row.name}</Link>
          ) : (
            <Link to={`/members/${row.subject_id}`}>{row.name}</Link>
          )}
        </span>
        {row.subject === 'member' && (
          <Typography.Text type="secondary" className="grade-row-cell">
            {row.cell_name}
          </Typography.Text>
        )}
      </div>
      <Proposal row={row} />
      <div className="grade-steps">
        {GRADING_STEPS.map((step) => (
          <StepBox key={step} row={row} step={step} onRecord={(s) => onRecord(row, s)} />
        ))}
      </div>
      {row.records > 0 && (
        <Button
          type="link"
          icon={<HistoryOutlined />}
          className="grade-history-button"
          data-testid="grade-history-open"
          onClick={() => onHistory(row)}
        >
          Lịch sử đánh giá ({row.records} lần ghi)
        </Button>
      )}
    </li>
  );
}

// The subjects of one kind in a round (cells, or members by cell then name) with their proposal and three steps;
// members can be narrowed to a cell or found by name. `onChanged` follows every saved step (the summary and the
// quota change with it).
export default function GradeRows({
  round,
  subject,
  onChanged,
}: {
  round: GradingRound;
  subject: GradingSubject;
  onChanged: () => void;
}) {
  const { data, error, loading, reload } = useApi<{ items: GradeRow[] }>(`/grading-rounds/${round.id}/grades`, { subject });
  const [cell, setCell] = useState<number | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<{ row: GradeRow; step: GradingStep } | null>(null);
  const [history, setHistory] = useState<GradeRow | null>(null);

  const items = useMemo(() => data?.items ?? [], [data]);
  const cells = useMemo(() => {
    const seen = new Map<number, string>();
    for (const r of items) if (!seen.has(r.cell_id)) seen.set(r.cell_id, r.cell_name);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [items]);
  const shown = items.filter((r) => (cell === undefined || r.cell_id === cell) && matchesWords(r.name, query));
  const pageCount = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const filters = subject === 'member' && items.length > PAGE_SIZE / 2;

  return (
    <div data-testid={`grade-rows-${subject}`}>
      {filters && (
        <div className="filters">
          {cells.length > 1 && (
            <Select<number>
              aria-label="Lọc theo chi bộ"
              placeholder="Tất cả chi bộ"
              allowClear
              showSearch={nameSearch}
              size="large"
              value={cell}
              options={cells}
              data-testid="grade-filter-cell"
              onChange={(value) => {
                setCell(value ?? undefined);
                setPage(1);
              }}
            />
          )}
          <Input
            allowClear
            size="large"
            prefix={<SearchOutlined />}
            placeholder="Tìm theo họ tên"
            aria-label="Tìm theo họ tên"
            value={query}
            data-testid="grade-filter-name"
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(1);
            }}
          />
        </div>
      )}
      {error !== undefined && <LoadError error={error} className="section" />}
      {!data && loading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : shown.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={items.length ? 'Không có ai khớp điều kiện lọc' : subject === 'cell' ? 'Không có chi bộ nào' : 'Không có đảng viên nào'}
        />
      ) : (
        <>
          <Typography.Text type="secondary" className="grade-rows-count" data-testid="grade-rows-count">
            {shown.length === items.length ? `${items.length}` : `${shown.length} / ${items.length}`}{' '}
            {subject === 'cell' ? 'chi bộ' : 'đảng viên'}
          </Typography.Text>
          <ul className="plain-list grade-rows">
            {shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((r) => (
              <RowCard
                key={`${r.subject}-${r.subject_id}`}
                row={r}
                onRecord={(row, step) => setRecording({ row, step })}
                onHistory={setHistory}
              />
            ))}
          </ul>
          {shown.length > PAGE_SIZE && (
            <Pagination
              className="grade-pagination"
              current={current}
              pageSize={PAGE_SIZE}
              total={shown.length}
              showSizeChanger={false}
              onChange={(p) => {
                setPage(p);
                window.scrollTo({ top: 0 });
              }}
            />
          )}
        </>
      )}
      {recording && (
        <GradeStepForm
          round={round}
          row={recording.row}
          step={recording.step}
          onClose={() => setRecording(null)}
          onSaved={() => {
            reload();
            onChanged();
          }}
        />
      )}
      {history && (
        <GradeHistory
          roundId={round.id}
          subject={history.subject}
          subjectId={history.subject_id}
          name={history.name}
          onClose={() => setHistory(null)}
        />
      )}
    </div>
  );
}
