// Thematic topics (sinh hoạt chuyên đề, HD 42) across three roles: the commune committee of Hòa An orients a topic
// for its cells → the secretary of Chi bộ Thôn Đông picks it, names a chi ủy member to prepare it, links the quarter's
// thematic meeting, writes a draft, saves a second version and sees the difference, submits it, is refused when the
// draft changed under the page, submits again, approves (the secretary holds a chi ủy seat) and sends it → a plain
// member, on a phone, reads the sent draft and leaves a comment → the secretary sees the comment, and the commune sees
// that one cell picked its orientation.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
    assertNoPageErrors, DESKTOP, fieldError, formControl, login, notice, openCell, openOrganization, openPage, PHONE,
    fitsPhone, pickOption, shot, setUp, SHOTS, todayVn, VIETNAMESE_LETTER,
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

let env;
const client = {};
before(async () => {
    env = await setUp();
    for (const user of ['xa.hoaan', 'bithu.thondong', 'dangvien.thondong']) {
        client[user] = new Client(env.server.base);
        assert.equal((await client[user].login(user)).status, 200, `${user} logs in`);
    }
});
after(async () => {
    await env?.tearDown();
});

async function get(user, path) {
    const r = await client[user].get(`/api/v1${path}`);
    assert.equal(r.status, 200, `${path}: ${r.text}`);
    return r.json;
}

// The organisation pages are long: the topics tab alone, to look at.
async function shotOfTab(page, name) {
    mkdirSync(SHOTS, { recursive: true });
    await page.getByTestId('org-tabs').screenshot({ path: join(SHOTS, `${name}-tab.png`) });
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
    await page.getByTestId('orientation-purpose').fill('Mỗi đảng viên, mỗi gia đình không lấn chiếm hành lang giao thông.\nVận động nhân dân cùng thực hiện.');
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
    await meeting.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    await option.click();
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
