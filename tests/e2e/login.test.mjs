import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoPageErrors, DESKTOP, login, openPage, PHONE, screenshot, setUp, VIETNAMESE_LETTER } from './helpers.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.tearDown(); });

test('a wrong password shows the Vietnamese error and stays on the login page', async () => {
    const page = await openPage(env, DESKTOP);
    await page.goto('/');
    await page.waitForURL(/\/login$/); // no session: the app sends us to the login page
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Sai tên đăng nhập hoặc mật khẩu/);
    assert.match(page.url(), /\/login$/);
    await screenshot(page, 'desktop-login-error');
    assertNoPageErrors(page);
    await page.context().close();
});

test('after repeated wrong passwords the server\'s 429 message is shown', async () => {
    const page = await openPage(env, DESKTOP);
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('xa.tanlap');
    const error = page.getByTestId('login-error');
    let text = '';
    for (let i = 0; i < 8 && !/quá nhiều|thử lại sau/i.test(text); i++) {
        await page.getByLabel('Mật khẩu').fill(`sai-${i}`);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('login-submit').and(page.locator(':not(.ant-btn-loading)')).waitFor();
        await error.waitFor();
        text = await error.innerText();
    }
    assert.doesNotMatch(text, /Sai tên đăng nhập/);
    assert.match(text, VIETNAMESE_LETTER, `the API's Vietnamese message: ${text}`);
    assertNoPageErrors(page);
    await page.context().close();
});

test('signing in shows the tree and the user name; signing out returns to the login page', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    const user = await page.getByTestId('current-user').innerText();
    assert.ok(user.trim().length > 0, 'display name shown in the header');
    await page.getByTestId('org-tree').getByText('Đảng bộ xã Hòa An', { exact: true }).waitFor();
    // The session survives a reload (the cookie is HttpOnly; the app asks /auth/me).
    await page.reload();
    await page.getByTestId('org-tree').getByText('Đảng bộ xã Hòa An', { exact: true }).waitFor();
    await page.getByTestId('logout-button').click();
    await page.waitForURL(/\/login$/);
    await page.goto('/members');
    await page.waitForURL(/\/login$/);
    assertNoPageErrors(page);
    await page.context().close();
});

test('phone: sign in and reach the members list through the menu drawer', async () => {
    const page = await openPage(env, PHONE);
    await page.goto('/login');
    await screenshot(page, 'phone-login');
    await login(page, 'bithu.thondong');
    await screenshot(page, 'phone-tree');
    await page.getByTestId('menu-button').click();
    await page.getByRole('menuitem', { name: 'Đảng viên' }).click();
    await page.waitForURL(/\/members/);
    const firstRow = page.getByTestId('members-table').locator('tbody tr.ant-table-row').first();
    await firstRow.waitFor();
    // On a phone the table does not need horizontal scrolling for the name column.
    const box = await firstRow.locator('a.member-name').boundingBox();
    assert.ok(box && box.x + box.width <= PHONE.width, `name visible within the screen: ${JSON.stringify(box)}`);
    await screenshot(page, 'phone-members');
    assertNoPageErrors(page);
    await page.context().close();
});
