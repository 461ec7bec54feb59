// PostgreSQL only: two chibo nodes on one database behind nginx configured from deploy/nginx. Sessions
// and writes cross nodes at once; a node killed mid-traffic costs no request; racing writes from both
// nodes leave exactly one winner.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, vietnamDate } from '../lib/fixtures.mjs';
import { BIN, Client, ENGINE, ROOT, freshDatabase, startServer } from '../lib/server.mjs';

const skip = ENGINE !== 'postgres' ? 'PostgreSQL runs only' : false;
let dir;
let a;
let b;
let nginx;
let lb;  // Base URL of nginx.

const freePort = () => new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});

async function startNginx(port) {
    const conf = readFileSync(join(ROOT, 'deploy', 'nginx', 'chibo.conf'), 'utf8')
        .replace('listen 80;', `listen 127.0.0.1:${port};`)
        .replace('127.0.0.1:8081', `127.0.0.1:${a.port}`)
        .replace('127.0.0.1:8082', `127.0.0.1:${b.port}`);
    assert.notEqual(conf.indexOf(String(a.port)), -1);
    writeFileSync(join(dir, 'chibo.conf'), conf);
    for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, t));
    writeFileSync(join(dir, 'nginx.conf'), `${process.getuid() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
    include ${dir}/chibo.conf;
}
`);
    const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
        try {
            if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
        } catch { /* starting */ }
        await new Promise((ok) => setTimeout(ok, 50));
    }
    throw new Error(`nginx did not start: ${readFileSync(join(dir, 'nginx-error.log'), 'utf8')}`);
}

before(async () => {
    if (skip) return;
    dir = mkdtempSync(join(tmpdir(), 'chibo-nodes-'));
    const db = freshDatabase(dir);
    assert.equal(spawnSync(BIN, ['demo', '--db', db]).status, 0);
    a = await startServer({ db, args: ['--trusted-proxy', '127.0.0.1'] });
    b = await startServer({ db, args: ['--trusted-proxy', '127.0.0.1'] });
    const port = await freePort();
    nginx = await startNginx(port);
    lb = `http://127.0.0.1:${port}`;
});

after(async () => {
    if (skip) return;
    if (nginx && nginx.exitCode === null) {
        nginx.kill('SIGTERM');
        await new Promise((ok) => nginx.once('exit', ok));
    }
    await a?.stop();
    await b?.stop();
    rmSync(dir, { recursive: true, force: true });
});

const on = (base, from) => Object.assign(new Client(base), { cookie: from.cookie, csrf: from.csrf });

test('a session started on one node is valid on the other and through nginx; logout ends it everywhere', { skip }, async () => {
    const viaA = new Client(a.base);
    assert.equal((await viaA.login('xa.hoaan')).status, 200);
    assert.equal((await on(b.base, viaA).get('/api/v1/auth/me')).json.user.username, 'xa.hoaan');
    assert.equal((await on(lb, viaA).get('/api/v1/auth/me')).status, 200);
    assert.equal((await on(b.base, viaA).post('/api/v1/auth/logout')).status, 204);
    assert.equal((await viaA.get('/api/v1/auth/me')).status, 401);
});

test('a write on node A shows on node B at once, with its counts', { skip }, async () => {
    const viaA = await signIn(a.base, 'xa.hoaan');
    const viaB = on(b.base, viaA);
    const hoaAn = (await viaB.get('/api/v1/organizations/tree?depth=1')).json.roots[0];
    const [from, to] = [hoaAn.children[2], hoaAn.children[3]];

    const created = await viaA.post('/api/v1/organizations', { parent_id: hoaAn.id, name: 'Chi bộ Hai Nút', kind: 'subordinate_cell' });
    assert.equal(created.status, 201);
    const m = (await viaB.get(`/api/v1/members?organization_id=${from.id}&page_size=1`)).json.items[0];
    const today = vietnamDate();
    assert.equal((await viaB.post(`/api/v1/members/${m.id}/transfer`, { organization_id: to.id, date: today })).status, 200);

    const seenOnA = (await viaA.get(`/api/v1/organizations/tree?root_id=${hoaAn.id}&depth=1`)).json.roots[0].children;
    assert.ok(seenOnA.some((c) => c.name === 'Chi bộ Hai Nút'));
    assert.equal(seenOnA.find((c) => c.id === from.id).member_count, from.member_count - 1);
    assert.equal(seenOnA.find((c) => c.id === to.id).member_count, to.member_count + 1);
    const seenOnB = (await viaB.get(`/api/v1/organizations/tree?root_id=${hoaAn.id}&depth=1`)).json.roots[0].children;
    assert.ok(seenOnB.some((c) => c.name === 'Chi bộ Hai Nút'));
});

