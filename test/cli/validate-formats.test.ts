import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/cli/formats/github.js';
import { ALL_RULES } from '../../src/validation/rules.js';
import { copyFixture, FIXTURES, REPO_ROOT, runAims } from './run-aims.js';

const FINDINGS = 'test/fixtures/cli/findings';
const TODAY = ['--today', '2026-06-01'];
// Both packages are CommonJS with the export on `.default` as well; take it from there.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

const temporary: string[] = [];
afterAll(() => temporary.forEach(dir => rmSync(dirname(dir), { recursive: true, force: true })));

describe('aims validate --format json', () => {
    let output: any;
    beforeAll(() => {
        const run = runAims(['validate', FINDINGS, ...TODAY, '--format', 'json']);
        expect(run.code).toBe(1);
        output = JSON.parse(run.stdout);
    });

    it('has the documented top-level shape', () => {
        expect(Object.keys(output)).toEqual(['files', 'workspace', 'errors', 'warnings', 'diagnostics']);
        expect(output).toMatchObject({ files: 3, errors: 3, warnings: 3 });
        expect(output.workspace).toEqual({ root: FINDINGS, foundBy: 'config', config: `${FINDINGS}/aims.config.json`, files: 3 });
        expect(output.diagnostics).toHaveLength(6);
    });

    it('gives each diagnostic its file, 1-based range, severity, code and message', () => {
        expect(output.diagnostics[0]).toEqual({
            file: `${FINDINGS}/organisation.aims`,
            line: 14, column: 11, endLine: 14, endColumn: 16,
            severity: 'error',
            code: 'aims/unresolved-reference',
            message: "No person or team named 'alise' is declared in the workspace. Did you mean 'alice'?",
            suggestions: ['alice']
        });
        for (const d of output.diagnostics) {
            expect(Object.keys(d).filter(k => k !== 'suggestions')).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
        }
    });

    it('lists did-you-mean suggestions only where the engine has some', () => {
        const unknownId = output.diagnostics.find((d: any) => d.code === 'aims/unknown-catalog-id');
        expect(unknownId.suggestions).toEqual(['A.6.2.4', 'A.6.2.2', 'A.6.2.3']);
        const undecided = output.diagnostics.find((d: any) => d.code === 'aims/soa-undecided');
        expect(undecided).not.toHaveProperty('suggestions');
    });

    it('prints nothing but the JSON document on stdout', () => {
        const run = runAims(['validate', 'test/fixtures/cli/clean', ...TODAY, '--format', 'json']);
        expect(JSON.parse(run.stdout)).toEqual({
            files: 3, errors: 0, warnings: 0, diagnostics: [],
            workspace: { root: 'test/fixtures/cli/clean', foundBy: 'config', config: 'test/fixtures/cli/clean/aims.config.json', files: 3 }
        });
        expect(run.code).toBe(0);
    });
});

