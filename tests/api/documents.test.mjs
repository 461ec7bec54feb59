// The register of issued documents: numbers per type and term, without gaps or duplicates under
// concurrent requests; field errors; scope.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoWorld, signIn } from '../lib/fixtures.mjs';
import { startServer } from '../lib/server.mjs';

let server;
let secretary;
let thonDong;
let hoaAn;

before(async () => {
    server = await startServer();
    ({ secretary, hoaAn, thonDong } = await demoWorld(server, ['secretary']));
});
after(async () => { await server.stop(); });

const register = (client, orgId, body) => client.post(`/api/v1/organizations/${orgId}/documents`, body);
// How many documents of a type the cell already issued this term (the demo's meeting history registers
// its minutes and resolutions), and the number text that follows.
const issued = async (type) => (await secretary.get(`/api/v1/organizations/${thonDong.id}/documents?type=${type}&term=2025-2030`)).json.total;
const numberText = (n, type) => `${String(n).padStart(2, '0')}-${type}/CB`;

test('numbers run per type within the term, formatted the Party way', async () => {
    const nq = await issued('NQ');
    const bb = await issued('BB');
    const first = await register(secretary, thonDong.id, { type: 'NQ', title: 'Nghị quyết sinh hoạt chi bộ tháng 10', issued_on: '2026-10-03' });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.json.number_text, numberText(nq + 1, 'NQ'));
    assert.equal(first.json.term, '2025-2030');
    assert.equal(first.json.term_label, '2025 – 2030');
    assert.equal(first.json.type_label, 'Nghị quyết');
    assert.equal(first.json.created_by, 'bithu.thondong');
    assert.equal((await register(secretary, thonDong.id, { type: 'NQ', title: 'Nghị quyết tháng 11' })).json.number_text, numberText(nq + 2, 'NQ'));
    assert.equal((await register(secretary, thonDong.id, { type: 'BB', title: 'Biên bản tháng 11' })).json.number_text, numberText(bb + 1, 'BB'));
    const older = await register(secretary, thonDong.id, { type: 'NQ', title: 'Nghị quyết nhiệm kỳ trước', issued_on: '2025-03-03' });
    assert.equal(older.json.number_text, '01-NQ/CB');
    assert.equal(older.json.term, '2020-2025');

    const commune = await signIn(server.base, 'xa.hoaan');
    assert.equal((await register(commune, hoaAn.id, { type: 'QD', title: 'Quyết định chuẩn y' })).json.number_text, '01-QĐ/ĐU');

    const list = await secretary.get(`/api/v1/organizations/${thonDong.id}/documents?type=NQ&term=2025-2030`);
    assert.equal(list.status, 200);
    assert.deepEqual(list.json.items.slice(0, 2).map((d) => d.number_text), [numberText(nq + 2, 'NQ'), numberText(nq + 1, 'NQ')]);
    assert.equal(list.json.total, nq + 2);
});

test('concurrent registrations get consecutive numbers, none twice', async () => {
    const cell = hoaAn.children.find((c) => c.name === 'Chi bộ Thôn Đoài');
    const commune = await signIn(server.base, 'xa.hoaan');
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) =>
        register(commune, cell.id, { type: 'TB', title: `Thông báo số ${i}` })));
    assert.ok(results.every((r) => r.status === 201));
    const numbers = results.map((r) => r.json.number).sort((x, y) => x - y);
    assert.deepEqual(numbers, Array.from({ length: 30 }, (_, i) => i + 1));
});

test('wrong input names the field and writes nothing', async () => {
    const nq = await issued('NQ');
    const before = (await secretary.get(`/api/v1/organizations/${thonDong.id}/documents`)).json.total;
    for (const [body, field] of [
        [{ type: 'XX', title: 'Sai loại' }, 'type'], [{ title: 'Thiếu loại' }, 'type'], [{ type: 'NQ', title: '' }, 'title'],
        [{ type: 'NQ', title: 'x'.repeat(301) }, 'title'], [{ type: 'NQ', title: 'Tương lai', issued_on: '2999-01-01' }, 'issued_on'],
        [{ type: 'NQ', title: 'Ngày sai', issued_on: '2026-02-30' }, 'issued_on'],
    ]) {
        const r = await register(secretary, thonDong.id, body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.json.error.field, field, JSON.stringify(body));
    }
    const blank = await register(secretary, thonDong.id, { type: 'NQ', title: '   ' });
    assert.equal(blank.json.error.message, 'Vui lòng nhập trích yếu văn bản.');
    assert.equal((await secretary.get(`/api/v1/organizations/${thonDong.id}/documents?type=ZZ`)).status, 400);
    const afterTotal = (await secretary.get(`/api/v1/organizations/${thonDong.id}/documents`)).json.total;
    assert.equal(afterTotal, before);
    // The next number is still the next one: failed attempts used none.
    assert.equal((await register(secretary, thonDong.id, { type: 'NQ', title: 'Nghị quyết tháng 12' })).json.number_text, numberText(nq + 1, 'NQ'));
});

test('outside the subtree is 404; a plain member reads but cannot register', async () => {
    const tanLap = await signIn(server.base, 'xa.tanlap');
    const read = await tanLap.get(`/api/v1/organizations/${thonDong.id}/documents`);
    assert.equal(read.status, 404);
    assert.ok(!read.text.includes('NQ/CB'));
    assert.equal((await register(tanLap, thonDong.id, { type: 'NQ', title: 'Lạ' })).status, 404);
    const other = hoaAn.children.find((c) => c.name === 'Chi bộ Thôn Nam');
    assert.equal((await register(secretary, other.id, { type: 'NQ', title: 'Sang chi bộ khác' })).status, 404);

    const member = await signIn(server.base, 'dangvien.thondong');
    assert.equal((await member.get(`/api/v1/organizations/${thonDong.id}/documents`)).status, 200);
    assert.equal((await register(member, thonDong.id, { type: 'NQ', title: 'Không được' })).status, 403);
});
