// The organisation tree: browse, create, edit, move, merge, positions; wrong input writes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoWorld, TODAY } from '../lib/fixtures.mjs';
import { Client, startServer } from '../lib/server.mjs';

let server;
let commune;  // Client signed in as the Hòa An committee.
let hoaAn;    // Tree node of Đảng bộ xã Hòa An.
let admin;    // Reads the audit log (signed in once: each sign-in is itself audited).

before(async () => {
    server = await startServer();
    ({ commune, admin, hoaAn } = await demoWorld(server, ['admin']));
});
after(async () => { await server.stop(); });

const cellNamed = async (name) => {
    const tree = await commune.get(`/api/v1/organizations/tree?root_id=${hoaAn.id}&depth=1&include_dissolved=true`);
    return tree.json.roots[0].children.find((c) => c.name === name);
};

const auditTotal = async () => {
    return (await admin.get('/api/v1/audit?page_size=1')).json.total;
};

test('the commune sees its 12 cells in Vietnamese order with 398 members', async () => {
    assert.equal(hoaAn.name, 'Đảng bộ xã Hòa An');
    assert.equal(hoaAn.member_count, 398);
    assert.equal(hoaAn.children.length, 12);
    const names = hoaAn.children.map((c) => c.name);
    const sorted = [...names].sort(new Intl.Collator('vi').compare);
    assert.deepEqual(names, sorted);
    assert.ok(names.includes('Chi bộ Thôn Đông'));
    const kinds = new Set(hoaAn.children.map((c) => c.category));
    for (const k of ['village', 'residential_group', 'agency']) assert.ok(kinds.has(k), k);
});

