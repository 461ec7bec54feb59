import { describe, expect, it } from 'vitest';
import type { Organization } from '../../lib/types';
import { ORG_TABS } from './orgTabList';
import type { OrgTabFacts } from './orgTabs';

const facts = (kind: Organization['kind']): OrgTabFacts => ({
  organization: { kind } as Organization,
  user: null,
  canWrite: true,
  cell: kind === 'grassroots_cell' || kind === 'subordinate_cell',
  group: kind === 'party_group',
  membersVersion: 0,
  groupMembers: { members: null, error: undefined },
});
const shownFor = (kind: Organization['kind']) => ORG_TABS.filter((t) => t.shown?.(facts(kind)) ?? true).map((t) => t.key);

describe('the organisation page tabs', () => {
  it('have unique keys, the members first (the default, kept out of the address)', () => {
    const keys = ORG_TABS.map((t) => t.key);

    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('members');
  });

  it.each([
    ['commune_committee', ['members', 'documents', 'meetings']],
    ['subordinate_cell', ['members', 'documents', 'meetings']],
    ['party_group', ['members', 'documents']],
  ] as const)('offer %s the tabs %j', (kind, expected) => {
    expect(shownFor(kind)).toEqual(expected);
  });
});
