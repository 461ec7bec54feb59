// Thematic topics (sinh hoạt chuyên đề, HD 42) across three roles: the commune committee of Hòa An orients a topic
// for its cells → the secretary of Chi bộ Thôn Đông picks it, names a chi ủy member to prepare it, links the quarter's
// thematic meeting, writes a draft, saves a second version and sees the difference, submits it, is refused when the
// draft changed under the page, submits again, approves (the secretary holds a chi ủy seat) and sends it → a plain
// member, on a phone, reads the sent draft and leaves a comment → the secretary sees the comment, and the commune sees
// that one cell picked its orientation. Then the meeting itself: the secretary opens it from the topic, calls the
// roll, records who spoke (the member's proposal taken into the resolution), the conclusion, the resolution's measures
// with their owners and deadlines and the vote, finalises the minutes and reports upward → the thematic resolution,
// downloaded as DOCX and read back through LibreOffice, says all that → the cell's next regular meeting reviews the
// measures → the commune's quarter coverage shows the cell's topic held, resolved and reported → at year end the
// secretary commends the preparer, and the cell's and the commune's year-end reviews say so.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, docxToPdf, download, fieldError, fitsPhone, formControl, login, notice, openCell,
    openOrganization, openPage, openSection, pdfText, PHONE, pickOption, shot, setUp, SHOTS, showYear, todayVn,
    VIETNAMESE_LETTER, waitForTexts,
} from './helpers.mjs';
import { Client } from '../lib/server.mjs';

