// A user outside an organisation's subtree gets 404 and learns nothing; administrators only see
// users and the audit log of their own subtree.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoWorld, signIn } from '../lib/fixtures.mjs';
import { Client, startServer } from '../lib/server.mjs';

let server;
let hoaAnCommittee;
let tanLap;
let hoaAn;
let hoaAnMember;

before(async () => {
    server = await startServer();
    ({ commune: hoaAnCommittee, outsider: tanLap, hoaAn } = await demoWorld(server, ['outsider']));
    hoaAnMember = (await hoaAnCommittee.get('/api/v1/members?page_size=1')).json.items[0];
});
after(async () => { await server.stop(); });

test('another commune gets 404 for every read and write on Hòa An, with nothing leaked', async () => {
    const cellId = hoaAn.children[0].id;
    const attempts = [
        ['GET', `/api/v1/organizations/${hoaAn.id}`],
        ['GET', `/api/v1/organizations/${cellId}/positions`],
        ['GET', `/api/v1/organizations/tree?root_id=${hoaAn.id}`],
        ['GET', `/api/v1/members?organization_id=${hoaAn.id}`],
        ['GET', `/api/v1/members/${hoaAnMember.id}`],
        ['PUT', `/api/v1/organizations/${cellId}`, { name: 'Bị sửa', kind: 'subordinate_cell' }],
        ['POST', '/api/v1/organizations', { parent_id: hoaAn.id, name: 'Chi bộ lạ', kind: 'subordinate_cell' }],
        ['PUT', `/api/v1/members/${hoaAnMember.id}`, { full_name: 'Bị Sửa Tên', sex: 'male', date_of_birth: '1970-01-01', status: 'official' }],
        ['POST', `/api/v1/members/${hoaAnMember.id}/transfer`, { organization_id: cellId, date: '2026-01-01' }],
        ['POST', `/api/v1/organizations/${cellId}/merge`, { into_id: hoaAn.children[1].id, date: '2026-01-01' }],
    ];
    for (const [method, path, body] of attempts) {
        const r = await tanLap.request(method, path, body);
        assert.equal(r.status, 404, `${method} ${path} -> ${r.status} ${r.text}`);
        assert.ok(!r.text.includes('Hòa An'), `${method} ${path} leaked: ${r.text}`);
        assert.ok(!r.text.includes(hoaAnMember.full_name), `${method} ${path} leaked a name`);
    }
    const still = await hoaAnCommittee.get(`/api/v1/members/${hoaAnMember.id}`);
    assert.equal(still.json.full_name, hoaAnMember.full_name);
});

test('searching from another commune never returns Hòa An members', async () => {
    // Hòa An has Đặng Văn members; Tân Lập has none, so its search finds nothing at all.
    assert.ok((await hoaAnCommittee.get(`/api/v1/members?q=${encodeURIComponent('dang van')}`)).json.total > 0);
    const r = await tanLap.get(`/api/v1/members?q=${encodeURIComponent('dang van')}&page_size=200`);
    assert.equal(r.status, 200);
    assert.equal(r.json.total, 0);
    assert.ok(r.json.items.every((m) => !m.organization_name.includes('Hòa An') && m.organization_name !== 'Chi bộ Thôn Đông'));
    // A name both communes have: each finds only its own members.
    const own = (await tanLap.get('/api/v1/organizations/tree?depth=3')).json.roots[0];
    const ownIds = new Set();
    const collect = (node) => { ownIds.add(node.id); node.children.forEach(collect); };
    collect(own);
    const nguyen = await tanLap.get('/api/v1/members?q=nguyen&page_size=200');
    assert.ok(nguyen.json.items.length > 0, 'Tân Lập has members named Nguyễn');
    assert.ok(nguyen.json.items.every((m) => ownIds.has(m.organization_id)), JSON.stringify(nguyen.json.items.map((m) => m.organization_name)));
    const theirs = await hoaAnCommittee.get('/api/v1/members?q=nguyen&page_size=200');
    assert.ok(theirs.json.items.length > 0 && theirs.json.items.every((m) => !ownIds.has(m.organization_id)));
    const tree = await tanLap.get('/api/v1/organizations/tree');
    assert.equal(tree.json.roots.length, 1);
    assert.equal(tree.json.roots[0].name, 'Đảng bộ xã Tân Lập');
});

