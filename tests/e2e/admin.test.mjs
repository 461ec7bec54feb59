import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, fieldError, formControl, login, openCell, openPage, PHONE, pickOption, screenshot,
    setUp, todayVn, VIETNAMESE_LETTER, waitForRows, waitForTexts,
} from './helpers.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.tearDown(); });

test('a party group page lists the members of that group', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'bithu.thondong');
    await openCell(page, 'Chi bộ Thôn Đông');
    const groups = await waitForRows(page, 'party-groups-table', (t) => t.length === 3);
    const count = Number(groups[0].split('\t')[1]);
    await page.getByTestId('party-groups-table').getByRole('link', { name: 'Tổ đảng số 1', exact: true }).click();
    await page.getByTestId('org-name').filter({ hasText: 'Tổ đảng số 1' }).waitFor();
    const rows = await waitForRows(page, 'org-members-table', (t) => t.length > 0, 'group members listed');
    assert.equal(rows.length, Math.min(count, 50), `the group lists its ${count} members`);
    assertNoPageErrors(page);
    await page.context().close();
});

test('a cell secretary adds a member; a bad phone number is shown under the field', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'bithu.thondong');
    await openCell(page, 'Chi bộ Thôn Đông');
    const onRoll = page.getByTestId('org-counts').locator('.ant-statistic').filter({ hasText: 'Tổng số trên danh sách' })
        .locator('.ant-statistic-content-value');
    const before = Number(await onRoll.innerText());

    await page.getByTestId('add-member').click();
    const form = page.getByTestId('member-form');
    await form.getByLabel('Họ và tên').fill('Lò Thị Mới');
    await form.getByText('Nữ', { exact: true }).click();
    await form.getByLabel('Ngày sinh').fill('15/03/1980');
    await form.getByLabel('Ngày sinh').press('Enter');
    await form.getByLabel('Ngày vào Đảng').fill('19/05/2010');
    await form.getByLabel('Ngày vào Đảng').press('Enter');
    await form.getByLabel('Điện thoại').fill('12345');
    await pickOption(page, formControl(form, 'Tổ đảng'), '', 'Tổ đảng số 2');
    await page.getByTestId('member-form-submit').click();
    const error = fieldError(form, 'Điện thoại');
    await error.waitFor();
    assert.match(await error.innerText(), VIETNAMESE_LETTER);
    await form.getByLabel('Điện thoại').fill('0912345678');
    await page.getByTestId('member-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await waitForTexts(onRoll, (t) => Number(t[0]) === before + 1, 'the roll grew by one');

    await page.goto('/members?q=lo+thi+moi');
    await page.getByTestId('members-table').getByRole('link', { name: 'Lò Thị Mới' }).click();
    const details = await page.getByTestId('member-details').innerText();
    assert.match(details, /15\/03\/1980/);
    assert.match(details, /0912345678/);
    assert.match(details, /Nữ/);
    assertNoPageErrors(page);
    await page.context().close();
});

test('commune committee assigns a chi ủy member, ends the position, and adds a party group', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    await openCell(page, 'Chi bộ Thôn Trung');
    const before = await waitForRows(page, 'leaders-table', (t) => t.length > 0);

    await page.getByTestId('assign-position').click();
    const form = page.getByTestId('position-form');
    const memberSelect = formControl(form, 'Đảng viên');
    await memberSelect.click();
    await memberSelect.locator('input').first().fill('dang van');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await waitForTexts(options, (t) => t.length > 0 && t.every((n) => n.startsWith('Đặng Văn')),
        'the member picker searches without diacritics');
    const name = await options.first().innerText();
    await options.first().click();
    await pickOption(page, formControl(form, 'Chức vụ'), 'Chi', 'Chi ủy viên');
    await screenshot(page, 'desktop-position');
    await page.getByTestId('position-form-submit').click();
    await form.waitFor({ state: 'detached' });
    const withNew = await waitForRows(page, 'leaders-table', (t) => t.length === before.length + 1);
    assert.ok(withNew.some((r) => r.includes('Chi ủy viên') && r.includes(name)), `${name} listed as Chi ủy viên`);

    await page.getByRole('button', { name: `Kết thúc chức vụ của ${name}` }).click();
    await page.getByTestId('end-position-form-submit').click();
    // A term that ends today is still listed (the end date is inclusive), with its end date and no button.
    const today = todayVn();
    await waitForRows(page, 'leaders-table', (t) => {
        const row = t.find((r) => r.includes(name));
        return !row || (row.split(today).length === 3 && !row.includes('Kết thúc'));
    }, 'the ended position shows its end date');

    await page.getByTestId('add-child').click();
    const orgForm = page.getByTestId('org-form');
    await orgForm.getByLabel('Tên tổ chức').fill('Tổ đảng số 9');
    await page.getByTestId('org-form-submit').click();
    await page.getByTestId('org-name').filter({ hasText: 'Tổ đảng số 9' }).waitFor();
    assert.match(await page.locator('.ant-breadcrumb').innerText(), /Chi bộ Thôn Trung/);
    assert.match(await page.locator('.ant-tag').first().innerText(), /Tổ đảng/);

    // Rename it, then move it under another cell.
    await page.getByTestId('edit-org').click();
    await orgForm.getByLabel('Tên tổ chức').fill('Tổ đảng số 10');
    await page.getByTestId('org-form-submit').click();
    await page.getByTestId('org-name').filter({ hasText: 'Tổ đảng số 10' }).waitFor();
    await page.getByTestId('move-org').click();
    const moveForm = page.getByTestId('move-form');
    await pickOption(page, formControl(moveForm, 'Tổ chức cấp trên mới'), 'thon nam', 'Chi bộ Thôn Nam');
    await page.getByTestId('move-form-submit').click();
    await moveForm.waitFor({ state: 'detached' });
    await waitForTexts(page.locator('.ant-breadcrumb'), (t) => t[0].includes('Chi bộ Thôn Nam'), 'moved under Thôn Nam');
    assertNoPageErrors(page);
    await page.context().close();
});

