import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, DatePicker, Form, Grid, Input, Popconfirm, Radio, Segmented, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import FormModal from '../../ui/FormModal';
import { LoadError } from '../../ui/LoadFailure';
import { nameSearch } from '../../ui/nameSearch';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { VISIT_KIND_LABELS, VISIT_PLAN_STATE_LABELS, VISIT_STATUS_COLORS, VISIT_STATUS_LABELS, options } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { Attendant, PlanCell, PlannedVisit, PlannedVisitInput, VisitKind, VisitPlan } from '../../lib/types';
import { groupVisits, periodText, priorityOrder, visitCountText, visitMonthText, visitWhenText, type VisitGrouping } from './visits';

interface VisitValues {
  attendant_id: number;
  cell_id: number;
  kind: VisitKind;
  month: Dayjs;
  reason?: string;
}

const monthOf = (iso: string) => dayjs(`${iso.slice(0, 7)}-01`);

// "Thêm lượt" / "Sửa lượt": who goes to which cell, for what, in which month of the plan, and why.
function VisitModal({
  plan,
  visit,
  attendants,
  onClose,
  onSaved,
}: {
  plan: VisitPlan;
  visit: PlannedVisit | null;
  attendants: Attendant[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const first = monthOf(plan.plan.from);
  const last = monthOf(plan.plan.to);
  const cells = [
    ...plan.cells.map((c) => ({ value: c.cell_id, label: c.cell_name })),
    ...plan.uncovered
      .filter((u) => !plan.cells.some((c) => c.cell_id === u.id))
      .map((u) => ({ value: u.id, label: u.name })),
  ];
  const people = attendants
    .filter((a) => a.active || a.id === visit?.attendant_id)
    .map((a) => ({ value: a.id, label: `${a.name} — ${a.role}` }));
  return (
    <FormModal<VisitValues>
      title={visit ? 'Sửa lượt' : 'Thêm lượt'}
      open
      onClose={onClose}
      testId="visit-form"
      width={600}
      initialValues={
        visit
          ? {
              attendant_id: visit.attendant_id,
              cell_id: visit.cell_id,
              kind: visit.kind,
              month: dayjs(new Date(visit.year, visit.month - 1, 1)),
              reason: visit.reason,
            }
          : { kind: 'meeting', month: first }
      }
      onSubmit={async (values) => {
        const body: PlannedVisitInput = {
          attendant_id: values.attendant_id,
          cell_id: values.cell_id,
          kind: values.kind,
          year: values.month.year(),
          month: values.month.month() + 1,
          reason: values.reason?.trim() ?? '',
        };
        if (visit) await api.put(`/visit-plans/${plan.plan.id}/visits/${visit.id}`, body);
        else await api.post(`/visit-plans/${plan.plan.id}/visits`, body);
        onSaved();
      }}
    >
      <Form.Item label="Người dự" name="attendant_id" rules={[{ required: true, message: 'Vui lòng chọn người dự.' }]}>
        <Select size="large" options={people} showSearch={nameSearch} placeholder="Chọn người" data-testid="visit-attendant" />
      </Form.Item>
      <Form.Item label="Chi bộ" name="cell_id" rules={[{ required: true, message: 'Vui lòng chọn chi bộ.' }]}>
        <Select size="large" options={cells} showSearch={nameSearch} placeholder="Chọn chi bộ" data-testid="visit-cell" />
      </Form.Item>
      <Form.Item label="Việc" name="kind">
        <Radio.Group optionType="button" buttonStyle="solid" size="large" options={options(VISIT_KIND_LABELS)} data-testid="visit-kind" />
      </Form.Item>
      <Form.Item label="Tháng" name="month" rules={[{ required: true, message: 'Vui lòng chọn tháng.' }]}>
        <DatePicker
          picker="month"
          format="MM/YYYY"
          size="large"
          placeholder="mm/yyyy"
          allowClear={false}
          disabledDate={(d) => d.isBefore(first, 'month') || d.isAfter(last, 'month')}
          data-testid="visit-month"
        />
      </Form.Item>
      <Form.Item label="Vì sao" name="reason">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="visit-reason" />
      </Form.Item>
    </FormModal>
  );
}

// The kind of a visit, and when it is expected.
export function VisitKindWhen({ visit: v }: { visit: PlannedVisit }) {
  return (
    <div className="visit-kind-when">
      <Tag color={v.kind === 'meeting' ? 'purple' : 'cyan'}>{VISIT_KIND_LABELS[v.kind]}</Tag>
      <span>{visitWhenText(v)}</span>
    </div>
  );
}

export const VisitStatusTag = ({ visit }: { visit: Pick<PlannedVisit, 'status'> }) => (
  <Tag color={VISIT_STATUS_COLORS[visit.status]} data-testid="visit-status">
    {VISIT_STATUS_LABELS[visit.status]}
  </Tag>
);

// What the plan does not meet: the duties short of visits, and the cells without a visit.
function PlanAlerts({ plan }: { plan: VisitPlan }) {
  return (
    <>
      {plan.shortfalls.map((s, i) => (
        <Alert key={i} type="warning" showIcon className="section" title={s.message} data-testid="plan-shortfall" />
      ))}
      {plan.uncovered.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="section"
          data-testid="plan-uncovered"
          title={`Chi bộ chưa có lượt nào trong kế hoạch (${plan.uncovered.length}): ${plan.uncovered.map((u) => u.name).join(', ')}`}
        />
      )}
    </>
  );
}

// "Vì sao ưu tiên": each cell's points and the reasons behind them, the cells that come first first.
function PlanPriorities({ plan }: { plan: VisitPlan }) {
  const narrow = !Grid.useBreakpoint().md;
  const columns: TableColumnsType<PlanCell> = narrow
    ? [
        {
          title: 'Chi bộ',
          key: 'all',
          render: (_: unknown, c) => (
            <div className="visit-card">
              <div className="visit-card-head">
                <b>{c.cell_name}</b>
                <Tag color={c.points > 0 ? 'orange' : 'default'}>{c.points} điểm</Tag>
              </div>
              <div>Số lượt: {c.visits}</div>
              <PriorityReasons cell={c} />
            </div>
          ),
        },
      ]
    : [
        { title: 'Chi bộ', dataIndex: 'cell_name', key: 'cell', width: 220 },
        { title: 'Điểm ưu tiên', dataIndex: 'points', key: 'points', width: 110, align: 'right' },
        { title: 'Số lượt', dataIndex: 'visits', key: 'visits', width: 90, align: 'right' },
        { title: 'Vì sao', key: 'reasons', render: (_: unknown, c) => <PriorityReasons cell={c} /> },
      ];
  return (
    <>
      <Typography.Title level={5}>Vì sao ưu tiên</Typography.Title>
      <Table<PlanCell>
        data-testid="plan-cells"
        rowKey="cell_id"
        size="small"
        className="section"
        columns={columns}
        dataSource={priorityOrder(plan.cells)}
        pagination={false}
        scroll={narrow ? undefined : { x: 'max-content' }}
        locale={{ emptyText: 'Không có chi bộ nào' }}
      />
    </>
  );
}

function PriorityReasons({ cell }: { cell: PlanCell }) {
  if (cell.reasons.length === 0) return <Typography.Text type="secondary">Không có gì phải ưu tiên</Typography.Text>;
  return (
    <ul className="plain-list visit-reasons" data-testid="plan-cell-reasons">
      {cell.reasons.map((r, i) => (
        <li key={i}>{r}</li>
      ))}
    </ul>
  );
}

// One plan: its visits by month or by person, what it does not meet, and why each cell got its visits; a draft (or a
// plan the committee may still change) is edited visit by visit, then published.
export default function PlanView({
  planId,
  attendants,
  onBack,
  onChanged,
}: {
  planId: number;
  attendants: Attendant[];
  onBack: () => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const { data: plan, error, reload } = useApi<VisitPlan>(`/visit-plans/${planId}`);
  const [grouping, setGrouping] = useState<VisitGrouping>('month');
  const [editing, setEditing] = useState<PlannedVisit | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (key: string, action: () => Promise<void>, done: string) => {
    setBusy(key);
    try {
      await action();
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="plan-back">
      Các kế hoạch
    </Button>
  );
  if (error !== undefined)
    return (
      <div>
        {back}
        <LoadError error={error} style={{ marginTop: 12 }} />
      </div>
    );
  if (!plan) return <Skeleton active />;

  const editable = plan.can_edit;
  const draft = plan.plan.state === 'draft';
  const removeVisit = (v: PlannedVisit) =>
    act(
      `del-${v.id}`,
      async () => {
        await api.del(`/visit-plans/${plan.plan.id}/visits/${v.id}`);
        reload();
        onChanged();
      },
      'Đã bỏ lượt',
    );

  const visitActions = (v: PlannedVisit) =>
    editable ? (
      <span className="visit-actions">
        <Button icon={<EditOutlined />} aria-label={`Sửa lượt ${v.cell_name} ${visitMonthText(v)}`} onClick={() => setEditing(v)} data-testid="visit-edit">
          {narrow ? 'Sửa' : null}
        </Button>
        <Popconfirm title="Bỏ lượt này khỏi kế hoạch?" okText="Bỏ lượt" cancelText="Không" okButtonProps={{ danger: true }} onConfirm={() => removeVisit(v)}>
          <Button danger icon={<DeleteOutlined />} loading={busy === `del-${v.id}`} aria-label={`Bỏ lượt ${v.cell_name} ${visitMonthText(v)}`} data-testid="visit-delete">
            {narrow ? 'Bỏ' : null}
          </Button>
        </Popconfirm>
      </span>
    ) : null;

  const groups = groupVisits(plan.visits, grouping);
  const other = grouping === 'month' ? 'person' : 'month';
  const columns: TableColumnsType<PlannedVisit> = narrow
    ? [
        {
          title: 'Lượt',
          key: 'all',
          render: (_: unknown, v) => (
            <div className="visit-card">
              <div className="visit-card-head">
                <b>{v.cell_name}</b>
                <VisitStatusTag visit={v} />
              </div>
              <div>{other === 'person' ? v.attendant_name : visitMonthText(v)}</div>
              <div>
                <Tag color={v.kind === 'meeting' ? 'purple' : 'cyan'}>{VISIT_KIND_LABELS[v.kind]}</Tag> {visitWhenText(v)}
              </div>
              {v.reason && <div className="visit-reason">Vì sao: {v.reason}</div>}
              {visitActions(v)}
            </div>
          ),
        },
      ]
    : [
        other === 'person'
          ? { title: 'Người dự', dataIndex: 'attendant_name', key: 'who', width: 160 }
          : { title: 'Tháng', key: 'month', width: 110, render: (_: unknown, v: PlannedVisit) => visitMonthText(v) },
        { title: 'Chi bộ', dataIndex: 'cell_name', key: 'cell', width: 170 },
        { title: 'Việc, dự kiến', key: 'kind', width: 190, render: (_: unknown, v) => <VisitKindWhen visit={v} /> },
        { title: 'Vì sao', dataIndex: 'reason', key: 'reason', className: 'visit-reason' },
        { title: 'Tình trạng', key: 'status', width: 180, render: (_: unknown, v) => <VisitStatusTag visit={v} /> },
        ...(editable
          ? [{ title: '', key: 'actions', width: 112, render: (_: unknown, v: PlannedVisit) => visitActions(v) }]
          : []),
      ];

  return (
    <div data-testid="plan-view" data-plan={plan.plan.id}>
      <div className="toolbar">{back}</div>
      <div className="visit-plan-head">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-title">
          {plan.plan.title}
        </Typography.Title>
        <Tag color={draft ? 'gold' : 'green'} data-testid="plan-state">
          {VISIT_PLAN_STATE_LABELS[plan.plan.state]}
        </Tag>
      </div>
      <Typography.Paragraph type="secondary" data-testid="plan-summary">
        Giai đoạn {periodText(plan.plan.from, plan.plan.to)} · {visitCountText(plan.visits)}
        {plan.plan.published_at && ` · Công bố ${formatDateTime(plan.plan.published_at)}`}
      </Typography.Paragraph>
      {editable && (
        <div className="toolbar">
          <Button size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="visit-add">
            Thêm lượt
          </Button>
          {draft && (
            <Popconfirm
              title="Công bố kế hoạch?"
              description="Chi bộ và người được phân công sẽ thấy các lượt."
              okText="Công bố"
              cancelText="Không"
              onConfirm={() =>
                act(
                  'publish',
                  async () => {
                    await api.post(`/visit-plans/${plan.plan.id}/publish`);
                    reload();
                    onChanged();
                  },
                  'Đã công bố kế hoạch',
                )
              }
            >
              <Button type="primary" size="large" icon={<SendOutlined />} loading={busy === 'publish'} data-testid="plan-publish">
                Công bố kế hoạch
              </Button>
            </Popconfirm>
          )}
          {draft && (
            <Popconfirm
              title="Xóa dự thảo kế hoạch?"
              okText="Xóa"
              cancelText="Không"
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                act(
                  'delete',
                  async () => {
                    await api.del(`/visit-plans/${plan.plan.id}`);
                    onChanged();
                    onBack();
                  },
                  'Đã xóa dự thảo',
                )
              }
            >
              <Button danger size="large" icon={<DeleteOutlined />} loading={busy === 'delete'} data-testid="plan-delete">
                Xóa dự thảo
              </Button>
            </Popconfirm>
          )}
        </div>
      )}

      <PlanAlerts plan={plan} />
      <div className="toolbar">
        <Segmented<VisitGrouping>
          size="large"
          value={grouping}
          onChange={setGrouping}
          options={[
            { value: 'month', label: 'Theo tháng' },
            { value: 'person', label: 'Theo người' },
          ]}
          data-testid="plan-grouping"
        />
      </div>
      {groups.length === 0 ? (
        <Typography.Paragraph type="secondary">Kế hoạch chưa có lượt nào.</Typography.Paragraph>
      ) : (
        groups.map((g) => (
          <section key={g.key} className="section" data-testid="plan-group" aria-label={g.title}>
            <Typography.Title level={5}>
              {g.title}{' '}
              <Typography.Text type="secondary" className="visit-group-count">
                · {visitCountText(g.visits)}
              </Typography.Text>
            </Typography.Title>
            <Table<PlannedVisit>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={g.visits}
              pagination={false}
              tableLayout={narrow ? undefined : 'fixed'}
              scroll={narrow ? undefined : { x: 1000 }}
              onRow={(v) => ({ 'data-testid': 'plan-visit', 'data-visit': v.id }) as HTMLAttributes<HTMLElement>}
            />
          </section>
        ))
      )}

      <PlanPriorities plan={plan} />

      {editing && (
        <VisitModal
          plan={plan}
          visit={editing === 'new' ? null : editing}
          attendants={attendants}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success(editing === 'new' ? 'Đã thêm lượt' : 'Đã lưu lượt');
            reload();
            onChanged();
          }}
        />
      )}
    </div>
  );
}
