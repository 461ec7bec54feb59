import { describe, expect, it } from 'vitest';
import type { Organization, User } from '../../lib/types';
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
    ['commune_committee', ['members', 'documents', 'meetings', 'topics', 'visits']],
    ['subordinate_cell', ['members', 'documents', 'meetings', 'topics', 'superior-visits']],
    ['party_group', ['members', 'documents']],
  ] as const)('offer %s the tabs %j', (kind, expected) => {
    expect(shownFor(kind)).toEqual(expected);
  });

  it('offer how the meetings were scored to those who read the subtree, not to plain members', () => {
    const organization = { id: 7, kind: 'commune_committee', path: [{ id: 1 }, { id: 7 }] } as unknown as Organization;
    const as = (role: string, on: number) =>
      ORG_TABS.filter(
        (t) =>
          t.shown?.({
            ...facts('commune_committee'),
            organization,
            user: { roles: [{ role, organization_id: on }] } as unknown as User,
          }) ?? true,
      ).map((t) => t.key);

    expect(as('committee', 1)).toContain('scores');
    expect(as('committee', 7)).toContain('scores');
    expect(as('member', 7)).not.toContain('scores');
    expect(as('committee', 9)).not.toContain('scores');
  });
});
