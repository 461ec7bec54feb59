import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, fieldError, formControl, login, openPage, PHONE, pickOption, screenshot, setUp,
    todayVn, VIETNAMESE_LETTER, waitForRows, waitForTexts,
} from './helpers.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.tearDown(); });

const collator = new Intl.Collator('vi');
const givenName = (fullName) => fullName.trim().split(/\s+/).pop();

async function searchMembers(page, text) {
    await page.getByTestId('member-search').fill(text);
    const names = page.getByTestId('members-table').locator('a.member-name');
    return waitForTexts(names, (t) => t.length > 0 && t.every((n) => n.startsWith('Đặng Văn')),
        `search "${text}" lists only Đặng Văn …`);
}

test('member search without diacritics finds "Đặng Văn …" in every Hòa An cell, in server order', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    await page.getByRole('menuitem', { name: 'Đảng viên' }).click();
    await page.waitForURL(/\/members$/);
    const names = await searchMembers(page, 'dang van');
    const rows = await waitForRows(page, 'members-table', (t) => t.length === names.length);
    const cells = new Set(rows.map((r) => r.split('\t').find((c) => c.startsWith('Chi bộ'))));
    assert.ok(cells.size >= 12, `members from all 12 cells: ${[...cells].join(', ')}`);
    // The client keeps the server's Vietnamese order (given name first).
    for (let i = 1; i < names.length; i++) {
        assert.ok(collator.compare(givenName(names[i - 1]), givenName(names[i])) <= 0,
            `order kept: ${names[i - 1]} before ${names[i]}`);
    }
    // The search is kept in the address, so reloading shows the same list.
    assert.match(page.url(), /q=dang(\+|%20)van/);
    await screenshot(page, 'desktop-members-search');
    assertNoPageErrors(page);
    await page.context().close();
});

test('phone: member search without diacritics', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await page.goto('/members');
    const names = await searchMembers(page, 'dang van');
    assert.ok(names.length >= 1);
    await screenshot(page, 'phone-members-search');
    assertNoPageErrors(page);
    await page.context().close();
});

test('editing a member: a bad party card number shows the error under the field, a good one is saved', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    await page.goto('/members');
    await searchMembers(page, 'dang van');
    await page.getByTestId('members-table').locator('a.member-name').first().click();
    await page.waitForURL(/\/members\/\d+$/);
    await page.getByTestId('member-name').waitFor();
    await screenshot(page, 'desktop-member');

    await page.getByTestId('edit-member').click();
    const form = page.getByTestId('member-form');
    await form.getByLabel('Số thẻ đảng viên').fill('123');
    await page.getByTestId('member-form-submit').click();
    const error = fieldError(form, 'Số thẻ đảng viên');
    await error.waitFor();
    const message = await error.innerText();
    assert.match(message, VIETNAMESE_LETTER, `Vietnamese message under the field: ${message}`);
    await screenshot(page, 'desktop-member-edit-error');

    const card = String(Date.now()).slice(-12);
    await form.getByLabel('Số thẻ đảng viên').fill(card);
    await page.getByTestId('member-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await waitForTexts(page.getByTestId('member-card'), (t) => t[0] === card, 'saved party card shown');
    assertNoPageErrors(page);
    await page.context().close();
});

test('transferring a member shows the new cell and the history row', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    await page.goto('/members?q=dang+van');
    const rows = await waitForRows(page, 'members-table', (t) => t.length > 0);
    const index = rows.findIndex((r) => !r.includes('Chi bộ Thôn Nam'));
    const from = rows[index].split('\t').find((c) => c.startsWith('Chi bộ'));
    await page.getByTestId('members-table').locator('a.member-name').nth(index).click();
    await page.getByTestId('member-organization').filter({ hasText: from }).waitFor();

    await page.getByTestId('transfer-member').click();
    const form = page.getByTestId('transfer-form');
    await pickOption(page, formControl(form, 'Chuyển đến chi bộ'), 'thon nam', 'Chi bộ Thôn Nam');
    await form.getByLabel('Lý do').fill('Chuyển nơi cư trú');
    await screenshot(page, 'desktop-transfer');
    await page.getByTestId('transfer-form-submit').click();
    await form.waitFor({ state: 'detached' });

    await page.getByTestId('member-organization').filter({ hasText: 'Chi bộ Thôn Nam' }).waitFor();
    const today = todayVn();
    const history = await waitForRows(page, 'membership-history', (t) => t.some((r) => r.startsWith('Chi bộ Thôn Nam')));
    const newRow = history.find((r) => r.startsWith('Chi bộ Thôn Nam'));
    assert.ok(newRow.includes(today), `new membership starts today: ${newRow}`);
    assert.ok(newRow.includes('Chuyển nơi cư trú'), `reason shown: ${newRow}`);
    const oldRow = history.find((r) => r.startsWith(from));
    assert.ok(oldRow && oldRow.includes(today), `old membership closed today: ${oldRow}`);
    await screenshot(page, 'desktop-member-transferred');
    assertNoPageErrors(page);
    await page.context().close();
});

