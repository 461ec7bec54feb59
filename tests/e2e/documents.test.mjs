import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, fieldError, formControl, login, openOrganization, openPage, PHONE, pickOption,
    screenshot, setUp, todayVn, VIETNAMESE_LETTER, waitForRows, waitForTexts,
} from './helpers.mjs';
import { Client } from '../lib/server.mjs';

const CELL = 'Chi bộ Thôn Đông';

// The demo's meeting history already fills the register (minutes and resolutions of every meeting held), so
// the numbers this test expects follow what the cell holds when it starts: read through the API.
let env;
// before0 = {all, NQ, BB}: documents of the cell (all terms) and of each type in the current term, which numbers
// them; listed = {NQ, BB, TB}: documents of each type in the register (all terms), as the type filter lists them.
let before0;
let listed;
before(async () => {
    env = await setUp();
    const client = new Client(env.server.base);
    const login = await client.login('bithu.thondong');
    assert.equal(login.status, 200, login.text);
    const role = login.json.user.roles.find((r) => r.organization_name === CELL);
    assert.ok(role, `bithu.thondong holds a role in ${CELL}`);
    const total = async (query) => {
        const r = await client.get(`/api/v1/organizations/${role.organization_id}/documents?${query}`);
        assert.equal(r.status, 200, r.text);
        return r.json.total;
    };
    const term = currentTerm().replace(' – ', '-');
    before0 = {
        all: await total(''),
        NQ: await total(`type=NQ&term=${term}`),
        BB: await total(`type=BB&term=${term}`),
    };
    listed = { NQ: await total('type=NQ'), BB: await total('type=BB'), TB: await total('type=TB') };
});
after(async () => { await env?.tearDown(); });

// The n-th document of a type this term as the register numbers it: "05-NQ/CB".
const numberText = (n, type) => `${String(n).padStart(2, '0')}-${type}/CB`;
// What this test registers: two resolutions, then one set of minutes, numbered after those already there.
const NQ1 = () => numberText(before0.NQ + 1, 'NQ');
const NQ2 = () => numberText(before0.NQ + 2, 'NQ');
const BB1 = () => numberText(before0.BB + 1, 'BB');
// The register's first page (20 rows) once the three are in, newest first.
const firstPage = (count) => Math.min(count, 20);

// The term (nhiệm kỳ) of today as the register shows it: five-year cycles turning over on 1 July (2025 – 2030).
function currentTerm() {
    const [, month, year] = todayVn().split('/').map(Number);
    const y = month < 7 ? year - 1 : year;
    const start = y - ((y - 2020) % 5 + 5) % 5;
    return `${start} – ${start + 5}`;
}

// Opens the cell from the tree and its "Sổ văn bản" tab.
async function openRegister(page) {
    await openOrganization(page, CELL);
    await page.getByRole('tab', { name: 'Sổ văn bản' }).click();
    await page.getByTestId('document-register').waitFor();
    await page.waitForURL(/[?&]tab=documents/);
}

// Registers a document through the form and checks the success message names `number` ("Đã vào sổ: 01-NQ/CB");
// a wrong number fails with the messages shown. The type is picked by typing `search` (the list of 13 types is
// longer than the dropdown shows).
async function registerDocument(page, search, type, title, number) {
    await page.getByTestId('add-document').click();
    const form = page.getByTestId('document-form');
    await pickOption(page, formControl(form, 'Loại văn bản'), search, type);
    await form.getByLabel('Trích yếu').fill(title);
    await page.getByTestId('document-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await waitForTexts(page.locator('.ant-message-notice').filter({ hasText: 'Đã vào sổ' }),
        (t) => t.some((x) => x.trim() === `Đã vào sổ: ${number}`), `registered as ${number}`);
}

// A row of the desktop table as its cells: number, type, title, issued on, term, registered by.
const cells = (row) => row.split('\t').map((c) => c.trim());

