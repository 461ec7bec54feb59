// Committee members and staff attending cells (issue 17): the commune lists who attends for it with their duty,
// proposes a fair plan that reaches every cell and never double-books, edits and publishes it; the cell sees who
// comes; the person is recorded at the meeting, reports (late from day 6) with petitions; the owner answers and
// the cell sees the answer; the overview counts it all. Wrong input writes nothing; other subtrees learn nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoWorld, MONTH, TODAY, YEAR } from '../lib/fixtures.mjs';
import { startServer } from '../lib/server.mjs';
import { checkedFetch } from '../lib/contract.mjs';

let server;
let commune;
let secretary;
let member;
let outsider;
let attendant;
let admin;
let hoaAn;
let thonDong;
let thonDoai;
let tanLapCell;
let mine;  // uyvien.hoaan's assignment.
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const NEXT = YEAR + 1;
const addDays = (iso, n) => {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
};

before(async () => {
    server = await startServer();
    const world = await demoWorld(server, ['secretary', 'member', 'outsider', 'attendant', 'admin']);
    ({ commune, secretary, member, outsider, attendant, admin, hoaAn, thonDong, thonDoai } = world);
    tanLapCell = (await outsider.get('/api/v1/organizations/tree?depth=1')).json.roots[0].children[0];
    const me = (await attendant.get('/api/v1/me/visits')).json;
    assert.equal(me.attendants.length, 1, 'uyvien.hoaan attends for Hòa An');
    mine = me.attendants[0];
});
after(async () => { await server.stop(); });

const audit = async (action) =>
    (await admin.get('/api/v1/audit?page_size=200')).json.items.filter((e) => e.action === action);

function expectError(r, status, field, what) {
    assert.equal(r.status, status, `${what}: ${r.text}`);
    if (field) assert.equal(r.json.error.field, field, what);
    assert.match(r.json.error.message, VIETNAMESE, what);
}

test('the demo: a published plan of the year, reports one late and one missing, open, answered and overdue petitions', async () => {
    const people = (await commune.get(`/api/v1/organizations/${hoaAn.id}/attendants`)).json.items;
    assert.ok(people.length >= 5, 'the standing committee and staff');
    assert.ok(people.some((p) => p.id === mine.id && p.active && p.report_days === 5));
    const plans = (await commune.get(`/api/v1/organizations/${hoaAn.id}/visit-plans`)).json.items;
    const plan = plans.find((p) => p.state === 'published' && p.from === `${YEAR}-01` && p.to === `${YEAR}-12`);
    assert.ok(plan, 'a published plan of this year');
    // The twelve months to this one (the demo also publishes last year's plan, so that January has a history).
    const from = new Date(Date.UTC(YEAR, MONTH - 12, 1));
    const window = `from=${from.getUTCFullYear()}-${String(from.getUTCMonth() + 1).padStart(2, '0')}&to=${YEAR}-${String(MONTH).padStart(2, '0')}`;
    const overview = (await commune.get(`/api/v1/organizations/${hoaAn.id}/visit-overview?${window}`)).json;
    assert.ok(overview.totals.meetings_attended > 2, JSON.stringify(overview.totals));
    assert.ok(overview.totals.grassroots_visits > 0);
    assert.equal(overview.totals.reports_missing, 1, 'one meeting attended and not reported');
    assert.ok(overview.totals.reports_late >= 1);
    assert.equal(overview.coverage.cells, hoaAn.children.filter((c) => c.kind.endsWith('cell')).length);
    assert.ok(overview.petitions.open >= 1 && overview.petitions.answered >= 1 && overview.petitions.overdue >= 1,
        JSON.stringify(overview.petitions));
    const thisYear = (await commune.get(`/api/v1/organizations/${hoaAn.id}/visit-overview?year=${YEAR}`)).json;
    const person = thisYear.people.find((p) => p.attendant_id === mine.id);
    assert.equal(person.meetings_expected, Math.floor((MONTH - 1) / 3) + 1, 'a meeting a quarter begun');
    assert.equal(person.grassroots_expected, MONTH, 'a visit a month begun');
    // Overdue petitions are flagged up the tree: the province (admin) sees them too.
    const overdue = (await admin.get(`/api/v1/organizations/${hoaAn.id}/petitions?state=overdue`)).json.items;
    assert.ok(overdue.length >= 1 && overdue.every((p) => p.overdue && p.state === 'open'));
    const alerts = (await admin.get(`/api/v1/organizations/${hoaAn.id}/alerts`)).json.items.filter((x) => x.kind === 'petition_overdue');
    assert.equal(alerts.length, overdue.length, 'each overdue petition is an alert of its cell');
    assert.ok(alerts.every((x) => overdue.some((p) => p.cell_id === x.organization_id)) && alerts[0].message.includes('quá hạn'));
    assert.equal((await outsider.get(`/api/v1/organizations/${hoaAn.id}/visit-overview`)).status, 404);
    assert.equal((await secretary.get(`/api/v1/organizations/${thonDong.id}/visit-overview`)).status, 200,
        'a cell sees its own practice');
    assert.equal((await member.get(`/api/v1/organizations/${thonDong.id}/visit-overview`)).status, 403);
    for (const [query, field] of [['from=2027-13', 'from'], ['from=2027-05&to=2027-01', 'to'], ['year=1999', 'year']])
        expectError(await commune.get(`/api/v1/organizations/${hoaAn.id}/visit-overview?${query}`), 400, field, query);
});

