// Annual grading (Quy định 366, HD 43) as people use it: the commune committee of Hòa An opens this year's round
// (after a term too long and a duplicate, refused where they are typed); on a phone the secretary of Chi bộ Thôn
// Đông opens it from the cell's page, sees the cell's proposal exactly as the server computed it, records the
// self-assessment and the collective's review; the committee decides. A plain member assesses themself, the cell
// reviews, the committee decides "excellent" over the quota of Hòa An (few members are "good"), confirms the
// warning, and later corrects the decision with a reason: the summary, the quota and the history follow.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, fieldError, login, notice, numberInput, openOrganization, openPage, PHONE,
    fitsPhone, pickOption, screenshot, setUp, shot, SHOTS, todayVn, waitForTexts,
} from './helpers.mjs';
import { Client } from '../lib/server.mjs';

const COMMUNE = 'Đảng bộ xã Hòa An';
const CELL = 'Chi bộ Thôn Đông';
const [, , YEAR] = todayVn().split('/').map(Number);
const LEVELS = {
    excellent: 'Hoàn thành xuất sắc nhiệm vụ',
    good: 'Hoàn thành tốt nhiệm vụ',
    completed: 'Hoàn thành nhiệm vụ',
    not_completed: 'Không hoàn thành nhiệm vụ',
};
// The rule of docs/api.md.
const levelOf = (total, exceeded, disciplined) =>
    (total >= 90 && exceeded && !disciplined ? 'excellent' : total >= 70 ? 'good' : total >= 50 ? 'completed' : 'not_completed');
const TOO_LONG = { from: 2025, to: 2040 };
const MEMBER_SELF = { general: 29, tasks: 64, exceeded: true };
const MEMBER_DECISION = { general: 30, tasks: 65, exceeded: true };
const CORRECTION_REASON = 'Điều chỉnh theo kết luận của Ban Thường vụ: chưa đủ căn cứ vượt 30 % chỉ tiêu';

let env;
const client = {}; // API clients by account, to compare the screens with the server
before(async () => {
    env = await setUp();
    for (const user of ['xa.hoaan', 'bithu.thondong', 'dangvien.thondong']) {
        client[user] = new Client(env.server.base);
        assert.equal((await client[user].login(user)).status, 200, `${user} logs in`);
    }
});
after(async () => {
    await env?.tearDown();
});

async function get(user, path) {
    const r = await client[user].get(`/api/v1${path}`);
    assert.equal(r.status, 200, `${path}: ${r.text}`);
    return r.json;
}

// The row of a subject on the round's page.
const rowOf = (page, subject, id) => page.locator(`[data-testid="grade-row"][data-subject="${subject}"][data-subject-id="${id}"]`);

// Narrows the member rows to one name (the search shows when the list is long).
async function findMember(page, name) {
    const search = page.getByTestId('grade-filter-name');
    await page.getByTestId('grade-rows-member').locator('[data-testid="grade-row"], .ant-empty').first().waitFor();
    if (await search.count()) await search.fill(name);
}

async function openTab(page, subject) {
    await page.getByTestId(`grading-tab-${subject}`).click();
    await page.getByTestId(`grade-rows-${subject}`).waitFor();
}

// What a step's box shows: total and level label, or null when "Chưa có".
async function stepShown(row, step) {
    const box = row.getByTestId(`grade-step-${step}`);
    if (await box.getByTestId(`grade-step-${step}-none`).count()) return null;
    return {
        total: Number((await box.getByTestId(`grade-step-${step}-total`).innerText()).trim()),
        level: (await box.getByTestId(`grade-step-${step}-level`).innerText()).trim(),
    };
}

async function waitForStep(row, step, expected) {
    const deadline = Date.now() + 15000;
    for (;;) {
        const shown = await stepShown(row, step);
        if (JSON.stringify(shown) === JSON.stringify(expected)) return;
        if (Date.now() > deadline) assert.deepEqual(shown, expected, `the ${step} box`);
        await new Promise((ok) => setTimeout(ok, 100));
    }
}

