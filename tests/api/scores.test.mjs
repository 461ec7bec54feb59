// Meeting quality: the HD 42 scorecard by default, a committee's own version for its subtree, a held
// meeting scored by the cell (pre-filled from the record) and by the superior, corrections with a reason,
// computed criteria kept unless the scorer says why, and the commune's count of meetings scored above their record.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkedFetch } from '../lib/contract.mjs';
import { demoWorld, MONTH, TODAY, YEAR } from '../lib/fixtures.mjs';
import { startServer } from '../lib/server.mjs';

let server;
let admin;
let commune;
let secretary;
let member;
let outsider;
let hoaAn;
let thonDong;
let held;  // A meeting of the demo's history: held, finalised.

const today = TODAY;

before(async () => {
    server = await startServer();
    ({ admin, commune, secretary, member, outsider, hoaAn, thonDong } = await demoWorld(server, ['admin', 'secretary', 'member', 'outsider']));
    const year = Number(today.slice(0, 4));
    let items = (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=${year}`)).json.items;
    if (!items.some((m) => m.id && m.state === 'reported'))
        items = (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=${year - 1}`)).json.items;
    held = items.filter((m) => m.id && ['reported', 'minutes_finalised'].includes(m.state)).at(-1);
    assert.ok(held, 'the demo holds meetings');
});
after(async () => { await server.stop(); });

test('without a scorecard of their own, cells use the HD 42 default of 100 points', async () => {
    const r = await secretary.get(`/api/v1/organizations/${thonDong.id}/scorecard`);
    assert.equal(r.status, 200);
    assert.equal(r.json.in_force.id, 0);
    assert.equal(r.json.in_force.total, 100);
    assert.equal(r.json.source_name, '');
    assert.equal(r.json.can_write, false, 'a cell does not set its own scorecard');
    assert.deepEqual(r.json.in_force.blocks.map((b) => b.max_points), [5, 5, 10, 40, 5, 30, 5]);
    assert.equal((await outsider.get(`/api/v1/organizations/${thonDong.id}/scorecard`)).status, 404);
});

test('a committee saves a version for its subtree; a wrong one is refused where it is wrong', async () => {
    const base = (await commune.get(`/api/v1/organizations/${hoaAn.id}/scorecard`)).json.in_force;
    const card = { ...base, name: 'Phiếu đánh giá của Đảng ủy xã Hòa An', effective_from: today };
    delete card.id;

    const wrongBlock = structuredClone(card);
    wrongBlock.blocks[2].max_points = 12;
    let r = await commune.post(`/api/v1/organizations/${hoaAn.id}/scorecards`, wrongBlock);
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'blocks[2].max_points');
    assert.match(r.json.error.message, /tổng điểm các tiêu chí/);
    const overlapping = structuredClone(card);
    overlapping.blocks[1].criteria[0].tiers[1].min = 0.8;  // [0.8, 1) overlaps [0.75, 0.9).
    r = await commune.post(`/api/v1/organizations/${hoaAn.id}/scorecards`, overlapping);
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'blocks[1].criteria[0].tiers');
    r = await commune.post(`/api/v1/organizations/${hoaAn.id}/scorecards`, { ...card, effective_from: '2020-01-01' });
    assert.equal(r.json.error.field, 'effective_from');
    r = await commune.post(`/api/v1/organizations/${hoaAn.id}/scorecards`, { ...card, good_min: 60 });
    assert.equal(r.json.error.field, 'levels');
    assert.equal((await secretary.post(`/api/v1/organizations/${thonDong.id}/scorecards`, card)).status, 400);
    assert.equal((await outsider.post(`/api/v1/organizations/${hoaAn.id}/scorecards`, card)).status, 404);
    assert.equal((await commune.get(`/api/v1/organizations/${hoaAn.id}/scorecard`)).json.own_versions.length, 0,
        'nothing written by refused input');

    // Attendance stricter: 95 % for 4 points.
    const own = structuredClone(card);
    own.blocks[1].criteria[0].tiers = [
        { min: 1, max: null, points: 5 }, { min: 0.95, max: 1, points: 4 }, { min: 0.8, max: 0.95, points: 3 },
        { min: 0, max: 0.8, points: 1 }];
    r = await commune.post(`/api/v1/organizations/${hoaAn.id}/scorecards`, own);
    assert.equal(r.status, 201, r.text);
    assert.ok(r.json.id > 0);
    const inherited = await secretary.get(`/api/v1/organizations/${thonDong.id}/scorecard`);
    assert.equal(inherited.json.in_force.id, r.json.id);
    assert.equal(inherited.json.source_name, 'Đảng bộ xã Hòa An');
    const before = await secretary.get(`/api/v1/organizations/${thonDong.id}/scorecard?date=2026-01-01`);
    assert.equal(before.json.in_force.id, 0, 'meetings before the version keep the old scorecard');
});

