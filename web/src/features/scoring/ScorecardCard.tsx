import { useState } from 'react';
import { App, Button, Card, Collapse, Radio, Skeleton, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import ScorecardEditor from './ScorecardEditor';
import { LevelTag } from './MeetingScoring';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime, todayIso } from '../../lib/dates';
import { isCell } from '../../lib/labels';
import { formatTier, levelRules, METRIC_LABELS, scorecardKindLabel, scorecardSource, versionStatus } from './scorecard';
import { useApi } from '../../lib/useApi';
import type { Organization, Scorecard, ScorecardInput, ScorecardView } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

// The content of a scorecard: its blocks (each opens to its criteria and how computed ones are counted) and the
// level rules.
export function ScorecardDetails({ card, testId }: { card: ScorecardInput; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Collapse
        size="small"
        className="scorecard-blocks"
        items={card.blocks.map((b, i) => ({
          key: b.code || String(i),
          label: (
            <span className="scorecard-block-title">
              <span>
                {i + 1}. {b.label}
              </span>
              <b className="nowrap">{b.max_points} điểm</b>
            </span>
          ),
          children: (
            <ol className="scorecard-criteria">
              {b.criteria.map((c) => (
                <li key={c.code}>
                  <div className="scorecard-criterion-title">
                    <span>{c.label}</span> <b className="nowrap">{c.max_points} điểm</b>
                    {card.full_marks_for_good.includes(c.code) && <Tag color="green">Cần đủ điểm để xếp loại Tốt</Tag>}
                  </div>
                  {c.metric ? (
                    <div className="scorecard-criterion-rule">
                      <Tag color="cyan">Tự tính</Tag>
                      {METRIC_LABELS[c.metric]}
                      <ul className="scorecard-tiers">
                        {c.tiers.map((t, k) => (
                          <li key={k}>{formatTier(c.metric!, t)}</li>
                        ))}
                        {c.caps.map((cap, k) => (
                          <li key={`cap-${k}`}>
                            Tối đa {cap.points} điểm khi {METRIC_LABELS[cap.metric].toLowerCase()} từ {cap.at_least} trở
                            lên
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : (
                    <Typography.Text type="secondary">Chấm theo đánh giá</Typography.Text>
                  )}
                </li>
              ))}
            </ol>
          ),
        }))}
      />
      <ul className="plain-list scorecard-levels">
        {levelRules(card).map((r) => (
          <li key={r.level}>
            <LevelTag level={r.level} /> {r.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function versionTag(version: Scorecard, view: ScorecardView, viewed: 'regular' | 'thematic', today: string) {
  switch (versionStatus(version, view.in_force.id, viewed, today)) {
    case 'in_force':
      return <Tag color="red">Đang áp dụng</Tag>;
    case 'upcoming':
      return <Tag color="blue">Sắp áp dụng</Tag>;
    case 'replaced':
      return <Tag>Đã thay thế</Tag>;
    case null:
      return null;
  }
}

function KindTag({ kind, testId = 'scorecard-kind-tag' }: { kind: Scorecard['meeting_kind']; testId?: string }) {
  return (
    <Tag color={kind === 'thematic' ? 'purple' : kind === 'regular' ? 'blue' : 'default'} data-testid={testId}>
      {scorecardKindLabel(kind)}
    </Tag>
  );
}

type ViewedKind = 'regular' | 'thematic';

// "Phiếu đánh giá chất lượng sinh hoạt" of an organisation: the version in force for regular or (switched) thematic
// meetings and where it comes from; for a committee, the versions it set and (for writers) a new version for its
// subtree. Cells see theirs read-only.
export default function ScorecardCard({ organization, canWrite }: { organization: Organization; canWrite: boolean }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<ViewedKind>('regular');
  const { data, error, reload } = useApi<ScorecardView>(`/organizations/${organization.id}/scorecard`, { kind });
  const [editing, setEditing] = useState(false);
  const today = todayIso();
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
  const writable = !!data?.can_write && canWrite;
  const own = data?.in_force.organization_id === organization.id && data.in_force.id !== 0;

  return (
    <Card
      title="Phiếu đánh giá chất lượng sinh hoạt"
      className="section scorecard-card"
      size="small"
      data-testid="scorecard-card"
    >
      {/* In the body, not the card's head: beside the title it would cut the title short on a phone. */}
      {writable && (
        <div className="toolbar">
          <Button type="primary" icon={<PlusOutlined />} data-testid="scorecard-edit" onClick={() => setEditing(true)}>
            Lập phiếu mới
          </Button>
        </div>
      )}
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        size="large"
        value={kind}
        onChange={(e) => setKind(e.target.value as ViewedKind)}
        className="scorecard-kind-switch"
        aria-label="Phiếu áp dụng cho buổi sinh hoạt"
        data-testid="scorecard-viewed-kind"
      >
        <Radio.Button value="regular">Thường kỳ</Radio.Button>
        <Radio.Button value="thematic">Chuyên đề</Radio.Button>
      </Radio.Group>
      {error !== undefined ? (
        <LoadError error={error} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          <div className="scorecard-head">
            <Tag color={data.in_force.id === 0 ? 'default' : 'red'} data-testid="scorecard-source">
              {scorecardSource(data)}
              {own ? ' (tổ chức này)' : ''}
            </Tag>
            <div>
              <b data-testid="scorecard-name">{data.in_force.name}</b>
            </div>
            <div>
              Phiếu chấm các buổi sinh hoạt {kind === 'thematic' ? 'chuyên đề' : 'thường kỳ'}:{' '}
              <KindTag kind={data.in_force.meeting_kind} testId="scorecard-head-kind" />
            </div>
            <Typography.Text type="secondary">
              Áp dụng từ {formatDate(data.in_force.effective_from)} · tổng {data.in_force.total} điểm
            </Typography.Text>
          </div>
          <ScorecardDetails card={data.in_force} testId="scorecard-in-force" />
          {isCell(organization.kind) ? (
            <Typography.Paragraph type="secondary" className="scorecard-note">
              Phiếu do cấp ủy cấp trên ban hành. Chi bộ dùng phiếu này để tự chấm điểm từng buổi sinh hoạt (mục “Chấm
              điểm” của cuộc họp).
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph type="secondary" className="scorecard-note">
              Các chi bộ trực thuộc chấm điểm sinh hoạt theo phiếu này, trừ khi cấp ủy trực thuộc lập phiếu riêng.
            </Typography.Paragraph>
          )}
          {data.own_versions.length > 0 && (
            <>
              <Typography.Title level={5}>Các phiếu do tổ chức này lập</Typography.Title>
              <Collapse
                size="small"
                data-testid="scorecard-versions"
                items={[...data.own_versions]
                  .sort((a, b) =>
                    a.effective_from < b.effective_from ? 1 : a.effective_from > b.effective_from ? -1 : b.id - a.id,
                  )
                  .map((v) => ({
                    key: v.id,
                    label: (
                      <span data-testid="scorecard-version">
                        {versionTag(v, data, kind, today)} <KindTag kind={v.meeting_kind} /> <b>{v.name}</b> · áp dụng từ{' '}
                        {formatDate(v.effective_from)}
                        {v.created_by && (
                          <Typography.Text type="secondary">
                            {' '}
                            · {v.created_by}
                            {v.created_at ? `, ${formatDateTime(v.created_at)}` : ''}
                          </Typography.Text>
                        )}
                      </span>
                    ),
                    children: <ScorecardDetails card={v} />,
                  }))}
              />
            </>
          )}
        </>
      )}
      {editing && data && (
        <ScorecardEditor
          organization={organization}
          base={data.in_force}
          meetingKind={kind === 'thematic' ? 'thematic' : undefined}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            message.success(`Đã lưu phiếu đánh giá, áp dụng từ ${formatDate(saved.effective_from)}`);
            reload();
          }}
        />
      )}
    </Card>
  );
}
