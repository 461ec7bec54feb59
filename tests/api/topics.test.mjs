// Thematic topics (HD 42): the commune orients topics to its cells; a cell picks one or proposes its own,
// which the commune accepts or declines; the preparer drafts in versions, the chi ủy reviews and approves,
// the draft is sent to the members (late when less than a day before the meeting) and they comment.
// Wrong input writes nothing; other subtrees learn nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoWorld, MONTH, TODAY, YEAR } from '../lib/fixtures.mjs';
import { startServer } from '../lib/server.mjs';
import { checkedFetch } from '../lib/contract.mjs';

let server;
let commune;
let secretary;
let member;
let outsider;
let admin;
let hoaAn;
let thonDong;
let thonDoai;
let me;             // The member behind dangvien.thondong.
let secretaryId;    // The member behind bithu.thondong.
let tanLapCell;     // A cell of the other commune.
let partyGroup;     // A party group of Thôn Đông.
let regularId;      // A regular meeting Thôn Đông held.
const QUARTER = Math.floor((MONTH - 1) / 3) + 1;
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

let everywhere;   // An orientation to every cell of Hòa An.
let toThonDoai;   // One to Thôn Đoài only.
let picked;       // Thôn Đông's topic picked from `everywhere`.

before(async () => {
    server = await startServer();
    const world = await demoWorld(server, ['secretary', 'member', 'outsider', 'admin']);
    ({ commune, secretary, member, outsider, admin, hoaAn, thonDong, thonDoai } = world);
    me = world.me.member_id;
    secretaryId = (await secretary.get('/api/v1/auth/me')).json.user.member_id;
    assert.ok(me && secretaryId, 'the demo accounts of Thôn Đông are linked to members');
    tanLapCell = (await outsider.get('/api/v1/organizations/tree?depth=1')).json.roots[0].children[0];
    partyGroup = (await secretary.get(`/api/v1/organizations/${thonDong.id}`)).json.party_groups[0];
    assert.ok(partyGroup, 'Thôn Đông has party groups');
    for (const year of [YEAR, YEAR - 1]) {  // The demo holds the twelve months before last month.
        regularId ??= (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=${year}`)).json.items
            .find((m) => m.kind === 'regular' && m.id !== null)?.id;
    }
    assert.ok(regularId, 'Thôn Đông held regular meetings in the past year');
});
after(async () => { await server.stop(); });

const orientationsOf = async (client, org) =>
    (await client.get(`/api/v1/organizations/${org}/topic-orientations?year=${YEAR}`));
const planOf = async (client, cell, year = YEAR) => (await client.get(`/api/v1/organizations/${cell}/topics?year=${year}`));
const audit = async (entity) => (await admin.get(`/api/v1/audit?page_size=200&entity=${entity}`)).json.items;

test('a committee orients topics to all its cells or chosen ones; wrong input and other subtrees write nothing', async () => {
    const url = `/api/v1/organizations/${hoaAn.id}/topic-orientations`;
    const before = (await orientationsOf(commune, hoaAn.id)).json.items.length;
    const title = 'Phân loại rác thải sinh hoạt tại nguồn';
    for (const [body, field] of [
        [{ title }, 'year'], [{ year: 1999, title }, 'year'], [{ year: YEAR, title: '  ' }, 'title'], [{ year: YEAR }, 'title'],
        [{ year: YEAR, title, quarter: 5 }, 'quarter'], [{ year: YEAR, title, directive: 'x'.repeat(301) }, 'directive'],
        [{ year: YEAR, title, cell_ids: [hoaAn.id] }, 'cells'], [{ year: YEAR, title, cell_ids: [tanLapCell.id] }, 'cells'],
        [{ year: YEAR, title, cell_ids: ['Thôn Đông'] }, 'cell_ids'],
    ]) {
        const r = await commune.post(url, body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.json.error.field, field, JSON.stringify(body));
        assert.match(r.json.error.message, VIETNAMESE);
    }
    assert.equal((await commune.post(url, 'không phải JSON')).status, 400);
    const ok = { year: YEAR, quarter: QUARTER, title, purpose: 'Nâng cao ý thức bảo vệ môi trường\ncủa đảng viên và nhân dân.',
        directive: 'Chỉ thị 02-CT/HU' };
    assert.equal((await outsider.post(url, ok)).status, 404, 'another commune learns nothing');
    assert.equal((await secretary.post(url, ok)).status, 404, 'a cell secretary does not see the commune');
    assert.equal((await secretary.post(`/api/v1/organizations/${thonDong.id}/topic-orientations`, ok)).status, 400,
        'a cell does not orient');
    assert.equal((await member.post(`/api/v1/organizations/${thonDong.id}/topic-orientations`, ok)).status, 403);
    assert.equal((await orientationsOf(commune, hoaAn.id)).json.items.length, before, 'nothing written');

    const r = await commune.post(url, ok);
    assert.equal(r.status, 201, r.text);
    everywhere = r.json;
    assert.equal(everywhere.all_cells, true);
    assert.equal(everywhere.organization_name, 'Đảng bộ xã Hòa An');
    assert.equal(everywhere.purpose, ok.purpose, 'line breaks kept');
    assert.equal(everywhere.quarter, QUARTER);
    const chosen = await commune.post(url, { year: YEAR, title: 'Hành lang an toàn giao thông', cell_ids: [thonDoai.id, thonDoai.id] });
    assert.equal(chosen.status, 201, chosen.text);
    toThonDoai = chosen.json;
    assert.equal(toThonDoai.quarter, null);
    assert.deepEqual(toThonDoai.cells, [{ id: thonDoai.id, name: thonDoai.name }]);

    const fromCommune = (await orientationsOf(commune, hoaAn.id)).json;
    assert.equal(fromCommune.can_publish, true);
    assert.deepEqual(fromCommune.items.slice(0, 2).map((o) => o.id), [toThonDoai.id, everywhere.id], 'newest first');
    const fromCell = (await orientationsOf(secretary, thonDong.id)).json;
    assert.equal(fromCell.can_publish, false);
    const seen = fromCell.items.map((o) => o.id);
    assert.ok(seen.includes(everywhere.id), 'an orientation to every cell reaches Thôn Đông');
    assert.ok(!seen.includes(toThonDoai.id), 'one to Thôn Đoài does not');
    assert.ok((await orientationsOf(commune, thonDoai.id)).json.items.some((o) => o.id === toThonDoai.id));
    assert.equal((await orientationsOf(member, thonDong.id)).status, 200, 'members see what their cell is oriented to');
    assert.equal((await orientationsOf(outsider, hoaAn.id)).status, 404);
    assert.ok(!(await orientationsOf(outsider, tanLapCell.id)).json.items.some((o) => o.id === everywhere.id));
    assert.equal((await commune.get(`/api/v1/organizations/${hoaAn.id}/topic-orientations?year=năm`)).status, 400);

    const logged = await audit('topic_orientation');
    assert.deepEqual(logged.filter((a) => [everywhere.id, toThonDoai.id].includes(a.entity_id)).map((a) => a.action),
        ['topic_orientation.create', 'topic_orientation.create']);
});

test('the cell picks an orientation or proposes its own topic; the commune accepts or declines it', async () => {
    const url = `/api/v1/organizations/${thonDong.id}/topics`;
    const planBefore = (await planOf(secretary, thonDong.id)).json.items.length;
    const r = await secretary.post(url, { orientation_id: everywhere.id, preparer: { kind: 'committee_member', member_id: secretaryId } });
    assert.equal(r.status, 201, r.text);
    picked = r.json;
    assert.equal(picked.state, 'planned', 'oriented from above: accepted at once');
    assert.equal(picked.title, everywhere.title);
    assert.equal(picked.directive, 'Chỉ thị 02-CT/HU');
    assert.equal(picked.quarter, QUARTER);
    assert.equal(picked.orientation_title, everywhere.title);
    assert.deepEqual(picked.preparer, { kind: 'committee_member', member_id: secretaryId, party_group_id: null,
        name: picked.preparer.name });
    assert.ok(picked.preparer.name.length > 0);
    assert.equal(picked.can_draft, true);
    const twice = await secretary.post(url, { orientation_id: everywhere.id });
    assert.equal(twice.status, 409);
    assert.equal(twice.json.error.field, 'orientation_id');
    const notOurs = await secretary.post(url, { orientation_id: toThonDoai.id, quarter: 1 });
    assert.equal(notOurs.status, 400);
    assert.equal(notOurs.json.error.field, 'orientation_id');
    const fromCell = (await orientationsOf(secretary, thonDong.id)).json.items.find((o) => o.id === everywhere.id);
    assert.equal(fromCell.topic_id, picked.id);
    assert.equal(fromCell.picked, 1);

    const title = 'Giữ gìn vệ sinh môi trường, xây dựng thôn sáng, xanh, sạch, đẹp';
    for (const [body, field] of [
        [{ title }, 'quarter'], [{ title, quarter: 5 }, 'quarter'], [{ quarter: 1, title: '' }, 'title'],
        [{ quarter: 1, title, year: 1999 }, 'year'],
        [{ quarter: 1, title, preparer: { kind: 'boss' } }, 'preparer.kind'],
        [{ quarter: 1, title, preparer: { kind: 'committee_member' } }, 'preparer.member_id'],
        [{ quarter: 1, title, preparer: { kind: 'committee_member', member_id: me } }, 'preparer.member_id'],
        [{ quarter: 1, title, preparer: { kind: 'committee_member', member_id: 'một' } }, 'preparer.member_id'],
        [{ quarter: 1, title, preparer: { kind: 'party_group', party_group_id: thonDoai.id } }, 'preparer.party_group_id'],
        [{ quarter: 1, title, preparer: { kind: 'superior_official', name: ' ' } }, 'preparer.name'],
        [{ quarter: 1, title, meeting_id: regularId }, 'meeting_id'],
        [{ quarter: 1, title, meeting_id: 99999999 }, 'meeting_id'],
    ]) {
        const bad = await secretary.post(url, body);
        assert.equal(bad.status, 400, JSON.stringify(body));
        assert.equal(bad.json.error.field, field, JSON.stringify(body));
        assert.match(bad.json.error.message, VIETNAMESE);
    }
    const own = { year: YEAR, quarter: QUARTER, title, preparer: { kind: 'party_group', party_group_id: partyGroup.id } };
    assert.equal((await member.post(url, own)).status, 403);
    assert.equal((await outsider.post(url, own)).status, 404);
    assert.equal((await secretary.post(`/api/v1/organizations/${hoaAn.id}/topics`, own)).status, 404);
    assert.equal((await commune.post(`/api/v1/organizations/${hoaAn.id}/topics`, own)).status, 400, 'a commune has no plan');
    assert.equal((await planOf(secretary, thonDong.id)).json.items.length, planBefore + 1, 'nothing written');

    const proposed = (await secretary.post(url, own)).json;
    assert.equal(proposed.state, 'proposed');
    assert.equal(proposed.preparer.name, partyGroup.name);
    assert.equal(proposed.can_draft, false);
    assert.equal(proposed.can_decide, false, 'the cell does not decide its own proposal');
    const waiting = (await commune.get(`/api/v1/organizations/${hoaAn.id}/topic-proposals`)).json.items;
    assert.ok(waiting.some((t) => t.id === proposed.id && t.organization_name === 'Chi bộ Thôn Đông'));
    assert.equal((await secretary.get(`/api/v1/organizations/${thonDong.id}/topic-proposals`)).json.items.length, 0);
    assert.equal((await secretary.get(`/api/v1/organizations/${hoaAn.id}/topic-proposals`)).status, 404);
    assert.equal((await member.get(`/api/v1/organizations/${thonDong.id}/topic-proposals`)).status, 403);
    assert.equal((await secretary.post(`/api/v1/topics/${proposed.id}/drafts`, { text: 'Dự thảo' })).status, 409,
        'not drafted before it is accepted');

    assert.equal((await secretary.post(`/api/v1/topics/${proposed.id}/accept`)).status, 403);
    assert.equal((await outsider.post(`/api/v1/topics/${proposed.id}/accept`)).status, 404);
    const noReason = await commune.post(`/api/v1/topics/${proposed.id}/decline`, { reason: ' ' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.json.error.field, 'reason');
    assert.equal((await commune.get(`/api/v1/topics/${proposed.id}`)).json.can_decide, true);
    const accepted = await commune.post(`/api/v1/topics/${proposed.id}/accept`);
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal(accepted.json.state, 'planned');
    assert.equal(accepted.json.decided_by, 'xa.hoaan');
    assert.equal((await commune.post(`/api/v1/topics/${proposed.id}/accept`)).status, 409);

    const other = (await secretary.post(url, { ...own, quarter: 1, title: 'Chuyên đề chưa phù hợp' })).json;
    const declined = await commune.post(`/api/v1/topics/${other.id}/decline`, { reason: 'Trùng chuyên đề của Đảng ủy xã' });
    assert.equal(declined.status, 200);
    assert.equal(declined.json.state, 'declined');
    assert.equal(declined.json.decline_reason, 'Trùng chuyên đề của Đảng ủy xã');

    // The plan: the quarter has accepted topics; a year with none misses every thematic quarter.
    const plan = (await planOf(member, thonDong.id)).json;
    assert.deepEqual(plan.thematic_months, [3, 6, 9, 12]);
    assert.ok(!plan.quarters_without_topic.includes(QUARTER));
    assert.equal(plan.can_write, false);
    assert.ok(plan.items.some((t) => t.id === proposed.id));
    const nextYear = (await planOf(secretary, thonDong.id, YEAR + 1)).json;
    assert.deepEqual(nextYear.quarters_without_topic, [1, 2, 3, 4]);
    assert.equal(nextYear.can_write, true);
    assert.equal((await planOf(secretary, hoaAn.id)).status, 404);
    assert.equal((await planOf(commune, hoaAn.id)).status, 400, 'a commune has no plan');
    assert.equal((await planOf(outsider, thonDong.id)).status, 404);

    const actions = (await audit('topic')).filter((a) => [picked.id, proposed.id, other.id].includes(a.entity_id))
        .map((a) => a.action).sort();
    assert.deepEqual(actions, ['topic.accept', 'topic.create', 'topic.decline', 'topic.propose', 'topic.propose']);
});

test('the draft is written in versions, compared, approved by the chi ủy only, and sent; then members comment', async () => {
    const topic = (path = '') => `/api/v1/topics/${picked.id}${path}`;
    assert.equal((await member.get(topic())).json.draft, null);
    assert.equal((await member.post(topic('/drafts'), { text: 'Dự thảo' })).status, 403);
    assert.equal((await outsider.post(topic('/drafts'), { text: 'Dự thảo' })).status, 404);
    for (const body of [{ text: '  \n ' }, {}, { text: 42 }]) {
        const bad = await secretary.post(topic('/drafts'), body);
        assert.equal(bad.status, 400, JSON.stringify(body));
        assert.equal(bad.json.error.field, 'text');
    }
    assert.equal((await secretary.get(topic())).json.latest_version, 0, 'nothing written');

    const v1 = await secretary.post(topic('/drafts'), { text: 'I. Mục đích\nII. Nội dung\nIII. Tổ chức thực hiện\n' });
    assert.equal(v1.status, 201, v1.text);
    assert.equal(v1.json.number, 1);
    const v2 = (await secretary.post(topic('/drafts'), { text: 'I. Mục đích, yêu cầu\nII. Nội dung\nIII. Tổ chức thực hiện' })).json;
    assert.equal(v2.number, 2);
    const drafting = (await secretary.get(topic())).json;
    assert.equal(drafting.state, 'drafting');
    assert.deepEqual(drafting.versions.map((v) => v.number), [1, 2]);
    assert.equal(drafting.draft.number, 2);
    assert.equal((await secretary.get(topic('/drafts/1'))).json.text, 'I. Mục đích\nII. Nội dung\nIII. Tổ chức thực hiện');
    assert.equal((await secretary.get(topic('/drafts/9'))).status, 404);
    const diff = (await secretary.get(topic('/diff?from=1&to=2'))).json;
    assert.deepEqual(diff.lines.map((l) => [l.op, l.text, l.old_line, l.new_line]), [
        ['removed', 'I. Mục đích', 1, null], ['added', 'I. Mục đích, yêu cầu', null, 1],
        ['same', 'II. Nội dung', 2, 2], ['same', 'III. Tổ chức thực hiện', 3, 3]]);
    assert.equal((await secretary.get(topic('/diff?from=1'))).json.error.field, 'to');
    assert.equal((await secretary.get(topic('/diff?from=1&to=9'))).status, 404);
    assert.equal((await member.get(topic('/diff?from=1&to=2'))).status, 404, 'members do not read drafts before they are sent');
    assert.equal((await member.get(topic('/drafts/1'))).status, 404);

    // Only an approved draft is sent; only a submitted one is approved.
    assert.equal((await secretary.post(topic('/send'))).status, 409);
    assert.equal((await secretary.post(topic('/approve'))).status, 409);
    assert.equal((await member.post(topic('/submit'))).status, 403);
    const submitted = (await secretary.post(topic('/submit'))).json;
    assert.equal(submitted.state, 'submitted');
    assert.ok(submitted.submitted_at);
    assert.equal((await commune.post(topic('/approve'))).status, 403, 'writing the cell is not sitting on its chi ủy');
    assert.equal((await member.post(topic('/approve'))).status, 403);
    const early = await member.post(topic('/comments'), { text: 'Tôi đồng ý' });
    assert.equal(early.status, 409, 'members comment only once the draft is sent');
    assert.equal((await commune.post(topic('/comments'), { text: 'Góp ý' })).status, 403);
    const review = await secretary.post(topic('/comments'), { text: 'Bổ sung số liệu thu gom rác của thôn.' });
    assert.equal(review.status, 201, review.text);
    assert.equal(review.json.kind, 'review');
    assert.equal(review.json.version, 2);
    assert.equal(review.json.member_id, secretaryId);
    const approved = await secretary.post(topic('/approve'));
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.json.state, 'approved');
    assert.equal(approved.json.approved_version, 2);
    assert.equal(approved.json.approved_by, 'bithu.thondong');

    // A new version after approval needs approving again.
    const v3 = (await secretary.post(topic('/drafts'), { text: 'I. Mục đích, yêu cầu\nII. Nội dung: số liệu thu gom\nIII. Tổ chức thực hiện' })).json;
    assert.equal(v3.number, 3);
    const back = (await secretary.get(topic())).json;
    assert.equal(back.state, 'drafting');
    assert.equal(back.approved_version, null);
    assert.equal((await secretary.post(topic('/send'))).status, 409);
    await secretary.post(topic('/submit'));
    const locked = await secretary.put(topic(), { title: 'Tên khác', quarter: QUARTER });
    assert.equal(locked.status, 409, 'a submitted topic keeps its subject');
    assert.equal(locked.json.error.field, 'title');
    assert.equal((await secretary.post(topic('/approve'))).json.approved_version, 3);

    // Link the quarter's thematic meeting, then send.
    const month = QUARTER * 3;
    let meeting = await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind: 'thematic', year: YEAR, month });
    if (meeting.status === 409) {
        meeting = { json: (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=${YEAR}`)).json.items
            .find((m) => m.kind === 'thematic' && m.month === month) };
    }
    assert.ok(meeting.json.id, 'the quarter has a thematic meeting');
    const badLink = await secretary.put(topic(), { title: picked.title, directive: picked.directive, purpose: picked.purpose,
        quarter: QUARTER, meeting_id: regularId });
    assert.equal(badLink.status, 400);
    assert.equal(badLink.json.error.field, 'meeting_id');
    const linked = await secretary.put(topic(), { title: picked.title, directive: picked.directive, purpose: picked.purpose,
        quarter: QUARTER, meeting_id: meeting.json.id, preparer: { kind: 'superior_official', name: 'Đồng chí Lê Văn Bình' } });
    assert.equal(linked.status, 200, linked.text);
    assert.equal(linked.json.meeting_date, meeting.json.date);
    assert.equal(linked.json.preparer.name, 'Đồng chí Lê Văn Bình');
    const sent = await secretary.post(topic('/send'));
    assert.equal(sent.status, 200, sent.text);
    assert.equal(sent.json.state, 'sent');
    assert.equal(sent.json.sent_version, 3);
    // Late when it reached members less than 24 hours before the meeting's start (Vietnam time, UTC+7).
    const start = Date.parse(`${meeting.json.date}T${meeting.json.start_time}:00+07:00`);
    assert.equal(sent.json.late, start - Date.parse(sent.json.sent_at) < 24 * 3600 * 1000);
    assert.equal((await secretary.post(topic('/drafts'), { text: 'Sửa sau khi gửi' })).status, 409);
    assert.equal((await secretary.put(topic(), { title: picked.title, quarter: QUARTER })).status, 409);

    // Members read the sent version only, and comment on it.
    const read = (await member.get(topic())).json;
    assert.equal(read.draft.number, 3);
    assert.deepEqual(read.versions.map((v) => v.number), [3]);
    assert.equal(read.comments.length, 0, 'a member does not see the chi ủy review');
    assert.equal(read.can_comment, true);
    assert.equal((await member.get(topic('/drafts/3'))).status, 200);
    assert.equal((await member.get(topic('/drafts/2'))).status, 404);
    assert.equal((await member.post(topic('/comments'), { text: ' ' })).json.error.field, 'text');
    const comment = await member.post(topic('/comments'), { text: 'Đề nghị mỗi hộ có hai thùng rác phân loại.' });
    assert.equal(comment.status, 201, comment.text);
    assert.equal(comment.json.kind, 'member');
    assert.equal(comment.json.version, 3);
    assert.equal(comment.json.member_id, me);
    assert.equal((await outsider.get(topic())).status, 404);
    assert.equal((await outsider.post(topic('/comments'), { text: 'Góp ý' })).status, 404);
    const all = (await secretary.get(topic())).json.comments;
    assert.deepEqual(all.map((c) => [c.kind, c.author]), [['review', 'bithu.thondong'], ['member', 'dangvien.thondong']]);
    assert.ok(all.every((c) => c.author_name && c.created_at));
    assert.deepEqual((await member.get(topic())).json.comments.map((c) => c.id), [comment.json.id]);

    const actions = (await audit('topic')).filter((a) => a.entity_id === picked.id).map((a) => a.action);
    for (const action of ['topic.draft', 'topic.submit', 'topic.approve', 'topic.send', 'topic.comment', 'topic.update'])
        assert.ok(actions.includes(action), action);
});

