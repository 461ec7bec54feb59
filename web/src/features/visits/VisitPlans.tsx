import { useState, type HTMLAttributes } from 'react';
import { App, Button, DatePicker, Form, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import FormModal from '../../ui/FormModal';
import { LoadError } from '../../ui/LoadFailure';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { isCell, VISIT_PLAN_STATE_LABELS } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type {
  Attendant,
  Organization,
  TreeNode,
  VisitPlan,
  VisitPlanInput,
  VisitPlanList,
  VisitPlanSummary,
} from '../../lib/types';
import { flatten } from '../organizations/orgTree';
import PlanView from './PlanView';
import { nextMonths, periodText } from './visits';

interface PlanValues {
  from: Dayjs;
  to: Dayjs;
  title?: string;
  difficult_cell_ids?: number[];
}

// The cells under the committee (down to a grassroots committee's cells), for naming the difficult ones.
function useCellsBelow(organization: Organization) {
  const { data } = useApi<{ roots: TreeNode[] }>('/organizations/tree', { root_id: organization.id, depth: 3 });
  return flatten(data?.roots ?? [])
    .map((f) => f.node)
    .filter((n) => isCell(n.kind) && !n.dissolved && n.id !== organization.id);
}

// "Lập kế hoạch": chibo proposes the visits of a period; the committee edits the draft, then publishes it.
function CreatePlanModal({
  organization,
  onClose,
  onSaved,
}: {
  organization: Organization;
  onClose: () => void;
  onSaved: (plan: VisitPlan) => void;
}) {
  const period = nextMonths();
  const cells = useCellsBelow(organization);
  return (
    <FormModal<PlanValues>
      title="Lập kế hoạch dự sinh hoạt"
      open
      onClose={onClose}
      okText="Lập dự thảo"
      testId="plan-form"
      width={560}
      initialValues={{ from: dayjs(`${period.from}-01`), to: dayjs(`${period.to}-01`) }}
      onSubmit={async (values) => {
        const body: VisitPlanInput = { from: values.from.format('YYYY-MM'), to: values.to.format('YYYY-MM') };
        if (values.title?.trim()) body.title = values.title.trim();
        if (values.difficult_cell_ids?.length) body.difficult_cell_ids = values.difficult_cell_ids;
        onSaved(await api.post<VisitPlan>(`/organizations/${organization.id}/visit-plans`, body));
      }}
    >
      <Typography.Paragraph type="secondary">
        chibo đề xuất các lượt để mọi chi bộ đều được đến, ưu tiên chi bộ yếu, khó khăn; đáp ứng nhiệm vụ từng người và
        không xếp một người dự hai buổi trùng giờ. Kế hoạch là dự thảo cho đến khi công bố.
      </Typography.Paragraph>
      <div className="rule-form-pair">
        <Form.Item label="Từ tháng" name="from" rules={[{ required: true, message: 'Vui lòng chọn tháng.' }]}>
          <DatePicker picker="month" format="MM/YYYY" placeholder="mm/yyyy" size="large" style={{ width: '100%' }} data-testid="plan-from" />
        </Form.Item>
        <Form.Item
          label="Đến tháng"
          name="to"
          dependencies={['from']}
          rules={[
            { required: true, message: 'Vui lòng chọn tháng.' },
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | undefined) => {
                const from = getFieldValue('from') as Dayjs | undefined;
                return !value || !from || !value.isBefore(from, 'month')
                  ? Promise.resolve()
                  : Promise.reject(new Error('Tháng cuối phải từ tháng đầu trở đi.'));
              },
            }),
          ]}
        >
          <DatePicker picker="month" format="MM/YYYY" placeholder="mm/yyyy" size="large" style={{ width: '100%' }} data-testid="plan-to" />
        </Form.Item>
      </div>
      <Form.Item label="Tên kế hoạch" name="title" extra="Để trống: chibo đặt tên theo giai đoạn.">
        <Input maxLength={300} data-testid="plan-title-input" />
      </Form.Item>
      <Form.Item
        label="Chi bộ khó khăn"
        name="difficult_cell_ids"
        extra="Vùng xa, ít đảng viên, địa bàn phức tạp: được ưu tiên như chi bộ yếu."
      >
        <Select
          mode="multiple"
          size="large"
          optionFilterProp="label"
          placeholder="Không bắt buộc"
          data-testid="plan-difficult"
          options={cells.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}

// "Kế hoạch": the committee's plans, newest first, and the one opened (its id kept by the tab).
export default function VisitPlans({
  organization,
  canWrite,
  attendants,
  openPlan,
  setOpenPlan,
}: {
  organization: Organization;
  canWrite: boolean;
  attendants: Attendant[];
  openPlan: number | null;
  setOpenPlan: (id: number | null) => void;
}) {
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const { data, error, loading, reload } = useApi<VisitPlanList>(`/organizations/${organization.id}/visit-plans`);
  const [creating, setCreating] = useState(false);

  if (openPlan !== null)
    return <PlanView planId={openPlan} attendants={attendants} onBack={() => setOpenPlan(null)} onChanged={reload} />;

  const stateTag = (p: VisitPlanSummary) => (
    <Tag color={p.state === 'draft' ? 'gold' : 'green'}>{VISIT_PLAN_STATE_LABELS[p.state]}</Tag>
  );
  const open = (p: VisitPlanSummary) => (
    <Typography.Link onClick={() => setOpenPlan(p.id)} data-testid="plan-open">
      {p.title}
    </Typography.Link>
  );
  const columns: TableColumnsType<VisitPlanSummary> = narrow
    ? [
        {
          title: 'Kế hoạch',
          key: 'all',
          render: (_: unknown, p) => (
            <div className="visit-card">
              <b>{open(p)}</b>
              <div className="visit-card-head">
                <span>Giai đoạn {periodText(p.from, p.to)}</span>
                {stateTag(p)}
              </div>
              <Typography.Text type="secondary">{p.visits} lượt</Typography.Text>
            </div>
          ),
        },
      ]
    : [
        { title: 'Kế hoạch', key: 'title', render: (_: unknown, p) => open(p) },
        { title: 'Giai đoạn', key: 'period', className: 'nowrap', render: (_: unknown, p) => periodText(p.from, p.to) },
        { title: 'Trạng thái', key: 'state', render: (_: unknown, p) => stateTag(p) },
        { title: 'Số lượt', dataIndex: 'visits', key: 'visits', align: 'right' },
        {
          title: 'Lập / công bố',
          key: 'when',
          className: 'nowrap',
          render: (_: unknown, p) => formatDateTime(p.published_at ?? p.created_at),
        },
      ];

  return (
    <div data-testid="visit-plans">
      {canWrite && (
        <div className="toolbar">
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">
            Lập kế hoạch
          </Button>
        </div>
      )}
      {error !== undefined && <LoadError error={error} className="section" />}
      <Table<VisitPlanSummary>
        data-testid="plans-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
        scroll={narrow ? undefined : { x: 'max-content' }}
        onRow={(p) => ({ 'data-testid': 'plan-row', 'data-plan': p.id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: 'Chưa có kế hoạch dự sinh hoạt nào' }}
      />
      {creating && (
        <CreatePlanModal
          organization={organization}
          onClose={() => setCreating(false)}
          onSaved={(plan) => {
            message.success('Đã lập dự thảo kế hoạch');
            reload();
            setOpenPlan(plan.plan.id);
          }}
        />
      )}
    </div>
  );
}
