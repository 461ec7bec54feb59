// Starts the real chibo binary on 127.0.0.1 with a fresh temporary database, for black-box tests.
// Only the process started here is ever stopped, by its PID.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAnswer } from './contract.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = process.env.CHIBO_BIN || join(ROOT, 'build', 'debug', 'chibo');
export const WEB_ROOT = process.env.CHIBO_WEB_ROOT || join(ROOT, 'web', 'dist');
export const DEMO_PASSWORD = 'chibo@2026';

function freePort() {
    return new Promise((ok, fail) => {
        const srv = createServer();
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => ok(port));
        });
        srv.on('error', fail);
    });
}

// The engine the suites run against: CHIBO_TEST_ENGINE=postgres uses the throwaway cluster at
// CHIBO_TEST_PG_URL (scripts/test.sh starts it), with a fresh database per server.
export const ENGINE = process.env.CHIBO_TEST_ENGINE || 'sqlite';
let databases = 0;

function pgAdmin() {
    const admin = new URL(process.env.CHIBO_TEST_PG_URL || '');
    if (!admin.port) throw new Error('CHIBO_TEST_PG_URL is not set: run the suites through make test');
    const user = admin.username || 'postgres';
    return {
        args: ['-h', admin.hostname, '-p', admin.port, '-U', user],
        url: (name) => `postgresql://${user}@${admin.hostname}:${admin.port}/${name}`,
    };
}

// A new empty database (PostgreSQL), or the path of one (SQLite, in `dir`). With `template`, the
// PostgreSQL database starts as a copy of that database.
export function freshDatabase(dir, { template } = {}) {
    if (ENGINE !== 'postgres') return join(dir, 'chibo.db');
    const pg = pgAdmin();
    const name = `chibo_api_${process.pid}_${databases++}`;
    for (let attempt = 1; ; attempt++) {
        const r = spawnSync('createdb', [...pg.args, ...(template ? ['-T', template] : []), name], { encoding: 'utf8' });
        if (r.status === 0) break;
        // Copying a template needs it idle: another suite may be copying it at this moment.
        if (!(template && /being accessed by other users/.test(r.stderr) && attempt < 50)) throw new Error(`createdb failed: ${r.stderr}`);
        spawnSync('sleep', ['0.2']);
    }
    return pg.url(name);
}

// The demo is loaded once per binary, day and engine, then copied for each server (`chibo demo`
// under ASan takes seconds; a copy takes milliseconds): SQLite keeps the loaded folder under
// build/test-demo/, PostgreSQL a template database in the test cluster. The key changes when the
// binary is rebuilt or the day changes (the demo's history is laid out around today).
function demoKey() {
    const bin = statSync(BIN);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    return createHash('sha256').update(`${BIN} ${bin.size} ${bin.mtimeMs} ${day}`).digest('hex').slice(0, 16);
}

function loadDemo(db) {
    const r = spawnSync(BIN, ['demo', '--db', db], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`chibo demo failed: ${r.stderr}`);
}

function demoDatabase(dir) {
    const key = demoKey();
    if (ENGINE === 'postgres') {
        const pg = pgAdmin();
        const template = `chibo_demo_${key}`;
        const exists = spawnSync('psql', [...pg.args, '-d', 'postgres', '-Atc', `SELECT 1 FROM pg_database WHERE datname = '${template}'`],
            { encoding: 'utf8' });
        if (exists.status !== 0) throw new Error(`psql failed: ${exists.stderr}`);
        if (exists.stdout.trim() !== '1') {
            const loading = freshDatabase(dir);
            loadDemo(loading);
            const name = new URL(loading).pathname.slice(1);
            const renamed = spawnSync('psql', [...pg.args, '-d', 'postgres', '-c', `ALTER DATABASE ${name} RENAME TO ${template}`],
                { encoding: 'utf8' });
            if (renamed.status !== 0) {  // Another suite loaded it first: use theirs.
                spawnSync('dropdb', [...pg.args, name]);
                if (!/already exists/.test(renamed.stderr)) throw new Error(`psql failed: ${renamed.stderr}`);
            }
        }
        return freshDatabase(dir, { template });
    }
    const cache = join(ROOT, 'build', 'test-demo');
    const loaded = join(cache, key);
    if (!existsSync(loaded)) {
        mkdirSync(cache, { recursive: true });
        for (const old of readdirSync(cache)) if (!old.startsWith(key)) rmSync(join(cache, old), { recursive: true, force: true });
        const loading = mkdtempSync(join(cache, `${key}.loading-`));
        loadDemo(join(loading, 'chibo.db'));
        try { renameSync(loading, loaded); } catch { rmSync(loading, { recursive: true, force: true }); }
    }
    cpSync(loaded, dir, { recursive: true });
    return join(dir, 'chibo.db');
}