// Opens a step's form and checks what it is prefilled with.
async function openStep(page, row, step, prefill) {
    await row.getByTestId(`grade-record-${step}`).click();
    const form = page.getByTestId('grade-form');
    await form.waitFor();
    assert.equal(await numberInput(form, 'grade-general').inputValue(), String(prefill.general), `${step}: general points prefilled`);
    assert.equal(await numberInput(form, 'grade-tasks').inputValue(), String(prefill.tasks), `${step}: task points prefilled`);
    assert.equal(await form.getByLabel('Vượt ≥ 30 % chỉ tiêu nhiệm vụ').isChecked(), !!prefill.exceeded, `${step}: exceeded prefilled`);
    return form;
}

async function setChecked(form, label, checked) {
    const box = form.getByLabel(label);
    if ((await box.isChecked()) !== checked) await form.getByText(label, { exact: true }).click();
    assert.equal(await box.isChecked(), checked, label);
}

// Types points and checks the live total and level.
async function fillStep(form, { general, tasks, exceeded }) {
    await numberInput(form, 'grade-general').fill(String(general));
    await numberInput(form, 'grade-tasks').fill(String(tasks));
    if (exceeded !== undefined) await setChecked(form, 'Vượt ≥ 30 % chỉ tiêu nhiệm vụ', exceeded);
    const total = general + tasks;
    await waitForTexts(form.getByTestId('grade-live-total'), (t) => t[0] === String(total), `the live total ${total}`);
    const level = LEVELS[levelOf(total, !!exceeded, false)];
    await waitForTexts(form.getByTestId('grade-live-level'), (t) => t[0] === level, `the live level ${level}`);
    return { total, level };
}

// The figures of the round's summary card for one subject, as shown.
async function summaryShown(page, subject) {
    const block = page.getByTestId(`grading-summary-${subject}`);
    const levels = await block.getByTestId('grading-summary-level').evaluateAll((els) =>
        Object.fromEntries(els.map((e) => [e.dataset.level, Number(e.querySelector('b').innerText)])));
    return {
        total: Number(await block.getByTestId('grading-summary-total').innerText()),
        ...levels,
        share: (await block.getByTestId('grading-summary-share').innerText()).trim(),
    };
}

const asShown = (s) => ({
    total: s.total,
    excellent: s.excellent,
    good: s.good,
    completed: s.completed,
    not_completed: s.not_completed,
    undecided: s.undecided,
    share: s.good_or_better_share === null ? 'chưa có quyết định' : `${Math.round(s.good_or_better_share * 100)} %`,
});

async function waitForSummary(page, subject, expected) {
    const deadline = Date.now() + 15000;
    for (;;) {
        const shown = await summaryShown(page, subject);
        if (JSON.stringify(shown) === JSON.stringify(expected)) return;
        if (Date.now() > deadline) assert.deepEqual(shown, expected, `the ${subject} summary`);
        await page.waitForTimeout(100);
    }
}

// Shared by the steps below (they run in order); a step stops at once when an earlier one failed.
const the = {};
const needs = (...keys) => { for (const k of keys) assert.ok(the[k] !== undefined, `an earlier step failed (no ${k})`); };

