/**
 * Property-based tests of the engine (fast-check): for any text, the invariants of
 * engine-invariants.ts hold. A fixed seed and a bounded budget keep `npm test` reproducible and
 * quick; `npm run fuzz` runs the same properties over 100,000+ documents. Every minimized failure
 * ever found is replayed from test/fixtures/fuzz/ first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { anyAimsText, hostileText, mutatedExample, structuredFile, truncatedExample } from './aims-arbitraries.js';
import { FuzzEngine, type CheckOptions } from './engine-invariants.js';

const SEED = 15;
const CORPUS = join(fileURLToPath(new URL('.', import.meta.url)), '../fixtures/fuzz');

let engine: FuzzEngine;
beforeAll(() => {
    engine = new FuzzEngine();
});

async function holds(text: string, options: CheckOptions = { format: true, quickFixes: true, features: true }): Promise<boolean> {
    const violations = await engine.check(text, options);
    if (violations.length > 0) {
        throw new Error(`${violations.map(v => `${v.invariant}: ${v.detail}`).join('\n')}\n--- text (${text.length} chars) ---\n${JSON.stringify(text.slice(0, 2000))}`);
    }
    return true;
}

describe('the regression corpus (test/fixtures/fuzz)', () => {
    const files = readdirSync(CORPUS).filter(f => f.endsWith('.aims') || f.endsWith('.json')).sort();

    it('holds every input class the issue lists', () => {
        expect(files.length).toBeGreaterThanOrEqual(8);
    });

    for (const file of files) {
        it(file, async () => {
            const raw = readFileSync(join(CORPUS, file), 'utf8');
            // .json entries hold texts a file on disk cannot: lone surrogates, generated sizes.
            const text = file.endsWith('.json') ? corpusText(JSON.parse(raw) as CorpusEntry) : raw;
            expect(await holds(text)).toBe(true);
        });
    }
});

interface CorpusEntry {
    /** What the input once broke. */
    readonly about: string;
    readonly text?: string;
    readonly prefix?: string;
    readonly repeat?: { readonly unit: string; readonly times: number };
    readonly suffix?: string;
}

function corpusText(entry: CorpusEntry): string {
    return entry.text ?? `${entry.prefix ?? ''}${entry.repeat!.unit.repeat(entry.repeat!.times)}${entry.suffix ?? ''}`;
}

describe('engine invariants on generated documents', () => {
    const run = (arbitrary: fc.Arbitrary<string>, numRuns: number, options: CheckOptions = { format: true, quickFixes: true, features: true }) =>
        fc.assert(fc.asyncProperty(arbitrary, text => holds(text, options)), { seed: SEED, numRuns, endOnFailure: true });

    it('mutated example files', () => run(mutatedExample, 60));
    it('example files cut off at any offset', () => run(truncatedExample, 40));
    it('structured declarations with fields in any order, missing, repeated or wrong', () => run(structuredFile, 80));
    it('hostile texts: deep repetition, long names and strings, control characters', () => run(hostileText, 30, { format: true, quickFixes: false, features: true }));
    it('any of them', () => run(anyAimsText, 40));
});
