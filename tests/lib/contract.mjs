// The wire contract: every answer the API suites receive is checked against docs/api/openapi.json.
//
// `checkAnswer` finds the operation (method + path template), the documented response for the status
// (the exact code, then `4XX`-style ranges, then `default`) and validates a JSON body with ajv against
// that response's schema. An operation, status or media type the document does not list is a failure
// too, so the document cannot fall behind the server without a test saying so.
//
// The OpenAPI 3.0 schemas are turned into plain JSON Schema once, when this module loads:
//   - Objects are closed: every object schema that does not say `additionalProperties` gets
//     `additionalProperties: false`. This is injected here rather than written into the document
//     because the document composes objects with `allOf` (Member = MemberSummary + details): written
//     into the parts, `additionalProperties: false` would make each part reject the other's fields.
//     So `allOf` over objects is first merged into one object (properties and `required` united),
//     then closed. A map or a free-form object must say `additionalProperties` in the document.
//   - `nullable: true` becomes a `null` type (or a `null` alternative), as OpenAPI 3.0 means it.
//     `nullable` beside a `$ref` is ignored by the standard, so it is refused here: the document must
//     wrap the reference in `allOf`.
//   - Annotation-only OpenAPI keywords (`example`) are dropped.
// With CHIBO_CONTRACT_AUDIT=<file>, each answer is also checked as if every declared property were
// required, and what is missing is appended to that file instead of failing: an optional property
// that never shows up there across a whole run is always sent, and belongs in `required`. Each
// answer's operation and status is logged there too ("seen GET /api/v1/members 200"), to see which
// documented answers no test receives.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// CHIBO_OPENAPI names another copy of the document (to try a change to it without editing the file).
export const OPENAPI_PATH = process.env.CHIBO_OPENAPI
    || join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'docs', 'api', 'openapi.json');
export const openapi = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));

const AUDIT = process.env.CHIBO_CONTRACT_AUDIT;
const SCHEMA_REF = '#/components/schemas/';
const BASE = 'chibo-openapi';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function resolveRef(ref) {
    if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
    return ref.slice(2).split('/').reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], openapi);
}

function isObjectSchema(s) {
    return s.type === 'object' || s.properties !== undefined;
}

// Merges `allOf` parts that are all objects (references resolved) into one object schema.
function mergeAllOf(schema, where) {
    const { allOf, ...rest } = schema;
    const parts = allOf.map((p) => (p.$ref ? { ...resolveRef(p.$ref) } : p));
    if (!parts.every((p) => isObjectSchema(p) && !p.allOf && !p.oneOf && !p.anyOf)) {
        if (parts.length === 1) {  // `allOf: [{ $ref }]` used to annotate a reference (nullable, description).
            return { ...rest, ...parts[0], ...(rest.nullable ? { nullable: true } : {}) };
        }
        return schema;
    }
    const merged = { ...rest, type: 'object', properties: { ...(rest.properties || {}) }, required: [...(rest.required || [])] };
    for (const part of parts) {
        for (const [name, prop] of Object.entries(part.properties || {})) {
            if (name in merged.properties) throw new Error(`${where}: property ${name} is declared twice in allOf`);
            merged.properties[name] = prop;
        }
        merged.required.push(...(part.required || []));
        if (part.additionalProperties !== undefined) merged.additionalProperties = part.additionalProperties;
    }
    if (merged.required.length === 0) delete merged.required;
    return merged;
}

// OpenAPI 3.0 schema → JSON Schema for ajv (see the comment at the top).
function toJsonSchema(node, where) {
    if (Array.isArray(node)) return node.map((n, i) => toJsonSchema(n, `${where}/${i}`));
    if (node === null || typeof node !== 'object') return node;
    let s = node;
    if (s.$ref !== undefined) {
        const siblings = Object.keys(s).filter((k) => k !== '$ref' && k !== 'description');
        if (siblings.length) throw new Error(`${where}: ${siblings.join(', ')} beside $ref is ignored by OpenAPI 3.0; wrap the $ref in allOf`);
        if (!s.$ref.startsWith(SCHEMA_REF)) throw new Error(`${where}: unexpected reference ${s.$ref}`);
        return { $ref: `${BASE}#/$defs/${s.$ref.slice(SCHEMA_REF.length)}` };
    }
    if (s.allOf) s = mergeAllOf(s, where);
    const out = {};
    for (const [key, value] of Object.entries(s)) {
        if (key === 'example' || key === 'nullable') continue;
        if (key === 'properties') {
            out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, `${where}/${k}`)]));
        } else if (['items', 'additionalProperties', 'not'].includes(key) || ['allOf', 'oneOf', 'anyOf'].includes(key)) {
            out[key] = toJsonSchema(value, `${where}/${key}`);
        } else {
            out[key] = value;
        }
    }
    if (isObjectSchema(out) && out.additionalProperties === undefined) out.additionalProperties = false;
    if (s.nullable === true) {
        if (out.type !== undefined) {
            out.type = [out.type, 'null'];
            if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
        } else {
            return { anyOf: [{ type: 'null' }, out] };
        }
    }
    return out;
}

