import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, runAims } from './run-aims.js';

const CLEAN = 'test/fixtures/cli/clean';
const FINDINGS = 'test/fixtures/cli/findings';
const LINE = /^(\S+):(\d+):(\d+) (error|warning|info|hint) (aims\/[a-z-]+) (.+)$/;
/** The summary's note on the workspace root: each fixture folder holds an aims.config.json. */
const AT_CLEAN = '; workspace test/fixtures/cli/clean (aims.config.json)';
const AT_FINDINGS = '; workspace test/fixtures/cli/findings (aims.config.json)';
const HERE = '; workspace . (aims.config.json)';

const temporary: string[] = [];
afterAll(() => temporary.forEach(dir => rmSync(dirname(dir), { recursive: true, force: true })));

/** The finding lines of a text report (everything but the summary). */
function findingLines(stdout: string): string[] {
    return stdout.trimEnd().split('\n').slice(0, -1);
}

describe('aims validate: exit codes', () => {
    it('exits 0 with a bare summary for a workspace without findings', () => {
        const run = runAims(['validate', CLEAN, '--today', '2026-06-01']);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe(`0 errors, 0 warnings in 3 files${AT_CLEAN}\n`);
        expect(run.code).toBe(0);
    });

    it('exits 1 when there is an error', () => {
        const run = runAims(['validate', FINDINGS, '--today', '2026-06-01']);
        expect(run.code).toBe(1);
        expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`3 errors, 3 warnings in 3 files${AT_FINDINGS}`);
    });

    it('exits 0 when there are only warnings', () => {
        // Evidence expiring within the 30-day window is a warning, not an error.
        const run = runAims(['validate', CLEAN, '--today', '2027-01-20']);
        expect(run.stdout).toContain('aims/evidence-expiring');
        expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`0 errors, 1 warning in 3 files${AT_CLEAN}`);
        expect(run.code).toBe(0);
    });

    it('validates the current directory when no path is given', () => {
        const run = runAims(['validate', '--today', '2026-06-01'], { cwd: join(FIXTURES, 'clean') });
        expect(run.stdout).toBe(`0 errors, 0 warnings in 3 files${HERE}\n`);
        expect(run.code).toBe(0);
    });
});

describe('aims validate: text format', () => {
    let lines: string[] = [];
    beforeAll(() => {
        lines = findingLines(runAims(['validate', FINDINGS, '--today', '2026-06-01']).stdout);
    });

    it('prints one `file:line:col severity code message` line per finding', () => {
        expect(lines).toHaveLength(6);
        for (const line of lines) {
            expect(line).toMatch(LINE);
        }
        expect(lines[0]).toBe(`${FINDINGS}/organisation.aims:14:11 error aims/unresolved-reference No person or team named 'alise' is declared in the workspace. Did you mean 'alice'?`);
    });

    it('sorts by file, then line, then column', () => {
        const keys = lines.map(line => LINE.exec(line)!).map(m => [m[1], Number(m[2]), Number(m[3])] as const);
        const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[1] - b[1] || a[2] - b[2]);
        expect(keys).toEqual(sorted);
        expect(keys.map(k => `${k[0].split('/').at(-1)}:${k[1]}`)).toEqual([
            'organisation.aims:14', 'risks.aims:6', 'soa.aims:1', 'soa.aims:4', 'soa.aims:12', 'soa.aims:16'
        ]);
    });

    it('reports the rule codes the engine raises for the fixture', () => {
        expect(lines.map(line => LINE.exec(line)![5])).toEqual([
            'aims/unresolved-reference', 'aims/unknown-catalog-id', 'aims/soa-incomplete',
            'aims/soa-undecided', 'aims/evidence-expiring', 'aims/evidence-path-missing'
        ]);
    });

    it('writes file paths relative to the current directory', () => {
        const inside = runAims(['validate', '.', '--today', '2026-06-01'], { cwd: join(FIXTURES, 'findings') });
        expect(findingLines(inside.stdout)[0]).toMatch(/^organisation\.aims:14:11 error /);
        const above = runAims(['validate', 'findings', '--today', '2026-06-01'], { cwd: FIXTURES });
        expect(findingLines(above.stdout)[0]).toMatch(/^findings\/organisation\.aims:14:11 error /);
    });
});

