// The demo world the API suites share: its accounts, its organisations looked up by name once, and
// Vietnam's "today". Built on tests/lib/server.mjs (the real binary) and its checked Client.
import { Client, DEMO_PASSWORD } from './server.mjs';

// The demo's accounts by the part each plays in the tests.
export const ACCOUNTS = {
    admin: 'admin',                  // The system administrator (the whole country).
    commune: 'xa.hoaan',             // The committee of Đảng bộ xã Hòa An.
    outsider: 'xa.tanlap',           // The committee of Đảng bộ xã Tân Lập: outside Hòa An's subtree.
    secretary: 'bithu.thondong',     // The secretary of Chi bộ Thôn Đông.
    member: 'dangvien.thondong',     // A plain member of Chi bộ Thôn Đông.
    attendant: 'uyvien.hoaan',       // A member of Hòa An's standing committee who attends cells for it.
};
export { DEMO_PASSWORD };

export const HOA_AN = 'Đảng bộ xã Hòa An';
export const TAN_LAP = 'Đảng bộ xã Tân Lập';
export const THON_DONG = 'Chi bộ Thôn Đông';
export const THON_DOAI = 'Chi bộ Thôn Đoài';

// A date's day in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year) as yyyy-mm-dd: the server's "today".
export function vietnamDate(date = new Date()) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
        .format(date);
}
export const TODAY = vietnamDate();
export const YEAR = Number(TODAY.slice(0, 4));
export const MONTH = Number(TODAY.slice(5, 7));

// A client signed in as `username`; throws with the status and body when the sign-in fails, so a
// suite stops at its cause instead of at a confusing 401 later.
export async function signIn(base, username, password = DEMO_PASSWORD) {
    const client = new Client(base);
    const r = await client.login(username, password);
    if (r.status !== 200) throw new Error(`sign-in as ${username} failed: ${r.status} ${r.text}`);
    return client;
}

// Signs in the given parts of ACCOUNTS (each sign-in is audited, so only those asked for) and looks
// up the demo's organisations through the Hòa An committee:
//   { commune, secretary, …: Client, hoaAn: the tree node of Hòa An with its children,
//     thonDong, thonDoai: its cells' nodes, cell(name): a child of Hòa An by name (throws if none) }.
// With `member` signed in, `me` is its /auth/me user (member_id, roles).
export async function demoWorld(server, parts = ['commune']) {
    const world = {};
    for (const part of new Set(['commune', ...parts])) {
        if (!ACCOUNTS[part]) throw new Error(`no demo account plays "${part}"`);
        world[part] = await signIn(server.base, ACCOUNTS[part]);
    }
    const tree = await world.commune.get('/api/v1/organizations/tree?depth=1');
    if (tree.status !== 200) throw new Error(`the demo tree: ${tree.status} ${tree.text}`);
    world.hoaAn = tree.json.roots[0];
    if (world.hoaAn?.name !== HOA_AN) throw new Error(`the commune's root is not ${HOA_AN}: ${tree.text.slice(0, 200)}`);
    world.cell = (name) => {
        const found = world.hoaAn.children.find((c) => c.name === name);
        if (!found) throw new Error(`${HOA_AN} has no child named ${name}`);
        return found;
    };
    world.thonDong = world.cell(THON_DONG);
    world.thonDoai = world.cell(THON_DOAI);
    if (world.member) world.me = (await world.member.get('/api/v1/auth/me')).json.user;
    return world;
}
