import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Empty, Form, InputNumber, Radio, Skeleton, Typography } from 'antd';
import { PlusOutlined, RightOutlined, TrophyOutlined } from '@ant-design/icons';
import FormModal from '../../ui/FormModal';
import { ApiError, api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import {
  DEFAULT_QUOTA,
  PERIOD_KIND_LABELS,
  periodCode,
  periodLabel,
  QUARTER_LABELS,
  quotaPercent,
  type PeriodInput,
} from './grading';
import { useApi } from '../../lib/useApi';
import type { GradingPeriodKind, GradingRound, GradingRoundList, Organization } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

interface RoundFormValues extends PeriodInput {
  // The quota as typed: a percentage, 0–100.
  quota_percent: number | null;
}

const PERIOD_KINDS: GradingPeriodKind[] = ['year', 'quarter', 'term'];

// The field of the form where an API error about the period or the quota shows: the period is typed in one or
// two boxes, the quota as a percentage. A 409 is a round already open for the period.
function roundErrorField(kind: GradingPeriodKind) {
  return (error: ApiError): string | null => {
    const period = kind === 'term' ? 'to_year' : kind === 'quarter' ? 'quarter' : 'year';
    if (error.status === 409) return period;
    if (error.status !== 400) return null;
    if (error.field === 'period') return period;
    if (error.field === 'excellent_quota') return 'quota_percent';
    return error.field;
  };
}

const YEAR_RULES = [{ required: true, message: 'Vui lòng nhập năm' }];

// "Mở đợt đánh giá": the period (a year, a quarter or a term) and the quota of "excellent".
function CreateRoundModal({
  organization,
  onClose,
  onCreated,
}: {
  organization: Organization;
  onClose: () => void;
  onCreated: (round: GradingRound) => void;
}) {
  const year = new Date().getFullYear();
  const [kind, setKind] = useState<GradingPeriodKind>('year');
  return (
    <FormModal<RoundFormValues>
      title={`Mở đợt đánh giá, xếp loại — ${organization.name}`}
      open
      onClose={onClose}
      okText="Mở đợt đánh giá"
      testId="grading-round-form"
      errorField={roundErrorField(kind)}
      initialValues={{
        kind: 'year',
        year,
        quarter: Math.floor(new Date().getMonth() / 3) + 1,
        from_year: year - (year % 5),
        to_year: year - (year % 5) + 5,
        quota_percent: DEFAULT_QUOTA * 100,
      }}
      onSubmit={async (values) => {
        const period = periodCode(values);
        const created = await api.post<GradingRound>(`/organizations/${organization.id}/grading-rounds`, {
          period,
          excellent_quota: (values.quota_percent ?? DEFAULT_QUOTA * 100) / 100,
        });
        onCreated(created);
      }}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">
            Đánh giá, xếp loại chất lượng các chi bộ và đảng viên thuộc {organization.name} (Quy định 366, Hướng dẫn
            43). Hệ thống đề xuất điểm từ kết quả sinh hoạt trong kỳ; chi bộ tự đánh giá, tập thể đánh giá, cấp ủy quyết
            định.
          </Typography.Paragraph>
          <Form.Item label="Kỳ đánh giá" name="kind">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="large"
              className="grading-kind-choice"
              data-testid="grading-period-kind"
              onChange={(e) => {
                setKind(e.target.value as GradingPeriodKind);
                form.setFields([
                  { name: 'year', errors: [] },
                  { name: 'quarter', errors: [] },
                  { name: 'to_year', errors: [] },
                ]);
              }}
              options={PERIOD_KINDS.map((k) => ({
                value: k,
                label: <span data-testid={`grading-period-kind-${k}`}>{PERIOD_KIND_LABELS[k]}</span>,
              }))}
            />
          </Form.Item>
          {kind !== 'term' && (
            <Form.Item label="Năm" name="year" rules={YEAR_RULES}>
              <InputNumber<number>
                min={2000}
                max={2100}
                precision={0}
                inputMode="numeric"
                size="large"
                className="grading-year-input"
                data-testid="grading-year"
              />
            </Form.Item>
          )}
          {kind === 'quarter' && (
            <Form.Item label="Quý" name="quarter" rules={[{ required: true, message: 'Vui lòng chọn quý' }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                size="large"
                className="grading-quarter-choice"
                data-testid="grading-quarter"
                options={QUARTER_LABELS.map((label, i) => ({
                  value: i + 1,
                  label: <span data-testid={`grading-quarter-${i + 1}`}>Quý {label}</span>,
                }))}
              />
            </Form.Item>
          )}
          {kind === 'term' && (
            <div className="rule-form-pair">
              <Form.Item label="Từ năm" name="from_year" rules={YEAR_RULES}>
                <InputNumber<number>
                  min={2000}
                  max={2100}
                  precision={0}
                  inputMode="numeric"
                  size="large"
                  className="grading-year-input"
                  data-testid="grading-from-year"
                />
              </Form.Item>
              <Form.Item label="Đến năm" name="to_year" rules={YEAR_RULES}>
                <InputNumber<number>
                  min={2000}
                  max={2100}
                  precision={0}
                  inputMode="numeric"
                  size="large"
                  className="grading-year-input"
                  data-testid="grading-to-year"
                />
              </Form.Item>
            </div>
          )}
          <Form.Item
            label="Tỷ lệ “Hoàn thành xuất sắc” tối đa"
            name="quota_percent"
            extra="Tính trên số được xếp loại “Hoàn thành tốt nhiệm vụ” của mỗi tổ chức cơ sở đảng."
            rules={[{ required: true, message: 'Vui lòng nhập tỷ lệ' }]}
          >
            <InputNumber<number>
              min={0}
              max={100}
              inputMode="decimal"
              size="large"
              suffix="%"
              className="grading-quota-input"
              data-testid="grading-quota"
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const label = periodLabel(form.getFieldsValue(true) as RoundFormValues);
              return label ? (
                <Alert type="info" showIcon className="section" data-testid="grading-period-preview" title={`Đợt đánh giá: ${label}`} />
              ) : null;
            }}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

// "Đánh giá, xếp loại" of an organisation: the grading rounds that cover it (its own and its ancestors'), each
// opening its page; a committee's writers open a new round.
export default function GradingRounds({ organization, canWrite }: { organization: Organization; canWrite: boolean }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<GradingRoundList>(`/organizations/${organization.id}/grading-rounds`);
  const [creating, setCreating] = useState(false);
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
  const canCreate = !!data?.can_create && canWrite;

  return (
    <Card
      title={
        <span>
          <TrophyOutlined /> Đánh giá, xếp loại
        </span>
      }
      size="small"
      className="section grading-rounds-card"
      data-testid="grading-rounds-card"
    >
      {canCreate && (
        <div className="toolbar">
          <Button type="primary" icon={<PlusOutlined />} data-testid="grading-round-create" onClick={() => setCreating(true)}>
            Mở đợt đánh giá
          </Button>
        </div>
      )}
      {error !== undefined ? (
        <LoadError error={error} />
      ) : !data && loading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : !data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có đợt đánh giá, xếp loại nào" />
      ) : (
        <ul className="plain-list grading-round-list">
          {data.items.map((r) => (
            <li key={r.id}>
              <Link to={`/grading/${r.id}`} className="grading-round-link" data-testid="grading-round-link" data-round={r.id}>
                <span className="grading-round-text">
                  <b className="grading-round-period">{r.period_label}</b>
                  <span className="grading-round-meta">
                    {r.organization_id === organization.id ? '' : `${r.organization_name} · `}
                    {formatDate(r.period_from)} – {formatDate(r.period_to)} · xuất sắc tối đa{' '}
                    {quotaPercent(r.excellent_quota)}
                  </span>
                </span>
                <RightOutlined aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {creating && (
        <CreateRoundModal
          organization={organization}
          onClose={() => setCreating(false)}
          onCreated={(round) => {
            message.success(`Đã mở đợt đánh giá ${round.period_label}`);
            navigate(`/grading/${round.id}`);
          }}
        />
      )}
    </Card>
  );
}
