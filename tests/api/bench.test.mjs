// The dashboard benchmark as a correctness check (not timed): the commune dataset, generated through the
// store, gives identical D1–D3 figures from the statistics engine and from SQL on SQLite — and, in the
// PostgreSQL run, from SQL on PostgreSQL after `chibo copy`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ENGINE, freshDatabase } from '../lib/server.mjs';

const run = (...args) => spawnSync(BIN, args, { encoding: 'utf8', timeout: 600000 });
let dir;
before(() => { dir = mkdtempSync(join(tmpdir(), 'chibo-bench-')); });
after(() => { rmSync(dir, { recursive: true, force: true }); });

test('the commune dataset has the scale of performance.md and the same figures three ways', () => {
    const db = join(dir, 'commune.db');
    const generated = run('bench', 'generate', '--scale', 'commune', '--seed', '7', '--db', db);
    assert.equal(generated.status, 0, generated.stderr);
    const counts = generated.stdout.match(/(\d+) cells, (\d+) members, (\d+) meetings, (\d+) attendance rows/);
    assert.ok(counts, generated.stdout);
    const [, cells, members, meetings, attendance] = counts.map(Number);
    assert.equal(cells, 12);
    assert.equal(members, 398);
    assert.ok(meetings > 170 && meetings < 200, `about 190 meetings, got ${meetings}`);
    assert.ok(attendance > 5500 && attendance < 6600, `about 6k attendance rows, got ${attendance}`);
    // The indexes dropped for the load are all built again: the same as a freshly migrated database's.
    const indexes = (file) => spawnSync('sqlite3', [file, "SELECT group_concat(sql, ';') FROM (SELECT sql FROM " +
        "sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)"], { encoding: 'utf8' }).stdout;
    const fresh = join(dir, 'fresh.db');
    assert.equal(run('migrate', '--db', fresh).status, 0);
    assert.match(indexes(fresh), /meeting_attendance_member/);
    assert.equal(indexes(db), indexes(fresh));
    // The database must be empty, the scale known.
    assert.notEqual(run('bench', 'generate', '--scale', 'commune', '--db', db).status, 0);
    assert.notEqual(run('bench', 'generate', '--scale', 'city', '--db', join(dir, 'x.db')).status, 0);

    const args = ['bench', 'dashboard', '--db', db, '--check'];
    if (ENGINE === 'postgres') {
        const pg = freshDatabase(dir);
        const copied = run('copy', '--from', db, '--to', pg);
        assert.equal(copied.status, 0, copied.stderr);
        args.push('--pg', pg);
    }
    const checked = run(...args);
    assert.equal(checked.status, 0, checked.stderr);
    const identical = checked.stdout.match(/Figures identical across the engine and (.*): (\d+) comparisons/);
    assert.ok(identical, checked.stdout);
    assert.equal(identical[1], ENGINE === 'postgres' ? 'SQL on SQLite and PostgreSQL' : 'SQL on SQLite');
    // Three nodes (province, commune, cell) × three periods: D1 and D3 each, D2 for the province's one
    // commune and the commune's 12 cells — per SQL engine.
    const perEngine = 3 * 3 * 2 + 3 * (1 + 12);
    assert.equal(Number(identical[2]), perEngine * (ENGINE === 'postgres' ? 2 : 1));
});

test('a timed run prints the table BENCHMARKS.md records', () => {
    const db = join(dir, 'timed.db');
    assert.equal(run('bench', 'generate', '--scale', 'commune', '--db', db).status, 0);
    const timed = run('bench', 'dashboard', '--db', db, '--engine-runs', '5', '--sql-runs', '1');
    assert.equal(timed.status, 0, timed.stderr);
    assert.match(timed.stdout, /\| query \| node \| period \| engine p50 \/ p95 \(ms\) \| SQLite p50 \/ p95 \(ms\) \|/);
    for (const row of ['| D1 | xã | năm |', '| D2 (12) | xã | tháng |', '| D3 | chi bộ | quý |'])
        assert.ok(timed.stdout.includes(row), row);
});

test('the engine alone is timed without SQL, and the dashboard answer has its own table', () => {
    const db = join(dir, 'engine.db');
    assert.equal(run('bench', 'generate', '--scale', 'commune', '--db', db).status, 0);
    const timed = run('bench', 'dashboard', '--db', db, '--engine-only', '--engine-runs', '10', '--periods', '2');
    assert.equal(timed.status, 0, timed.stderr);
    assert.match(timed.stdout, /The engine alone: nothing compared/);
    assert.match(timed.stdout, /\| query \| node \| period \| engine p50 \/ p95 \(ms\) \| faster SQL ÷ engine \(p50\) \|/);
    assert.doesNotMatch(timed.stdout, /SQLite p50/);
    assert.ok(timed.stdout.includes('| D1 | xã | quý |'));
    assert.doesNotMatch(timed.stdout, /\| năm \|/);  // --periods 2: month and quarter only.
    assert.match(timed.stdout, /\| node \| period \| children \| engine p50 \/ p95 \(ms\) \|\n\|---\|---\|---\|---\|\n\| tỉnh \| tháng \| 1 \|/);
});
