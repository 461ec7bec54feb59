// Tests of tools/gen_api_types.mjs: the mapping of each schema construct, and that the output is stable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from './gen_api_types.mjs';

const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const doc = (schemas) => ({ openapi: '3.0.3', components: { schemas } });
// The declaration of one schema, without comments.
const declaration = (schemas, name) => {
    const text = generate(doc(schemas)).replace(/^ *\/\*\*.*\*\/\n/gm, '');
    const start = text.search(new RegExp(`^export (interface|type) ${name}\\b`, 'm'));
    const end = text.indexOf('\n\n', start);
    return text.slice(start, end === -1 ? undefined : end).trim();
};

test('an object lists its properties, optional unless required', () => {
    const out = declaration({
        Tier: { type: 'object', required: ['points'], properties: { min: { type: 'number' }, points: { type: 'integer' } } },
    }, 'Tier');

    assert.equal(out, 'export interface Tier {\n  min?: number;\n  points: number;\n}');
});

test('nullable adds null once, also to an enum that lists null', () => {
    const out = declaration({
        Rule: {
            type: 'object',
            required: ['shift', 'day'],
            properties: {
                shift: { type: 'string', enum: ['keep', 'next', null], nullable: true },
                day: { type: 'integer', nullable: true },
            },
        },
    }, 'Rule');

    assert.match(out, /shift: 'keep' \| 'next' \| null;/);
    assert.match(out, /day: number \| null;/);
});

test('a nullable reference wrapped in allOf is the referenced type or null', () => {
    const out = declaration({
        Grade: { type: 'object', properties: { id: { type: 'integer' } } },
        Row: { type: 'object', required: ['self'], properties: { self: { type: 'object', allOf: [ref('Grade')], nullable: true } } },
    }, 'Row');

    assert.match(out, /self: Grade \| null;/);
});

test('allOf of several parts is an intersection, oneOf a union, arrays of unions are parenthesised', () => {
    const schemas = {
        A: { type: 'object', properties: { a: { type: 'string' } } },
        B: { type: 'object', properties: { b: { type: 'string' } } },
        AB: { allOf: [ref('A'), { type: 'object', required: ['c'], properties: { c: { type: 'boolean' } } }] },
        List: { type: 'array', items: { oneOf: [ref('A'), ref('B')] } },
    };

    assert.equal(declaration(schemas, 'AB'), 'export type AB = A & {\n  c: boolean;\n};');
    assert.equal(declaration(schemas, 'List'), 'export type List = (A | B)[];');
});

test('additionalProperties becomes a string index; a bare object a record of unknown', () => {
    const schemas = {
        Points: { type: 'object', additionalProperties: { type: 'integer' } },
        Empty: { type: 'object', properties: {} },
        Closed: { type: 'object', additionalProperties: false },
    };

    assert.equal(declaration(schemas, 'Points'), 'export type Points = Record<string, number>;');
    assert.equal(declaration(schemas, 'Empty'), 'export type Empty = Record<string, unknown>;');
    assert.equal(declaration(schemas, 'Closed'), 'export type Closed = Record<string, never>;');
});

test('property names that are not identifiers are quoted, and quotes in literals escaped', () => {
    const out = declaration({
        Odd: { type: 'object', required: ['a-b'], properties: { 'a-b': { type: 'string', enum: ["it's"] } } },
    }, 'Odd');

    assert.match(out, /'a-b': 'it\\'s';/);
});

test('every schema is listed in Schemas, and the same document gives the same text', () => {
    const schemas = { Z: { type: 'string' }, A: { type: 'integer' } };

    const first = generate(doc(schemas));

    assert.match(first, /export interface Schemas \{\n {2}Z: Z;\n {2}A: A;\n\}/);
    assert.equal(generate(doc(structuredClone(schemas))), first);
});

test('a reference outside components.schemas is refused', () => {
    assert.throws(() => generate(doc({ X: { $ref: 'other.json#/X' } })), /unsupported \$ref/);
});
