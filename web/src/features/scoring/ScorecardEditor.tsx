import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import DateInput from '../../ui/DateInput';
import { ApiError, api, errorMessage } from '../../lib/api';
import { parseIsoDate, toIsoDate, todayIso } from '../../lib/dates';
import {
  allCriteria,
  blockSum,
  cardTotal,
  checkScorecard,
  fromDisplayBound,
  issuesAt,
  METRIC_LABELS,
  METRIC_UNITS,
  METRICS,
  parseFieldPath,
  SCORE_TOTAL,
  SCORECARD_KIND_CHOICES,
  scorecardDraft,
  scorecardKindChoice,
  scorecardKindOf,
  type ScorecardKind,
  type ScorecardKindChoice,
  toDisplayBound,
  uniqueCode,
  type ScorecardIssue,
} from './scorecard';
import type { Cap, Criterion, Metric, Organization, Scorecard, ScorecardInput, Tier } from '../../lib/types';

// The level thresholds, highest first (below the last one is "Kém").
const LEVEL_FIELDS = [
  { key: 'good_min', label: 'Tốt từ', testid: 'scorecard-good-min' },
  { key: 'fair_min', label: 'Khá từ', testid: 'scorecard-fair-min' },
  { key: 'average_min', label: 'Trung bình từ', testid: 'scorecard-average-min' },
] as const;

// The card-level places an error may name; anything else not naming a block or criterion shows above the form.
const CARD_FIELDS = ['name', 'effective_from', 'meeting_kind', 'levels', 'full_marks_for_good', 'blocks'] as const;
type CardField = (typeof CARD_FIELDS)[number];

const JUDGEMENT = '';
const METRIC_OPTIONS = [
  { value: JUDGEMENT, label: 'Chấm theo đánh giá' },
  ...METRICS.map((m) => ({ value: m, label: `Tự tính: ${METRIC_LABELS[m]}` })),
];
const CAP_METRIC_OPTIONS = METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }));

// Only the short unit fits beside a number on a phone; the hint above the tiers names the others.
const UNIT_SUFFIX: Record<string, string> = { share: '%', minutes: '', count: '', flag: '' };

function unitHint(metric: Metric): string {
  switch (METRIC_UNITS[metric]) {
    case 'share':
      return 'Tính theo phần trăm. Mỗi mức: từ (gồm) đến dưới (không gồm); để trống "đến dưới" là không giới hạn.';
    case 'minutes':
      return 'Số phút thiếu. Mỗi mức: từ (gồm) đến dưới (không gồm); để trống "đến dưới" là không giới hạn.';
    case 'count':
      return 'Mỗi mức: từ (gồm) đến dưới (không gồm); để trống "đến dưới" là không giới hạn.';
    case 'flag':
      return 'Có = 1, Không = 0: mức "từ 1" là Có, mức "từ 0 đến dưới 1" là Không.';
  }
}

// The tiers a criterion starts with when it becomes computed: all or nothing for a yes/no fact, else one tier.
function defaultTiers(metric: Metric, max: number): Tier[] {
  return METRIC_UNITS[metric] === 'flag'
    ? [
        { min: 1, max: null, points: max },
        { min: 0, max: 1, points: 0 },
      ]
    : [{ min: 0, max: null, points: max }];
}

// Hints (before saving) and the server's error at one place; the server's wins when both say the same.
function Notes({ hints, server }: { hints: ScorecardIssue[]; server: ScorecardIssue[] }) {
  const serverMessages = new Set(server.map((s) => s.message));
  const shown = [...new Set(hints.map((h) => h.message))].filter((m) => !serverMessages.has(m));
  if (!server.length && !shown.length) return null;
  return (
    <div className="scorecard-notes">
      {server.map((s) => (
        <div key={s.message} className="scorecard-error" role="alert" data-testid="scorecard-error">
          {s.message}
        </div>
      ))}
      {shown.map((m) => (
        <div key={m} className="scorecard-hint" data-testid="scorecard-hint">
          {m}
        </div>
      ))}
    </div>
  );
}

