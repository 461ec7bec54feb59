import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Empty, Select, Skeleton, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { countAlerts, groupAlerts } from './alerts';
import { ApiError } from '../../lib/api';
import { alertKindColor, alertKindLabel } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { AlertKind, ComplianceAlert, Organization } from '../../lib/types';
import { LoadError } from '../../ui/LoadFailure';

// A committee's page lists many cells: each shows its first alerts until opened, or all of them when filtered by kind.
const FIRST = 3;

// The link to what an alert is about: the meeting, the member, or the cell's calendar for a month not held.
function Evidence({ alert }: { alert: ComplianceAlert }) {
  if (alert.meeting_id !== null)
    return (
      <Link to={`/meetings/${alert.meeting_id}`} data-testid="alert-meeting-link">
        Xem cuộc họp
      </Link>
    );
  if (alert.member_id !== null)
    return (
      <Link to={`/members/${alert.member_id}`} data-testid="alert-member-link">
        Xem đảng viên
      </Link>
    );
  if (alert.month !== null)
    return (
      <Link to={`/organizations/${alert.organization_id}?tab=meetings`} data-testid="alert-calendar-link">
        Xem lịch sinh hoạt
      </Link>
    );
  return null;
}

// What needs attention now in the cells of the subtree (this calendar year): meetings not held or held badly, late
// papers, members to consider. Those who may not see it (plain members, outsiders) get nothing here.
export default function ComplianceAlerts({ organization }: { organization: Organization }) {
  const [kind, setKind] = useState<AlertKind | undefined>(undefined);
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const { data, error, loading } = useApi<{ items: ComplianceAlert[] }>(`/organizations/${organization.id}/alerts`);
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;

  const items = data?.items ?? [];
  const counts = countAlerts(items);
  const shown = kind ? items.filter((a) => a.kind === kind) : items;
  const groups = groupAlerts(shown);
  const whole = (id: number) => kind !== undefined || groups.length === 1 || opened.has(id);
  const toggle = (id: number) =>
    setOpened((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Card
      title={
        <span>
          <WarningOutlined /> Cảnh báo cần xử lý
        </span>
      }
      size="small"
      className="section alerts-card"
      data-testid="alerts-card"
    >
      {error !== undefined && <LoadError error={error} className="section" />}
      {!data && loading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          <div className="alerts-toolbar">
            <Select<AlertKind>
              aria-label="Lọc theo loại cảnh báo"
              className="alerts-filter"
              data-testid="alerts-filter"
              allowClear
              placeholder="Tất cả loại cảnh báo"
              value={kind}
              options={counts.map((c) => ({ value: c.kind, label: alertKindLabel(c.kind) }))}
              onChange={(value) => setKind(value ?? undefined)}
              disabled={items.length === 0}
            />
            <Typography.Text type="secondary" data-testid="alerts-total">
              {kind ? `${shown.length} / ${items.length} cảnh báo` : `${items.length} cảnh báo`}
            </Typography.Text>
          </div>
          {counts.length > 0 && (
            <div className="alerts-counts">
              {counts.map((c) => (
                <Tag
                  key={c.kind}
                  color={alertKindColor(c.kind)}
                  className={`alerts-count${kind === c.kind ? ' alerts-count-active' : ''}`}
                  data-testid="alerts-count"
                  data-kind={c.kind}
                  role="button"
                  tabIndex={0}
                  aria-pressed={kind === c.kind}
                  title={kind === c.kind ? 'Bỏ lọc' : `Chỉ xem: ${alertKindLabel(c.kind)}`}
                  onClick={() => setKind(kind === c.kind ? undefined : c.kind)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      setKind(kind === c.kind ? undefined : c.kind);
                    }
                  }}
                >
                  {alertKindLabel(c.kind)}: <b>{c.count}</b>
                </Tag>
              ))}
            </div>
          )}
          {groups.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={kind ? 'Không có cảnh báo loại này' : 'Không có cảnh báo nào trong năm nay'}
            />
          ) : (
            groups.map((g) => (
              <section key={g.organization_id} className="alert-group" data-testid="alert-group" data-org={g.organization_id}>
                <div className="alert-group-head">
                  <Link to={`/organizations/${g.organization_id}`} data-testid="alert-group-name">
                    {g.organization_name}
                  </Link>
                  <Typography.Text type="secondary"> · {g.items.length} cảnh báo</Typography.Text>
                </div>
                <ul className="alert-list">
                  {(whole(g.organization_id) ? g.items : g.items.slice(0, FIRST)).map((a, i) => (
                    <li
                      key={`${a.kind}-${a.meeting_id ?? ''}-${a.member_id ?? ''}-${a.month ?? ''}-${i}`}
                      className="alert-row"
                      data-testid="alert-row"
                      data-kind={a.kind}
                      data-org={a.organization_id}
                    >
                      <span className="alert-kind">
                        <Tag color={alertKindColor(a.kind)}>{alertKindLabel(a.kind)}</Tag>
                      </span>
                      <span className="alert-message" data-testid="alert-message">
                        {a.message}
                      </span>
                      <span className="alert-evidence">
                        <Evidence alert={a} />
                      </span>
                    </li>
                  ))}
                </ul>
                {kind === undefined && groups.length > 1 && g.items.length > FIRST && (
                  <Button
                    type="link"
                    size="small"
                    className="alert-group-more"
                    data-testid="alert-group-more"
                    aria-expanded={opened.has(g.organization_id)}
                    onClick={() => toggle(g.organization_id)}
                  >
                    {opened.has(g.organization_id) ? 'Thu gọn' : `Xem thêm ${g.items.length - FIRST} cảnh báo`}
                  </Button>
                )}
              </section>
            ))
          )}
        </>
      )}
    </Card>
  );
}
