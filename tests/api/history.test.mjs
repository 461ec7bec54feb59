// The record tells the truth about the past (issue 15): a committee enters one cell's past year — members
// who joined and left during it — merges the cell into another, and reads back the calendar, the roll
// calls and the dashboard as they were. Dates are those of last year, so every month of it is over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkedFetch } from '../lib/contract.mjs';
import { demoWorld, YEAR } from '../lib/fixtures.mjs';
import { startServer } from '../lib/server.mjs';
import { unzip } from '../lib/zip.mjs';

const Y = YEAR - 1;
const day = (month, d) => `${Y}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const ym = (month) => `${Y}-${String(month).padStart(2, '0')}`;

let server;
let world;
before(async () => {
    server = await startServer();
    world = await demoWorld(server);
});
after(() => server?.stop());

async function createCell(c, name, validFrom) {
    const r = await c.post('/api/v1/organizations', {
        parent_id: world.hoaAn.id, name, kind: 'subordinate_cell', category: 'village', valid_from: validFrom,
    });
    assert.equal(r.status, 201, r.text);
    return r.json;
}

async function createMember(c, cell, name, joinedOn, extra = {}) {
    const r = await c.post('/api/v1/members', {
        organization_id: cell.id, full_name: name, sex: 'male', date_of_birth: '1970-05-05', status: 'official',
        admission_date: '2000-01-01', joined_on: joinedOn, ...extra,
    });
    assert.equal(r.status, 201, r.text);
    return r.json;
}

// Opens the cell's meeting of a month and returns it with its proposed roll.
async function openMeeting(c, cell, month, kind = 'regular') {
    const r = await c.post(`/api/v1/organizations/${cell.id}/meetings`, { kind, year: Y, month });
    assert.equal(r.status, 201, r.text);
    const roll = await c.get(`/api/v1/meetings/${r.json.id}/roll`);
    assert.equal(roll.status, 200, roll.text);
    return { meeting: r.json, roll: roll.json.items };
}

// Records the roll call as proposed, but for the members named absent without leave.
async function hold(c, meeting, roll, unexcused = []) {
    const attendance = roll.map((a) => ({
        member_id: a.member_id, presence: unexcused.includes(a.member_id) ? 'unexcused' : a.presence, reason: a.reason,
    }));
    const r = await c.put(`/api/v1/meetings/${meeting.id}/record`, { attendance });
    assert.equal(r.status, 200, r.text);
    return r.json;
}

async function dashboard(org, from, to) {
    const d = await world.commune.get(`/api/v1/organizations/${org.id}/dashboard?from=${from}&to=${to}`);
    assert.equal(d.status, 200, d.text);
    return d.json;
}

const ids = (roll) => roll.map((a) => a.member_id).sort((a, b) => a - b);

test('a past year entered through the API keeps each roll call, calendar and month to its own dates', async () => {
    const c = world.commune;
    const a = await createCell(c, `Chi bộ Lịch Sử ${Y}`, day(1, 1));
    const b = await createCell(c, `Chi bộ Tiếp Nhận ${Y}`, '2015-01-01');
    const founded = await createCell(c, `Chi bộ Mới Lập ${Y}`, day(3, 15));

    // Memberships have real dates: not before the cell's founding, not in the future.
    const early = await c.post('/api/v1/members', {
        organization_id: a.id, full_name: 'Trước Thành Lập', sex: 'male', date_of_birth: '1970-05-05', status: 'official',
        joined_on: `${Y - 1}-12-31`,
    });
    assert.equal(early.status, 400);
    assert.equal(early.json.error.field, 'joined_on');
    const future = await c.post('/api/v1/members', {
        organization_id: a.id, full_name: 'Ngày Tương Lai', sex: 'male', date_of_birth: '1970-05-05', status: 'official',
        joined_on: `${YEAR + 1}-01-01`,
    });
    assert.equal(future.status, 400);
    assert.equal(future.json.error.field, 'joined_on');

    const stays = await createMember(c, a, 'Nguyễn Văn Ở Lại', day(1, 1));
    const joins = await createMember(c, a, 'Trần Văn Vào Sau', day(5, 10));
    const leaves = await createMember(c, a, 'Lê Văn Chuyển Đi', day(1, 1));
    const away = await createMember(c, a, 'Phạm Văn Đi Xa', day(1, 1));
    assert.equal(joins.memberships[0].start_date, day(5, 10));
    assert.deepEqual(joins.status_history.map((h) => [h.since, h.status]), [[day(5, 10), 'official']]);

    // A transfer dated before the stay it ends is refused; one dated 20/04 is kept with its date.
    let r = await c.post(`/api/v1/members/${leaves.id}/transfer`, { organization_id: b.id, date: `${Y - 1}-12-01` });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'date');
    r = await c.post(`/api/v1/members/${leaves.id}/transfer`, { organization_id: b.id, date: day(4, 20) });
    assert.equal(r.status, 200, r.text);
    // Working away from 01/06: the status has a date, the earlier months keep the old one.
    r = await c.put(`/api/v1/members/${away.id}`, {
        full_name: away.full_name, sex: 'male', date_of_birth: '1970-05-05', status: 'working_away',
        admission_date: '2000-01-01', status_since: day(6, 1),
    });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.status_history.map((h) => [h.since, h.status]), [[day(1, 1), 'official'], [day(6, 1), 'working_away']]);
    r = await c.put(`/api/v1/members/${away.id}`, {
        full_name: away.full_name, sex: 'male', date_of_birth: '1970-05-05', status: 'official',
        admission_date: '2000-01-01', status_since: day(5, 1),
    });
    assert.equal(r.status, 400, 'a change dated before the last one');
    assert.equal(r.json.error.field, 'status_since');
    // …with a temporary transfer letter for the rest of the year: the home cell no longer expects them.
    r = await c.post(`/api/v1/members/${away.id}/transfer-letters`, {
        number: '07-GGT/ĐU', host: 'Chi bộ Khu phố 2, phường Thủ Dầu Một', from: day(6, 1), to: day(12, 31),
    });
    assert.equal(r.status, 201, r.text);

    // The roll call of a meeting is the roll on its day, also when recorded long after.
    const feb = await openMeeting(c, a, 2);
    assert.deepEqual(ids(feb.roll), [stays.id, leaves.id, away.id].sort((x, y) => x - y));
    assert.ok(feb.roll.every((x) => x.status_at_meeting === 'official'));
    const withLater = feb.roll.map((x) => ({ member_id: x.member_id, presence: 'present', reason: '' }));
    r = await c.put(`/api/v1/meetings/${feb.meeting.id}/record`, {
        attendance: [...withLater, { member_id: joins.id, presence: 'present', reason: '' }],
    });
    assert.equal(r.status, 400, 'a member who joined in May is not on February’s roll');
    assert.equal(r.json.error.field, 'attendance');
    await hold(c, feb.meeting, feb.roll, [stays.id]);

    const june = await openMeeting(c, a, 6);
    assert.deepEqual(ids(june.roll), [stays.id, joins.id, away.id].sort((x, y) => x - y));
    assert.equal(june.roll.find((x) => x.member_id === away.id).status_at_meeting, 'working_away');
    await hold(c, june.meeting, june.roll, [stays.id]);
    const bApril = await openMeeting(c, b, 4);
    assert.ok(!ids(bApril.roll).includes(leaves.id), 'B’s April meeting on the 3rd is before the transfer');
    const bMay = await openMeeting(c, b, 5);
    assert.ok(ids(bMay.roll).includes(leaves.id));

    // A merge dated before a membership's start is refused; on 01/07 it goes through.
    r = await c.post(`/api/v1/organizations/${a.id}/merge`, { into_id: b.id, date: day(5, 1) });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.error.field, 'date');
    assert.match(r.json.error.message, /Trần Văn Vào Sau/);
    r = await c.post(`/api/v1/organizations/${a.id}/merge`, { into_id: b.id, date: day(7, 1) });
    assert.equal(r.status, 200, r.text);

    // Three unexcused absences in the year, two in A before the merge and one in B after it: a flag, shown at
    // B (where the member is now) with both cells; the commune's list, dashboard, alerts and XLSX agree.
    const aug = await openMeeting(c, b, 8);
    assert.ok(ids(aug.roll).includes(stays.id));
    await hold(c, aug.meeting, aug.roll, [stays.id]);
    const flagsAt = async (org) => {
        const f = await c.get(`/api/v1/organizations/${org.id}/absence-flags?year=${Y}`);
        assert.equal(f.status, 200, f.text);
        return f.json.items;
    };
    const atB = (await flagsAt(b)).find((f) => f.member_id === stays.id);
    assert.ok(atB, 'the flag is shown at the member’s cell');
    assert.equal(atB.unexcused, 3);
    assert.equal(atB.organization_id, b.id);
    assert.deepEqual(atB.absent_in.map((w) => [w.organization_id, w.unexcused]).sort((x, y) => x[0] - y[0]),
        [[a.id, 2], [b.id, 1]].sort((x, y) => x[0] - y[0]));
    assert.ok(!(await flagsAt(a)).some((f) => f.member_id === stays.id), 'not at the merged cell');
    const yearOfB = await dashboard(b, ym(1), ym(12));
    assert.equal(yearOfB.figures.members_flagged, 1);
    const alertsOfB = (await c.get(`/api/v1/organizations/${b.id}/dashboard/alerts?from=${ym(1)}&to=${ym(12)}`)).json;
    assert.equal(alertsOfB.flagged_total, 1);
    assert.equal(alertsOfB.flagged[0].member_id, stays.id);
    assert.equal(alertsOfB.flagged[0].absent_in.length, 2);
    const communeFlags = await flagsAt(world.hoaAn);
    const communeYear = await dashboard(world.hoaAn, ym(1), ym(12));
    assert.equal(communeYear.figures.members_flagged, communeFlags.length);
    const communeAlerts = (await c.get(`/api/v1/organizations/${world.hoaAn.id}/dashboard/alerts?from=${ym(1)}&to=${ym(12)}&page_size=100`)).json;
    assert.equal(communeAlerts.flagged_total, communeFlags.length);
    assert.deepEqual(communeAlerts.flagged.map((f) => f.member_id).sort((x, y) => x - y),
        communeFlags.map((f) => f.member_id).sort((x, y) => x - y));
    const xlsx = await checkedFetch(`${server.base}/api/v1/organizations/${b.id}/dashboard.xlsx?from=${ym(1)}&to=${ym(12)}`,
        { headers: { Cookie: c.cookie } });
    assert.equal(xlsx.status, 200);
    const strings = unzip(Buffer.from(await xlsx.arrayBuffer())).get('xl/sharedStrings.xml').toString();
    assert.ok(strings.includes('Nguyễn Văn Ở Lại'));
    assert.match(strings, /3 lần \((?:2 lần ở Chi bộ Lịch Sử \d+, 1 lần ở Chi bộ Tiếp Nhận \d+|1 lần ở Chi bộ Tiếp Nhận \d+, 2 lần ở Chi bộ Lịch Sử \d+)\)/);

    // The calendars respect each cell's life: the merged one stops with June, the one founded on
    // 15/03 starts with April, the one that received the members runs on.
    const calendar = async (cell) => {
        const cal = await c.get(`/api/v1/organizations/${cell.id}/meetings?year=${Y}`);
        assert.equal(cal.status, 200, cal.text);
        return [...new Set(cal.json.items.filter((e) => e.kind === 'regular').map((e) => e.month))];
    };
    assert.deepEqual(await calendar(a), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(await calendar(founded), [4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert.deepEqual(await calendar(b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    r = await c.post(`/api/v1/organizations/${founded.id}/meetings`, { kind: 'regular', year: Y, month: 2 });
    assert.equal(r.status, 400, 'no meeting before the cell existed');
    assert.equal(r.json.error.field, 'month');

    // A meeting moved into the next month still counts for its own, held late.
    const nov = (await c.post(`/api/v1/organizations/${b.id}/meetings`, { kind: 'regular', year: Y, month: 11 })).json;
    r = await c.post(`/api/v1/meetings/${nov.id}/move`, { date: day(12, 2), reason: 'Trùng lịch họp của xã' });
    assert.equal(r.status, 200, r.text);
    const novRoll = (await c.get(`/api/v1/meetings/${nov.id}/roll`)).json.items;
    const held = await hold(c, nov, novRoll);
    assert.equal(held.held_late, true);
    const november = await dashboard(b, ym(11), ym(11));
    assert.equal(november.figures.meetings_held, 1);
    assert.equal(november.figures.cells_regular_all, 1, 'November is met by its late meeting');
    const december = await dashboard(b, ym(12), ym(12));
    assert.equal(december.figures.meetings_held, 0);
    assert.equal(december.figures.cells_regular_all, 0, 'the late November meeting does not fill December');

    // Figures of a past period use that period's roll: the member away with a letter from 01/06 still counts
    // at the end of January and of March, not of June; the one who joined on 10/05 from May; the one who
    // left on 20/04 in B from April.
    assert.equal((await dashboard(a, ym(1), ym(1))).figures.members_expected, 3);
    assert.equal((await dashboard(a, ym(1), ym(3))).figures.members_expected, 3);
    assert.equal((await dashboard(a, ym(4), ym(4))).figures.members_expected, 2);
    assert.equal((await dashboard(a, ym(5), ym(5))).figures.members_expected, 3);
    assert.equal((await dashboard(a, ym(1), ym(6))).figures.members_expected, 2);
    assert.equal((await dashboard(b, ym(1), ym(3))).figures.members_expected, 0);
    assert.equal((await dashboard(b, ym(4), ym(4))).figures.members_expected, 1);
    // After the merge on 01/07 the members are B's: A's second half has none.
    assert.equal((await dashboard(a, ym(7), ym(12))).figures.members_expected, 0);
    assert.equal((await dashboard(b, ym(7), ym(12))).figures.members_expected, 3);

    // Each cell counts only for its months: A from January to June, B all year.
    const firstHalf = await dashboard(a, ym(1), ym(6));
    assert.equal(firstHalf.figures.cells, 1);
    assert.equal(firstHalf.figures.meetings_held, 2);
    const secondHalf = await dashboard(a, ym(7), ym(12));
    assert.equal(secondHalf.figures.cells, 0);
    assert.equal(secondHalf.figures.meetings_held, 0);
});
