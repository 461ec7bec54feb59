// PostgreSQL only: the database going away gives a clean 503 in Vietnamese, nothing half-written, and
// the server recovers by itself when the database comes back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkedFetch } from '../lib/contract.mjs';
import { BIN, Client, ENGINE, ROOT, startServer } from '../lib/server.mjs';

const skip = ENGINE !== 'postgres' ? 'PostgreSQL runs only' : false;
const pg = (...args) => spawnSync('bash', [join(ROOT, 'scripts', 'pg.sh'), ...args], { encoding: 'utf8' });
let dir;
let port;
let server;

const freePort = () => new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});

before(async () => {
    if (skip) return;
    dir = mkdtempSync(join(tmpdir(), 'chibo-pg-down-'));
    port = await freePort();
    assert.equal(pg('start', dir, String(port)).status, 0);
    assert.equal(pg('createdb', dir, String(port), 'chibo').status, 0);
    const url = `postgresql://postgres@127.0.0.1:${port}/chibo`;
    assert.equal(spawnSync(BIN, ['demo', '--db', url]).status, 0);
    server = await startServer({ db: url });
});

after(async () => {
    if (skip) return;
    await server?.stop();
    pg('stop', dir);
    rmSync(dir, { recursive: true, force: true });
});

test('a database outage is a 503 with a Vietnamese message, and the server recovers', { skip }, async () => {
    const c = new Client(server.base);
    assert.equal((await c.login('xa.hoaan')).status, 200);
    const tree = await c.get('/api/v1/organizations/tree?depth=1');
    const hoaAn = tree.json.roots[0];

    assert.equal(pg('stop', dir).status, 0);
    const read = await c.get('/api/v1/organizations/tree?depth=1');
    assert.equal(read.status, 503);
    assert.equal(read.json.error.code, 'unavailable');
    assert.match(read.json.error.message, /Cơ sở dữ liệu tạm thời không truy cập được/);
    const write = await c.post('/api/v1/organizations', { parent_id: hoaAn.id, name: 'Chi bộ Lúc Mất Điện', kind: 'subordinate_cell' });
    assert.equal(write.status, 503);
    assert.equal((await checkedFetch(`${server.base}/healthz`)).status, 200);

    assert.equal(pg('start', dir, String(port)).status, 0);
    const again = await c.get('/api/v1/organizations/tree?depth=1');
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.roots[0].children.length, 12);
    assert.ok(!again.json.roots[0].children.some((x) => x.name === 'Chi bộ Lúc Mất Điện'));
    const created = await c.post('/api/v1/organizations', { parent_id: hoaAn.id, name: 'Chi bộ Sau Sự Cố', kind: 'subordinate_cell' });
    assert.equal(created.status, 201);
});
