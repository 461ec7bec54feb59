// The dashboard (D1–D3 of performance.md) as people use it. The commune committee opens Đảng bộ xã Hòa An's dashboard
// from its page: the cards say the server's figures for this year, the charts are drawn, the children's table lists
// its cells with their figures and sorts by a column, the alerts name the cells that missed a month and the flagged
// members; the XLSX export, opened by LibreOffice, holds the same figures under Vietnamese headers; the page prints
// without the navigation. Drilling into Chi bộ Thôn Đông shows the cell's figures and its missed month; a quarter and
// last year show the server's figures for them, and the address keeps the period. The secretary of Thôn Đông reads
// the cell's dashboard on a phone; a plain member may not.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, login, openOrganization, openPage, PHONE, pickOption, run, setUp, shot, todayVn,
    waitForTexts,
} from './helpers.mjs';
import { Client } from '../lib/server.mjs';

const COMMUNE = 'Đảng bộ xã Hòa An';
const CELL = 'Chi bộ Thôn Đông';
const CELLS = 12;

const pad2 = (n) => String(n).padStart(2, '0');
// Today as the server counts it (Asia/Ho_Chi_Minh). The demo leaves Thôn Đông's regular meeting of last month
// unheld: that month is over, so the cell missed it.
const [, MONTH, YEAR] = todayVn().split('/').map(Number);
const LAST = MONTH === 1 ? { year: YEAR - 1, month: 12 } : { year: YEAR, month: MONTH - 1 };
const LAST_MONTH = `${LAST.year}-${pad2(LAST.month)}`;
const THIS_YEAR = { from: `${YEAR}-01`, to: `${YEAR}-12` };
const LAST_YEAR = { from: `${YEAR - 1}-01`, to: `${YEAR - 1}-12` };
const Q2 = { from: `${YEAR}-04`, to: `${YEAR}-06` };
const QUARTER_NOW = Math.floor((MONTH - 1) / 3) + 1;
const ROMAN = ['I', 'II', 'III', 'IV'];

// How the page writes figures, re-stated here: whole percentages (never 100 % short of all, nor 0 % above none),
// counts with dots between thousands, months as "tháng 03/2026", quarters as "Quý II/2026".
function percent(share) {
    if (share === null) return '—';
    let p = Math.round(share * 100);
    if (p === 100 && share < 1) p = 99;
    if (p === 0 && share > 0) p = 1;
    return `${p} %`;
}
const count = (n) => new Intl.NumberFormat('vi-VN').format(n);
const of = (done, total) => `${count(done)}/${count(total)}`;
const monthText = (m) => `tháng ${m.slice(5, 7)}/${m.slice(0, 4)}`;
const quarterText = (q) => `Quý ${ROMAN[Number(q.slice(6)) - 1]}/${q.slice(0, 4)}`;
const LEVELS = { good: 'Tốt', fair: 'Khá', average: 'Trung bình', poor: 'Kém', unscored: 'Chưa chấm' };
const byName = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