const COMMUNE = 'Đảng bộ xã Hòa An';
const CELL = 'Chi bộ Thôn Đông';
const [, MONTH, YEAR] = todayVn().split('/').map(Number);
const QUARTER = Math.floor((MONTH - 1) / 3) + 1;
const TITLE = 'Bảo đảm trật tự an toàn hành lang giao thông đường bộ';
const DIRECTIVE = 'Kết luận 15-KL/ĐU của Đảng ủy xã';
const DRAFT_1 = [
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Đảng viên gương mẫu giữ hành lang giao thông thông thoáng.',
    'II. NỘI DUNG',
    '1. Thực trạng lấn chiếm hành lang đường liên thôn.',
    '2. Trách nhiệm của đảng viên và gia đình.',
    'III. TỔ CHỨC THỰC HIỆN',
    'Các tổ đảng rà soát từng hộ ven đường.',
].join('\n');
const NEW_LINE = 'Thôn có 12 hộ dựng lều quán trên vỉa hè đường liên xã.';
const DRAFT_2 = DRAFT_1.replace('1. Thực trạng lấn chiếm hành lang đường liên thôn.', `1. Thực trạng lấn chiếm hành lang đường liên thôn, liên xã.\n${NEW_LINE}`);
const DRAFT_3 = `${DRAFT_2}\nChi bộ sơ kết sau ba tháng.`;
const COMMENT = 'Tôi đề nghị bổ sung việc vận động các hộ tự tháo dỡ mái che trước Tết.';
const PURPOSE = ['Mỗi đảng viên, mỗi gia đình không lấn chiếm hành lang giao thông.', 'Vận động nhân dân cùng thực hiện.'];
// At the thematic meeting: what the preparer presents, what the member proposes (taken into the resolution), what the
// deputy adds, and what the resolution decides. The measures are short: table cells wrap in the documents' text.
const OPINION_PREPARER = 'Trình bày chuyên đề; thôn còn 12 hộ lấn chiếm vỉa hè đường liên xã.';
const PROPOSAL = 'Đề nghị vận động các hộ tự tháo dỡ mái che lấn chiếm trước Tết Nguyên đán.';
const OPINION_DEPUTY = 'Thống nhất; cần phối hợp với Ban công tác Mặt trận thôn khi vận động.';
const CONCLUSION = 'Chi bộ thống nhất nhận thức: giữ hành lang giao thông là trách nhiệm nêu gương của mỗi đảng viên.';
const RESOLUTION = 'Vận động các hộ tự tháo dỡ mái che lấn chiếm trước Tết; đảng viên làm trước.';
const MEASURES = ['Vận động hộ tháo dỡ mái che', 'Rà soát hộ ven đường liên xã'];
// The thematic meeting lasts longer than the combined minimum (120 minutes).
const STARTED = '14:00';
const ENDED = '16:30';
const pad2 = (n) => String(n).padStart(2, '0');
const TODAY = todayVn();
const TODAY_ISO = TODAY.split('/').reverse().join('-');
const vn = (iso) => iso.split('-').reverse().join('/');
// The day `n` days after an ISO day, as the UI writes it (dd/mm/yyyy).
function daysAfter(iso, n) {
    const [y, m, d] = iso.split('-').map(Number);
    const day = new Date(Date.UTC(y, m - 1, d + n));
    return `${pad2(day.getUTCDate())}/${pad2(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

let env;
let tmp;
const client = {};
before(async () => {
    env = await setUp();
    tmp = mkdtempSync(join(tmpdir(), 'chibo-topics-'));
    const logins = {};
    for (const user of ['xa.hoaan', 'bithu.thondong', 'dangvien.thondong']) {
        client[user] = new Client(env.server.base);
        logins[user] = await client[user].login(user);
        assert.equal(logins[user].status, 200, `${user} logs in`);
    }
    await thematicMonthNotLater(logins['bithu.thondong'].json.user.roles.find((r) => r.organization_name === CELL));
});
after(async () => {
    await env?.tearDown();
    if (tmp && !process.env.CHIBO_KEEP_DOCS) rmSync(tmp, { recursive: true, force: true });
});

// The quarter's thematic meeting is recorded today, so it must not fall in a later month of the quarter. HD 42's
// rule puts it in the quarter's last month: on a day in the quarter's first two months, the cell's own rule makes
// this month the quarter's thematic month (a day later in this month is moved to today before the meeting).
async function thematicMonthNotLater(role) {
    assert.ok(role, `bithu.thondong holds a role in ${CELL}`);
    const path = `/api/v1/organizations/${role.organization_id}/meeting-rule`;
    const rule = (await client['bithu.thondong'].get(path)).json;
    const months = rule.effective.thematic_months;
    const quarterOf = (m) => Math.floor((m - 1) / 3) + 1;
    if (months.some((m) => quarterOf(m) === QUARTER && m <= MONTH)) return;
    const own = { ...rule.own, thematic_months: [...months.filter((m) => quarterOf(m) !== QUARTER), MONTH].sort((a, b) => a - b) };
    const r = await client['bithu.thondong'].put(path, own);
    assert.equal(r.status, 200, r.text);
}

async function get(user, path) {
    const r = await client[user].get(`/api/v1${path}`);
    assert.equal(r.status, 200, `${path}: ${r.text}`);
    return r.json;
}

// One part of a page, cut from a full-page screenshot taken from the top (an element's own screenshot scrolls it
// under the sticky header).
async function shotOfPart(page, locator, name) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, clip: await locator.boundingBox() });
}

// The organisation pages are long: the topics tab alone, to look at.
async function shotOfTab(page, name) {
    await shotOfPart(page, page.getByTestId('org-tabs'), `${name}-tab`);
}

async function openTopicsTab(page, orgId) {
    await page.goto(`/organizations/${orgId}?tab=topics`);
    await page.getByTestId('topics-tab').waitFor();
}

// Presses a workflow button and confirms it.
async function workflow(page, action, done) {
    await page.getByTestId(`topic-${action}`).click();
    await page.getByTestId(`confirm-${action}`).click();
    if (done) await notice(page, done);
}

async function stateShown(page, label) {
    await page.getByTestId('topic-page').getByTestId('topic-state').filter({ hasText: label }).first().waitFor();
}

let communeId;
let cellId;
let topicId;

test('the commune committee orients a topic for its cells', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'xa.hoaan');
    communeId = await openOrganization(page, COMMUNE);
    await page.getByTestId('org-tabs').getByRole('tab', { name: 'Chuyên đề' }).click();
    await page.getByTestId('topics-tab').waitFor();
    await page.getByTestId('publish-orientation').click();
    const form = page.getByTestId('orientation-form');

    await page.getByTestId('orientation-form-submit').click();
    await fieldError(form, 'Tên chuyên đề').filter({ hasText: 'Vui lòng nhập tên chuyên đề.' }).waitFor();
    await page.getByTestId('orientation-title').fill(TITLE);
    await page.getByTestId('orientation-purpose').fill(PURPOSE.join('\n'));
    await page.getByTestId('orientation-directive').fill(DIRECTIVE);
    await page.getByTestId('orientation-quarter').getByText(`Quý ${QUARTER}`, { exact: true }).click();
    await shot(page, 'topics-01-commune-orientation-form');
    await form.screenshot({ path: join(SHOTS, 'topics-01-commune-orientation-form-dialog.png') });
    await page.getByTestId('orientation-form-submit').click();

    await notice(page, 'Đã ban hành định hướng chuyên đề');
    const card = page.getByTestId('orientation').filter({ hasText: TITLE });
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(`Quý ${QUARTER}/${YEAR}`));
    assert.match(await card.innerText(), /Tất cả chi bộ/);
    const listed = await get('xa.hoaan', `/organizations/${communeId}/topic-orientations?year=${YEAR}`);
    assert.ok(listed.items.some((o) => o.title === TITLE && o.quarter === QUARTER && o.directive === DIRECTIVE));
    await shot(page, 'topics-02-commune-orientations');
    await shotOfTab(page, 'topics-02-commune-orientations');
    assertNoPageErrors(page);
});

test('the secretary picks it, names the preparer and links the thematic meeting', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    cellId = await openCell(page, CELL);
    await openTopicsTab(page, cellId);
    const card = page.getByTestId('cell-orientations').getByTestId('orientation').filter({ hasText: TITLE });
    await card.waitFor();
    await page.getByTestId('topic-plan').waitFor();
    await fitsPhone(page, "the cell's topics tab");
    await shot(page, 'topics-03-cell-tab-phone');
    await shotOfTab(page, 'topics-03-cell-tab-phone');

    const cell = await get('bithu.thondong', `/organizations/${cellId}`);
    const preparer = cell.leaders.find((p) => p.position === 'committee_member' && !p.term_end);
    assert.ok(preparer, 'Thôn Đông has a chi ủy member');
    the.preparer = preparer;
    await card.getByTestId('pick-orientation').click();
    const form = page.getByTestId('pick-orientation-form');
    await form.getByText('Chi ủy viên (cùng bí thư)').click();
    await pickOption(page, formControl(form, 'Đồng chí chi ủy viên'), '', `${preparer.member_name} (Chi ủy viên)`);
    await fitsPhone(page, 'the pick form');
    await shot(page, 'topics-04-pick-phone');
    await form.screenshot({ path: join(SHOTS, 'topics-04-pick-phone-dialog.png') });
    await page.getByTestId('pick-orientation-form-submit').click();

    await notice(page, 'Đã đưa chuyên đề vào kế hoạch');
    await page.waitForURL(/\/topics\/\d+$/);
    topicId = Number(page.url().match(/topics\/(\d+)/)[1]);
    await page.getByTestId('topic-preparer').filter({ hasText: preparer.member_name }).waitFor();
    await stateShown(page, 'Đã đưa vào kế hoạch');

    // The quarter's thematic meeting, from the cell's calendar.
    await page.getByTestId('edit-topic').click();
    const edit = page.getByTestId('edit-topic-form');
    const meeting = formControl(edit, 'Buổi sinh hoạt chuyên đề');
    // The meeting's own options ("Tháng 12/2026: …"), not a closing dropdown's of the pick form.
    for (let attempt = 1; !/Tháng \d+\/\d{4}/.test(await meeting.innerText()); attempt++) {
        assert.ok(attempt <= 3, 'the quarter’s thematic meeting can be chosen');
        // By keyboard: the dropdown's opening animation does not hold a click back on a loaded machine.
        await meeting.getByRole('combobox').focus();
        await page.keyboard.press('ArrowDown');
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option')
            .filter({ hasText: /^Tháng \d+\/\d{4}:/ }).first().waitFor({ state: 'attached' });
        await page.keyboard.press('Enter');
        await page.waitForTimeout(300);
    }
    await page.getByTestId('edit-topic-form-submit').click();
    await notice(page, 'Đã lưu');
    await page.getByTestId('topic-meeting-link').waitFor();
    const topic = await get('bithu.thondong', `/topics/${topicId}`);
    assert.equal(topic.state, 'planned');
    assert.equal(topic.preparer.member_id, preparer.member_id);
    assert.notEqual(topic.meeting_id, null);
    await fitsPhone(page, 'the topic page');
    await shot(page, 'topics-05-topic-planned-phone');
    assertNoPageErrors(page);
});

test('the secretary drafts two versions, sees the difference, submits, approves and sends', async () => {
    const page = await openPage(env, DESKTOP);
    await login(page, 'bithu.thondong');
    await page.goto(`/topics/${topicId}`);
    await page.getByTestId('draft-text').waitFor();
    assert.equal(await page.getByTestId('topic-submit').count(), 0, 'nothing to submit before a draft');

    await page.getByTestId('draft-text').fill(DRAFT_1);
    await page.getByTestId('draft-save').click();
    await notice(page, 'Đã lưu bản dự thảo số 1');
    await stateShown(page, 'Đang soạn dự thảo');
    await page.getByTestId('draft-text').fill(DRAFT_2);
    await page.getByTestId('draft-save').click();
    await notice(page, 'Đã lưu bản dự thảo số 2');
    await page.getByTestId('draft-version').nth(1).waitFor();

    await page.getByTestId('diff-compare').click();
    const diff = page.getByTestId('draft-diff');
    await diff.waitFor();
    assert.equal(await diff.getByTestId('diff-summary').innerText(), '2 dòng thêm, 1 dòng bỏ.');
    assert.deepEqual(await diff.getByTestId('diff-removed').allInnerTexts().then((t) => t.map((s) => s.replace(/^−\s*/, ''))), [
        '1. Thực trạng lấn chiếm hành lang đường liên thôn.',
    ]);
    const added = (await diff.getByTestId('diff-added').allInnerTexts()).join('\n');
    assert.match(added, /liên thôn, liên xã/);
    assert.ok(added.includes(NEW_LINE));
    await shot(page, 'topics-06-diff-desktop');

    await workflow(page, 'submit', 'Đã trình chi ủy');
    await stateShown(page, 'Đã trình chi ủy');
    assert.equal(await page.getByTestId('topic-submit').count(), 0, 'a submitted draft is not submitted again');

    // The draft changes elsewhere (a new version takes it back to drafting): approving from this page is refused
    // with the server's reason.
    const saved = await client['bithu.thondong'].post(`/api/v1/topics/${topicId}/drafts`, { text: DRAFT_3 });
    assert.equal(saved.status, 201, saved.text);
    await workflow(page, 'approve');
    const refused = page.getByTestId('workflow-error');
    await refused.waitFor();
    assert.match(await refused.innerText(), /Chỉ duyệt dự thảo đã trình chi ủy/);
    await shot(page, 'topics-07-approve-refused');

    await page.reload();
    await stateShown(page, 'Đang soạn dự thảo');
    await workflow(page, 'submit', 'Đã trình chi ủy');
    await workflow(page, 'approve', 'Chi ủy đã duyệt dự thảo');
    await stateShown(page, 'Chi ủy đã duyệt');
    assert.equal(await page.getByTestId('topic-approve').count(), 0);
    await workflow(page, 'send', 'Đã gửi dự thảo đến đảng viên');
    await stateShown(page, 'Đã gửi đảng viên');
    assert.equal(await page.getByTestId('draft-text').count(), 0, 'a sent draft is no longer edited');
    assert.equal(await page.getByTestId('topic-workflow').count(), 0, 'no step left after sending');

    const topic = await get('bithu.thondong', `/topics/${topicId}`);
    assert.equal(topic.state, 'sent');
    assert.equal(topic.sent_version, 3);
    // The lateness flag reads as the server computes it (the meeting of the quarter may already be close or past).
    assert.equal(await page.getByTestId('topic-late').count(), topic.late ? 1 : 0);
    await shot(page, 'topics-08-sent-desktop');
    assertNoPageErrors(page);
});

test('a member reads the sent draft on a phone and comments', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'dangvien.thondong');
    await page.goto('/me/meetings');
    const link = page.getByTestId('my-sent-draft').filter({ hasText: TITLE });
    await link.waitFor();
    await link.click();

    const view = page.getByTestId('topic-member-view');
    await view.waitFor();
    const text = await page.getByTestId('member-draft').innerText();
    assert.ok(text.includes(NEW_LINE) && text.includes('Chi bộ sơ kết sau ba tháng.'), 'the sent version is shown');
    for (const hidden of ['draft-versions', 'topic-workflow', 'draft-text', 'edit-topic', 'topic-info']) {
        assert.equal(await page.getByTestId(hidden).count(), 0, `${hidden} is not shown to a member`);
    }
    assert.match(await view.innerText(), VIETNAMESE_LETTER);
    await fitsPhone(page, "the member's draft");
    await shot(page, 'topics-09-member-reads-phone');

    await page.getByTestId('comment-text').fill(COMMENT);
    const send = page.getByTestId('comment-send');
    const box = await send.boundingBox();
    assert.ok(box.height >= 48, `the send button is large enough to press (${box.height}px)`);
    await send.click();
    await notice(page, 'Đã gửi ý kiến');
    await page.getByTestId('my-comments').getByText(COMMENT).waitFor();
    assert.equal(await page.getByTestId('comment-text').inputValue(), '');
    await fitsPhone(page, "the member's comment");
    await shot(page, 'topics-10-member-commented-phone');
    assertNoPageErrors(page);
});

test('the secretary sees the comment, and the commune sees its orientation picked', async () => {
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await page.goto(`/topics/${topicId}`);
    const comments = page.getByTestId('member-comments');
    await comments.getByText(COMMENT).waitFor();
    assert.match(await comments.innerText(), /Đảng viên góp ý|bản 3/);
    await fitsPhone(page, "the secretary's topic page");
    await shot(page, 'topics-11-secretary-sees-comment-phone');

    const commune = await openPage(env, DESKTOP);
    await login(commune, 'xa.hoaan');
    await openTopicsTab(commune, communeId);
    const card = commune.getByTestId('orientation').filter({ hasText: TITLE });
    await card.getByTestId('orientation-picked').filter({ hasText: 'Số chi bộ đã chọn: 1' }).waitFor();
    await shot(commune, 'topics-12-commune-picked');
    await shotOfTab(commune, 'topics-12-commune-picked');
    assertNoPageErrors(page);
    assertNoPageErrors(commune);
});

// Shared by the meeting steps below (they run in order, as the quarter does); a step stops at once when an earlier
// one failed.
const the = {};
const needs = (...keys) => { for (const k of keys) assert.ok(the[k] !== undefined, `an earlier step failed (no ${k})`); };

// pickOption, then waits until its dropdown has closed (several Selects offer the same names).
async function pick(page, control, search, title) {
    await pickOption(page, control, search, title);
    const deadline = Date.now() + 5000;
    while (await page.locator('.ant-select-dropdown:visible').count()) {
        if (Date.now() > deadline) assert.fail(`the list of "${title}" stays open`);
        await page.waitForTimeout(50);
    }
}

async function meetingState(page, label) {
    await waitForTexts(page.getByTestId('meeting-state'), (t) => t[0] === label, `meeting state "${label}"`);
}

// The OK button of the open Popconfirm.
const confirmButton = (page, name) => page.locator('.ant-popover:visible').getByRole('button', { name, exact: true });

const coverageOf = (quarter = { year: YEAR, quarter: QUARTER }) =>
    get('xa.hoaan', `/organizations/${communeId}/topic-coverage?year=${quarter.year}&quarter=${quarter.quarter}`);

test('the secretary holds the thematic meeting: roll call, speakers, a proposal taken in, measures, vote, minutes', async () => {
    assert.ok(topicId && cellId && communeId, 'an earlier step failed (no topic)');
    const topic = await get('bithu.thondong', `/topics/${topicId}`);
    assert.ok(topic.meeting_id, 'the topic is linked to its meeting');
    let meeting = await get('bithu.thondong', `/meetings/${topic.meeting_id}`);
    assert.equal(meeting.kind, 'thematic');
    if (meeting.date > TODAY_ISO) { // later this month: held today instead (see thematicMonthNotLater)
        const moved = await client['bithu.thondong'].post(`/api/v1/meetings/${meeting.id}/move`,
            { date: TODAY_ISO, reason: 'Chi ủy thống nhất sinh hoạt chuyên đề sớm hơn' });
        assert.equal(moved.status, 200, moved.text);
        meeting = moved.json;
    }
    assert.ok(meeting.date <= TODAY_ISO, `the meeting is today or earlier: ${meeting.date}`);
    the.coverageBefore = await coverageOf();

    // Who takes part: the secretary chairs, the deputy takes the minutes, the preparer presents the topic, the member
    // who commented on the draft proposes.
    const cell = await get('bithu.thondong', `/organizations/${cellId}`);
    const seat = (position) => cell.leaders.find((p) => p.position === position && !p.term_end)?.member_name;
    const people = {
        secretary: seat('secretary'),
        deputy: seat('deputy_secretary'),
        preparer: topic.preparer?.name,
        member: topic.comments.find((c) => c.kind === 'member')?.author_name,
    };
    assert.equal(new Set(Object.values(people).filter(Boolean)).size, 4, `four different people: ${JSON.stringify(people)}`);
    the.people = people;
    the.measures = [
        { description: MEASURES[0], owner: people.deputy, deadline: daysAfter(meeting.date, 60) },
        { description: MEASURES[1], owner: people.preparer, deadline: daysAfter(meeting.date, 90) },
    ];

    // From the topic to its meeting, which names the topic back.
    const page = await openPage(env, DESKTOP);
    the.page = page;
    await login(page, 'bithu.thondong');
    await page.goto(`/topics/${topicId}`);
    await page.getByTestId('topic-meeting-link').click();
    await page.waitForURL(new RegExp(`/meetings/${meeting.id}(\\?|$)`));
    await waitForTexts(page.getByTestId('meeting-title'), (t) => t[0] === `Sinh hoạt chuyên đề tháng ${meeting.month}/${meeting.year}`);
    assert.equal(await page.getByTestId('meeting-topic').innerText(), TITLE);
    assert.equal(await page.getByTestId('meeting-topic').getAttribute('href'), `/topics/${topicId}`);
    assert.match(await page.getByTestId('meeting-header').innerText(), new RegExp(vn(meeting.date)));

    // The roll call: everyone who asked no leave is proposed present; the times, the chair and the minute-taker.
    await openSection(page, 'roll', 'Điểm danh');
    await page.getByTestId('roll-proposal').waitFor();
    const rows = page.getByTestId('roll-table').locator('tbody tr.ant-table-row');
    await waitForTexts(rows.locator('.roll-name b'), (t) => t.length > 10, 'the cell\'s roll');
    const rowOf = (name) => rows.filter({ has: page.locator('.roll-name b', { hasText: new RegExp(`^(\\d+\\. )?${name}$`) }) });
    for (const name of Object.values(people))
        assert.equal(await rowOf(name).locator('.ant-radio-button-wrapper-checked').innerText(), 'Có mặt', `${name} present`);
    await page.getByTestId('started_at').fill(STARTED);
    await page.getByTestId('ended_at').fill(ENDED);
    const duration = await waitForTexts(page.getByTestId('roll-duration'), (t) => t[0]?.startsWith('Thời lượng: 150 phút'));
    assert.ok(!duration[0].includes('ít hơn'), `long enough for a thematic meeting: ${duration[0]}`);
    await pick(page, page.getByTestId('chair-select'), people.secretary, people.secretary);
    await pick(page, page.getByTestId('minute-taker-select'), people.deputy, people.deputy);
    await page.getByTestId('roll-save').click();
    await notice(page, 'Đã lưu điểm danh');
    await meetingState(page, 'Đã họp');

    // Who spoke: the preparer presents, the member proposes (taken into the resolution), the deputy agrees.
    await openSection(page, 'opinions', 'Ý kiến');
    const speakers = [[people.preparer, OPINION_PREPARER, false], [people.member, PROPOSAL, true], [people.deputy, OPINION_DEPUTY, false]];
    for (const [i, [name, summary, accepted]] of speakers.entries()) {
        await page.getByTestId('opinion-add').click();
        const row = page.getByTestId('opinion-row').nth(i);
        await pick(page, row.getByTestId('opinion-speaker'), name, name);
        await row.getByTestId('opinion-summary').fill(summary);
        if (accepted) await row.getByText('Được tiếp thu (đưa vào nghị quyết)', { exact: true }).click();
    }
    const marks = page.getByTestId('opinion-row').locator('input[type=checkbox]');
    assert.deepEqual(await marks.evaluateAll((els) => els.map((e) => e.checked)), [false, true, false], 'only the proposal is taken in');
    await page.getByTestId('opinions-save').click();
    await notice(page, 'Đã lưu ý kiến phát biểu');
    assert.equal(await page.getByTestId('opinions-error').count(), 0);
    await shot(page, 'topics-13-meeting-opinions-desktop');

    // The conclusion, the resolution's measures with their owners and deadlines, and the vote.
    await openSection(page, 'conclusion', 'Kết luận & biểu quyết');
    await page.getByTestId('conclusion-editor').getByRole('heading', { name: 'Nhiệm vụ, giải pháp của nghị quyết chuyên đề' }).waitFor();
    await page.getByTestId('conclusion-text').fill(CONCLUSION);
    await page.getByTestId('resolution-text').fill(RESOLUTION);
    for (const [i, m] of the.measures.entries()) {
        await page.getByTestId('task-add').click();
        const row = page.getByTestId('task-row').nth(i);
        await row.getByTestId('task-description').fill(m.description);
        await pick(page, row.getByTestId('task-assignee'), m.owner, m.owner);
        await row.getByLabel(`Thời hạn nhiệm vụ ${i + 1}`).fill(m.deadline);
        await row.getByLabel(`Thời hạn nhiệm vụ ${i + 1}`).press('Enter');
    }
    const voters = await waitForTexts(page.getByTestId('vote-live'), (t) => /: \d+$/.test(t[0] ?? ''));
    const eligible = Number(/(\d+)$/.exec(voters[0])[1]);
    assert.ok(eligible >= 4, `voters present: ${eligible}`);
    await page.getByRole('spinbutton', { name: 'Tán thành', exact: true }).fill(String(eligible));
    await page.getByRole('spinbutton', { name: 'Không tán thành', exact: true }).fill('0');
    await page.getByRole('spinbutton', { name: 'Không biểu quyết', exact: true }).fill('0');
    the.vote = `${eligible}/${eligible} đồng chí tán thành, đạt 100 %`;
    await waitForTexts(page.getByTestId('vote-live'), (t) => t[0] === `${the.vote} Thông qua`, 'the vote read back');
    await page.getByTestId('conclusion-save').click();
    await notice(page, 'Đã lưu kết luận và biểu quyết');
    assert.equal(await page.getByTestId('conclusion-error').count(), 0);
    await shot(page, 'topics-14-meeting-conclusion-desktop');

    // The minutes finalised (the register numbers them), then reported upward.
    await openSection(page, 'documents', 'Biên bản & nghị quyết');
    assert.equal(await page.getByTestId('finalise-missing').count(), 0, 'nothing missing to finalise');
    await page.getByTestId('finalise').click();
    await confirmButton(page, 'Hoàn thành').click();
    await notice(page, 'Đã hoàn thành biên bản');
    await meetingState(page, 'Đã chốt biên bản');
    const number = (await page.getByTestId('resolution-number').innerText()).replace(/^Số /, '');
    assert.match(number, /^\d{2}-NQ\/CB$/);
    await openSection(page, 'report', 'Báo cáo cấp trên');
    await page.getByTestId('report').click();
    await confirmButton(page, 'Báo cáo').click();
    await notice(page, 'Đã báo cáo cấp trên');
    await meetingState(page, 'Đã báo cáo cấp trên');

    // Locked, the record reads back: the proposal marked as taken in, the measures with owner and deadline.
    await openSection(page, 'opinions', 'Ý kiến');
    const opinions = await page.getByTestId('opinions-view').locator('li').allInnerTexts();
    assert.equal(opinions.length, 3);
    assert.deepEqual(opinions.map((o) => o.includes('Được tiếp thu')), [false, true, false], JSON.stringify(opinions));
    assert.ok(opinions[1].includes(people.member) && opinions[1].includes(PROPOSAL), opinions[1]);
    await openSection(page, 'conclusion', 'Kết luận & biểu quyết');
    const tasks = await page.getByTestId('tasks-view').innerText();
    for (const m of the.measures) assert.ok(tasks.includes(`${m.owner} · hạn ${m.deadline}`), `${m.description}: ${tasks}`);
    const saved = await get('bithu.thondong', `/meetings/${meeting.id}`);
    assert.deepEqual(saved.record.opinions.map((o) => o.accepted), [false, true, false]);
    assert.deepEqual(saved.tasks.map((t) => [t.description, t.assignee_name, vn(t.deadline)]),
        the.measures.map((m) => [m.description, m.owner, m.deadline]));
    assert.equal(saved.resolution_number, number);
    await shot(page, 'topics-15-meeting-reported-desktop');
    the.meeting = saved;
    the.resolutionNumber = number;
    assertNoPageErrors(page);
});

test('the thematic resolution, as DOCX through LibreOffice, names the topic, the proposal taken in and the measures', async () => {
    needs('resolutionNumber');
    const page = the.page;
    await openSection(page, 'documents', 'Biên bản & nghị quyết');
    const docx = await download(page, 'Nghị quyết DOCX', tmp);
    assert.equal(readFileSync(docx).subarray(0, 2).toString(), 'PK');
    const text = await pdfText(await docxToPdf(docx, tmp));
    const { present, expected } = the.meeting.record.counts;
    const lines = [
        'CHI BỘ THÔN ĐÔNG', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'NGHỊ QUYẾT CHUYÊN ĐỀ', TITLE, `Số ${the.resolutionNumber}`,
        `${CELL} tổ chức sinh hoạt chuyên đề “${TITLE}”. Có mặt ${present}/${expected} đồng chí đảng viên phải dự`,
        `Căn cứ ${DIRECTIVE};`, 'I. MỤC ĐÍCH, YÊU CẦU', ...PURPOSE, 'II. ĐÁNH GIÁ, NHẬN THỨC CỦA CHI BỘ', CONCLUSION,
        'III. NHIỆM VỤ, GIẢI PHÁP', `Nghị quyết tiếp thu ý kiến đóng góp của đồng chí ${the.people.member}:`, RESOLUTION,
        ...the.measures.map((m, i) => `${i + 1} ${m.description} ${m.owner} ${m.deadline}`),
        'IV. TỔ CHỨC THỰC HIỆN', `Nghị quyết chuyên đề được ${the.vote}.`, `${COMMUNE} (để b/c)`,
    ];
    for (const line of lines) assert.ok(text.includes(line), `resolution.docx → LibreOffice contains "${line}":\n${text}`);
    // The proposal taken in, in the member's words (it may wrap over lines).
    assert.ok(text.replace(/\s+/g, ' ').includes(`- ${PROPOSAL}`), `the proposal taken in is quoted:\n${text}`);
    assert.ok(!text.includes('DỰ THẢO'), 'no longer a draft');

    // The minutes (the server's PDF) mark the one opinion taken in.
    const minutes = await pdfText(await download(page, 'Biên bản PDF', tmp));
    assert.ok(minutes.includes(`Đồng chí ${the.people.member}: ${PROPOSAL} (được tiếp thu)`), minutes);
    assert.equal(minutes.split('(được tiếp thu)').length - 1, 1, 'one opinion taken in');
    assertNoPageErrors(page);
});

test("the cell's next regular meeting reviews the thematic resolution's measures", async () => {
    needs('measures', 'resolutionNumber');
    const { year, month } = the.meeting;
    const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
    // On the phone, the secretary reads the thematic meeting back, then opens next month's meeting from the cell's
    // calendar.
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await page.goto(`/meetings/${the.meeting.id}`);
    await meetingState(page, 'Đã báo cáo cấp trên');
    await openSection(page, 'opinions', 'Ý kiến');
    await page.getByTestId('opinions-view').locator('.opinion-accepted-tag').waitFor();
    await fitsPhone(page, 'the thematic meeting');
    await shot(page, 'topics-16-thematic-meeting-phone');
    await page.goto(`/organizations/${cellId}?tab=meetings`);
    await page.getByTestId('meeting-calendar').waitFor();
    await showYear(page, next.year);
    const row = page.getByTestId('meetings-table').locator(`tr[data-row-key="regular-${next.year}-${next.month}"]`);
    await row.getByTestId('meeting-create').or(row.getByTestId('meeting-open')).first().waitFor();
    if (await row.getByTestId('meeting-create').count()) {
        await row.getByTestId('meeting-create').click();
        await notice(page, `Đã lập cuộc họp sinh hoạt thường kỳ tháng ${next.month}/${next.year}`);
    }
    await row.getByTestId('meeting-open').click();
    await page.waitForURL(/\/meetings\/\d+/);
    await waitForTexts(page.getByTestId('meeting-title'), (t) => t[0] === `Sinh hoạt thường kỳ tháng ${next.month}/${next.year}`);

    // "Kiểm điểm nhiệm vụ tháng trước": the measures of the thematic resolution, with owner and deadline, to review.
    await openSection(page, 'conclusion', 'Kết luận & biểu quyết');
    const reviews = await waitForTexts(page.getByTestId('review-row'),
        (t) => the.measures.every((m) => t.some((r) => r.includes(m.description))), 'the thematic measures to review');
    for (const m of the.measures) {
        const r = reviews.find((x) => x.includes(m.description));
        assert.ok(r.includes(`${m.owner} · hạn ${m.deadline}`), `reviewed with its owner and deadline: ${r}`);
        assert.ok(r.includes('Nghị quyết chuyên đề'), `marked as the thematic resolution's measure: ${r}`);
    }
    const meetingId = Number(page.url().match(/meetings\/(\d+)/)[1]);
    const review = (await get('bithu.thondong', `/meetings/${meetingId}`)).review;
    const thematic = review.filter((t) => t.meeting_id === the.meeting.id);
    assert.deepEqual(thematic.map((t) => t.description).sort(), [...MEASURES].sort(), 'both measures, from the thematic meeting');
    await page.getByTestId('conclusion-editor').getByRole('heading', { name: 'Nhiệm vụ tháng tới' }).waitFor();
    await fitsPhone(page, "the next meeting's review");
    await shot(page, 'topics-16-next-meeting-review-phone');
    await page.getByTestId('review-row').filter({ hasText: MEASURES[0] }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300); // let the scroll settle
    await page.screenshot({ path: join(SHOTS, 'topics-16-next-meeting-review-phone-measures.png') });
    assertNoPageErrors(page);
});

