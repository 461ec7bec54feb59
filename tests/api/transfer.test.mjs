// Moving an installation between engines (chibo copy) and backups (chibo backup / restore).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, vietnamDate } from '../lib/fixtures.mjs';
import { BIN, Client, ENGINE, freshDatabase, startServer } from '../lib/server.mjs';

const run = (...args) => spawnSync(BIN, args, { encoding: 'utf8' });
const onPostgres = ENGINE === 'postgres' ? false : 'needs the PostgreSQL run';
const today = () => vietnamDate();

test('copy SQLite → PostgreSQL → SQLite: resumable, verified, and the same system on the other side', { skip: onPostgres }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chibo-copy-'));
    try {
        const sqlitePath = join(dir, 'a.db');
        assert.equal(run('demo', '--db', sqlitePath).status, 0);
        const a = await startServer({ db: sqlitePath });
        const c = await signIn(a.base, 'xa.hoaan');
        const hoaAn = (await c.get('/api/v1/organizations/tree?depth=1')).json.roots[0];
        const [from, to] = [hoaAn.children[0], hoaAn.children[1]];
        const m = (await c.get(`/api/v1/members?organization_id=${from.id}&page_size=1`)).json.items[0];
        assert.equal((await c.post(`/api/v1/members/${m.id}/transfer`, { organization_id: to.id, date: today() })).status, 200);
        await a.stop();

        const pgUrl = freshDatabase(dir);
        const partial = run('copy', '--from', sqlitePath, '--to', pgUrl, '--batch-rows', '100', '--max-batches', '3');
        assert.equal(partial.status, 3, partial.stderr);
        assert.match(partial.stdout, /run the same command again/);
        const rest = run('copy', '--from', sqlitePath, '--to', pgUrl, '--batch-rows', '100');
        assert.equal(rest.status, 0, rest.stdout + rest.stderr);
        assert.match(rest.stdout, /copy verified/);
        assert.doesNotMatch(rest.stdout, /MISMATCH/);

        const b = await startServer({ db: pgUrl });
        try {
            const same = new Client(b.base);
            same.cookie = c.cookie;  // Sessions travel with the data: still signed in.
            same.csrf = c.csrf;
            const tree = await same.get('/api/v1/organizations/tree?depth=1');
            assert.equal(tree.status, 200);
            assert.deepEqual(tree.json.roots[0].children.map((x) => [x.name, x.member_count]),
                hoaAn.children.map((x) => [x.name, x.id === from.id ? x.member_count - 1 : x.id === to.id ? x.member_count + 1 : x.member_count]));
            const moved = await same.get(`/api/v1/members/${m.id}`);
            assert.equal(moved.json.organization_id, to.id);
            const created = await same.post('/api/v1/organizations', { parent_id: hoaAn.id, name: 'Chi bộ Sau Khi Chuyển', kind: 'subordinate_cell' });
            assert.equal(created.status, 201, created.text);  // Sequences continue after the copied ids.
        } finally {
            await b.stop();
        }

        const back = join(dir, 'back.db');
        const home = run('copy', '--from', pgUrl, '--to', back);
        assert.equal(home.status, 0, home.stdout + home.stderr);
        assert.match(home.stdout, /copy verified/);

        const refused = run('copy', '--from', sqlitePath, '--to', back);
        assert.equal(refused.status, 1);
        assert.match(refused.stderr, /đã có dữ liệu khác/);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});

test('backup while serving, restore, and a restore that does not match its manifest fails', async () => {
    const server = await startServer();
    const dir = mkdtempSync(join(tmpdir(), 'chibo-backup-'));
    try {
        const c = await signIn(server.base, 'xa.hoaan');
        const hoaAn = (await c.get('/api/v1/organizations/tree?depth=1')).json.roots[0];
        assert.equal((await c.post('/api/v1/organizations', { parent_id: hoaAn.id, name: 'Chi bộ Trước Sao Lưu', kind: 'subordinate_cell' })).status, 201);
        const file = join(dir, 'chibo.backup');
        const backup = run('backup', '--db', server.db, '--to', file);
        assert.equal(backup.status, 0, backup.stderr);
        assert.match(backup.stdout, /organizations\s+27/);
        assert.equal((await c.post('/api/v1/organizations', { parent_id: hoaAn.id, name: 'Chi bộ Sau Sao Lưu', kind: 'subordinate_cell' })).status, 201);
        await server.stop({ keep: true });

        const restore = run('restore', '--from', file, '--db', server.db);
        assert.equal(restore.status, 0, restore.stdout + restore.stderr);
        assert.match(restore.stdout, /verified/);
        const again = await startServer({ db: server.db });
        try {
            const d = await signIn(again.base, 'xa.hoaan');
            const names = (await d.get('/api/v1/organizations/tree?depth=1')).json.roots[0].children.map((x) => x.name);
            assert.ok(names.includes('Chi bộ Trước Sao Lưu'));
            assert.ok(!names.includes('Chi bộ Sau Sao Lưu'));
        } finally {
            await again.stop();
        }

        const manifest = readFileSync(`${file}.manifest`, 'utf8');
        writeFileSync(`${file}.manifest`, manifest.replace(/^organizations (\d+)/m, (_, n) => `organizations ${Number(n) + 1}`));
        const bad = run('restore', '--from', file, '--db', server.db);
        assert.equal(bad.status, 1);
        assert.match(bad.stderr, /không khớp/);
    } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(server.dir, { recursive: true, force: true });
    }
});