// Starts a server. With { demo: true } (the default) the database holds the demo data. With { db }
// it serves an existing database instead (e.g. a second node on the same PostgreSQL database).
export async function startServer({ demo = true, db: existing, args = [] } = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'chibo-test-'));
    let db = existing;
    if (!db) db = demo && process.env.CHIBO_TEST_DEMO_COPY !== '0' ? demoDatabase(dir) : freshDatabase(dir);
    if (demo && !existing && process.env.CHIBO_TEST_DEMO_COPY === '0') loadDemo(db);
    const port = await freePort();
    // Uploaded files beside the database: SQLite's default (the file's name + ".files") already is; on
    // PostgreSQL the default is ./chibo-files, so every node of one test database shares a folder of
    // its own under the temporary directory instead of writing into the checkout.
    const files = db.startsWith('postgresql://') && !args.includes('--files')
        ? ['--files', join(tmpdir(), `chibo-test-files-${new URL(db).pathname.slice(1)}`)] : [];
    const child = spawn(BIN, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port),
        '--web-root', WEB_ROOT, ...files, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => { log += d; });
    child.stderr.on('data', (d) => { log += d; });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30000;
    for (;;) {
        if (child.exitCode !== null) throw new Error(`chibo exited early:\n${log}`);
        try {
            const r = await fetch(`${base}/healthz`);
            if (r.ok) break;
        } catch { /* not up yet */ }
        if (Date.now() > deadline) { child.kill('SIGTERM'); throw new Error(`chibo did not start:\n${log}`); }
        await new Promise((ok) => setTimeout(ok, 50));
    }
    return {
        base, db, dir, port, pid: child.pid,
        log: () => log,
        kill() { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); },
        // Stops the server; with { keep: true } its temporary folder (and SQLite file) stays.
        async stop({ keep = false } = {}) {
            if (child.exitCode === null && child.signalCode === null) {
                child.kill('SIGTERM');
                await new Promise((ok) => child.once('exit', ok));
            }
            if (!keep) rmSync(dir, { recursive: true, force: true });
        },
    };
}

// A small cookie-keeping client for the JSON API. Every answer is checked against the OpenAPI
// document (tests/lib/contract.mjs) before the test sees it; `undocumented: true` is for a test that
// calls a path or method the API deliberately does not have.
export class Client {
    constructor(base) { this.base = base; this.cookie = ''; this.csrf = ''; }

    async request(method, path, body, { csrf = true, undocumented = false } = {}) {
        const headers = { Accept: 'application/json' };
        if (this.cookie) headers.Cookie = this.cookie;
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        if (csrf && this.csrf && method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
        const r = await fetch(this.base + path, {
            method, headers, body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
        });
        const set = r.headers.get('set-cookie');
        if (set) this.cookie = set.split(';')[0];
        const text = await r.text();
        checkAnswer({ method, path, status: r.status, contentType: r.headers.get('content-type'), text, undocumented });
        let json = null;
        try { json = text ? JSON.parse(text) : null; } catch { json = null; }
        return { status: r.status, json, text, headers: r.headers };
    }

    async login(username, password = DEMO_PASSWORD) {
        const r = await this.request('POST', '/api/v1/auth/login', { username, password });
        if (r.status === 200) this.csrf = r.json.csrf_token;
        return r;
    }

    get(path) { return this.request('GET', path); }
    post(path, body) { return this.request('POST', path, body ?? {}); }
    put(path, body) { return this.request('PUT', path, body ?? {}); }
    del(path) { return this.request('DELETE', path); }
}
