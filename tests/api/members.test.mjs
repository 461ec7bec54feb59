// The member roll: search without diacritics, Vietnamese order, field errors, edits and transfers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { checkAnswer } from '../lib/contract.mjs';
import { demoWorld, signIn, vietnamDate } from '../lib/fixtures.mjs';
import { Client, startServer } from '../lib/server.mjs';

let server;
let commune;
let hoaAn;

before(async () => {
    server = await startServer();
    ({ commune, hoaAn } = await demoWorld(server));
});
after(async () => { await server.stop(); });

const cell = (name) => hoaAn.children.find((c) => c.name === name);
const today = () => vietnamDate();

const validMember = (organization_id, extra = {}) => ({
    organization_id, full_name: 'Phạm Thị Hồng Nhung', sex: 'female', date_of_birth: '1990-04-02',
    status: 'probationary', admission_date: '2026-03-03', phone: '0912 345 678', ...extra,
});

test('"dang van" finds every Đặng Văn, without diacritics, across the commune', async () => {
    const r = await commune.get(`/api/v1/members?q=${encodeURIComponent('dang van')}&page_size=200`);
    assert.equal(r.status, 200);
    assert.ok(r.json.total >= 12);
    for (const m of r.json.items) assert.match(m.full_name, /^Đặng Văn /);
    const byWord = await commune.get(`/api/v1/members?q=${encodeURIComponent('Đặng văn')}&page_size=200`);
    assert.equal(byWord.json.total, r.json.total);
});

test('lists are sorted by given name the Vietnamese way and paged', async () => {
    const r = await commune.get(`/api/v1/members?organization_id=${hoaAn.id}&page_size=200`);
    assert.equal(r.json.total, 398);
    const collator = new Intl.Collator('vi');
    for (let i = 1; i < r.json.items.length; i++) {
        const [a, b] = [r.json.items[i - 1], r.json.items[i]];
        assert.ok(collator.compare(a.given_name, b.given_name) <= 0, `${a.full_name} before ${b.full_name}`);
    }
    const page2 = await commune.get(`/api/v1/members?organization_id=${hoaAn.id}&page_size=200&page=2`);
    assert.equal(page2.json.items.length, 198);
    assert.ok(!page2.json.items.some((m) => r.json.items.some((x) => x.id === m.id)));
});

test('a large answer travels gzip-compressed to a client that accepts it, and plain to one that does not', async () => {
    const path = `/api/v1/members?organization_id=${hoaAn.id}&page_size=200`;
    const raw = (encoding) => new Promise((resolve, reject) => {
        const headers = { Cookie: commune.cookie, Accept: 'application/json' };
        if (encoding) headers['Accept-Encoding'] = encoding;
        http.get(server.base + path, { headers }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
        }).on('error', reject);
    });
    const plain = await raw(null);
    assert.equal(plain.res.statusCode, 200);
    assert.equal(plain.res.headers['content-encoding'], undefined);
    assert.ok(plain.body.length > 16 * 1024, `${plain.body.length} bytes`);
    const zipped = await raw('gzip, deflate, br');
    for (const [r, text] of [[plain, plain.body.toString('utf8')], [zipped, gunzipSync(zipped.body).toString('utf8')]]) {
        checkAnswer({ method: 'GET', path, status: r.res.statusCode, contentType: r.res.headers['content-type'], text });
    }
    assert.equal(zipped.res.headers['content-encoding'], 'gzip');
    assert.equal(zipped.res.headers.vary, 'Accept-Encoding');
    assert.ok(zipped.body.length * 4 < plain.body.length, `${zipped.body.length} of ${plain.body.length} bytes`);
    assert.deepEqual(JSON.parse(gunzipSync(zipped.body).toString('utf8')), JSON.parse(plain.body.toString('utf8')));
    // A small answer is not worth compressing.
    const small = await new Promise((resolve, reject) => {
        http.get(server.base + '/api/v1/auth/me', { headers: { Cookie: commune.cookie, 'Accept-Encoding': 'gzip' } },
            (res) => { res.resume(); res.on('end', () => resolve(res)); }).on('error', reject);
    });
    assert.equal(small.statusCode, 200);
    assert.equal(small.headers['content-encoding'], undefined);
});

test('filters by status and rejects bad query parameters', async () => {
    const exempt = await commune.get('/api/v1/members?status=exempt&page_size=200');
    assert.ok(exempt.json.total > 0);
    assert.ok(exempt.json.items.every((m) => m.status === 'exempt'));
    const deceased = await commune.get('/api/v1/members?status=deceased');
    assert.ok(deceased.json.total > 0);
    for (const [qs, field] of [['status=alive', 'status'], ['page=0', 'page'], ['page_size=1000', 'page_size'],
        ['organization_id=x', 'organization_id']]) {
        const r = await commune.get(`/api/v1/members?${qs}`);
        assert.equal(r.status, 400, qs);
        assert.equal(r.json.error.field, field, qs);
    }
});

