// Shared set-up for the browser tests: the real chibo server (tests/lib/server.mjs) and Debian's
// Chromium driven by playwright-core. Screenshots go under /tmp, never into the repository.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, startServer } from '../lib/server.mjs';

export { DEMO_PASSWORD };
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const SHOTS = process.env.CHIBO_SHOTS || join(tmpdir(), 'chibo-e2e-shots');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync',
];

// Starts a server with fresh demo data (or uses CHIBO_E2E_BASE, for working on the UI) and a browser.
export async function setUp() {
    const server = process.env.CHIBO_E2E_BASE
        ? { base: process.env.CHIBO_E2E_BASE, stop: async () => {}, log: () => '' }
        : await startServer();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return {
        server,
        browser,
        async tearDown() {
            await browser.close().catch(() => {});
            await server.stop();
        },
    };
}

// A fresh browser context (no cookies) at the given size. Uncaught page errors are recorded in
// page.errors so a test can assert the page stayed healthy.
export async function openPage(env, viewport = DESKTOP) {
    const phone = viewport.width < 600;
    const context = await env.browser.newContext({
        viewport,
        baseURL: env.server.base,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        isMobile: phone,
        hasTouch: phone,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(String(error)));
    if (process.env.CHIBO_E2E_CONSOLE) {
        page.on('console', (m) => {
            if (m.type() === 'error' || m.type() === 'warning') console.error(`[browser ${m.type()}] ${m.text()}`);
        });
    }
    return page;
}

export async function login(page, username, password = DEMO_PASSWORD) {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/organizations$/);
    await page.getByRole('heading', { name: 'Tổ chức đảng' }).waitFor();
}

// The page is no wider than the phone: nothing to scroll sideways.
export async function fitsPhone(page, what) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `${what} fits the phone (scrollWidth ${width})`);
}

export async function screenshot(page, name) {
    mkdirSync(SHOTS, { recursive: true });
    await page.waitForTimeout(300); // let animations settle
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

// The data rows of an antd table found by its data-testid.
export function tableRows(page, testId) {
    return page.getByTestId(testId).locator('tbody tr.ant-table-row');
}

// Waits until the rows of a table satisfy `predicate(texts)` and returns their texts.
export async function waitForRows(page, testId, predicate, message) {
    const rows = tableRows(page, testId);
    const deadline = Date.now() + 15000;
    let texts = [];
    for (;;) {
        texts = await rows.allInnerTexts();
        if (predicate(texts)) return texts;
        if (Date.now() > deadline) assert.fail(`${message ?? 'rows not as expected'}: ${JSON.stringify(texts)}`);
        await page.waitForTimeout(100);
    }
}

// The error text shown under the form field with this label.
export function fieldError(scope, label) {
    return scope
        .locator('.ant-form-item')
        .filter({ has: scope.page().locator(`label:text-is("${label}")`) })
        .locator('.ant-form-item-explain-error');
}

// Opens an antd TreeSelect / Select, types `search` and picks the option whose title is `title`; checks
// that the control then shows it (and tries again if a re-render swallowed the click).
export async function pickOption(page, control, search, title) {
    for (let attempt = 1; ; attempt++) {
        await control.click();
        const input = control.locator('input').first();
        if (search && await input.isEditable()) await input.fill(search); // plain Selects have no search box
        const option = page
            .locator('.ant-select-dropdown:visible')
            .locator(`.ant-select-tree-title:text-is("${title}"), .ant-select-item-option-content:text-is("${title}")`)
            .first();
        await option.click();
        const deadline = Date.now() + 4000;  // a loaded machine re-renders slowly
        while (Date.now() < deadline) {
            if ((await control.innerText()).includes(title)) return;
            await page.waitForTimeout(100);
        }
        if (attempt === 3) assert.fail(`could not pick "${title}"`);
        await page.keyboard.press('Escape');
    }
}

// The antd form item control (for pickers) with this label.
export function formControl(scope, label) {
    return scope
        .locator('.ant-form-item')
        .filter({ has: scope.page().locator(`label:text-is("${label}")`) })
        .locator('.ant-form-item-control-input')
        .first();
}

export function assertNoPageErrors(page) {
    assert.deepEqual(page.errors, [], 'uncaught errors in the page');
}

// Waits until the texts of `locator` satisfy `predicate(texts)` and returns them.
export async function waitForTexts(locator, predicate, message) {
    const deadline = Date.now() + 15000;
    let texts = [];
    for (;;) {
        texts = await locator.allInnerTexts();
        if (predicate(texts)) return texts;
        if (Date.now() > deadline) assert.fail(`${message ?? 'texts not as expected'}: ${JSON.stringify(texts)}`);
        await new Promise((ok) => setTimeout(ok, 100));
    }
}

// Today as the UI shows it (dd/mm/yyyy), in the browser's time zone used by the tests.
export function todayVn() {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
        .formatToParts(new Date());
    const get = (type) => parts.find((p) => p.type === type).value;
    return `${get('day')}/${get('month')}/${get('year')}`;
}

export const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

// A full-page screenshot from the top (a page scrolled down draws its sticky header mid-page).
export async function shot(page, name) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name);
}