test('the duty: a committee assigns people of its subtree; wrong input and other subtrees write nothing', async () => {
    const url = `/api/v1/organizations/${hoaAn.id}/attendants`;
    const before = (await commune.get(url)).json.items.length;
    const staff = (await commune.get(`/api/v1/members?organization_id=${thonDoai.id}&page_size=5`)).json.items[0];
    const foreign = (await outsider.get('/api/v1/members?page_size=1')).json.items[0];
    const ok = { member_id: staff.id, role: 'Chuyên viên Ban Xây dựng Đảng', term_start: `${YEAR}-01-01` };
    for (const [body, field] of [
        [{ ...ok, member_id: foreign.id }, 'member_id'], [{ ...ok, role: '  ' }, 'role'], [{ ...ok, term_start: 'hôm qua' }, 'term_start'],
        [{ ...ok, term_end: `${YEAR - 1}-01-01` }, 'term_end'], [{ ...ok, visits_per_month: 11 }, 'visits_per_month'],
        [{ ...ok, report_days: 0 }, 'report_days'], [{ ...ok, meetings_per_quarter: 'một' }, 'meetings_per_quarter'],
    ])
        expectError(await commune.post(url, body), 400, field, JSON.stringify(body));
    assert.equal((await outsider.post(url, ok)).status, 404, 'another commune learns nothing');
    assert.equal((await secretary.post(url, ok)).status, 404, 'a cell secretary does not see the commune');
    expectError(await secretary.post(`/api/v1/organizations/${thonDong.id}/attendants`, ok), 400, null, 'a cell assigns no one');
    assert.equal((await commune.get(url)).json.items.length, before, 'nothing written');

    const r = await commune.post(url, { ...ok, report_days: 3 });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.name, staff.full_name);
    assert.deepEqual([r.json.visits_per_month, r.json.meetings_per_quarter, r.json.report_days], [1, 1, 3]);
    expectError(await commune.post(url, ok), 409, null, 'the same person twice in one term');
    const changed = await commune.put(`/api/v1/attendants/${r.json.id}`, { term_end: `${NEXT}-12-31`, meetings_per_quarter: 2 });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.json.meetings_per_quarter, 2);
    assert.equal((await outsider.put(`/api/v1/attendants/${r.json.id}`, { role: 'x' })).status, 404);
    expectError(await commune.put(`/api/v1/attendants/${r.json.id}`, { term_end: `${YEAR - 2}-01-01` }), 400, 'term_end', 'end before start');
    assert.equal((await audit('attendant.create')).length, 1);
    assert.equal((await audit('attendant.update')).length, 1);
});

