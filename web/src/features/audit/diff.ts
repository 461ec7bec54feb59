// Rows of a before/after comparison for the audit log: every key of either side, in a stable order.
export interface DiffRow {
  key: string;
  before: string;
  after: string;
  changed: boolean;
}

export function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'string') {
    // ISO dates read as dd/mm/yyyy.
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
  }
  return JSON.stringify(value, null, 1);
}

export function diffRows(before: Record<string, unknown> | null, after: Record<string, unknown> | null): DiffRow[] {
  const keys: string[] = [];
  for (const source of [before, after]) {
    for (const key of Object.keys(source ?? {})) if (!keys.includes(key)) keys.push(key);
  }
  return keys.map((key) => {
    const b = before ? show(before[key]) : '';
    const a = after ? show(after[key]) : '';
    return { key, before: b, after: a, changed: b !== a };
  });
}

// What a person reads of a change: an update shows only the fields that changed; a creation or a deletion (one side
// missing) shows everything it recorded.
export function changedRows(before: Record<string, unknown> | null, after: Record<string, unknown> | null): DiffRow[] {
  const rows = diffRows(before, after);
  return before && after ? rows.filter((r) => r.changed) : rows;
}

// Who did it and on what, as a person reads them: the account's name (its login when it has none) and the kind of
// record with the organisation it concerns ("Cuộc họp — Chi bộ Thôn Đông").
export function actorText(e: { username: string; user_display_name: string }): string {
  return e.user_display_name || e.username || '—';
}

export function subjectText(entityName: string, organizationName: string | null): string {
  return organizationName ? `${entityName} — ${organizationName}` : entityName;
}