// The same schema with every declared property required (CHIBO_CONTRACT_ALL_REQUIRED=1).
function requireAll(node) {
    if (Array.isArray(node)) return node.map(requireAll);
    if (node === null || typeof node !== 'object') return node;
    const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, requireAll(v)]));
    if (out.properties) out.required = Object.keys(out.properties);
    return out;
}

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
addFormats(ajv);
ajv.addKeyword({ keyword: 'example' });  // Only in parameters' schemas; harmless there.
const defs = Object.fromEntries(Object.entries(openapi.components.schemas)
    .map(([name, schema]) => [name, toJsonSchema(schema, `${SCHEMA_REF}${name}`)]));
ajv.addSchema({ $id: BASE, $defs: defs });
const auditAjv = AUDIT ? new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }) : null;
if (auditAjv) {
    addFormats(auditAjv);
    auditAjv.addSchema({ $id: BASE, $defs: requireAll(defs) });
}

// Operations sorted so that literal segments win over templates (/organizations/tree over
// /organizations/{id}).
const operations = [];
for (const [template, item] of Object.entries(openapi.paths)) {
    for (const method of METHODS) {
        if (!item[method]) continue;
        const segments = template.split('/');
        const pattern = new RegExp(`^${segments.map((seg) => seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
            .replace(/\{[^}]+\}/g, '[^/]+')).join('/')}$`);
        operations.push({ method: method.toUpperCase(), template, pattern, operation: item[method],
            templated: segments.filter((seg) => seg.includes('{')).length });
    }
}
operations.sort((a, b) => a.templated - b.templated);

export function findOperation(method, path) {
    const pathname = new URL(path, 'http://x').pathname;
    return operations.find((o) => o.method === method && o.pattern.test(pathname));
}

const validators = new Map();
function validatorFor(key, schema, where) {
    if (!validators.has(key)) {
        const compiled = toJsonSchema(schema, where);
        validators.set(key, ajv.compile(compiled));
        if (auditAjv) validators.set(`audit ${key}`, auditAjv.compile(requireAll(compiled)));
    }
    return validators.get(key);
}

// ajv's errors, one a line; a list answer repeats the same error for every item, so at most 12.
function describeErrors(errors) {
    const shown = errors.slice(0, 12).map((e) => {
        const extra = e.params?.additionalProperty ?? e.params?.missingProperty ?? e.params?.allowedValues ?? e.params?.type;
        return `  ${e.instancePath || '(body)'} ${e.message}${extra !== undefined ? `: ${JSON.stringify(extra)}` : ''}`;
    });
    if (errors.length > shown.length) shown.push(`  … and ${errors.length - shown.length} more`);
    return shown.join('\n');
}

function mediaType(contentType) {
    return (contentType || '').split(';')[0].trim().toLowerCase();
}

// Checks one answer. `undocumented: true` is for a test that deliberately calls a path or method the
// API does not have: then only the error body's shape is checked. Throws an Error naming the
// operation, the status and what is wrong.
export function checkAnswer({ method, path, status, contentType, text, undocumented = false }) {
    const found = undocumented ? null : findOperation(method, path);
    const name = found ? `${found.method} ${found.template}` : `${method} ${path}`;
    const fail = (why) => {
        throw new Error(`OpenAPI contract: ${name} answered ${status}: ${why}\n  body: ${(text || '').slice(0, 600)}`);
    };
    let response;
    if (undocumented) {
        if (status < 400) fail('a path or method outside the document answered with success');
        response = { content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}Error` } } } };
    } else {
        if (!found) fail('no operation in docs/api/openapi.json matches this method and path');
        const responses = found.operation.responses || {};
        response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
        if (!response) fail(`status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`);
        if (response.$ref) response = resolveRef(response.$ref);
    }
    if (AUDIT) appendFileSync(AUDIT, `seen ${name} ${status}\n`);
    const content = response.content || {};
    const type = mediaType(contentType);
    if (!text) {
        if (Object.keys(content).length && status !== 204) fail(`empty body, but the document describes ${Object.keys(content).join(', ')}`);
        return;
    }
    if (!Object.keys(content).length) fail(`a ${type || 'body'} answer, but the document describes no body`);
    const entry = content[type] ?? content[`${type.split('/')[0]}/*`] ?? content['*/*'];
    if (!entry) fail(`media type ${type} is not documented (documented: ${Object.keys(content).join(', ')})`);
    if (type !== 'application/json') return;
    let body;
    try { body = JSON.parse(text); } catch (e) { fail(`the body is not JSON (${e.message})`); }
    if (!entry.schema) fail('the document gives no schema for this JSON answer');
    const key = undocumented ? 'undocumented' : `${name} ${status in (found.operation.responses || {}) ? status : 'default'}`;
    const validate = validatorFor(key, entry.schema, key);
    if (!validate(body)) fail(`the body does not match the schema:\n${describeErrors(validate.errors)}`);
    if (auditAjv) {
        const audit = validators.get(`audit ${key}`);
        if (!audit(body)) appendFileSync(AUDIT, `${key}\n${describeErrors(audit.errors)}\n`);
    }
}

// fetch, with the answer checked against the contract (the body stays readable by the caller).
export async function checkedFetch(url, init = {}, { undocumented = false } = {}) {
    const r = await fetch(url, init);
    const text = await r.clone().text();
    const { pathname, search } = new URL(url);
    if (pathname.startsWith('/api/') || pathname === '/healthz') {
        checkAnswer({ method: (init.method || 'GET').toUpperCase(), path: pathname + search, status: r.status,
            contentType: r.headers.get('content-type'), text: mediaType(r.headers.get('content-type')) === 'application/json' ? text : (text ? 'x' : ''), undocumented });
    }
    return r;
}