// A day `n` days from today, dd/mm/yyyy (as todayVn).
function dayFromToday(n) {
    const [day, month, year] = todayVn().split('/').map(Number);
    const d = new Date(Date.UTC(year, month - 1, day + n));
    const pad2 = (v) => String(v).padStart(2, '0');
    return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

test('phone: a temporary transfer letter is issued, refused when it overlaps, extended and deleted', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'xa.hoaan');
    await page.goto('/members?q=dang+van');
    // An official member: the demo gives letters only to members working away.
    const rows = await waitForRows(page, 'members-table', (t) => t.length > 0);
    const index = rows.findIndex((r) => r.includes('Chính thức'));
    assert.ok(index >= 0, 'an official member to send away');
    await page.getByTestId('members-table').locator('a.member-name').nth(index).click();
    await page.waitForURL(/\/members\/\d+$/);
    const letters = page.getByTestId('transfer-letters');
    await letters.waitFor();
    const before = await letters.getByTestId('transfer-letter').count();

    const fill = async (form, { number, host, from, to }) => {
        if (number !== undefined) await form.getByLabel('Số giấy giới thiệu').fill(number);
        if (host !== undefined) await form.getByLabel('Nơi đến sinh hoạt tạm thời').fill(host);
        for (const [label, value] of [['Từ ngày', from], ['Đến ngày', to]]) {
            if (value === undefined) continue;
            await form.getByLabel(label).fill(value);
            await form.getByLabel(label).press('Enter');
        }
    };
    const HOST = 'Chi bộ Khu phố 3, phường Tân Định';
    const TO = dayFromToday(90);
    await letters.getByTestId('transfer-letter-add').click();
    let form = page.getByTestId('transfer-letter-form');
    await fill(form, { number: '15-GGT/ĐU', host: HOST, from: todayVn(), to: TO });
    await screenshot(page, 'phone-transfer-letter-form');
    await page.getByTestId('transfer-letter-form-submit').click();
    await form.waitFor({ state: 'detached' });

    const newest = letters.getByTestId('transfer-letter').first();
    await waitForTexts(newest.getByTestId('transfer-letter-number'), (t) => t[0] === 'Số 15-GGT/ĐU', 'the new letter');
    assert.equal(await newest.getByTestId('transfer-letter-state').innerText(), 'Đang hiệu lực');
    assert.equal(await newest.getByTestId('transfer-letter-host').innerText(), `Nơi đến: ${HOST}`);
    assert.equal(await newest.getByTestId('transfer-letter-period').innerText(), `từ ${todayVn()} đến ${TO}`);
    assert.equal(await page.getByTestId('member-away').innerText(), `Đang sinh hoạt tạm thời tại ${HOST}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the letters fit the phone (scrollWidth ${width})`);
    await screenshot(page, 'phone-member-transfer-letter');

    // A second letter over the same days: the server's message under "Từ ngày".
    await letters.getByTestId('transfer-letter-add').click();
    form = page.getByTestId('transfer-letter-form');
    await fill(form, { number: '16-GGT/ĐU', host: HOST, from: dayFromToday(30), to: dayFromToday(60) });
    await page.getByTestId('transfer-letter-form-submit').click();
    const overlap = fieldError(form, 'Từ ngày');
    await overlap.waitFor();
    assert.match(await overlap.innerText(), /15-GGT\/ĐU/, 'the message names the letter it overlaps');
    await form.getByRole('button', { name: 'Hủy' }).click();
    await form.waitFor({ state: 'detached' });

    // Extended by a month.
    const LATER = dayFromToday(120);
    await newest.getByTestId('transfer-letter-edit').click();
    form = page.getByTestId('transfer-letter-form');
    await fill(form, { to: LATER });
    await page.getByTestId('transfer-letter-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await waitForTexts(newest.getByTestId('transfer-letter-period'), (t) => t[0] === `từ ${todayVn()} đến ${LATER}`,
        'the extended letter');

    // Deleted after confirming.
    await newest.getByTestId('transfer-letter-delete').click();
    await page.getByTestId('transfer-letter-delete-confirm').waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Xóa' }).click();
    await waitForTexts(letters.getByTestId('transfer-letter-number'), (t) => t.length === before, 'the letter deleted');
    assert.equal(await page.getByTestId('member-away').count(), 0, 'no longer away');
    assertNoPageErrors(page);
    await page.context().close();
});