test('the commune committee opens this year\'s round, after a term too long and a duplicate refused at the field', async () => {
    const page = await openPage(env, DESKTOP);
    the.committee = page;
    await login(page, 'xa.hoaan');
    await openOrganization(page, COMMUNE);
    the.communeId = Number(new URL(page.url()).pathname.split('/').pop());
    const card = page.getByTestId('grading-rounds-card');
    await card.waitFor();
    await waitForTexts(card.locator('.ant-empty-description'), (t) => t[0] === 'Chưa có đợt đánh giá, xếp loại nào', 'no round yet');

    // What the server says of a term longer than 10 years (nothing is created).
    const refused = await client['xa.hoaan'].post(`/api/v1/organizations/${the.communeId}/grading-rounds`,
        { period: `${TOO_LONG.from}-${TOO_LONG.to}` });
    assert.equal(refused.status, 400, refused.text);
    assert.equal(refused.json.error.field, 'period', refused.text);

    await card.getByTestId('grading-round-create').click();
    const form = page.getByTestId('grading-round-form');
    await form.waitFor();
    assert.equal(await numberInput(form, 'grading-year').inputValue(), String(YEAR), 'this year by default');
    assert.equal(await numberInput(form, 'grading-quota').inputValue(), '20', 'the quota 20 % by default');
    await waitForTexts(form.getByTestId('grading-period-preview'), (t) => t[0] === `Đợt đánh giá: Năm ${YEAR}`);
    // A quarter, then a term: the inputs change with the kind of period.
    await form.getByTestId('grading-period-kind-quarter').click();
    await form.getByTestId('grading-quarter-3').click();
    await waitForTexts(form.getByTestId('grading-period-preview'), (t) => t[0] === `Đợt đánh giá: Quý III/${YEAR}`);
    await form.getByTestId('grading-period-kind-term').click();
    await numberInput(form, 'grading-from-year').fill(String(TOO_LONG.from));
    await numberInput(form, 'grading-to-year').fill(String(TOO_LONG.to));
    await waitForTexts(form.getByTestId('grading-period-preview'), (t) => t[0] === `Đợt đánh giá: Nhiệm kỳ ${TOO_LONG.from}–${TOO_LONG.to}`);
    await page.screenshot({ path: join(SHOTS, 'grading-desktop-round-form.png') });
    await form.getByTestId('grading-round-form-submit').click();
    await waitForTexts(fieldError(form, 'Đến năm'), (t) => t[0] === refused.json.error.message, 'the server\'s error at "Đến năm"');
    assert.equal(await form.locator('.ant-alert-error').count(), 0, 'no other error');
    await page.waitForTimeout(400); // the error's entrance
    await page.screenshot({ path: join(SHOTS, 'grading-desktop-round-form-error.png') });

    // This year: opened, and its page shows it.
    await form.getByTestId('grading-period-kind-year').click();
    await waitForTexts(form.getByTestId('grading-period-preview'), (t) => t[0] === `Đợt đánh giá: Năm ${YEAR}`);
    await form.getByTestId('grading-round-form-submit').click();
    await notice(page, `Đã mở đợt đánh giá Năm ${YEAR}`);
    await page.waitForURL(/\/grading\/\d+$/);
    the.roundId = Number(new URL(page.url()).pathname.split('/').pop());
    await waitForTexts(page.getByTestId('grading-title'), (t) => t[0] === `Đánh giá, xếp loại Năm ${YEAR}`);
    const header = await page.getByTestId('grading-header').innerText();
    assert.ok(header.includes(COMMUNE), header);
    assert.ok(header.includes(`Kỳ đánh giá: 01/01/${YEAR} – 31/12/${YEAR}`), header);
    assert.match(await page.getByTestId('grading-quota').innerText(), /tối đa 20 % số “Hoàn thành tốt”/);
    const round = await get('xa.hoaan', `/grading-rounds/${the.roundId}`);
    assert.equal(round.period, String(YEAR));
    assert.equal(round.excellent_quota, 0.2);
    // Nothing decided yet: the summary says so.
    await waitForSummary(page, 'cell', asShown(round.summary.cells));
    await waitForSummary(page, 'member', asShown(round.summary.members));
    assert.equal(round.summary.cells.undecided, round.summary.cells.total);

    // A second round for the same year: refused, at the year.
    await page.getByTestId('grading-organization').click();
    await page.getByTestId('org-name').filter({ hasText: COMMUNE }).waitFor();
    const links = await waitForTexts(card.getByTestId('grading-round-link'), (t) => t.length === 1, 'the round listed');
    assert.ok(links[0].includes(`Năm ${YEAR}`) && links[0].includes(`01/01/${YEAR} – 31/12/${YEAR}`), links[0]);
    await card.getByTestId('grading-round-create').click();
    await form.waitFor();
    await form.getByTestId('grading-round-form-submit').click();
    await waitForTexts(fieldError(form, 'Năm'), (t) => t[0] === `Đã có đợt đánh giá Năm ${YEAR} của ${COMMUNE}.`,
        'the duplicate refused at "Năm"');
    await form.getByRole('button', { name: 'Hủy' }).click();
    await form.waitFor({ state: 'detached' });
    assert.equal((await get('xa.hoaan', `/organizations/${the.communeId}/grading-rounds`)).items.length, 1, 'one round');
    assertNoPageErrors(page);
});