test('a cell secretary registers resolutions and minutes; numbers run per type; errors under the fields', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'bithu.thondong');
    await openRegister(page);
    // The register as the API counts it (empty, or the demo's history).
    const register = page.getByTestId('document-register');
    if (before0.all === 0) await page.getByTestId('documents-table').getByText('Chưa có văn bản nào trong sổ').waitFor();
    else await register.getByText(`Tổng ${before0.all} văn bản`, { exact: true }).waitFor();

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
    await waitForTexts(page.locator('.ant-message-notice').filter({ hasText: 'Đã vào sổ' }),
        (t) => t.some((x) => x.trim() === `Đã vào sổ: ${NQ1()}`), `registered as ${NQ1()}`);

    await registerDocument(page, 'nq', 'Nghị quyết (NQ)', 'Nghị quyết về công tác phát triển đảng viên', NQ2());
    await registerDocument(page, 'bien ban', 'Biên bản (BB)', 'Biên bản sinh hoạt chi bộ tháng 11', BB1());

    // Newest first, every column filled; the total counts the three new ones.
    const rows = await waitForRows(page, 'documents-table',
        (t) => t.length === firstPage(before0.all + 3) && cells(t[0])[0] === BB1(), 'the three new documents on top');
    assert.deepEqual(rows.slice(0, 3).map((r) => cells(r)[0]), [BB1(), NQ2(), NQ1()]);
    assert.deepEqual(cells(rows[0]),
        [BB1(), 'Biên bản', 'Biên bản sinh hoạt chi bộ tháng 11', todayVn(), currentTerm(), 'bithu.thondong']);
    assert.equal(cells(rows[2])[2], 'Nghị quyết lãnh đạo thực hiện nhiệm vụ chính trị năm 2026');
    await register.getByText(`Tổng ${before0.all + 3} văn bản`, { exact: true }).waitFor();
    await screenshot(page, 'desktop-documents');

    // Filter by type (typed without diacritics), then back to all types.
    const filter = page.getByTestId('document-type-filter');
    await pickOption(page, filter, 'nghi quyet', 'Nghị quyết (NQ)');
    const resolutions = await waitForRows(page, 'documents-table',
        (t) => t.length === firstPage(listed.NQ + 2) && t.every((r) => cells(r)[1] === 'Nghị quyết'), 'only resolutions');
    assert.deepEqual(resolutions.slice(0, 2).map((r) => cells(r)[0]), [NQ2(), NQ1()]);
    await register.getByText(`Tổng ${listed.NQ + 2} văn bản`, { exact: true }).waitFor();
    await pickOption(page, filter, 'bien', 'Biên bản (BB)');
    await waitForRows(page, 'documents-table', (t) => t.length === firstPage(listed.BB + 1) && cells(t[0])[0] === BB1()
        && t.every((r) => cells(r)[1] === 'Biên bản'), 'only minutes');
    await register.getByText(`Tổng ${listed.BB + 1} văn bản`, { exact: true }).waitFor();
    await pickOption(page, filter, 'thong bao', 'Thông báo (TB)');
    if (listed.TB === 0) await page.getByTestId('documents-table').getByText('Không có văn bản loại này').waitFor();
    else await waitForRows(page, 'documents-table', (t) => t.length === firstPage(listed.TB)
        && t.every((r) => cells(r)[1] === 'Thông báo'), 'only notices');
    await screenshot(page, 'desktop-documents-filtered');
    await filter.hover();
    await filter.locator('.ant-select-clear').click();
    await waitForRows(page, 'documents-table', (t) => t.length === firstPage(before0.all + 3)
        && cells(t[0])[0] === BB1() && t.some((r) => cells(r)[1] !== 'Thông báo'), 'all types again');
    await register.getByText(`Tổng ${before0.all + 3} văn bản`, { exact: true }).waitFor();

    // The tab is kept in the address: a reload shows the register again.
    await page.reload();
    await waitForRows(page, 'documents-table', (t) => t.length === firstPage(before0.all + 3) && cells(t[0])[0] === BB1(),
        'register shown after a reload');
    assertNoPageErrors(page);
    await page.context().close();
});

test('phone: the register is a readable stacked list and the form fits', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await openRegister(page);
    const rows = await waitForRows(page, 'documents-table', (t) => t.length === firstPage(before0.all + 3),
        'the register on the phone');
    assert.ok(rows[0].includes(BB1()), `newest first: ${rows[0]}`);
    assert.match(rows[0], /Biên bản sinh hoạt chi bộ tháng 11/);
    assert.ok(rows[0].includes(todayVn()), `issued date shown: ${rows[0]}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the register fits the phone (scrollWidth ${width})`);
    const numbers = page.getByTestId('documents-table').locator('.document-number');
    await waitForTexts(numbers, (t) => t.length === firstPage(before0.all + 3)
        && t.slice(0, 3).join(',') === [BB1(), NQ2(), NQ1()].join(','));
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
    const rows = await waitForRows(page, 'documents-table', (t) => t.length === firstPage(before0.all + 3),
        'the member sees the register');
    assert.deepEqual(rows.slice(0, 3).map((r) => cells(r)[0]), [BB1(), NQ2(), NQ1()]);
    await page.getByTestId('document-register').getByText(`Tổng ${before0.all + 3} văn bản`, { exact: true }).waitFor();
    assert.equal(await page.getByTestId('add-document').count(), 0, 'no "Vào sổ văn bản" button');
    assert.equal(await page.getByRole('button', { name: 'Vào sổ văn bản' }).count(), 0);
    await screenshot(page, 'desktop-documents-member');
    assertNoPageErrors(page);
    await page.context().close();
});