test('a plan reaches every cell, never double-books, says why; the committee edits and publishes it', async () => {
    const url = `/api/v1/organizations/${hoaAn.id}/visit-plans`;
    for (const [body, field] of [[{ from: `${NEXT}-01` }, 'to'], [{ from: `${NEXT}-13`, to: `${NEXT}-12` }, 'from'],
        [{ from: `${NEXT}-06`, to: `${NEXT}-01` }, 'to'], [{ from: `${NEXT}-01`, to: `${NEXT + 6}-01` }, 'to'],
        [{ from: `${NEXT}-01`, to: `${NEXT}-12`, difficult_cell_ids: [tanLapCell.id] }, 'difficult_cell_ids']])
        expectError(await commune.post(url, body), 400, field, JSON.stringify(body));
    assert.equal((await outsider.post(url, { from: `${NEXT}-01`, to: `${NEXT}-12` })).status, 404);
    const r = await commune.post(url, { from: `${NEXT}-01`, to: `${NEXT}-12`, title: `Kế hoạch năm ${NEXT}`,
        difficult_cell_ids: [thonDoai.id] });
    assert.equal(r.status, 201, r.text);
    const plan = r.json;
    assert.equal(plan.plan.state, 'draft');
    const cells = hoaAn.children.filter((c) => c.kind.endsWith('cell'));
    assert.deepEqual(plan.uncovered, [], 'every cell is reached');
    for (const cell of cells) assert.ok(plan.visits.some((v) => v.cell_id === cell.id), cell.name);
    const slots = new Set();
    for (const v of plan.visits.filter((x) => x.kind === 'meeting')) {
        const key = `${v.attendant_id} ${v.date} ${v.start_time}`;
        assert.ok(!slots.has(key), `double-booked: ${key}`);
        slots.add(key);
        assert.ok(v.reason.length > 0);
        assert.equal(v.status, 'planned');
    }
    assert.equal(plan.cells.length, cells.length, 'each cell says why it comes where it does');
    assert.ok(plan.cells.some((c) => c.reasons.length > 0));
    assert.ok(plan.cells.find((c) => c.cell_id === thonDoai.id).reasons.some((x) => x.includes('khó khăn')),
        'a cell the committee marks difficult says so');
    // The secretary does not see the draft; a published plan shows on the cell.
    assert.equal((await secretary.get(`/api/v1/visit-plans/${plan.plan.id}`)).status, 404);
    assert.equal((await secretary.get(`/api/v1/organizations/${thonDong.id}/visits?year=${NEXT}`)).json.items.length, 0);

    // Edits: a second person at Thôn Đông's meeting of a month it is already visited, a month outside the plan,
    // a cell of another commune.
    const taken = plan.visits.find((v) => v.kind === 'meeting');
    const other = (await commune.get(`/api/v1/organizations/${hoaAn.id}/attendants`)).json.items.find((a) => a.id !== taken.attendant_id && a.active);
    const edit = `/api/v1/visit-plans/${plan.plan.id}/visits`;
    const body = { attendant_id: other.id, cell_id: taken.cell_id, kind: 'meeting', year: taken.year, month: taken.month };
    expectError(await commune.post(edit, body), 409, null, 'one attended meeting per cell and month');
    expectError(await commune.post(edit, { ...body, year: YEAR }), 400, 'month', 'outside the plan');
    expectError(await commune.post(edit, { ...body, cell_id: tanLapCell.id }), 400, 'cell_id', 'another commune');
    expectError(await commune.post(edit, { ...body, kind: 'visit' }), 400, 'kind', 'a wrong kind');
    assert.equal((await outsider.post(edit, body)).status, 404);
    const grass = await commune.post(edit, { ...body, kind: 'grassroots', reason: 'Chi bộ đề nghị cấp ủy về nắm tình hình.' });
    assert.equal(grass.status, 201, grass.text);
    const added = grass.json.visits.find((v) => v.kind === 'grassroots' && v.reason.startsWith('Chi bộ đề nghị'));
    assert.ok(added);
    const moved = await commune.put(`${edit}/${added.id}`, { ...body, kind: 'grassroots', month: taken.month === 12 ? 11 : taken.month + 1 });
    assert.equal(moved.status, 200, moved.text);
    assert.equal((await commune.del(`${edit}/${added.id}`)).status, 200);

    const published = await commune.post(`/api/v1/visit-plans/${plan.plan.id}/publish`);
    assert.equal(published.status, 200, published.text);
    expectError(await commune.post(`/api/v1/visit-plans/${plan.plan.id}/publish`), 409, null, 'twice');
    expectError(await commune.del(`/api/v1/visit-plans/${plan.plan.id}`), 409, null, 'a published plan stays');
    const seen = (await member.get(`/api/v1/organizations/${thonDong.id}/visits?year=${NEXT}`)).json.items;
    assert.ok(seen.length > 0 && seen.every((v) => v.cell_id === thonDong.id && v.attendant_name),
        'the cell sees who will attend');
    assert.equal((await outsider.get(`/api/v1/organizations/${thonDong.id}/visits`)).status, 404);

    const draft = await commune.post(url, { from: `${NEXT}-01`, to: `${NEXT}-03` });
    assert.equal((await commune.del(`/api/v1/visit-plans/${draft.json.plan.id}`)).status, 204);
    assert.equal((await commune.get(`/api/v1/visit-plans/${draft.json.plan.id}`)).status, 404);
    assert.equal((await audit('visit_plan.publish')).length, 1);
});

