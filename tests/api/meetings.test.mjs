// Meeting rules inherited down the tree and each cell's calendar: occurrences created when needed,
// moved and cancelled with reasons; wrong input and wrong subtree.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoWorld, MONTH, signIn, YEAR } from '../lib/fixtures.mjs';
import { startServer } from '../lib/server.mjs';

let server;
let commune;
let hoaAn;
let thonDong;
let secretary;
const year = YEAR;
const month = MONTH;

before(async () => {
    server = await startServer();
    ({ commune, secretary, hoaAn, thonDong } = await demoWorld(server, ['secretary']));
});
after(async () => { await server.stop(); });

const weekday = (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay();

test('without settings the HD 42 default applies: the 3rd at 14:00, thematic each quarter', async () => {
    const rule = await secretary.get(`/api/v1/organizations/${thonDong.id}/meeting-rule`);
    assert.equal(rule.status, 200);
    assert.deepEqual(rule.json.effective, {
        regular_day: 3, start_time: '14:00', thematic_months: [3, 6, 9, 12], min_minutes: 90, combined_min_minutes: 120,
        shift: 'keep', holidays: [],
    });
    assert.equal(rule.json.own.regular_day, null);
    // 2027: a year the demo's meeting history does not reach, so every entry is computed from the rule.
    const cal = await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=2027`);
    assert.equal(cal.json.items.length, 16);
    assert.ok(cal.json.items.every((m) => m.id === null && m.state === 'planned' && m.date.endsWith('-03')));
    assert.equal(cal.json.items.filter((m) => m.kind === 'thematic').length, 4);
    // HD 42: 90 minutes alone; a thematic meeting on the regular day makes a combined session of at least 120.
    const thematic = cal.json.items.find((m) => m.kind === 'thematic');
    assert.equal(thematic.min_minutes, 90);
    assert.equal(thematic.combined_min_minutes, 120);
});

test('a commune rule is inherited by its cells and a cell overrides a field', async () => {
    const bad = await commune.put(`/api/v1/organizations/${hoaAn.id}/meeting-rule`, { thematic_months: [1, 2, 3, 4] });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.field, 'thematic_months');
    assert.match(bad.json.error.message, /quý/);
    for (const [body, field] of [[{ regular_day: 31 }, 'regular_day'], [{ start_time: '25:00' }, 'start_time'],
        [{ shift: 'sometimes' }, 'shift'], [{ holidays: ['2026-02-30'] }, 'holidays'],
        [{ min_minutes: 90, combined_min_minutes: 60 }, 'combined_min_minutes']]) {
        const r = await commune.put(`/api/v1/organizations/${hoaAn.id}/meeting-rule`, body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.json.error.field, field, JSON.stringify(body));
    }

    const inconsistent = await commune.put(`/api/v1/organizations/${hoaAn.id}/meeting-rule`, { min_minutes: 150 });
    assert.equal(inconsistent.status, 400);
    assert.equal(inconsistent.json.error.field, 'combined_min_minutes');
    assert.equal((await commune.get(`/api/v1/organizations/${hoaAn.id}/meeting-rule`)).json.own.min_minutes, null);

    const saved = await commune.put(`/api/v1/organizations/${hoaAn.id}/meeting-rule`,
        { regular_day: 5, shift: 'next_working_day', holidays: ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'] });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.json.effective.regular_day, 5);

    const own = await secretary.put(`/api/v1/organizations/${thonDong.id}/meeting-rule`, { start_time: '19:30' });
    assert.equal(own.status, 200, own.text);
    assert.equal(own.json.effective.start_time, '19:30');
    assert.equal(own.json.effective.regular_day, 5);
    assert.equal(own.json.sources[0].organization_name, 'Đảng bộ xã Hòa An');

    const cal = (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=2027`)).json.items;
    for (const m of cal) {
        assert.ok(weekday(m.date) >= 1 && weekday(m.date) <= 5, `${m.date} is a working day`);
        assert.equal(m.start_time, '19:30');
        assert.equal(m.shifted, !m.date.endsWith('-05'));
    }
    const feb = cal.find((m) => m.month === 2);
    assert.equal(feb.date, '2027-02-05');
    const sept = cal.find((m) => m.month === 9);
    assert.equal(sept.date, '2027-09-06');  // Sunday the 5th moves to Monday the 6th.
    const otherCell = hoaAn.children.find((c) => c.name === 'Chi bộ Thôn Đoài');
    const inherited = (await commune.get(`/api/v1/organizations/${otherCell.id}/meetings?year=2027`)).json.items;
    assert.equal(inherited[0].start_time, '14:00');
    assert.equal(inherited.find((m) => m.month === 9).date, '2027-09-06');
});