test('a cell shows counts, leaders, party groups and rule warnings', async () => {
    const thonDong = await cellNamed('Chi bộ Thôn Đông');
    const r = await commune.get(`/api/v1/organizations/${thonDong.id}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.path.map((p) => p.name), ['Đảng bộ tỉnh Thanh Lam', 'Đảng bộ xã Hòa An', 'Chi bộ Thôn Đông']);
    assert.equal(r.json.party_groups.length, 3);
    assert.ok(r.json.party_groups.every((g) => g.leader && g.member_count > 0));
    assert.equal(r.json.leaders[0].position, 'secretary');
    assert.ok(r.json.leaders.some((l) => l.position === 'committee_member'));
    assert.equal(r.json.can_write, true);

    const group = r.json.party_groups[0];
    const groupMembers = await commune.get(`/api/v1/members?organization_id=${group.id}&page_size=200`);
    assert.equal(groupMembers.json.total, group.member_count);
    assert.ok(groupMembers.json.items.every((m) => m.party_group_id === group.id));
    const groupDetail = await commune.get(`/api/v1/organizations/${group.id}`);
    assert.equal(groupDetail.json.counts.on_roll, group.member_count);
    assert.equal(r.json.counts.on_roll, thonDong.member_count);

    const quanSu = await commune.get(`/api/v1/organizations/${(await cellNamed('Chi bộ Quân sự')).id}`);
    assert.ok(quanSu.json.counts.official < 9);
    assert.ok(!quanSu.json.leaders.some((l) => l.position === 'committee_member'));

    const yTe = await commune.get(`/api/v1/organizations/${(await cellNamed('Chi bộ Trạm Y tế')).id}`);
    assert.ok(yTe.json.warnings.some((w) => w.code === 'committee_required'), JSON.stringify(yTe.json.warnings));
});

test('creating an organisation with bad fields names each field and writes nothing', async () => {
    const before = await auditTotal();
    const cases = [
        [{ parent_id: hoaAn.id, name: '', kind: 'subordinate_cell' }, 'name'],
        [{ parent_id: hoaAn.id, name: 'Chi bộ X', kind: 'district' }, 'kind'],
        [{ parent_id: hoaAn.id, name: 'Chi bộ X', kind: 'province' }, 'kind'],
        [{ parent_id: hoaAn.id, name: 'Chi bộ X', kind: 'subordinate_cell', category: 'castle' }, 'category'],
        [{ parent_id: hoaAn.id, name: 'Chi bộ X', kind: 'subordinate_cell', valid_from: '2025-02-30' }, 'valid_from'],
        [{ parent_id: 'abc', name: 'Chi bộ X', kind: 'subordinate_cell' }, 'parent_id'],
        [{ name: 'Chi bộ X', kind: 'subordinate_cell' }, 'parent_id'],
    ];
    for (const [body, field] of cases) {
        const r = await commune.post('/api/v1/organizations', body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.json.error.field, field, JSON.stringify(body));
        assert.ok(r.json.error.message.length > 5);
    }
    const junk = await commune.request('POST', '/api/v1/organizations', '{not json');
    assert.equal(junk.status, 400);
    assert.equal(await auditTotal(), before);
    assert.equal((await cellNamed('Chi bộ X')), undefined);
});

test('create, edit and move an organisation; each write is audited', async () => {
    const before = await auditTotal();
    const created = await commune.post('/api/v1/organizations',
        { parent_id: hoaAn.id, name: '  Chi bộ   Thôn Mới ', kind: 'subordinate_cell', category: 'village' });
    assert.equal(created.status, 201);
    assert.equal(created.json.name, 'Chi bộ Thôn Mới');
    const id = created.json.id;

    const edited = await commune.put(`/api/v1/organizations/${id}`,
        { name: 'Chi bộ Thôn Mới Lập', kind: 'subordinate_cell', category: 'village', address: 'Thôn Mới' });
    assert.equal(edited.status, 200);
    assert.equal(edited.json.address, 'Thôn Mới');

    const group = await commune.post('/api/v1/organizations', { parent_id: id, name: 'Tổ đảng số 1', kind: 'party_group' });
    assert.equal(group.status, 201);
    const other = await cellNamed('Chi bộ Thôn Bắc');
    const moved = await commune.post(`/api/v1/organizations/${group.json.id}/move`, { parent_id: other.id });
    assert.equal(moved.status, 200);
    assert.deepEqual(moved.json.path.map((p) => p.name).slice(-2), ['Chi bộ Thôn Bắc', 'Tổ đảng số 1']);

    const intoItself = await commune.post(`/api/v1/organizations/${id}/move`, { parent_id: id });
    assert.equal(intoItself.status, 400);
    assert.equal(await auditTotal(), before + 4);
});

test('a name a current sibling bears is refused on create, rename and move; nothing is written', async () => {
    const created = await commune.post('/api/v1/organizations',
        { parent_id: hoaAn.id, name: 'Chi bộ Thôn Tách Mới', kind: 'subordinate_cell', category: 'village' });
    assert.equal(created.status, 201);
    const group = await commune.post('/api/v1/organizations',
        { parent_id: created.json.id, name: 'Tổ đảng số 1', kind: 'party_group' });
    assert.equal(group.status, 201);
    const thonDong = await cellNamed('Chi bộ Thôn Đông');  // Has Tổ đảng số 1 to 3.
    const before = await auditTotal();

    const refusals = [
        [await commune.post('/api/v1/organizations',
            { parent_id: hoaAn.id, name: '  chi bộ   THÔN ĐÔNG ', kind: 'subordinate_cell' }), 'Đảng bộ xã Hòa An'],
        [await commune.put(`/api/v1/organizations/${created.json.id}`,
            { name: 'Chi bộ thôn đông', kind: 'subordinate_cell', category: 'village', address: '' }), 'Đảng bộ xã Hòa An'],
        [await commune.post(`/api/v1/organizations/${group.json.id}/move`, { parent_id: thonDong.id }), 'Chi bộ Thôn Đông'],
    ];
    for (const [r, parent] of refusals) {
        assert.equal(r.status, 409, JSON.stringify(r.json));
        assert.equal(r.json.error.code, 'conflict');
        assert.equal(r.json.error.field, 'name');
        assert.equal(r.json.error.message, `Đã có tổ chức cùng tên trực thuộc ${parent}.`);
    }
    assert.equal(await auditTotal(), before);
    assert.equal((await commune.get(`/api/v1/organizations/${created.json.id}`)).json.name, 'Chi bộ Thôn Tách Mới');
    assert.equal((await commune.get(`/api/v1/organizations/${group.json.id}`)).json.parent_id, created.json.id);
    const names = (await commune.get(`/api/v1/organizations/tree?root_id=${hoaAn.id}&depth=1`)).json.roots[0].children
        .map((c) => c.name.toLowerCase());
    assert.equal(names.filter((n) => n === 'chi bộ thôn đông').length, 1);

    // Diacritics make another name: Thôn Dong is not Thôn Đông.
    const dong = await commune.post('/api/v1/organizations', { parent_id: hoaAn.id, name: 'Chi bộ Thôn Dong', kind: 'subordinate_cell' });
    assert.equal(dong.status, 201);
});

test('positions: a chi ủy is refused in a cell below nine official members', async () => {
    const quanSu = await cellNamed('Chi bộ Quân sự');
    const members = await commune.get(`/api/v1/members?organization_id=${quanSu.id}`);
    const member = members.json.items.find((m) => m.status === 'official');
    const r = await commune.post(`/api/v1/organizations/${quanSu.id}/positions`,
        { member_id: member.id, position: 'committee_member', term_start: '2025-07-15' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'position');
    assert.match(r.json.error.message, /dưới 9 đảng viên chính thức/);

    const thonNam = await cellNamed('Chi bộ Thôn Nam');
    const detail = await commune.get(`/api/v1/organizations/${thonNam.id}`);
    const holders = new Set(detail.json.leaders.map((l) => l.member_id));
    const candidates = await commune.get(`/api/v1/members?organization_id=${thonNam.id}&status=official`);
    const free = candidates.json.items.find((m) => !holders.has(m.id));
    const added = await commune.post(`/api/v1/organizations/${thonNam.id}/positions`,
        { member_id: free.id, position: 'committee_member', term_start: '2025-07-15' });
    assert.equal(added.status, 201);
    const ended = await commune.post(`/api/v1/positions/${added.json.id}/end`, { date: '2025-12-31' });
    assert.equal(ended.status, 200);
    assert.equal(ended.json.term_end, '2025-12-31');

    // The cell's positions: the current ones are its leaders; the ended one only with include_ended.
    const current = await commune.get(`/api/v1/organizations/${thonNam.id}/positions`);
    assert.equal(current.status, 200);
    assert.deepEqual(current.json.items.map((p) => p.id).sort(), detail.json.leaders.map((l) => l.id).sort());
    const all = await commune.get(`/api/v1/organizations/${thonNam.id}/positions?include_ended=true`);
    assert.deepEqual(all.json.items.find((p) => p.id === added.json.id), ended.json);
});

test('merging two cells moves the members and keeps the history', async () => {
    const source = await cellNamed('Chi bộ Thôn Đồng Tâm');
    const target = await cellNamed('Chi bộ Thôn Trung');
    const sourceMembers = (await commune.get(`/api/v1/members?organization_id=${source.id}&page_size=200`)).json.items;
    const today = TODAY;

    const bad = await commune.post(`/api/v1/organizations/${source.id}/merge`, { into_id: hoaAn.id, date: today });
    assert.equal(bad.status, 400);

    const r = await commune.post(`/api/v1/organizations/${source.id}/merge`, { into_id: target.id, date: today });
    assert.equal(r.status, 200);
    assert.equal(r.json.id, target.id);
    assert.equal(r.json.counts.on_roll, target.member_count + source.member_count);

    const gone = await commune.get(`/api/v1/organizations/${source.id}`);
    assert.equal(gone.json.merged_into_id, target.id);
    assert.equal(gone.json.valid_to, today);
    assert.equal(gone.json.can_write, false);
    const member = await commune.get(`/api/v1/members/${sourceMembers[0].id}`);
    assert.equal(member.json.organization_id, target.id);
    const history = member.json.memberships;
    assert.equal(history.at(-2).organization_name, 'Chi bộ Thôn Đồng Tâm');
    assert.equal(history.at(-2).end_date, today);
    assert.equal(history.at(-1).reason, 'Sáp nhập từ Chi bộ Thôn Đồng Tâm');

    const tree = await commune.get(`/api/v1/organizations/tree?root_id=${hoaAn.id}&depth=1`);
    assert.ok(!tree.json.roots[0].children.some((c) => c.id === source.id));
});