test('a held meeting is scored by the cell from the pre-filled record and by the superior', async () => {
    const s = await secretary.get(`/api/v1/meetings/${held.id}/score`);
    assert.equal(s.status, 200, s.text);
    assert.equal(s.json.can_score_cell, true);
    assert.equal(s.json.can_score_superior, false);
    assert.equal(s.json.facts.minutes_finalised, true);
    assert.equal(s.json.prefill.minutes, 2);
    assert.ok('attendance' in s.json.prefill && 'duration' in s.json.prefill && 'participation' in s.json.prefill);
    assert.equal(s.json.prefill.procedure, undefined, 'judgement is left to people');
    assert.equal((await member.get(`/api/v1/meetings/${held.id}/score`)).status, 404);
    assert.equal((await outsider.get(`/api/v1/meetings/${held.id}/score`)).status, 404);

    const judged = { content: 2, procedure: 9, content_quality: 8, chairing: 9, democratic_centralism: 3, self_criticism: 2 };
    const points = { ...s.json.prefill, ...judged };
    for (const c of s.json.scorecard.blocks.flatMap((b) => b.criteria)) if (!(c.code in points)) points[c.code] = c.max_points;

    let r = await secretary.post(`/api/v1/meetings/${held.id}/scores`, { role: 'cell', points: { ...points, procedure: 11 } });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'procedure');
    r = await secretary.post(`/api/v1/meetings/${held.id}/scores`, { role: 'cell', points: { procedure: 9 } });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'points');
    r = await secretary.post(`/api/v1/meetings/${held.id}/scores`, { role: 'superior', points });
    assert.equal(r.status, 403, 'the cell does not fill the superior column');
    r = await secretary.post(`/api/v1/meetings/${held.id}/scores`, { role: 'boss', points });
    assert.equal(r.json.error.field, 'role');

    r = await secretary.post(`/api/v1/meetings/${held.id}/scores`, { role: 'cell', points });
    assert.equal(r.status, 201, r.text);
    const total = Object.values(points).reduce((a, b) => a + b, 0);
    assert.equal(r.json.total, total);
    assert.ok(['good', 'fair', 'average', 'poor'].includes(r.json.level));
    assert.ok(r.json.level_label.length > 0);

    r = await secretary.post(`/api/v1/meetings/${held.id}/scores`, { role: 'cell', points: { ...points, chairing: 7 } });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'reason', 'a correction needs a reason');
    r = await secretary.post(`/api/v1/meetings/${held.id}/scores`, { role: 'cell', points: { ...points, chairing: 7 }, reason: 'Chấm lại theo góp ý' });
    assert.equal(r.status, 201);
    assert.equal(r.json.total, total - 2);

    r = await commune.post(`/api/v1/meetings/${held.id}/scores`, { role: 'superior', points: { ...points, self_criticism: 1 } });
    assert.equal(r.status, 201, r.text);
    const after = (await secretary.get(`/api/v1/meetings/${held.id}/score`)).json;
    assert.equal(after.scores.length, 3, 'every scoring is kept');
    assert.equal(after.latest.cell.total, total - 2);
    assert.equal(after.latest.superior.total, total - 1);
    assert.equal(after.latest.cell.reason, 'Chấm lại theo góp ý');
    assert.equal((await outsider.post(`/api/v1/meetings/${held.id}/scores`, { role: 'superior', points })).status, 404);

    // The levels go into the meeting and its documents.
    const meeting = (await secretary.get(`/api/v1/meetings/${held.id}`)).json;
    assert.equal(meeting.quality.cell.total, total - 2);
    assert.equal(meeting.quality.superior.total, total - 1);
    const dir = mkdtempSync(join(tmpdir(), 'chibo-scores-'));
    const pdf = await checkedFetch(`${server.base}/api/v1/meetings/${held.id}/documents/minutes.pdf`, { headers: { Cookie: secretary.cookie } });
    writeFileSync(join(dir, 'minutes.pdf'), Buffer.from(await pdf.arrayBuffer()));
    const text = spawnSync('pdftotext', [join(dir, 'minutes.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    rmSync(dir, { recursive: true, force: true });
    assert.ok(text.includes(`Chi bộ tự chấm ${total - 2} điểm, xếp loại ${meeting.quality.cell.level_label}`), text);
    assert.ok(text.includes(`cấp trên chấm ${total - 1} điểm`));
});

test('a meeting not yet held cannot be scored', async () => {
    const nextMonth = MONTH === 12 ? 1 : MONTH + 1;
    const nextYear = MONTH === 12 ? YEAR + 1 : YEAR;
    const created = await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'regular', year: nextYear, month: nextMonth });
    assert.equal(created.status, 201);
    const s = await secretary.get(`/api/v1/meetings/${created.json.id}/score`);
    assert.equal(s.json.can_score_cell, false);
    const r = await secretary.post(`/api/v1/meetings/${created.json.id}/scores`, { role: 'cell', points: {} });
    assert.equal(r.status, 409);
});

