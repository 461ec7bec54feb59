import { ALERT_KINDS } from '../../lib/labels';
import type { AlertKind, ComplianceAlert } from '../../lib/types';

export interface AlertGroup {
  organization_id: number;
  organization_name: string;
  items: ComplianceAlert[];
}

// The alerts grouped by cell, cells in the server's (tree) order and each cell's alerts in the server's order.
export function groupAlerts(alerts: ComplianceAlert[]): AlertGroup[] {
  const groups = new Map<number, AlertGroup>();
  for (const a of alerts) {
    let group = groups.get(a.organization_id);
    if (!group) {
      group = { organization_id: a.organization_id, organization_name: a.organization_name, items: [] };
      groups.set(a.organization_id, group);
    }
    group.items.push(a);
  }
  return [...groups.values()];
}

// How many alerts of each kind, the kinds present only, in the order of docs/api.md (unknown kinds last).
export function countAlerts(alerts: ComplianceAlert[]): { kind: AlertKind; count: number }[] {
  const counts = new Map<AlertKind, number>();
  for (const a of alerts) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const rank = (k: AlertKind) => {
    const i = ALERT_KINDS.indexOf(k);
    return i < 0 ? ALERT_KINDS.length : i;
  };
  return [...counts.entries()].map(([kind, count]) => ({ kind, count })).sort((a, b) => rank(a.kind) - rank(b.kind));
}
