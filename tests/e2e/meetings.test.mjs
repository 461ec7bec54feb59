import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, fieldError, login, openOrganization, openPage, PHONE, screenshot, setUp, showYear,
    todayVn, VIETNAMESE_LETTER, waitForRows, waitForTexts,
} from './helpers.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.tearDown(); });

const COMMUNE = 'Đảng bộ xã Hòa An';
const CELL = 'Chi bộ Thôn Đông';
const MOVE_REASON = 'Trùng lịch hội nghị của Đảng ủy xã';
const CANCEL_REASON = 'Gộp nội dung chuyên đề vào sinh hoạt thường kỳ';

const pad2 = (n) => String(n).padStart(2, '0');
const [, THIS_MONTH, THIS_YEAR] = todayVn().split('/').map(Number);
// The month after the current one, and the first thematic month (3, 6, 9, 12) from then on.
const NEXT = THIS_MONTH === 12 ? { year: THIS_YEAR + 1, month: 1 } : { year: THIS_YEAR, month: THIS_MONTH + 1 };
const THEMATIC = { year: NEXT.year, month: Math.ceil(NEXT.month / 3) * 3 };
const weekday = (y, m, d) => new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 Sunday … 6 Saturday

// Opens an organisation from the tree and its "Lịch sinh hoạt" tab.
async function openMeetings(page, name) {
    await openOrganization(page, name);
    await page.getByRole('tab', { name: 'Lịch sinh hoạt' }).click();
    await page.getByTestId('meeting-rule').waitFor();
    await page.waitForURL(/[?&]tab=meetings/);
}

// The rows of the calendar as {key, date, note, text}; waits until `predicate` holds.
async function calendarRows(page, predicate, message) {
    const deadline = Date.now() + 15000;
    for (;;) {
        const rows = await page.getByTestId('meetings-table').locator('tbody tr.ant-table-row').evaluateAll((trs) =>
            trs.map((tr) => ({
                key: tr.getAttribute('data-row-key'),
                date: tr.querySelector('.meeting-date')?.textContent ?? '',
                note: tr.querySelector('[data-testid="shifted-note"]')?.textContent ?? '',
                text: tr.innerText,
            })));
        if (predicate(rows)) return rows;
        if (Date.now() > deadline) assert.fail(`${message ?? 'calendar not as expected'}: ${JSON.stringify(rows)}`);
        await page.waitForTimeout(100);
    }
}

const row = (page, kind, { year, month }) =>
    page.getByTestId('meetings-table').locator(`tr[data-row-key="${kind}-${year}-${month}"]`);

