// Committee members and staff attending cells (issue 17), across four roles: the commune committee of Hòa An proposes
// a plan for the next three months, sees why each cell got its visits and that every cell has one, edits a visit and
// publishes the plan → the secretary of Chi bộ Thôn Đông sees who will attend and why → at this month's regular meeting
// the secretary records the committee member the demo plan assigned (uyvien.hoaan) as the superior official attending →
// that member, on a phone, files the report with a petition the commune must answer → the commune answers it → the
// cell sees the answer → the commune's overview counts the meeting attended and the report on time.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, fitsPhone, login, notice, numberInput, openCell, openOrganization, openPage, openSection,
    PHONE, pickOption, shot, setUp, SHOTS, todayVn, waitForTexts,
} from './helpers.mjs';
import { Client } from '../lib/server.mjs';

const COMMUNE = 'Đảng bộ xã Hòa An';
const CELL = 'Chi bộ Thôn Đông';
const TODAY = todayVn();
const [DAY, MONTH, YEAR] = TODAY.split('/').map(Number);
const TODAY_ISO = TODAY.split('/').reverse().join('-');
const pad2 = (n) => String(n).padStart(2, '0');
const vn = (iso) => iso.split('-').reverse().join('/');
// The day `n` days after today, dd/mm/yyyy.
function dayFromToday(n) {
    const d = new Date(Date.UTC(YEAR, MONTH - 1, DAY + n));
    return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
// The three months after this one, as the plan form proposes them.
const monthAfter = (n) => {
    const d = new Date(Date.UTC(YEAR, MONTH - 1 + n, 1));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
};
const FIRST = monthAfter(1);
const LAST = monthAfter(3);
const PLAN_TITLE = `Kế hoạch dự sinh hoạt chi bộ tháng ${FIRST.month}/${FIRST.year} – ${LAST.month}/${LAST.year}`;
const EDITED_REASON = 'Chi bộ đề nghị cấp ủy dự buổi bàn việc làm đường liên thôn.';
const MOVE_REASON = 'Chi ủy thống nhất họp sớm để đón đồng chí cấp ủy cấp trên dự';
const OBSERVATIONS = 'Chi bộ sinh hoạt đúng quy trình; đảng viên phát biểu sôi nổi, nghị quyết có việc cụ thể.';
const SITUATION = 'Đảng viên chấp hành tốt; hai đồng chí làm ăn xa cần có giấy giới thiệu.';
const PETITION = 'Nhân dân đề nghị xã sớm sửa cầu tràn qua kênh N2, mùa mưa đi lại nguy hiểm.';
const RAISED_BY = 'Ông Nguyễn Văn Ba';
const ANSWER = 'Đảng ủy đã chỉ đạo UBND xã đưa cầu tràn kênh N2 vào kế hoạch sửa chữa quý tới.';

let env;
const client = {};
// Shared by the steps below (they run in order); a step stops at once when an earlier one failed.
const the = {};
const needs = (...keys) => { for (const k of keys) assert.ok(the[k] !== undefined, `an earlier step failed (no ${k})`); };

async function get(user, path) {
    const r = await client[user].get(`/api/v1${path}`);
    assert.equal(r.status, 200, `${path}: ${r.text}`);
    return r.json;
}

before(async () => {
    env = await setUp();
    for (const user of ['xa.hoaan', 'bithu.thondong', 'uyvien.hoaan']) {
        client[user] = new Client(env.server.base);
        const r = await client[user].login(user);
        assert.equal(r.status, 200, `${user} logs in: ${r.text}`);
        if (user === 'xa.hoaan') the.communeId = r.json.user.roles.find((x) => x.organization_name === COMMUNE)?.organization_id;
        if (user === 'bithu.thondong') the.cellId = r.json.user.roles.find((x) => x.organization_name === CELL)?.organization_id;
    }
    assert.ok(the.communeId && the.cellId, 'the commune and the cell of the demo');
    // Who the demo plan sends to Thôn Đông's meeting this month, and the counts before the test.
    const mine = await get('uyvien.hoaan', `/me/visits?year=${YEAR}`);
    the.attendant = mine.attendants.find((a) => a.organization_id === the.communeId);
    assert.ok(the.attendant, `uyvien.hoaan attends cells for ${COMMUNE}`);
    the.visit = mine.visits.find((v) => v.cell_id === the.cellId && v.kind === 'meeting' && v.year === YEAR && v.month === MONTH);
    assert.ok(the.visit, `uyvien.hoaan attends ${CELL}'s meeting of ${MONTH}/${YEAR}: ${JSON.stringify(mine.visits)}`);
    the.overviewBefore = await get('xa.hoaan', `/organizations/${the.communeId}/visit-overview?year=${YEAR}`);
});
after(async () => {
    await env?.tearDown();
});

// What a person sees with `locator` scrolled to the top of the screen (below the sticky header): the full-page shots
// of long pages are too tall to read.
async function viewShot(page, locator, name) {
    await locator.evaluate((el) => {
        const header = document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0;
        window.scrollBy(0, el.getBoundingClientRect().top - header - 8);
    });
    await page.waitForTimeout(300);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function openVisitsTab(page, orgId, section) {
    await page.goto(`/organizations/${orgId}?tab=visits`);
    await page.getByTestId('visits-tab').waitFor();
    if (section) await openVisitsSection(page, section);
}

async function openVisitsSection(page, label) {
    const tabs = page.getByTestId('visits-tab');
    await tabs.getByRole('tab', { name: label, exact: true }).click();
    await tabs.locator('[role="tab"][aria-selected="true"]', { hasText: label }).waitFor();
}

// The OK button of the open Popconfirm.
const confirmButton = (page, name) => page.locator('.ant-popover:visible').getByRole('button', { name, exact: true });

// Picks the option of an antd Select whose text contains `text`, and waits until the Select shows it.
async function pickContaining(page, control, text) {
    for (let attempt = 1; ; attempt++) {
        await control.click();
        const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
        await option.click();
        const deadline = Date.now() + 4000;
        while (Date.now() < deadline) {
            if ((await control.innerText()).includes(text)) return;
            await page.waitForTimeout(100);
        }
        if (attempt === 3) assert.fail(`could not pick "${text}"`);
        await page.keyboard.press('Escape');
    }
}

test('the commune committee proposes a plan, sees why, edits a visit and publishes it', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    assert.equal(await openOrganization(page, COMMUNE), the.communeId);
    await page.getByTestId('org-tabs').getByRole('tab', { name: 'Dự sinh hoạt' }).click();
    await page.getByTestId('visits-tab').waitFor();
    // The demo's published plan of the year is listed.
    const demoPlan = page.getByTestId('plan-row').filter({ hasText: `năm ${YEAR}` });
    await demoPlan.first().waitFor();
    assert.match(await demoPlan.first().innerText(), /Đã công bố/);

    // Who attends: the standing committee and a staff member, with their duty.
    await openVisitsSection(page, 'Người được phân công');
    const attendants = page.getByTestId('attendants-table').locator('tbody tr.ant-table-row');
    const people = await waitForTexts(attendants, (t) => t.length >= 4, 'the commune\'s attendants');
    assert.ok(people.some((t) => t.includes(the.attendant.name) && t.includes(the.attendant.role)), `${the.attendant.name} listed`);
    assert.ok(people.every((t) => /\d+ lần đi cơ sở\/tháng · \d+ buổi dự sinh hoạt\/quý · báo cáo trong \d+ ngày/.test(t)),
        `every duty shown: ${JSON.stringify(people)}`);
    await shot(page, 'visits-01-attendants');
    await viewShot(page, page.getByTestId('visits-tab'), 'visits-01-attendants-view');

    // A plan for the next three months (the form proposes them).
    await openVisitsSection(page, 'Kế hoạch');
    await page.getByTestId('plan-create').click();
    const form = page.getByTestId('plan-form');
    assert.equal(await numberInput(form, 'plan-from').inputValue(), `${pad2(FIRST.month)}/${FIRST.year}`);
    assert.equal(await numberInput(form, 'plan-to').inputValue(), `${pad2(LAST.month)}/${LAST.year}`);
    await form.getByTestId('plan-title-input').fill(PLAN_TITLE);
    // The committee knows Thôn Đông to be difficult: it comes first, and the plan says why.
    await pickOption(page, page.getByTestId('plan-difficult'), 'Thôn Đông', CELL);
    await page.keyboard.press('Escape');
    await shot(page, 'visits-02-plan-form');
    await page.getByTestId('plan-form-submit').click();
    await notice(page, 'Đã lập dự thảo kế hoạch');
    const view = page.getByTestId('plan-view');
    await view.waitFor();
    the.planId = Number(await view.getAttribute('data-plan'));
    assert.equal(await page.getByTestId('plan-title').innerText(), PLAN_TITLE);
    assert.equal(await page.getByTestId('plan-state').innerText(), 'Dự thảo');
    assert.match(await page.getByTestId('plan-summary').innerText(),
        new RegExp(`Giai đoạn ${pad2(FIRST.month)}/${FIRST.year} – ${pad2(LAST.month)}/${LAST.year}`));

    // Every cell of the commune has a visit, and the plan says why each cell comes first.
    const plan = await get('xa.hoaan', `/visit-plans/${the.planId}`);
    assert.ok(plan.visits.length > 0, 'the plan proposes visits');
    assert.deepEqual(plan.uncovered, [], 'no cell left out');
    const tree = await get('xa.hoaan', `/organizations/tree?root_id=${the.communeId}&depth=3`);
    const cells = [];
    const walk = (nodes) => { for (const n of nodes) { if (/_cell$/.test(n.kind) && !n.dissolved) cells.push(n); walk(n.children ?? []); } };
    walk(tree.roots);
    const visited = new Set(plan.visits.map((v) => v.cell_id));
    for (const c of cells) assert.ok(visited.has(c.id), `${c.name} has a visit`);
    assert.equal(await page.getByTestId('plan-uncovered').count(), 0);
    const priorities = page.getByTestId('plan-cells').locator('tbody tr.ant-table-row');
    const shownCells = await waitForTexts(priorities, (t) => t.length === plan.cells.length, 'every cell in "Vì sao ưu tiên"');
    for (const c of cells) assert.ok(shownCells.some((t) => t.startsWith(c.name)), `${c.name} in "Vì sao ưu tiên"`);
    const difficult = plan.cells.find((c) => c.cell_id === the.cellId);
    assert.ok(difficult.reasons.includes('chi bộ có nhiều khó khăn'), `named difficult: ${JSON.stringify(difficult)}`);
    assert.ok(shownCells.some((t) => t.startsWith(CELL) && t.includes('chi bộ có nhiều khó khăn')), 'the reason shown');
    const withReasons = plan.cells.filter((c) => c.reasons.length > 0);
    assert.ok(withReasons.length > 0, 'some cell is given priority, with its reasons');
    assert.ok(shownCells.some((t) => t.includes(withReasons[0].reasons[0])), 'a reason shown');
    const rows = page.getByTestId('plan-visit');
    assert.equal(await rows.count(), plan.visits.length, 'every visit shown');
    for (const s of plan.shortfalls) await page.getByTestId('plan-shortfall').filter({ hasText: s.message }).waitFor();
    await shot(page, 'visits-03-plan-draft');
    await viewShot(page, page.getByTestId('plan-view'), 'visits-03-plan-draft-view');
    await viewShot(page, page.getByTestId('plan-cells'), 'visits-03-plan-priorities-view');

    // By person: one group per person with a visit.
    await page.getByTestId('plan-grouping').getByText('Theo người', { exact: true }).click();
    const persons = new Set(plan.visits.map((v) => v.attendant_id));
    await waitForTexts(page.getByTestId('plan-group').locator('h5'), (t) => t.length === persons.size, 'one group per person');
    await page.getByTestId('plan-grouping').getByText('Theo tháng', { exact: true }).click();
    await waitForTexts(page.getByTestId('plan-group').locator('h5'), (t) => t[0]?.startsWith(`Tháng ${FIRST.month}/${FIRST.year}`),
        'by month again, the first month first');

    // Edit Thôn Đông's first visit: the reason the cell asked for.
    const target = plan.visits.filter((v) => v.cell_id === the.cellId).sort((a, b) => a.year - b.year || a.month - b.month)[0];
    assert.ok(target, `${CELL} has a visit in the new plan`);
    const row = page.locator(`[data-testid="plan-visit"][data-visit="${target.id}"]`);
    await row.getByTestId('visit-edit').click();
    const edit = page.getByTestId('visit-form');
    await edit.getByTestId('visit-reason').fill(EDITED_REASON);
    await page.getByTestId('visit-form-submit').click();
    await notice(page, 'Đã lưu lượt');
    await waitForTexts(row, (t) => t[0]?.includes(EDITED_REASON), 'the edited reason in the plan');
    const edited = (await get('xa.hoaan', `/visit-plans/${the.planId}`)).visits.find((v) => v.id === target.id);
    assert.equal(edited.reason, EDITED_REASON);
    the.edited = edited;

    // Publish.
    await page.getByTestId('plan-publish').click();
    await confirmButton(page, 'Công bố').click();
    await notice(page, 'Đã công bố kế hoạch');
    await waitForTexts(page.getByTestId('plan-state'), (t) => t[0] === 'Đã công bố', 'the plan published');
    assert.equal(await page.getByTestId('plan-delete').count(), 0, 'a published plan is no draft to delete');
    assert.equal((await get('xa.hoaan', `/visit-plans/${the.planId}`)).plan.state, 'published');
    await shot(page, 'visits-04-plan-published');
    assertNoPageErrors(page);
});

test('the secretary of Thôn Đông sees who will attend, and why', async () => {
    needs('edited');
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await openCell(page, CELL);
    await page.goto(`/organizations/${the.cellId}?tab=superior-visits`);
    await page.getByTestId('cell-visits-tab').waitFor();
    const rows = page.getByTestId('cell-visits').locator('tbody tr.ant-table-row');
    const texts = await waitForTexts(rows, (t) => t.length > 0, 'the visits to the cell');
    assert.ok(texts.some((t) => t.includes(`Tháng ${MONTH}/${YEAR}`) && t.includes(the.attendant.name)),
        `${the.attendant.name} attends this month: ${JSON.stringify(texts)}`);
    await fitsPhone(page, 'the cell\'s visits');
    await shot(page, 'visits-05-cell-phone');
    await viewShot(page, page.getByTestId('cell-visits-tab'), 'visits-05-cell-phone-view');

    // The new plan's visit, with the reason the commune wrote, in its year.
    if (the.edited.year !== YEAR) {
        await page.getByTestId('cell-visits-year').click();
        await page.locator('.ant-select-dropdown:visible').getByText(`Năm ${the.edited.year}`, { exact: true }).click();
    }
    await waitForTexts(rows, (t) => t.some((r) => r.includes(EDITED_REASON) && r.includes(the.edited.attendant_name)),
        'the edited visit seen by the cell');
    assertNoPageErrors(page);
});

test('at this month\'s meeting the secretary records the committee member attending', async () => {
    needs('visit');
    // This month's regular meeting, on a day already come: created, and moved to today if the rule puts it later.
    const secretary = client['bithu.thondong'];
    let meetingId = the.visit.meeting_id;
    if (meetingId === null) {
        const calendar = await get('bithu.thondong', `/organizations/${the.cellId}/meetings?year=${YEAR}`);
        meetingId = calendar.items.find((e) => e.kind === 'regular' && e.month === MONTH)?.id ?? null;
    }
    if (meetingId === null) {
        const r = await secretary.post(`/api/v1/organizations/${the.cellId}/meetings`, { kind: 'regular', year: YEAR, month: MONTH });
        assert.equal(r.status, 201, r.text);
        meetingId = r.json.id;
    }
    let meeting = await get('bithu.thondong', `/meetings/${meetingId}`);
    if (meeting.date > TODAY_ISO) {
        const r = await secretary.post(`/api/v1/meetings/${meetingId}/move`, { date: TODAY_ISO, reason: MOVE_REASON });
        assert.equal(r.status, 200, r.text);
        meeting = r.json;
    }
    the.meetingId = meetingId;

    const page = await openPage(env, DESKTOP);
    await login(page, 'bithu.thondong');
    await page.goto(`/meetings/${meetingId}`);
    await openSection(page, 'roll', 'Điểm danh');
    await page.getByTestId('roll-call').waitFor();
    const select = page.getByTestId('superior-attendant-select');
    await select.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: the.attendant.name });
    await option.first().waitFor();
    assert.match(await option.first().innerText(), new RegExp(`${the.attendant.role}[\\s\\S]*${COMMUNE}[\\s\\S]*Theo kế hoạch`));
    await viewShot(page, page.locator('#field-superior_attendant_id'), 'visits-06-meeting-candidates-view');
    await page.keyboard.press('Escape');
    await pickContaining(page, select, the.attendant.name);
    assert.ok(await page.getByTestId('superior-attended').isChecked(), 'naming the official records that one attended');
    await shot(page, 'visits-06-meeting-superior');
    await page.getByTestId('roll-save').click();
    await notice(page, 'Đã lưu điểm danh');
    const saved = await get('bithu.thondong', `/meetings/${meetingId}`);
    assert.equal(saved.state, 'held');
    assert.equal(saved.record.superior_attendant?.id, the.attendant.id);
    assert.equal(saved.record.superior_attended, true);
    assertNoPageErrors(page);
});