test('the demo has an orientation of Hòa An for this year and Thôn Đông drafting its topic', async () => {
    const oriented = (await orientationsOf(secretary, thonDong.id)).json.items.find((o) => o.created_by === 'xa.hoaan'
        && o.id !== everywhere.id);
    assert.ok(oriented, 'the demo orientation reaches Thôn Đông');
    assert.equal(oriented.all_cells, true);
    const drafting = (await planOf(secretary, thonDong.id)).json.items.find((t) => t.orientation_id === oriented.id);
    assert.equal(drafting.state, 'drafting');
    assert.equal(drafting.latest_version, 2);
    assert.equal(drafting.preparer.kind, 'committee_member');
    const detail = (await secretary.get(`/api/v1/topics/${drafting.id}`)).json;
    assert.deepEqual(detail.versions.map((v) => v.number), [1, 2]);
    assert.equal(detail.comments[0].kind, 'review');
    const diff = (await secretary.get(`/api/v1/topics/${drafting.id}/diff?from=1&to=2`)).json;
    assert.equal(diff.lines.filter((l) => l.op === 'added').length, 2);
    assert.equal(diff.lines.filter((l) => l.op === 'removed').length, 0);
    assert.equal((await member.get(`/api/v1/topics/${drafting.id}`)).json.draft, null, 'not sent to members yet');
});