test("the commune's quarter coverage shows the cell's topic held, resolved and reported, and counts it", async () => {
    needs('resolutionNumber');
    const coverage = await coverageOf();
    const before = the.coverageBefore;
    const item = coverage.items.find((i) => i.organization_id === cellId);
    assert.equal(item.topic_id, topicId);
    assert.equal(item.meeting_id, the.meeting.id);
    assert.ok(item.held && item.reported, 'held and reported');
    assert.equal(item.resolution_number, the.resolutionNumber);
    assert.deepEqual([coverage.held, coverage.resolved, coverage.reported, coverage.with_topic],
        [before.held + 1, before.resolved + 1, before.reported + 1, before.with_topic], 'the summary counts the meeting');
    const report = item.report_late ? 'Báo cáo muộn' : 'Đúng hạn';
    const figures = {
        topic: `Có chuyên đề: ${coverage.with_topic}/${coverage.cells_due} chi bộ`,
        held: `Đã sinh hoạt: ${coverage.held}/${coverage.cells_due} chi bộ`,
        resolved: `Có nghị quyết: ${coverage.resolved}/${coverage.cells_due} chi bộ`,
        on_time: `Báo cáo đúng hạn: ${coverage.reported - coverage.reported_late}/${coverage.cells_due} chi bộ`,
        late: `Báo cáo muộn: ${coverage.reported_late} chi bộ`,
    };
    const figuresShown = async (card, expected) => {
        for (const [key, text] of Object.entries(expected)) {
            await card.locator(`[data-testid="coverage-figure-${key}"][aria-label="${text}"]`).waitFor();
        }
    };

    for (const [viewport, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
        const page = await openPage(env, viewport);
        await login(page, 'xa.hoaan');
        await openTopicsTab(page, communeId);
        const card = page.getByTestId('topic-coverage');
        const row = card.locator(`[data-testid="coverage-row"][data-org="${cellId}"]`);
        await row.waitFor();
        await figuresShown(card, figures);
        assert.equal(await card.getByTestId('coverage-row').count(), coverage.cells_due, 'every cell due');
        const text = await row.innerText();
        for (const expected of [CELL, TITLE, 'Đã gửi đảng viên', vn(the.meeting.date), 'Đã sinh hoạt', the.resolutionNumber, report])
            assert.ok(text.includes(expected), `the row shows "${expected}":\n${text}`);
        assert.equal(await row.getByTestId('coverage-topic').getAttribute('href'), `/topics/${topicId}`);
        assert.equal(await row.getByTestId('coverage-meeting').getAttribute('href'), `/meetings/${the.meeting.id}`);
        const chosen = await card.getByTestId('coverage-chosen-item').allInnerTexts();
        assert.ok(chosen.some((t) => t.includes(TITLE) && t.includes('1 chi bộ')), `the orientation chosen: ${chosen}`);
        if (viewport === PHONE) await fitsPhone(page, 'the coverage card');
        await shot(page, `topics-17-commune-coverage-${name}`);
        await shotOfPart(page, card, `topics-17-commune-coverage-${name}-card`);

        if (viewport === DESKTOP) {
            // Another quarter through the picker: its own figures.
            const last = QUARTER === 1 ? { year: YEAR - 1, quarter: 4 } : { year: YEAR, quarter: QUARTER - 1 };
            const earlier = await coverageOf(last);
            if (last.year !== YEAR) await pickOption(page, card.getByTestId('coverage-year'), '', `Năm ${last.year}`);
            await card.getByTestId('coverage-quarter').getByText(`Quý ${last.quarter}`, { exact: true }).click();
            await figuresShown(card, { held: `Đã sinh hoạt: ${earlier.held}/${earlier.cells_due} chi bộ` });
            await waitForTexts(card.getByTestId('coverage-row'), (t) => t.length === earlier.cells_due, 'the earlier quarter\'s cells');

            // Back to this quarter, and from the row to the cell's meeting.
            if (last.year !== YEAR) await pickOption(page, card.getByTestId('coverage-year'), '', `Năm ${YEAR}`);
            await card.getByTestId('coverage-quarter').getByText(`Quý ${QUARTER}`, { exact: true }).click();
            await figuresShown(card, figures);
            await row.getByTestId('coverage-meeting').click();
            await page.waitForURL(new RegExp(`/meetings/${the.meeting.id}(\\?|$)`));
            await meetingState(page, 'Đã báo cáo cấp trên');
            assert.equal(await page.getByTestId('meeting-topic').innerText(), TITLE);
        }
        assertNoPageErrors(page);
    }
});

test("the secretary commends the preparer at year end; the cell's and the commune's reviews say so", async () => {
    needs('resolutionNumber');
    const NOTE = 'Chi ủy viên chuẩn bị chu đáo, số liệu cụ thể; nhiều đảng viên phát biểu.';
    const reviewOf = (user, orgId) => get(user, `/organizations/${orgId}/topic-review?year=${YEAR}`);
    const preparerRow = (review) =>
        review.preparers.find((p) => p.organization_id === cellId && p.preparer.member_id === the.preparer.member_id);
    const before = preparerRow(await reviewOf('xa.hoaan', communeId));
    assert.ok(before, 'the commune reviews the preparer');

    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await page.goto(`/topics/${topicId}`);
    await page.getByTestId('topic-page').waitFor();
    // The workflow ends at "Đã gửi đảng viên"; the page says the meeting went on to its resolution.
    const held = page.getByTestId('topic-held');
    await held.waitFor();
    assert.equal(await held.innerText(), `Đã sinh hoạt ngày ${vn(the.meeting.date)} — Nghị quyết số ${the.resolutionNumber}`);
    assert.equal(await held.getAttribute('href'), `/meetings/${the.meeting.id}`);

    // From there to the meeting, whose roll call says the session's length against its minimum (the thematic meeting
    // alone: 150 minutes against 90; held on the day of the month's regular meeting: the combined session's).
    const { session } = (await get('bithu.thondong', `/meetings/${the.meeting.id}`)).record;
    await held.click();
    await page.waitForURL(new RegExp(`/meetings/${the.meeting.id}(\\?|$)`));
    await openSection(page, 'roll', 'Điểm danh');
    const length = page.getByTestId('meeting-session');
    await length.waitFor();
    if (session.combined) {
        assert.ok((await length.innerText()).startsWith(
            `Buổi sinh hoạt kết hợp thường kỳ và chuyên đề: ${session.minutes} phút (tối thiểu ${session.min_minutes})`));
        assert.equal(await length.getByTestId('meeting-session-partner').getAttribute('href'), `/meetings/${session.partner_id}`);
    } else {
        assert.equal(session.minutes, 150, `${STARTED}–${ENDED}`);
        assert.equal(await length.innerText(), `Thời lượng: 150 phút (tối thiểu ${session.min_minutes})`);
    }
    await fitsPhone(page, 'the roll call with the session');
    await length.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `topics-18-session-${session.combined ? 'combined' : 'alone'}-phone.png`) });
    await page.goto(`/topics/${topicId}`);
    await page.getByTestId('topic-page').waitFor();

    const section = page.getByTestId('topic-assessment');
    const form = section.getByTestId('topic-assessment-form');
    await section.getByTestId('topic-assess-save').click();
    await fieldError(form, 'Đánh giá người, tổ đảng chuẩn bị và buổi sinh hoạt')
        .filter({ hasText: 'Vui lòng chọn Biểu dương hoặc Rút kinh nghiệm.' }).waitFor();
    await fieldError(form, 'Nội dung biểu dương hoặc bài học kinh nghiệm').filter({ hasText: 'Vui lòng ghi nội dung đánh giá.' }).waitFor();
    await section.getByTestId('topic-assessment-choice').getByText('Biểu dương', { exact: true }).click();
    await section.getByTestId('topic-assessment-text').fill(NOTE);
    await fitsPhone(page, 'the assessment form');
    await section.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'topics-18-assessment-form-phone.png') });
    await section.getByTestId('topic-assess-save').click();
    await notice(page, 'Đã lưu đánh giá');
    await section.getByTestId('topic-assessment-label').filter({ hasText: 'Biểu dương' }).waitFor();
    assert.equal(await section.getByTestId('topic-assessment-note').innerText(), NOTE);
    const topic = await get('bithu.thondong', `/topics/${topicId}`);
    assert.deepEqual([topic.assessment, topic.assessment_label, topic.assessment_note], ['commendation', 'Biểu dương', NOTE]);
    await fitsPhone(page, 'the topic page with its assessment');
    await shot(page, 'topics-18-assessment-phone');

    // The cell's year-end review: the topic's line on a phone.
    await openTopicsTab(page, cellId);
    const cellCard = page.getByTestId('topic-review');
    const cellRow = cellCard.locator(`[data-testid="review-row"][data-topic="${topicId}"]`);
    await cellRow.getByTestId('review-assessment').filter({ hasText: 'Biểu dương' }).waitFor();
    const cellReview = await reviewOf('bithu.thondong', cellId);
    const item = cellReview.items.find((i) => i.topic_id === topicId);
    assert.ok(item.held && item.assessment === 'commendation', 'held and commended');
    const timeliness = item.held_late || item.draft_late ? 'Muộn' : 'Đúng hạn';
    const measures = `${item.measures_done}/${item.measures}`;
    const phoneText = await cellRow.innerText();
    for (const expected of [`Quý ${QUARTER}`, TITLE, the.preparer.member_name, `Đã sinh hoạt ${vn(the.meeting.date)}`, timeliness,
        `${item.present} dự, ${item.speakers} phát biểu`, `Nhiệm vụ hoàn thành: ${measures}`, 'Biểu dương', NOTE])
        assert.ok(phoneText.includes(expected), `the cell's review shows "${expected}":\n${phoneText}`);
    assert.equal(await cellRow.getByTestId('review-topic').getAttribute('href'), `/topics/${topicId}`);
    await fitsPhone(page, "the cell's year-end review");
    await shotOfPart(page, cellCard, 'topics-19-cell-review-phone-card');
    assertNoPageErrors(page);

    // The commune, on a desktop: the same line, and the preparer counted once more as commended.
    const after = preparerRow(await reviewOf('xa.hoaan', communeId));
    assert.equal(after.commendations, before.commendations + 1, 'one more commendation');
    const desk = await openPage(env, DESKTOP);
    await login(desk, 'xa.hoaan');
    await openTopicsTab(desk, communeId);
    const card = desk.getByTestId('topic-review');
    const row = card.locator(`[data-testid="review-row"][data-topic="${topicId}"]`);
    await row.getByTestId('review-assessment').filter({ hasText: 'Biểu dương' }).waitFor();
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(cells.slice(0, 3), [CELL, String(QUARTER), `${TITLE}\nĐồng chí ${the.preparer.member_name} (chi ủy viên)`]);
    assert.equal(cells[3], `Đã ${vn(the.meeting.date)}`);
    assert.ok(cells[4].startsWith(timeliness), cells[4]);
    assert.deepEqual(cells.slice(5, 7), [`${item.present} / ${item.speakers}`, measures]);
    assert.ok(cells[7].includes('Biểu dương') && cells[7].includes(NOTE), cells[7]);
    const preparers = card.getByTestId('review-preparers');
    const preparer = preparers.locator(`[data-testid="review-preparer-row"][data-org="${cellId}"]`)
        .filter({ hasText: the.preparer.member_name });
    assert.equal(await preparer.count(), 1, 'one line for the preparer');
    const counts = (await preparer.locator('td').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(counts, [CELL, `Đồng chí ${the.preparer.member_name} (chi ủy viên)`, String(after.topics), String(after.held),
        String(after.on_time), String(after.speakers), after.measures ? `${after.measures_done}/${after.measures}` : '—',
        String(after.commendations), String(after.lessons)]);
    await shot(desk, 'topics-20-commune-review-desktop');
    await shotOfPart(desk, card, 'topics-20-commune-review-desktop-card');
    assertNoPageErrors(desk);
});

