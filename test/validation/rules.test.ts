/**
 * Every validation rule, specified by fixtures: test/fixtures/validation/<domain>/<rule>/ holds small AIMS
 * workspaces that mark, next to the text, what the validator must and must not report there
 * (format: test/fixtures/validation/README.md). One test per expectation, plus one per fixture
 * that nothing else of the rule under test is reported.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { ALL_RULES, ruleByCode } from '../../src/validation/rules.js';
import { workspace, type TestWorkspace } from '../helpers/workspace.js';
import { loadFixtures, type Expectation, type Fixture } from './fixture-format.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/validation');
/** Fixture folders that are about the engine as a whole rather than one rule. */
const TOPICS = ['severity-overrides'];

const fixtures = loadFixtures(FIXTURES);

const SEVERITY_NAMES: Record<number, string> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint'
};

function severityOf(d: Diagnostic): string {
    return SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error];
}

function at(range: Range): string {
    return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

function messageOf(d: Diagnostic): string {
    return typeof d.message === 'string' ? d.message : d.message.value;
}

function show(file: string, d: Diagnostic): string {
    return `${file}:${at(d.range)} ${severityOf(d)} ${String(d.code)}: ${messageOf(d)}`;
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character
        && a.end.line === b.end.line && a.end.character === b.end.character;
}

function before(a: Range['start'], b: Range['start']): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
    return !before(a.end, b.start) && !before(b.end, a.start);
}

/** A diagnostic that a positive expectation describes: same code, severity and range; message contains the part. */
function fulfils(d: Diagnostic, e: Expectation): boolean {
    return String(d.code) === e.code && severityOf(d) === e.severity && sameRange(d.range, e.range)
        && (e.message === undefined || messageOf(d).includes(e.message));
}

/** A diagnostic that a negative expectation forbids: same code (and severity, message part), touching the range. */
function violates(d: Diagnostic, e: Expectation): boolean {
    return String(d.code) === e.code && (e.severity === 'diagnostic' || severityOf(d) === e.severity)
        && overlaps(d.range, e.range) && (e.message === undefined || messageOf(d).includes(e.message));
}

function title(e: Expectation): string {
    const marked = e.marked.replace(/\s+/g, ' ');
    const excerpt = marked.length > 40 ? `${marked.slice(0, 37)}...` : marked;
    const message = e.message !== undefined ? ` "${e.message}"` : '';
    return `${e.negated ? 'no ' : ''}${e.severity} ${e.code}${message} at ${e.file}:${at(e.range)} «${excerpt}»`;
}

/** The codes a fixture speaks about completely: its folder's rule and every code it expects. */
function codesUnderTest(fixture: Fixture): Set<string> {
    const codes = new Set(fixture.expectations.filter(e => !e.negated).map(e => e.code));
    if (ruleByCode(`aims/${fixture.rule}`)) {
        codes.add(`aims/${fixture.rule}`);
    }
    return codes;
}

async function build(fixture: Fixture, root: string): Promise<TestWorkspace> {
    for (const file of fixture.existingFiles) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), `placeholder for ${file}\n`);
    }
    // The real file system, so that evidence paths exist or not as they would in a repository.
    return workspace(fixture.files, { nodeFs: true, root, settings: fixture.settings });
}