let env;
let tmp;
let committee; // the API as the commune committee
let hoaAn;
let thonDong;
before(async () => {
    env = await setUp();
    tmp = mkdtempSync(join(tmpdir(), 'chibo-dashboard-'));
    committee = new Client(env.server.base);
    assert.equal((await committee.login('xa.hoaan')).status, 200);
    hoaAn = (await committee.get('/api/v1/organizations/tree?depth=1')).json.roots[0];
    assert.equal(hoaAn.name, COMMUNE);
    thonDong = hoaAn.children.find((c) => c.name === CELL);
    assert.ok(thonDong, `${CELL} is a cell of ${COMMUNE}`);
});
after(async () => {
    await env?.tearDown();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function dashboardOf(client, id, { from, to }) {
    const r = await client.get(`/api/v1/organizations/${id}/dashboard?from=${from}&to=${to}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
}

async function alertsOf(client, id, { from, to }) {
    const r = await client.get(`/api/v1/organizations/${id}/dashboard/alerts?from=${from}&to=${to}&page_size=200`);
    assert.equal(r.status, 200, r.text);
    return r.json;
}

// Waits until the page shows the dashboard of `id` for the period, loaded.
async function waitForDashboard(page, id, { from, to }) {
    const d = page.getByTestId('dashboard');
    const deadline = Date.now() + 15000;
    for (;;) {
        const state = await d.evaluate((e) => ({ ...e.dataset })).catch(() => ({}));
        if (state.org === String(id) && state.from === from && state.to === to && state.loading === 'false') return;
        if (Date.now() > deadline) assert.fail(`dashboard of ${id} for ${from}–${to} not shown: ${JSON.stringify(state)}`);
        await page.waitForTimeout(100);
    }
}

function assertAddress(page, id, { from, to }) {
    const url = new URL(page.url());
    assert.equal(url.pathname, `/organizations/${id}/dashboard`);
    assert.equal(url.searchParams.get('from'), from);
    assert.equal(url.searchParams.get('to'), to);
}

// Every card as the page shows it: { id: { value, label, detail, hint, link, levels } }.
function shownCards(page) {
    return page.getByTestId('figure-cards').evaluate((grid) => Object.fromEntries(
        [...grid.querySelectorAll('[data-testid^="figure-"]')]
            .filter((card) => card.tagName === 'SECTION')
            .map((card) => {
                const text = (id) => card.querySelector(`[data-testid="${id}"]`)?.innerText.trim() ?? null;
                const link = card.querySelector('[data-testid="figure-link"]');
                return [card.dataset.testid.slice('figure-'.length), {
                    value: text('figure-value'),
                    label: text('figure-label'),
                    detail: text('figure-detail'),
                    hint: text('figure-hint'),
                    link: link ? link.getAttribute('href') : null,
                    levels: [...card.querySelectorAll('[data-level]')].map((li) => li.innerText.trim()),
                }];
            }),
    ));
}

// The cards must say the server's figures `f`, in the source articles' words.
async function assertCards(page, f, { cell }) {
    const cards = await shownCards(page);
    const ids = ['regular', 'thematic', 'attendance', 'attendance90', ...(cell ? [] : ['cells']), 'members', 'away',
        'meetings', 'superior', 'quality', 'flagged'];
    assert.deepEqual(Object.keys(cards), ids, 'the cards, in order');
    const expect = (id, value, label, detail) => {
        assert.equal(cards[id].value, value, `${id}: value`);
        assert.equal(cards[id].label, label, `${id}: label`);
        if (detail !== undefined) assert.equal(cards[id].detail, detail, `${id}: detail`);
        assert.ok(cards[id].link, `${id} links to what is behind it`);
    };
    expect('regular', percent(f.regular_share), 'chi bộ sinh hoạt thường kỳ đúng quy định',
        `${of(f.cells_regular_all, f.cells_regular_due)} chi bộ họp đủ mọi tháng đến hạn`);
    expect('thematic', percent(f.thematic_share), 'chi bộ sinh hoạt chuyên đề mỗi quý',
        `${of(f.cells_thematic_all, f.cells_thematic_due)} chi bộ có chuyên đề mọi quý đến hạn`);
    expect('attendance', percent(f.attendance_rate), 'Tỷ lệ đảng viên dự sinh hoạt',
        `${of(f.attendance_present, f.attendance_expected)} lượt có mặt`);
    expect('attendance90', percent(f.attendance_90_share), 'buổi sinh hoạt có ≥ 90 % đảng viên dự',
        `${of(f.meetings_attendance_90, f.meetings_held)} buổi`);
    if (!cell) expect('cells', count(f.cells), 'Số chi bộ');
    expect('members', count(f.members_expected), 'Số đảng viên', 'chính thức và dự bị sinh hoạt tại chi bộ');
    expect('away', count(f.members_away), 'Đảng viên đang ở nơi khác', f.members_away_without_letter > 0
        ? `trong đó chưa có giấy giới thiệu: ${count(f.members_away_without_letter)}`
        : 'có giấy giới thiệu sinh hoạt tạm thời hoặc đi làm ăn xa');
    expect('meetings', count(f.meetings_held), 'Buổi sinh hoạt đã họp');
    expect('superior', `${count(f.meetings_superior)} buổi`, 'Cấp ủy cấp trên dự', `ở ${count(f.cells_visited)} chi bộ`);
    expect('flagged', count(f.members_flagged), 'Đảng viên vắng 3 lần không lý do');
    assert.equal(cards.quality.label, 'Chất lượng buổi sinh hoạt');
    assert.deepEqual(cards.quality.levels, Object.entries(LEVELS).map(([k, label]) => `${label}: ${count(f.levels[k])}`));
    // A share nobody was due for is "—" with the reason beside it.
    for (const [id, share] of [['regular', f.regular_share], ['thematic', f.thematic_share],
        ['attendance', f.attendance_rate], ['attendance90', f.attendance_90_share]])
        assert.equal(cards[id].hint !== null, share === null, `${id}: a hint exactly when there is no share`);
    return cards;
}

// The children's table, row by row as shown.
function shownChildren(page) {
    return page.getByTestId('children-table').locator('tbody tr[data-org]').evaluateAll((rows) => rows.map((r) => {
        const cell = (key) => r.querySelector(`td[data-key="${key}"]`);
        const share = (key) => [cell(key).querySelector('.child-share-value').innerText.trim(),
            cell(key).querySelector('.child-share-of').innerText.trim()];
        return {
            id: Number(r.dataset.org),
            name: r.querySelector('[data-testid="child-link"]').innerText.trim(),
            href: r.querySelector('[data-testid="child-link"]').getAttribute('href'),
            members: cell('members_expected').innerText.trim(),
            regular: share('regular_share'),
            thematic: share('thematic_share'),
            held: cell('meetings_held').innerText.trim(),
            attendance: share('attendance_rate'),
            attendance90: share('attendance_90_share'),
            levels: ['good', 'fair', 'average', 'poor', 'unscored'].map((k) => cell(k).innerText.trim()),
            superior: cell('meetings_superior').innerText.trim(),
            flagged: cell('members_flagged').innerText.trim(),
        };
    }));
}

const asRow = (c, period) => ({
    id: c.id,
    name: c.name,
    href: `/organizations/${c.id}/dashboard?from=${period.from}&to=${period.to}`,
    members: count(c.figures.members_expected),
    regular: [percent(c.figures.regular_share), of(c.figures.cells_regular_all, c.figures.cells_regular_due)],
    thematic: [percent(c.figures.thematic_share), of(c.figures.cells_thematic_all, c.figures.cells_thematic_due)],
    held: count(c.figures.meetings_held),
    attendance: [percent(c.figures.attendance_rate), of(c.figures.attendance_present, c.figures.attendance_expected)],
    attendance90: [percent(c.figures.attendance_90_share), of(c.figures.meetings_attendance_90, c.figures.meetings_held)],
    levels: Object.keys(LEVELS).map((k) => count(c.figures.levels[k])),
    superior: count(c.figures.meetings_superior),
    flagged: count(c.figures.members_flagged),
});

// The children in the order of a figure: highest first (or lowest), no figure last, ties by name.
function sortedBy(children, figure, order) {
    const sign = order === 'ascend' ? 1 : -1;
    return [...children].sort((a, b) => {
        const [x, y] = [a.figures[figure], b.figures[figure]];
        if (x === null || y === null) { if (x !== y) return x === null ? 1 : -1; } else if (x !== y) return sign * (x - y);
        return byName.compare(a.name, b.name);
    }).map((c) => c.name);
}

// The alerts card says the server's lists: the missed months and quarters of each cell, the flagged members.
async function assertAlerts(page, alerts) {
    const card = page.getByTestId('dashboard-alerts');
    await waitForTexts(card.getByTestId('missed-title'), (t) => t[0] === `Chi bộ chưa sinh hoạt đủ (${alerts.missed_total})`,
        'the number of cells that missed a meeting');
    const missed = await card.getByTestId('missed-table').locator('tbody tr[data-org]').evaluateAll((rows) => rows.map((r) => ({
        id: Number(r.dataset.org),
        name: r.querySelector('[data-testid="missed-cell"]').innerText.trim(),
        href: r.querySelector('[data-testid="missed-cell"]').getAttribute('href'),
        months: [...r.querySelectorAll('[data-month]')].map((t) => [t.dataset.month, t.innerText.trim()]),
        quarters: [...r.querySelectorAll('[data-quarter]')].map((t) => [t.dataset.quarter, t.innerText.trim()]),
    })));
    assert.deepEqual(missed, alerts.missed.map((m) => ({
        id: m.organization_id,
        name: m.organization_name,
        href: `/organizations/${m.organization_id}?tab=meetings`,
        months: m.regular_months.map((month) => [month, monthText(month)]),
        quarters: m.thematic_quarters.map((q) => [q, quarterText(q)]),
    })), 'the cells that missed a meeting, as the server lists them');
    const flagged = await card.getByTestId('flagged-table').locator('tbody tr[data-member]').evaluateAll((rows) => rows.map((r) => ({
        member: r.querySelector('[data-testid="flagged-member"]').innerText.trim(),
        href: r.querySelector('[data-testid="flagged-member"]').getAttribute('href'),
        cell: r.querySelector('[data-testid="flagged-cell"]').innerText.trim(),
        count: r.querySelector('[data-testid="flagged-count"]').innerText.trim(),
    })));
    assert.deepEqual(flagged, alerts.flagged.map((f) => ({
        member: f.member_name, href: `/members/${f.member_id}`, cell: f.organization_name, count: `${f.unexcused} lần`,
    })), 'the flagged members, as the server lists them');
}

// The dashboard's figures, charts, table and alerts for a period must be the server's.
async function assertDashboard(page, id, period, { cell }) {
    await waitForDashboard(page, id, period);
    assertAddress(page, id, period);
    const d = await dashboardOf(committee, id, period);
    assert.equal((await page.getByTestId('dashboard-org').innerText()).trim(), d.organization.name);
    const cards = await assertCards(page, d.figures, { cell });
    if (cell) {
        assert.equal(await page.getByTestId('children-table').count(), 0, 'a cell has no children\'s table');
    } else {
        const rows = await shownChildren(page);
        assert.deepEqual(rows, [...d.children].sort((a, b) => byName.compare(a.name, b.name)).map((c) => asRow(c, period)),
            'the children, by name, with their figures');
    }
    await assertAlerts(page, await alertsOf(committee, id, period));
    return { d, cards };
}

// A chart is drawn (SVG) and says what it should.
async function assertChart(page, testId, texts) {
    const canvas = page.getByTestId(testId).locator('.chart-canvas[data-drawn="true"] svg');
    await canvas.waitFor();
    const shown = await canvas.locator('text').allTextContents();
    for (const t of texts) assert.ok(shown.includes(t), `${testId} shows "${t}": ${JSON.stringify(shown)}`);
    const box = await canvas.boundingBox();
    assert.ok(box.width > 200 && box.height > 200, `${testId} has a size: ${JSON.stringify(box)}`);
}

// A CSV file as LibreOffice writes it (comma, double quotes) → rows of cells.
function parseCsv(text) {
    const rows = [];
    let row = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (ch !== '\r') cell += ch;
    }
    if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
    return rows;
}

// Every sheet of a workbook, converted by LibreOffice (one CSV per sheet, named after it): { sheet name: rows }.
async function workbookSheets(file, names) {
    const out = join(tmp, 'csv');
    await run('soffice', ['--headless', `-env:UserInstallation=file://${join(tmp, 'lo')}`, '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file]);
    const base = file.split('/').pop().replace(/\.xlsx$/, '');
    return Object.fromEntries(names.map((name) => {
        const csv = join(out, `${base}-${name}.csv`);
        assert.ok(existsSync(csv), `LibreOffice wrote the sheet "${name}"`);
        return [name, parseCsv(readFileSync(csv, 'utf8'))];
    }));
}

// A cell of the converted sheet: a number, a share ("58.3333333333333%" → 0.583…), or text; "" is empty.
const num = (text) => (text === '' ? null : Number(text));
const share = (text) => (text === '' ? null : Number(text.replace('%', '')) / 100);
function assertShare(actual, expected, what) {
    if (expected === null) assert.equal(actual, null, what);
    else assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);
}

test('the commune committee reads Hòa An\'s dashboard, sorts and drills into a cell, changes the period and exports it', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    // From the organisation's page: "Bảng số liệu" opens this year's dashboard.
    await openOrganization(page, COMMUNE);
    await page.getByTestId('org-dashboard').click();
    const { d } = await assertDashboard(page, hoaAn.id, THIS_YEAR, { cell: false });
    assert.equal(d.children.length, CELLS);
    assert.ok((await page.getByTestId('dashboard-period').innerText()).startsWith(
        `Năm ${YEAR} (từ tháng 01/${YEAR} đến tháng 12/${YEAR})`), 'the period in words');
    assert.equal(await page.getByRole('menuitem', { name: 'Bảng số liệu' }).getAttribute('class').then((c) => c.includes('selected')), true,
        'the menu marks "Bảng số liệu"');
    // The regular share links to the missed cells (some missed a month), members to the organisation's page.
    const cards = await shownCards(page);
    assert.equal(cards.regular.link, '#dashboard-alerts');
    assert.equal(cards.members.link, `/organizations/${hoaAn.id}`);
    assert.equal(cards.flagged.link, '#dashboard-flagged');
    assert.equal(cards.meetings.link, '#dashboard-children');

    // The charts: the months up to this one with their meetings held and attendance, the meetings by quality level.
    await assertChart(page, 'trend-chart', ['Buổi sinh hoạt đã họp', 'Tỷ lệ đảng viên dự (%)', `01/${YEAR}`]);
    await assertChart(page, 'levels-chart', [...Object.values(LEVELS), String(d.figures.levels.unscored)]);
    assert.match(await page.getByTestId('trend-chart').locator('.chart-canvas').getAttribute('aria-label'),
        new RegExp(`từ 01/${YEAR} đến ${pad2(MONTH)}/${YEAR}$`));
    // Thôn Đông missed last month (when last month is this year; else see last year below).
    const alerts = await alertsOf(committee, hoaAn.id, THIS_YEAR);
    if (LAST.year === YEAR) {
        assert.ok(alerts.missed.some((m) => m.organization_id === thonDong.id && m.regular_months.includes(LAST_MONTH)),
            `the server names ${CELL}'s ${LAST_MONTH}`);
        await page.getByTestId('missed-table').locator(`tr[data-org="${thonDong.id}"] [data-month="${LAST_MONTH}"]`)
            .filter({ hasText: monthText(LAST_MONTH) }).waitFor();
    }
    await shot(page, 'dashboard-desktop-commune');

    // Sorting: attendance highest first, then lowest first; members highest first. Names stay links to the children's
    // dashboards for the same period.
    const table = page.getByTestId('children-table');
    const header = (key) => table.locator(`th[data-sort-key="${key}"]`);
    const names = async () => (await shownChildren(page)).map((r) => r.name);
    await header('attendance_rate').click();
    await waitForTexts(table.locator('tbody tr[data-org] [data-testid="child-link"]'),
        (t) => JSON.stringify(t) === JSON.stringify(sortedBy(d.children, 'attendance_rate', 'descend')), 'by attendance, highest first');
    await header('attendance_rate').click();
    assert.deepEqual(await names(), sortedBy(d.children, 'attendance_rate', 'ascend'), 'by attendance, lowest first');
    await header('members_expected').click();
    assert.deepEqual(await names(), sortedBy(d.children, 'members_expected', 'descend'), 'by members, most first');
    assert.equal(await header('members_expected').getAttribute('aria-sort'), 'descending');
    await shot(page, 'dashboard-desktop-sorted');

    // "Xuất Excel" downloads the same figures as a workbook of four sheets with Vietnamese headers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-xlsx').click()]);
    assert.equal(await download.failure(), null, 'the workbook downloaded');
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const file = join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK', 'an XLSX (ZIP) file');
    const sheets = await workbookSheets(file, ['Tổng hợp', 'Đơn vị trực thuộc', 'Theo tháng', 'Cảnh báo']);
    for (const rows of Object.values(sheets)) {
        assert.equal(rows[0][0], COMMUNE);
        assert.equal(rows[1][0], `Từ tháng 01/${YEAR} đến tháng 12/${YEAR}`);
    }
    const headerRow = (rows, first) => rows.findIndex((r) => r[0] === first);
    const summary = sheets['Tổng hợp'];
    assert.deepEqual(summary[headerRow(summary, 'Chỉ tiêu')], ['Chỉ tiêu', 'Số lượng', 'Trên tổng số', 'Tỷ lệ']);
    const line = (label) => {
        const r = summary.find((cells) => cells[0] === label);
        assert.ok(r, `the summary has "${label}"`);
        return { count: num(r[1]), total: num(r[2]), share: share(r[3]) };
    };
    const f = d.figures;
    const expectLine = (label, n, total = null, s = null) => {
        const l = line(label);
        assert.equal(l.count, n, `${label}: count`);
        assert.equal(l.total, total, `${label}: total`);
        assertShare(l.share, s, `${label}: share`);
    };
    expectLine('Số chi bộ', f.cells);
    expectLine('Số đảng viên chính thức và dự bị', f.members_expected);
    expectLine('Chi bộ sinh hoạt thường kỳ đầy đủ, đúng quy định', f.cells_regular_all, f.cells_regular_due, f.regular_share);
    expectLine('Chi bộ sinh hoạt chuyên đề mỗi quý', f.cells_thematic_all, f.cells_thematic_due, f.thematic_share);
    expectLine('Số buổi sinh hoạt đã tổ chức', f.meetings_held);
    expectLine('Lượt đảng viên dự sinh hoạt', f.attendance_present, f.attendance_expected, f.attendance_rate);
    expectLine('Buổi sinh hoạt có từ 90 % đảng viên dự', f.meetings_attendance_90, f.meetings_held, f.attendance_90_share);
    for (const [k, label] of [['good', 'Tốt'], ['fair', 'Khá'], ['average', 'Trung bình'], ['poor', 'Kém']])
        expectLine(`Buổi sinh hoạt xếp loại ${label}`, f.levels[k], f.meetings_held, f.meetings_held ? f.levels[k] / f.meetings_held : null);
    expectLine('Buổi sinh hoạt chưa chấm điểm', f.levels.unscored, f.meetings_held, f.meetings_held ? f.levels.unscored / f.meetings_held : null);
    expectLine('Buổi sinh hoạt có cấp ủy cấp trên dự', f.meetings_superior, f.meetings_held, f.meetings_held ? f.meetings_superior / f.meetings_held : null);
    expectLine('Chi bộ được cấp ủy cấp trên dự sinh hoạt', f.cells_visited, f.cells, f.cells ? f.cells_visited / f.cells : null);
    expectLine('Đảng viên vắng 3 lần không lý do trong năm', f.members_flagged);

    const children = sheets['Đơn vị trực thuộc'];
    const childHeader = headerRow(children, 'Tổ chức đảng');
    assert.deepEqual(children[childHeader], ['Tổ chức đảng', 'Số chi bộ', 'Số đảng viên', 'Sinh hoạt thường kỳ đúng quy định',
        'Sinh hoạt chuyên đề mỗi quý', 'Số buổi sinh hoạt', 'Tỷ lệ đảng viên dự', 'Buổi có từ 90 % dự', 'Tốt', 'Khá',
        'Trung bình', 'Kém', 'Chưa chấm', 'Buổi có cấp trên dự', 'Đảng viên vắng 3 lần']);
    const childRows = children.slice(childHeader + 1).filter((r) => r[0] !== '');
    assert.deepEqual(childRows.map((r) => r[0]).sort(byName.compare), d.children.map((c) => c.name).sort(byName.compare),
        'one row per child');
    for (const c of d.children) {
        const r = childRows.find((cells) => cells[0] === c.name);
        const g = c.figures;
        assert.deepEqual([r[1], r[2], r[5], ...r.slice(8)].map(num), [g.cells, g.members_expected, g.meetings_held,
            g.levels.good, g.levels.fair, g.levels.average, g.levels.poor, g.levels.unscored, g.meetings_superior,
            g.members_flagged], `${c.name}: counts`);
        assertShare(share(r[3]), g.regular_share, `${c.name}: regular`);
        assertShare(share(r[4]), g.thematic_share, `${c.name}: thematic`);
        assertShare(share(r[6]), g.attendance_rate, `${c.name}: attendance`);
        assertShare(share(r[7]), g.attendance_90_share, `${c.name}: attendance ≥ 90 %`);
    }

    const months = sheets['Theo tháng'];
    const monthHeader = headerRow(months, 'Tháng');
    assert.deepEqual(months[monthHeader], ['Tháng', 'Số buổi sinh hoạt', 'Lượt dự', 'Lượt phải dự', 'Tỷ lệ dự',
        'Buổi có từ 90 % dự', 'Tốt', 'Khá', 'Trung bình', 'Kém', 'Buổi có cấp trên dự']);
    const monthRows = months.slice(monthHeader + 1).filter((r) => r[0] !== '');
    assert.deepEqual(monthRows.map((r) => r[0]), d.trend.map((t) => monthText(t.month)), 'one row per month');
    d.trend.forEach((t, i) => {
        const r = monthRows[i];
        const g = t.figures;
        assert.deepEqual([r[1], r[2], r[3], r[5], r[6], r[7], r[8], r[9], r[10]].map(num), [g.meetings_held,
            g.attendance_present, g.attendance_expected, g.meetings_attendance_90, g.levels.good, g.levels.fair,
            g.levels.average, g.levels.poor, g.meetings_superior], `${t.month}: counts`);
        assertShare(share(r[4]), g.attendance_rate, `${t.month}: attendance`);
    });

    const warnings = sheets['Cảnh báo'];
    const warningHeader = headerRow(warnings, 'Cảnh báo');
    assert.deepEqual(warnings[warningHeader], ['Cảnh báo', 'Chi bộ', 'Đảng viên', 'Chi tiết']);
    assert.deepEqual(warnings.slice(warningHeader + 1).filter((r) => r[0] !== ''), [
        ...alerts.missed.flatMap((m) => [
            ...(m.regular_months.length ? [['Chưa sinh hoạt thường kỳ', m.organization_name, '', m.regular_months.map(monthText).join(', ')]] : []),
            ...(m.thematic_quarters.length ? [['Chưa sinh hoạt chuyên đề', m.organization_name, '', m.thematic_quarters.map(quarterText).join(', ')]] : []),
        ]),
        ...alerts.flagged.map((fl) => ['Vắng 3 lần không lý do trong năm', fl.organization_name, fl.member_name, `${fl.unexcused} lần`]),
    ], 'the alerts sheet lists the server\'s alerts');

    // "In" prints the page; on paper the navigation, the period picker and the buttons are gone, the figures stay.
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
    await page.getByTestId('dashboard-print').click();
    assert.equal(await page.evaluate(() => window.printed), 1);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.app-header', '.app-sider', '[data-testid="period-picker"]', '[data-testid="dashboard-xlsx"]'])
        assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    assert.ok(await page.getByTestId('figure-cards').isVisible());
    assert.ok(await page.getByTestId('trend-chart').locator('svg').isVisible());
    await shot(page, 'dashboard-desktop-print');
    await page.emulateMedia({ media: 'screen' });

    // Drilling into Thôn Đông: the address and the figures are the cell's, for the same period; its missed month.
    await table.locator(`tr[data-org="${thonDong.id}"] [data-testid="child-link"]`).click();
    await assertDashboard(page, thonDong.id, THIS_YEAR, { cell: true });
    if (LAST.year === YEAR)
        await page.getByTestId('missed-table').locator(`tr[data-org="${thonDong.id}"] [data-month="${LAST_MONTH}"]`)
            .filter({ hasText: monthText(LAST_MONTH) }).waitFor();
    const cellCards = await shownCards(page);
    assert.equal(cellCards.meetings.link, `/organizations/${thonDong.id}?tab=meetings`, 'a cell\'s meetings lead to its calendar');
    await assertChart(page, 'trend-chart', ['Buổi sinh hoạt đã họp']);
    await shot(page, 'dashboard-desktop-cell');

    // A quarter: "Quý" shows this quarter, then the second quarter is picked.
    await page.getByTestId('period-kind-quarter').click();
    const thisQuarter = { from: `${YEAR}-${pad2(QUARTER_NOW * 3 - 2)}`, to: `${YEAR}-${pad2(QUARTER_NOW * 3)}` };
    await assertDashboard(page, thonDong.id, thisQuarter, { cell: true });
    await waitForTexts(page.getByTestId('dashboard-period'), (t) => t[0]?.startsWith(`Quý ${ROMAN[QUARTER_NOW - 1]}/${YEAR} `));
    await page.getByTestId('period-quarter-2').click();
    await assertDashboard(page, thonDong.id, Q2, { cell: true });
    await waitForTexts(page.getByTestId('dashboard-period'), (t) => t[0]?.startsWith(`Quý II/${YEAR} (từ tháng 04/${YEAR} đến tháng 06/${YEAR})`));

    // Last year: "Năm", then the year before.
    await page.getByTestId('period-kind-year').click();
    await assertDashboard(page, thonDong.id, THIS_YEAR, { cell: true });
    await pickOption(page, page.getByTestId('period-year'), String(YEAR - 1), String(YEAR - 1));
    await assertDashboard(page, thonDong.id, LAST_YEAR, { cell: true });
    // The address keeps the period: a reload shows last year again.
    await page.reload();
    await assertDashboard(page, thonDong.id, LAST_YEAR, { cell: true });
    await waitForTexts(page.getByTestId('dashboard-period'), (t) => t[0]?.startsWith(`Năm ${YEAR - 1} `));
    if (LAST.year === YEAR - 1)
        await page.getByTestId('missed-table').locator(`tr[data-org="${thonDong.id}"] [data-month="${LAST_MONTH}"]`).waitFor();

    // Back up to the commune through the breadcrumb: the same period, the commune's figures for it.
    await page.locator('.ant-breadcrumb a', { hasText: COMMUNE }).click();
    await assertDashboard(page, hoaAn.id, LAST_YEAR, { cell: false });

    // A range of months: from last January to this month; more than 120 months is refused before asking the server.
    await page.getByTestId('period-kind-range').click();
    const typeMonth = async (id, text) => {
        const input = page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
        await input.click();
        await input.fill(text);
        await input.press('Enter');
    };
    const range = { from: LAST_YEAR.from, to: `${YEAR}-${pad2(MONTH)}` };
    await typeMonth('period-to', `${pad2(MONTH)}/${YEAR}`);
    await assertDashboard(page, hoaAn.id, range, { cell: false });
    await waitForTexts(page.getByTestId('dashboard-period'),
        (t) => t[0]?.startsWith(`Từ tháng 01/${YEAR - 1} đến tháng ${pad2(MONTH)}/${YEAR}`));
    await typeMonth('period-from', '01/2000');
    await waitForTexts(page.getByTestId('period-error'), (t) => t[0] === 'Mỗi lần xem tối đa 120 tháng (10 năm).');
    assertAddress(page, hoaAn.id, range);

    // The term this year belongs to (five-year cycles: 2025–2030), its calendar years whole.
    await page.getByTestId('period-kind-term').click();
    const termStart = 2000 + Math.floor((YEAR - 2000) / 5) * 5;
    await assertDashboard(page, hoaAn.id, { from: `${termStart}-01`, to: `${termStart + 5}-12` }, { cell: false });
    await waitForTexts(page.getByTestId('dashboard-period'), (t) => t[0]?.startsWith(`Nhiệm kỳ ${termStart}–${termStart + 5} `));
    await shot(page, 'dashboard-desktop-term');
    assertNoPageErrors(page);
    await page.context().close();
});

test('the secretary reads the cell\'s dashboard on a phone, by month', async () => {
    const secretary = new Client(env.server.base);
    assert.equal((await secretary.login('bithu.thondong')).status, 200);
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    // From the menu: the dashboard of the cell the secretary leads, this year.
    await page.getByTestId('menu-button').click();
    await page.getByRole('menuitem', { name: 'Bảng số liệu' }).click();
    await waitForDashboard(page, thonDong.id, THIS_YEAR);
    const mine = await dashboardOf(secretary, thonDong.id, THIS_YEAR);
    await assertCards(page, mine.figures, { cell: true });
    await assertChart(page, 'trend-chart', ['Buổi sinh hoạt đã họp']);
    await assertChart(page, 'levels-chart', ['Chưa chấm']);
    // Only what the secretary may read is a link in the breadcrumb: the commune is plain text.
    assert.equal(await page.locator('.ant-breadcrumb a').count(), 0);
    const fits = async (what) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= PHONE.width, `${what} fits the phone (scrollWidth ${width})`);
    };
    await fits('the dashboard');
    // On a phone the cards go two by two, the compliance shares across the screen.
    const box = async (id) => page.getByTestId(`figure-${id}`).boundingBox();
    const [regular, attendance, attendance90] = [await box('regular'), await box('attendance'), await box('attendance90')];
    assert.ok(regular.width > PHONE.width * 0.8, 'the regular share spans the screen');
    assert.ok(Math.abs(attendance.y - attendance90.y) < 2 && attendance90.x > attendance.x + attendance.width - 1,
        'two small cards share a row');
    await shot(page, 'dashboard-phone-cell');

    // By month: this month, then the one before (‹), when Thôn Đông did not meet.
    await page.getByTestId('period-kind-month').click();
    const thisMonth = { from: `${YEAR}-${pad2(MONTH)}`, to: `${YEAR}-${pad2(MONTH)}` };
    await waitForDashboard(page, thonDong.id, thisMonth);
    await page.getByTestId('period-previous').click();
    const last = { from: LAST_MONTH, to: LAST_MONTH };
    await waitForDashboard(page, thonDong.id, last);
    assertAddress(page, thonDong.id, last);
    const lastMonth = await dashboardOf(secretary, thonDong.id, last);
    const cards = await assertCards(page, lastMonth.figures, { cell: true });
    assert.equal(lastMonth.figures.cells_regular_all, 0, `${CELL} held no regular meeting in ${LAST_MONTH}`);
    assert.equal(cards.regular.value, '0 %');
    assert.equal(cards.regular.link, '#dashboard-alerts');
    await page.getByTestId('missed-table').locator(`[data-month="${LAST_MONTH}"]`).filter({ hasText: monthText(LAST_MONTH) }).waitFor();
    await waitForTexts(page.getByTestId('dashboard-period'), (t) => t[0]?.startsWith(`Tháng ${pad2(LAST.month)}/${LAST.year}`));
    await fits('a month');
    await shot(page, 'dashboard-phone-month');

    // A month not yet come: no month is due, so the shares are "—" with the reason.
    const next = MONTH === 12 ? `${YEAR + 1}-01` : `${YEAR}-${pad2(MONTH + 1)}`;
    await page.goto(`/organizations/${thonDong.id}/dashboard?from=${next}&to=${next}`);
    await waitForDashboard(page, thonDong.id, { from: next, to: next });
    const future = await dashboardOf(secretary, thonDong.id, { from: next, to: next });
    assert.equal(future.figures.regular_share, null);
    const empty = await assertCards(page, future.figures, { cell: true });
    assert.equal(empty.regular.value, '—');
    assert.equal(empty.regular.hint, 'Chưa có tháng nào đến hạn sinh hoạt trong kỳ');
    await shot(page, 'dashboard-phone-future');
    assertNoPageErrors(page);
    await page.context().close();
});

test('a plain member has no dashboard', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'dangvien.thondong');
    assert.equal(await page.getByRole('menuitem', { name: 'Bảng số liệu' }).count(), 0, 'no menu item');
    const answered = page.waitForResponse((r) => r.url().includes(`/api/v1/organizations/${thonDong.id}/dashboard?`));
    await page.goto(`/organizations/${thonDong.id}/dashboard`);
    assert.equal((await answered).status(), 403);
    await page.getByText('Không có quyền xem bảng số liệu').waitFor();
    await page.goto(`/organizations/${thonDong.id}`);
    await page.getByTestId('org-name').filter({ hasText: CELL }).waitFor();
    assert.equal(await page.getByTestId('org-dashboard').count(), 0, 'no "Bảng số liệu" button');
    assertNoPageErrors(page);
    await page.context().close();
});
