// Annual grading (Quy định 366): a committee opens a round; chibo proposes from the year's record; the
// self-assessment, the collective's review and the superior's decision are separate rows, corrected only
// by new rows with a reason; a decision over the "excellent" quota is refused until acknowledged.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoWorld, TODAY } from '../lib/fixtures.mjs';
import { startServer } from '../lib/server.mjs';

let server;
let commune;
let secretary;
let member;
let outsider;
let admin;
let hoaAn;
let thonDong;
let round;
let me;  // The member behind dangvien.thondong.

const today = TODAY;
const YEAR = Number(today.slice(0, 4));
const HELD = ['held', 'minutes_finalised', 'reported'];

before(async () => {
    server = await startServer();
    const world = await demoWorld(server, ['secretary', 'member', 'outsider', 'admin']);
    ({ commune, secretary, member, outsider, admin, hoaAn, thonDong } = world);
    me = world.me.member_id;
    assert.ok(me, 'the demo member account is linked to a member');
});
after(async () => { await server.stop(); });

const roundsOf = async (client, org) => (await client.get(`/api/v1/organizations/${org}/grading-rounds`)).json;
const grade = (client, body) => client.post(`/api/v1/grading-rounds/${round.id}/grades`, body);
const rows = async (client, subject, extra = '') =>
    (await client.get(`/api/v1/grading-rounds/${round.id}/grades?subject=${subject}${extra}`));