// Opens an organisation by clicking its name in the tree on the current page and waits for its
// page; returns its id (from the address).
export async function openOrganization(page, name) {
    await page.getByTestId('org-tree').locator(`.tree-node-name:text-is("${name}")`).click();
    await page.getByTestId('org-name').filter({ hasText: name }).waitFor();
    return Number(page.url().match(/organizations\/(\d+)/)[1]);
}

// Opens a cell (or any organisation) from the organisations page: goes there first, so it works from
// any page. Returns its id.
export async function openCell(page, name) {
    await page.goto('/organizations');
    return openOrganization(page, name);
}

// Opens a section of the meeting page: tabs on a very wide screen, a grid of buttons on narrower ones.
// Waits for either to show first ("Chấm điểm" appears once the page knows the reader may see the scores).
export async function openSection(page, key, label) {
    await page.getByTestId('meeting-tabs').waitFor();
    const button = page.getByTestId(`section-${key}`);
    const tab = page.getByTestId('meeting-tabs').getByRole('tab', { name: label, exact: true });
    await button.or(tab).first().waitFor();
    if (await button.count()) {
        await button.click();
        await page.locator(`[data-testid="section-${key}"][aria-current="page"]`).waitFor();
    } else {
        await tab.click();
        await page.getByTestId('meeting-tabs').locator('[role="tab"][aria-selected="true"]', { hasText: label }).waitFor();
    }
}

// Shows `year` in the meeting calendar's year picker (if it does not already).
export async function showYear(page, year) {
    const picker = page.getByTestId('meeting-year');
    if ((await picker.innerText()).includes(String(year))) return;
    await pickOption(page, picker, '', String(year));
}

// Waits for the antd message ("toast") with this text.
export function notice(page, text) {
    return page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
}

// The <input> of an antd InputNumber or date input found by its data-testid (on the input or on its wrapper).
export function numberInput(scope, id) {
    return scope.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
}

// Runs a command (pdftotext, LibreOffice…) and returns its standard output; fails with its error output.
export function run(command, args) {
    return new Promise((ok, fail) => {
        execFile(command, args, { timeout: 120000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
            if (error) fail(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
            else ok(stdout);
        });
    });
}

// The text of a PDF as pdftotext lays it out, with runs of white space (line ends, justification) made one space.
export async function pdfText(file) {
    await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, `${file}.txt`]);
    return readFileSync(`${file}.txt`, 'utf8').normalize('NFC').replace(/\s+/g, ' ');
}

// Converts a DOCX to PDF with LibreOffice (its profile and the PDF under `dir`), as a person opening it would see it.
export async function docxToPdf(file, dir) {
    await run('libreoffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo')}`, '--convert-to', 'pdf',
        '--outdir', join(dir, 'converted'), file]);
    const pdf = join(dir, 'converted', file.split('/').pop().replace(/\.docx$/, '.pdf'));
    assert.ok(existsSync(pdf), `LibreOffice converted ${file}`);
    return pdf;
}

// Clicks a download link of the page (by its accessible name) and saves the file under `dir`.
export async function download(page, linkName, dir) {
    const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: linkName, exact: true }).click(),
    ]);
    assert.equal(await file.failure(), null, `${linkName} downloaded`);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    return path;
}