describe('aims validate: syntax errors', () => {
    it('reports a syntax error as aims/syntax-error with its position and still checks the rest', () => {
        const copy = copyFixture('clean');
        temporary.push(copy);
        writeFileSync(join(copy, 'draft.aims'), 'person kim "Kim Soo" {\n    role "Analyst"\n\nperson lee "Lee Park" { }\n');
        const run = runAims(['validate', '--today', '2026-06-01'], { cwd: copy });
        expect(findingLines(run.stdout)).toEqual([
            "draft.aims:4:1 error aims/syntax-error Syntax error: expected '}' but found 'person'. A '}' is probably missing before this person: the person block above is not closed."
        ]);
        expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`1 error, 0 warnings in 4 files${HERE}`);
        expect(run.code).toBe(1);
    });
});

describe('aims validate: --today and --expiry-window', () => {
    it('--today moves the date that evidence expiry is checked against', () => {
        const before = runAims(['validate', CLEAN, '--today', '2026-06-01']);
        const after = runAims(['validate', CLEAN, '--today', '2027-03-01']);
        expect(before.code).toBe(0);
        expect(after.code).toBe(1);
        expect(findingLines(after.stdout)).toContain(
            `${CLEAN}/evidence.aims:8:13 error aims/evidence-expired Evidence 'ev-policy' expired on 2027-02-01 (today is 2027-03-01): collect it again and update collected/expires.`);
        // The same date makes the yearly reviews overdue.
        expect(after.stdout.match(/aims\/review-overdue/g)).toHaveLength(2);
    });

    it('--expiry-window widens the warning window for expiring evidence', () => {
        const narrow = runAims(['validate', CLEAN, '--today', '2026-12-01']);
        const wide = runAims(['validate', CLEAN, '--today', '2026-12-01', '--expiry-window', '90']);
        expect(narrow.stdout).not.toContain('aims/evidence-expiring');
        expect(wide.stdout).toContain('within 90 days of 2026-12-01');
        expect(wide.code).toBe(0);
    });
});

describe('aims validate: --severity, as aims.severity in the editor', () => {
    it('changes the severity of a rule, by name or code, and switches rules off', () => {
        const run = runAims(['validate', FINDINGS, '--today', '2026-06-01',
            '--severity', 'soa-undecided=error', '--severity', 'aims/evidence-expiring=off,evidence-path-missing=info']);
        const lines = findingLines(run.stdout);
        expect(lines).toContain(`${FINDINGS}/soa.aims:4:19 error aims/soa-undecided A.7.4 awaits a decision: mark it applicable (with status, owner and evidence) or excluded because "...".`);
        expect(lines.some(line => line.includes('aims/evidence-expiring'))).toBe(false);
        expect(lines.some(line => / info aims\/evidence-path-missing /.test(line))).toBe(true);
        expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`4 errors, 0 warnings in 3 files${AT_FINDINGS}`);
        expect(run.code).toBe(1);
    });

    it('lets CI fail on warnings the team treats as errors, and pass once they are off', () => {
        expect(runAims(['validate', CLEAN, '--today', '2027-01-20', '--severity', 'evidence-expiring=error']).code).toBe(1);
        expect(runAims(['validate', FINDINGS, '--today', '2026-06-01',
            '--severity', 'unresolved-reference=warning,unknown-catalog-id=warning,soa-incomplete=off']).code).toBe(0);
    });

    it('refuses an unknown rule with a suggestion, an unknown level and a missing level', () => {
        const refused = (args: string[], message: string) => {
            const run = runAims(['validate', CLEAN, ...args]);
            expect(run.stderr).toBe(`aims: ${message}\nRun 'aims validate --help' for usage.\n`);
            expect(run.stdout).toBe('');
            expect(run.code).toBe(2);
        };
        refused(['--severity', 'review-overdu=error'], "--severity: there is no rule 'review-overdu'; did you mean 'review-overdue'? (docs/language.md lists the rules)");
        refused(['--severity', 'review-overdue=fatal'], "--severity review-overdue: 'fatal' is not a level; use one of: error, warning, info, hint, off");
        refused(['--severity', 'review-overdue'], "--severity 'review-overdue' needs the form RULE=LEVEL, e.g. review-overdue=error");
    });
});

