import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, InputNumber, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import FormModal from '../../ui/FormModal';
import { api, errorMessage, type ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { isCell } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import { LoadError } from '../../ui/LoadFailure';
import YearSelect from '../../ui/YearSelect';
import OrientationCard from './OrientationCard';
import type { Organization, TreeNode } from '../../lib/types';
import type { OrgTabContext } from '../organizations/orgTabs';
import type { Topic, TopicList, TopicOrientationInput, TopicOrientationList } from '../../lib/api.gen';
import { flatten } from '../organizations/orgTree';
import { TopicItem } from './TopicList';
import TopicCoverageCard from './TopicCoverageCard';
import TopicReviewCard from './TopicReviewCard';
import { orientationAudience, QUARTERS } from './topics';

interface OrientationFormValues {
  year: number;
  quarter: number | 0;
  title: string;
  purpose?: string;
  directive?: string;
  audience: 'all' | 'chosen';
  cell_ids?: number[];
}

// Errors about the chosen cells come back as `cells` or `cell_ids`.
const orientationErrorField = (error: ApiError): string | null => {
  if (error.status !== 400) return null;
  if (error.field === 'cells') return 'cell_ids';
  return error.field;
};

// The cells under the committee (down to a grassroots committee's cells), for choosing whom an orientation goes to.
function useCellsBelow(organization: Organization) {
  const { data } = useApi<{ roots: TreeNode[] }>('/organizations/tree', { root_id: organization.id, depth: 3 });
  return flatten(data?.roots ?? [])
    .map((f) => f.node)
    .filter((n) => isCell(n.kind) && !n.dissolved && n.id !== organization.id);
}

function OrientationModal({
  organization,
  year,
  onClose,
  onSaved,
}: {
  organization: Organization;
  year: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const cells = useCellsBelow(organization);
  return (
    <FormModal<OrientationFormValues>
      title="Ban hành định hướng chuyên đề"
      open
      onClose={onClose}
      okText="Ban hành"
      testId="orientation-form"
      width={640}
      errorField={orientationErrorField}
      initialValues={{ year, quarter: 0, audience: 'all' }}
      onSubmit={async (values) => {
        const body: TopicOrientationInput = {
          year: values.year,
          quarter: values.quarter || null,
          title: values.title.trim(),
          purpose: values.purpose?.trim() ?? '',
          directive: values.directive?.trim() ?? '',
          ...(values.audience === 'chosen' ? { cell_ids: values.cell_ids ?? [] } : {}),
        };
        await api.post(`/organizations/${organization.id}/topic-orientations`, body);
        onSaved();
      }}
    >
      {(form) => (
        <>
          <Form.Item
            label="Tên chuyên đề"
            name="title"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên chuyên đề.' }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} data-testid="orientation-title" />
          </Form.Item>
          <Form.Item label="Mục đích, yêu cầu" name="purpose">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="orientation-purpose" />
          </Form.Item>
          <Form.Item label="Văn bản chỉ đạo thực hiện" name="directive">
            <Input maxLength={300} placeholder="Ví dụ: Chỉ thị 02-CT/HU" data-testid="orientation-directive" />
          </Form.Item>
          <Form.Item label="Năm" name="year" rules={[{ required: true, message: 'Vui lòng nhập năm.' }]}>
            <InputNumber min={2000} max={2100} size="large" style={{ width: 140 }} data-testid="orientation-year" />
          </Form.Item>
          <Form.Item label="Thời gian" name="quarter">
            <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="orientation-quarter">
              <Radio.Button value={0}>Cả năm</Radio.Button>
              {QUARTERS.map((q) => (
                <Radio.Button key={q} value={q}>
                  Quý {q}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item label="Gửi đến" name="audience">
            <Radio.Group className="topic-choices" data-testid="orientation-audience">
              <Radio value="all">Tất cả chi bộ trực thuộc</Radio>
              <Radio value="chosen">Các chi bộ được chọn</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.audience !== b.audience}>
            {() =>
              form.getFieldValue('audience') === 'chosen' && (
                <Form.Item
                  label="Chi bộ"
                  name="cell_ids"
                  rules={[{ required: true, message: 'Vui lòng chọn ít nhất một chi bộ.' }]}
                >
                  <Select
                    mode="multiple"
                    size="large"
                    optionFilterProp="label"
                    placeholder="Chọn chi bộ"
                    data-testid="orientation-cells"
                    options={cells.map((c) => ({ value: c.id, label: c.name }))}
                  />
                </Form.Item>
              )
            }
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

// "Không chấp nhận": the reason is required, so the cell knows why.
export function DeclineModal({ topic, onClose, onSaved }: { topic: Topic; onClose: () => void; onSaved: () => void }) {
  return (
    <FormModal<{ reason: string }>
      title="Không chấp nhận chuyên đề"
      open
      onClose={onClose}
      okText="Không chấp nhận"
      danger
      testId="decline-form"
      onSubmit={async (values) => {
        await api.post(`/topics/${topic.id}/decline`, { reason: values.reason.trim() });
        onSaved();
      }}
    >
      <Typography.Paragraph>
        <b>{topic.title}</b> — {topic.organization_name}
      </Typography.Paragraph>
      <Form.Item
        label="Lý do"
        name="reason"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi lý do để chi bộ biết.' }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} data-testid="decline-reason" />
      </Form.Item>
    </FormModal>
  );
}

// A committee's "Chuyên đề" tab: the cells' own proposals waiting for its decision, how its cells covered a quarter's
// thematic meeting, the year-end review of their topics, and the orientations it publishes to its cells.
export default function CommitteeTopicsTab({ organization, canWrite, tabState, setTabState }: OrgTabContext) {
  const { message } = App.useApp();
  const year = (tabState as number | undefined) ?? new Date().getFullYear();
  const orientations = useApi<TopicOrientationList>(`/organizations/${organization.id}/topic-orientations`, { year });
  const canPublish = canWrite && !!orientations.data?.can_publish;
  // The proposals are for those who decide (writers of a cell's parent); others get 403 and see no section.
  const proposals = useApi<TopicList>(canWrite ? `/organizations/${organization.id}/topic-proposals` : null);
  const [publishing, setPublishing] = useState(false);
  const [declining, setDeclining] = useState<Topic | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const accept = async (t: Topic) => {
    setBusy(t.id);
    try {
      await api.post(`/topics/${t.id}/accept`, {});
      message.success(`Đã chấp nhận chuyên đề của ${t.organization_name}`);
      proposals.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="topics-tab">
      {proposals.data && proposals.data.items.length > 0 && (
        <>
          <Typography.Title level={5}>Chuyên đề chi bộ đề xuất, chờ quyết định ({proposals.data.items.length})</Typography.Title>
          <div className="topic-orientations section" data-testid="topic-proposals">
            {proposals.data.items.map((t) => (
              <Card key={t.id} size="small" data-testid="topic-proposal">
                <TopicItem topic={t} showCell showQuarter />
                <Space wrap style={{ marginTop: 8 }}>
                  <Button
                    type="primary"
                    size="large"
                    icon={<CheckOutlined />}
                    loading={busy === t.id}
                    onClick={() => void accept(t)}
                    data-testid="accept-topic"
                  >
                    Chấp nhận
                  </Button>
                  <Button size="large" danger icon={<CloseOutlined />} onClick={() => setDeclining(t)} data-testid="decline-topic">
                    Không chấp nhận
                  </Button>
                </Space>
              </Card>
            ))}
          </div>
        </>
      )}

      <TopicCoverageCard organization={organization} />
      <TopicReviewCard organization={organization} showCell />

      <div className="toolbar">
        <YearSelect value={year} onChange={(y) => setTabState(y)} testId="topics-year" width={140} />
        {canPublish && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setPublishing(true)} data-testid="publish-orientation">
            Ban hành định hướng
          </Button>
        )}
      </div>

      <Typography.Title level={5}>Định hướng chuyên đề năm {year}</Typography.Title>
      {orientations.error ? (
        <LoadError error={orientations.error} />
      ) : !orientations.data ? (
        <Skeleton active />
      ) : orientations.data.items.length === 0 ? (
        <Empty description={`Chưa có định hướng chuyên đề năm ${year}`} />
      ) : (
        <div className="topic-orientations" data-testid="orientations">
          {orientations.data.items.map((o) => (
            <OrientationCard
              key={o.id}
              orientation={o}
              showPublisher={o.organization_id !== organization.id}
              onFilesChanged={() => orientations.reload()}
            >
              <div className="topic-orientation-meta">
                <span>Gửi đến: {orientationAudience(o)}</span>
                <span data-testid="orientation-picked">Số chi bộ đã chọn: {o.picked}</span>
                <span>Ban hành: {formatDateTime(o.created_at)}</span>
              </div>
            </OrientationCard>
          ))}
        </div>
      )}

      {publishing && (
        <OrientationModal
          organization={organization}
          year={year}
          onClose={() => setPublishing(false)}
          onSaved={() => {
            message.success('Đã ban hành định hướng chuyên đề');
            orientations.reload();
          }}
        />
      )}
      {declining && (
        <DeclineModal
          topic={declining}
          onClose={() => setDeclining(null)}
          onSaved={() => {
            message.success('Đã trả lời chi bộ: không chấp nhận');
            proposals.reload();
          }}
        />
      )}
    </div>
  );
}
