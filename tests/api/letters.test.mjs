// Members away from their cell (issue 15, point 6): a member with a temporary transfer letter attends the
// host organisation — the home cell's roll call shows them apart and does not expect them, its minutes count
// them as "giới thiệu sinh hoạt tạm thời đi nơi khác" — while a member working away without a letter is
// expected like anyone. The organisation page and the dashboard count both. Dates are last year's, so every
// month is over; the letter ends mid-June.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkedFetch } from '../lib/contract.mjs';
import { demoWorld, TODAY, YEAR } from '../lib/fixtures.mjs';
import { startServer } from '../lib/server.mjs';

const Y = YEAR - 1;
const day = (month, d) => `${Y}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const ym = (month) => `${Y}-${String(month).padStart(2, '0')}`;
const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

let server;
let world;
before(async () => {
    server = await startServer();
    world = await demoWorld(server, ['commune', 'outsider', 'admin']);
});
after(() => { if (process.env.CHIBO_SHOW_LOG) console.error(server?.log()); return server?.stop(); });

async function createMember(c, cell, name, status) {
    const r = await c.post('/api/v1/members', {
        organization_id: cell.id, full_name: name, sex: 'male', date_of_birth: '1975-05-05', status,
        admission_date: '2000-01-01', joined_on: day(1, 1),
    });
    assert.equal(r.status, 201, r.text);
    return r.json;
}

async function openMeeting(c, cell, month) {
    const r = await c.post(`/api/v1/organizations/${cell.id}/meetings`, { kind: 'regular', year: Y, month });
    assert.equal(r.status, 201, r.text);
    const roll = await c.get(`/api/v1/meetings/${r.json.id}/roll`);
    assert.equal(roll.status, 200, roll.text);
    return { meeting: r.json, roll: roll.json.items };
}

const save = (c, meeting, attendance) => c.put(`/api/v1/meetings/${meeting.id}/record`, { attendance });
const asProposed = (roll, change = {}) => roll.map((a) => ({
    member_id: a.member_id, presence: change[a.member_id] ?? a.presence, reason: a.reason,
}));

async function figures(org, from, to) {
    const d = await world.commune.get(`/api/v1/organizations/${org.id}/dashboard?from=${from}&to=${to}`);
    assert.equal(d.status, 200, d.text);
    return d.json.figures;
}

test('a temporary transfer letter takes a member off the home cell’s roll call while it runs', async () => {
    const c = world.commune;
    const created = await c.post('/api/v1/organizations', {
        parent_id: world.hoaAn.id, name: `Chi bộ Đi Xa ${Y}`, kind: 'subordinate_cell', category: 'village',
        valid_from: '2015-01-01',
    });
    assert.equal(created.status, 201, created.text);
    const cell = created.json;
    const home = await createMember(c, cell, 'Nguyễn Văn Ở Nhà', 'official');
    const withLetter = await createMember(c, cell, 'Trần Văn Có Giấy', 'working_away');
    const noLetter = await createMember(c, cell, 'Lê Văn Chưa Giấy', 'working_away');
    const letters = (m) => `/api/v1/members/${m.id}/transfer-letters`;
    const letter = { number: '15-GGT/ĐU', host: 'Chi bộ Khu phố 3, phường Thủ Dầu Một', from: day(2, 10), to: day(6, 15) };

    // Bad input: a clear message on the field at fault, nothing written.
    for (const [body, field, status] of [
        [{ ...letter, number: '  ' }, 'number', 400],
        [{ ...letter, host: '' }, 'host', 400],
        [{ ...letter, to: day(2, 9) }, 'to', 400],
        [{ ...letter, from: 'mười tháng hai' }, 'from', 400],
        [{ ...letter, from: `${Y - 1}-12-31` }, 'from', 400],  // Before the member joined the cell.
        [{ ...letter, note: 'x'.repeat(501) }, 'note', 400],
    ]) {
        const r = await c.post(letters(withLetter), body);
        assert.equal(r.status, status, `${field}: ${r.text}`);
        assert.equal(r.json.error.field, field);
        assert.match(r.json.error.message, /[^\x00-\x7F]/, 'in Vietnamese');
    }
    assert.equal((await c.get(`/api/v1/members/${withLetter.id}`)).json.transfer_letters.length, 0);
    // Another organisation's committee learns nothing.
    assert.equal((await world.outsider.post(letters(withLetter), letter)).status, 404);
    assert.equal((await c.post('/api/v1/members/999999999/transfer-letters', letter)).status, 404);

    let r = await c.post(letters(withLetter), letter);
    assert.equal(r.status, 201, r.text);
    const saved = r.json;
    assert.equal(saved.number, '15-GGT/ĐU');
    assert.equal(saved.organization_id, cell.id);
    assert.equal(saved.running, false, 'it ended last year');
    // A member's letters never share a day.
    r = await c.post(letters(withLetter), { ...letter, number: '16-GGT/ĐU', from: day(6, 15), to: day(8, 31) });
    assert.equal(r.status, 409, r.text);
    assert.equal(r.json.error.field, 'from');
    assert.match(r.json.error.message, /15-GGT\/ĐU/);
    const detail = (await c.get(`/api/v1/members/${withLetter.id}`)).json;
    assert.deepEqual(detail.transfer_letters.map((l) => [l.number, l.from, l.to]), [['15-GGT/ĐU', day(2, 10), day(6, 15)]]);

    // March: the letter runs. The proposal shows the member away, with the letter; the other one working
    // away has no letter and is expected like anyone.
    const march = await openMeeting(c, cell, 3);
    const proposed = (roll, m) => roll.find((a) => a.member_id === m.id);
    assert.equal(proposed(march.roll, withLetter).presence, 'away');
    assert.match(proposed(march.roll, withLetter).reason, /15-GGT\/ĐU.*Khu phố 3.*15\/06/);
    assert.equal(proposed(march.roll, noLetter).presence, 'present');
    r = await save(c, march.meeting, asProposed(march.roll, { [withLetter.id]: 'present' }));
    assert.equal(r.status, 400, 'a member attending elsewhere is not on the home roll call');
    assert.equal(r.json.error.field, 'attendance');
    assert.match(r.json.error.message, /Trần Văn Có Giấy/);
    r = await save(c, march.meeting, asProposed(march.roll, { [noLetter.id]: 'away' }));
    assert.equal(r.status, 400, 'no letter, no “away”: an absence needs a reason');
    assert.match(r.json.error.message, /Lê Văn Chưa Giấy/);
    r = await save(c, march.meeting, asProposed(march.roll, { [noLetter.id]: 'unexcused' }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.record.counts.away, 1);
    assert.equal(r.json.record.counts.expected, 2);
    assert.equal(r.json.record.counts.unexcused, 1);
    assert.equal(r.json.record.counts.present, 1);

    // The minutes count them the party's way.
    const dir = mkdtempSync(join(tmpdir(), 'chibo-letters-'));
    try {
        const pdf = await checkedFetch(`${server.base}/api/v1/meetings/${march.meeting.id}/documents/minutes.pdf`,
            { headers: { Cookie: c.cookie } });
        assert.equal(pdf.status, 200);
        writeFileSync(join(dir, 'minutes.pdf'), Buffer.from(await pdf.arrayBuffer()));
        const text = spawnSync('pdftotext', ['-layout', join(dir, 'minutes.pdf'), '-'], { encoding: 'utf8' })
            .stdout.replace(/\s+/g, ' ');
        assert.ok(text.includes('Số đảng viên giới thiệu sinh hoạt tạm thời đi nơi khác: 1 đồng chí: đồng chí Trần Văn Có Giấy'), text);
        assert.ok(text.includes('Số đảng viên có mặt: 1/2'), text);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }

    // July: the letter ended on 15/06. The member is expected again, working away without a letter.
    const july = await openMeeting(c, cell, 7);
    assert.equal(proposed(july.roll, withLetter).presence, 'present');
    r = await save(c, july.meeting, asProposed(july.roll, { [withLetter.id]: 'away' }));
    assert.equal(r.status, 400);
    r = await save(c, july.meeting, asProposed(july.roll));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.record.counts.away, 0);
    assert.equal(r.json.record.counts.expected, 3);

    // The dashboard counts at each period's end: March with the letter running, June after it ended on the 15th.
    let f = await figures(cell, ym(1), ym(1));
    assert.deepEqual([f.members_expected, f.members_away, f.members_away_without_letter], [3, 2, 2]);
    f = await figures(cell, ym(3), ym(3));
    assert.deepEqual([f.members_expected, f.members_away, f.members_away_without_letter], [2, 2, 1]);
    assert.equal(f.attendance_expected, 2, 'the March meeting expected two');
    f = await figures(cell, ym(4), ym(6));
    assert.deepEqual([f.members_expected, f.members_away, f.members_away_without_letter], [3, 2, 2]);
    const commune = await figures(world.hoaAn, ym(3), ym(3));
    assert.ok(commune.members_away >= 2 && commune.members_away_without_letter >= 1, 'the commune sums its cells');

    // Ending the letter early (the member came back) changes the figures of the months after.
    r = await c.put(`${letters(withLetter)}/${saved.id}`, { ...letter, to: day(3, 20), note: 'Về sớm' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.to, day(3, 20));
    f = await figures(cell, ym(3), ym(3));
    assert.deepEqual([f.members_expected, f.members_away_without_letter], [3, 2]);
    assert.equal((await c.put(`${letters(noLetter)}/${saved.id}`, letter)).status, 404, 'the letter is another member’s');
    // The saved roll call stays as it was.
    assert.equal((await c.get(`/api/v1/meetings/${march.meeting.id}`)).json.record.counts.away, 1);

    // Today: the organisation page counts those away and those of them without a letter.
    const today = await c.post(letters(noLetter), { number: '21-GGT/ĐU', host: 'Chi bộ Ấp 4', from: addDays(TODAY, -5), to: addDays(TODAY, 90) });
    assert.equal(today.status, 201, today.text);
    assert.equal(today.json.running, true);
    let org = (await c.get(`/api/v1/organizations/${cell.id}`)).json;
    assert.equal(org.counts.working_away, 2);
    assert.equal(org.counts.away, 2);
    assert.equal(org.counts.away_without_letter, 1);
    r = await c.del(`${letters(noLetter)}/${today.json.id}`);
    assert.equal(r.status, 204);
    org = (await c.get(`/api/v1/organizations/${cell.id}`)).json;
    assert.equal(org.counts.away_without_letter, 2);

    // Every write is in the audit log, on the member.
    const audit = await world.admin.get(`/api/v1/audit?entity=member&entity_id=${withLetter.id}&page_size=50`);
    assert.equal(audit.status, 200, audit.text);
    const actions = audit.json.items.map((e) => e.action);
    assert.ok(actions.includes('member.letter_create') && actions.includes('member.letter_update'), actions.join());
});
