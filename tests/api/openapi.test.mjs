// The OpenAPI document itself: valid OpenAPI 3.0, compilable into the checks every other suite runs,
// and the copy the binary serves is the file in docs/api/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import { checkAnswer, openapi, OPENAPI_PATH } from '../lib/contract.mjs';
import { Client, startServer } from '../lib/server.mjs';

test('docs/api/openapi.json is a valid OpenAPI 3.0 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(OPENAPI_PATH);
    assert.equal(validator.version, '3.0');
    assert.ok(result.valid, `invalid OpenAPI document:\n${JSON.stringify(result.errors, null, 2)}`);
});

test('every JSON response schema compiles, and rejects a field it does not declare', () => {
    let checked = 0;
    for (const [path, item] of Object.entries(openapi.paths)) {
        for (const [method, operation] of Object.entries(item)) {
            for (const [status, response] of Object.entries(operation.responses || {})) {
                const code = status === 'default' ? 500 : Number(status);
                const json = (response.$ref ? { content: { 'application/json': {} } } : response).content?.['application/json'];
                if (!json) continue;
                const concrete = path.replace(/\{[^}]+\}/g, '1');
                // An empty object fails any object schema with a required field, or passes an open one;
                // either way the schema compiles. A planted unknown field must always fail.
                try {
                    checkAnswer({ method: method.toUpperCase(), path: concrete, status: code, contentType: 'application/json', text: '{}' });
                } catch (e) {
                    assert.match(e.message, /does not match the schema/, `${method} ${path} ${status}`);
                }
                if (path !== '/api/v1/openapi.json') {
                    assert.throws(() => checkAnswer({ method: method.toUpperCase(), path: concrete, status: code,
                        contentType: 'application/json', text: JSON.stringify({ planted_unknown_field: 1 }) }),
                    /planted_unknown_field|must be array|must be/, `${method} ${path} ${status} accepts an unknown field`);
                }
                checked++;
            }
        }
    }
    assert.ok(checked > 60, `${checked} JSON responses checked`);
});

test('an answer the document does not list fails the check', () => {
    assert.throws(() => checkAnswer({ method: 'GET', path: '/api/v1/nowhere', status: 200, contentType: 'application/json', text: '{}' }),
        /no operation in docs\/api\/openapi.json matches/);
    assert.throws(() => checkAnswer({ method: 'GET', path: '/healthz', status: 302, contentType: 'text/html', text: 'x' }),
        /media type text\/html is not documented|does not match/);
    assert.throws(() => checkAnswer({ method: 'POST', path: '/api/v1/auth/logout', status: 204, contentType: 'application/json', text: '{"a":1}' }),
        /describes no body/);
});

// Passes only once the binary was built from this document (make test builds it first).
test('the binary serves docs/api/openapi.json unchanged', async () => {
    const server = await startServer({ demo: false });
    try {
        const served = await new Client(server.base).get('/api/v1/openapi.json');
        assert.equal(served.status, 200);
        // Not deepEqual: its diff of two 280 KB documents would bury the message.
        assert.ok(isDeepStrictEqual(served.json, openapi), 'the served document differs from docs/api/openapi.json: rebuild chibo');
    } finally {
        await server.stop();
    }
});