test('attend and report: recorded at the meeting, a report with petitions, answered, seen by the cell', async () => {
    const visit = (await attendant.get('/api/v1/me/visits')).json.visits
        .find((v) => v.kind === 'meeting' && v.year === YEAR && v.month === MONTH && v.cell_id === thonDong.id);
    assert.ok(visit, 'the demo sends uyvien.hoaan to Thôn Đông this month');
    // The person's calendar feed carries the visit.
    const feed = await attendant.post('/api/v1/me/calendar');
    assert.equal(feed.status, 201, feed.text);
    const ics = (await (await fetch(`${server.base}${feed.json.url}`)).text()).replace(/\r\n /g, '');
    assert.match(ics, /SUMMARY:Dự sinh hoạt chi bộ \(cấp ủy phân công\) – Chi bộ Thôn Đông/);
    assert.match(ics, new RegExp(`UID:visit-${visit.id}@chibo`));
    let meeting = (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=${YEAR}`)).json.items
        .find((m) => m.kind === 'regular' && m.month === MONTH);
    if (!meeting.id) meeting = (await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'regular', year: YEAR, month: MONTH })).json;
    if (meeting.date > TODAY)
        assert.equal((await secretary.post(`/api/v1/meetings/${meeting.id}/move`, { date: TODAY, reason: 'Họp sớm để kịp triển khai việc của thôn.' })).status, 200);
    const report = { attendant_id: mine.id, cell_id: thonDong.id, kind: 'meeting', meeting_id: meeting.id,
        observations: 'Chi bộ sinh hoạt đúng giờ; đảng viên phát biểu sôi nổi về việc làm đường.',
        members_situation: 'Hai đảng viên đi làm ăn xa có giấy giới thiệu.',
        petitions: [{ field: 'infrastructure', raised_by_kind: 'resident', raised_by: 'Nhân dân xóm Đình', content: 'Đề nghị lắp đèn chiếu sáng đường ra cánh đồng.',
            owner_organization_id: hoaAn.id, owner_name: 'Ủy ban nhân dân xã', deadline: addDays(TODAY, 30) }] };
    expectError(await attendant.post('/api/v1/visit-reports', report), 409, null, 'not held yet');

    // The secretary records the person at the meeting.
    const record = await secretary.get(`/api/v1/meetings/${meeting.id}`);
    const candidate = record.json.record.superior_candidates.find((c) => c.id === mine.id);
    assert.ok(candidate?.planned, 'the planned person comes first, marked');
    expectError(await secretary.put(`/api/v1/meetings/${meeting.id}/record`, { superior_attendant_id: 999999 }), 400,
        'superior_attendant_id', 'not assigned');
    const saved = await secretary.put(`/api/v1/meetings/${meeting.id}/record`, { superior_attendant_id: mine.id, started_at: '14:00', ended_at: '15:45' });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.json.record.superior_attendant.name, mine.name);
    assert.equal(saved.json.record.superior_attended, true);
    // The minutes name the person who attended, with their role.
    const minutes = await checkedFetch(`${server.base}/api/v1/meetings/${meeting.id}/documents/minutes.html`,
        { headers: { Cookie: secretary.cookie } });
    assert.equal(minutes.status, 200);
    const html = (await minutes.text()).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    assert.ok(html.includes(`Đại diện cấp ủy cấp trên dự: đồng chí ${mine.name}, ${mine.role}.`), 'the minutes name the person');

    for (const [body, field] of [
        [{ ...report, meeting_id: undefined }, 'meeting_id'], [{ ...report, observations: ' ' }, 'observations'],
        [{ ...report, cell_id: tanLapCell.id }, 'cell_id'],
        [{ ...report, petitions: [{ ...report.petitions[0], deadline: addDays(TODAY, -1) }] }, 'petitions[0].deadline'],
        [{ ...report, petitions: [{ ...report.petitions[0], owner_organization_id: tanLapCell.id }] }, 'petitions[0].owner_organization_id'],
        [{ ...report, petitions: [{ ...report.petitions[0], field: 'weather' }] }, 'petitions[0].field'],
        [{ ...report, kind: 'grassroots', meeting_id: null }, 'visited_on'],
        [{ ...report, kind: 'grassroots', meeting_id: null, visited_on: addDays(TODAY, 1) }, 'visited_on'],
    ])
        expectError(await attendant.post('/api/v1/visit-reports', body), 400, field, field);
    assert.equal((await outsider.post('/api/v1/visit-reports', report)).status, 404, 'another commune');
    assert.equal((await secretary.post('/api/v1/visit-reports', report)).status, 404, 'not the person');
    assert.equal((await commune.get(`/api/v1/organizations/${hoaAn.id}/visit-reports?year=${YEAR}`)).json.items
        .filter((r) => r.meeting_id === meeting.id).length, 0, 'nothing written');

    const filed = await attendant.post('/api/v1/visit-reports', report);
    assert.equal(filed.status, 201, filed.text);
    assert.equal(filed.json.late, false);
    assert.equal(filed.json.due_on, addDays(meeting.date > TODAY ? TODAY : meeting.date, 5));
    assert.equal(filed.json.petitions.length, 1);
    expectError(await attendant.post('/api/v1/visit-reports', report), 409, null, 'one report per meeting');
    const status = (await attendant.get('/api/v1/me/visits')).json.visits.find((v) => v.id === visit.id);
    assert.equal(status.status, 'reported');
    assert.equal(status.report_id, filed.json.id);

    // The owner answers; the cell sees it.
    const petition = filed.json.petitions[0];
    expectError(await commune.put(`/api/v1/petitions/${petition.id}/answer`, { answer: '' }), 400, 'answer', 'blank');
    assert.equal((await secretary.put(`/api/v1/petitions/${petition.id}/answer`, { answer: 'x' })).status, 403, 'the cell does not own it');
    assert.equal((await outsider.put(`/api/v1/petitions/${petition.id}/answer`, { answer: 'x' })).status, 404);
    const answer = 'Xã đưa vào kế hoạch lắp đèn trong quý tới.';
    const answered = await commune.put(`/api/v1/petitions/${petition.id}/answer`, { answer });
    assert.equal(answered.status, 200, answered.text);
    const cellSees = (await member.get(`/api/v1/organizations/${thonDong.id}/petitions`)).json.items.find((p) => p.id === petition.id);
    assert.equal(cellSees.answer, answer);
    assert.equal(cellSees.state, 'answered');
    assert.equal(cellSees.can_answer, false);
    assert.equal((await outsider.get(`/api/v1/organizations/${tanLapCell.id}/petitions`)).json.items.some((p) => p.id === petition.id), false);
    assert.equal((await outsider.get(`/api/v1/visit-reports/${filed.json.id}`)).status, 404);
    assert.equal((await secretary.get(`/api/v1/visit-reports/${filed.json.id}`)).status, 200, 'the cell reads the report on it');
    assert.equal((await member.get(`/api/v1/visit-reports/${filed.json.id}`)).status, 404);
    assert.equal((await audit('visit_report.create')).length, 1);
    assert.equal((await audit('petition.answer')).length, 1);

    // A grassroots visit, filed late (its day more than 5 days ago).
    const late = await attendant.post('/api/v1/visit-reports', { attendant_id: mine.id, cell_id: thonDoai.id, kind: 'grassroots',
        visited_on: addDays(TODAY, -7), observations: 'Nắm tình hình thu hoạch vụ mùa ở Thôn Đoài.' });
    assert.equal(late.status, 201, late.text);
    assert.equal(late.json.late, true, 'late from day 6');
});

test('the visits are evidence in the person\'s annual grading', async () => {
    const round = await commune.post(`/api/v1/organizations/${hoaAn.id}/grading-rounds`, { period: String(YEAR) });
    assert.equal(round.status, 201, round.text);
    const row = await commune.get(`/api/v1/grading-rounds/${round.json.id}/grades/member/${mine.member_id}`);
    assert.equal(row.status, 200, row.text);
    const visits = row.json.evidence.visits;
    assert.ok(visits, 'the person is assigned: their visits are shown');
    const overview = (await commune.get(`/api/v1/organizations/${hoaAn.id}/visit-overview?year=${YEAR}`)).json;
    const person = overview.people.find((p) => p.attendant_id === mine.id);
    assert.equal(visits.meetings_attended, person.meetings_attended, 'the same count as the committee\'s overview');
    assert.equal(visits.grassroots_visits, person.grassroots_visits);
    assert.equal(visits.meetings_expected, person.meetings_expected);
    const someone = (await commune.get(`/api/v1/grading-rounds/${round.json.id}/grades?subject=member&organization=${thonDong.id}`)).json.items[0];
    assert.equal(someone.evidence.visits, null, 'a member who attends no cell has none');
});