test('the commune committee sets the meeting rule; a wrong setting is refused under its field; cells follow it', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    await openMeetings(page, COMMUNE);
    const summary = page.getByTestId('rule-summary');
    await waitForTexts(summary, (t) => t[0]?.includes(
        '14:00 ngày 03 hằng tháng; chuyên đề các tháng 3, 6, 9, 12; tối thiểu 90 phút (120 phút khi kết hợp); ngày nghỉ: giữ nguyên'),
    'the HD 42 defaults in plain words');
    assert.equal(await page.getByTestId('meeting-calendar').count(), 0, 'a party committee has no calendar of its own');

    // Thematic months without one in the fourth quarter: the server's message lands under the months.
    await page.getByTestId('edit-rule').click();
    const form = page.getByTestId('rule-form');
    for (const m of [3, 6, 9]) await form.getByLabel(`Tháng ${m}`, { exact: true }).check();
    await page.getByTestId('rule-form-submit').click();
    const monthsError = fieldError(form, 'Tháng sinh hoạt chuyên đề');
    await monthsError.waitFor();
    assert.match(await monthsError.innerText(), /quý 4/);
    assert.match(await monthsError.innerText(), VIETNAMESE_LETTER);
    await screenshot(page, 'desktop-rule-form-error');

    // Day 5, weekends and holidays moved to the next working day.
    await form.getByLabel('Tháng 12', { exact: true }).check();
    await form.getByLabel('Ngày họp hằng tháng').fill('5');
    await form.getByLabel('Lùi sang ngày làm việc kế tiếp').check();
    await page.getByTestId('rule-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.locator('.ant-message-notice').filter({ hasText: 'Đã lưu quy định lịch sinh hoạt' }).waitFor();
    await waitForTexts(summary, (t) => t[0]?.includes('14:00 ngày 05 hằng tháng')
        && t[0].includes('ngày nghỉ: lùi sang ngày làm việc kế tiếp'), 'the new rule in plain words');
    const settings = await waitForRows(page, 'rule-settings', (t) => t.length === 7 && t[0].includes('Ngày 05'));
    assert.match(settings[0], /Riêng của tổ chức này/, 'the day is the commune\'s own');
    assert.match(settings[1], /Mặc định/, 'the start time is still the default');
    await screenshot(page, 'desktop-rule-commune');

    // The cell inherits the rule and names where it comes from.
    await page.getByTestId('children-table').getByRole('link', { name: CELL, exact: true }).click();
    await page.getByTestId('org-name').filter({ hasText: CELL }).waitFor();
    await page.getByRole('tab', { name: 'Lịch sinh hoạt' }).click();
    const cellSettings = await waitForRows(page, 'rule-settings', (t) => t.length === 7 && t[0].includes('Ngày 05'));
    assert.match(cellSettings[0], new RegExp(`Theo ${COMMUNE}`));
    assert.match(cellSettings[5], new RegExp(`Lùi sang ngày làm việc kế tiếp.*Theo ${COMMUNE}`, 's'));

    // This year's past meetings are the demo's history (held on the 3rd under the old rule); next year is
    // all rule: twelve regular and four thematic meetings, on the 5th unless it is a day off (then later,
    // flagged).
    assert.match(await page.getByTestId('meeting-year').innerText(), new RegExp(String(THIS_YEAR)));
    await calendarRows(page, (r) => r.length === 16 && r.some((x) => /Đã báo cáo cấp trên/.test(x.text)),
        'this year shows the meetings already held');
    await showYear(page, THIS_YEAR + 1);
    const rows = await calendarRows(page, (r) => r.length === 16 && r.every((x) => x.key.split('-')[1] === String(THIS_YEAR + 1)),
        'sixteen meetings in the year');
    assert.equal(rows.filter((r) => r.key.startsWith('regular-')).length, 12);
    assert.deepEqual(rows.filter((r) => r.key.startsWith('thematic-')).map((r) => r.key.split('-')[2]), ['3', '6', '9', '12']);
    for (const r of rows) {
        const [, year, month] = r.key.split('-').map(Number);
        const [d, m, y] = r.date.split('/').map(Number);
        assert.equal(`${pad2(m)}/${y}`, `${pad2(month)}/${year}`, `${r.key} in its month: ${r.date}`);
        const off = [0, 6].includes(weekday(year, month, 5));
        if (r.note) {
            assert.equal(r.note, 'đã lùi do trùng ngày nghỉ');
            assert.ok(d > 5 && ![0, 6].includes(weekday(y, m, d)), `${r.key} shifted to a later working day: ${r.date}`);
        } else {
            assert.ok(!off, `${r.key}: the 5th is a weekend, so it must be shifted`);
            assert.equal(d, 5, `${r.key} on the 5th: ${r.date}`);
        }
        assert.match(r.text, /14:00/);
        assert.match(r.text, /Dự kiến/);
        // A regular and a thematic meeting on the same day are one session: 90 minutes alone, 120 together.
        const [kind] = r.key.split('-');
        const sameDay = rows.some((o) => o.key === `${kind === 'regular' ? 'thematic' : 'regular'}-${year}-${month}` && o.date === r.date);
        assert.ok(r.text.includes(sameDay ? '90 (120 khi kết hợp)' : '90') && (sameDay || !/\b120\b/.test(r.text)),
            `${r.key}: the minimum ${sameDay ? 'of a combined session' : 'alone'}: ${r.text}`);
    }
    assert.ok(rows.some((r) => r.note), 'at least one 5th of the year falls on a weekend');
    assert.ok(rows.some((r) => r.text.includes('120 khi kết hợp')), 'a thematic month holds both meetings on one day');
    await screenshot(page, 'desktop-meetings-commune-view');
    assertNoPageErrors(page);
    await page.context().close();
});

