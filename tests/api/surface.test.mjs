// The HTTP surface: OpenAPI matches the routes, static assets from memory, errors are JSON 4xx.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { checkedFetch } from '../lib/contract.mjs';
import { signIn } from '../lib/fixtures.mjs';
import { BIN, startServer } from '../lib/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('every route is in the OpenAPI document, and the document has no other', async () => {
    const routes = spawnSync(BIN, ['routes'], { encoding: 'utf8' }).stdout.trim().split('\n');
    assert.ok(routes.length > 20);
    const r = await checkedFetch(`${server.base}/api/v1/openapi.json`);
    assert.equal(r.status, 200);
    const doc = await r.json();
    assert.match(doc.openapi, /^3\./);
    const documented = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
        for (const method of Object.keys(ops)) {
            if (['get', 'post', 'put', 'delete', 'patch'].includes(method)) documented.push(`${method.toUpperCase()} ${path}`);
        }
    }
    assert.deepEqual([...documented].sort(), [...routes].sort());
});

test('healthz answers without a session', async () => {
    const r = await checkedFetch(`${server.base}/healthz`);
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { status: 'ok' });
});

test('the web UI is served from memory with gzip, ETag and a client-side route fallback', async () => {
    const r = await fetch(`${server.base}/`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /text\/html/);
    const etag = r.headers.get('etag');
    assert.ok(etag);
    const html = await r.text();
    assert.match(html, /<div id="root">/);
    const again = await fetch(`${server.base}/`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    const route = await fetch(`${server.base}/members/12`);
    assert.equal(route.status, 200);
    assert.equal(await route.text(), html);
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)[1];
    const js = await fetch(server.base + script, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(js.status, 200);
    assert.match(js.headers.get('cache-control'), /immutable/);
    assert.equal((await fetch(`${server.base}/assets/missing.js`)).status, 404);
});

test('unknown API paths and wrong methods are JSON errors', async () => {
    const c = await signIn(server.base, 'admin');
    const missing = await c.request('GET', '/api/v1/nothing', undefined, { undocumented: true });
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, 'not_found');
    const method = await c.request('PATCH', '/api/v1/members', {}, { undocumented: true });
    assert.equal(method.status, 405);
    assert.equal((await c.get('/api/v1/members/abc')).status, 404);
    assert.equal((await c.get('/api/v1/members/999999')).status, 404);
});

test('malformed bodies on every write route are 4xx, never 5xx', async () => {
    const c = await signIn(server.base, 'admin');
    const writes = [
        ['POST', '/api/v1/organizations'], ['PUT', '/api/v1/organizations/2'], ['POST', '/api/v1/organizations/5/move'],
        ['POST', '/api/v1/organizations/5/merge'], ['POST', '/api/v1/organizations/5/positions'],
        ['POST', '/api/v1/positions/1/end'], ['POST', '/api/v1/members'], ['PUT', '/api/v1/members/3'],
        ['POST', '/api/v1/members/3/transfer'], ['POST', '/api/v1/users'], ['POST', '/api/v1/users/2/roles'],
    ];
    const bodies = ['', '{', '[]', '"x"', '{"name": {"a": 1}}', '{"full_name": 12, "date_of_birth": 5}',
        '{"parent_id": -3, "into_id": 1e40, "date": "yesterday"}', '{"member_id": "1", "position": 7}',
        JSON.stringify({ name: 'x'.repeat(100000) }), '\u0000\u0001'];
    for (const [method, path] of writes) {
        for (const body of bodies) {
            const r = await c.request(method, path, body);
            assert.ok(r.status >= 400 && r.status < 500, `${method} ${path} ${body.slice(0, 30)} -> ${r.status} ${r.text}`);
            assert.ok(r.json && r.json.error && r.json.error.message, `${method} ${path}: ${r.text}`);
        }
    }
    const huge = await c.request('POST', '/api/v1/members', 'x'.repeat(3 * 1024 * 1024));
    assert.equal(huge.status, 413);
});