test('a secretary writes their own cell only', async () => {
    const secretary = await signIn(server.base, 'bithu.thondong');
    const own = hoaAn.children.find((c) => c.name === 'Chi bộ Thôn Đông');
    const other = hoaAn.children.find((c) => c.name === 'Chi bộ Thôn Đoài');
    assert.equal((await secretary.get(`/api/v1/organizations/${own.id}`)).status, 200);
    assert.equal((await secretary.get(`/api/v1/organizations/${other.id}`)).status, 404);
    assert.equal((await secretary.get(`/api/v1/organizations/${hoaAn.id}`)).status, 404);
    const created = await secretary.post('/api/v1/organizations', { parent_id: own.id, name: 'Tổ đảng số 4', kind: 'party_group' });
    assert.equal(created.status, 201);
    const sibling = await secretary.post('/api/v1/organizations', { parent_id: hoaAn.id, name: 'Chi bộ mới', kind: 'subordinate_cell' });
    assert.equal(sibling.status, 404);
});

test('users and the audit log are for administrators of the subtree', async () => {
    assert.equal((await hoaAnCommittee.get('/api/v1/users')).status, 403);
    assert.equal((await hoaAnCommittee.get('/api/v1/audit')).status, 403);
    assert.equal((await hoaAnCommittee.post('/api/v1/users', { username: 'x.y', password: '12345678', display_name: 'X' })).status, 403);

    const admin = await signIn(server.base, 'admin');
    const users = await admin.get('/api/v1/users');
    assert.equal(users.status, 200);
    assert.ok(users.json.items.some((u) => u.username === 'xa.tanlap'));
    assert.ok(users.json.items.every((u) => !('password_hash' in u)));

    const bad = await admin.post('/api/v1/users', { username: 'Có Dấu', password: '1', display_name: '' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.field, 'username');
    const short = await admin.post('/api/v1/users', { username: 'bithu.thondoai', password: '1234', display_name: 'Bí thư' });
    assert.equal(short.json.error.field, 'password');
    const dup = await admin.post('/api/v1/users', { username: 'xa.tanlap', password: '12345678', display_name: 'Trùng' });
    assert.equal(dup.status, 409);

    const created = await admin.post('/api/v1/users', { username: 'bithu.thondoai', password: 'matkhau-2026', display_name: 'Bí thư Thôn Đoài' });
    assert.equal(created.status, 201);
    const cellId = hoaAn.children.find((c) => c.name === 'Chi bộ Thôn Đoài').id;
    const wrongRole = await admin.post(`/api/v1/users/${created.json.id}/roles`, { role: 'secretary', organization_id: hoaAn.id });
    assert.equal(wrongRole.status, 400);
    const granted = await admin.post(`/api/v1/users/${created.json.id}/roles`, { role: 'secretary', organization_id: cellId });
    assert.equal(granted.status, 201);
    assert.equal(granted.json.roles[0].organization_name, 'Chi bộ Thôn Đoài');

    const newUser = new Client(server.base);
    assert.equal((await newUser.login('bithu.thondoai', 'matkhau-2026')).status, 200);
    assert.equal((await newUser.get(`/api/v1/organizations/${cellId}`)).json.can_write, true);

    const removed = await admin.del(`/api/v1/users/${created.json.id}/roles/${granted.json.roles[0].id}`);
    assert.equal(removed.status, 200);
    assert.equal(removed.json.roles.length, 0);
    assert.equal((await newUser.get(`/api/v1/organizations/${cellId}`)).status, 404);

    const tanLapCell = (await admin.get('/api/v1/organizations/tree?depth=2')).json.roots[0].children
        .find((c) => c.name === 'Đảng bộ xã Tân Lập').children[0];
    const half = await admin.post('/api/v1/users', { username: 'bithu.tanlap', password: 'matkhau-2026', display_name: 'Bí thư', role: 'secretary' });
    assert.equal(half.status, 400);
    assert.equal(half.json.error.field, 'organization_id');
    const atOnce = await admin.post('/api/v1/users',
        { username: 'bithu.tanlap', password: 'matkhau-2026', display_name: 'Bí thư', role: 'secretary', organization_id: tanLapCell.id });
    assert.equal(atOnce.status, 201);
    assert.equal(atOnce.json.roles[0].organization_name, tanLapCell.name);
    const listed = await admin.get('/api/v1/users?page_size=200');
    assert.ok(listed.json.items.some((u) => u.username === 'bithu.tanlap'));

    const audit = await admin.get('/api/v1/audit?page_size=200');
    const actions = audit.json.items.map((e) => e.action);
    for (const a of ['user.create', 'user.add_role', 'user.remove_role', 'auth.login']) assert.ok(actions.includes(a), a);
});
