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