test('on a phone the secretary opens the round from the cell, sees its proposal and records the first two steps', async () => {
    needs('roundId');
    const page = await openPage(env, PHONE);
    the.secretary = page;
    await login(page, 'bithu.thondong');
    await openOrganization(page, CELL);
    the.cellId = Number(new URL(page.url()).pathname.split('/').pop());
    // The secretary's rows: the cell only, with the server's proposal.
    const rows = (await get('bithu.thondong', `/grading-rounds/${the.roundId}/grades?subject=cell`)).items;
    assert.deepEqual(rows.map((r) => r.name), [CELL], 'a secretary grades their own cell');
    const api = rows[0];
    assert.deepEqual([api.can_self, api.can_collective, api.can_decide], [true, true, false]);

    const card = page.getByTestId('grading-rounds-card');
    await card.waitFor();
    assert.equal(await card.getByTestId('grading-round-create').count(), 0, 'a cell opens no round');
    const link = card.getByTestId('grading-round-link');
    await waitForTexts(link, (t) => t.length === 1 && t[0].includes(`Năm ${YEAR}`) && t[0].includes(COMMUNE), 'the commune\'s round');
    await card.screenshot({ path: join(SHOTS, 'grading-phone-rounds-card.png') });
    await link.click();
    await page.waitForURL(new RegExp(`/grading/${the.roundId}$`));
    const row = rowOf(page, 'cell', the.cellId);
    await row.waitFor();

    // The proposal as the server computed it, its parts with their evidence.
    assert.equal(await row.getByTestId('grade-proposal-total').innerText(), String(api.proposal.total));
    assert.equal((await row.getByTestId('grade-proposal-level').innerText()).trim(), api.proposal.level_label);
    await row.locator('.grade-proposal-collapse .ant-collapse-header').click();
    const parts = row.getByTestId('grade-part');
    await waitForTexts(parts, (t) => t.length === api.proposal.parts.length, 'every part of the proposal');
    assert.deepEqual(await parts.evaluateAll((els) => els.map((e) => e.dataset.code)).then((c) => [...c].sort()),
        api.proposal.parts.map((p) => p.code).sort());
    const e = api.evidence;
    const regular = api.proposal.parts.find((p) => p.code === 'regular');
    if (regular?.value !== null && regular !== undefined)
        assert.equal(await row.locator('[data-code="regular"]').getByTestId('grade-part-evidence').innerText(),
            `Sinh hoạt thường kỳ ${e.regular_held}/${e.regular_expected} tháng`);
    for (const step of ['self', 'collective', 'decision']) assert.equal(await stepShown(row, step), null, `no ${step} yet`);
    assert.equal(await row.getByTestId('grade-record-decision').count(), 0, 'the secretary does not decide');
    assert.equal(await row.getByTestId('grade-record-collective').count(), 0, 'the review waits for the self-assessment');
    await fitsPhone(page, 'the round');
    await shot(page, 'grading-phone-cell-proposal');

    // Self-assessment: the proposal as it stands.
    const proposal = { general: api.proposal.general_points, tasks: api.proposal.task_points, exceeded: false };
    let form = await openStep(page, row, 'self', proposal);
    assert.match(await form.getByTestId('grade-form-source').innerText(), /theo đề xuất của hệ thống/);
    const self = await fillStep(form, proposal);
    assert.equal(self.total, api.proposal.total);
    await fitsPhone(page, 'the step form');
    await page.screenshot({ path: join(SHOTS, 'grading-phone-self-form.png') });
    await form.getByTestId('grade-form-submit').click();
    await notice(page, `Đã lưu tự đánh giá: ${self.total} điểm, ${self.level}`);
    await form.waitFor({ state: 'detached' });
    await waitForStep(row, 'self', self);

    // The collective's review starts from it; it gives 2 task points fewer.
    form = await openStep(page, row, 'collective', proposal);
    assert.match(await form.getByTestId('grade-form-source').innerText(), /theo bản tự đánh giá/);
    the.cellCollective = { general: proposal.general, tasks: Math.max(0, proposal.tasks - 2), exceeded: false };
    const collective = await fillStep(form, the.cellCollective);
    await form.getByTestId('grade-comment').fill('Chi bộ duy trì sinh hoạt đều; một số nhiệm vụ chưa hoàn thành đúng hạn.');
    await form.getByTestId('grade-form-submit').click();
    await notice(page, `Đã lưu tập thể đánh giá: ${collective.total} điểm, ${collective.level}`);
    await waitForStep(row, 'collective', collective);
    await waitForStep(row, 'self', self);
    the.cellCollectiveShown = collective;
    await fitsPhone(page, 'the round after two steps');
    await shot(page, 'grading-phone-cell-reviewed');
    assertNoPageErrors(page);
});

