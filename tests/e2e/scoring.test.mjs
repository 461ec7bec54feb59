// Meeting quality (HD 42) as people use it: the commune committee sets a stricter scorecard for its cells (after a
// mistake the server refuses, shown where it is); the secretary of Chi bộ Thôn Đông scores one of the cell's held
// meetings on a phone, the committee adds the superior's column, the secretary corrects the cell's score with a
// reason, and the minutes' PDF states the quality of the meeting. Then the secretary lifts a computed criterion (a
// reason is required) and the commune sees the deviation beside the score and on its scoring tab. Last, the commune
// sets a scorecard for thematic meetings only, and its card shows it in force for them, the general one for the rest.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, fitsPhone, login, notice, numberInput, openCell, openOrganization, openPage, openSection, PHONE, run,
    screenshot, setUp, shot, SHOTS, showYear, todayVn, waitForTexts,
} from './helpers.mjs';
import { Client } from '../lib/server.mjs';

const COMMUNE = 'Đảng bộ xã Hòa An';
const CELL = 'Chi bộ Thôn Đông';
const DEFAULT_SOURCE = 'Mặc định theo Hướng dẫn 42';
const HD42_NAME = 'Phiếu đánh giá chất lượng sinh hoạt chi bộ (Hướng dẫn 42-HD/BTCTW)';
const NEW_NAME = `Phiếu đánh giá chất lượng sinh hoạt chi bộ — ${COMMUNE}`;
// HD 42's built-in scorecard: the criteria a person scores, and its level rules.
const JUDGEMENT = ['content', 'procedure', 'content_quality', 'chairing', 'democratic_centralism', 'self_criticism'];
const HD42 = { good: 90, fair: 70, average: 50, fullMarks: { duration: 5, attendance: 5, participation: 10, minutes: 2 } };
// What the secretary, then the superior, give the judgement criteria; the correction lowers one of the cell's.
const CELL_POINTS = { content: 2, procedure: 9, content_quality: 8, chairing: 9, democratic_centralism: 3, self_criticism: 2 };
const SUPERIOR_POINTS = { content: 1, procedure: 6, content_quality: 5, chairing: 6, democratic_centralism: 2, self_criticism: 1 };
const CORRECTED = { procedure: 7 };
const CORRECTION_REASON = 'Chấm lại theo góp ý của Đảng ủy xã: quy trình biểu quyết chưa đầy đủ';
const PROCEDURE_LABEL = 'Thực hiện đúng quy trình, thủ tục';

const TODAY = todayVn(); // dd/mm/yyyy in Asia/Ho_Chi_Minh, as the UI and the server count days
const [, , YEAR] = TODAY.split('/').map(Number);
const iso = (vn) => vn.split('/').reverse().join('-');

