import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, fieldError, formControl, login, openPage, PHONE, pickOption, screenshot, setUp, todayVn,
    VIETNAMESE_LETTER, waitForRows, waitForTexts,
} from './helpers.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.tearDown(); });

const CELL = 'Chi bộ Thôn Đông';

// The term (nhiệm kỳ) of today as the register shows it: five-year cycles turning over on 1 July (2025 – 2030).
function currentTerm() {
    const [, month, year] = todayVn().split('/').map(Number);
    const y = month < 7 ? year - 1 : year;
    const start = y - ((y - 2020) % 5 + 5) % 5;
    return `${start} – ${start + 5}`;
}

// Opens the cell from the tree and its "Sổ văn bản" tab.
async function openRegister(page) {
    await page.getByTestId('org-tree').locator(`.tree-node-name:text-is("${CELL}")`).click();
    await page.getByTestId('org-name').filter({ hasText: CELL }).waitFor();
    await page.getByRole('tab', { name: 'Sổ văn bản' }).click();
    await page.getByTestId('document-register').waitFor();
    await page.waitForURL(/[?&]tab=documents/);
}

// Registers a document through the form and returns the success message shown ("Đã vào sổ: 01-NQ/CB").
// The type is picked by typing `search` (the list of 13 types is longer than the dropdown shows).
async function register(page, search, type, title) {
    await page.getByTestId('add-document').click();
    const form = page.getByTestId('document-form');
    await pickOption(page, formControl(form, 'Loại văn bản'), search, type);
    await form.getByLabel('Trích yếu').fill(title);
    await page.getByTestId('document-form-submit').click();
    await form.waitFor({ state: 'detached' });
    const notice = page.locator('.ant-message-notice').filter({ hasText: 'Đã vào sổ' }).last();
    await notice.waitFor();
    return notice.innerText();
}

// A row of the desktop table as its cells: number, type, title, issued on, term, registered by.
const cells = (row) => row.split('\t').map((c) => c.trim());