test('the commune attaches its directive to the orientation; the secretary reads it and uploads a draft written in Word', async () => {
    const commune = await openPage(env, DESKTOP);
    await login(commune, 'xa.hoaan');
    await openTopicsTab(commune, communeId);
    const card = commune.getByTestId('orientation').filter({ hasText: TITLE });
    const directive = 'Kết luận 15-KL-ĐU.pdf';
    await card.getByTestId('orientation-files').locator('input[type=file]').setInputFiles({
        name: directive, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 Kết luận 15-KL/ĐU'),
    });
    await notice(commune, `Đã tải lên ${directive}`);
    await card.getByTestId('orientation-files-row').filter({ hasText: directive }).waitFor();
    assertNoPageErrors(commune);

    // The secretary, on a phone, sees the directive with the orientation and downloads it.
    const page = await openPage(env, PHONE);
    await login(page, 'bithu.thondong');
    await openTopicsTab(page, cellId);
    const row = page.getByTestId('cell-orientations').getByTestId('orientation').filter({ hasText: TITLE })
        .getByTestId('orientation-files-row').filter({ hasText: directive });
    await row.waitFor();
    assert.equal(await page.getByTestId('cell-orientations').getByTestId('orientation-files-upload').count(), 0,
        'a cell does not attach to its superior’s orientation');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link').first().click()]);
    assert.equal(download.suggestedFilename(), directive);
    await fitsPhone(page, 'the orientation with its directive');

    // The cell's other topic, still in drafting: a draft written in Word becomes its next version.
    const plan = await get('bithu.thondong', `/organizations/${cellId}/topics?year=${YEAR}`);
    const drafting = plan.items.find((t) => t.state === 'drafting');
    assert.ok(drafting, 'the demo leaves a topic in drafting');
    await page.goto(`/topics/${drafting.id}`);
    const files = page.getByTestId('draft-files');
    await files.waitFor();
    await files.locator('input[type=file]').setInputFiles({
        name: 'Dự thảo chuyên đề.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from('PK\u0003\u0004 dự thảo'),
    });
    await notice(page, 'Đã tải lên Dự thảo chuyên đề.docx');
    const version = drafting.latest_version + 1;
    await files.getByTestId('draft-files-row').filter({ hasText: `Bản ${version}: Dự thảo chuyên đề.docx` }).waitFor();
    const after = await get('bithu.thondong', `/topics/${drafting.id}`);
    assert.equal(after.latest_version, version);
    assert.equal(after.state, 'drafting');
    await fitsPhone(page, 'the topic with an uploaded draft');
    await shot(page, 'topics-21-draft-uploaded-phone');
    assertNoPageErrors(page);
});
