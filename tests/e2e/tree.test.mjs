import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoPageErrors, DESKTOP, login, openPage, PHONE, screenshot, setUp, waitForRows } from './helpers.mjs';

const HOA_AN_CELLS = [
    'Chi bộ Thôn Đông', 'Chi bộ Thôn Đoài', 'Chi bộ Thôn Trung', 'Chi bộ Thôn Bắc', 'Chi bộ Thôn Nam',
    'Chi bộ Thôn Đồng Tâm', 'Chi bộ Tổ dân phố 1', 'Chi bộ Tổ dân phố 2', 'Chi bộ Cơ quan Đảng ủy - Ủy ban',
    'Chi bộ Trường Tiểu học Hòa An', 'Chi bộ Trạm Y tế', 'Chi bộ Quân sự',
];

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.tearDown(); });

// Expands the tree node with this exact title when it is not expanded yet.
async function expand(page, title) {
    const node = page.getByTestId('org-tree').locator('.ant-tree-treenode').filter({
        has: page.locator(`.tree-node-name:text-is("${title}")`),
    });
    await node.waitFor();
    const switcher = node.locator('.ant-tree-switcher').first();
    if ((await switcher.getAttribute('class')).includes('ant-tree-switcher_close')) await switcher.click();
    await page.waitForFunction((t) => {
        const nodes = [...document.querySelectorAll('[data-testid="org-tree"] .ant-tree-treenode')];
        const n = nodes.find((e) => e.querySelector('.tree-node-name')?.textContent === t);
        return n && n.querySelector('.ant-tree-switcher_open');
    }, title);
}

test('admin: expand the province, expand Hòa An, open it and see its 12 cells', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'admin');
    const tree = page.getByTestId('org-tree');
    await expand(page, 'Đảng bộ tỉnh Thanh Lam');
    for (const commune of ['Đảng bộ xã Hòa An', 'Đảng bộ xã Tân Lập', 'Đảng bộ phường Bình Minh']) {
        await tree.locator(`.tree-node-name:text-is("${commune}")`).waitFor();
    }
    await expand(page, 'Đảng bộ xã Hòa An');
    for (const cell of HOA_AN_CELLS) await tree.locator(`.tree-node-name:text-is("${cell}")`).waitFor();
    await screenshot(page, 'desktop-tree');

    await tree.locator('.tree-node-name:text-is("Đảng bộ xã Hòa An")').click();
    await page.waitForURL(/\/organizations\/\d+$/);
    assert.equal(await page.getByTestId('org-name').innerText(), 'Đảng bộ xã Hòa An');
    const rows = await waitForRows(page, 'children-table', (t) => t.length === 12, 'Hòa An has 12 cells');
    for (const cell of HOA_AN_CELLS) assert.ok(rows.some((r) => r.startsWith(cell)), `${cell} listed`);
    // The breadcrumb starts at the province.
    assert.match(await page.locator('.ant-breadcrumb').innerText(), /Đảng bộ tỉnh Thanh Lam/);
    await screenshot(page, 'desktop-commune');

    // A cell page: warnings, leaders and party groups of Chi bộ Thôn Đông.
    await page.getByTestId('children-table').getByRole('link', { name: 'Chi bộ Thôn Đông', exact: true }).click();
    await page.getByTestId('org-name').filter({ hasText: 'Chi bộ Thôn Đông' }).waitFor();
    const groups = await waitForRows(page, 'party-groups-table', (t) => t.length === 3, 'three party groups');
    assert.ok(groups[0].startsWith('Tổ đảng số 1'));
    const leaders = await waitForRows(page, 'leaders-table', (t) => t.length > 0, 'leaders listed');
    assert.ok(leaders.some((r) => r.includes('Bí thư')), 'a secretary is listed');
    assert.ok(leaders.some((r) => r.includes('Chi ủy viên')), 'Thôn Đông has a chi ủy');
    await page.getByTestId('org-actions').getByRole('button', { name: 'Thêm đảng viên' }).waitFor();
    await screenshot(page, 'desktop-cell');

    // The small cell shows its warnings as alerts.
    await page.goBack();
    await page.getByTestId('children-table').getByRole('link', { name: 'Chi bộ Quân sự', exact: true }).click();
    await page.getByTestId('org-name').filter({ hasText: 'Chi bộ Quân sự' }).waitFor();
    const leaderRows = await waitForRows(page, 'leaders-table', () => true);
    assert.ok(!leaderRows.some((r) => r.includes('Chi ủy viên')), 'no chi ủy in Chi bộ Quân sự');
    assertNoPageErrors(page);
    await page.context().close();
});

test('phone: the tree fits the screen and opens a cell', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'xa.hoaan');
    const tree = page.getByTestId('org-tree');
    await tree.locator('.tree-node-name:text-is("Chi bộ Thôn Đông")').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `no horizontal scrolling of the page (scrollWidth ${width})`);
    await screenshot(page, 'phone-tree-commune');
    await tree.locator('.tree-node-name:text-is("Chi bộ Thôn Đông")').click();
    await page.getByTestId('org-name').filter({ hasText: 'Chi bộ Thôn Đông' }).waitFor();
    await page.getByTestId('org-members-table').locator('tbody tr.ant-table-row').first().waitFor();
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= PHONE.width, `cell page fits the phone (scrollWidth ${pageWidth})`);
    await screenshot(page, 'phone-cell');
    assertNoPageErrors(page);
    await page.context().close();
});