test('the committee decides the cell\'s grading; the summary counts it', async () => {
    needs('cellCollectiveShown');
    const page = the.committee;
    await page.goto(`/grading/${the.roundId}`);
    const rows = (await get('xa.hoaan', `/grading-rounds/${the.roundId}/grades?subject=cell`)).items;
    assert.ok(rows.length > 1, 'the committee grades every cell of Hòa An');
    await waitForTexts(page.getByTestId('grade-rows-cell').getByTestId('grade-row-name'), (t) => t.length === rows.length,
        'every cell listed');
    assert.deepEqual(await page.getByTestId('grade-rows-cell').getByTestId('grade-row-name').allInnerTexts(),
        rows.map((r) => r.name), 'in the server\'s (tree) order');
    const row = rowOf(page, 'cell', the.cellId);
    await waitForStep(row, 'collective', the.cellCollectiveShown);
    await row.locator('.grade-proposal-collapse .ant-collapse-header').click();
    await row.getByTestId('grade-parts').waitFor();
    await page.waitForTimeout(300);
    await row.screenshot({ path: join(SHOTS, 'grading-desktop-cell-row.png') });

    const form = await openStep(page, row, 'decision', the.cellCollective);
    assert.match(await form.getByTestId('grade-form-source').innerText(), /theo ý kiến đánh giá của tập thể/);
    const decision = await fillStep(form, the.cellCollective);
    await form.getByTestId('grade-form-submit').click();
    await notice(page, `Đã lưu quyết định: ${decision.total} điểm, ${decision.level}`);
    await waitForStep(row, 'decision', decision);

    const round = await get('xa.hoaan', `/grading-rounds/${the.roundId}`);
    assert.equal(round.summary.cells.undecided, round.summary.cells.total - 1, 'one cell decided');
    assert.equal(round.summary.cells[levelOf(decision.total, false, false)], 1);
    await waitForSummary(page, 'cell', asShown(round.summary.cells));
    await shot(page, 'grading-desktop-cell-decided');
    assertNoPageErrors(page);
});

