// The key acceptance test of the meetings feature: one month of a cell walked end to end through the UI.
// The secretary plans last month's regular meeting (the demo leaves Chi bộ Thôn Đông's one uncreated), moves it to
// today, prepares and notifies it; a member sees the notice and asks leave; the secretary calls the roll on a phone,
// records the opinions, the conclusion and the vote, finalises the minutes, amends them and reports upward. The
// documents are then downloaded as a person would: the PDF's text and the DOCX, converted by LibreOffice, must say
// what the screens said.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, docxToPdf as convert, download as save, fieldError, login, notice, openOrganization,
    openPage, openSection, pdfText, PHONE, pickOption, screenshot, setUp, shot, SHOTS, todayVn, waitForRows, waitForTexts,
} from './helpers.mjs';
import { Client } from '../lib/server.mjs';

const COMMUNE = 'Đảng bộ xã Hòa An';
const CELL = 'Chi bộ Thôn Đông';
const MOVE_REASON = 'Chi ủy họp bổ sung, tổ chức sinh hoạt tháng trước vào hôm nay';
const PLACE = 'Nhà văn hóa thôn Đông';
const COMMITTEE_NOTES = 'Chi ủy thống nhất nội dung, phân công chuẩn bị dự thảo nghị quyết';
const SUPERIOR = 'Lê Văn Tâm';
const EXTRA_AGENDA = 'Bàn biện pháp vận động nhân dân hiến đất làm đường liên thôn';
const ATTACHMENT = { name: 'Dự thảo nghị quyết tháng.txt', mimeType: 'text/plain',
    buffer: Buffer.from('DỰ THẢO NGHỊ QUYẾT\nChi bộ Thôn Đông — sinh hoạt thường kỳ.\n', 'utf8') };
const LEAVE_REASON = 'Đi khám bệnh ở bệnh viện tỉnh';
const GUEST = 'Đồng chí Lê Văn Tâm, Đảng ủy viên phụ trách địa bàn';
const OPINION_1 = 'Đề nghị chi bộ tập trung chỉ đạo thu hoạch lúa mùa và chuẩn bị vụ đông.';
const OPINION_2 = 'Thống nhất với dự thảo; đề nghị bổ sung chỉ tiêu vệ sinh môi trường.';
const OPINION_GUEST = 'Ghi nhận kết quả của chi bộ; lưu ý công tác phát triển đảng viên trẻ.';
const CONCLUSION = 'Chi bộ thống nhất đánh giá tháng qua hoàn thành tốt nhiệm vụ; tháng tới tập trung làm đường liên thôn.';
const RESOLUTION = 'Vận động 100 % hộ gia đình tham gia hiến đất, ngày công làm đường liên thôn.';
const TASK = 'Lập danh sách hộ hiến đất'; // short: table cells wrap in the documents' text
const AMENDMENT = 'Bổ sung: đồng chí khách mời đề nghị báo cáo kết quả vận động trước ngày 15.';
const AMENDMENT_REASON = 'Thư ký ghi sót ý kiến';