test('a cell secretary registers resolutions and minutes; numbers run per type; errors under the fields', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'bithu.thondong');
    await openRegister(page);
    await page.getByTestId('documents-table').getByText('Chưa có văn bản nào trong sổ').waitFor();

    // An empty title is refused under the field; the date defaults to today.
    await page.getByTestId('add-document').click();
    const form = page.getByTestId('document-form');
    assert.equal(await form.getByLabel('Ngày ban hành').inputValue(), todayVn(), 'issued on defaults to today');
    await pickOption(page, formControl(form, 'Loại văn bản'), 'nghi quyet', 'Nghị quyết (NQ)');
    await page.getByTestId('document-form-submit').click();
    const titleError = fieldError(form, 'Trích yếu');
    await titleError.waitFor();
    assert.match(await titleError.innerText(), VIETNAMESE_LETTER, 'Vietnamese message under Trích yếu');
    await screenshot(page, 'desktop-document-form-error');

    // A date in the future is refused by the server, and its message lands under the date field.
    await form.getByLabel('Trích yếu').fill('Nghị quyết lãnh đạo thực hiện nhiệm vụ chính trị năm 2026');
    await form.getByLabel('Ngày ban hành').fill('01/01/2099');
    await form.getByLabel('Ngày ban hành').press('Enter');
    await page.getByTestId('document-form-submit').click();
    const dateError = fieldError(form, 'Ngày ban hành');
    await dateError.waitFor();
    assert.match(await dateError.innerText(), /tương lai/, 'the server\'s message under Ngày ban hành');
    await form.getByLabel('Ngày ban hành').fill(todayVn());
    await form.getByLabel('Ngày ban hành').press('Enter');
    await page.getByTestId('document-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.locator('.ant-message-notice').filter({ hasText: 'Đã vào sổ: 01-NQ/CB' }).waitFor();

    assert.match(await register(page, 'nq', 'Nghị quyết (NQ)', 'Nghị quyết về công tác phát triển đảng viên'), /Đã vào sổ: 02-NQ\/CB/);
    assert.match(await register(page, 'bien ban', 'Biên bản (BB)', 'Biên bản sinh hoạt chi bộ tháng 11'), /Đã vào sổ: 01-BB\/CB/);

    // Newest first, every column filled.
    const rows = await waitForRows(page, 'documents-table', (t) => t.length === 3, 'three documents in the register');
    assert.deepEqual(rows.map((r) => cells(r)[0]), ['01-BB/CB', '02-NQ/CB', '01-NQ/CB']);
    assert.deepEqual(cells(rows[0]),
        ['01-BB/CB', 'Biên bản', 'Biên bản sinh hoạt chi bộ tháng 11', todayVn(), currentTerm(), 'bithu.thondong']);
    assert.equal(cells(rows[2])[2], 'Nghị quyết lãnh đạo thực hiện nhiệm vụ chính trị năm 2026');
    await page.getByTestId('document-register').getByText('Tổng 3 văn bản').waitFor();
    await screenshot(page, 'desktop-documents');

    // Filter by type (typed without diacritics), then back to all types.
    const filter = page.getByTestId('document-type-filter');
    await pickOption(page, filter, 'nghi quyet', 'Nghị quyết (NQ)');
    await waitForRows(page, 'documents-table', (t) => t.length === 2 && t.every((r) => cells(r)[1] === 'Nghị quyết'),
        'only resolutions');
    await pickOption(page, filter, 'bien', 'Biên bản (BB)');
    await waitForRows(page, 'documents-table', (t) => t.length === 1 && cells(t[0])[0] === '01-BB/CB', 'only minutes');
    await pickOption(page, filter, 'thong bao', 'Thông báo (TB)');
    await page.getByTestId('documents-table').getByText('Không có văn bản loại này').waitFor();
    await screenshot(page, 'desktop-documents-filtered');
    await filter.hover();
    await filter.locator('.ant-select-clear').click();
    await waitForRows(page, 'documents-table', (t) => t.length === 3, 'all types again');

    // The tab is kept in the address: a reload shows the register again.
    await page.reload();
    await waitForRows(page, 'documents-table', (t) => t.length === 3, 'register shown after a reload');
    assertNoPageErrors(page);
    await page.context().close();
});

test('phone: the register is a readable stacked list and the form fits', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await openRegister(page);
    const rows = await waitForRows(page, 'documents-table', (t) => t.length === 3, 'three documents on the phone');
    assert.match(rows[0], /01-BB\/CB/);
    assert.match(rows[0], /Biên bản sinh hoạt chi bộ tháng 11/);
    assert.ok(rows[0].includes(todayVn()), `issued date shown: ${rows[0]}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the register fits the phone (scrollWidth ${width})`);
    const numbers = page.getByTestId('documents-table').locator('.document-number');
    await waitForTexts(numbers, (t) => t.join(',') === '01-BB/CB,02-NQ/CB,01-NQ/CB');
    for (const box of await numbers.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
        assert.ok(box.x >= 0 && box.right <= PHONE.width, `number within the screen: ${JSON.stringify(box)}`);
    }
    await page.getByTestId('document-register').scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-documents');

    await page.getByTestId('add-document').click();
    const form = page.getByTestId('document-form');
    await form.getByLabel('Trích yếu').waitFor();
    await screenshot(page, 'phone-document-form');
    await form.getByRole('button', { name: 'Hủy' }).click();
    await form.waitFor({ state: 'detached' });
    assertNoPageErrors(page);
    await page.context().close();
});

test('a plain member reads the register but cannot register a document', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'dangvien.thondong');
    await openRegister(page);
    const rows = await waitForRows(page, 'documents-table', (t) => t.length === 3, 'the member sees the register');
    assert.deepEqual(rows.map((r) => cells(r)[0]), ['01-BB/CB', '02-NQ/CB', '01-NQ/CB']);
    assert.equal(await page.getByTestId('add-document').count(), 0, 'no "Vào sổ văn bản" button');
    assert.equal(await page.getByRole('button', { name: 'Vào sổ văn bản' }).count(), 0);
    await screenshot(page, 'desktop-documents-member');
    assertNoPageErrors(page);
    await page.context().close();
});