test('a member assesses themself, the cell reviews, the committee decides "excellent" over the quota and confirms', async () => {
    needs('cellCollectiveShown');
    // The plain member: their own row only, which they may assess.
    const me = await get('dangvien.thondong', '/auth/me');
    const memberId = me.user.member_id;
    assert.ok(memberId, 'dangvien.thondong is a member');
    the.memberId = memberId;
    const own = (await get('dangvien.thondong', `/grading-rounds/${the.roundId}/grades?subject=member`)).items;
    assert.deepEqual(own.map((r) => r.subject_id), [memberId], 'a plain member sees their own row');
    assert.deepEqual([own[0].can_self, own[0].can_collective, own[0].can_decide], [true, false, false]);
    the.memberName = own[0].name;

    const page = await openPage(env, PHONE);
    await login(page, 'dangvien.thondong');
    await page.goto(`/organizations/${the.cellId}`);
    const card = page.getByTestId('grading-rounds-card');
    await card.getByTestId('grading-round-link').click();
    await page.waitForURL(new RegExp(`/grading/${the.roundId}`));
    await openTab(page, 'member');
    const mine = rowOf(page, 'member', memberId);
    await mine.waitFor();
    assert.equal(await page.getByTestId('grade-rows-member').getByTestId('grade-row').count(), 1);
    // Nothing else to see: no cells, no summary of others, no quota.
    assert.equal(await page.getByTestId('grading-tab-cell').count(), 0);
    assert.equal(await page.getByTestId('grading-summary').count(), 0);
    assert.equal(await page.getByTestId('grading-quota-table').count(), 0);
    assert.equal(await mine.getByTestId('grade-proposal-total').innerText(), String(own[0].proposal.total));
    const form = await openStep(page, mine, 'self', { general: own[0].proposal.general_points, tasks: own[0].proposal.task_points });
    const self = await fillStep(form, MEMBER_SELF);
    assert.equal(self.level, LEVELS.excellent);
    await form.getByTestId('grade-comment').fill('Hoàn thành tốt nhiệm vụ được giao, vượt chỉ tiêu vận động hội viên.');
    await fitsPhone(page, 'the member\'s form');
    await form.getByTestId('grade-form-submit').click();
    await notice(page, `Đã lưu tự đánh giá: ${self.total} điểm, ${self.level}`);
    await waitForStep(mine, 'self', self);
    assert.equal(await mine.getByTestId('grade-record-collective').count(), 0, 'a member does not review themself');
    await fitsPhone(page, 'the member\'s own grading');
    await shot(page, 'grading-phone-member-self');
    assertNoPageErrors(page);
    await page.context().close();

    // The secretary reviews it as assessed (prefilled from the self-assessment).
    const secretary = the.secretary;
    await secretary.reload();
    await openTab(secretary, 'member');
    await findMember(secretary, the.memberName);
    const row = rowOf(secretary, 'member', memberId);
    await waitForStep(row, 'self', self);
    let step = await openStep(secretary, row, 'collective', MEMBER_SELF);
    const collective = await fillStep(step, MEMBER_SELF);
    await step.getByTestId('grade-form-submit').click();
    await notice(secretary, `Đã lưu tập thể đánh giá: ${collective.total} điểm, ${collective.level}`);
    await waitForStep(row, 'collective', collective);
    await fitsPhone(secretary, 'the member rows');
    await shot(secretary, 'grading-phone-member-reviewed');

    // The committee decides "excellent": Hòa An has fewer "good" members than the quota needs, so it is warned.
    const before = await get('xa.hoaan', `/grading-rounds/${the.roundId}`);
    const quotaBefore = before.quota.find((q) => q.subject === 'member' && q.organization_id === the.communeId);
    assert.ok(!quotaBefore || quotaBefore.allowed < (quotaBefore.excellent + 1), `excellent would be over: ${JSON.stringify(before.quota)}`);
    const committee = the.committee;
    await committee.reload();
    await openTab(committee, 'member');
    await pickOption(committee, committee.getByTestId('grade-filter-cell'), 'thon dong', CELL);
    await findMember(committee, the.memberName);
    const decidedRow = rowOf(committee, 'member', memberId);
    await waitForStep(decidedRow, 'collective', collective);
    step = await openStep(committee, decidedRow, 'decision', MEMBER_SELF);
    the.decision = await fillStep(step, MEMBER_DECISION);
    assert.equal(the.decision.level, LEVELS.excellent);
    await step.getByTestId('grade-form-submit').click();
    const confirm = committee.locator('.ant-modal-confirm').filter({ has: committee.getByTestId('grade-quota-confirm') });
    await confirm.waitFor();
    const warning = await confirm.getByTestId('grade-quota-confirm').innerText();
    assert.match(warning, /^Vượt tỷ lệ: Đảng bộ xã Hòa An sẽ có 1 Hoàn thành xuất sắc nhiệm vụ/, warning);
    await waitForStep(decidedRow, 'decision', null); // nothing saved before the confirmation
    await committee.waitForTimeout(400);
    await committee.screenshot({ path: join(SHOTS, 'grading-desktop-quota-confirm.png') });
    await confirm.getByRole('button', { name: 'Vẫn quyết định' }).click();
    await notice(committee, `Đã lưu quyết định: ${the.decision.total} điểm, ${the.decision.level}`);
    await step.waitFor({ state: 'detached' });
    await waitForStep(decidedRow, 'decision', the.decision);

    // The summary and the quota as the server counts them, on screen.
    const after = await get('xa.hoaan', `/grading-rounds/${the.roundId}`);
    assert.equal(after.summary.members.excellent, 1);
    assert.equal(after.summary.members.undecided, after.summary.members.total - 1);
    assert.equal(after.summary.members.good_or_better_share, 1);
    await waitForSummary(committee, 'member', asShown(after.summary.members));
    const quota = after.quota.find((q) => q.subject === 'member' && q.organization_id === the.communeId);
    assert.ok(quota?.over, `Hòa An's members are over the quota: ${JSON.stringify(after.quota)}`);
    const quotaRow = committee.getByTestId('grading-quota-table').locator(`tr[data-row-key="${the.communeId}-member"]`);
    const cells = (await quotaRow.locator('td').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(cells, [COMMUNE, 'Đảng viên', String(quota.good), String(quota.excellent), String(quota.allowed), 'Vượt tỷ lệ']);
    await shot(committee, 'grading-desktop-member-decided');
    assertNoPageErrors(committee);
});

test('the committee corrects the decision with a reason; both decisions stay in the history', async () => {
    needs('decision');
    const page = the.committee;
    const row = rowOf(page, 'member', the.memberId);
    const form = await openStep(page, row, 'decision', MEMBER_DECISION);
    await form.getByTestId('grade-form-correction').waitFor();
    const corrected = await fillStep(form, { ...MEMBER_DECISION, exceeded: false });
    assert.equal(corrected.level, LEVELS.good);
    assert.match(await form.getByTestId('grade-live-note').innerText(), /chưa vượt ≥ 30 % chỉ tiêu nhiệm vụ/);
    // Without a reason: stopped at the reason.
    await form.getByTestId('grade-form-submit').click();
    await waitForTexts(fieldError(form, 'Lý do điều chỉnh'), (t) => t[0] === 'Điều chỉnh cần ghi lý do.');
    await form.getByTestId('grade-reason').fill(CORRECTION_REASON);
    await form.getByTestId('grade-form-submit').click();
    await notice(page, `Đã lưu quyết định: ${corrected.total} điểm, ${corrected.level}`);
    await waitForStep(row, 'decision', corrected);
    assert.match(await row.getByTestId('grade-step-decision').innerText(), new RegExp(`Lý do điều chỉnh: ${CORRECTION_REASON}`));

    const after = await get('xa.hoaan', `/grading-rounds/${the.roundId}`);
    assert.equal(after.summary.members.excellent, 0);
    assert.equal(after.summary.members.good, 1);
    await waitForSummary(page, 'member', asShown(after.summary.members));
    const quota = after.quota.find((q) => q.subject === 'member' && q.organization_id === the.communeId);
    assert.equal(quota?.over, false, JSON.stringify(after.quota));
    await page.getByTestId('grading-quota-table').locator(`tr[data-row-key="${the.communeId}-member"]`)
        .filter({ hasText: 'Trong tỷ lệ' }).waitFor();

    // The history: every record, oldest first, the correction with its reason.
    const api = await get('xa.hoaan', `/grading-rounds/${the.roundId}/grades/member/${the.memberId}`);
    assert.deepEqual(api.history.map((g) => g.step), ['self', 'collective', 'decision', 'decision']);
    await row.getByTestId('grade-history-open').click();
    const drawer = page.getByTestId('grade-history');
    const texts = await waitForTexts(drawer.getByTestId('grade-history-row'), (t) => t.length === 4, 'four records');
    assert.deepEqual(await drawer.getByTestId('grade-history-row').evaluateAll((els) => els.map((e) => e.dataset.step)),
        ['self', 'collective', 'decision', 'decision']);
    const stamp = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/;
    for (const [i, g] of api.history.entries()) {
        assert.ok(texts[i].includes(`${g.total}/100`) && texts[i].includes(g.level_label), texts[i]);
        assert.ok(texts[i].includes(g.recorded_by) && stamp.test(texts[i]), texts[i]);
    }
    assert.ok(!texts[2].includes('Điều chỉnh'), texts[2]);
    assert.ok(texts[3].includes('Điều chỉnh') && texts[3].includes(`Lý do điều chỉnh: ${CORRECTION_REASON}`), texts[3]);
    await page.waitForTimeout(400); // the drawer's entrance
    await page.screenshot({ path: join(SHOTS, 'grading-desktop-history.png') });
    assertNoPageErrors(page);

    // On the phone the history is a sheet from the bottom, readable.
    const secretary = the.secretary;
    await secretary.reload();
    await openTab(secretary, 'member');
    await findMember(secretary, the.memberName);
    await rowOf(secretary, 'member', the.memberId).getByTestId('grade-history-open').click();
    await waitForTexts(secretary.getByTestId('grade-history').getByTestId('grade-history-row'), (t) => t.length === 4);
    await fitsPhone(secretary, 'the history');
    await secretary.waitForTimeout(400);
    await secretary.screenshot({ path: join(SHOTS, 'grading-phone-history.png') });
    assertNoPageErrors(secretary);
    for (const p of [the.secretary, the.committee]) await p?.context().close();
});