test('a body nested too deeply is refused as such; one nested to the limit is read as usual', async () => {
    const c = await signIn(server.base, 'admin');
    const root = (await c.get('/api/v1/organizations/tree?depth=0')).json.roots[0];
    // An organisation whose name is `levels - 1` nested arrays: `levels` levels with the body itself.
    const nested = (levels) => `{"parent_id": ${root.id}, "kind": "subordinate_cell", "name": `
        + `${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;

    for (const body of ['['.repeat(1000) + ']'.repeat(1000), nested(33)]) {
        const r = await c.request('POST', '/api/v1/organizations', body);
        assert.equal(r.status, 400, body.slice(0, 40));
        assert.equal(r.json.error.code, 'invalid_argument');
        assert.equal(r.json.error.message, 'Dữ liệu JSON lồng nhau quá sâu (tối đa 32 cấp).');
        assert.equal(r.json.error.field, null);
    }
    const atLimit = await c.request('POST', '/api/v1/organizations', nested(32));
    assert.equal(atLimit.status, 400);
    assert.equal(atLimit.json.error.field, 'name', 'read, then refused for what the name is');
    assert.doesNotMatch(atLimit.json.error.message, /JSON/);
});

// Sends raw bytes on one connection and collects what comes back until the server closes it or the
// expected number of responses has arrived.
function exchange(base, text, { responses = 1 } = {}) {
    const { hostname, port } = new URL(base);
    return new Promise((resolve, reject) => {
        const socket = net.connect(Number(port), hostname, () => socket.write(text));
        let data = '';
        let closed = false;
        const done = () => resolve({ data, closed });
        socket.setEncoding('latin1');
        socket.on('data', (chunk) => {
            data += chunk;
            if (data.split('HTTP/1.').length - 1 >= responses && !closed) setTimeout(() => { socket.destroy(); done(); }, 300);
        });
        socket.on('end', () => { closed = true; });
        socket.on('close', () => { closed = true; done(); });
        socket.on('error', reject);
    });
}

test('the wire: keep-alive by version, HEAD without a body, pipelined requests, headers from the server', async () => {
    // HTTP/1.1 keeps the connection: two pipelined requests, two answers in order.
    const two = await exchange(server.base, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/nothing HTTP/1.1\r\nHost: x\r\n\r\n', { responses: 2 });
    const [first, second] = two.data.split(/(?=HTTP\/1\.1 )/);
    assert.match(first, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(first, /\r\nContent-Length: 15\r\n/);
    assert.match(first, /\r\nContent-Type: application\/json; charset=utf-8\r\n/);
    assert.match(first, /\r\nX-Content-Type-Options: nosniff\r\n/);
    assert.ok(first.endsWith('\r\n\r\n{"status":"ok"}'), first);
    assert.doesNotMatch(first, /Connection:/);
    assert.match(second, /^HTTP\/1\.1 401 Unauthorized\r\n|^HTTP\/1\.1 404 Not Found\r\n/);

    // HTTP/1.1 with "Connection: close": said back, and the server closes.
    const close = await exchange(server.base, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(close.data, /\r\nConnection: close\r\n/);
    assert.ok(close.closed);

    // HTTP/1.0 closes unless asked to keep the connection.
    const old = await exchange(server.base, 'GET /healthz HTTP/1.0\r\n\r\n');
    assert.match(old.data, /^HTTP\/1\.0 200 OK\r\n/);
    assert.ok(old.closed);
    const kept = await exchange(server.base, 'GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
    assert.match(kept.data, /\r\nConnection: keep-alive\r\n/);
    assert.ok(!kept.closed, 'HTTP/1.0 with keep-alive stays open');

    // HEAD: the GET's length, no body.
    const head = await exchange(server.base, 'HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(head.data, /\r\nContent-Length: 15\r\n/);
    assert.ok(head.data.endsWith('\r\n\r\n'), head.data);

    // Not HTTP: a 400 in JSON, and the connection ends.
    const bad = await exchange(server.base, 'NONSENSE\r\n\r\n');
    assert.match(bad.data, /^HTTP\/1\.1 400 Bad Request\r\n/);
    assert.match(bad.data, /Yêu cầu HTTP không hợp lệ|Y\xC3\xAAu c/);
    assert.ok(bad.closed);
});
