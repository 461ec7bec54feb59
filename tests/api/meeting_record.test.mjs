// One meeting from preparation to the report upward, through the real binary: preparation, files,
// notice, leave, roll call, opinions, vote, tasks, finalising (numbers, lock, amendments), report,
// the member's view, attendance history and the private calendar feed. Wrong input and wrong subtree.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkedFetch } from '../lib/contract.mjs';
import { demoWorld, MONTH, YEAR } from '../lib/fixtures.mjs';
import { ROOT, startServer } from '../lib/server.mjs';

let server;
let commune;
let hoaAn;
let secretary;
let member;
let outsider;
let thonDong;
let meeting;
let memberSelf;
// The previous month's regular meeting: always in the past, so it can be held now.
const prev = new Date(Date.UTC(YEAR, MONTH - 2, 1));
const year = prev.getUTCFullYear();
const month = prev.getUTCMonth() + 1;

before(async () => {
    server = await startServer();
    const world = await demoWorld(server, ['secretary', 'member', 'outsider']);
    ({ commune, secretary, member, outsider } = world);
    hoaAn = world.hoaAn.id;
    memberSelf = world.me.member_id;
    thonDong = world.thonDong.id;
    assert.equal(world.me.roles[0].organization_id, thonDong);
    let found = (await secretary.get(`/api/v1/organizations/${thonDong}/meetings?year=${year}`)).json.items
        .find((m) => m.kind === 'regular' && m.month === month);
    if (!found.id) {
        const created = await secretary.post(`/api/v1/organizations/${thonDong}/meetings`, { kind: 'regular', year, month });
        assert.equal(created.status, 201, created.text);
        found = created.json;
    }
    meeting = found;
    assert.ok(['planned', 'prepared', 'notified'].includes(meeting.state), meeting.state);
});
after(async () => { await server.stop(); });

const path = (rest = '') => `/api/v1/meetings/${meeting.id}${rest}`;

async function roster() {
    const r = await secretary.get(`/api/v1/members?organization_id=${thonDong}&page_size=200`);
    return r.json.items;
}

test('a member does not see a meeting before it is notified; an outsider never', async () => {
    assert.equal((await member.get(path())).status, 404);
    assert.equal((await outsider.get(path())).status, 404);
    assert.equal((await outsider.put(path('/preparation'), { place: 'x' })).status, 404);
    assert.equal((await member.put(path('/preparation'), { place: 'x' })).status, 404);
});