test('the committee member files the report with a petition, on a phone', async () => {
    needs('meetingId');
    const page = await openPage(env, PHONE);
    await login(page, 'uyvien.hoaan');
    await page.getByTestId('menu-button').click();
    await page.getByRole('menuitem', { name: 'Việc dự sinh hoạt của tôi' }).click();
    await page.getByTestId('my-visits-page').waitFor();
    const card = page.locator(`[data-testid="my-visit"][data-visit="${the.visit.id}"]`);
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(`Tháng ${MONTH}/${YEAR} · ${CELL}`));
    await waitForTexts(card.getByTestId('visit-status'), (t) => t[0] === 'Đã dự, chờ báo cáo', 'recorded as attended');
    const due = await get('uyvien.hoaan', `/me/visits?year=${YEAR}`).then((m) => m.visits.find((v) => v.id === the.visit.id));
    assert.ok(due.report_due, 'a report due date once attended');
    assert.equal(await card.getByTestId('my-visit-due').innerText(), `Hạn báo cáo ${vn(due.report_due)}`);
    await fitsPhone(page, 'my visits');
    await shot(page, 'visits-07-my-visits-phone');
    await viewShot(page, page.getByTestId('my-visits-page'), 'visits-07-my-visits-phone-view');

    await card.getByTestId('report-meeting').click();
    const form = page.getByTestId('report-form');
    await form.waitFor();
    await form.getByTestId('report-submit').click();
    await form.locator('.ant-form-item-explain-error').filter({ hasText: 'Vui lòng ghi nhận xét.' }).waitFor();
    await form.getByTestId('report-observations').fill(OBSERVATIONS);
    await form.getByTestId('report-members').fill(SITUATION);
    await form.getByTestId('petition-add').click();
    const petition = form.getByTestId('report-petition').first();
    await petition.getByTestId('petition-raised-kind').getByText('Nhân dân', { exact: true }).click();
    await petition.getByTestId('petition-raised-by').fill(RAISED_BY);
    await petition.getByTestId('petition-content-input').fill(PETITION);
    // Answered by the commune (the default), within 30 days.
    assert.match(await petition.getByTestId('petition-owner-select').innerText(), new RegExp(COMMUNE));
    assert.equal(await numberInput(petition, 'petition-deadline').inputValue(), dayFromToday(30));
    assert.match(await petition.getByTestId('petition-field').innerText(), /Hạ tầng/);
    await fitsPhone(page, 'the report form');
    await shot(page, 'visits-08-report-form-phone');
    await page.screenshot({ path: join(SHOTS, 'visits-08-report-form-phone-view.png') });
    await petition.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'visits-08-report-petition-phone-view.png') });
    await form.getByTestId('report-submit').click();
    await notice(page, 'Đã gửi báo cáo');

    const report = card.getByTestId('my-report');
    await report.waitFor();
    assert.match(await report.innerText(), new RegExp(`Đã gửi báo cáo ngày ${TODAY}`));
    assert.equal(await report.getByTestId('report-late').count(), 0, 'on time');
    assert.equal(await report.getByTestId('report-observations-text').innerText(), OBSERVATIONS);
    const sent = report.getByTestId('petition');
    assert.equal(await sent.getByTestId('petition-content').innerText(), PETITION);
    assert.match(await sent.getByTestId('petition-owner').innerText(), new RegExp(COMMUNE));
    await waitForTexts(card.getByTestId('visit-status'), (t) => t[0] === 'Đã báo cáo', 'reported');
    await fitsPhone(page, 'my visits with the report');
    await shot(page, 'visits-09-report-sent-phone');
    await viewShot(page, card, 'visits-09-report-sent-phone-view');

    const mine = await get('uyvien.hoaan', `/me/visits?year=${YEAR}`);
    const filed = mine.reports.find((r) => r.meeting_id === the.meetingId);
    assert.ok(filed, 'the report filed for the meeting');
    assert.equal(filed.late, false);
    assert.equal(filed.petitions.length, 1);
    assert.equal(filed.petitions[0].owner_organization_id, the.communeId);
    assert.equal(filed.petitions[0].raised_by_kind, 'resident');
    the.petitionId = filed.petitions[0].id;
    assertNoPageErrors(page);
});