test('the commune sees per quarter which cells held their thematic meeting, resolved it and reported it', async () => {
    // The last quarter that is over: the demo held its thematic meetings then (most cells, most months).
    const last = QUARTER === 1 ? { year: YEAR - 1, quarter: 4 } : { year: YEAR, quarter: QUARTER - 1 };
    const r = await commune.get(`/api/v1/organizations/${hoaAn.id}/topic-coverage?year=${last.year}&quarter=${last.quarter}`);
    assert.equal(r.status, 200, r.text);
    const c = r.json;
    assert.equal(c.cells_due, c.items.length);
    assert.ok(c.items.some((i) => i.organization_id === thonDong.id), 'Thôn Đông is one of the cells');
    assert.ok(c.items.every((i) => i.organization_id !== hoaAn.id), 'only cells');
    const count = (f) => c.items.filter(f).length;
    assert.equal(c.held, count((i) => i.held));
    assert.equal(c.resolved, count((i) => i.resolution_number !== ''));
    assert.equal(c.reported, count((i) => i.reported));
    assert.equal(c.reported_late, count((i) => i.report_late));
    assert.equal(c.with_topic, count((i) => i.topic_id !== null));
    assert.ok(c.held >= c.items.length / 2, `the demo held most thematic meetings (${c.held}/${c.items.length})`);
    for (const i of c.items.filter((x) => x.resolution_number)) {
        assert.match(i.resolution_number, /^\d{2}-NQ\/CB$/);
        assert.ok(i.held, 'a resolution comes from a held meeting');
    }
    // Each item's meeting is a thematic meeting of that cell, of a month of the quarter.
    for (const i of c.items.filter((x) => x.meeting_id).slice(0, 3)) {
        const m = (await commune.get(`/api/v1/meetings/${i.meeting_id}`)).json;
        assert.equal(m.kind, 'thematic');
        assert.equal(m.organization_id, i.organization_id);
        assert.equal(Math.floor((m.month - 1) / 3) + 1, last.quarter);
    }

    // This quarter: Thôn Đông's topic picked from the commune's orientation is its topic, and the orientation
    // is counted among those chosen.
    const now = (await commune.get(`/api/v1/organizations/${hoaAn.id}/topic-coverage`)).json;
    assert.equal(now.year, YEAR);
    assert.equal(now.quarter, QUARTER);
    const dong = now.items.find((i) => i.organization_id === thonDong.id);
    assert.ok(dong.topic_id, 'Thôn Đông has a topic this quarter');
    assert.ok(now.orientations_chosen.every((o) => o.cells >= 1 && o.title));
    assert.ok(now.orientations_chosen.some((o) => o.orientation_id === picked.orientation_id), 'the picked orientation');

    // Its thematic meeting carries the topic, and the meeting's resolution is the thematic resolution.
    assert.ok(dong.meeting_id, 'the topic was linked to the quarter’s thematic meeting');
    const meeting = (await secretary.get(`/api/v1/meetings/${dong.meeting_id}`)).json;
    assert.equal(meeting.topic.id, dong.topic_id);
    assert.equal(meeting.topic.title, dong.topic_title);
    const html = await (await fetch(`${server.base}/api/v1/meetings/${dong.meeting_id}/documents/resolution.html`,
        { headers: { Cookie: secretary.cookie } })).text();
    assert.match(html, /NGHỊ QUYẾT CHUYÊN ĐỀ/);
    assert.ok(html.includes(dong.topic_title), 'the topic is the resolution’s subject');
    assert.match(html, /MỤC ĐÍCH, YÊU CẦU/);
    assert.match(html, /NHIỆM VỤ, GIẢI PHÁP/);

    // At the meeting the secretary records who spoke and which proposals are taken into the final text.
    const roll = (await secretary.get(`/api/v1/meetings/${dong.meeting_id}/roll`)).json.items;
    const attendance = roll.map((a) => ({ member_id: a.member_id, presence: a.presence, reason: a.reason }));
    const speakers = roll.filter((a) => a.presence === 'present').slice(0, 2);
    const held = await secretary.put(`/api/v1/meetings/${dong.meeting_id}/record`, {
        attendance,
        opinions: [
            { speaker_id: speakers[0].member_id, summary: 'Đề nghị mỗi hộ có hai thùng rác phân loại.', accepted: true },
            { speaker_id: speakers[1].member_id, summary: 'Cần thêm thời gian tuyên truyền.' },
        ],
    });
    assert.equal(held.status, 200, held.text);
    assert.deepEqual(held.json.record.opinions.map((o) => o.accepted), [true, false]);
    const bad = await secretary.put(`/api/v1/meetings/${dong.meeting_id}/record`, {
        opinions: [{ speaker_id: speakers[0].member_id, summary: 'x', accepted: 'có' }],
    });
    assert.equal(bad.status, 400, 'accepted is true or false');
    const resolution = await (await fetch(`${server.base}/api/v1/meetings/${dong.meeting_id}/documents/resolution.html`,
        { headers: { Cookie: secretary.cookie } })).text();
    assert.ok(resolution.includes(`tiếp thu ý kiến đóng góp của đồng chí ${speakers[0].member_name}:`), 'the proposal taken in');
    assert.ok(resolution.includes('- Đề nghị mỗi hộ có hai thùng rác phân loại.'), 'in its own words');
    assert.ok(!resolution.includes('Cần thêm thời gian tuyên truyền.'), 'not the proposal left out');
    const minutes = await (await fetch(`${server.base}/api/v1/meetings/${dong.meeting_id}/documents/minutes.html`,
        { headers: { Cookie: secretary.cookie } })).text();
    assert.equal(minutes.split('(được tiếp thu)').length - 1, 1, 'the minutes mark the one opinion taken in');

    // Wrong input, a plain member, another commune.
    for (const q of ['quarter=5', 'quarter=0', 'year=1999', 'quarter=x']) {
        const bad = await commune.get(`/api/v1/organizations/${hoaAn.id}/topic-coverage?${q}`);
        assert.equal(bad.status, 400, q);
        assert.match(bad.json.error.message, VIETNAMESE);
    }
    assert.equal((await member.get(`/api/v1/organizations/${thonDong.id}/topic-coverage`)).status, 403);
    assert.equal((await outsider.get(`/api/v1/organizations/${hoaAn.id}/topic-coverage`)).status, 404);
});