test('preparation: preparer from the cell, chi ủy meeting before the day, agenda saved in order', async () => {
    const members = await roster();
    const other = (await outsider.get('/api/v1/members?page_size=1')).json.items[0];
    let r = await secretary.put(path('/preparation'), { preparer_id: other.id });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'preparer_id');
    r = await secretary.put(path('/preparation'), { committee_meeting_on: '2099-01-01' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'committee_meeting_on');
    r = await secretary.put(path('/preparation'), { agenda: 'not a list' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'agenda');
    assert.equal((await secretary.get(path())).json.state, meeting.state, 'nothing written by refused input');

    const day = new Date(`${meeting.date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 3);
    r = await secretary.put(path('/preparation'), {
        preparer_id: members[1].id, place: 'Nhà văn hóa thôn Đông', committee_meeting_on: day.toISOString().slice(0, 10),
        committee_meeting_notes: 'Chi ủy thống nhất nội dung.',
        agenda: ['Kiểm điểm nghị quyết tháng trước', '  Thông tin thời sự  ', '', 'Nhiệm vụ tháng tới'],
        superior_official: 'Đồng chí Phó Bí thư Đảng ủy xã',
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.state, 'prepared');
    assert.equal(r.json.preparation.preparer_name, members[1].full_name);
    assert.deepEqual(r.json.preparation.agenda, ['Kiểm điểm nghị quyết tháng trước', 'Thông tin thời sự', 'Nhiệm vụ tháng tới']);
});

test('attachments: stored by content hash, size-limited, served only to those allowed', async () => {
    const upload = (client, body, name = 'Dự thảo nghị quyết.txt') => checkedFetch(
        `${server.base}${path('/attachments')}?file_name=${encodeURIComponent(name)}`,
        { method: 'POST', headers: { Cookie: client.cookie, 'X-CSRF-Token': client.csrf, 'Content-Type': 'text/plain' }, body });
    let r = await upload(secretary, '');
    assert.equal(r.status, 400);
    r = await upload(secretary, 'x', '../etc/passwd');
    assert.equal(r.status, 400);
    r = await upload(secretary, Buffer.alloc(21 * 1024 * 1024 + 10, 65));
    assert.equal(r.status, 413);
    r = await upload(outsider, 'Nội dung');
    assert.equal(r.status, 404);
    const content = 'Dự thảo nghị quyết tháng — nội dung thử.';
    r = await upload(secretary, content);
    assert.equal(r.status, 201);
    const first = await r.json();
    assert.match(first.sha256, /^[0-9a-f]{64}$/);
    r = await upload(secretary, content, 'Bản sao.txt');
    const second = await r.json();
    assert.equal(second.sha256, first.sha256, 'the same content has the same name in the store');

    const get = await checkedFetch(`${server.base}${path(`/attachments/${first.id}`)}`, { headers: { Cookie: secretary.cookie } });
    assert.equal(get.status, 200);
    assert.equal(await get.text(), content);
    assert.match(get.headers.get('content-disposition'), /^attachment; .*filename\*=UTF-8''D%E1%BB%B1/);
    assert.equal((await outsider.get(path(`/attachments/${first.id}`))).status, 404);
    assert.equal((await member.get(path(`/attachments/${first.id}`))).status, 404, 'not before the notice');
    assert.equal((await secretary.del(path(`/attachments/${second.id}`))).status, 204);
    assert.equal((await secretary.get(path())).json.attachments.length, 1);
});

test('notice: members see the meeting and its documents; a late notice is flagged', async () => {
    const r = await secretary.post(path('/notify'));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.state, 'notified');
    assert.ok(r.json.notified_at && r.json.documents_sent_at);
    assert.equal(r.json.documents_late, true, 'sent after the meeting day: less than 1 day before');
    assert.ok(r.json.warnings.some((w) => w.code === 'documents_late'));
    assert.equal((await secretary.post(path('/notify'))).status, 409);

    const mine = await member.get('/api/v1/me/meetings');
    assert.equal(mine.status, 200);
    const seen = mine.json.items.find((m) => m.id === meeting.id);
    assert.ok(seen, 'the notified meeting is in the member\'s list');
    assert.equal(seen.attachments.length, 1);
    const file = await checkedFetch(`${server.base}${path(`/attachments/${seen.attachments[0].id}`)}`, { headers: { Cookie: member.cookie } });
    assert.equal(file.status, 200);

    // A document added after the notice reaches members when it is uploaded.
    await new Promise((ok) => setTimeout(ok, 1100));
    const late = await checkedFetch(`${server.base}${path('/attachments')}?file_name=${encodeURIComponent('Phụ lục.txt')}`,
        { method: 'POST', headers: { Cookie: secretary.cookie, 'X-CSRF-Token': secretary.csrf }, body: 'Phụ lục' });
    assert.equal(late.status, 201);
    const now = (await secretary.get(path())).json;
    assert.equal(now.attachments.length, 2);
    assert.ok(now.documents_sent_at > r.json.documents_sent_at, `${now.documents_sent_at} after ${r.json.documents_sent_at}`);
});

test('a member asks leave with a reason; the secretary sees it and the roll call proposes it', async () => {
    let r = await member.post(path('/leave'), { reason: '   ' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'reason');
    assert.equal((await outsider.post(path('/leave'), { reason: 'Ốm' })).status, 404);
    r = await member.post(path('/leave'), { reason: 'Đi công tác tỉnh' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.member_id, memberSelf);

    const asMember = (await member.get(path())).json;
    assert.equal(asMember.my_leave_request.reason, 'Đi công tác tỉnh');
    assert.deepEqual(asMember.leave_requests, [], 'a member does not see who else asked');
    assert.equal((await member.get(path('/roll'))).status, 403);
    const asSecretary = (await secretary.get(path())).json;
    assert.equal(asSecretary.leave_requests.length, 1);
    assert.equal(asSecretary.leave_requests[0].member_id, memberSelf);

    const roll = await secretary.get(path('/roll'));
    assert.equal(roll.status, 200);
    const mineRow = roll.json.items.find((a) => a.member_id === memberSelf);
    assert.equal(mineRow.presence, 'excused');
    assert.equal(mineRow.reason, 'Đi công tác tỉnh');
    assert.equal(roll.json.items.length, (await roster()).length);
});

test('the record: roll call, opinions and vote are checked, then the meeting is held', async () => {
    const roll = (await secretary.get(path('/roll'))).json.items;
    const attendance = roll.map((a) => ({ member_id: a.member_id, presence: a.presence, reason: a.reason }));
    // Two members absent without reason, one late.
    const others = attendance.filter((a) => a.presence === 'present');
    others[others.length - 1].presence = 'unexcused';
    others[others.length - 2].presence = 'unexcused';
    others[others.length - 3].presence = 'late';
    const present = others.slice(0, -2);

    let r = await secretary.put(path('/record'), { attendance: attendance.slice(1) });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'attendance');
    assert.match(r.json.error.message, /Chưa điểm danh/);
    r = await secretary.put(path('/record'), { attendance: attendance.map((a) => (a.member_id === memberSelf ? { ...a, reason: '' } : a)) });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'reason');
    r = await secretary.put(path('/record'), { attendance: [...attendance, attendance[0]] });
    assert.equal(r.status, 400);
    r = await secretary.put(path('/record'), { attendance, vote: { in_favour: attendance.length + 5, against: 0, abstaining: 0 } });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'in_favour');
    r = await secretary.put(path('/record'), { attendance, opinions: [{ speaker_id: memberSelf, summary: 'Tôi vắng mà vẫn phát biểu' }] });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'opinions');
    r = await secretary.put(path('/record'), { started_at: '16:00', ended_at: '14:00' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'ended_at');
    assert.equal((await secretary.get(path())).json.state, 'notified', 'nothing written by refused input');

    r = await secretary.put(path('/record'), {
        attendance, started_at: '14:00', ended_at: '15:45', chair_id: present[0].member_id, minute_taker_id: present[1].member_id,
        guests: ['Đồng chí Phó Bí thư Đảng ủy xã'], superior_attended: true,
        opinions: [
            { speaker_id: present[1].member_id, summary: 'Đề nghị đẩy nhanh làm đường liên thôn.' },
            { speaker_id: present[2].member_id, summary: 'Cần vận động thu gom rác thải đúng giờ.' },
            { speaker_name: 'Đồng chí Phó Bí thư Đảng ủy xã', summary: 'Ghi nhận, biểu dương chi bộ.' },
        ],
        conclusion: 'Chi bộ thống nhất các nhiệm vụ tháng tới.', resolution: 'Tập trung làm đường liên thôn.',
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.state, 'held');
    const c = r.json.record.counts;
    assert.equal(c.present, present.length);
    assert.equal(c.unexcused, 2);
    assert.equal(c.excused, attendance.filter((a) => a.presence === 'excused').length);
    assert.equal(c.official, roll.filter((a) => a.status_at_meeting === 'official').length);
    assert.equal(c.probationary, roll.filter((a) => a.status_at_meeting === 'probationary').length);
    // Neither the exempt nor those away with a temporary transfer letter are expected.
    assert.equal(c.expected, roll.filter((a) => a.presence !== 'exempt' && a.presence !== 'away').length);
    assert.equal(c.exempt, roll.filter((a) => a.presence === 'exempt').length);
    assert.equal(c.away, roll.filter((a) => a.presence === 'away').length);
    assert.equal(r.json.record.duration_minutes, 105);
    assert.equal(r.json.record.opinions.length, 3);
    assert.equal(r.json.record.opinions[0].speaker_name, present.length > 1 ? roll.find((a) => a.member_id === present[1].member_id).member_name : '');
    assert.equal(r.json.record.chair_name, roll.find((a) => a.member_id === present[0].member_id).member_name);

    const eligible = r.json.record.eligible;
    assert.ok(eligible > 0 && eligible <= present.length);
    r = await secretary.put(path('/record'), { vote: { in_favour: eligible - 1, against: 1, abstaining: 0 } });
    assert.equal(r.status, 200);
    const pct = Math.round((100 * (eligible - 1)) / eligible);
    assert.equal(r.json.record.vote_sentence, `${eligible - 1}/${eligible} đồng chí tán thành, đạt ${pct} %`);
    assert.equal(r.json.record.adopted, true);
    assert.equal(r.json.record.opinions.length, 3, 'sections not sent are kept');
});

test('tasks: deadlines after the meeting, assignees from the cell', async () => {
    const members = await roster();
    let r = await secretary.put(path('/record'), { tasks: [{ description: 'Làm đường', deadline: '2000-01-01' }] });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'tasks');
    r = await secretary.put(path('/record'), { tasks: [{ description: '', deadline: '2099-01-01' }] });
    assert.equal(r.status, 400);
    const day = new Date(`${meeting.date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 20);
    const deadline = day.toISOString().slice(0, 10);
    r = await secretary.put(path('/record'), {
        tasks: [
            { assignee_id: members[0].id, description: 'Vận động hộ dân hiến đất làm đường', deadline },
            { assignee_id: null, description: 'Ra quân vệ sinh môi trường', deadline },
        ],
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.tasks.length, 2);
    assert.equal(r.json.tasks[0].assignee_name, members[0].full_name);
    assert.equal(r.json.tasks[1].assignee_id, null);
});

test('finalising numbers the minutes and resolution, locks the record; amendments and the report follow', async () => {
    assert.equal((await outsider.post(path('/finalise'))).status, 404);
    assert.equal((await secretary.post(path('/report'))).status, 409, 'not before the minutes are finalised');
    assert.equal((await secretary.post(path('/amendments'), { text: 'x', reason: 'y' })).status, 409);
    let r = await secretary.post(path('/finalise'));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.state, 'minutes_finalised');
    assert.match(r.json.minutes_number, /^\d{2}-BB\/CB$/);
    assert.match(r.json.resolution_number, /^\d{2}-NQ\/CB$/);
    const register = await secretary.get(`/api/v1/organizations/${thonDong}/documents`);
    assert.ok(register.json.items.some((d) => d.number_text === r.json.minutes_number));

    r = await secretary.put(path('/record'), { conclusion: 'Sửa lại' });
    assert.equal(r.status, 409);
    assert.match(r.json.error.message, /đính chính/);
    assert.equal((await secretary.post(path('/finalise'))).status, 409);
    r = await secretary.post(path('/amendments'), { text: 'Bổ sung ý kiến của đồng chí Tổ trưởng.', reason: '' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'reason');
    r = await secretary.post(path('/amendments'), { text: 'Bổ sung ý kiến của đồng chí Tổ trưởng.', reason: 'Ghi sót' });
    assert.equal(r.status, 201);
    const after = (await secretary.get(path())).json;
    assert.equal(after.amendments.length, 1);
    assert.equal(after.record.conclusion, 'Chi bộ thống nhất các nhiệm vụ tháng tới.', 'the minutes themselves unchanged');

    r = await secretary.post(path('/report'));
    assert.equal(r.status, 200);
    assert.equal(r.json.state, 'reported');
    assert.equal(r.json.report_late, true, 'reported more than 2 days after a meeting of last month');
    assert.ok(r.json.warnings.some((w) => w.code === 'report_late'));

    const audit = await secretary.get(`/api/v1/audit?entity=meeting&entity_id=${meeting.id}&page_size=100`);
    if (audit.status === 200) {
        const actions = audit.json.items.map((e) => e.action);
        for (const a of ['meeting.prepare', 'meeting.notify', 'meeting.record', 'meeting.finalise', 'meeting.amend', 'meeting.report'])
            assert.ok(actions.includes(a), a);
    }
});

test('minutes and resolution as DOCX, PDF and a printable page in the party format', async () => {
    const dir = process.env.CHIBO_KEEP_DOCS || mkdtempSync(join(tmpdir(), 'chibo-docs-'));
    const m = (await secretary.get(path())).json;
    const download = async (client, file) => checkedFetch(`${server.base}${path(`/documents/${file}`)}`, { headers: { Cookie: client.cookie } });
    assert.equal((await download(outsider, 'minutes.pdf')).status, 404);
    assert.equal((await download(secretary, 'minutes.exe')).status, 400);
    const text = (pdfFile) => spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const doc of ['minutes', 'resolution']) {
        const pdf = await download(secretary, `${doc}.pdf`);
        assert.equal(pdf.status, 200);
        assert.equal(pdf.headers.get('content-type'), 'application/pdf');
        writeFileSync(join(dir, `${doc}.pdf`), Buffer.from(await pdf.arrayBuffer()));
        const docx = await download(member, `${doc}.docx`);
        assert.equal(docx.status, 200, 'a member of the cell reads the finalised documents');
        writeFileSync(join(dir, `${doc}.docx`), Buffer.from(await docx.arrayBuffer()));
        const html = await download(secretary, `${doc}.html`);
        assert.match(await html.text(), /ĐẢNG CỘNG SẢN VIỆT NAM/);
    }
    const minutes = text(join(dir, 'minutes.pdf'));
    assert.match(minutes, /ĐẢNG BỘ XÃ HÒA AN/);
    assert.match(minutes, /CHI BỘ THÔN ĐÔNG/);
    assert.match(minutes, /ĐẢNG CỘNG SẢN VIỆT NAM/);
    assert.ok(minutes.includes(`Số ${m.minutes_number}`), minutes);
    assert.ok(minutes.includes(`chính thức: ${m.record.counts.official}`));
    assert.ok(minutes.includes(`Số đảng viên có mặt: ${m.record.counts.present}/${m.record.counts.expected}`));
    for (const o of m.record.opinions) assert.ok(minutes.includes(o.speaker_name), o.speaker_name);
    assert.ok(minutes.includes(m.record.vote_sentence), m.record.vote_sentence);
    assert.match(minutes, /Bổ sung ý kiến của đồng chí Tổ trưởng/, 'the amendment is printed');

    // The DOCX converts with LibreOffice, and the converted PDF carries the same text.
    const lo = spawnSync('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf',
        '--outdir', join(dir, 'lo-out'), join(dir, 'resolution.docx')], { encoding: 'utf8', timeout: 120000 });
    assert.equal(lo.status, 0, lo.stderr);
    const resolution = text(join(dir, 'lo-out', 'resolution.pdf'));
    assert.match(resolution, /NGHỊ QUYẾT/);
    assert.ok(resolution.includes(`Số ${m.resolution_number}`), resolution);
    assert.match(resolution, /T\/M CHI BỘ/);
    assert.ok(resolution.includes(m.record.vote_sentence));
    assert.match(resolution, /Vận động hộ dân hiến đất làm đường/);
    if (!process.env.CHIBO_KEEP_DOCS) rmSync(dir, { recursive: true, force: true });
    else readFileSync(join(dir, 'minutes.pdf'));
});

test('attendance history and the 3-absence flags', async () => {
    const history = await secretary.get(`/api/v1/members/${memberSelf}/attendance?year=${year}`);
    assert.equal(history.status, 200);
    const row = history.json.items.find((i) => i.meeting_id === meeting.id);
    assert.equal(row.presence, 'excused');
    assert.ok(history.json.counts.excused >= 1);
    assert.equal((await outsider.get(`/api/v1/members/${memberSelf}/attendance`)).status, 404);
    assert.equal((await secretary.get(`/api/v1/members/${memberSelf}/attendance?year=1900`)).status, 400);

    const flags = await secretary.get(`/api/v1/organizations/${thonDong}/absence-flags?year=${year}`);
    assert.equal(flags.status, 200);
    assert.ok(flags.json.items.every((f) => f.unexcused >= 3));
    // The commune's list holds its cells' flags (the demo has some), and the cell's is its part of it.
    const all = await commune.get(`/api/v1/organizations/${hoaAn}/absence-flags?year=${year}`);
    assert.equal(all.status, 200);
    assert.ok(all.json.items.length > 0, 'the demo flags members in Hòa An');
    assert.ok(all.json.items.every((f) => f.unexcused >= 3));
    assert.deepEqual(flags.json.items, all.json.items.filter((f) => f.organization_id === thonDong));
    assert.equal((await outsider.get(`/api/v1/organizations/${thonDong}/absence-flags`)).status, 404);
    assert.equal((await member.get(`/api/v1/organizations/${thonDong}/absence-flags`)).status, 403);
});

test('a private calendar feed parses with libical and holds the member\'s meetings', async () => {
    assert.deepEqual((await member.get('/api/v1/me/calendar')).json, { active: false, created_at: null });
    const first = await member.post('/api/v1/me/calendar');
    assert.equal(first.status, 201);
    const second = await member.post('/api/v1/me/calendar');
    assert.notEqual(second.json.url, first.json.url);
    assert.equal((await checkedFetch(server.base + first.json.url)).status, 404, 'the old link stops working');
    const feed = await checkedFetch(server.base + second.json.url);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type'), /^text\/calendar/);
    const text = await feed.text();
    const parsed = spawnSync(join(ROOT, 'build', 'debug', 'ics_dump'), [], { input: text, encoding: 'utf8' });
    assert.equal(parsed.status, 0, parsed.stderr);
    const events = parsed.stdout.trim().split('\n').map((l) => l.split('\t'));
    const ours = events.find((e) => e[0] === `meeting-${meeting.id}@chibo`);
    assert.ok(ours, `meeting-${meeting.id} in ${parsed.stdout}`);
    assert.match(ours[1], new RegExp(`Sinh hoạt thường kỳ tháng ${month}/${year}`));
    assert.equal(ours[3], 'Nhà văn hóa thôn Đông');
    assert.equal((await checkedFetch(`${server.base}/api/v1/calendar/${'0'.repeat(64)}.ics`)).status, 404);
});