test('the commune answers the petition', async () => {
    needs('petitionId');
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    await openVisitsTab(page, the.communeId, 'Kiến nghị');
    await page.getByTestId('petition-filter').getByText('Chưa trả lời', { exact: true }).click();
    const card = page.locator(`[data-testid="petition"][data-petition="${the.petitionId}"]`);
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(`${CELL}[\\s\\S]*Hạ tầng[\\s\\S]*Chưa trả lời`));
    assert.match(await card.innerText(), new RegExp(`Nhân dân — ${RAISED_BY}`));
    assert.match(await card.innerText(), new RegExp(`Hạn trả lời: ${dayFromToday(30)}`));
    // The demo's overdue petition is flagged in red.
    await page.getByTestId('petition-filter').getByText('Quá hạn', { exact: true }).click();
    await page.getByTestId('petition-overdue').first().waitFor();
    await shot(page, 'visits-10-petitions-overdue');
    await page.getByTestId('petition-filter').getByText('Chưa trả lời', { exact: true }).click();

    await card.getByTestId('answer-petition').click();
    await page.getByTestId('answer-text').fill(ANSWER);
    await page.getByTestId('answer-form-submit').click();
    await notice(page, 'Đã trả lời kiến nghị');
    await page.getByTestId('petition-filter').getByText('Đã trả lời', { exact: true }).click();
    await waitForTexts(card.getByTestId('petition-answer'), (t) => t[0]?.includes(ANSWER), 'the answer shown');
    await shot(page, 'visits-11-petition-answered');
    assertNoPageErrors(page);
});