test('a member added on node A counts on node B\'s dashboard at once', { skip }, async () => {
    const viaA = await signIn(a.base, 'xa.hoaan');
    const viaB = on(b.base, viaA);
    const hoaAn = (await viaB.get('/api/v1/organizations/tree?depth=1')).json.roots[0];
    const cell = hoaAn.children.find((c) => c.kind.endsWith('_cell'));
    const before = (await viaB.get(`/api/v1/organizations/${hoaAn.id}/dashboard`)).json.figures;
    const today = vietnamDate();
    const created = await viaA.post('/api/v1/members', {
        organization_id: cell.id, full_name: 'Đỗ Thị Hai Nút', sex: 'female', date_of_birth: '1995-03-04',
        status: 'probationary', admission_date: today,
    });
    assert.equal(created.status, 201, created.text);
    const after = (await viaB.get(`/api/v1/organizations/${hoaAn.id}/dashboard`)).json.figures;
    assert.equal(after.members_expected, before.members_expected + 1);
    const onA = (await viaA.get(`/api/v1/organizations/${hoaAn.id}/dashboard`)).json.figures;
    assert.deepEqual(onA, after);
});

test('racing writes from both nodes leave exactly one winner and no partial record', { skip }, async () => {
    const viaA = await signIn(a.base, 'xa.hoaan');
    const viaB = on(b.base, viaA);
    const cell = (await viaA.get('/api/v1/organizations/tree?depth=1')).json.roots[0].children[0];
    const body = (name) => ({ organization_id: cell.id, full_name: name, sex: 'male', date_of_birth: '1985-05-05',
        status: 'official', admission_date: '2010-01-01', official_date: '2011-01-01', party_card_number: '999888777666' });
    for (let round = 0; round < 3; round++) {
        const card = `99988877766${round}`;
        const results = await Promise.all([
            viaA.post('/api/v1/members', { ...body('Lê Văn Nhanh'), party_card_number: card }),
            viaB.post('/api/v1/members', { ...body('Lê Văn Chậm'), party_card_number: card }),
        ]);
        const statuses = results.map((r) => r.status).sort();
        assert.deepEqual(statuses, [201, 409], JSON.stringify(results.map((r) => r.json)));
    }
    const found = await viaA.get(`/api/v1/members?organization_id=${cell.id}&q=${encodeURIComponent('le van')}&page_size=200`);
    assert.equal(found.json.items.filter((x) => x.full_name === 'Lê Văn Nhanh' || x.full_name === 'Lê Văn Chậm').length, 3);
});

test('document numbers stay unique and gapless when both nodes register at once', { skip }, async () => {
    const viaA = await signIn(a.base, 'xa.hoaan');
    const viaB = on(b.base, viaA);
    const cell = (await viaA.get('/api/v1/organizations/tree?depth=1')).json.roots[0].children[4];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? viaA : viaB).post(`/api/v1/organizations/${cell.id}/documents`, { type: 'TB', title: `Thông báo ${i}` })));
    assert.deepEqual([...new Set(results.map((r) => r.status))], [201], JSON.stringify(results.find((r) => r.status !== 201)?.json));
    assert.deepEqual(results.map((r) => r.json.number).sort((x, y) => x - y), Array.from({ length: 40 }, (_, i) => i + 1));
    const texts = new Set(results.map((r) => r.json.number_text));
    assert.equal(texts.size, 40);
    // Notices (TB): a type the demo's meeting history does not use, so the register starts at 1.
    assert.ok(texts.has('01-TB/CB') && texts.has('40-TB/CB'));
});

test('killing one node mid-traffic: nginx sends every request to the other, none fails', { skip }, async () => {
    const user = new Client(lb);
    assert.equal((await user.login('xa.hoaan')).status, 200);
    const statuses = [];
    let sent = 0;
    const worker = async () => {
        while (sent < 400) {
            sent++;
            if (sent === 120) a.kill();  // SIGKILL: no goodbye, connections drop.
            const r = await user.get('/api/v1/organizations/tree?depth=1');
            statuses.push(r.status);
        }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    assert.equal(statuses.length, 400);
    assert.deepEqual([...new Set(statuses)], [200]);
    const created = await user.post('/api/v1/organizations',
        { parent_id: (await user.get('/api/v1/organizations/tree?depth=1')).json.roots[0].id, name: 'Chi bộ Sau Khi Mất Nút', kind: 'subordinate_cell' });
    assert.equal(created.status, 201);
    assert.equal((await fetch(`${a.base}/healthz`).catch(() => null)), null);
});