let env;
let tmp;
before(async () => {
    env = await setUp();
    tmp = mkdtempSync(join(tmpdir(), 'chibo-scoring-'));
});
after(async () => {
    await env?.tearDown();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// Waits until `locator` is wholly on screen and not under the `cover` (a sticky bar), as after a smooth scroll.
async function waitInSight(page, locator, cover, message) {
    const deadline = Date.now() + 15000;
    let box;
    let top = 0;
    for (;;) {
        box = await locator.boundingBox();
        const bar = cover ? await cover.boundingBox() : null;
        top = bar ? bar.y + bar.height : 0;
        if (box && box.y >= top && box.y + box.height <= page.viewportSize().height) {
            // Still scrolling? Wait until it stands still.
            await page.waitForTimeout(100);
            const again = await locator.boundingBox();
            if (again && Math.abs(again.y - box.y) < 1) return;
        }
        if (Date.now() > deadline) assert.fail(`${message} is not in sight: ${JSON.stringify(box)}, below ${top}`);
        await page.waitForTimeout(100);
    }
}

async function openCalendar(page) {
    await page.getByRole('tab', { name: 'Lịch sinh hoạt' }).click();
    await page.getByTestId('meeting-calendar').waitFor();
}

// The calendar's rows once loaded for `year`: [{key, text}].
async function calendarRows(page, year) {
    await showYear(page, year);
    const rows = page.getByTestId('meetings-table').locator('tbody tr.ant-table-row');
    const deadline = Date.now() + 15000;
    for (;;) {
        const found = await rows.evaluateAll((trs) => trs.map((tr) => ({ key: tr.dataset.rowKey, text: tr.innerText })));
        if (found.length && found.every((r) => new RegExp(`-${year}-\\d+$`).test(r.key ?? ''))) return found;
        if (Date.now() > deadline) assert.fail(`the calendar of ${year}: ${JSON.stringify(found)}`);
        await page.waitForTimeout(100);
    }
}

// The level by HD 42's rules, from every criterion's points.
function hd42Level(points) {
    const total = Object.values(points).reduce((a, b) => a + b, 0);
    if (total >= HD42.good)
        return Object.entries(HD42.fullMarks).every(([code, max]) => points[code] === max) ? 'Tốt' : 'Khá';
    if (total >= HD42.fair) return 'Khá';
    if (total >= HD42.average) return 'Trung bình';
    return 'Kém';
}
const sum = (points) => Object.values(points).reduce((a, b) => a + b, 0);

// Types the points of the judgement criteria.
async function fillPoints(page, points) {
    for (const [code, value] of Object.entries(points)) await numberInput(page, `score-input-${code}`).fill(String(value));
}

async function waitForSummary(page, total, level) {
    await waitForTexts(page.getByTestId('score-total'), (t) => t[0] === String(total), `the live total ${total}`);
    await waitForTexts(page.getByTestId('score-level'), (t) => t[0] === level, `the live level ${level}`);
}

async function column(page, role) {
    return {
        total: (await page.getByTestId(`score-latest-${role}-total`).innerText()).trim(),
        level: (await page.getByTestId(`score-latest-${role}-level`).innerText()).trim(),
    };
}

// Shared by the steps below (they run in order); a step stops at once when an earlier one failed.
const the = {};
const needs = (...keys) => { for (const k of keys) assert.ok(the[k] !== undefined, `an earlier step failed (no ${k})`); };

test('the commune committee sets a stricter scorecard for its cells, after a mistake the server names', async () => {
    const page = await openPage(env, DESKTOP);
    the.committee = page;
    await login(page, 'xa.hoaan');
    await openOrganization(page, COMMUNE);

    // Before: HD 42's built-in scorecard, 100 points.
    const card = page.getByTestId('scorecard-card');
    await waitForTexts(card.getByTestId('scorecard-source'), (t) => t[0] === DEFAULT_SOURCE, 'the built-in scorecard');
    assert.equal(await card.getByTestId('scorecard-name').innerText(), HD42_NAME);
    assert.match(await card.innerText(), /tổng 100 điểm/);
    assert.equal(await card.getByTestId('scorecard-versions').count(), 0, 'no version of its own yet');

    await card.getByTestId('scorecard-edit').click();
    const editor = page.getByTestId('scorecard-editor');
    await editor.waitFor();
    assert.equal(await editor.getByTestId('scorecard-total').innerText(), '100');
    assert.equal(await editor.getByTestId('scorecard-name-input').inputValue(), NEW_NAME);
    assert.equal(await numberInput(editor, 'scorecard-effective-from').inputValue(), TODAY);

    // Mistake 1: "Có dự thảo nghị quyết" worth 3 points while its block "Công tác chuẩn bị" stays at 10.
    const preparation = editor.getByTestId('scorecard-block-2');
    assert.equal(await preparation.getByTestId('scorecard-block-2-label').inputValue(), 'Công tác chuẩn bị');
    assert.equal(await preparation.getByTestId('scorecard-criterion-2-1-label').inputValue(), 'Có dự thảo nghị quyết');
    await numberInput(preparation, 'scorecard-criterion-2-1-max').fill('3');
    const blockMessage = 'Nhóm "Công tác chuẩn bị": tổng điểm các tiêu chí (11) khác điểm của nhóm (10).';
    await waitForTexts(preparation.getByTestId('scorecard-block-2-sum'), (t) => t[0] === '11', 'the block\'s live sum');
    assert.equal(await editor.getByTestId('scorecard-total').innerText(), '100', 'the blocks still add up to 100');
    await editor.getByTestId('scorecard-save').click();
    // The server refuses it; its message stands at the block it names, nowhere else.
    await waitForTexts(preparation.getByTestId('scorecard-error'), (t) => t.length === 1 && t[0] === blockMessage,
        'the server\'s error at the block');
    assert.equal(await editor.getByTestId('scorecard-error').count(), 1, 'one error, at its block');
    // The save button is at the bottom of the form: the editor brings the error into sight.
    const totalBar = editor.locator('.scorecard-total-bar');
    await waitInSight(page, preparation.getByTestId('scorecard-error'), totalBar, 'the block\'s error');
    await page.screenshot({ path: join(SHOTS, 'scoring-editor-block-error.png') });

    // Fixed: back to 2 points; the error goes.
    await numberInput(preparation, 'scorecard-criterion-2-1-max').fill('2');
    await preparation.getByTestId('scorecard-error').waitFor({ state: 'detached' });
    await waitForTexts(preparation.getByTestId('scorecard-block-2-sum'), (t) => t[0] === '10');

    // Stricter attendance: 4 points from 95 % (not 90 %), 3 points from 80 %, 2 points from 65 %. Moving the third
    // tier up first makes it overlap the second one: refused at the criterion.
    const attendance = editor.getByTestId('scorecard-criterion-1-0');
    assert.equal(await attendance.getByTestId('scorecard-criterion-1-0-label').inputValue(), 'Đảng viên dự sinh hoạt');
    const tier = (k, what) => attendance.getByTestId(`scorecard-tier-1-0-${k}`).getByLabel(`Mức ${k + 1}: ${what}`, { exact: true });
    assert.deepEqual([await tier(1, 'từ').inputValue(), await tier(1, 'đến dưới').inputValue(), await tier(1, 'điểm').inputValue()],
        ['90', '100', '4']);
    await tier(2, 'từ').fill('80');
    await tier(2, 'đến dưới').fill('95');
    await editor.getByTestId('scorecard-save').click();
    const overlap = 'Các mức điểm của tiêu chí "Đảng viên dự sinh hoạt" chồng lên nhau.';
    await waitForTexts(attendance.getByTestId('scorecard-error'), (t) => t.length === 1 && t[0] === overlap,
        'the server\'s error at the criterion');
    assert.equal(await editor.getByTestId('scorecard-error').count(), 1, 'one error, at its criterion');
    await waitInSight(page, attendance.getByTestId('scorecard-error'), totalBar, 'the criterion\'s error');
    await page.screenshot({ path: join(SHOTS, 'scoring-editor-tier-error.png') });

    await tier(1, 'từ').fill('95');
    await tier(3, 'đến dưới').fill('80');
    await attendance.getByTestId('scorecard-error').waitFor({ state: 'detached' });
    assert.equal(await editor.getByTestId('scorecard-hint').count(), 0, 'nothing left to review');
    assert.equal(await editor.getByTestId('scorecard-hints').count(), 0);
    await editor.getByTestId('scorecard-save').click();
    await editor.waitFor({ state: 'detached' });
    await notice(page, `Đã lưu phiếu đánh giá, áp dụng từ ${TODAY}`);

    // In force from today, the commune's own.
    await waitForTexts(card.getByTestId('scorecard-source'), (t) => t[0] === `Theo ${COMMUNE} (tổ chức này)`,
        'the new version in force');
    assert.equal(await card.getByTestId('scorecard-name').innerText(), NEW_NAME);
    assert.match(await card.innerText(), new RegExp(`Áp dụng từ ${TODAY} · tổng 100 điểm`));
    const versions = await waitForTexts(card.getByTestId('scorecard-version'), (t) => t.length === 1);
    assert.ok(versions[0].includes('Đang áp dụng') && versions[0].includes(NEW_NAME) && versions[0].includes(TODAY), versions[0]);
    // Its attendance tiers as saved.
    const inForce = card.getByTestId('scorecard-in-force');
    await inForce.locator('.ant-collapse-header', { hasText: 'Tỷ lệ đảng viên dự sinh hoạt' }).click();
    const tiers = await waitForTexts(inForce.locator('.scorecard-tiers').first().locator('li'), (t) => t.length === 6);
    assert.deepEqual(tiers.slice(0, 5), ['Từ 100 % trở lên: 5 điểm', 'Từ 95 % đến dưới 100 %: 4 điểm',
        'Từ 80 % đến dưới 95 %: 3 điểm', 'Từ 65 % đến dưới 80 %: 2 điểm', 'Dưới 65 %: 1 điểm']);
    await shot(page, 'scoring-desktop-commune-scorecard');

    // Chi bộ Thôn Đông inherits it; only the committee sets one.
    await page.getByTestId('children-table').getByRole('link', { name: CELL, exact: true }).click();
    await page.getByTestId('org-name').filter({ hasText: CELL }).waitFor();
    const cellCard = page.getByTestId('scorecard-card');
    await waitForTexts(cellCard.getByTestId('scorecard-source'), (t) => t[0] === `Theo ${COMMUNE}`, 'inherited');
    assert.equal(await cellCard.getByTestId('scorecard-name').innerText(), NEW_NAME);
    assert.equal(await cellCard.getByTestId('scorecard-edit').count(), 0, 'a cell does not set a scorecard');
    the.scorecard = NEW_NAME;
    assertNoPageErrors(page);
});

test('on a phone the secretary scores a held meeting of the history: computed criteria filled, judgement ones asked', async () => {
    needs('scorecard');
    const page = await openPage(env, PHONE);
    the.secretary = page;
    await login(page, 'bithu.thondong');
    await openOrganization(page, CELL);
    await openCalendar(page);

    // The latest regular meeting before today that was held and its minutes finalised (the demo's history).
    let chosen;
    for (const year of [YEAR, YEAR - 1]) {
        const rows = await calendarRows(page, year);
        chosen = rows
            .filter((r) => r.key.startsWith('regular-') && /Đã báo cáo cấp trên|Đã chốt biên bản/.test(r.text))
            .map((r) => ({ ...r, date: /\d{2}\/\d{2}\/\d{4}/.exec(r.text)?.[0] }))
            .filter((r) => r.date && iso(r.date) < iso(TODAY))
            .at(-1);
        if (chosen) break;
    }
    assert.ok(chosen, 'a finalised meeting in the demo history');
    the.rowKey = chosen.key;
    the.meetingDate = chosen.date;
    await page.getByTestId('meetings-table').locator(`tr[data-row-key="${chosen.key}"]`).getByTestId('meeting-open').click();
    await page.waitForURL(/\/meetings\/\d+/);
    the.meetingPath = new URL(page.url()).pathname;

    await openSection(page, 'score', 'Chấm điểm');
    const section = page.getByTestId('score-section');
    await section.waitFor();
    // Held before today: HD 42's scorecard still applies to it (the new one counts from today).
    assert.equal(await section.getByTestId('score-scorecard-name').innerText(), HD42_NAME);
    assert.match(await page.getByTestId('score-latest-cell').innerText(), /Chưa chấm/);
    assert.match(await page.getByTestId('score-latest-superior').innerText(), /Chưa chấm/);

    // Computed from the record: the finalised minutes get full points, attendance a value with its facts.
    await waitForTexts(page.getByTestId('score-value-minutes'), (t) => /^2\s*\/\s*2$/.test(t[0] ?? ''), 'minutes finalised');
    const attendance = await page.getByTestId('score-value-attendance').innerText();
    assert.match(attendance, /^[0-5]\s*\/\s*5$/, 'attendance computed');
    assert.match(await page.getByTestId('score-computed-attendance').innerText(),
        new RegExp(`Tự tính: ${attendance.split('/')[0].trim()} điểm[\\s\\S]*Có mặt \\d+ % số đảng viên phải dự`));
    // Every criterion: computed ones locked with their points, judgement ones an empty box.
    const computed = {};
    for (const el of await page.locator('[data-testid^="score-value-"]').all()) {
        const code = (await el.getAttribute('data-testid')).replace('score-value-', '');
        computed[code] = Number((await el.innerText()).split('/')[0].trim());
    }
    const open = await page.locator('[data-testid^="score-input-"]').evaluateAll((els) =>
        els.map((e) => [(e.dataset.testid ?? e.closest('[data-testid]').dataset.testid).replace('score-input-', ''),
            (e.tagName === 'INPUT' ? e : e.querySelector('input')).value]));
    assert.deepEqual(open.map(([code]) => code).sort(), [...JUDGEMENT].sort(), 'the judgement criteria are open');
    assert.ok(open.every(([, value]) => value === ''), `judgement criteria start empty: ${JSON.stringify(open)}`);
    for (const code of JUDGEMENT)
        assert.match(await page.getByTestId(`score-criterion-${code}`).innerText(), /Chấm theo đánh giá/);
    assert.equal(Object.keys(computed).length, 11, `every computed criterion has points: ${JSON.stringify(computed)}`);
    the.computed = computed;
    const computedTotal = sum(computed);
    await waitForTexts(page.getByTestId('score-total'), (t) => t[0] === String(computedTotal), 'the computed points add up');
    assert.equal(await page.getByTestId('score-missing').innerText(), `còn ${JUDGEMENT.length} tiêu chí chưa chấm`);

    // Submitting with criteria not scored is stopped, each one marked.
    await page.getByTestId('score-submit').click();
    await waitForTexts(page.getByTestId('score-error'), (t) => t[0]?.startsWith(`Còn ${JUDGEMENT.length} tiêu chí chưa chấm:`),
        'the missing criteria named');
    for (const code of JUDGEMENT) assert.equal(await page.getByTestId(`score-error-${code}`).innerText(), 'Chưa chấm tiêu chí này.');
    assert.match(await page.getByTestId('score-latest-cell').innerText(), /Chưa chấm/, 'nothing saved');
    await page.getByTestId(`score-error-${JUDGEMENT[0]}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'scoring-phone-missing.png') });

    // Filled: the total and the level follow the points as typed.
    await fillPoints(page, CELL_POINTS);
    const points = { ...computed, ...CELL_POINTS };
    the.cell = { total: String(sum(points)), level: hd42Level(points), points };
    await waitForSummary(page, the.cell.total, the.cell.level);
    assert.equal(await page.getByTestId('score-missing').count(), 0);
    assert.equal(await page.getByTestId(`score-error-${JUDGEMENT[0]}`).count(), 0, 'the marks go once scored');
    assert.equal(await page.getByTestId('score-error').count(), 0, 'no criterion is left to list');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the scoring fits the phone (scrollWidth ${width})`);
    await shot(page, 'scoring-phone-filled');

    await page.getByTestId('score-submit').click();
    await notice(page, `Đã lưu điểm (chi bộ tự chấm): ${the.cell.total} điểm, ${the.cell.level}`);
    await waitForTexts(page.getByTestId('score-latest-cell-total'), (t) => t[0] === the.cell.total, 'the cell\'s column');
    assert.deepEqual(await column(page, 'cell'), { total: the.cell.total, level: the.cell.level });
    assert.match(await page.getByTestId('score-latest-superior').innerText(), /Chưa chấm/);
    await shot(page, 'scoring-phone-saved');
    assertNoPageErrors(page);
});

test('the committee opens the same meeting and adds the superior\'s score', async () => {
    needs('cell', 'rowKey');
    const page = the.committee;
    // Still on Chi bộ Thôn Đông's page: its calendar → the same meeting.
    await openCalendar(page);
    await showYear(page, Number(the.rowKey.split('-')[1]));
    await page.getByTestId('meetings-table').locator(`tr[data-row-key="${the.rowKey}"]`).getByTestId('meeting-open').click();
    await page.waitForURL(/\/meetings\/\d+/);
    assert.equal(new URL(page.url()).pathname, the.meetingPath);
    await openSection(page, 'score', 'Chấm điểm');
    await page.getByTestId('score-section').waitFor();
    await waitForTexts(page.getByTestId('score-latest-cell-total'), (t) => t[0] === the.cell.total, 'the cell\'s score shown');

    // The committee writes for the cell too: it picks the superior's column.
    if (await page.getByTestId('score-role').count()) {
        await page.getByTestId('score-role-superior').click();
        await page.locator('.score-role-choice .ant-radio-button-wrapper-checked', { hasText: 'Cấp trên chấm' }).waitFor();
    } else {
        assert.match(await page.getByTestId('score-section').innerText(), /Cột chấm: Cấp trên chấm/);
    }
    assert.equal(await page.getByTestId('score-correction').count(), 0, 'the superior\'s column is scored the first time');
    // Starts from the record again, not from the cell's points.
    for (const code of JUDGEMENT) assert.equal(await numberInput(page, `score-input-${code}`).inputValue(), '');
    await fillPoints(page, SUPERIOR_POINTS);
    const points = { ...the.computed, ...SUPERIOR_POINTS };
    the.superior = { total: String(sum(points)), level: hd42Level(points) };
    await waitForSummary(page, the.superior.total, the.superior.level);
    await page.getByTestId('score-submit').click();
    await notice(page, `Đã lưu điểm (cấp trên chấm): ${the.superior.total} điểm, ${the.superior.level}`);

    // Both columns, in the summary and per criterion.
    await waitForTexts(page.getByTestId('score-latest-superior-total'), (t) => t[0] === the.superior.total);
    assert.deepEqual(await column(page, 'superior'), the.superior);
    assert.deepEqual(await column(page, 'cell'), { total: the.cell.total, level: the.cell.level });
    const procedureRow = page.locator('tr', { has: page.getByTestId('score-criterion-procedure') });
    const cells = await procedureRow.locator('td').allInnerTexts();
    assert.equal(cells[2].trim(), String(CELL_POINTS.procedure), `the cell's column: ${cells}`);
    assert.equal(cells[3].trim(), String(SUPERIOR_POINTS.procedure), `the superior's column: ${cells}`);
    await shot(page, 'scoring-desktop-both-columns');
    assertNoPageErrors(page);
});

test('the secretary corrects the cell\'s score: a reason is required, both scorings stay in the history', async () => {
    needs('superior');
    // The server itself refuses a correction without a reason.
    const client = new Client(env.server.base);
    assert.equal((await client.login('bithu.thondong')).status, 200);
    const meetingId = the.meetingPath.split('/').pop();
    const bare = await client.post(`/api/v1/meetings/${meetingId}/scores`, { role: 'cell', points: the.cell.points });
    assert.equal(bare.status, 400, bare.text);
    assert.equal(bare.json.error.field, 'reason', bare.text);

    const page = the.secretary;
    await page.reload();
    await openSection(page, 'score', 'Chấm điểm');
    await page.getByTestId('score-section').waitFor();
    await waitForTexts(page.getByTestId('score-latest-superior-total'), (t) => t[0] === the.superior.total, 'the superior\'s column');
    await page.getByTestId('score-correction').waitFor();
    // The form starts from the cell's own points.
    await waitForTexts(page.getByTestId('score-total'), (t) => t[0] === the.cell.total);
    for (const [code, value] of Object.entries(CELL_POINTS))
        assert.equal(await numberInput(page, `score-input-${code}`).inputValue(), String(value));

    await fillPoints(page, CORRECTED);
    const points = { ...the.cell.points, ...CORRECTED };
    const corrected = { total: String(sum(points)), level: hd42Level(points) };
    await waitForSummary(page, corrected.total, corrected.level);
    // Without a reason: refused, at the reason.
    await page.getByTestId('score-submit').click();
    await waitForTexts(page.getByTestId('score-error-reason'), (t) => t[0] === 'Chấm lại cần ghi lý do điều chỉnh.');
    assert.equal(await page.getByTestId('score-latest-cell-total').innerText(), the.cell.total, 'not saved');
    await page.getByTestId('score-reason').fill(CORRECTION_REASON);
    await page.getByTestId('score-error-reason').waitFor({ state: 'detached' });
    await page.getByTestId('score-submit').click();
    await notice(page, `Đã lưu điểm (chi bộ tự chấm): ${corrected.total} điểm, ${corrected.level}`);
    await waitForTexts(page.getByTestId('score-latest-cell-total'), (t) => t[0] === corrected.total, 'the corrected column');
    assert.deepEqual(await column(page, 'cell'), corrected);
    assert.match(await page.getByTestId('score-latest-cell').innerText(), new RegExp(`Lý do điều chỉnh: ${CORRECTION_REASON}`));
    assert.deepEqual(await column(page, 'superior'), the.superior);

    // The history: the correction (with its reason and what it changed), the superior's, the cell's first.
    const history = page.getByTestId('score-history');
    await history.locator('.ant-collapse-header').click();
    const rows = await waitForTexts(history.getByTestId('score-history-row'), (t) => t.length === 3, 'three scorings');
    assert.match(rows[0], new RegExp(`^Chi bộ tự chấm · ${corrected.total}/100\\s*${corrected.level}\\s*Điều chỉnh`));
    assert.ok(rows[0].includes(`Lý do: ${CORRECTION_REASON}`), rows[0]);
    assert.ok(rows[0].includes(`${PROCEDURE_LABEL}: ${CELL_POINTS.procedure} → ${CORRECTED.procedure}`), rows[0]);
    assert.match(rows[1], new RegExp(`^Cấp trên chấm · ${the.superior.total}/100\\s*${the.superior.level}`));
    assert.match(rows[2], new RegExp(`^Chi bộ tự chấm · ${the.cell.total}/100\\s*${the.cell.level}`));
    assert.ok(!rows[2].includes('Điều chỉnh'), rows[2]);
    await shot(page, 'scoring-phone-corrected');
    the.corrected = corrected;
    assertNoPageErrors(page);
});

test('the minutes\' PDF states the quality of the meeting', async () => {
    needs('corrected');
    const page = the.secretary;
    await openSection(page, 'documents', 'Biên bản & nghị quyết');
    const href = await page.getByRole('link', { name: 'Biên bản PDF', exact: true }).getAttribute('href');
    const response = await page.request.get(href);
    assert.equal(response.status(), 200);
    const file = join(tmp, 'minutes.pdf');
    writeFileSync(file, await response.body());
    assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
    await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, `${file}.txt`]);
    const text = readFileSync(`${file}.txt`, 'utf8').normalize('NFC').replace(/\s+/g, ' ');
    const line = `Chất lượng buổi sinh hoạt: Chi bộ tự chấm ${the.corrected.total} điểm, xếp loại ${the.corrected.level}; `
        + `cấp trên chấm ${the.superior.total} điểm, xếp loại ${the.superior.level}.`;
    assert.ok(text.includes(line), `the minutes contain "${line}":\n${text}`);
    assertNoPageErrors(page);
    the.minutes = true;
});