test('the cell secretary creates the next meeting, moves it with a reason and cancels a thematic one', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'bithu.thondong');
    await openMeetings(page, CELL);
    await calendarRows(page, (r) => r.length === 16);
    await showYear(page, NEXT.year);

    // "Lập cuộc họp" for next month's regular meeting.
    const regular = row(page, 'regular', NEXT);
    await regular.getByTestId('meeting-create').click();
    await page.locator('.ant-message-notice').filter({ hasText: `Đã lập cuộc họp sinh hoạt thường kỳ tháng ${NEXT.month}/${NEXT.year}` })
        .waitFor();
    await regular.getByTestId('meeting-move').waitFor();
    assert.equal(await regular.getByTestId('meeting-create').count(), 0);

    // Move it: the reason is required, and the server keeps the date within the month or the next one.
    await regular.getByTestId('meeting-move').click();
    const move = page.getByTestId('move-meeting-form');
    await page.getByTestId('move-meeting-form-submit').click();
    await fieldError(move, 'Lý do dời lịch').waitFor();
    assert.match(await fieldError(move, 'Lý do dời lịch').innerText(), /lý do/);
    await move.getByLabel('Lý do dời lịch').fill(MOVE_REASON);
    const far = NEXT.month >= 11 ? { year: NEXT.year + 1, month: NEXT.month - 10 } : { year: NEXT.year, month: NEXT.month + 2 };
    await move.getByLabel('Ngày họp mới').fill(`10/${pad2(far.month)}/${far.year}`);
    await move.getByLabel('Ngày họp mới').press('Enter');
    await page.getByTestId('move-meeting-form-submit').click();
    const dateError = fieldError(move, 'Ngày họp mới');
    await dateError.waitFor();
    assert.match(await dateError.innerText(), /Chỉ dời được/);
    await screenshot(page, 'desktop-move-meeting-error');
    const newDate = `20/${pad2(NEXT.month)}/${NEXT.year}`;
    await move.getByLabel('Ngày họp mới').fill(newDate);
    await move.getByLabel('Ngày họp mới').press('Enter');
    await move.getByLabel('Giờ bắt đầu').fill('19:30');
    await page.getByTestId('move-meeting-form-submit').click();
    await move.waitFor({ state: 'detached' });
    await waitForTexts(regular, (t) => t[0]?.includes(newDate) && t[0].includes('19:30')
        && t[0].includes(`Dời lịch: ${MOVE_REASON}`), 'the moved meeting with its new date and reason');
    assert.equal(await regular.getByTestId('shifted-note').count(), 0, 'no holiday note on a moved meeting');

    // Create the coming thematic meeting, then cancel it with a reason, after a confirmation.
    await showYear(page, THEMATIC.year);
    const thematic = row(page, 'thematic', THEMATIC);
    await thematic.getByTestId('meeting-create').click();
    await thematic.getByTestId('meeting-cancel').click();
    const cancel = page.getByTestId('cancel-meeting-form');
    await page.getByTestId('cancel-meeting-form-submit').click();
    await fieldError(cancel, 'Lý do hủy').waitFor();
    await cancel.getByLabel('Lý do hủy').fill(CANCEL_REASON);
    await page.getByTestId('cancel-meeting-form-submit').click();
    const confirm = page.locator('.ant-modal-confirm').filter({ has: page.getByTestId('cancel-meeting-confirm') });
    await confirm.waitFor();
    await screenshot(page, 'desktop-cancel-meeting-confirm');
    await confirm.getByRole('button', { name: 'Không' }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.ok(await cancel.isVisible(), 'saying no keeps the form open');
    await page.getByTestId('cancel-meeting-form-submit').click();
    await confirm.getByRole('button', { name: 'Đồng ý hủy' }).click();
    await cancel.waitFor({ state: 'detached' });
    await waitForTexts(thematic, (t) => t[0]?.includes('Đã hủy') && t[0].includes(`Hủy: ${CANCEL_REASON}`),
        'the cancelled thematic meeting with its reason');
    assert.equal(await thematic.locator('button').count(), 0, 'a cancelled meeting can be neither moved nor cancelled');
    await screenshot(page, 'desktop-meetings-secretary');

    // The tab is kept in the address.
    await page.reload();
    await showYear(page, NEXT.year);
    await waitForTexts(row(page, 'regular', NEXT), (t) => t[0]?.includes(newDate), 'moved meeting after a reload');
    assertNoPageErrors(page);
    await page.context().close();
});

test('a plain member sees the calendar and the rule but no buttons to change them', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'dangvien.thondong');
    await openMeetings(page, CELL);
    await calendarRows(page, (r) => r.length === 16, 'the member sees the year');
    await showYear(page, NEXT.year);
    await waitForTexts(row(page, 'regular', NEXT), (t) => t[0]?.includes(`Dời lịch: ${MOVE_REASON}`));
    await showYear(page, THEMATIC.year);
    await waitForTexts(row(page, 'thematic', THEMATIC), (t) => t[0]?.includes('Đã hủy'));
    for (const id of ['meeting-create', 'meeting-move', 'meeting-cancel', 'edit-rule']) {
        assert.equal(await page.getByTestId(id).count(), 0, `no ${id} button for a plain member`);
    }
    await waitForTexts(page.getByTestId('rule-summary'), (t) => t[0]?.includes('ngày 05 hằng tháng'));
    await screenshot(page, 'desktop-meetings-member');
    assertNoPageErrors(page);
    await page.context().close();
});

test('phone: the calendar is a stacked list that fits the screen; the rule form fits', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await openMeetings(page, CELL);
    await calendarRows(page, (r) => r.length === 16);
    await showYear(page, NEXT.year);
    const moved = row(page, 'regular', NEXT);
    await waitForTexts(moved, (t) => t[0]?.includes(`20/${pad2(NEXT.month)}/${NEXT.year}`) && t[0].includes(MOVE_REASON));
    assert.match(await moved.innerText(), /Thường kỳ/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the calendar fits the phone (scrollWidth ${width})`);
    for (const box of await page.getByTestId('meetings-table').locator('button').evaluateAll(
        (els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
        assert.ok(box.x >= 0 && box.right <= PHONE.width, `button within the screen: ${JSON.stringify(box)}`);
    }
    await page.getByTestId('meeting-calendar').scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-meetings');

    await page.getByTestId('edit-rule').click();
    const form = page.getByTestId('rule-form');
    await form.getByLabel('Tháng 12', { exact: true }).waitFor();
    const formWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(formWidth <= PHONE.width, `the rule form fits the phone (scrollWidth ${formWidth})`);
    await screenshot(page, 'phone-rule-form');
    await form.getByRole('button', { name: 'Hủy' }).click();
    await form.waitFor({ state: 'detached' });
    assertNoPageErrors(page);
    await page.context().close();
});