const numberOr = (v: number | string | null | undefined, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

// "Lập phiếu mới": a new version of the scorecard for the organisation's subtree, started from the version in force.
// Saved versions are never rewritten; the server checks the scorecard and names the place of a mistake.
export default function ScorecardEditor({
  organization,
  base,
  meetingKind,
  onClose,
  onSaved,
}: {
  organization: Organization;
  base: Scorecard;
  // The meetings the new version is for at first (default: those the base scores).
  meetingKind?: ScorecardKind;
  onClose: () => void;
  onSaved: (saved: Scorecard) => void;
}) {
  const today = todayIso();
  const [draft, setDraft] = useState<ScorecardInput>(() => {
    const start = scorecardDraft(base, today, meetingKind);
    // Started from the built-in or an ancestor's scorecard: name the new one after this organisation.
    if (base.organization_id !== organization.id)
      start.name = `Phiếu đánh giá chất lượng sinh hoạt chi bộ — ${organization.name}`;
    return start;
  });
  const [serverError, setServerError] = useState<ScorecardIssue | null>(null);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A refused save: bring the error itself into sight (not its block or criterion, which may be taller than the
  // screen, nor the top of the form while the save button is at its bottom).
  useEffect(() => {
    if (!serverError && !generalError) return;
    document
      .querySelector('[data-testid="scorecard-editor"] [data-testid="scorecard-error"]')
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [serverError, generalError]);

  const hints = checkScorecard(draft, today);
  const server = serverError ? [serverError] : [];
  const total = cardTotal(draft);
  const criteria = allCriteria(draft);

  const update = (change: (d: ScorecardInput) => void) => {
    setDraft((d) => {
      const next = structuredClone(d);
      change(next);
      return next;
    });
    setServerError(null);
  };
  const at = (field: CardField) => ({
    hints: hints.filter((h) => h.field === field),
    server: server.filter((s) => s.field === field),
  });

  // Where the server's error goes: a block, a criterion, a card field, or above the form.
  const placeServerError = (issue: ScorecardIssue): string | null => {
    const place = parseFieldPath(issue.field);
    if (place.kind === 'criterion' && draft.blocks[place.block]?.criteria[place.criterion])
      return `scorecard-criterion-${place.block}-${place.criterion}`;
    if (place.kind === 'block' && draft.blocks[place.block]) return `scorecard-block-${place.block}`;
    if (place.kind === 'card' && (CARD_FIELDS as readonly string[]).includes(place.part))
      return place.part === 'blocks' ? 'scorecard-total' : `scorecard-field-${place.part}`;
    return null;
  };

  const save = async () => {
    setBusy(true);
    setServerError(null);
    setGeneralError(null);
    try {
      const saved = await api.post<Scorecard>(`/organizations/${organization.id}/scorecards`, {
        ...draft,
        name: draft.name.trim(),
      });
      onSaved(saved);
      onClose();
    } catch (e) {
      const issue =
        e instanceof ApiError && e.status === 400 && e.field ? { field: e.field, message: e.message } : null;
      if (issue && placeServerError(issue)) {
        setServerError(issue);
      } else {
        setGeneralError(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const setCriterion = (b: number, c: number, change: (crit: Criterion) => void) =>
    update((d) => change(d.blocks[b].criteria[c]));

  const changeMetric = (b: number, c: number, value: string) =>
    setCriterion(b, c, (crit) => {
      const metric = value === JUDGEMENT ? null : (value as Metric);
      const sameUnit = crit.metric && metric && METRIC_UNITS[crit.metric] === METRIC_UNITS[metric];
      if (!metric) {
        crit.tiers = [];
        crit.caps = [];
      } else if (!sameUnit || crit.tiers.length === 0) {
        crit.tiers = defaultTiers(metric, crit.max_points);
      }
      crit.metric = metric;
    });

  const removeCriterion = (b: number, c: number) =>
    update((d) => {
      const [removed] = d.blocks[b].criteria.splice(c, 1);
      d.full_marks_for_good = d.full_marks_for_good.filter((code) => code !== removed.code);
    });

  const addCriterion = (b: number) =>
    update((d) => {
      d.blocks[b].criteria.push({
        code: uniqueCode(
          'tieu_chi',
          allCriteria(d).map((x) => x.code),
        ),
        label: '',
        max_points: 1,
        metric: null,
        tiers: [],
        caps: [],
      });
    });

  const removeBlock = (b: number) =>
    update((d) => {
      const [removed] = d.blocks.splice(b, 1);
      const gone = new Set(removed.criteria.map((c) => c.code));
      d.full_marks_for_good = d.full_marks_for_good.filter((code) => !gone.has(code));
    });

  const addBlock = () =>
    update((d) => {
      d.blocks.push({
        code: uniqueCode(
          'nhom',
          d.blocks.map((x) => x.code),
        ),
        label: '',
        max_points: 1,
        criteria: [
          {
            code: uniqueCode(
              'tieu_chi',
              allCriteria(d).map((x) => x.code),
            ),
            label: '',
            max_points: 1,
            metric: null,
            tiers: [],
            caps: [],
          },
        ],
      });
    });

  const tierRows = (b: number, c: number, crit: Criterion & { metric: Metric }): ReactNode => {
    const suffix = UNIT_SUFFIX[METRIC_UNITS[crit.metric]];
    const bound = (v: number) => toDisplayBound(crit.metric, v);
    const setTier = (k: number, patch: Partial<Tier>) => setCriterion(b, c, (x) => Object.assign(x.tiers[k], patch));
    return (
      <div className="scorecard-subrows" data-testid={`scorecard-tiers-${b}-${c}`}>
        <div className="scorecard-subrows-title">Các mức điểm</div>
        <Typography.Text type="secondary" className="scorecard-unit-hint">
          {unitHint(crit.metric)}
        </Typography.Text>
        {crit.tiers.length > 0 && (
          <div className="scorecard-tier-row scorecard-tier-head" aria-hidden>
            <span>Từ</span>
            <span>Đến dưới</span>
            <span>Điểm</span>
            <span />
          </div>
        )}
        {crit.tiers.map((t, k) => (
          <div key={k} className="scorecard-tier-row" data-testid={`scorecard-tier-${b}-${c}-${k}`}>
            <InputNumber<number>
              value={bound(t.min)}
              min={0}
              suffix={suffix || undefined}
              inputMode="decimal"
              aria-label={`Mức ${k + 1}: từ`}
              controls={false}
              onChange={(v) => setTier(k, { min: fromDisplayBound(crit.metric, numberOr(v, 0)) })}
            />
            <InputNumber<number>
              value={t.max === null ? null : bound(t.max)}
              min={0}
              suffix={suffix || undefined}
              placeholder="trở lên"
              inputMode="decimal"
              aria-label={`Mức ${k + 1}: đến dưới`}
              controls={false}
              onChange={(v) => setTier(k, { max: typeof v === 'number' ? fromDisplayBound(crit.metric, v) : null })}
            />
            <InputNumber<number>
              value={t.points}
              min={0}
              max={100}
              precision={0}
              inputMode="numeric"
              aria-label={`Mức ${k + 1}: điểm`}
              controls={false}
              onChange={(v) => setTier(k, { points: numberOr(v, 0) })}
            />
            <Button
              icon={<DeleteOutlined />}
              aria-label={`Xóa mức ${k + 1}`}
              onClick={() => setCriterion(b, c, (x) => x.tiers.splice(k, 1))}
            />
          </div>
        ))}
        <Button
          type="dashed"
          size="small"
          icon={<PlusOutlined />}
          data-testid={`scorecard-add-tier-${b}-${c}`}
          onClick={() => setCriterion(b, c, (x) => x.tiers.push({ min: 0, max: null, points: 0 }))}
        >
          Thêm mức
        </Button>
        <div className="scorecard-subrows-title">Mức trần</div>
        <Typography.Text type="secondary" className="scorecard-unit-hint">
          Giới hạn điểm tối đa khi một chỉ số đạt ngưỡng (ví dụ: có đảng viên vắng không lý do thì tối đa 1 điểm).
        </Typography.Text>
        {crit.caps.map((cap, k) => {
          const setCap = (patch: Partial<Cap>) => setCriterion(b, c, (x) => Object.assign(x.caps[k], patch));
          return (
            <div key={k} className="scorecard-cap-row" data-testid={`scorecard-cap-${b}-${c}-${k}`}>
              <Select<Metric>
                value={cap.metric}
                options={CAP_METRIC_OPTIONS}
                aria-label={`Mức trần ${k + 1}: chỉ số`}
                onChange={(metric) => setCap({ metric })}
              />
              <label className="scorecard-mini">
                <span>Khi từ</span>
                <InputNumber<number>
                  value={toDisplayBound(cap.metric, cap.at_least)}
                  min={0}
                  suffix={UNIT_SUFFIX[METRIC_UNITS[cap.metric]] || undefined}
                  aria-label={`Mức trần ${k + 1}: khi chỉ số từ`}
                  controls={false}
                  onChange={(v) => setCap({ at_least: fromDisplayBound(cap.metric, numberOr(v, 0)) })}
                />
              </label>
              <label className="scorecard-mini">
                <span>Tối đa (điểm)</span>
                <InputNumber<number>
                  value={cap.points}
                  min={0}
                  max={100}
                  precision={0}
                  aria-label={`Mức trần ${k + 1}: điểm tối đa`}
                  controls={false}
                  onChange={(v) => setCap({ points: numberOr(v, 0) })}
                />
              </label>
              <Button
                icon={<DeleteOutlined />}
                aria-label={`Xóa mức trần ${k + 1}`}
                onClick={() => setCriterion(b, c, (x) => x.caps.splice(k, 1))}
              />
            </div>
          );
        })}
        <Button
          type="dashed"
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            setCriterion(b, c, (x) => x.caps.push({ metric: 'unexcused_absences', at_least: 1, points: 0 }))
          }
        >
          Thêm mức trần
        </Button>
      </div>
    );
  };

  return (
    <Modal
      open
      title={`Lập phiếu đánh giá mới — ${organization.name}`}
      width={960}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={null}
    >
      <Form layout="vertical" component="div" data-testid="scorecard-editor" className="scorecard-editor">
        <div
          id="scorecard-total"
          className={`scorecard-total-bar${total === SCORE_TOTAL ? '' : ' scorecard-total-wrong'}`}
          aria-live="polite"
        >
          Tổng điểm: <b data-testid="scorecard-total">{total}</b> / {SCORE_TOTAL}
          <Notes {...at('blocks')} />
        </div>
        <Typography.Paragraph type="secondary">
          Phiếu mới áp dụng cho các chi bộ trực thuộc từ ngày áp dụng; các buổi sinh hoạt trước ngày đó giữ phiếu cũ.
          Phiếu đã lưu không sửa được: muốn thay đổi thì lập phiếu mới.
        </Typography.Paragraph>
        {generalError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="section"
            title={generalError}
            data-testid="scorecard-error"
          />
        )}

        <div className="rule-form-pair">
          <div id="scorecard-field-name">
            <Form.Item label="Tên phiếu" required>
              <Input
                value={draft.name}
                maxLength={200}
                data-testid="scorecard-name-input"
                onChange={(e) => update((d) => void (d.name = e.target.value))}
              />
              <Notes {...at('name')} />
            </Form.Item>
          </div>
          <div id="scorecard-field-effective_from">
            <Form.Item label="Áp dụng từ ngày" required>
              <DateInput
                value={parseIsoDate(draft.effective_from) ?? null}
                allowClear={false}
                disabledDate={(d: Dayjs) => (toIsoDate(d) ?? '') < today}
                data-testid="scorecard-effective-from"
                onChange={(d) => update((x) => void (x.effective_from = toIsoDate(d as Dayjs | null) ?? ''))}
              />
              <Notes {...at('effective_from')} />
            </Form.Item>
          </div>
        </div>

        <div id="scorecard-field-meeting_kind">
          <Form.Item label="Áp dụng cho">
            <Radio.Group
              className="topic-choices scorecard-kind-choices"
              value={scorecardKindChoice(draft.meeting_kind)}
              data-testid="scorecard-kind"
              onChange={(e) =>
                update((d) => void (d.meeting_kind = scorecardKindOf(e.target.value as ScorecardKindChoice)))
              }
            >
              {SCORECARD_KIND_CHOICES.map((c) => (
                <Radio key={c.value} value={c.value}>
                  {c.label}
                </Radio>
              ))}
            </Radio.Group>
            <Notes {...at('meeting_kind')} />
          </Form.Item>
        </div>

        <div id="scorecard-field-levels" className="scorecard-levels-edit">
          <div className="scorecard-subrows-title">Ngưỡng xếp loại (điểm tối thiểu)</div>
          <div className="scorecard-level-grid">
            {LEVEL_FIELDS.map(({ key, label, testid }) => (
              <Form.Item key={key} label={label}>
                <InputNumber<number>
                  value={draft[key]}
                  min={1}
                  max={100}
                  precision={0}
                  inputMode="numeric"
                  style={{ width: '100%' }}
                  data-testid={testid}
                  onChange={(v) => update((d) => void (d[key] = numberOr(v, 0)))}
                />
              </Form.Item>
            ))}
          </div>
          <Typography.Text type="secondary">Dưới ngưỡng Trung bình là Kém.</Typography.Text>
          <Notes {...at('levels')} />
        </div>

        <div id="scorecard-field-full_marks_for_good">
          <Form.Item
            label="Tiêu chí phải đạt điểm tối đa để xếp loại Tốt"
            extra="Đủ điểm Tốt nhưng thiếu điểm ở một tiêu chí này thì xếp loại Khá."
          >
            <Select<string[]>
              mode="multiple"
              value={draft.full_marks_for_good}
              data-testid="scorecard-full-marks"
              optionFilterProp="label"
              options={criteria.map((c) => ({ value: c.code, label: c.label || `(chưa đặt tên — ${c.code})` }))}
              onChange={(codes) => update((d) => void (d.full_marks_for_good = codes))}
            />
            <Notes {...at('full_marks_for_good')} />
          </Form.Item>
        </div>

        <Typography.Title level={5}>Các nhóm tiêu chí</Typography.Title>
        {draft.blocks.map((block, b) => {
          const sum = blockSum(block);
          return (
            <div
              key={block.code || b}
              id={`scorecard-block-${b}`}
              className="scorecard-block"
              data-testid={`scorecard-block-${b}`}
            >
              <div className="scorecard-block-row">
                <span className="scorecard-number">{b + 1}.</span>
                <Form.Item label="Tên nhóm" className="scorecard-grow">
                  <Input
                    value={block.label}
                    maxLength={200}
                    data-testid={`scorecard-block-${b}-label`}
                    onChange={(e) => update((d) => void (d.blocks[b].label = e.target.value))}
                  />
                </Form.Item>
                <Form.Item label="Điểm" className="scorecard-points">
                  <InputNumber<number>
                    value={block.max_points}
                    min={0}
                    max={100}
                    precision={0}
                    inputMode="numeric"
                    status={sum !== block.max_points ? 'warning' : undefined}
                    data-testid={`scorecard-block-${b}-max`}
                    onChange={(v) => update((d) => void (d.blocks[b].max_points = numberOr(v, 0)))}
                  />
                </Form.Item>
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  className="scorecard-remove"
                  aria-label={`Xóa nhóm ${b + 1}`}
                  data-testid={`scorecard-block-${b}-remove`}
                  onClick={() => removeBlock(b)}
                />
              </div>
              <div className="scorecard-sum">
                Tổng điểm các tiêu chí: <b data-testid={`scorecard-block-${b}-sum`}>{sum}</b>
                {sum !== block.max_points && (
                  <Button
                    type="link"
                    size="small"
                    data-testid={`scorecard-block-${b}-use-sum`}
                    onClick={() => update((d) => void (d.blocks[b].max_points = sum))}
                  >
                    Lấy làm điểm của nhóm
                  </Button>
                )}
              </div>
              <Notes hints={issuesAt(hints, b)} server={issuesAt(server, b)} />

              {block.criteria.map((crit, c) => (
                <div
                  key={crit.code || c}
                  id={`scorecard-criterion-${b}-${c}`}
                  className={`scorecard-criterion${issuesAt(server, b, c).length ? ' scorecard-criterion-error' : ''}`}
                  data-testid={`scorecard-criterion-${b}-${c}`}
                >
                  <div className="scorecard-criterion-row">
                    <Form.Item label={`Tiêu chí ${b + 1}.${c + 1}`} className="scorecard-grow">
                      <Input
                        value={crit.label}
                        maxLength={300}
                        data-testid={`scorecard-criterion-${b}-${c}-label`}
                        onChange={(e) => setCriterion(b, c, (x) => void (x.label = e.target.value))}
                      />
                    </Form.Item>
                    <Form.Item label="Điểm tối đa" className="scorecard-points">
                      <InputNumber<number>
                        value={crit.max_points}
                        min={0}
                        max={100}
                        precision={0}
                        inputMode="numeric"
                        data-testid={`scorecard-criterion-${b}-${c}-max`}
                        onChange={(v) => setCriterion(b, c, (x) => void (x.max_points = numberOr(v, 0)))}
                      />
                    </Form.Item>
                    <Form.Item label="Cách chấm" className="scorecard-metric">
                      <Select<string>
                        value={crit.metric ?? JUDGEMENT}
                        options={METRIC_OPTIONS}
                        popupMatchSelectWidth={false}
                        data-testid={`scorecard-criterion-${b}-${c}-metric`}
                        onChange={(v) => changeMetric(b, c, v)}
                      />
                    </Form.Item>
                    <Button
                      danger
                      icon={<DeleteOutlined />}
                      className="scorecard-remove"
                      aria-label={`Xóa tiêu chí ${b + 1}.${c + 1}`}
                      onClick={() => removeCriterion(b, c)}
                    />
                  </div>
                  {crit.metric && tierRows(b, c, crit as Criterion & { metric: Metric })}
                  <Notes hints={issuesAt(hints, b, c)} server={issuesAt(server, b, c)} />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid={`scorecard-block-${b}-add-criterion`}
                onClick={() => addCriterion(b)}
              >
                Thêm tiêu chí
              </Button>
            </div>
          );
        })}
        <Button type="dashed" block icon={<PlusOutlined />} data-testid="scorecard-add-block" onClick={addBlock}>
          Thêm nhóm tiêu chí
        </Button>

        {hints.length > 0 && (
          <Alert
            type="warning"
            showIcon
            className="scorecard-hints-summary"
            data-testid="scorecard-hints"
            title={`Phiếu còn ${hints.length} điểm cần xem lại (đánh dấu màu cam ở từng mục). Máy chủ sẽ kiểm tra lại khi lưu.`}
          />
        )}
        <div className="modal-footer">
          <Button size="large" onClick={onClose}>
            Hủy
          </Button>
          <Button
            type="primary"
            size="large"
            icon={<SaveOutlined />}
            loading={busy}
            data-testid="scorecard-save"
            onClick={save}
          >
            Lưu phiếu
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
