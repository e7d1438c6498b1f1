/**
 * Generators of `.aims` texts for the fuzz suite (fast-check arbitraries):
 * - grammar-aware mutations of the example workspace's files: tokens deleted, duplicated,
 *   swapped or replaced by other tokens of the language, and texts cut off at any offset;
 * - structured generators, one per declaration, with fields in any order, some missing, some
 *   repeated, and values that are sometimes of the wrong kind;
 * - hostile texts: deep nesting, long names and strings, control characters, lone surrogates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const EXAMPLES = join(fileURLToPath(new URL('../..', import.meta.url)), 'examples');

/** The example files, the realistic base every mutation starts from. */
export const EXAMPLE_TEXTS: readonly string[] = readdirSync(EXAMPLES).filter(f => f.endsWith('.aims')).sort()
    .map(f => readFileSync(join(EXAMPLES, f), 'utf8'));

/** Tokens of the language and near misses, for insertions and replacements. */
const VOCABULARY = [
    '{', '}', ',', '"', '"text"', '""', '//', '/*', '*/', '\n', ' ',
    'organisation', 'person', 'team', 'policy', 'objective', 'control', 'system', 'dataset', 'supplier', 'risk',
    'impact-assessment', 'soa', 'evidence', 'catalog', 'owner', 'review', 'every', 'approved', 'by', 'on', 'accepted',
    'treatment', 'mitigate', 'accept', 'with', 'inherent', 'residual', 'likelihood', 'impact', 'applicable', 'excluded',
    'because', 'undecided', 'status', 'implemented', 'path', 'url', 'expires', 'collected', 'supports', 'eu-ai-act', 'high',
    'annex-iii', 'A.6.2.4', 'A.99.1', 'a.6.2.4', 'C.3.4', '6.1.2', 'GOVERN 1.1', 'Article 9', 'ACME.1', 'A.1',
    '2026-01-31', '2026-02-30', '0', '2', '99999999999999999999', 'month', 'months', 'year', 'alice', 'undefined',
    '"javascript:alert(1)"', '"../../etc/passwd"', '"\u001b]0;title\u0007"', '\uD800', '\u202E'
];

function tokensOf(text: string): string[] {
    // Words, strings, comments, punctuation and whitespace runs: a coarse lexer, enough to mutate by token.
    return text.match(/"(?:[^"\\]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z][\w.-]*(?: \d+\.\d+)?|\d[\d.-]*|\s+|./g) ?? [];
}

const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...VOCABULARY) }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), token: fc.constantFrom(...VOCABULARY) })
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(tokens: string[], m: Mutation): string[] {
    if (tokens.length === 0) {
        return m.kind === 'insert' || m.kind === 'replace' ? [m.token] : tokens;
    }
    const at = m.at % tokens.length;
    const copy = [...tokens];
    switch (m.kind) {
        case 'delete': copy.splice(at, m.length); break;
        case 'duplicate': copy.splice(at, 0, ...tokens.slice(at, at + m.length)); break;
        case 'swap': { const other = m.other % tokens.length; [copy[at], copy[other]] = [copy[other], copy[at]]; break; }
        case 'insert': copy.splice(at, 0, m.token); break;
        case 'replace': copy[at] = m.token; break;
    }
    return copy;
}

/** An example file with 1 to 8 token mutations. */
export const mutatedExample: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...EXAMPLE_TEXTS), fc.array(mutation, { minLength: 1, maxLength: 8 }))
    .map(([text, mutations]) => mutations.reduce(mutate, tokensOf(text)).join(''));

/** An example file (possibly mutated) cut off at any offset. */
export const truncatedExample: fc.Arbitrary<string> = fc.tuple(fc.oneof(fc.constantFrom(...EXAMPLE_TEXTS), mutatedExample), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([text, where]) => text.slice(0, Math.floor(text.length * where)));

// ---------------------------------------------------------------- structured declarations

const name = fc.oneof(fc.constantFrom('alice', 'bob', 'ml-team', 'credit', 'r1', 'ev1', 'ds1', 'sup1', 'owner', 'x'), fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/));
const text = fc.oneof(fc.constantFrom('"A title"', '""', '"multi\nline"', '"with \\" quote"', '"\u001b[2J"'), fc.string({ maxLength: 20 }).map(s => JSON.stringify(s)));
const date = fc.oneof(fc.constantFrom('2026-01-31', '2024-02-29', '2026-02-29', '2026-13-01', '1999-12-31', '9999-12-31', '0000-01-01'),
    fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map(d => d.toISOString().slice(0, 10)));
const count = fc.oneof(fc.nat({ max: 40 }), fc.constantFrom(0, 2 ** 31, 999999999999));
const unit = fc.constantFrom('day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years');
const controlId = fc.oneof(fc.constantFrom('A.2.2', 'A.6.2.4', 'A.10.4', 'A.6.2.40', 'A.5.15', 'ACME.1', 'C.2.5', 'a.6.2.4'),
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([a, b, c]) => `A.${a}.${b}.${c}`));
const rating = fc.tuple(fc.integer({ min: -1, max: 7 }), fc.integer({ min: -1, max: 7 })).map(([l, i]) => `likelihood ${l} impact ${i}`);
const review = fc.oneof(fc.tuple(count, unit).map(([c, u]) => `review every ${c} ${u}`), date.map(d => `review ${d}`), fc.constant('review every'));
const url = fc.constantFrom('"https://example.com/a"', '"http://x"', '"javascript:alert(1)"', '"data:text/html,<b>"', '"command:workbench.action.terminal.new"', '"vscode:extension/x"', '"file:///etc/passwd"', '"mailto:a@b"', '"not a url"');
const path = fc.constantFrom('"evidence/a.pdf"', '"../outside.pdf"', '"/etc/passwd"', '"C:\\\\x.pdf"', '"a\uD800b.pdf"', '""', '"evidence/"');