test('compliance alerts of a commune name their cell and evidence; outsiders and members see none', async () => {
    const r = await commune.get(`/api/v1/organizations/${hoaAn.id}/alerts`);
    assert.equal(r.status, 200);
    const items = r.json.items;
    const kinds = new Set(items.map((a) => a.kind));
    const known = ['missed_regular', 'missed_thematic', 'too_short', 'low_attendance', 'documents_late', 'minutes_late',
        'report_late', 'repeated_absences', 'confirmation_due', 'committee_required', 'too_few_official', 'petition_overdue'];
    assert.ok([...kinds].every((k) => known.includes(k)), [...kinds].join());
    const cells = new Set(hoaAn.children.map((c) => c.id));
    assert.ok(items.every((a) => cells.has(a.organization_id) && a.organization_name && a.message));
    // The demo's Thôn Đông leaves last month's regular meeting to its secretary: once that month is over it is
    // missed (unless the test above held it, which it does not).
    const lastMonth = MONTH === 1 ? null : MONTH - 1;
    if (lastMonth) {
        assert.ok(items.some((a) => a.kind === 'missed_regular' && a.organization_id === thonDong.id && a.month === lastMonth),
            JSON.stringify(items.filter((a) => a.organization_id === thonDong.id)));
    }
    // Trạm Y tế has 14 members and no chi ủy in the demo.
    const tram = hoaAn.children.find((c) => c.name === 'Chi bộ Trạm Y tế');
    assert.ok(items.some((a) => a.kind === 'committee_required' && a.organization_id === tram.id));
    for (const a of items.filter((x) => x.meeting_id)) assert.ok(a.month >= 1 && a.month <= 12);
    // A secretary sees only their cell's alerts; a plain member none; another commune nothing.
    const own = await secretary.get(`/api/v1/organizations/${thonDong.id}/alerts`);
    assert.equal(own.status, 200);
    assert.ok(own.json.items.length > 0, 'the demo\'s Thôn Đông has alerts');
    assert.ok(own.json.items.every((a) => a.organization_id === thonDong.id));
    assert.deepEqual(own.json.items, items.filter((a) => a.organization_id === thonDong.id), 'the same alerts as the commune sees');
    assert.equal((await secretary.get(`/api/v1/organizations/${hoaAn.id}/alerts`)).status, 404);
    assert.equal((await member.get(`/api/v1/organizations/${thonDong.id}/alerts`)).status, 403);
    assert.equal((await outsider.get(`/api/v1/organizations/${hoaAn.id}/alerts`)).status, 404);
});