test('a secretary creates next month’s meeting when needed, moves it with a reason and cancels one', async () => {
    const nextMonth = month === 12 ? 1 : month + 1;
    const nextYear = month === 12 ? year + 1 : year;
    const created = await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'regular', year: nextYear, month: nextMonth });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.state, 'planned');
    assert.equal(created.json.state_label, 'Dự kiến');
    assert.equal(created.json.can_write, true);
    assert.equal((await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'regular', year: nextYear, month: nextMonth })).status, 409);
    const tooFar = await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'regular', year: year + 2, month: 1 });
    assert.equal(tooFar.status, 400);
    assert.equal(tooFar.json.error.field, 'month');
    const notThematic = await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'thematic', year: 2026, month: 1 });
    assert.equal(notThematic.status, 400);
    assert.equal((await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'weekly', year, month })).json.error.field, 'kind');

    const id = created.json.id;
    const target = `${nextYear}-${String(nextMonth).padStart(2, '0')}-12`;
    const noReason = await secretary.post(`/api/v1/meetings/${id}/move`, { date: target });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.json.error.field, 'reason');
    const farMonth = new Date(Date.UTC(nextYear, nextMonth - 1 + 2, 1)).toISOString().slice(0, 10);  // Two months on.
    const far = await secretary.post(`/api/v1/meetings/${id}/move`, { date: farMonth, reason: 'Xa quá' });
    assert.equal(far.json.error.field, 'date');
    const moved = await secretary.post(`/api/v1/meetings/${id}/move`, { date: target, start_time: '08:00', reason: 'Trùng lịch tiếp xúc cử tri' });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.json.date, target);
    assert.equal(moved.json.start_time, '08:00');
    assert.equal(moved.json.moved_reason, 'Trùng lịch tiếp xúc cử tri');
    assert.equal(moved.json.shifted, false);
    const cal = (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=${nextYear}`)).json.items;
    assert.equal(cal.find((m) => m.id === id).date, target);

    const cancelled = await secretary.post(`/api/v1/meetings/${id}/cancel`, { reason: 'Thiên tai, bão lớn' });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.json.state, 'cancelled');
    assert.equal((await secretary.post(`/api/v1/meetings/${id}/cancel`, { reason: 'Lần nữa' })).status, 409);
    assert.equal((await secretary.post(`/api/v1/meetings/${id}/move`, { date: target, reason: 'Sau khi hủy' })).status, 409);

    const admin = await signIn(server.base, 'admin');
    const audit = (await admin.get(`/api/v1/audit?entity=meeting&entity_id=${id}`)).json.items.map((e) => e.action);
    assert.deepEqual(audit, ['meeting.cancel', 'meeting.move', 'meeting.create']);
});

test('scope: other communes get 404, plain members read only, party groups and committees have no calendar', async () => {
    const tanLap = await signIn(server.base, 'xa.tanlap');
    for (const [method, path, body] of [
        ['GET', `/api/v1/organizations/${thonDong.id}/meetings`], ['GET', `/api/v1/organizations/${hoaAn.id}/meeting-rule`],
        ['PUT', `/api/v1/organizations/${hoaAn.id}/meeting-rule`, { regular_day: 9 }],
        ['POST', `/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'regular', year, month }],
    ]) {
        const r = await tanLap.request(method, path, body);
        assert.equal(r.status, 404, `${method} ${path}`);
        assert.ok(!r.text.includes('Hòa An'));
    }
    const member = await signIn(server.base, 'dangvien.thondong');
    assert.equal((await member.get(`/api/v1/organizations/${thonDong.id}/meetings?year=2026`)).status, 200);
    assert.equal((await member.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'regular', year, month })).status, 403);
    assert.equal((await member.put(`/api/v1/organizations/${thonDong.id}/meeting-rule`, { regular_day: 9 })).status, 403);
    assert.equal((await commune.get(`/api/v1/organizations/${hoaAn.id}/meetings`)).status, 400);
    assert.equal((await commune.get(`/api/v1/organizations/${thonDong.id}/meetings?year=1999`)).json.error.field, 'year');
    assert.equal((await commune.get('/api/v1/meetings/999999')).status, 404);
});