describe('the rule fixtures', () => {
    it('are found', () => {
        expect(fixtures.length).toBeGreaterThan(0);
    });

    it('live in a folder named after a rule (or a cross-cutting topic) and state at least one expectation', () => {
        const misplaced = fixtures.filter(f => !ruleByCode(`aims/${f.rule}`) && !TOPICS.includes(f.rule)).map(f => f.name);
        const empty = fixtures.filter(f => f.expectations.length === 0).map(f => f.name);
        expect({ misplaced, empty }).toEqual({ misplaced: [], empty: [] });
    });

    it('live in the folder of their rule\'s domain', () => {
        const elsewhere = fixtures
            .filter(f => (ruleByCode(`aims/${f.rule}`)?.domain ?? 'core') !== f.domain)
            .map(f => `${f.domain}/${f.name}: aims/${f.rule} belongs to ${ruleByCode(`aims/${f.rule}`)?.domain ?? 'core'}/`);
        expect(elsewhere).toEqual([]);
    });

    it('only expect codes that rules.ts defines', () => {
        const unknown = fixtures.flatMap(f => f.expectations.filter(e => !ruleByCode(e.code)).map(e => `${f.name}: ${e.code}`));
        expect(unknown).toEqual([]);
    });

    it('cover every rule with at least one positive and one negative case', () => {
        const expectations = fixtures.flatMap(f => f.expectations);
        const uncovered = ALL_RULES.flatMap(rule => [
            ...expectations.some(e => e.code === rule.code && !e.negated) ? [] : [`${rule.code}: no positive case`],
            ...expectations.some(e => e.code === rule.code && e.negated) ? [] : [`${rule.code}: no negative case`]
        ]);
        expect(uncovered).toEqual([]);
    });
});

for (const rule of [...new Set(fixtures.map(f => f.rule))]) {
    describe(rule, () => {
        for (const fixture of fixtures.filter(f => f.rule === rule)) {
            describe(fixture.scenario, () => {
                let root: string;
                let ws: TestWorkspace;

                beforeAll(async () => {
                    root = mkdtempSync(join(tmpdir(), 'aims-fixture-'));
                    ws = await build(fixture, root);
                });

                afterAll(() => {
                    rmSync(root, { recursive: true, force: true });
                });

                for (const expectation of fixture.expectations) {
                    it(title(expectation), () => {
                        const diagnostics = ws.diagnostics[expectation.file] ?? [];
                        if (expectation.negated) {
                            const offending = diagnostics.filter(d => violates(d, expectation)).map(d => show(expectation.file, d));
                            expect(offending, 'reported although the fixture says it must not be').toEqual([]);
                        } else if (!diagnostics.some(d => fulfils(d, expectation))) {
                            const sameCode = diagnostics.filter(d => String(d.code) === expectation.code).map(d => show(expectation.file, d));
                            expect.fail(`expected ${title(expectation)}\n${sameCode.length > 0
                                ? `found with this code instead:\n  ${sameCode.join('\n  ')}`
                                : `nothing with this code; the file has:\n  ${diagnostics.map(d => show(expectation.file, d)).join('\n  ') || '(no diagnostics)'}`}`);
                        }
                    });
                }

                // A check that throws becomes Langium's "An error occurred during validation" without a code.
                it('reports nothing without an aims/ code', () => {
                    const uncoded = Object.entries(ws.diagnostics).flatMap(([file, diagnostics]) => diagnostics
                        .filter(d => !String(d.code ?? '').startsWith('aims/'))
                        .map(d => show(file, d)));
                    expect(uncoded).toEqual([]);
                });

                // A declaration with a syntax error gets no other findings, so a negative case in it would pass for nothing.
                it.skipIf(fixture.scenario.startsWith('half-parsed'))('has no syntax error it does not expect', () => {
                    const expected = fixture.expectations.filter(e => !e.negated && e.code === 'aims/syntax-error');
                    const unexpected = Object.entries(ws.diagnostics).flatMap(([file, diagnostics]) => diagnostics
                        .filter(d => String(d.code) === 'aims/syntax-error' && !expected.some(e => e.file === file && fulfils(d, e)))
                        .map(d => show(file, d)));
                    expect(unexpected).toEqual([]);
                });

                const codes = codesUnderTest(fixture);
                it(`reports nothing else of ${[...codes].join(', ')}`, () => {
                    const positive = fixture.expectations.filter(e => !e.negated);
                    const unexpected = Object.entries(ws.diagnostics).flatMap(([file, diagnostics]) => diagnostics
                        .filter(d => codes.has(String(d.code)) && !positive.some(e => e.file === file && fulfils(d, e)))
                        .map(d => show(file, d)));
                    expect(unexpected).toEqual([]);
                });
            });
        }
    });
}