// Issue 15: a cell whose meeting had an unexcused absence (attendance computes 1) cannot lift attendance to 5 and
// reach "Tốt" silently. Last month's regular meeting of Thôn Đông is held here, after the alerts above counted it
// missed.
test('a computed criterion keeps its points unless a reason is given; the commune counts the meetings above their record', async () => {
    const prev = new Date(Date.UTC(YEAR, MONTH - 2, 1));
    const [year, month] = [prev.getUTCFullYear(), prev.getUTCMonth() + 1];
    const period = `${year}-${String(month).padStart(2, '0')}`;
    let meeting = (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=${year}`)).json.items
        .find((m) => m.kind === 'regular' && m.month === month);
    if (!meeting.id) {
        const created = await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'regular', year, month });
        assert.equal(created.status, 201, created.text);
        meeting = created.json;
    }
    const roll = (await secretary.get(`/api/v1/meetings/${meeting.id}/roll`)).json.items;
    // Everyone present but the exempt and those away with a temporary transfer letter (their presence is fixed).
    const attendance = roll.map((a) => ({
        member_id: a.member_id, presence: ['exempt', 'away'].includes(a.presence) ? a.presence : 'present', reason: '',
    }));
    attendance.find((a) => a.presence === 'present').presence = 'unexcused';
    let r = await secretary.put(`/api/v1/meetings/${meeting.id}/record`, { attendance, started_at: '14:00', ended_at: '15:45' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.state, 'held');

    const scoring = (await secretary.get(`/api/v1/meetings/${meeting.id}/score`)).json;
    assert.equal(scoring.facts.unexcused, 1);
    assert.equal(scoring.prefill.attendance, 1, 'any unexcused absence caps attendance at 1');
    const before = (await commune.get(`/api/v1/organizations/${hoaAn.id}/scores?from=${period}&to=${period}`)).json;
    assert.ok(!before.items.some((i) => i.meeting_id === meeting.id));
    const judged = { content: 2, procedure: 10, content_quality: 10, chairing: 10, democratic_centralism: 3, self_criticism: 2 };
    const points = { ...scoring.prefill, ...judged };
    for (const c of scoring.scorecard.blocks.flatMap((b) => b.criteria)) if (!(c.code in points)) points[c.code] = c.max_points;

    // Lifted to 5 without a reason: refused at the criterion, nothing written.
    r = await secretary.post(`/api/v1/meetings/${meeting.id}/scores`, { role: 'cell', points: { ...points, attendance: 5 } });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.error.field, 'attendance');
    assert.match(r.json.error.message, /Đảng viên dự sinh hoạt.*được tính từ biên bản: 1 điểm/);
    assert.match(r.json.error.message, /cần ghi lý do điều chỉnh/);
    r = await secretary.post(`/api/v1/meetings/${meeting.id}/scores`,
        { role: 'cell', points: { ...points, attendance: 5 }, override_reasons: { attendance: '   ' } });
    assert.equal(r.status, 400, 'a blank reason is no reason');
    assert.equal(r.json.error.field, 'attendance');
    r = await secretary.post(`/api/v1/meetings/${meeting.id}/scores`,
        { role: 'cell', points: { ...points, attendance: 5 }, override_reasons: { attendance: 'x'.repeat(501) } });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'attendance');
    assert.equal((await secretary.get(`/api/v1/meetings/${meeting.id}/score`)).json.scores.length, 0, 'nothing written');

    // With a reason: saved, the points given beside the computed ones and the reason.
    const reason = 'Đồng chí vắng đã báo  ốm qua điện thoại trước giờ họp; biên bản ghi nhầm';
    r = await secretary.post(`/api/v1/meetings/${meeting.id}/scores`,
        { role: 'cell', points: { ...points, attendance: 5 }, override_reasons: { attendance: ` ${reason} `, procedure: 'Không phải tiêu chí tự tính' } });
    assert.equal(r.status, 201, r.text);
    const normalised = reason.replace(/\s+/g, ' ');
    assert.deepEqual(r.json.criteria.attendance, { points: 5, computed_points: 1, override_reason: normalised });
    assert.deepEqual(r.json.criteria.procedure, { points: 10, computed_points: null, override_reason: null });
    assert.equal(r.json.criteria.minutes.computed_points, scoring.prefill.minutes);
    assert.equal(r.json.deviation, 4);
    assert.equal(r.json.points.attendance, 5);
    const cellTotal = r.json.total;

    // The superior leaves out the computed criteria the record tells: they take the record's points.
    const told = Object.fromEntries(Object.entries(points).filter(([code]) => !(code in scoring.prefill)));
    r = await commune.post(`/api/v1/meetings/${meeting.id}/scores`, { role: 'superior', points: told });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.points.attendance, 1);
    assert.equal(r.json.deviation, 0);
    const shown = (await commune.get(`/api/v1/meetings/${meeting.id}/score`)).json;
    assert.equal(shown.latest.cell.deviation, 4, 'the superior sees the deviation beside the cell\'s score');
    assert.equal(shown.latest.cell.criteria.attendance.override_reason, normalised);

    // The commune's view of the month: one more meeting above its record, with the reason beside the score.
    const view = await commune.get(`/api/v1/organizations/${hoaAn.id}/scores?from=${period}&to=${period}`);
    assert.equal(view.status, 200, view.text);
    assert.equal(view.json.from, period);
    assert.equal(view.json.above, before.above + 1);
    assert.equal(view.json.below, before.below);
    assert.equal(view.json.scored, before.scored + 1);
    const item = view.json.items.find((i) => i.meeting_id === meeting.id);
    assert.ok(item, JSON.stringify(view.json.items));
    assert.equal(item.organization_name, 'Chi bộ Thôn Đông');
    assert.equal(item.cell.total, cellTotal);
    assert.equal(item.cell.deviation, 4);
    assert.equal(item.superior.deviation, 0);
    assert.deepEqual(item.overrides, [{ role: 'cell', code: 'attendance', label: 'Đảng viên dự sinh hoạt', computed_points: 1, points: 5, reason: normalised }]);
    // Another month does not count it; the cell's secretary sees the cell's own; others nothing.
    const next = new Date(Date.UTC(YEAR, MONTH - 1, 1));
    const nextPeriod = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
    const later = (await commune.get(`/api/v1/organizations/${hoaAn.id}/scores?from=${nextPeriod}&to=${nextPeriod}`)).json;
    assert.ok(!later.items.some((i) => i.meeting_id === meeting.id));
    const own = await secretary.get(`/api/v1/organizations/${thonDong.id}/scores?from=${period}&to=${period}`);
    assert.equal(own.status, 200);
    assert.deepEqual(own.json.items.map((i) => i.meeting_id), [meeting.id]);
    assert.equal((await member.get(`/api/v1/organizations/${thonDong.id}/scores`)).status, 403);
    assert.equal((await outsider.get(`/api/v1/organizations/${hoaAn.id}/scores`)).status, 404);
    assert.equal((await secretary.get(`/api/v1/organizations/${hoaAn.id}/scores`)).status, 404);
    assert.equal((await commune.get(`/api/v1/organizations/${hoaAn.id}/scores?from=${period}&to=2000-01`)).json?.error?.field, 'to');

    // The cell corrects its score back to the record: the meeting no longer stands above it.
    r = await secretary.post(`/api/v1/meetings/${meeting.id}/scores`, { role: 'cell', points: { ...points }, reason: 'Theo góp ý của Đảng ủy xã' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.deviation, 0);
    const corrected = (await commune.get(`/api/v1/organizations/${hoaAn.id}/scores?from=${period}&to=${period}`)).json;
    assert.equal(corrected.above, before.above);
    assert.ok(!corrected.items.some((i) => i.meeting_id === meeting.id));

    // The audit log keeps the reason.
    const audit = (await admin.get(`/api/v1/audit?page_size=50&entity=meeting&entity_id=${meeting.id}`)).json.items;
    const scored = audit.find((a) => a.action === 'meeting.score' && a.after.role === 'cell');
    assert.ok(scored, JSON.stringify(audit.map((a) => a.action)));
    assert.equal(scored.after.deviation, '4');
    assert.equal(scored.after.override_reasons, `Đảng viên dự sinh hoạt: 1 → 5 (${normalised})`);
});