test('a committee opens a yearly round; wrong periods, quotas and places are refused and write nothing', async () => {
    const url = `/api/v1/organizations/${hoaAn.id}/grading-rounds`;
    for (const [body, field] of [
        [{ period: '2026-Q5' }, 'period'], [{ period: 'năm nay' }, 'period'], [{ period: '2030-2025' }, 'period'],
        [{}, 'period'], [{ period: String(YEAR), excellent_quota: 1.5 }, 'excellent_quota'],
        [{ period: String(YEAR), excellent_quota: 'hai mươi' }, 'excellent_quota'],
    ]) {
        const r = await commune.post(url, body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.json.error.field, field);
        assert.match(r.json.error.message, /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
    assert.equal((await commune.post(url, 'không phải JSON')).status, 400);
    assert.equal((await outsider.post(url, { period: String(YEAR) })).status, 404, 'another commune learns nothing');
    assert.equal((await secretary.post(url, { period: String(YEAR) })).status, 404);
    const onCell = await secretary.post(`/api/v1/organizations/${thonDong.id}/grading-rounds`, { period: String(YEAR) });
    assert.equal(onCell.status, 400, 'a cell does not grade itself');
    assert.equal((await member.post(`/api/v1/organizations/${thonDong.id}/grading-rounds`, { period: String(YEAR) })).status,
        403);
    assert.equal((await roundsOf(commune, hoaAn.id)).items.length, 0, 'nothing written');

    const r = await commune.post(url, { period: String(YEAR) });
    assert.equal(r.status, 201);
    round = r.json;
    assert.equal(round.period_label, `Năm ${YEAR}`);
    assert.equal(round.period_kind, 'year');
    assert.equal(round.period_from, `${YEAR}-01-01`);
    assert.equal(round.period_to, `${YEAR}-12-31`);
    assert.equal(round.excellent_quota, 0.2);
    assert.equal(round.can_decide, true);
    const again = await commune.post(url, { period: String(YEAR) });
    assert.equal(again.status, 409);
    assert.equal(again.json.error.field, 'period');

    const list = await roundsOf(commune, hoaAn.id);
    assert.equal(list.can_create, true);
    assert.deepEqual(list.items.map((x) => x.id), [round.id]);
    // The cell's secretary and member find the commune's round from their cell; neither may open one there.
    const fromCell = await roundsOf(secretary, thonDong.id);
    assert.deepEqual(fromCell.items.map((x) => [x.id, x.organization_name, x.can_decide]),
        [[round.id, 'Đảng bộ xã Hòa An', false]]);
    assert.equal(fromCell.can_create, false);
    assert.equal((await roundsOf(member, thonDong.id)).items.length, 1);
    assert.equal((await outsider.get(`/api/v1/organizations/${thonDong.id}/grading-rounds`)).status, 404);
    assert.equal((await outsider.get(`/api/v1/grading-rounds/${round.id}`)).status, 404);
    assert.equal((await outsider.get(`/api/v1/grading-rounds/${round.id}/grades`)).status, 404);
    assert.equal((await commune.get('/api/v1/grading-rounds/999999')).status, 404);
});

test('the proposal follows from the evidence, and the evidence from the meeting record', async () => {
    const all = await rows(commune, 'cell');
    assert.equal(all.status, 200);
    const cells = hoaAn.children.filter((c) => c.kind.endsWith('_cell'));
    assert.equal(all.json.items.length, cells.length, 'every cell of the commune is a subject');
    const row = all.json.items.find((x) => x.subject_id === thonDong.id);
    const e = row.evidence;

    // Cross-check with the meetings the calendar lists for the cell this year.
    const meetings = (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=${YEAR}`)).json.items
        .filter((m) => m.id && HELD.includes(m.state) && m.date <= today);
    const months = new Set(meetings.filter((m) => m.kind === 'regular').map((m) => m.date.slice(0, 7)));
    const quarters = new Set(meetings.filter((m) => m.kind === 'thematic')
        .map((m) => Math.floor((Number(m.date.slice(5, 7)) - 1) / 3)));
    assert.equal(e.regular_held, months.size);
    assert.equal(e.thematic_held, quarters.size);
    assert.ok(e.regular_expected >= e.regular_held && e.regular_expected <= 12);
    assert.ok(e.regular_held < e.regular_expected, 'the demo leaves a month of Thôn Đông unheld');

    // The documented weights give the proposal (docs/api.md; a block scores its max × the weighted mean of
    // the parts with evidence).
    const share = (a, b) => (b > 0 ? Math.min(1, a / b) : null);
    const att = share(e.attendance_present, e.attendance_expected);
    const scored = e.meetings_scored;
    const quality = scored ? (e.levels.good + 0.8 * e.levels.fair + 0.6 * e.levels.average + 0.3 * e.levels.poor) / scored
        : null;
    const block = (max, parts) => {
        const known = parts.filter(([, v]) => v !== null);
        const w = known.reduce((s, [x]) => s + x, 0);
        return w ? Math.floor(max * known.reduce((s, [x, v]) => s + x * v, 0) / w + 0.5 + 1e-9) : 0;
    };
    const general = block(30, [[15, share(e.regular_held, e.regular_expected)],
        [10, share(e.thematic_held, e.thematic_expected)], [5, att === null ? null : att >= 0.9 ? 1 : att >= 0.8 ? 0.5 : 0]]);
    const tasks = block(70, [[40, quality], [30, share(e.tasks_met, e.tasks_assessed)]]);
    assert.equal(row.proposal.general_points, general);
    assert.equal(row.proposal.task_points, tasks);
    assert.equal(row.proposal.total, general + tasks);
    const total = general + tasks;
    assert.equal(row.proposal.level, total >= 70 ? 'good' : total >= 50 ? 'completed' : 'not_completed');
    assert.deepEqual(row.proposal.parts.map((p) => [p.code, p.block]),
        [['regular', 'general'], ['thematic', 'general'], ['attendance', 'general'], ['quality', 'tasks'], ['tasks', 'tasks']]);
    assert.equal(row.self, null);
    assert.equal(row.records, 0);
});

test('each reader sees the subjects they may read, no more', async () => {
    const mine = await rows(secretary, 'cell');
    assert.deepEqual(mine.json.items.map((x) => x.subject_id), [thonDong.id]);
    assert.equal(mine.json.items[0].can_self, true);
    assert.equal(mine.json.items[0].can_decide, false);
    const members = (await rows(secretary, 'member')).json.items;
    assert.ok(members.length > 5);
    assert.ok(members.every((x) => x.cell_id === thonDong.id));
    assert.equal((await rows(member, 'cell')).json.items.length, 0, 'a plain member does not see the cell\'s row');
    const self = (await rows(member, 'member')).json.items;
    assert.deepEqual(self.map((x) => [x.subject_id, x.can_self, x.can_collective]), [[me, true, false]]);
    // Narrowed to one cell; a cell outside the round is not found.
    const narrowed = (await rows(commune, 'member', `&organization=${thonDong.id}`)).json.items;
    assert.deepEqual(narrowed.map((x) => x.subject_id).sort(), members.map((x) => x.subject_id).sort());
    const tanLap = (await outsider.get('/api/v1/organizations/tree?depth=0')).json.roots[0];
    assert.equal((await rows(commune, 'member', `&organization=${tanLap.id}`)).status, 404);
    assert.equal((await rows(commune, 'nobody')).status, 400);

    // The secretary's summary counts their own cell; the quota table is the committee's.
    const detail = (await secretary.get(`/api/v1/grading-rounds/${round.id}`)).json;
    assert.equal(detail.summary.cells.total, 1);
    assert.equal(detail.summary.members.total, members.length);
    assert.deepEqual(detail.quota, []);
});

test('steps go self → collective → decision, each by its own people, corrections with a reason', async () => {
    const cell = { subject: 'cell', subject_id: thonDong.id };
    const points = { general_points: 26, task_points: 50, comment: 'Duy trì sinh hoạt đều đặn' };
    let r = await grade(secretary, { ...cell, ...points, step: 'collective' });
    assert.equal(r.status, 409, 'no review before the self-assessment');
    assert.equal(r.json.error.field, 'step');
    for (const [body, field] of [
        [{ ...cell, ...points, step: 'self', general_points: 31 }, 'general_points'],
        [{ ...cell, ...points, step: 'self', task_points: -1 }, 'task_points'],
        [{ ...cell, step: 'self', general_points: 20 }, 'task_points'],
        [{ ...cell, ...points, step: 'approve' }, 'step'],
        [{ ...points, subject: 'village', subject_id: thonDong.id, step: 'self' }, 'subject'],
        [{ ...cell, ...points, step: 'self', exceeded_targets: 'có' }, 'exceeded_targets'],
    ]) {
        r = await grade(secretary, body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.json.error.field, field);
    }
    assert.equal((await grade(member, { ...cell, ...points, step: 'self' })).status, 404,
        'a plain member cannot see the cell as a subject');
    const tanLap = (await outsider.get('/api/v1/organizations/tree?depth=1')).json.roots[0];
    const otherCell = tanLap.children.find((c) => c.kind.endsWith('_cell'));
    assert.equal((await grade(commune, { subject: 'cell', subject_id: otherCell.id, step: 'self', ...points })).status, 404);
    assert.equal((await grade(outsider, { ...cell, ...points, step: 'self' })).status, 404);
    assert.equal((await commune.get(`/api/v1/grading-rounds/${round.id}/grades/cell/${thonDong.id}`)).json.records, 0,
        'nothing written by refused input');

    r = await grade(secretary, { ...cell, ...points, step: 'self' });
    assert.equal(r.status, 201);
    assert.equal(r.json.total, 76);
    assert.equal(r.json.level, 'good');
    assert.equal(r.json.level_label, 'Hoàn thành tốt nhiệm vụ');
    assert.equal(r.json.recorded_by, 'bithu.thondong');
    r = await grade(secretary, { ...cell, general_points: 25, task_points: 48, step: 'collective' });
    assert.equal(r.status, 201);
    r = await grade(secretary, { ...cell, general_points: 25, task_points: 48, step: 'decision' });
    assert.equal(r.status, 403, 'the cell does not decide its own grade');
    assert.match(r.json.error.message, /Đảng bộ xã Hòa An/);
    r = await grade(commune, { ...cell, general_points: 24, task_points: 46, step: 'decision' });
    assert.equal(r.status, 201);
    assert.equal(r.json.level, 'good');

    r = await grade(commune, { ...cell, general_points: 24, task_points: 40, step: 'decision' });
    assert.equal(r.status, 400, 'a second decision is a correction');
    assert.equal(r.json.error.field, 'reason');
    r = await grade(commune, { ...cell, general_points: 24, task_points: 40, step: 'decision',
        reason: 'Điều chỉnh theo kết quả kiểm tra của Ủy ban Kiểm tra' });
    assert.equal(r.status, 201);
    assert.equal(r.json.level, 'completed');

    const one = (await commune.get(`/api/v1/grading-rounds/${round.id}/grades/cell/${thonDong.id}`)).json;
    assert.deepEqual(one.history.map((g) => [g.step, g.total]),
        [['self', 76], ['collective', 73], ['decision', 70], ['decision', 64]]);
    assert.equal(one.records, 4);
    assert.equal(one.decision.total, 64, 'the latest row of a step counts');
    assert.equal(one.self.comment, 'Duy trì sinh hoạt đều đặn');
    assert.equal((await secretary.get(`/api/v1/grading-rounds/${round.id}/grades/cell/${thonDong.id}`)).status, 200);
    assert.equal((await member.get(`/api/v1/grading-rounds/${round.id}/grades/cell/${thonDong.id}`)).status, 404);
    assert.equal((await commune.get(`/api/v1/grading-rounds/${round.id}/grades/cell/${otherCell.id}`)).status, 404);

    const audit = (await admin.get('/api/v1/audit?page_size=200&entity=grading_round')).json.items;
    assert.deepEqual(audit.map((a) => a.action).sort(),
        ['grading.correct', 'grading.open', 'grading.record', 'grading.record', 'grading.record'].sort());
    const corrected = audit.find((a) => a.action === 'grading.correct');
    assert.match(JSON.stringify(corrected.after), /Ủy ban Kiểm tra/);
});

test('a member assesses themself; the cell reviews; the commune decides under the quota', async () => {
    const mine = { subject: 'member', subject_id: me };
    const others = (await rows(secretary, 'member')).json.items.filter((x) => x.subject_id !== me);
    assert.equal((await grade(member, { subject: 'member', subject_id: others[0].subject_id, step: 'self',
        general_points: 30, task_points: 70 })).status, 404, 'a member assesses only themself; others are not found');
    let r = await grade(member, { ...mine, step: 'self', general_points: 29, task_points: 66, exceeded_targets: true,
        comment: 'Hoàn thành tốt nhiệm vụ được giao ở thôn' });
    assert.equal(r.status, 201);
    assert.equal(r.json.level, 'excellent');
    assert.equal((await grade(member, { ...mine, step: 'collective', general_points: 29, task_points: 66 })).status, 403);
    r = await grade(secretary, { ...mine, step: 'collective', general_points: 28, task_points: 64, exceeded_targets: true });
    assert.equal(r.status, 201);

    // No member of Hòa An is rated good yet: an excellent one is over the 20 % quota.
    const before = (await commune.get(`/api/v1/grading-rounds/${round.id}/grades/member/${me}`)).json.records;
    r = await grade(commune, { ...mine, step: 'decision', general_points: 28, task_points: 64, exceeded_targets: true });
    assert.equal(r.status, 409);
    assert.equal(r.json.error.field, 'acknowledge_quota');
    assert.match(r.json.error.message, /Vượt tỷ lệ: Đảng bộ xã Hòa An sẽ có 1 Hoàn thành xuất sắc nhiệm vụ/);
    assert.match(r.json.error.message, /tối đa 0/);
    assert.equal((await commune.get(`/api/v1/grading-rounds/${round.id}/grades/member/${me}`)).json.records, before);
    // A disciplined member is not excellent, whatever the points: no quota question then.
    r = await grade(commune, { ...mine, step: 'decision', general_points: 28, task_points: 64, exceeded_targets: true,
        disciplined: true });
    assert.equal(r.status, 201);
    assert.equal(r.json.level, 'good');
    r = await grade(commune, { ...mine, step: 'decision', general_points: 28, task_points: 64, exceeded_targets: true,
        reason: 'Kỷ luật đã được xóa theo quyết định của cấp trên', acknowledge_quota: true });
    assert.equal(r.status, 201);
    assert.equal(r.json.level, 'excellent');

    // Five good ones make room for one excellent: the quota row is back within.
    let detail = (await commune.get(`/api/v1/grading-rounds/${round.id}`)).json;
    let quota = detail.quota.find((q) => q.subject === 'member');
    assert.deepEqual([quota.organization_name, quota.excellent, quota.good, quota.allowed, quota.over],
        ['Đảng bộ xã Hòa An', 1, 0, 0, true]);
    for (const other of others.slice(0, 5)) {
        const s = { subject: 'member', subject_id: other.subject_id };
        for (const step of ['self', 'collective', 'decision'])
            assert.equal((await grade(step === 'decision' ? commune : secretary,
                { ...s, step, general_points: 25, task_points: 55 })).status, 201);
    }
    const low = { subject: 'member', subject_id: others[5].subject_id };
    for (const step of ['self', 'collective', 'decision'])
        await grade(step === 'decision' ? commune : secretary, { ...low, step, general_points: 20, task_points: 35 });
    detail = (await commune.get(`/api/v1/grading-rounds/${round.id}`)).json;
    quota = detail.quota.find((q) => q.subject === 'member');
    assert.deepEqual([quota.excellent, quota.good, quota.allowed, quota.over], [1, 5, 1, false]);
    // The statistics: 6 of 7 decided members good or better; the cell decided "completed".
    const m = detail.summary.members;
    assert.deepEqual([m.excellent, m.good, m.completed, m.not_completed, m.undecided, m.total - 7],
        [1, 5, 1, 0, m.total - 7, m.undecided]);
    assert.ok(Math.abs(m.good_or_better_share - 6 / 7) < 1e-9);
    const c = detail.summary.cells;
    assert.deepEqual([c.completed, c.good_or_better_share], [1, 0]);
    // Lowering one of the good ones to completed would shrink the base under the excellent one.
    const target = { subject: 'member', subject_id: others[0].subject_id };
    r = await grade(commune, { ...target, step: 'decision', general_points: 20, task_points: 40, reason: 'Xem lại' });
    assert.equal(r.status, 409);
    assert.equal(r.json.error.field, 'acknowledge_quota');
});

test('a quarter or a term is a period too', async () => {
    let r = await commune.post(`/api/v1/organizations/${hoaAn.id}/grading-rounds`, { period: `${YEAR - 1}-Q4`, excellent_quota: 0.3 });
    assert.equal(r.status, 201);
    assert.equal(r.json.period_label, `Quý IV/${YEAR - 1}`);
    assert.equal(r.json.excellent_quota, 0.3);
    const quarter = r.json;
    const cell = (await commune.get(`/api/v1/grading-rounds/${quarter.id}/grades?subject=cell&organization=${thonDong.id}`))
        .json.items[0];
    assert.equal(cell.evidence.regular_expected, 3, 'three months of a quarter that is over');
    assert.equal(cell.evidence.thematic_expected, 1);
    r = await commune.post(`/api/v1/organizations/${hoaAn.id}/grading-rounds`, { period: '2025-2030' });
    assert.equal(r.status, 201);
    assert.equal(r.json.period_kind, 'term');
    assert.equal(r.json.period_label, 'Nhiệm kỳ 2025–2030');
    // Newest period first: the term ends last.
    assert.deepEqual((await roundsOf(commune, hoaAn.id)).items.map((x) => x.period),
        ['2025-2030', String(YEAR), `${YEAR - 1}-Q4`]);
});
