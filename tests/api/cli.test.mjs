// The command line: help for each command, migrate, demo on a used database, user add.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, Client, WEB_ROOT, startServer } from '../lib/server.mjs';

const run = (...args) => spawnSync(BIN, args, { encoding: 'utf8' });
let dir;
before(() => { dir = mkdtempSync(join(tmpdir(), 'chibo-cli-')); });
after(() => { rmSync(dir, { recursive: true, force: true }); });

test('--help describes every command', () => {
    const top = run('--help');
    assert.equal(top.status, 0);
    for (const command of ['serve', 'migrate', 'demo', 'user', 'routes']) assert.match(top.stdout, new RegExp(command));
    assert.match(run('serve', '--help').stdout, /--port/);
    assert.match(run('demo', '--help').stdout, /--db/);
    assert.match(run('user', 'add', '--help').stdout, /--organization-id/);
    assert.notEqual(run('frobnicate').status, 0);
});

test('migrate creates the schema; demo refuses a database that has data', () => {
    const db = join(dir, 'm.db');
    const migrate = run('migrate', '--db', db);
    assert.equal(migrate.status, 0, migrate.stderr);
    assert.match(migrate.stdout, /SQLite database is at schema version [1-9]/);
    assert.equal(run('demo', '--db', db).status, 0);
    const again = run('demo', '--db', db);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /đã có dữ liệu/);
    const unwritable = run('migrate', '--db', '/nonexistent-dir/x.db');
    assert.equal(unwritable.status, 1);
});

test('user add creates an account that can sign in with its role', async () => {
    const server = await startServer();
    try {
        const bad = spawnSync(BIN, ['user', 'add', '--db', server.db, '--username', 'X Y', '--password', 'matkhau-2026',
            '--display-name', 'Sai', '--organization-id', '2'], { encoding: 'utf8' });
        assert.equal(bad.status, 1);
        assert.match(bad.stderr, /username/);
        const ok = spawnSync(BIN, ['user', 'add', '--db', server.db, '--username', 'tinh.thanhlam', '--password', 'matkhau-2026',
            '--display-name', 'Ban Tổ chức Tỉnh ủy', '--role', 'committee', '--organization-id', '1'], { encoding: 'utf8' });
        assert.equal(ok.status, 0, ok.stderr);
        const c = new Client(server.base);
        const login = await c.login('tinh.thanhlam', 'matkhau-2026');
        assert.equal(login.status, 200);
        assert.equal(login.json.user.roles[0].role, 'committee');
        const tree = await c.get('/api/v1/organizations/tree?depth=1');
        assert.equal(tree.json.roots[0].name, 'Đảng bộ tỉnh Thanh Lam');
        assert.equal(tree.json.roots[0].children.length, 3);
    } finally {
        await server.stop();
    }
});

test('serve reads its options from a config file', async () => {
    const db = join(dir, 'config.db');
    assert.equal(run('demo', '--db', db).status, 0);
    const port = 20000 + (process.pid % 20000);
    const config = join(dir, 'chibo.toml');
    writeFileSync(config, `# chibo node\n[serve]\ndb = "${db}"\nhost = "127.0.0.1"\nport = ${port}\nweb-root = "${WEB_ROOT}"\n`);
    const child = spawn(BIN, ['--config', config, 'serve'], { stdio: 'ignore' });
    try {
        let ok = false;
        for (let i = 0; i < 100 && !ok; i++) {
            ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
            if (!ok) await new Promise((r) => setTimeout(r, 100));
        }
        assert.ok(ok, 'the server did not come up on the configured port');
        const c = new Client(`http://127.0.0.1:${port}`);
        assert.equal((await c.login('admin')).status, 200);
    } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
    }
});