describe('aims validate: --max-warnings and --quiet', () => {
    // On 2027-01-20 the clean workspace has exactly one warning (evidence expiring) and no error.
    const args = ['validate', CLEAN, '--today', '2027-01-20'];

    it('fails when the warnings exceed --max-warnings, and says so on stderr', () => {
        const run = runAims([...args, '--max-warnings', '0']);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('aims: 1 warning, more than --max-warnings 0 allows\n');
    });

    it('passes when the warnings are within --max-warnings', () => {
        expect(runAims([...args, '--max-warnings', '1']).code).toBe(0);
    });

    it('keeps stdout parseable in JSON when --max-warnings fails', () => {
        const run = runAims([...args, '--max-warnings', '0', '--format', 'json']);
        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout).warnings).toBe(1);
    });

    it('--quiet lists errors only but still counts the warnings', () => {
        const run = runAims(['validate', FINDINGS, '--today', '2026-06-01', '--quiet']);
        const lines = findingLines(run.stdout);
        expect(lines).toHaveLength(3);
        expect(lines.every(line => LINE.exec(line)![4] === 'error')).toBe(true);
        expect(run.stdout).toContain(`3 errors, 3 warnings in 3 files${AT_FINDINGS}`);
        expect(run.code).toBe(1);
    });
});

describe('aims validate: workspace root and file selection', () => {
    it('takes evidence paths relative to the directory argument', () => {
        // The clean fixture's evidence file exists under <fixture>/evidence/.
        const run = runAims(['validate', CLEAN, '--today', '2026-06-01']);
        expect(run.stdout).not.toContain('aims/evidence-path-missing');
    });

    it('takes evidence paths relative to the workspace root when files are given', () => {
        const files = ['evidence.aims', 'organisation.aims', 'soa.aims'].map(f => `${CLEAN}/${f}`);
        const run = runAims(['validate', ...files, '--today', '2026-06-01']);
        expect(run.stdout).toBe(`0 errors, 0 warnings in 3 files${AT_CLEAN}\n`);
    });

    it('reports a missing evidence file', () => {
        const copy = copyFixture('clean');
        temporary.push(copy);
        rmSync(join(copy, 'evidence', 'ai-use-policy.md'));
        const run = runAims(['validate', '--today', '2026-06-01'], { cwd: copy });
        expect(findingLines(run.stdout)).toEqual([
            "evidence.aims:4:10 warning aims/evidence-path-missing Evidence path 'evidence/ai-use-policy.md' does not exist in the workspace: correct the path (it is relative to the workspace root), or commit the evidence file."
        ]);
    });

    it('loads the whole workspace for the files given, so names resolve, and reports only theirs', () => {
        // organisation.aims declares the people, system and risk the other two files name.
        const run = runAims(['validate', `${CLEAN}/soa.aims`, `${CLEAN}/evidence.aims`, '--today', '2026-06-01']);
        expect(run.stdout).toBe(`0 errors, 0 warnings in 2 of 3 files${AT_CLEAN}\n`);
        expect(run.code).toBe(0);
    });

    it('skips dot-folders, node_modules and out when walking a directory', () => {
        const copy = copyFixture('clean');
        temporary.push(copy);
        for (const folder of ['.git', 'node_modules', 'out']) {
            mkdirSync(join(copy, folder), { recursive: true });
            writeFileSync(join(copy, folder, 'ignored.aims'), 'person broken {');
        }
        const run = runAims(['validate', '--today', '2026-06-01'], { cwd: copy });
        expect(run.stdout).toBe(`0 errors, 0 warnings in 3 files${HERE}\n`);
    });

    it('counts a file given twice once', () => {
        const run = runAims(['validate', CLEAN, `${CLEAN}/soa.aims`, '--today', '2026-06-01']);
        expect(run.stdout).toBe(`0 errors, 0 warnings in 3 files${AT_CLEAN}\n`);
    });
});