describe('aims validate --format sarif', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'schemas', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    const validateSarif = ajv.compile(schema);
    let log: any;
    beforeAll(() => {
        const run = runAims(['validate', FINDINGS, ...TODAY, '--format', 'sarif']);
        expect(run.code).toBe(1);
        log = JSON.parse(run.stdout);
    });

    it('is valid against the SARIF 2.1.0 schema', () => {
        expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    });

    it('rejects a log the schema forbids (the validator is really checking)', () => {
        const broken = structuredClone(log);
        broken.runs[0].results[0].level = 'severe';
        expect(validateSarif(broken)).toBe(false);
    });

    it('describes the tool and every rule of rules.ts', () => {
        const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
        expect(log.version).toBe('2.1.0');
        expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
        expect(log.runs).toHaveLength(1);
        const driver = log.runs[0].tool.driver;
        expect(driver).toMatchObject({ name: 'aims', version: pkg.version });
        expect(driver.rules.map((r: any) => r.id)).toEqual(ALL_RULES.map(r => r.code));
        const expired = driver.rules.find((r: any) => r.id === 'aims/evidence-expired');
        const rule = ALL_RULES.find(r => r.code === 'aims/evidence-expired')!;
        expect(expired).toMatchObject({ shortDescription: { text: rule.summary }, help: { text: rule.help }, defaultConfiguration: { level: 'error' } });
        const expiring = driver.rules.find((r: any) => r.id === 'aims/evidence-expiring');
        expect(expiring.defaultConfiguration.level).toBe('warning');
    });

    it('gives each result its rule, level, message and 1-based region', () => {
        const results = log.runs[0].results;
        expect(results).toHaveLength(6);
        const rules = log.runs[0].tool.driver.rules;
        for (const result of results) {
            expect(rules[result.ruleIndex].id).toBe(result.ruleId);
        }
        expect(results[0]).toMatchObject({
            ruleId: 'aims/unresolved-reference',
            level: 'error',
            message: { text: "No person or team named 'alise' is declared in the workspace. Did you mean 'alice'?" },
            locations: [{
                physicalLocation: {
                    artifactLocation: { uri: `${FINDINGS}/organisation.aims`, uriBaseId: '%SRCROOT%' },
                    region: { startLine: 14, startColumn: 11, endLine: 14, endColumn: 16 }
                }
            }]
        });
        expect(results.map((r: any) => r.level)).toEqual(['error', 'error', 'error', 'warning', 'warning', 'warning']);
    });

    it('makes paths relative to the git repository root, wherever it runs', () => {
        const run = runAims(['validate', '.', ...TODAY, '--format', 'sarif'], { cwd: join(FIXTURES, 'findings') });
        const uris = JSON.parse(run.stdout).runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
        expect(uris[0]).toBe(`${FINDINGS}/organisation.aims`);
    });

    it('makes paths relative to the current directory outside git, and encodes them as URIs', () => {
        const copy = copyFixture('findings', 'audit 2026');
        temporary.push(copy);
        const run = runAims(['validate', 'audit 2026', ...TODAY, '--format', 'sarif'], { cwd: dirname(copy) });
        const sarif = JSON.parse(run.stdout);
        expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
        const location = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
        expect(location).toEqual({ uri: 'audit%202026/organisation.aims', uriBaseId: '%SRCROOT%' });
    });

    it('is a valid log with no results for a clean workspace', () => {
        const run = runAims(['validate', 'test/fixtures/cli/clean', ...TODAY, '--format', 'sarif']);
        const sarif = JSON.parse(run.stdout);
        expect(validateSarif(sarif)).toBe(true);
        expect(sarif.runs[0].results).toEqual([]);
        expect(run.code).toBe(0);
    });
});

describe('aims validate --format github', () => {
    it('prints one workflow command per finding, then the summary', () => {
        const run = runAims(['validate', FINDINGS, ...TODAY, '--format', 'github']);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(7);
        expect(lines[0]).toBe(`::error file=${FINDINGS}/organisation.aims,line=14,col=11,endLine=14,endColumn=16,title=aims/unresolved-reference::No person or team named 'alise' is declared in the workspace. Did you mean 'alice'?`);
        expect(lines.filter(l => l.startsWith('::warning '))).toHaveLength(3);
        expect(lines.at(-1)).toBe('3 errors, 3 warnings in 3 files; workspace test/fixtures/cli/findings (aims.config.json)');
        expect(run.code).toBe(1);
    });

    it('escapes % in messages', () => {
        const run = runAims(['validate', FINDINGS, ...TODAY, '--format', 'github']);
        const missing = run.stdout.split('\n').find(l => l.includes('title=aims/evidence-path-missing'))!;
        expect(missing).toContain("::Evidence path 'evidence/validation 100%25.md' does not exist");
    });

    it('escapes , and : in the file property', () => {
        const copy = copyFixture('findings', 'q1,draft:v2');
        temporary.push(copy);
        const run = runAims(['validate', 'q1,draft:v2', ...TODAY, '--format', 'github'], { cwd: dirname(copy) });
        expect(run.stdout.split('\n')[0]).toMatch(/^::error file=q1%2Cdraft%3Av2\/organisation\.aims,line=14,col=11,/);
    });

    it('encodes data and properties as the Actions runner decodes them', () => {
        expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
        expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b');
    });
});