// Issue 15: a computed criterion cannot be typed over silently. The secretary lifts one to its maximum: the form asks
// why, and the superior sees the deviation and the reason beside the cell's score and on the commune's scoring tab.
const OVERRIDE_REASON = 'Đối chiếu hồ sơ bản giấy của chi bộ: biên bản ghi thiếu, đã báo cáo Đảng ủy xã';
const LIFT_REASON = 'Bổ sung điểm theo hồ sơ bản giấy của chi bộ';

test('the secretary types over a computed criterion: the form asks why, and keeps the reason beside the score', async () => {
    needs('minutes');
    const page = the.secretary;
    await page.reload();
    await openSection(page, 'score', 'Chấm điểm');
    await page.getByTestId('score-section').waitFor();
    await waitForTexts(page.getByTestId('score-latest-cell-total'), (t) => t[0] === the.corrected.total);
    assert.equal(await page.getByTestId('score-latest-cell-deviation').count(), 0, 'the scores so far keep to the record');
    // A computed criterion below its maximum (attendance when the record caps it): locked at the record's points.
    const values = {};
    for (const el of await page.locator('[data-testid^="score-value-"]').all()) {
        const code = (await el.getAttribute('data-testid')).replace('score-value-', '');
        const [points, max] = (await el.innerText()).split('/').map((x) => Number(x.trim()));
        values[code] = { points, max };
    }
    const code = ['attendance', ...Object.keys(values)].find((c) => values[c] && values[c].points < values[c].max);
    assert.ok(code, `a computed criterion below its maximum: ${JSON.stringify(values)}`);
    const { points: computed, max } = values[code];
    const label = (await page.getByTestId(`score-criterion-${code}`).locator('.score-criterion-label').innerText()).trim();

    await page.getByTestId(`score-unlock-${code}`).click();
    await numberInput(page, `score-input-${code}`).fill(String(max));
    const reasonBox = page.getByTestId(`score-override-${code}`);
    await reasonBox.waitFor();
    const lifted = { total: String(Number(the.corrected.total) + max - computed) };
    await waitForTexts(page.getByTestId('score-total'), (t) => t[0] === lifted.total, 'the live total with the lifted points');
    await page.getByTestId('score-reason').fill(LIFT_REASON);
    // Without a reason for the computed criterion: refused at the criterion, nothing saved.
    await page.getByTestId('score-submit').click();
    const needed = `Điểm tiêu chí "${label}" được tính từ biên bản: ${computed} điểm. Muốn chấm ${max} điểm cần ghi lý do điều chỉnh.`;
    await waitForTexts(page.getByTestId(`score-error-${code}`), (t) => t[0] === needed, 'the criterion asks for a reason');
    assert.equal(await page.getByTestId('score-latest-cell-total').innerText(), the.corrected.total, 'not saved');
    await page.getByTestId(`score-error-${code}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'scoring-phone-override-needed.png') });

    await reasonBox.fill(OVERRIDE_REASON);
    await page.getByTestId(`score-error-${code}`).waitFor({ state: 'detached' });
    await page.getByTestId('score-submit').click();
    await notice(page, `Đã lưu điểm (chi bộ tự chấm): ${lifted.total} điểm`);
    await waitForTexts(page.getByTestId('score-latest-cell-total'), (t) => t[0] === lifted.total, 'the lifted score saved');
    const deviation = `Cao hơn số liệu biên bản +${max - computed}`;
    assert.equal((await page.getByTestId('score-latest-cell-deviation').innerText()).trim(), deviation);
    const override = `${label}: tự tính ${computed} → chấm ${max}. Lý do: ${OVERRIDE_REASON}`;
    assert.equal((await page.getByTestId('score-latest-cell-overrides').innerText()).trim(), override);
    await page.getByTestId('score-latest-cell').scrollIntoViewIfNeeded();
    await shot(page, 'scoring-phone-override-saved');
    the.override = { code, label, computed, max, deviation, override, total: lifted.total };
    assertNoPageErrors(page);
});

test('the commune sees the deviation beside the cell\'s score and counts the meeting on its scoring tab', async () => {
    needs('override');
    const page = the.committee;
    await page.goto(the.meetingPath);
    await openSection(page, 'score', 'Chấm điểm');
    await waitForTexts(page.getByTestId('score-latest-cell-total'), (t) => t[0] === the.override.total, 'the cell\'s new score');
    assert.equal((await page.getByTestId('score-latest-cell-deviation').innerText()).trim(), the.override.deviation);
    assert.equal((await page.getByTestId('score-latest-cell-overrides').innerText()).trim(), the.override.override);
    // In the criterion's row the cell's points are marked; hovering gives the record's points and the reason.
    const marked = page.getByTestId(`score-overridden-cell-${the.override.code}`);
    assert.equal((await marked.innerText()).trim(), `${the.override.max}*`);
    await marked.hover();
    await waitForTexts(page.locator('.ant-tooltip:not(.ant-tooltip-hidden)', { hasText: OVERRIDE_REASON }), (t) => t.length === 1,
        'the reason on hover');
    await shot(page, 'scoring-desktop-deviation');

    // The commune's scoring tab: this year (or last, for a meeting of December seen in January).
    await openCell(page, COMMUNE);
    await page.getByRole('tab', { name: 'Chấm điểm sinh hoạt' }).click();
    const tab = page.getByTestId('scores-tab');
    await tab.waitFor();
    const meetingYear = Number(the.meetingDate.split('/')[2]);
    if (meetingYear !== YEAR) await tab.getByTestId('period-previous').click();
    await waitForTexts(tab.getByTestId('scores-period'), (t) => t[0] === `Chấm điểm sinh hoạt năm ${meetingYear}`);
    await waitForTexts(tab.getByTestId('scores-above'), (t) => t[0]?.startsWith('1 cuộc họp chấm cao hơn số liệu biên bản'),
        'one meeting counted above its record');
    const rows = tab.getByTestId('scores-table').locator('tbody tr.ant-table-row');
    const texts = await waitForTexts(rows, (t) => t.length === 1, 'the one deviating meeting');
    assert.ok(texts[0].includes(CELL) && texts[0].includes(the.meetingDate), texts[0]);
    assert.equal((await rows.getByTestId('scores-cell-deviation').innerText()).trim(), the.override.deviation);
    assert.equal((await rows.getByTestId('scores-cell-overrides').innerText()).trim(), the.override.override);
    assert.equal(await rows.getByTestId('scores-superior-deviation').count(), 0, 'the superior kept to the record');
    await shot(page, 'scoring-desktop-commune-deviations');
    await rows.getByTestId('scores-meeting-link').click();
    await page.waitForURL(/\/meetings\/\d+/);
    assert.equal(new URL(page.url()).pathname, the.meetingPath);
    await page.getByTestId('score-section').waitFor();
    assertNoPageErrors(page);
    for (const p of [the.secretary, the.committee]) await p?.context().close();
});

test('the commune sets a scorecard for thematic meetings only; the card shows which one scores which meetings', async () => {
    needs('scorecard');
    const THEMATIC_NAME = `Phiếu đánh giá sinh hoạt chuyên đề — ${COMMUNE}`;
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    await openOrganization(page, COMMUNE);
    const card = page.getByTestId('scorecard-card');
    const viewed = card.getByTestId('scorecard-viewed-kind');
    await waitForTexts(card.getByTestId('scorecard-name'), (t) => t[0] === the.scorecard, 'the general version in force');

    // Thematic meetings are scored by the general version until one of their own is set.
    await viewed.getByText('Chuyên đề', { exact: true }).click();
    await waitForTexts(card.getByTestId('scorecard-head-kind'), (t) => t[0] === 'Mọi buổi sinh hoạt', 'the general one for thematic meetings');
    await card.getByTestId('scorecard-edit').click();
    const editor = page.getByTestId('scorecard-editor');
    await editor.waitFor();
    const kind = editor.getByTestId('scorecard-kind');
    assert.equal(await kind.getByRole('radio', { name: 'Chỉ sinh hoạt chuyên đề' }).isChecked(), true,
        'from the thematic viewer, a new version is for thematic meetings');
    await kind.getByText('Mọi buổi sinh hoạt', { exact: true }).click();
    await kind.getByText('Chỉ sinh hoạt chuyên đề', { exact: true }).click();
    await editor.getByTestId('scorecard-name-input').fill(THEMATIC_NAME);
    await kind.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'scoring-editor-thematic-kind.png') });
    await editor.getByTestId('scorecard-save').click();
    await editor.waitFor({ state: 'detached' });
    await notice(page, `Đã lưu phiếu đánh giá, áp dụng từ ${TODAY}`);

    // Still viewing thematic meetings: the new version is in force for them.
    await waitForTexts(card.getByTestId('scorecard-name'), (t) => t[0] === THEMATIC_NAME, 'the thematic version in force');
    assert.equal(await card.getByTestId('scorecard-head-kind').innerText(), 'Chỉ sinh hoạt chuyên đề');
    const versions = await waitForTexts(card.getByTestId('scorecard-version'), (t) => t.length === 2, 'two own versions');
    const line = (name) => versions.find((v) => v.includes(name)) ?? '';
    assert.ok(line(THEMATIC_NAME).includes('Đang áp dụng') && line(THEMATIC_NAME).includes('Chỉ sinh hoạt chuyên đề'),
        line(THEMATIC_NAME));
    assert.ok(line(the.scorecard).includes('Mọi buổi sinh hoạt'), line(the.scorecard));
    await shot(page, 'scoring-desktop-thematic-scorecard');

    // Regular meetings keep the general version.
    await viewed.getByText('Thường kỳ', { exact: true }).click();
    await waitForTexts(card.getByTestId('scorecard-name'), (t) => t[0] === the.scorecard, 'the general version for regular meetings');
    const regular = await waitForTexts(card.getByTestId('scorecard-version'), (t) => t.length === 2);
    assert.ok(regular.find((v) => v.includes(the.scorecard)).includes('Đang áp dụng'));
    assert.ok(!regular.find((v) => v.includes(THEMATIC_NAME)).includes('Đang áp dụng'), 'not in force for regular meetings');
    assertNoPageErrors(page);
    await page.context().close();

    // The secretary of a cell below, on a phone, reads the thematic one through the same switch.
    const phone = await openPage(env, PHONE);
    await login(phone, 'bithu.thondong');
    await openCell(phone, CELL);
    const cellCard = phone.getByTestId('scorecard-card');
    await waitForTexts(cellCard.getByTestId('scorecard-name'), (t) => t[0] === the.scorecard);
    await cellCard.getByTestId('scorecard-viewed-kind').getByText('Chuyên đề', { exact: true }).click();
    await waitForTexts(cellCard.getByTestId('scorecard-name'), (t) => t[0] === THEMATIC_NAME, 'the cell inherits the thematic one');
    await fitsPhone(phone, 'the cell\'s scorecard card');
    await cellCard.scrollIntoViewIfNeeded();
    await phone.waitForTimeout(300);
    await phone.screenshot({ path: join(SHOTS, 'scoring-phone-cell-thematic-scorecard.png') });
    assertNoPageErrors(phone);
    await phone.context().close();
});