const pad2 = (n) => String(n).padStart(2, '0');
const TODAY = todayVn(); // dd/mm/yyyy in Asia/Ho_Chi_Minh, as the UI and the server count days
const [DAY, MONTH, YEAR] = TODAY.split('/').map(Number);
const LAST = MONTH === 1 ? { year: YEAR - 1, month: 12 } : { year: YEAR, month: MONTH - 1 };
// A day `n` days from today, dd/mm/yyyy.
function dayFromToday(n) {
    const d = new Date(Date.UTC(YEAR, MONTH - 1, DAY + n));
    return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
const YESTERDAY = dayFromToday(-1);
const DEADLINE = dayFromToday(14);
const TITLE = `Sinh hoạt thường kỳ tháng ${LAST.month}/${LAST.year}`;

// "Tổng số đảng viên: 70 (chính thức 53, dự bị 8, sinh hoạt tạm thời 2); miễn sinh hoạt 4; giới thiệu sinh hoạt tạm
// thời đi nơi khác 2; có mặt 62/64 (đến muộn 1); vắng có lý do 1; vắng không lý do 1" ↔ its numbers (the members
// away with a transfer letter are named only when there are some).
const SUMMARY_RE = /^Tổng số đảng viên: (\d+) \((.*)\); miễn sinh hoạt (\d+);(?: giới thiệu sinh hoạt tạm thời đi nơi khác (\d+);)? có mặt (\d+)\/(\d+)(?: \(đến muộn (\d+)\))?; vắng có lý do (\d+); vắng không lý do (\d+)$/;
function parseSummary(text) {
    const m = SUMMARY_RE.exec(text.trim());
    assert.ok(m, `the roll call's counts line: ${text}`);
    return { total: +m[1], kinds: m[2], exempt: +m[3], away: +(m[4] ?? 0), present: +m[5], expected: +m[6],
        late: +(m[7] ?? 0), excused: +m[8], unexcused: +m[9] };
}
const summaryText = (c) => `Tổng số đảng viên: ${c.total} (${c.kinds}); miễn sinh hoạt ${c.exempt}; `
    + (c.away ? `giới thiệu sinh hoạt tạm thời đi nơi khác ${c.away}; ` : '')
    + `có mặt ${c.present}/${c.expected}${c.late ? ` (đến muộn ${c.late})` : ''}; vắng có lý do ${c.excused}; `
    + `vắng không lý do ${c.unexcused}`;

let env;
let tmp;
// The register's numbers the finalised minutes and resolution must get: the next of each type this term.
let expectedNumbers;
before(async () => {
    env = await setUp();
    tmp = mkdtempSync(join(tmpdir(), 'chibo-month-'));
    const client = new Client(env.server.base);
    const login = await client.login('bithu.thondong');
    assert.equal(login.status, 200, login.text);
    const role = login.json.user.roles.find((r) => r.organization_name === CELL);
    assert.ok(role, `bithu.thondong holds a role in ${CELL}`);
    const y = MONTH < 7 ? YEAR - 1 : YEAR;
    const start = y - ((y - 2020) % 5 + 5) % 5;
    const next = async (type) => {
        const r = await client.get(`/api/v1/organizations/${role.organization_id}/documents?type=${type}&term=${start}-${start + 5}`);
        assert.equal(r.status, 200, r.text);
        return `${pad2(r.json.total + 1)}-${type}/CB`;
    };
    expectedNumbers = { minutes: await next('BB'), resolution: await next('NQ') };
});
after(async () => {
    await env?.tearDown();
    if (tmp && !process.env.CHIBO_KEEP_DOCS) rmSync(tmp, { recursive: true, force: true });
});

// The OK button of the open Popconfirm.
const confirmButton = (page, name) => page.locator('.ant-popover:visible').getByRole('button', { name, exact: true });

// pickOption, then waits until its dropdown has closed (several Selects offer the same option: "Hoàn thành").
async function pick(page, control, search, title) {
    await pickOption(page, control, search, title);
    const deadline = Date.now() + 5000;
    while (await page.locator('.ant-select-dropdown:visible').count()) {
        if (Date.now() > deadline) assert.fail(`the list of "${title}" stays open`);
        await page.waitForTimeout(50);
    }
}

async function state(page, label) {
    await waitForTexts(page.getByTestId('meeting-state'), (t) => t[0] === label, `meeting state "${label}"`);
}

async function openMyMeetings(page) {
    if (await page.getByTestId('menu-button').isVisible()) await page.getByTestId('menu-button').click();
    await page.getByRole('menuitem', { name: 'Lịch sinh hoạt của tôi' }).click();
    await page.getByTestId('my-meetings-page').waitFor();
}

const myMeeting = (page) => page.getByTestId('my-meeting').filter({ hasText: TITLE });

const docxToPdf = (file) => convert(file, tmp);
const download = (page, linkName) => save(page, linkName, tmp);

// Shared by the steps below (they run in order, as one month does); a step stops at once when an earlier one failed.
const the = {};
const needs = (...keys) => { for (const k of keys) assert.ok(the[k] !== undefined, `an earlier step failed (no ${k})`); };

test('the secretary plans last month\'s meeting, moves it to today, prepares it and notifies the members', async () => {
    const page = await openPage(env, DESKTOP);
    the.secretaryDesktop = page;
    await login(page, 'bithu.thondong');
    the.secretary = (await page.getByTestId('current-user').textContent()).trim();
    await openOrganization(page, CELL);
    const deputyRow = await waitForRows(page, 'leaders-table', (t) => t.some((r) => r.startsWith('Phó Bí thư')));
    the.deputy = deputyRow.find((r) => r.startsWith('Phó Bí thư')).split('\t')[1].trim();
    assert.ok(the.deputy && the.deputy !== the.secretary, `a deputy secretary: ${the.deputy}`);

    // "Lịch sinh hoạt": last month's regular meeting is expected but not created yet.
    await page.getByRole('tab', { name: 'Lịch sinh hoạt' }).click();
    await page.getByTestId('meeting-calendar').waitFor();
    const picker = page.getByTestId('meeting-year');
    if (!(await picker.innerText()).includes(String(LAST.year))) await pickOption(page, picker, '', String(LAST.year));
    const row = page.getByTestId('meetings-table').locator(`tr[data-row-key="regular-${LAST.year}-${LAST.month}"]`);
    await waitForTexts(row, (t) => t[0]?.includes('Dự kiến'), 'last month\'s meeting still planned by the rule');
    await row.getByTestId('meeting-create').click();
    await notice(page, `Đã lập cuộc họp sinh hoạt thường kỳ tháng ${LAST.month}/${LAST.year}`);

    // Moved to today, with a reason (today is in the month after the meeting's: allowed).
    await row.getByTestId('meeting-move').click();
    const move = page.getByTestId('move-meeting-form');
    await move.getByLabel('Ngày họp mới').fill(TODAY);
    await move.getByLabel('Ngày họp mới').press('Enter');
    await move.getByLabel('Lý do dời lịch').fill(MOVE_REASON);
    await page.getByTestId('move-meeting-form-submit').click();
    await move.waitFor({ state: 'detached' });
    await waitForTexts(row, (t) => t[0]?.includes(TODAY) && t[0].includes(`Dời lịch: ${MOVE_REASON}`),
        'the meeting moved to today');
    await row.getByTestId('meeting-open').click();
    await page.waitForURL(/\/meetings\/\d+/);
    the.meetingPath = new URL(page.url()).pathname;
    await waitForTexts(page.getByTestId('meeting-title'), (t) => t[0] === TITLE);
    await state(page, 'Dự kiến');
    assert.match(await page.getByTestId('meeting-header').innerText(), new RegExp(`${TODAY}[\\s\\S]*Dời lịch: ${MOVE_REASON}`));

    // Preparation: who prepares, where, the chi ủy meeting, the agenda (HD 42's, plus one item), the superior.
    await openSection(page, 'preparation', 'Chuẩn bị');
    const form = page.getByTestId('preparation-form');
    await page.getByTestId('agenda-prefilled').waitFor();
    await pick(page, page.getByTestId('preparer-select'), the.deputy, the.deputy);
    await page.getByTestId('place-input').fill(PLACE);
    // A chi ủy meeting after the meeting is refused under its field.
    await form.getByLabel('Ngày họp chi ủy chuẩn bị').fill(dayFromToday(1));
    await form.getByLabel('Ngày họp chi ủy chuẩn bị').press('Enter');
    await page.getByTestId('preparation-save').click();
    await fieldError(form, 'Ngày họp chi ủy chuẩn bị').waitFor();
    await form.getByLabel('Ngày họp chi ủy chuẩn bị').fill(YESTERDAY);
    await form.getByLabel('Ngày họp chi ủy chuẩn bị').press('Enter');
    await form.getByLabel('Nội dung họp chi ủy').fill(COMMITTEE_NOTES);
    await form.getByLabel('Đồng chí cấp ủy cấp trên theo dõi').fill(SUPERIOR);
    await page.getByTestId('agenda-add').click();
    const agendaItems = form.getByTestId('agenda-editor').locator('textarea');
    await agendaItems.last().fill(EXTRA_AGENDA);
    the.agenda = await agendaItems.evaluateAll((els) => els.map((e) => e.value));
    assert.equal(the.agenda.length, 5);
    // The draft resolution goes to the members with the notice.
    await page.getByTestId('meeting-attachments').locator('input[type=file]').setInputFiles(ATTACHMENT);
    await notice(page, `Đã tải lên ${ATTACHMENT.name}`);
    await page.getByTestId('meeting-attachments').getByTestId('attachment-row').filter({ hasText: ATTACHMENT.name }).waitFor();
    await page.getByTestId('preparation-save').click();
    await notice(page, 'Đã lưu phần chuẩn bị');
    await state(page, 'Đã chuẩn bị');
    assert.equal(await fieldError(form, 'Ngày họp chi ủy chuẩn bị').count(), 0);
    assert.match(await page.getByTestId('meeting-steps').innerText(), new RegExp(`Người chuẩn bị: ${the.deputy}`));
    assert.match(await page.getByTestId('meeting-header').innerText(), new RegExp(`Địa điểm: ${PLACE}`));
    await shot(page, 'month-desktop-preparation');

    // Notice: documents sent today for a meeting today reach members less than 1 day before.
    await openSection(page, 'notice', 'Thông báo');
    assert.equal(await page.getByTestId('documents-late').count(), 0, 'nothing sent yet');
    await page.getByTestId('notify').click();
    await confirmButton(page, 'Gửi thông báo').click();
    await notice(page, 'Đã gửi thông báo cho đảng viên');
    await state(page, 'Đã thông báo');
    await waitForTexts(page.getByTestId('documents-late'),
        (t) => t[0] === 'Tài liệu gửi đến đảng viên chưa đủ 1 ngày trước cuộc họp', 'the late-documents warning');
    assert.match(await page.getByTestId('meeting-page').locator('.meeting-tags').innerText(), /Tài liệu gửi muộn/);
    assert.match(await page.getByTestId('notified-at').innerText(), new RegExp(TODAY));
    assert.match(await page.getByTestId('documents-sent-at').innerText(), new RegExp(TODAY));
    await waitForTexts(page.getByTestId('leave-requests'), (t) => t[0]?.includes('Chưa có đảng viên nào xin vắng'));
    // The notice goes out once (the server refuses a second one): no button offers to send it again.
    assert.equal(await page.getByTestId('notify').count(), 0, 'no second notice');
    await shot(page, 'month-desktop-notice');
    assertNoPageErrors(page);
});

test('a member sees the notice with its place, agenda and document, and asks leave', async () => {
    needs('meetingPath', 'agenda');
    const page = await openPage(env, PHONE);
    the.memberPhone = page;
    await login(page, 'dangvien.thondong');
    the.member = (await page.getByTestId('current-user').textContent()).trim();
    await openMyMeetings(page);
    const card = myMeeting(page);
    await card.waitFor();
    const text = await card.innerText();
    for (const expected of [TODAY, PLACE, `Dời lịch: ${MOVE_REASON}`, 'Đã thông báo', ...the.agenda, ATTACHMENT.name])
        assert.ok(text.includes(expected), `the notice shows "${expected}":\n${text}`);
    // The member may open the draft resolution.
    const href = await card.getByTestId('attachment-row').locator('a.attachment-name').getAttribute('href');
    const file = await page.request.get(href);
    assert.equal(file.status(), 200);
    assert.deepEqual(await file.body(), ATTACHMENT.buffer);

    // Asking leave needs a reason.
    await card.getByTestId('ask-leave').click();
    const form = page.getByTestId('leave-form');
    await page.getByTestId('leave-form-submit').click();
    await fieldError(form, 'Lý do xin vắng').waitFor();
    await page.getByTestId('leave-reason').fill(LEAVE_REASON);
    await page.getByTestId('leave-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await notice(page, 'Đã gửi xin vắng');
    await waitForTexts(card.getByTestId('my-leave'), (t) => t[0]?.includes(`Đã xin vắng: ${LEAVE_REASON}`));
    assert.equal(await card.getByTestId('ask-leave').innerText(), 'Sửa lý do xin vắng');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the notice fits the phone (scrollWidth ${width})`);
    await shot(page, 'month-phone-my-meetings');

    // Still there after a reload (the server kept it), and on the meeting's page.
    await page.reload();
    await waitForTexts(myMeeting(page).getByTestId('my-leave'), (t) => t[0]?.includes(`Đã xin vắng: ${LEAVE_REASON}`));
    await myMeeting(page).getByTestId('open-meeting').click();
    await waitForTexts(page.getByTestId('my-leave'), (t) => t[0]?.includes('Đã xin vắng') && t[0].includes(LEAVE_REASON));
    assert.equal(await page.getByTestId('leave-requests').count(), 0, 'a member does not see the others\' requests');
    assertNoPageErrors(page);
});

test('on a phone the secretary calls the roll, records the opinions, the conclusion and the vote', async () => {
    needs('member');
    // Back at the desk: the leave request is in the notice section.
    const desk = the.secretaryDesktop;
    await desk.reload();
    await openSection(desk, 'notice', 'Thông báo');
    await waitForRows(desk, 'leave-requests', (t) => t.length === 1 && t[0].includes(the.member) && t[0].includes(LEAVE_REASON),
        'the member\'s leave request');

    // At the meeting, on the phone: "Lịch sinh hoạt của tôi" → the meeting → the roll call.
    const page = await openPage(env, PHONE);
    the.secretaryPhone = page;
    await login(page, 'bithu.thondong');
    await openMyMeetings(page);
    await myMeeting(page).getByTestId('open-meeting').click();
    await waitForTexts(page.getByTestId('meeting-title'), (t) => t[0] === TITLE);
    assert.equal(new URL(page.url()).pathname, the.meetingPath);
    await openSection(page, 'roll', 'Điểm danh');
    await page.getByTestId('roll-proposal').waitFor();
    const cards = page.getByTestId('roll-card');
    const people = await waitForTexts(cards.locator('.roll-name b'), (t) => t.length > 10, 'the cell\'s roll');
    const names = people.map((t) => t.replace(/^\d+\.\s*/, '').trim());
    const card = (name) => cards.filter({ has: page.locator('.roll-name b', { hasText: new RegExp(`^\\d+\\. ${name}$`) }) });
    const checked = (name) => card(name).locator('.ant-radio-button-wrapper-checked').innerText();

    // The member who asked leave is proposed as excused, with the reason given.
    assert.equal(await checked(the.member), 'Vắng có lý do');
    assert.equal(await card(the.member).getByTestId('roll-reason').inputValue(), LEAVE_REASON);
    const proposed = parseSummary(await page.getByTestId('roll-summary').innerText());
    // Members away with a transfer letter are listed apart, with the letter and nothing to mark.
    const away = page.getByTestId('roll-away-member');
    assert.equal(await away.count(), proposed.away, 'the members away with a letter are listed apart');
    assert.equal(await away.locator('.ant-radio-button-wrapper').count(), 0, 'no presence to choose for them');
    for (const text of await away.locator('.roll-away-reason').allInnerTexts())
        assert.ok(text.startsWith('Giấy giới thiệu số '), `the letter is the reason: ${text}`);
    assert.equal(proposed.total, names.length + proposed.away, 'every member on the roll has a card');
    assert.deepEqual([proposed.excused, proposed.unexcused, proposed.late], [1, 0, 0]);

    // One absent without a reason, one late: two official members present so far, not the officers.
    const candidates = [];
    for (const name of names) {
        if ([the.secretary, the.deputy, the.member].includes(name)) continue;
        if (await card(name).locator('.ant-tag').count()) continue; // not official (exempt, probationary…)
        if ((await checked(name)) !== 'Có mặt') continue;
        candidates.push(name);
        if (candidates.length === 2) break;
    }
    [the.absent, the.late] = candidates;
    assert.ok(the.absent && the.late, 'two members to mark');
    await card(the.absent).getByText('Vắng không lý do', { exact: true }).click();
    await card(the.late).getByText('Đến muộn', { exact: true }).click();
    assert.equal(await checked(the.absent), 'Vắng không lý do');
    assert.equal(await checked(the.late), 'Đến muộn');
    // The counts follow the marks at once, and stay in sight above the cards.
    const marked = { ...proposed, present: proposed.present - 1, late: 1, unexcused: 1 };
    await waitForTexts(page.getByTestId('roll-summary'), (t) => t[0] === summaryText(marked), 'the live counts');
    await cards.nth(Math.floor(names.length / 2)).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300); // let the scroll settle
    const summaryBox = await page.getByTestId('roll-summary').boundingBox();
    assert.ok(summaryBox.y >= 0 && summaryBox.y + summaryBox.height <= PHONE.height / 2,
        `the counts stay in sight while marking: ${JSON.stringify(summaryBox)}`);
    await page.screenshot({ path: join(SHOTS, 'month-phone-roll-call-marking.png') });

    // Times, chair, minute-taker, the superior's representative as a guest.
    await page.getByTestId('started_at').fill('14:00');
    await page.getByTestId('ended_at').fill('16:05');
    await waitForTexts(page.getByTestId('roll-duration'), (t) => t[0]?.startsWith('Thời lượng: 125 phút'));
    await pick(page, page.getByTestId('chair-select'), the.secretary, the.secretary);
    await pick(page, page.getByTestId('minute-taker-select'), the.deputy, the.deputy);
    await page.getByTestId('superior-attended').check();
    await page.getByTestId('guest-add').click();
    await page.getByLabel('Khách mời 1', { exact: true }).fill(GUEST);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the roll call fits the phone (scrollWidth ${width})`);
    await page.getByTestId('roll-save').click();
    await notice(page, 'Đã lưu điểm danh');
    await state(page, 'Đã họp');
    assert.equal(await page.getByTestId('roll-proposal').count(), 0, 'the roll call is saved, no longer a proposal');
    await waitForTexts(page.getByTestId('roll-summary'), (t) => t[0] === summaryText(marked), 'the saved counts');
    the.counts = marked;
    await shot(page, 'month-phone-roll-call');

    // Opinions: two members present and the guest.
    await openSection(page, 'opinions', 'Ý kiến');
    const speakers = [[the.deputy, OPINION_1], [the.late, OPINION_2]];
    for (const [i, [name, summary]] of speakers.entries()) {
        await page.getByTestId('opinion-add').click();
        const row = page.getByTestId('opinion-row').nth(i);
        await pick(page, row.getByTestId('opinion-speaker'), name, name);
        await row.getByTestId('opinion-summary').fill(summary);
    }
    await page.getByTestId('opinion-add').click();
    const guestRow = page.getByTestId('opinion-row').nth(2);
    await pick(page, guestRow.getByTestId('opinion-speaker'), '', 'Khách mời, người khác (ghi tên)');
    await guestRow.getByTestId('opinion-guest').locator('input').fill(GUEST);
    await guestRow.getByTestId('opinion-summary').fill(OPINION_GUEST);
    await page.keyboard.press('Escape'); // close the guest name suggestions
    await page.getByTestId('opinions-save').click();
    await notice(page, 'Đã lưu ý kiến phát biểu');
    assert.equal(await page.getByTestId('opinions-error').count(), 0);
    await shot(page, 'month-phone-opinions');

    // Conclusion and vote: last month's tasks reviewed, one task for next month, all voters present but one in favour.
    await openSection(page, 'conclusion', 'Kết luận & biểu quyết');
    // Last month's tasks come up for review (the demo leaves some unfinished): the first one is done now.
    const reviews = page.getByTestId('review-row');
    await reviews.first().waitFor();
    const shareBefore = await page.getByTestId('targets-met').innerText();
    await pick(page, reviews.first().getByTestId('review-outcome'), '', 'Hoàn thành');
    the.share = (await waitForTexts(page.getByTestId('targets-met'), (t) => /^\d+ %$/.test(t[0] ?? '') && t[0] !== shareBefore,
        'the share of targets met follows the review'))[0];
    await page.getByTestId('conclusion-text').fill(CONCLUSION);
    await page.getByTestId('resolution-text').fill(RESOLUTION);
    await page.getByTestId('task-add').click();
    const task = page.getByTestId('task-row').first();
    await task.getByTestId('task-description').fill(TASK);
    await pick(page, task.getByTestId('task-assignee'), the.deputy, the.deputy);
    await task.getByLabel('Thời hạn nhiệm vụ 1').fill(DEADLINE);
    await task.getByLabel('Thời hạn nhiệm vụ 1').press('Enter');
    const voters = await waitForTexts(page.getByTestId('vote-live'), (t) => /: \d+$/.test(t[0] ?? ''));
    const eligible = Number(/(\d+)$/.exec(voters[0])[1]);
    assert.ok(eligible > 2 && eligible <= the.counts.present, `voters present: ${eligible} of ${the.counts.present}`);
    await page.getByRole('spinbutton', { name: 'Tán thành', exact: true }).fill(String(eligible - 1));
    await page.getByRole('spinbutton', { name: 'Không tán thành', exact: true }).fill('1');
    await page.getByRole('spinbutton', { name: 'Không biểu quyết', exact: true }).fill('0');
    the.vote = `${eligible - 1}/${eligible} đồng chí tán thành, đạt ${Math.round((100 * (eligible - 1)) / eligible)} %`;
    the.eligible = eligible;
    await waitForTexts(page.getByTestId('vote-live'), (t) => t[0] === `${the.vote} Thông qua`, 'the vote read back');
    // The three numbers side by side at one height, though two labels wrap on a phone.
    const tops = await page.getByRole('spinbutton').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    assert.equal(tops.length, 3);
    assert.ok(Math.max(...tops) - Math.min(...tops) <= 1, `vote boxes aligned: ${tops}`);
    await page.getByTestId('conclusion-save').click();
    await notice(page, 'Đã lưu kết luận và biểu quyết');
    assert.equal(await page.getByTestId('conclusion-error').count(), 0);
    assert.equal(await page.getByTestId('vote-sentence').innerText(), the.vote);
    await shot(page, 'month-phone-conclusion');
    assertNoPageErrors(page);
});

test('the secretary finalises the minutes, amends them and reports upward; the record is locked', async () => {
    needs('vote');
    const page = the.secretaryDesktop;
    await page.reload();
    await state(page, 'Đã họp');
    await openSection(page, 'documents', 'Biên bản & nghị quyết');
    assert.equal(await page.getByTestId('finalise-missing').count(), 0, 'nothing missing to finalise');
    await page.getByTestId('finalise').click();
    await confirmButton(page, 'Hoàn thành').click();
    await notice(page, `Đã hoàn thành biên bản ${expectedNumbers.minutes} và nghị quyết ${expectedNumbers.resolution}`);
    await state(page, 'Đã chốt biên bản');
    assert.equal(await page.getByTestId('minutes-number').innerText(), `Số ${expectedNumbers.minutes}`);
    assert.equal(await page.getByTestId('resolution-number').innerText(), `Số ${expectedNumbers.resolution}`);
    assert.equal(await page.getByTestId('finalise').count(), 0);

    // Locked: every section reads back what was saved, with nothing left to edit.
    await openSection(page, 'roll', 'Điểm danh');
    await page.getByTestId('roll-view').waitFor();
    assert.equal(await page.getByTestId('roll-summary').innerText(), summaryText(the.counts));
    const roll = await page.getByTestId('roll-view').innerText();
    for (const expected of ['14:00', '16:05 (125 phút)', the.secretary, the.deputy, GUEST, LEAVE_REASON])
        assert.ok(roll.includes(expected), `the roll call shows "${expected}"`);
    await openSection(page, 'opinions', 'Ý kiến');
    const opinions = await page.getByTestId('opinions-view').innerText();
    for (const expected of [the.deputy, OPINION_1, the.late, OPINION_2, `${GUEST} (khách mời)`, OPINION_GUEST])
        assert.ok(opinions.includes(expected), `the opinions show "${expected}"`);
    await openSection(page, 'conclusion', 'Kết luận & biểu quyết');
    await waitForTexts(page.getByTestId('vote-sentence'), (t) => t[0] === `${the.vote} Thông qua`);
    assert.equal(await page.getByTestId('targets-met').innerText(), the.share, 'the share of targets met as reviewed');
    assert.match(await page.getByTestId('tasks-view').innerText(), new RegExp(`${TASK}[\\s\\S]*${the.deputy} · hạn ${DEADLINE}`));
    await openSection(page, 'preparation', 'Chuẩn bị');
    await page.getByTestId('preparation-view').waitFor();
    for (const id of ['roll-save', 'opinions-save', 'conclusion-save', 'preparation-save', 'attachment-upload',
        'attachment-delete', 'notify']) {
        assert.equal(await page.getByTestId(id).count(), 0, `no ${id} once finalised`);
    }
    await shot(page, 'month-desktop-finalised');

    // Corrections are amendments.
    await openSection(page, 'documents', 'Biên bản & nghị quyết');
    await page.getByTestId('amend').click();
    const form = page.getByTestId('amendment-form');
    await form.getByLabel('Nội dung bổ sung, đính chính').fill(AMENDMENT);
    await form.getByLabel('Lý do').fill(AMENDMENT_REASON);
    await page.getByTestId('amendment-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await notice(page, 'Đã ghi bổ sung, đính chính');
    await waitForTexts(page.getByTestId('amendments'), (t) => t[0]?.includes(AMENDMENT) && t[0].includes(`Lý do: ${AMENDMENT_REASON}`));

    // Reported upward within the 2 days.
    await openSection(page, 'report', 'Báo cáo cấp trên');
    await page.getByTestId('report').click();
    await confirmButton(page, 'Báo cáo').click();
    await notice(page, 'Đã báo cáo cấp trên');
    await state(page, 'Đã báo cáo cấp trên');
    assert.match(await page.getByTestId('reported-at').innerText(), new RegExp(TODAY));
    assert.equal(await page.getByTestId('report-late').count(), 0, 'reported in time');
    assert.equal(await page.getByTestId('report').count(), 0);
    const steps = await page.getByTestId('meeting-steps').innerText();
    assert.ok(steps.includes(`${expectedNumbers.minutes}, ${expectedNumbers.resolution}`), steps);
    await shot(page, 'month-desktop-reported');
    the.reported = true;
    assertNoPageErrors(page);
});

test('the documents: PDF and DOCX (through LibreOffice) say what the screens said; the printable page', async () => {
    needs('reported');
    const page = the.secretaryDesktop;
    await openSection(page, 'documents', 'Biên bản & nghị quyết');
    const minutesPdf = await download(page, 'Biên bản PDF');
    const minutesDocx = await download(page, 'Biên bản DOCX');
    const resolutionDocx = await download(page, 'Nghị quyết DOCX');
    assert.equal(readFileSync(minutesPdf).subarray(0, 5).toString(), '%PDF-');
    assert.equal(readFileSync(minutesDocx).subarray(0, 2).toString(), 'PK');

    const heading = ['ĐẢNG BỘ XÃ HÒA AN', 'CHI BỘ THÔN ĐÔNG', 'ĐẢNG CỘNG SẢN VIỆT NAM'];
    const { present, expected } = the.counts;
    const minutesLines = [
        ...heading, 'BIÊN BẢN', `Số ${expectedNumbers.minutes}`, `Sinh hoạt chi bộ thường kỳ tháng ${LAST.month} năm ${LAST.year}`,
        `Địa điểm: ${PLACE}`, `Chủ trì: đồng chí ${the.secretary}`, `Thư ký: đồng chí ${the.deputy}`,
        `Số đảng viên có mặt: ${present}/${expected} đồng chí phải dự`,
        `Đến muộn: đồng chí ${the.late}`, `Vắng có lý do: 1 đồng chí: đồng chí ${the.member} (${LEAVE_REASON})`,
        `Vắng không lý do: 1 đồng chí: đồng chí ${the.absent}`,
        `Đồng chí ${the.deputy}: ${OPINION_1}`, `Đồng chí ${the.late}: ${OPINION_2}`, `${GUEST}: ${OPINION_GUEST}`,
        `Tỷ lệ chỉ tiêu, nhiệm vụ hoàn thành: ${the.share}.`, CONCLUSION, `1 ${TASK}`, `Số đảng viên có mặt được biểu quyết: ${the.eligible} đồng chí`,
        `Kết luận và nghị quyết được ${the.vote}.`, AMENDMENT,
    ];
    const server = await pdfText(minutesPdf);
    const converted = await pdfText(await docxToPdf(minutesDocx));
    for (const [source, text] of [['minutes.pdf', server], ['minutes.docx → LibreOffice', converted]]) {
        for (const line of minutesLines) assert.ok(text.includes(line), `${source} contains "${line}":\n${text}`);
        assert.ok(!text.includes('DỰ THẢO'), `${source} is no longer a draft`);
    }
    const resolution = await pdfText(await docxToPdf(resolutionDocx));
    for (const line of [...heading, 'NGHỊ QUYẾT', `Số ${expectedNumbers.resolution}`, RESOLUTION, `1 ${TASK}`,
        `Có mặt ${present}/${expected} đồng chí đảng viên phải dự; vắng có lý do 1, vắng không lý do 1 đồng chí`,
        `Nghị quyết được ${the.vote}.`, `${COMMUNE} (để b/c)`]) {
        assert.ok(resolution.includes(line), `resolution.docx → LibreOffice contains "${line}":\n${resolution}`);
    }
    the.documents = { 'minutes.pdf': server, 'minutes.docx': converted, 'resolution.docx': resolution };

    // The printable page opens in a new tab with the party heading.
    const [printable] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('link', { name: 'Biên bản bản in', exact: true }).click(),
    ]);
    await printable.waitForLoadState();
    assert.match(new URL(printable.url()).pathname, /\/documents\/minutes\.html$/);
    assert.equal(await printable.title(), `BIÊN BẢN ${expectedNumbers.minutes}`);
    assert.equal((await printable.locator('.title').innerText()).trim(), 'BIÊN BẢN');
    const head = await printable.locator('.head').innerText();
    for (const line of [...heading, `Số ${expectedNumbers.minutes}`]) assert.ok(head.includes(line), `heading: ${head}`);
    await shot(printable, 'month-printable-minutes');
    await printable.close();

    // The register holds the two numbers, issued today.
    await page.getByTestId('meeting-organization').click();
    await page.getByTestId('org-name').filter({ hasText: CELL }).waitFor();
    await page.getByRole('tab', { name: 'Sổ văn bản' }).click();
    const rows = await waitForRows(page, 'documents-table', (t) => t.length >= 2);
    const top = rows.slice(0, 2).map((r) => r.split('\t').map((c) => c.trim()));
    assert.deepEqual(top.map((c) => c[0]).sort(), [expectedNumbers.minutes, expectedNumbers.resolution].sort());
    for (const c of top) assert.equal(c[3], TODAY, `${c[0]} issued on the meeting's day`);
    assertNoPageErrors(page);
});