test('the cell sees the answer', async () => {
    needs('petitionId');
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await page.goto(`/organizations/${the.cellId}?tab=superior-visits`);
    const card = page.locator(`[data-testid="petition"][data-petition="${the.petitionId}"]`);
    await card.waitFor();
    await waitForTexts(card.getByTestId('petition-answer'), (t) => t[0]?.includes(ANSWER), 'the cell sees the answer');
    assert.match(await card.getByTestId('petition-state').innerText(), /Đã trả lời/);
    await fitsPhone(page, 'the cell\'s petitions');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'visits-12-cell-answer-phone');
    await viewShot(page, card, 'visits-12-cell-answer-phone-view');
    assertNoPageErrors(page);
});

test('the commune\'s overview counts the meeting attended and the report on time', async () => {
    needs('petitionId');
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    await openVisitsTab(page, the.communeId, 'Tình hình');
    const now = await get('xa.hoaan', `/organizations/${the.communeId}/visit-overview?year=${YEAR}`);
    const before = the.overviewBefore;
    assert.equal(now.totals.meetings_attended, before.totals.meetings_attended + 1, 'one more cell meeting attended');
    assert.equal(now.totals.reports_on_time, before.totals.reports_on_time + 1, 'one more report on time');
    const value = (id) => page.getByTestId(id).locator('.ant-statistic-content');
    await waitForTexts(value('total-meetings'), (t) => t[0] === String(now.totals.meetings_attended), 'lượt dự sinh hoạt chi bộ');
    assert.equal(await value('total-on-time').innerText(), String(now.totals.reports_on_time));
    assert.equal(await value('total-late').innerText(), String(now.totals.reports_late));
    assert.equal(await value('total-missing').innerText(), String(now.totals.reports_missing));
    assert.equal(await value('total-grassroots').innerText(), String(now.totals.grassroots_visits));
    assert.ok(now.totals.reports_late >= 1 && now.totals.reports_missing >= 1, 'the demo has a late and a missing report');

    const person = now.people.find((p) => p.attendant_id === the.attendant.id);
    const row = page.getByTestId('overview-people').locator('tbody tr.ant-table-row').filter({ hasText: the.attendant.name });
    assert.match(await row.innerText(), new RegExp(`${person.meetings_attended}/${person.meetings_expected}`));
    assert.match(await page.getByTestId('coverage-visited').innerText(),
        new RegExp(`Đã đến ${now.coverage.visited}/${now.coverage.cells} chi bộ`));
    assert.match(await page.getByTestId('overview-petitions').innerText(), new RegExp(`Đã trả lời\\s*${now.petitions.answered}`));
    await shot(page, 'visits-13-overview');
    await viewShot(page, page.getByTestId('visits-tab'), 'visits-13-overview-view');
    assertNoPageErrors(page);
});

test('a member assigned to nothing is told so', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await page.goto('/me/visits');
    const mine = await get('bithu.thondong', `/me/visits?year=${YEAR}`);
    if (mine.attendants.length === 0) {
        await page.getByText('Đồng chí chưa được phân công dự sinh hoạt.').waitFor();
    } else {
        await page.getByTestId('my-visits-page').waitFor();
    }
    await fitsPhone(page, 'my visits, none');
    assertNoPageErrors(page);
});