test('creating a member checks every field and writes nothing on error', async () => {
    const thonDong = cell('Chi bộ Thôn Đông');
    const existing = (await commune.get(`/api/v1/members?organization_id=${thonDong.id}&page_size=1`)).json.items[0];
    const cases = [
        [{ full_name: '' }, 'full_name'], [{ full_name: 'Nhung' }, 'full_name'], [{ sex: 'x' }, 'sex'],
        [{ date_of_birth: '2015-01-01' }, 'date_of_birth'], [{ date_of_birth: '1990-13-01' }, 'date_of_birth'],
        [{ party_card_number: '123' }, 'party_card_number'], [{ citizen_id: '12345678901a' }, 'citizen_id'],
        [{ phone: '12345' }, 'phone'], [{ admission_date: null }, 'admission_date'], [{ status: 'hero' }, 'status'],
        [{ party_card_number: existing.party_card_number }, 'party_card_number'],
        [{ organization_id: hoaAn.id }, 'organization_id'],
    ];
    const before = (await commune.get(`/api/v1/members?organization_id=${thonDong.id}&include_off_roll=true`)).json.total;
    for (const [extra, field] of cases) {
        const r = await commune.post('/api/v1/members', validMember(thonDong.id, extra));
        assert.ok(r.status === 400 || r.status === 409, `${JSON.stringify(extra)} -> ${r.status}`);
        assert.equal(r.json.error.field, field, JSON.stringify(extra));
        assert.ok(/[àáảãạăâđèéêìíòóôơùúưỳý]/i.test(r.json.error.message), r.json.error.message);
    }
    const afterTotal = (await commune.get(`/api/v1/members?organization_id=${thonDong.id}&include_off_roll=true`)).json.total;
    assert.equal(afterTotal, before);

    const ok = await commune.post('/api/v1/members', validMember(thonDong.id));
    assert.equal(ok.status, 201);
    assert.equal(ok.json.phone, '0912345678');
    assert.equal(ok.json.memberships.length, 1);
});

test('editing a member keeps the audit trail with before and after', async () => {
    const target = (await commune.get(`/api/v1/members?organization_id=${cell('Chi bộ Thôn Đoài').id}&page_size=1`)).json.items[0];
    const full = (await commune.get(`/api/v1/members/${target.id}`)).json;
    const body = { ...full, phone: '0987654321', note: 'Đã cập nhật' };
    delete body.organization_id;
    const bad = await commune.put(`/api/v1/members/${target.id}`, { ...body, party_card_number: '12' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.field, 'party_card_number');
    const r = await commune.put(`/api/v1/members/${target.id}`, body);
    assert.equal(r.status, 200);
    assert.equal(r.json.phone, '0987654321');

    const admin = await signIn(server.base, 'admin');
    const audit = await admin.get(`/api/v1/audit?entity=member&entity_id=${target.id}`);
    const entry = audit.json.items.find((e) => e.action === 'member.update');
    assert.ok(entry, JSON.stringify(audit.json));
    assert.equal(entry.username, 'xa.hoaan');
    assert.equal(entry.before.phone, full.phone);
    assert.equal(entry.after.phone, '0987654321');
    assert.equal(audit.json.items.filter((e) => e.action === 'member.update').length, 1);
});

test('transferring a member moves them and records where they belonged and when', async () => {
    const from = cell('Chi bộ Thôn Bắc');
    const to = cell('Chi bộ Thôn Nam');
    const m = (await commune.get(`/api/v1/members?organization_id=${from.id}&status=official&page_size=1`)).json.items[0];

    const future = await commune.post(`/api/v1/members/${m.id}/transfer`, { organization_id: to.id, date: '2999-01-01' });
    assert.equal(future.status, 400);
    assert.equal(future.json.error.field, 'date');
    const same = await commune.post(`/api/v1/members/${m.id}/transfer`, { organization_id: from.id, date: today() });
    assert.equal(same.status, 400);

    const r = await commune.post(`/api/v1/members/${m.id}/transfer`,
        { organization_id: to.id, date: today(), reason: 'Chuyển nơi cư trú' });
    assert.equal(r.status, 200);
    assert.equal(r.json.organization_name, 'Chi bộ Thôn Nam');
    assert.equal(r.json.memberships.at(-2).organization_name, 'Chi bộ Thôn Bắc');
    assert.equal(r.json.memberships.at(-2).end_date, today());
    assert.equal(r.json.memberships.at(-1).start_date, today());
    assert.equal(r.json.memberships.at(-1).reason, 'Chuyển nơi cư trú');
    const inNam = await commune.get(`/api/v1/members?organization_id=${to.id}&q=${encodeURIComponent(m.full_name)}`);
    assert.ok(inNam.json.items.some((x) => x.id === m.id));
});

test('a plain member reads only their own record', async () => {
    const member = new Client(server.base);
    const login = await member.login('dangvien.thondong');
    const own = login.json.user.member_id;
    const list = await member.get('/api/v1/members');
    assert.equal(list.json.total, 1);
    assert.equal(list.json.items[0].id, own);
    assert.equal((await member.get(`/api/v1/members/${own}`)).status, 200);
    const other = (await commune.get(`/api/v1/members?organization_id=${cell('Chi bộ Thôn Đông').id}`)).json.items
        .find((m) => m.id !== own);
    assert.equal((await member.get(`/api/v1/members/${other.id}`)).status, 404);
    const write = await member.put(`/api/v1/members/${own}`, { full_name: 'Tên Mới Hoàn Toàn' });
    assert.ok(write.status === 400 || write.status === 403);
});