// The minutes' total is everyone on the roll call (exempt and working-away members included), and the
// tables' columns keep dates and names whole.
test('the documents count every member on the roll and keep dates whole in their tables', async () => {
    needs('documents');
    const { 'minutes.pdf': pdf, 'minutes.docx': docx, 'resolution.docx': resolution } = the.documents;
    for (const [source, text] of [['minutes.pdf', pdf], ['minutes.docx', docx]]) {
        assert.ok(text.includes(`Tổng số đảng viên của chi bộ: ${the.counts.total} đồng chí`),
            `${source}: the total as the roll call counts it (${the.counts.total}, ${the.counts.expected} expected)`);
    }
    for (const [source, text] of Object.entries(the.documents))
        assert.ok(text.includes(DEADLINE), `${source}: the task's deadline ${DEADLINE} on one line`);
    assert.ok(resolution.includes(`1 ${TASK} ${the.deputy} ${DEADLINE}`), 'resolution.docx: the task\'s row');
});

test('the member reads the issued documents; the meeting is no longer open to leave requests', async () => {
    needs('reported');
    const page = the.memberPhone;
    await openMyMeetings(page);
    const card = myMeeting(page);
    await waitForTexts(card, (t) => t[0]?.includes('Đã báo cáo cấp trên'));
    assert.equal(await card.getByTestId('ask-leave').count(), 0);
    await card.getByTestId('open-meeting').click();
    await openSection(page, 'documents', 'Biên bản & nghị quyết');
    assert.equal(await page.getByTestId('minutes-number').innerText(), `Số ${expectedNumbers.minutes}`);
    const pdf = await page.request.get(await page.getByRole('link', { name: 'Nghị quyết PDF', exact: true }).getAttribute('href'));
    assert.equal(pdf.status(), 200);
    writeFileSync(join(tmp, 'member-resolution.pdf'), await pdf.body());
    assert.ok((await pdfText(join(tmp, 'member-resolution.pdf'))).includes(`Số ${expectedNumbers.resolution}`));
    assertNoPageErrors(page);
    for (const p of [the.memberPhone, the.secretaryPhone, the.secretaryDesktop]) await p?.context().close();
});
