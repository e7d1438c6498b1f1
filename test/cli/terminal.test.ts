import { describe, expect, it } from 'vitest';
import { useColour } from '../../src/cli/terminal.js';
import { runAims } from './run-aims.js';
import pkg from '../../package.json' with { type: 'json' };

const FINDINGS = 'test/fixtures/cli/findings';
const ARGS = ['validate', FINDINGS, '--today', '2026-06-01'];
const ESCAPE = '\u001b[';

describe('terminal output: colour by severity', () => {
    it('is plain when stdout is a pipe', () => {
        expect(runAims(ARGS).stdout).not.toContain(ESCAPE);
    });

    it('colours the severity, and only that and the code, with FORCE_COLOR', () => {
        const run = runAims(ARGS, { env: { FORCE_COLOR: '1' } });
        const first = run.stdout.split('\n')[0];
        expect(first).toBe(`${FINDINGS}/organisation.aims:14:11 \u001b[1m\u001b[31merror\u001b[39m\u001b[22m \u001b[2maims/unresolved-reference\u001b[22m No person or team named 'alise' is declared in the workspace. Did you mean 'alice'?`);
        expect(run.stdout).toContain('\u001b[33mwarning\u001b[39m');
        // Without the escapes, the lines are exactly the plain ones.
        expect(run.stdout.replace(/\u001b\[\d+m/g, '')).toBe(runAims(ARGS).stdout);
    });

    it('never colours JSON, SARIF or GitHub output', () => {
        for (const format of ['json', 'sarif', 'github']) {
            expect(runAims([...ARGS, '--format', format], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESCAPE);
        }
    });

    it('follows NO_COLOR and FORCE_COLOR as Node does', () => {
        const tty = { isTTY: true };
        expect(useColour({ ...tty, env: {} })).toBe(true);
        expect(useColour({ ...tty, env: { NO_COLOR: '1' } })).toBe(false);
        expect(useColour({ ...tty, env: { NO_COLOR: '' } })).toBe(true);
        expect(useColour({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
        expect(useColour({ isTTY: false, env: {} })).toBe(false);
        expect(useColour({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
        expect(useColour({ isTTY: false, env: { FORCE_COLOR: '' } })).toBe(true);
        expect(useColour({ ...tty, env: { FORCE_COLOR: '0' } })).toBe(false);
        expect(useColour({ ...tty, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true);
    });
});

describe('terminal output: version and links', () => {
    it('prints the version for --version, -V and -v', () => {
        for (const flag of ['--version', '-V', '-v']) {
            expect(runAims([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
        }
    });

    it('starts each finding with path:line:column relative to the current directory, which terminals link', () => {
        const lines = runAims(['validate', 'findings', '--today', '2026-06-01'], { cwd: 'test/fixtures/cli' }).stdout.trimEnd().split('\n').slice(0, -1);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
            expect(line).toMatch(/^findings\/[a-z-]+\.aims:\d+:\d+ /);
        }
    });
});
