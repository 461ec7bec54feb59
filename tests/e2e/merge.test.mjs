import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, formControl, login, openCell, openOrganization, openPage, PHONE, pickOption,
    screenshot, setUp, todayVn, waitForRows, waitForTexts,
} from './helpers.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.tearDown(); });

function onRoll(page) {
    return page.getByTestId('org-counts').locator('.ant-statistic').filter({ hasText: 'Tổng số trên danh sách' })
        .locator('.ant-statistic-content-value');
}

test('commune committee merges Chi bộ Quân sự into Chi bộ Thôn Bắc; the members move', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');

    const targetId = await openCell(page, 'Chi bộ Thôn Bắc');
    const targetBefore = Number(await onRoll(page).innerText());

    await openCell(page, 'Chi bộ Quân sự');
    const moving = Number(await onRoll(page).innerText());
    assert.ok(moving > 0, 'Chi bộ Quân sự has members');
    await waitForRows(page, 'org-members-table', (t) => t.length > 0);
    const links = page.getByTestId('org-members-table').locator('a.member-name');
    const memberIds = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
        .map((h) => Number(h.split('/').pop()));

    await page.getByTestId('merge-org').click();
    const form = page.getByTestId('merge-form');
    await pickOption(page, formControl(form, 'Sáp nhập vào chi bộ'), 'thon bac', 'Chi bộ Thôn Bắc');
    await page.getByTestId('merge-form-submit').click();
    const confirm = page.getByTestId('merge-confirm');
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /lịch sử/i, 'the confirmation says history is kept');
    await screenshot(page, 'desktop-merge-confirm');
    await page.getByRole('button', { name: 'Đồng ý sáp nhập' }).click();

    await page.waitForURL(new RegExp(`/organizations/${targetId}$`));
    await page.getByTestId('org-name').filter({ hasText: 'Chi bộ Thôn Bắc' }).waitFor();
    await waitForTexts(onRoll(page), (t) => Number(t[0]) === targetBefore + moving,
        `Thôn Bắc now has ${targetBefore} + ${moving} members`);

    // Every moved member now belongs to Thôn Bắc, with the Quân sự period closed in the history.
    const today = todayVn();
    for (const id of memberIds.slice(0, 3)) {
        await page.goto(`/members/${id}`);
        await page.getByTestId('member-organization').filter({ hasText: 'Chi bộ Thôn Bắc' }).waitFor();
        const history = await waitForRows(page, 'membership-history', (t) => t.length >= 2);
        const old = history.find((r) => r.startsWith('Chi bộ Quân sự'));
        assert.ok(old && old.includes(today), `Quân sự period closed today: ${old}`);
    }

    // The merged cell says so and can no longer be changed; the commune lists 11 cells.
    await page.goto(`/organizations/${targetId}`);
    await page.locator('.ant-breadcrumb a', { hasText: 'Đảng bộ xã Hòa An' }).click();
    await waitForRows(page, 'children-table', (t) => t.length === 11 && !t.some((r) => r.startsWith('Chi bộ Quân sự')),
        'Hòa An lists 11 cells after the merge');
    assertNoPageErrors(page);
    await page.context().close();
});

test('phone: a cell member sees the cell but no change buttons', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'dangvien.thondong');
    await openOrganization(page, 'Chi bộ Thôn Đông');
    await page.getByTestId('org-members-table').locator('tbody tr.ant-table-row').first().waitFor();
    assert.equal(await page.getByTestId('org-actions').count(), 0, 'no write buttons for a plain member');
    await screenshot(page, 'phone-cell-member');
    assertNoPageErrors(page);
    await page.context().close();
});