test('a regular and a thematic meeting held on one day make one combined session of at least 120 minutes', async () => {
    // This quarter's meetings of Thôn Đông: the demo leaves last month and this month to its secretary.
    const month = [3, 6, 9, 12].find((m) => m >= MONTH);
    const open = async (kind) => {
        const items = (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=${YEAR}`)).json.items;
        const found = items.find((m) => m.kind === kind && m.month === month);
        if (found.id) return found.id;
        const r = await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind, year: YEAR, month });
        assert.equal(r.status, 201, r.text);
        return r.json.id;
    };
    const regular = await open('regular');
    const thematic = await open('thematic');
    const record = async (id, started_at, ended_at) => {
        const r = await secretary.put(`/api/v1/meetings/${id}/record`, { started_at, ended_at });
        assert.equal(r.status, 200, r.text);
        return r.json;
    };
    const m = (await secretary.get(`/api/v1/meetings/${thematic}`)).json;
    assert.equal(m.min_minutes, 90);
    assert.equal(m.combined_min_minutes, 120);

    await record(regular, '14:00', '15:30');
    // The thematic part follows: 14:00–16:05 is one session of 125 minutes, enough.
    let t = await record(thematic, '15:35', '16:05');
    assert.deepEqual(t.record.session, { minutes: 125, min_minutes: 120, combined: true, partner_id: regular });
    assert.ok(!t.warnings.some((w) => w.code === 'too_short'), 'a full combined session');
    const r = (await secretary.get(`/api/v1/meetings/${regular}`)).json;
    assert.deepEqual(r.record.session, { minutes: 125, min_minutes: 120, combined: true, partner_id: thematic });
    assert.equal(r.record.duration_minutes, 90, 'each record keeps its own times');

    // 14:00–15:50 is 110 minutes: each meeting alone would pass, the session does not.
    t = await record(thematic, '15:35', '15:50');
    assert.equal(t.record.session.minutes, 110);
    const warning = t.warnings.find((w) => w.code === 'too_short');
    assert.ok(warning, 'a short combined session is flagged');
    assert.match(warning.message, /kết hợp 110 phút, ít hơn tối thiểu 120 phút/);
    const scoring = (await secretary.get(`/api/v1/meetings/${regular}/score`)).json;
    assert.equal(scoring.facts.duration_minutes, 110, 'the scorecard reads the session');
    assert.equal(scoring.facts.min_minutes, 120);

    // A meeting held on its own day stands alone: the domain tests cover it (a held meeting cannot be moved).
});

test('a committee keeps a separate scorecard for thematic meetings', async () => {
    const base = (await commune.get(`/api/v1/organizations/${hoaAn.id}/scorecard`)).json.in_force;
    assert.equal(base.meeting_kind, null);
    const card = structuredClone(base);
    delete card.id;
    Object.assign(card, { name: 'Phiếu đánh giá sinh hoạt chuyên đề', effective_from: TODAY, meeting_kind: 'thematic' });
    card.blocks[3].label = 'Chất lượng thảo luận chuyên đề';

    const bad = await commune.post(`/api/v1/organizations/${hoaAn.id}/scorecards`, { ...card, meeting_kind: 'weekly' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.field, 'meeting_kind');
    assert.match(bad.json.error.message, VIETNAMESE);
    assert.equal((await secretary.post(`/api/v1/organizations/${thonDong.id}/scorecards`, card)).status, 400,
        'a cell does not set scorecards');
    const saved = await commune.post(`/api/v1/organizations/${hoaAn.id}/scorecards`, card);
    assert.equal(saved.status, 201, saved.text);
    assert.equal(saved.json.meeting_kind, 'thematic');

    const thematicCard = (await secretary.get(`/api/v1/organizations/${thonDong.id}/scorecard?kind=thematic`)).json;
    assert.equal(thematicCard.in_force.id, saved.json.id);
    assert.equal(thematicCard.source_name, 'Đảng bộ xã Hòa An');
    assert.notEqual((await secretary.get(`/api/v1/organizations/${thonDong.id}/scorecard`)).json.in_force.id,
        saved.json.id, 'regular meetings keep theirs');
    assert.equal((await secretary.get(`/api/v1/organizations/${thonDong.id}/scorecard?kind=x`)).status, 400);

    // The next quarter's meetings: the thematic one is scored with the thematic version, the regular one not.
    const next = new Date(Date.UTC(YEAR, MONTH - 1 + 3, 1));
    const [ny, nm] = [next.getUTCFullYear(), [3, 6, 9, 12].find((m) => m >= next.getUTCMonth() + 1)];
    const ids = {};
    for (const kind of ['regular', 'thematic']) {
        const r = await secretary.post(`/api/v1/organizations/${thonDong.id}/meetings`, { kind, year: ny, month: nm });
        assert.equal(r.status, 201, r.text);
        ids[kind] = r.json.id;
    }
    assert.equal((await secretary.get(`/api/v1/meetings/${ids.thematic}/score`)).json.scorecard.id, saved.json.id);
    assert.notEqual((await secretary.get(`/api/v1/meetings/${ids.regular}/score`)).json.scorecard.id, saved.json.id);
    const logged = (await audit('organization')).find((e) => e.action === 'scorecard.create'
        && JSON.stringify(e).includes('thematic'));
    assert.ok(logged, 'the new version is audited with its kind');
});

test('at year end the cell praises the party group that prepared a topic well, and the commune sees the review', async () => {
    // The demo's held topic: Thôn Đông's last thematic meeting, prepared by a party group.
    let year;
    let review;
    let item;
    for (year of [YEAR, YEAR - 1]) {  // Early in a year its last held thematic meeting was the year before.
        review = (await commune.get(`/api/v1/organizations/${hoaAn.id}/topic-review?year=${year}`)).json;
        item = review.items.find((i) => i.organization_id === thonDong.id && i.held);
        if (item) break;
    }
    assert.ok(item, 'Thôn Đông held a thematic meeting on a topic');
    assert.equal(item.preparer.kind, 'party_group');
    assert.equal(item.state, 'sent');
    assert.ok(item.speakers >= 2 && item.present >= item.speakers);
    assert.equal(item.measures, 2);
    assert.equal(item.measures_done, 0, 'the measures are under way');
    assert.equal(item.assessment, null);
    assert.ok(review.items.every((i) => !['proposed', 'declined'].includes(i.state)), 'only the cells’ accepted topics');

    // Its measures come back at the regular meetings that follow until done, marked as the thematic resolution's.
    const calendar = (await secretary.get(`/api/v1/organizations/${thonDong.id}/meetings?year=${YEAR}`)).json.items;
    const later = calendar.filter((m) => m.kind === 'regular' && m.id !== null && m.date > item.meeting_date).at(-1);
    assert.ok(later, 'a later regular meeting exists');
    const reviewed = (await secretary.get(`/api/v1/meetings/${later.id}`)).json.review
        .filter((t) => t.meeting_id === item.meeting_id);
    assert.equal(reviewed.length, 2, 'both measures are under review');
    assert.ok(reviewed.every((t) => t.source_kind === 'thematic' && t.source_date === item.meeting_date));
    const topic = (await secretary.get(`/api/v1/topics/${item.topic_id}`)).json;
    assert.equal(topic.can_assess, true);
    assert.match(topic.resolution_number, /^\d{2}-NQ\/CB$/);
    assert.equal(topic.meeting_state, 'reported');

    const path = `/api/v1/topics/${item.topic_id}/assessment`;
    for (const [body, field] of [[{ assessment: 'praise', note: 'Tốt' }, 'assessment'], [{ assessment: 'commendation', note: '  ' }, 'note'],
        [{ assessment: 'lesson', note: 'x'.repeat(2001) }, 'note']]) {
        const r = await secretary.put(path, body);
        assert.equal(r.status, 400, JSON.stringify(body).slice(0, 60));
        assert.equal(r.json.error.field, field);
        assert.match(r.json.error.message, VIETNAMESE);
    }
    assert.equal((await member.put(path, { assessment: 'commendation', note: 'Tốt' })).status, 403);
    assert.equal((await outsider.put(path, { assessment: 'commendation', note: 'Tốt' })).status, 404);
    const note = `Biểu dương ${item.preparer.name} chuẩn bị chuyên đề công phu, sát thực tế.`;
    const praised = await secretary.put(path, { assessment: 'commendation', note });
    assert.equal(praised.status, 200, praised.text);
    assert.equal(praised.json.assessment_label, 'Biểu dương');
    assert.equal(praised.json.assessed_by, 'bithu.thondong');
    const logged = (await audit('topic')).find((e) => e.action === 'topic.assess' && e.entity_id === item.topic_id);
    assert.ok(logged, 'audited');

    review = (await commune.get(`/api/v1/organizations/${hoaAn.id}/topic-review?year=${year}`)).json;
    const group = review.preparers.find((p) => p.organization_id === thonDong.id && p.preparer.kind === 'party_group');
    assert.equal(group.commendations, 1);
    assert.ok(group.held >= 1 && group.topics >= group.held);
    assert.equal(review.items.find((i) => i.topic_id === item.topic_id).assessment_note, note);

    // A topic whose meeting has not been held yet is assessed only once its year is over.
    const plan = (await planOf(secretary, thonDong.id)).json.items;
    const pending = plan.find((t) => t.meeting_state !== 'reported' && t.meeting_state !== 'minutes_finalised'
        && !['proposed', 'declined'].includes(t.state) && t.meeting_state !== 'held');
    if (pending) {
        const early = await secretary.put(`/api/v1/topics/${pending.id}/assessment`, { assessment: 'lesson', note: 'Chưa họp' });
        assert.equal(early.status, 409);
        assert.match(early.json.error.message, /hết năm/);
    }
    for (const q of ['year=1999', 'year=x']) {
        assert.equal((await commune.get(`/api/v1/organizations/${hoaAn.id}/topic-review?${q}`)).status, 400, q);
    }
    assert.equal((await member.get(`/api/v1/organizations/${thonDong.id}/topic-review`)).status, 403);
    assert.equal((await outsider.get(`/api/v1/organizations/${hoaAn.id}/topic-review`)).status, 404);
});

test('an orientation carries its documents and a draft may be uploaded as a file; each read only by those allowed', async () => {
    const raw = (client, url, body, name, type = 'application/pdf') => checkedFetch(
        `${server.base}${url}?file_name=${encodeURIComponent(name)}`,
        { method: 'POST', headers: { Cookie: client.cookie, 'X-CSRF-Token': client.csrf, 'Content-Type': type }, body });
    const read = (client, url) => checkedFetch(`${server.base}${url}`, { headers: { Cookie: client.cookie } });
    const orientationFiles = `/api/v1/topic-orientations/${everywhere.id}/files`;

    for (const [body, name, field] of [['', 'Kết luận.pdf', 'file'], ['%PDF-1.4', '../Kết luận.pdf', 'file_name'],
        ['%PDF-1.4', '', 'file_name']]) {
        const r = await raw(commune, orientationFiles, body, name);
        assert.equal(r.status, 400, name);
        const error = (await r.json()).error;
        assert.equal(error.field, field);
        assert.match(error.message, VIETNAMESE);
    }
    assert.equal((await raw(outsider, orientationFiles, '%PDF-1.4', 'x.pdf')).status, 404);
    assert.ok([403, 404].includes((await raw(secretary, orientationFiles, '%PDF-1.4', 'x.pdf')).status),
        'a cell does not attach to its superior’s orientation');
    const content = '%PDF-1.4 Kết luận 15-KL/ĐU — bản thử';
    let r = await raw(commune, orientationFiles, content, 'Kết luận 15-KL-ĐU.pdf');
    assert.equal(r.status, 201);
    const file = await r.json();
    assert.equal(file.file_name, 'Kết luận 15-KL-ĐU.pdf');
    assert.equal(file.version, 0);

    // Listed with the orientation; read by the cells it reaches, not by another commune.
    const seen = (await orientationsOf(member, thonDong.id)).json.items.find((o) => o.id === everywhere.id);
    assert.deepEqual(seen.files.map((f) => f.id), [file.id]);
    assert.equal(seen.can_attach, false);
    for (const client of [commune, secretary, member]) {
        const got = await read(client, `${orientationFiles}/${file.id}`);
        assert.equal(got.status, 200);
        assert.equal(await got.text(), content);
    }
    assert.equal((await read(outsider, `${orientationFiles}/${file.id}`)).status, 404);
    assert.equal((await read(commune, `${orientationFiles}/999999`)).status, 404);
    assert.ok((await audit('topic_orientation')).some((e) => e.action === 'topic_orientation.attach' && e.entity_id === everywhere.id));

    // The demo's topic in drafting: a DOCX written outside chibo becomes its next version.
    const drafting = (await planOf(secretary, thonDong.id)).json.items.find((t) => t.state === 'drafting');
    const before = (await secretary.get(`/api/v1/topics/${drafting.id}`)).json;
    const docx = 'PK\u0003\u0004 dự thảo chuyên đề';
    const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    assert.equal((await raw(member, `/api/v1/topics/${drafting.id}/draft-files`, docx, 'Dự thảo.docx', type)).status, 403);
    assert.equal((await raw(secretary, `/api/v1/topics/${drafting.id}/draft-files`, '', 'Dự thảo.docx', type)).status, 400);
    r = await raw(secretary, `/api/v1/topics/${drafting.id}/draft-files`, docx, 'Dự thảo chuyên đề.docx', type);
    assert.equal(r.status, 201);
    const version = await r.json();
    assert.equal(version.number, before.latest_version + 1);
    assert.equal(version.text, 'Dự thảo đính kèm: Dự thảo chuyên đề.docx');
    const after = (await secretary.get(`/api/v1/topics/${drafting.id}`)).json;
    assert.equal(after.state, 'drafting');
    const uploaded = after.files.find((f) => f.version === version.number);
    assert.equal(uploaded.file_name, 'Dự thảo chuyên đề.docx');
    const got = await read(secretary, `/api/v1/topics/${drafting.id}/files/${uploaded.id}`);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('content-type'), type);
    assert.equal(await got.text(), docx);
    // Not sent yet: a member neither sees it listed nor reads it.
    assert.deepEqual((await member.get(`/api/v1/topics/${drafting.id}`)).json.files, []);
    assert.equal((await read(member, `/api/v1/topics/${drafting.id}/files/${uploaded.id}`)).status, 404);
    assert.equal((await read(outsider, `/api/v1/topics/${drafting.id}/files/${uploaded.id}`)).status, 404);
    // A sent draft takes no new version, uploaded or written.
    assert.equal((await raw(secretary, `/api/v1/topics/${picked.id}/draft-files`, docx, 'Bản mới.docx', type)).status, 409);
});
