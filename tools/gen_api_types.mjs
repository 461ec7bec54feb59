#!/usr/bin/env node
// Writes TypeScript declarations for the schemas of an OpenAPI 3.0 document (components.schemas), so the
// web UI's API types come from docs/api/openapi.json instead of being typed twice.
//
//   node tools/gen_api_types.mjs [openapi.json] [out.ts]     (defaults: docs/api/openapi.json, stdout)
//
// A small generator rather than npm openapi-typescript: that one builds its output with the TypeScript
// compiler's JavaScript API (ts.factory), which TypeScript 7, the web UI's compiler, no longer has.
// The output depends only on the document (schemas and properties in document order, no dates), so
// `make test` can regenerate it and compare it with the committed web/src/lib/api.gen.ts.
//
// Each schema becomes an exported interface (an object with properties) or type alias (anything else),
// and `Schemas` maps every schema name to its type: `Schemas['Meeting']`. Mapping: string/integer/number/
// boolean as is; enum as a union of literals; `nullable` adds `| null`; arrays `T[]`; allOf an
// intersection (one member: that type), oneOf/anyOf a union; properties outside `required` are optional;
// additionalProperties a string index; an object with neither properties nor additionalProperties
// `Record<string, unknown>`. Descriptions become doc comments.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function literal(value) {
    if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    return JSON.stringify(value);
}

function refName(ref) {
    const prefix = '#/components/schemas/';
    if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}: only ${prefix}… is handled`);
    return ref.slice(prefix.length);
}

function comment(text, indent) {
    if (!text) return '';
    const lines = String(text).replace(/\*\//g, '*\\/').split('\n');
    if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
    return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

// The members of a type at its top level: "A | { b: C | D } | 'x|y'" gives three.
function members(type, separator) {
    const parts = [];
    let depth = 0;
    let quoted = false;
    let start = 0;
    for (let i = 0; i < type.length; i++) {
        const c = type[i];
        if (quoted) {
            if (c === '\\') i++;
            else if (c === "'") quoted = false;
        } else if (c === "'") quoted = true;
        else if ('({[<'.includes(c)) depth++;
        else if (')}]>'.includes(c)) depth--;
        else if (depth === 0 && type.startsWith(` ${separator} `, i)) {
            parts.push(type.slice(start, i));
            start = i + 3;
            i += 2;
        }
    }
    parts.push(type.slice(start));
    return parts;
}

// Wraps a union or intersection in parentheses where it is an array element or an intersection's member.
function group(type) {
    return members(type, '|').length > 1 || members(type, '&').length > 1 ? `(${type})` : type;
}

// A union of types, flattened and without repeats ('A | null' and 'null' give 'A | null').
function union(types) {
    const unique = [...new Set(types.flatMap((t) => members(t, '|')))];
    return unique.join(' | ');
}

function objectBody(schema, indent) {
    const inner = `${indent}  `;
    const required = new Set(schema.required ?? []);
    const lines = [];
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const key = IDENTIFIER.test(name) ? name : literal(name);
        const optional = required.has(name) ? '' : '?';
        lines.push(`${comment(property.description, inner)}${inner}${key}${optional}: ${typeOf(property, inner)};\n`);
    }
    const extra = schema.additionalProperties;
    if (extra === true || (extra && typeof extra === 'object')) {
        lines.push(`${inner}[key: string]: ${extra === true ? 'unknown' : typeOf(extra, inner)};\n`);
    }
    return `{\n${lines.join('')}${indent}}`;
}

// The type of a schema used inside another one (indent: the indentation of the line it appears on).
function typeOf(schema, indent = '') {
    let type;
    if (schema.$ref) {
        type = refName(schema.$ref);
    } else if (schema.allOf) {
        const parts = schema.allOf.map((s) => typeOf(s, indent));
        if (Object.keys(schema.properties ?? {}).length > 0) parts.push(objectBody(schema, indent));
        type = parts.length === 1 ? parts[0] : [...new Set(parts)].map(group).join(' & ');
    } else if (schema.oneOf || schema.anyOf) {
        type = union((schema.oneOf ?? schema.anyOf).map((s) => typeOf(s, indent)));
    } else if (schema.enum) {
        type = union(schema.enum.map(literal));
    } else if (Array.isArray(schema.type)) {
        type = union(schema.type.map((t) => typeOf({ ...schema, type: t, nullable: false }, indent)));
    } else {
        switch (schema.type) {
            case 'string':
                type = 'string';
                break;
            case 'integer':
            case 'number':
                type = 'number';
                break;
            case 'boolean':
                type = 'boolean';
                break;
            case 'null':
                type = 'null';
                break;
            case 'array':
                type = `${group(typeOf(schema.items ?? {}, indent))}[]`;
                break;
            case 'object':
            case undefined: {
                const hasProperties = Object.keys(schema.properties ?? {}).length > 0;
                const extra = schema.additionalProperties;
                if (hasProperties) type = objectBody(schema, indent);
                else if (extra && typeof extra === 'object') type = `Record<string, ${typeOf(extra, indent)}>`;
                else if (extra === false) type = 'Record<string, never>';
                else type = schema.type === 'object' || schema.properties ? 'Record<string, unknown>' : 'unknown';
                break;
            }
            default:
                throw new Error(`unsupported schema type ${JSON.stringify(schema.type)}`);
        }
    }
    return schema.nullable ? union([type, 'null']) : type;
}

export function generate(document) {
    const schemas = document.components?.schemas ?? {};
    const out = [
        '// Generated by tools/gen_api_types.mjs from docs/api/openapi.json: do not edit by hand.\n',
        '// Regenerate with `npm run gen:types` (in web/); `make test` fails while this file is stale.\n',
    ];
    for (const [name, schema] of Object.entries(schemas)) {
        if (!IDENTIFIER.test(name)) throw new Error(`schema name ${JSON.stringify(name)} is not an identifier`);
        out.push('\n', comment(schema.description, ''));
        const isInterface =
            !schema.$ref && !schema.allOf && !schema.oneOf && !schema.anyOf && !schema.enum && !schema.nullable &&
            (schema.type === 'object' || schema.type === undefined) && Object.keys(schema.properties ?? {}).length > 0;
        if (isInterface) out.push(`export interface ${name} ${objectBody(schema, '')}\n`);
        else out.push(`export type ${name} = ${typeOf(schema, '')};\n`);
    }
    out.push('\n/** Every schema of components.schemas by name. */\nexport interface Schemas {\n');
    for (const name of Object.keys(schemas)) out.push(`  ${name}: ${name};\n`);
    out.push('}\n');
    return out.join('');
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const [input = join(root, 'docs/api/openapi.json'), output] = process.argv.slice(2);
    const text = generate(JSON.parse(readFileSync(input, 'utf8')));
    if (output) writeFileSync(output, text);
    else process.stdout.write(text);
}