/** A block of fields in any order, some of them twice, with `{`/`}` sometimes missing. */
function block(fields: ReadonlyArray<fc.Arbitrary<string>>): fc.Arbitrary<string> {
    return fc.tuple(fc.array(fc.oneof(...fields), { maxLength: 8 }), fc.boolean(), fc.boolean())
        .map(([lines, open, close]) => `${open ? '{' : ''}\n${lines.map(l => `    ${l}\n`).join('')}${close || !open ? '}' : ''}`);
}

const declaration = (keyword: string, fields: ReadonlyArray<fc.Arbitrary<string>>) =>
    fc.tuple(fc.option(name, { nil: '' }), fc.option(text, { nil: '' }), block(fields)).map(([n, t, b]) => `${keyword} ${n} ${t} ${b}`);

const owner = name.map(n => `owner ${n}`);

export const structuredDeclaration: fc.Arbitrary<string> = fc.oneof(
    declaration('organisation', [text.map(t => `scope ${t}`), fc.constant('likelihood scale 1 to 5'), fc.constant('impact scale 5 to 1')]),
    declaration('person', [text.map(t => `role ${t}`), text.map(t => `email ${t}`), name.map(n => `team ${n}`)]),
    declaration('team', [name.map(n => `lead ${n}`), fc.array(name, { minLength: 1, maxLength: 3 }).map(ns => `members ${ns.join(', ')}`)]),
    declaration('policy', [owner, fc.tuple(date, name).map(([d, n]) => `approved ${d} by ${n}`), review, text.map(t => `document ${t}`)]),
    declaration('objective', [owner, date.map(d => `due ${d}`), fc.constantFrom('annex-c C.2.5', 'annex-c C.9.9, C.2.1'), text.map(t => `measure ${t}`)]),
    declaration('system', [owner, fc.constantFrom('eu-ai-act high', 'eu-ai-act high annex-iii 5', 'eu-ai-act prohibited', 'eu-ai-act limited annex-iii 9'), text.map(t => `oversight ${t}`), name.map(n => `datasets ${n}`), fc.constantFrom('stage deployment', 'role provider')]),
    declaration('dataset', [owner, text.map(t => `source ${t}`), fc.constantFrom('personal-data yes', 'personal-data maybe'), name.map(n => `supplier ${n}`)]),
    declaration('supplier', [owner, text.map(t => `provides ${t}`)]),
    declaration('risk', [owner, rating.map(r => `inherent ${r}`), rating.map(r => `residual ${r}`), review, name.map(n => `systems ${n}`),
        fc.constantFrom('sources C.3.4', 'sources C.3.99'), controlId.map(c => `treatment mitigate with ${c}`), fc.constantFrom('treatment accept', 'treatment avoid', 'treatment mitigate'),
        fc.tuple(name, date).map(([n, d]) => `accepted by ${n} on ${d}`), fc.constantFrom('affects individuals, society')]),
    declaration('impact-assessment', [name.map(n => `system ${n}`), fc.tuple(date, name).map(([d, n]) => `assessed ${d} by ${n}`), review, fc.constantFrom('severity high', 'severity extreme')]),
    declaration('evidence', [owner, path.map(p => `path ${p}`), url.map(u => `url ${u}`), date.map(d => `expires ${d}`), date.map(d => `collected ${d}`),
        fc.constantFrom('supports A.6.2.4', 'supports GOVERN 1.1, 6.1.2', 'supports Article 9', 'supports ACME.1'), fc.constantFrom('kind report', 'kind poem')]),
    fc.tuple(fc.option(text, { nil: '' }), fc.array(fc.tuple(controlId, fc.constantFrom('applicable', 'excluded', 'excluded because "n/a"', 'undecided', 'applicable { status implemented owner alice evidence ev1 }', 'applicable { treats r1 status planned', '')),
        { maxLength: 6 })).map(([t, entries]) => `soa ${t} {\n${entries.map(([id, rest]) => `    control ${id} ${rest}\n`).join('')}}`),
    fc.tuple(controlId, fc.option(text, { nil: '' })).map(([id, t]) => `control ${id} ${t}`)
);

/** One to six declarations in a row: a small workspace file. */
export const structuredFile: fc.Arbitrary<string> = fc.array(structuredDeclaration, { minLength: 1, maxLength: 6 }).map(ds => ds.join('\n'));

// ---------------------------------------------------------------- hostile texts

export const hostileText: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(fc.constantFrom('}}risk "t"', '{', '}', 'risk r "t" {', 'soa { control A.2.2 applicable {', '"', '/*', 'person p "x" { role "a" }}'), fc.integer({ min: 1, max: 400 }))
        .map(([unit, n]) => unit.repeat(n)),
    fc.tuple(fc.constantFrom('x', 'A.6.2.', 'GOVERN ', 'a'), fc.integer({ min: 100, max: 20_000 })).map(([c, n]) => `risk r "R" { owner ${c.repeat(n)} }`),
    fc.integer({ min: 100, max: 20_000 }).map(n => `person p "${'a'.repeat(n)}`),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\u0007', '\uD800', '\uDC00', '\u202E', '\r', '\n', '{', '}', '"', ' ', 'a'), maxLength: 80 })
);

/** Everything, weighted towards the realistic: what the property tests draw from. */
export const anyAimsText: fc.Arbitrary<string> = fc.oneof(
    { arbitrary: mutatedExample, weight: 4 },
    { arbitrary: truncatedExample, weight: 2 },
    { arbitrary: structuredFile, weight: 3 },
    { arbitrary: hostileText, weight: 1 }
);