test('administrator creates a user, grants and removes a role, and reads the audit log', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: 'Người dùng' }).click();
    await waitForRows(page, 'users-table', (t) => t.some((r) => r.includes('xa.hoaan')));

    await page.getByTestId('add-user').click();
    const form = page.getByTestId('user-form');
    await form.getByLabel('Tên đăng nhập').fill('thuky.thontrung');
    await form.getByLabel('Họ và tên').fill('Thư ký Thôn Trung');
    await form.getByLabel('Mật khẩu').fill('ngan');
    await pickOption(page, formControl(form, 'Vai trò'), 'Đảng', 'Đảng viên');
    await pickOption(page, formControl(form, 'Tại tổ chức'), 'thon trung', 'Chi bộ Thôn Trung');
    await page.getByTestId('user-form-submit').click();
    await form.locator('.ant-form-item-explain-error').filter({ hasText: '8 ký tự' }).waitFor();
    await form.getByLabel('Mật khẩu').fill('matkhau-2026');
    await page.getByTestId('user-form-submit').click();
    await form.waitFor({ state: 'detached' });
    const mine = (t) => t.find((r) => r.startsWith('thuky.thontrung')) ?? '';
    await waitForRows(page, 'users-table', (t) => mine(t).includes('Đảng viên — Chi bộ Thôn Trung'),
        'the new user is listed with the first role');

    await page.getByRole('button', { name: 'Thêm quyền cho thuky.thontrung' }).click();
    const roleForm = page.getByTestId('role-form');
    await pickOption(page, formControl(roleForm, 'Tại tổ chức'), 'thon trung', 'Chi bộ Thôn Trung');
    await page.getByTestId('role-form-submit').click();
    await roleForm.waitFor({ state: 'detached' });
    await waitForRows(page, 'users-table', (t) => mine(t).includes('Bí thư chi bộ — Chi bộ Thôn Trung'));
    await screenshot(page, 'desktop-users');

    await page.getByRole('button', { name: 'Bỏ quyền Đảng viên tại Chi bộ Thôn Trung của thuky.thontrung' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Bỏ quyền' }).click();
    await waitForRows(page, 'users-table',
        (t) => !mine(t).includes('Đảng viên — Chi bộ Thôn Trung') && mine(t).includes('Bí thư chi bộ — Chi bộ Thôn Trung'),
        'the removed role is gone, the other stays');

    await page.getByRole('menuitem', { name: 'Nhật ký' }).click();
    const rows = await waitForRows(page, 'audit-table', (t) => t.length >= 3);
    assert.match(rows[0], /Bỏ quyền/, `newest first: ${rows[0]}`);
    assert.match(rows[0], /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, 'time shown as dd/mm/yyyy HH:mm');
    await page.getByTestId('audit-table').locator('.ant-table-row-expand-icon').first().click();
    await waitForTexts(page.getByTestId('audit-diff').locator('thead th'),
        (t) => t.join('|').includes('Trước') && t.join('|').includes('Sau'));
    await screenshot(page, 'desktop-audit');
    assertNoPageErrors(page);
    await page.context().close();
});

test('phone: users and audit pages fit the screen', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'admin');
    for (const path of ['/users', '/audit']) {
        await page.goto(path);
        await page.locator('tbody tr.ant-table-row').first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= PHONE.width, `${path} fits the phone (scrollWidth ${width})`);
        await screenshot(page, `phone${path.replace('/', '-')}`);
    }
    assertNoPageErrors(page);
    await page.context().close();
});
