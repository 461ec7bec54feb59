// Sign-in, sessions, CSRF and throttling against the real binary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkedFetch } from '../lib/contract.mjs';
import { signIn } from '../lib/fixtures.mjs';
import { Client, startServer } from '../lib/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('login sets an HttpOnly SameSite session cookie and returns the user', async () => {
    const c = new Client(server.base);
    const r = await c.login('xa.hoaan');
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie');
    assert.match(cookie, /^chibo_session=[0-9a-f]{64};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.equal(r.json.user.username, 'xa.hoaan');
    assert.equal(r.json.user.roles[0].role, 'committee');
    assert.equal(r.json.user.roles[0].organization_name, 'Đảng bộ xã Hòa An');
    const me = await c.get('/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.json.csrf_token, c.csrf);
});

test('a wrong password is 401 with a Vietnamese message, and no session', async () => {
    const c = new Client(server.base);
    const r = await c.login('xa.hoaan', 'sai-mat-khau');
    assert.equal(r.status, 401);
    assert.equal(r.json.error.code, 'unauthenticated');
    assert.equal(r.json.error.message, 'Sai tên đăng nhập hoặc mật khẩu.');
    assert.equal(r.headers.get('set-cookie'), null);
    assert.equal((await c.get('/api/v1/auth/me')).status, 401);
});

test('an empty username names the field', async () => {
    const c = new Client(server.base);
    const r = await c.request('POST', '/api/v1/auth/login', { username: '', password: 'x' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'username');
});

test('writes without the CSRF token are refused and write nothing', async () => {
    const c = await signIn(server.base, 'xa.hoaan');
    const tree = await c.get('/api/v1/organizations/tree?depth=1');
    const cell = tree.json.roots[0].children[0];
    const r = await c.request('POST', '/api/v1/organizations',
        { parent_id: tree.json.roots[0].id, name: 'Chi bộ CSRF', kind: 'subordinate_cell' }, { csrf: false });
    assert.equal(r.status, 403);
    assert.match(r.json.error.message, /CSRF/);
    const after = await c.get('/api/v1/organizations/tree?depth=1');
    assert.equal(after.json.roots[0].children.length, tree.json.roots[0].children.length);
    assert.ok(cell.id > 0);
});

test('logout ends the session on the server', async () => {
    const c = await signIn(server.base, 'xa.hoaan');
    const saved = c.cookie;
    const r = await c.post('/api/v1/auth/logout');
    assert.equal(r.status, 204);
    c.cookie = saved;  // Replaying the old cookie must not work.
    assert.equal((await c.get('/api/v1/auth/me')).status, 401);
});

test('five wrong passwords lock the name out with 429, even for the right password', async () => {
    const c = new Client(server.base);
    for (let i = 0; i < 5; i++) assert.equal((await c.login('xa.tanlap', 'wrong-' + i)).status, 401);
    const locked = await c.login('xa.tanlap');
    assert.equal(locked.status, 429);
    assert.match(locked.json.error.message, /thử lại sau/);
});

test('protected routes need a session', async () => {
    for (const path of ['/api/v1/organizations/tree', '/api/v1/members', '/api/v1/users', '/api/v1/audit']) {
        const r = await checkedFetch(server.base + path);
        assert.equal(r.status, 401, path);
        assert.equal((await r.json()).error.code, 'unauthenticated');
    }
});
