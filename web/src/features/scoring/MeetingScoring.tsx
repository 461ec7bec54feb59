import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Collapse,
  Empty,
  Grid,
  Input,
  InputNumber,
  Radio,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { CalculatorOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { api } from '../../lib/api';
import SectionSaveBar from '../../ui/SectionSaveBar';
import { useSave } from '../../ui/useSave';
import { formatDate, formatDateTime } from '../../lib/dates';
import { changed } from '../meetings/meetingDraft';
import { beforeHeld } from '../meetings/meetings';
import {
  allCriteria,
  blockPoints,
  capNotes,
  deviationText,
  factText,
  findCriterion,
  formatTier,
  fullMarksShort,
  initialPoints,
  initialReasons,
  levelRules,
  METRIC_LABELS,
  missingCriteria,
  OVERRIDE_REASON_MAX,
  overriddenCriteria,
  overrideReasonNeeded,
  overrideText,
  pointsToSend,
  QUALITY_LEVEL_COLORS,
  QUALITY_LEVEL_LABELS,
  qualityLevel,
  SCORE_TOTAL,
  SCORER_ROLE_LABELS,
  scoreChanges,
  scoreOverrides,
  reasonsToSend,
  totalPoints,
  type ScoreOverride,
} from './scorecard';
import type {
  Criterion,
  Meeting,
  MeetingFacts,
  MeetingScore,
  MeetingScoring,
  QualityLevel,
  ScoreBlock,
  Scorecard,
  ScorerRole,
} from '../../lib/types';

const ROLES: ScorerRole[] = ['cell', 'superior'];

export function LevelTag({ level, testId }: { level: QualityLevel; testId?: string }) {
  return (
    <Tag color={QUALITY_LEVEL_COLORS[level]} className="score-level-tag" data-testid={testId}>
      {QUALITY_LEVEL_LABELS[level]}
    </Tag>
  );
}

// "Tự tính" with what the record says (the tooltip adds how the points are counted).
function ComputedNote({
  criterion,
  facts,
  prefill,
}: {
  criterion: Criterion;
  facts: MeetingFacts;
  prefill: number | undefined;
}) {
  if (!criterion.metric) return null;
  const fact = factText(criterion.metric, facts);
  // Caps lower computed points; while the fact itself is unknown there are none to lower.
  const caps = prefill === undefined ? [] : capNotes(criterion, facts);
  const tooltip = (
    <div>
      <div>{fact}</div>
      {caps.map((c) => (
        <div key={c}>{c}</div>
      ))}
      <div style={{ marginTop: 6 }}>Cách tính ({METRIC_LABELS[criterion.metric].toLowerCase()}):</div>
      <ul className="score-tooltip-tiers">
        {criterion.tiers.map((t, i) => (
          <li key={i}>{formatTier(criterion.metric!, t)}</li>
        ))}
      </ul>
    </div>
  );
  return (
    <div className="score-computed" data-testid={`score-computed-${criterion.code}`}>
      <Tooltip title={tooltip} trigger={['hover', 'click']}>
        <Tag color="cyan" icon={<CalculatorOutlined />} className="score-auto-tag" tabIndex={0}>
          Tự tính{prefill !== undefined ? `: ${prefill} điểm` : ''}
        </Tag>
      </Tooltip>
      <Typography.Text type="secondary" className="score-fact">
        {prefill === undefined ? `Chưa tự tính được — ${fact.charAt(0).toLowerCase()}${fact.slice(1)}` : fact}
        {caps.length > 0 && ` ${caps.join(' ')}`}
      </Typography.Text>
    </div>
  );
}

// How a scoring stands against its record: "Cao hơn số liệu biên bản +4" (orange) or "Thấp hơn … −2" (blue), the
// criteria and reasons on hover or tap; nothing when it keeps to the record.
export function DeviationTag({
  deviation,
  overrides,
  testId,
}: {
  deviation: number;
  overrides: Pick<ScoreOverride, 'label' | 'computed' | 'points' | 'reason'>[];
  testId?: string;
}) {
  const text = deviationText(deviation);
  if (!text) return null;
  const tooltip = overrides.length ? (
    <ul className="score-tooltip-tiers">
      {overrides.map((o) => (
        <li key={o.label}>{overrideText(o)}</li>
      ))}
    </ul>
  ) : null;
  return (
    <Tooltip title={tooltip} trigger={['hover', 'click']}>
      <Tag color={deviation > 0 ? 'orange' : 'blue'} className="score-deviation-tag" tabIndex={0} data-testid={testId}>
        {text}
      </Tag>
    </Tooltip>
  );
}

// The computed criteria a scoring gave other points than the record, each with the scorer's reason.
export function OverrideList({
  overrides,
  testId,
}: {
  overrides: Pick<ScoreOverride, 'label' | 'computed' | 'points' | 'reason'>[];
  testId?: string;
}) {
  if (!overrides.length) return null;
  return (
    <ul className="plain-list score-overrides" data-testid={testId}>
      {overrides.map((o) => (
        <li key={o.label}>{overrideText(o)}</li>
      ))}
    </ul>
  );
}

// One column of HD 42 ("Chi bộ tự chấm" / "Cấp trên chấm"): its latest scoring, and how it stands against the record.
function ScoreColumn({ role, score, card }: { role: ScorerRole; score: MeetingScore | null; card: Scorecard }) {
  const overrides = score ? scoreOverrides(card, score) : [];
  return (
    <div className={`score-column${score ? '' : ' score-column-empty'}`} data-testid={`score-latest-${role}`}>
      <div className="score-column-title">{SCORER_ROLE_LABELS[role]}</div>
      {score ? (
        <>
          <div className="score-column-total">
            <b data-testid={`score-latest-${role}-total`}>{score.total}</b>
            <span className="score-out-of"> / {SCORE_TOTAL}</span>{' '}
            <LevelTag level={score.level} testId={`score-latest-${role}-level`} />
          </div>
          <DeviationTag deviation={score.deviation} overrides={overrides} testId={`score-latest-${role}-deviation`} />
          <OverrideList overrides={overrides} testId={`score-latest-${role}-overrides`} />
          <div className="score-column-meta">
            {score.scored_by} · {formatDateTime(score.scored_at)}
          </div>
          {score.reason && <div className="score-column-reason">Lý do điều chỉnh: {score.reason}</div>}
        </>
      ) : (
        <div className="score-column-meta">Chưa chấm</div>
      )}
    </div>
  );
}

// Every scoring, newest first; a correction says what it changed against the column's scoring before it.
function ScoreHistory({ scoring }: { scoring: MeetingScoring }) {
  const rows = scoring.scores.map((s, i) => {
    const earlier = scoring.scores
      .slice(0, i)
      .filter((x) => x.role === s.role)
      .at(-1);
    return { score: s, changes: earlier ? scoreChanges(scoring.scorecard, earlier.points, s.points) : null };
  });
  return (
    <Collapse
      className="section"
      data-testid="score-history"
      items={[
        {
          key: 'history',
          label: `Lịch sử chấm điểm (${scoring.scores.length} lần)`,
          children: (
            <ol className="plain-list score-history-list">
              {rows.reverse().map(({ score, changes }) => (
                <li key={score.id} className="score-history-row" data-testid="score-history-row">
                  <div>
                    <b>{SCORER_ROLE_LABELS[score.role]}</b> · {score.total}/{SCORE_TOTAL}{' '}
                    <LevelTag level={score.level} />
                    {changes && <Tag>Điều chỉnh</Tag>}
                    <DeviationTag deviation={score.deviation} overrides={scoreOverrides(scoring.scorecard, score)} />
                  </div>
                  <Typography.Text type="secondary">
                    {score.scored_by} · {formatDateTime(score.scored_at)}
                  </Typography.Text>
                  {score.reason && <div>Lý do: {score.reason}</div>}
                  <OverrideList overrides={scoreOverrides(scoring.scorecard, score)} />
                  {changes && changes.length > 0 && (
                    <div className="score-history-changes">
                      {changes.map((c) => `${c.label}: ${c.from ?? '—'} → ${c.to ?? '—'}`).join('; ')}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          ),
        },
      ]}
    />
  );
}

// "Chấm điểm" of a meeting (HD 42): the scorecard in force by blocks, the points computed from the record, the
// two columns (the cell's own and the superior's) and, for those who may, the form to score one of them.
export default function MeetingScoringSection({
  meeting,
  scoring,
  onSaved,
  onDirtyChange,
}: {
  meeting: Meeting;
  scoring: MeetingScoring;
  onSaved: (score: MeetingScore) => void;
  // Points or a reason typed and not saved (the page warns before leaving).
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const card = scoring.scorecard;
  const held = !beforeHeld(meeting.state) && meeting.state !== 'cancelled';
  const roles = ROLES.filter((r) => (r === 'cell' ? scoring.can_score_cell : scoring.can_score_superior));
  const canScore = held && roles.length > 0;

  const [role, setRole] = useState<ScorerRole>(roles[0] ?? 'cell');
  const [points, setPoints] = useState<Record<string, number | null>>(() => initialPoints(scoring, roles[0] ?? 'cell'));
  // Computed criteria opened for a change by hand.
  const [unlocked, setUnlocked] = useState<Set<string>>(() => new Set());
  const [reason, setReason] = useState('');
  // Why computed criteria are scored other than the record gives them, by criterion code.
  const [overrideReasons, setOverrideReasons] = useState<Record<string, string>>(() =>
    initialReasons(scoring, roles[0] ?? 'cell'),
  );
  // Errors by criterion code, or "reason".
  const saving = useSave<string>({
    fields: (field): field is string => field === 'reason' || !!findCriterion(card, field),
    elementId: (field) => (field === 'reason' ? 'score-reason-field' : `score-criterion-${field}`),
  });
  const { busy, error, setError, setFieldErrors } = saving;
  const fieldErrors: Record<string, string | undefined> = saving.fieldErrors;
  // Saving was tried with criteria not scored: the list of those still missing shows until none is left.
  const [missingTried, setMissingTried] = useState(false);

  // The record changed while this section stayed open (another section saved): computed points not changed by hand
  // follow the new facts.
  const [seenPrefill, setSeenPrefill] = useState(scoring.prefill);
  if (seenPrefill !== scoring.prefill) {
    setSeenPrefill(scoring.prefill);
    setPoints((p) => {
      const next = { ...p };
      for (const c of allCriteria(card)) {
        if (!c.metric || unlocked.has(c.code)) continue;
        const before = seenPrefill[c.code];
        if (p[c.code] === null || p[c.code] === before) next[c.code] = scoring.prefill[c.code] ?? null;
      }
      return next;
    });
  }

  const correction = !!scoring.latest[role];
  const sentReasons = reasonsToSend(card, scoring.prefill, points, overrideReasons);
  const dirty =
    canScore &&
    (changed(points, initialPoints(scoring, role)) ||
      reason.trim() !== '' ||
      changed(sentReasons, reasonsToSend(card, scoring.prefill, initialPoints(scoring, role), initialReasons(scoring, role))));
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  const total = totalPoints(points);
  const level = qualityLevel(card, points);
  const missing = missingCriteria(card, points);
  const short = total >= card.good_min ? fullMarksShort(card, points) : [];
  const shownError =
    error ??
    (missingTried && missing.length
      ? `Còn ${missing.length} tiêu chí chưa chấm: ${missing.map((c) => c.label).join('; ')}.`
      : null);

  const chooseRole = (next: ScorerRole) => {
    setRole(next);
    setPoints(initialPoints(scoring, next));
    setUnlocked(new Set());
    setReason('');
    setOverrideReasons(initialReasons(scoring, next));
    setError(null);
    setFieldErrors({});
    setMissingTried(false);
  };
  const clearError = (key: string) => saving.clearFieldErrors(key);
  const setPoint = (code: string, value: number | null) => {
    setPoints((p) => ({ ...p, [code]: value }));
    clearError(code);
  };
  const scrollTo = (id: string) => document.getElementById(id)?.scrollIntoView({ block: 'center', behavior: 'smooth' });

  const save = async () => {
    setError(null);
    if (missing.length) {
      setFieldErrors(Object.fromEntries(missing.map((c) => [c.code, 'Chưa chấm tiêu chí này.'])));
      setMissingTried(true);
      scrollTo(`score-criterion-${missing[0].code}`);
      return;
    }
    const unexplained = overriddenCriteria(card, scoring.prefill, points).filter((c) => !sentReasons[c.code]);
    if (unexplained.length) {
      setFieldErrors(
        Object.fromEntries(
          unexplained.map((c) => [c.code, overrideReasonNeeded(c, scoring.prefill[c.code], points[c.code] ?? 0)]),
        ),
      );
      scrollTo(`score-criterion-${unexplained[0].code}`);
      return;
    }
    if (correction && !reason.trim()) {
      setFieldErrors({ reason: 'Chấm lại cần ghi lý do điều chỉnh.' });
      scrollTo('score-reason-field');
      return;
    }
    await saving.run(async () => {
      const saved = await api.post<MeetingScore>(`/meetings/${meeting.id}/scores`, {
        role,
        points: pointsToSend(card, points),
        ...(Object.keys(sentReasons).length ? { override_reasons: sentReasons } : {}),
        ...(correction ? { reason: reason.trim() } : {}),
      });
      setReason('');
      message.success(
        `Đã lưu điểm (${SCORER_ROLE_LABELS[role].toLowerCase()}): ${saved.total} điểm, ${saved.level_label}`,
      );
      onSaved(saved);
    });
  };

  // The points cell of a criterion while scoring: an input, or the computed points with "Sửa".
  const pointsInput = (c: Criterion): ReactNode => {
    const computed = scoring.prefill[c.code];
    const value = points[c.code];
    const locked = c.metric !== null && computed !== undefined && value === computed && !unlocked.has(c.code);
    const overridden = c.metric !== null && computed !== undefined && typeof value === 'number' && value !== computed;
    const err = fieldErrors[c.code];
    return (
      <div className="score-input-cell">
        {locked ? (
          <div className="score-locked">
            <span className="score-locked-value" data-testid={`score-value-${c.code}`}>
              <b>{value}</b> / {c.max_points}
            </span>
            <Button
              icon={<EditOutlined />}
              size={narrow ? 'large' : 'middle'}
              aria-label={`Sửa điểm tiêu chí ${c.label}`}
              data-testid={`score-unlock-${c.code}`}
              onClick={() => setUnlocked((u) => new Set(u).add(c.code))}
            >
              Sửa
            </Button>
          </div>
        ) : (
          <div className="score-editable">
            <InputNumber<number>
              min={0}
              max={c.max_points}
              precision={0}
              inputMode="numeric"
              size={narrow ? 'large' : 'middle'}
              mode={narrow ? 'spinner' : 'input'}
              className="score-input"
              value={value ?? null}
              status={err ? 'error' : undefined}
              aria-label={`Điểm tiêu chí ${c.label} (tối đa ${c.max_points})`}
              data-testid={`score-input-${c.code}`}
              onChange={(v) => setPoint(c.code, typeof v === 'number' ? v : null)}
            />
            <span className="score-out-of">/ {c.max_points}</span>
            {c.metric !== null && computed !== undefined && value !== computed && (
              <Button
                type="link"
                icon={<UndoOutlined />}
                data-testid={`score-reset-${c.code}`}
                onClick={() => {
                  setPoint(c.code, computed);
                  setUnlocked((u) => {
                    const next = new Set(u);
                    next.delete(c.code);
                    return next;
                  });
                }}
              >
                Theo tự tính ({computed})
              </Button>
            )}
          </div>
        )}
        {overridden && (
          <div className="score-override">
            <label htmlFor={`score-override-input-${c.code}`} className="score-reason-label">
              Lý do điều chỉnh <span className="required-mark">*</span>
            </label>
            <Typography.Text type="secondary" className="score-override-hint">
              Điểm tự tính từ biên bản là {computed}; chấm khác cần ghi lý do (cấp trên sẽ thấy lý do này).
            </Typography.Text>
            <Input.TextArea
              id={`score-override-input-${c.code}`}
              value={overrideReasons[c.code] ?? ''}
              maxLength={OVERRIDE_REASON_MAX}
              autoSize={{ minRows: 2, maxRows: 5 }}
              status={err ? 'error' : undefined}
              placeholder="Ví dụ: Đồng chí vắng đã báo ốm trước giờ họp, biên bản ghi nhầm"
              data-testid={`score-override-${c.code}`}
              onChange={(e) => {
                setOverrideReasons((r) => ({ ...r, [c.code]: e.target.value }));
                clearError(c.code);
              }}
            />
          </div>
        )}
        {err && (
          <div className="score-field-error" role="alert" data-testid={`score-error-${c.code}`}>
            {err}
          </div>
        )}
      </div>
    );
  };

  // A column's points for a criterion; marked, with the record's points and the reason, where they differ.
  const columnPoints = (r: ScorerRole, c: Criterion): ReactNode => {
    const score = scoring.latest[r];
    const given = score?.points[c.code];
    if (given === undefined) return '—';
    const criterion = score!.criteria[c.code];
    if (!criterion || criterion.computed_points === null || criterion.computed_points === given) return given;
    return (
      <Tooltip
        title={overrideText({
          label: c.label,
          computed: criterion.computed_points,
          points: given,
          reason: criterion.override_reason ?? '',
        })}
        trigger={['hover', 'click']}
      >
        <span className="score-overridden" tabIndex={0} data-testid={`score-overridden-${r}-${c.code}`}>
          {given}*
        </span>
      </Tooltip>
    );
  };
  const anyScore = !!scoring.latest.cell || !!scoring.latest.superior;

  const criterionCard = (c: Criterion) => (
    <div className="score-criterion" id={`score-criterion-${c.code}`} data-testid={`score-criterion-${c.code}`}>
      <div className="score-criterion-head">
        <span className="score-criterion-label">{c.label}</span>
        <span className="score-criterion-max">tối đa {c.max_points}</span>
      </div>
      {c.metric ? (
        <ComputedNote criterion={c} facts={scoring.facts} prefill={scoring.prefill[c.code]} />
      ) : (
        <Typography.Text type="secondary" className="score-fact">
          Chấm theo đánh giá
        </Typography.Text>
      )}
      {anyScore && (
        <div className="score-criterion-columns">
          Chi bộ: <b>{columnPoints('cell', c)}</b> · Cấp trên: <b>{columnPoints('superior', c)}</b>
        </div>
      )}
      {canScore && pointsInput(c)}
    </div>
  );

  const columns: TableColumnsType<Criterion> = narrow
    ? [{ title: 'Tiêu chí', key: 'all', render: (_: unknown, c) => criterionCard(c) }]
    : [
        {
          title: 'Tiêu chí',
          key: 'label',
          render: (_: unknown, c) => (
            <div id={`score-criterion-${c.code}`} data-testid={`score-criterion-${c.code}`}>
              <div className="score-criterion-label">{c.label}</div>
              {c.metric ? (
                <ComputedNote criterion={c} facts={scoring.facts} prefill={scoring.prefill[c.code]} />
              ) : (
                <Typography.Text type="secondary" className="score-fact">
                  Chấm theo đánh giá
                </Typography.Text>
              )}
            </div>
          ),
        },
        { title: 'Tối đa', dataIndex: 'max_points', key: 'max', align: 'center', width: 72 },
        {
          title: 'Chi bộ',
          key: 'cell',
          align: 'center',
          width: 80,
          render: (_: unknown, c) => columnPoints('cell', c),
        },
        {
          title: 'Cấp trên',
          key: 'superior',
          align: 'center',
          width: 90,
          render: (_: unknown, c) => columnPoints('superior', c),
        },
        ...(canScore
          ? [
              {
                title: `Điểm chấm (${SCORER_ROLE_LABELS[role].toLowerCase()})`,
                key: 'input',
                width: 280,
                render: (_: unknown, c: Criterion) => pointsInput(c),
              },
            ]
          : []),
      ];

  const blockHeader = (b: ScoreBlock, i: number) => (
    <div className="score-block-head" data-testid={`score-block-${b.code}`}>
      <span className="score-block-label">
        {i + 1}. {b.label}
      </span>
      <span className="score-block-points">
        {canScore ? `${blockPoints(b, points)} / ${b.max_points}` : `${b.max_points}`} điểm
      </span>
    </div>
  );

  return (
    <div data-testid="score-section" className="score-section">
      <div className="score-card-name">
        <b data-testid="score-scorecard-name">{card.name}</b>
        <Typography.Text type="secondary"> · áp dụng từ {formatDate(card.effective_from)}</Typography.Text>
      </div>

      <div className="score-columns section">
        <ScoreColumn role="cell" score={scoring.latest.cell} card={card} />
        <ScoreColumn role="superior" score={scoring.latest.superior} card={card} />
      </div>

      {!held && (
        <Alert
          type="info"
          showIcon
          className="section"
          data-testid="score-not-held"
          title={
            meeting.state === 'cancelled'
              ? 'Cuộc họp đã hủy: không chấm điểm.'
              : 'Cuộc họp chưa diễn ra: chấm điểm sau khi sinh hoạt. Dưới đây là phiếu đánh giá và các điểm hệ thống tự tính đến nay.'
          }
        />
      )}

      {canScore && (
        <div className="score-form-head">
          {roles.length > 1 ? (
            <Radio.Group
              value={role}
              optionType="button"
              buttonStyle="solid"
              size="large"
              className="score-role-choice"
              aria-label="Chấm điểm cho cột"
              data-testid="score-role"
              onChange={(e) => chooseRole(e.target.value as ScorerRole)}
            >
              {roles.map((r) => (
                <Radio.Button key={r} value={r}>
                  {/* On the label: antd puts other attributes on the hidden radio input. */}
                  <span data-testid={`score-role-${r}`}>{SCORER_ROLE_LABELS[r]}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          ) : (
            <Typography.Title level={5} style={{ margin: 0 }}>
              Cột chấm: {SCORER_ROLE_LABELS[role]}
            </Typography.Title>
          )}
          {correction && (
            <Alert
              type="warning"
              showIcon
              className="score-correction"
              data-testid="score-correction"
              title={`Cột "${SCORER_ROLE_LABELS[role]}" đã chấm ${scoring.latest[role]!.total} điểm lúc ${formatDateTime(scoring.latest[role]!.scored_at)}. Lưu lần này là chấm lại: cần ghi lý do điều chỉnh (lần chấm trước vẫn được giữ).`}
            />
          )}
        </div>
      )}

      {canScore && (
        <div className="score-sticky" aria-live="polite" data-testid="score-summary">
          <span>
            Tổng điểm:{' '}
            <b className="score-total" data-testid="score-total">
              {total}
            </b>{' '}
            / {SCORE_TOTAL}
          </span>{' '}
          <LevelTag level={level} testId="score-level" />
          {missing.length > 0 && (
            <span className="score-missing" data-testid="score-missing">
              còn {missing.length} tiêu chí chưa chấm
            </span>
          )}
          {short.length > 0 && (
            <div className="score-short" data-testid="score-short">
              Chưa xếp loại Tốt vì chưa đạt điểm tối đa: {short.map((c) => c.label).join('; ')}.
            </div>
          )}
        </div>
      )}

      {card.blocks.map((b, i) => (
        <div key={b.code} className="score-block">
          {blockHeader(b, i)}
          <Table<Criterion>
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={b.criteria}
            pagination={false}
            showHeader={!narrow}
            // Fixed widths line the columns of every block up with one another.
            tableLayout={narrow ? undefined : 'fixed'}
          />
        </div>
      ))}

      <Collapse
        className="section"
        size="small"
        items={[
          {
            key: 'levels',
            label: 'Cách xếp loại',
            children: (
              <ul className="plain-list" data-testid="score-level-rules">
                {levelRules(card).map((r) => (
                  <li key={r.level}>
                    <LevelTag level={r.level} /> {r.text}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />

      {canScore && (
        <div className="section">
          {correction && (
            <div id="score-reason-field" className="score-reason">
              <label htmlFor="score-reason-input" className="score-reason-label">
                Lý do chấm lại <span className="required-mark">*</span>
              </label>
              <Input.TextArea
                id="score-reason-input"
                value={reason}
                maxLength={300}
                autoSize={{ minRows: 2, maxRows: 5 }}
                status={fieldErrors.reason ? 'error' : undefined}
                placeholder="Ví dụ: Chấm lại theo góp ý của cấp ủy cấp trên"
                data-testid="score-reason"
                onChange={(e) => {
                  setReason(e.target.value);
                  clearError('reason');
                }}
              />
              {fieldErrors.reason && (
                <div className="score-field-error" role="alert" data-testid="score-error-reason">
                  {fieldErrors.reason}
                </div>
              )}
            </div>
          )}
          {shownError && (
            <Alert type="error" showIcon role="alert" className="section" title={shownError} data-testid="score-error" />
          )}
          <SectionSaveBar busy={busy} testId="score-submit" onSave={save}>
            {correction ? 'Lưu điểm chấm lại' : 'Lưu điểm'} — {SCORER_ROLE_LABELS[role].toLowerCase()}
          </SectionSaveBar>
        </div>
      )}

      {scoring.scores.length > 0 ? (
        <ScoreHistory scoring={scoring} />
      ) : (
        !canScore && held && <Empty description="Chưa có ai chấm điểm cuộc họp này" />
      )}
    </div>
  );
}
