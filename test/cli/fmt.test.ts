import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/cli/unified-diff.js';
import { ScratchRepository } from '../helpers/scratch-repository.js';
import { runAims } from './run-aims.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach(dir => rmSync(dirname(dir), { recursive: true, force: true })));

const MESSY = 'person  alice   "Alice Brennan" {   role "Head of AI governance"\n\n\n\n  }\n';
const TIDY = 'person alice "Alice Brennan" {\n    role "Head of AI governance"\n}\n';

const FORMATTED = {
    'organisation.aims': 'organisation northwind "Northwind Lending" {\n    scope "Consumer credit"\n}\n',
    'systems.aims': '// The credit model.\nsystem credit "Credit scoring" {\n    owner alice\n}\n',
    'evidence.aims': 'evidence ev-policy "AI policy" {\n    url "https://example.org/policy"\n}\n'
};

/** Three formatted files in a fresh folder. */
function workspace(): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'aims-fmt-')), 'aims');
    mkdirSync(dir);
    temporary.push(dir);
    for (const [name, text] of Object.entries(FORMATTED)) {
        writeFileSync(join(dir, name), text);
    }
    return dir;
}

describe('aims fmt', () => {
    it('--check lists the files that would change and exits 1, writing nothing', () => {
        const dir = workspace();
        writeFileSync(join(dir, 'people.aims'), MESSY);
        const run = runAims(['fmt', '--check'], { cwd: dir });
        expect(run.stdout).toBe('would reformat people.aims\n1 file would be reformatted, 3 already formatted\n');
        expect(run.code).toBe(1);
        expect(readFileSync(join(dir, 'people.aims'), 'utf8')).toBe(MESSY);
    });

    it('--check exits 0 on formatted files', () => {
        const run = runAims(['fmt', '--check'], { cwd: workspace() });
        expect(run).toEqual({ code: 0, stdout: '0 files would be reformatted, 3 already formatted\n', stderr: '' });
    });

    it('writes the formatted files and names them; a second run changes nothing', () => {
        const dir = workspace();
        writeFileSync(join(dir, 'people.aims'), MESSY);
        const run = runAims(['fmt'], { cwd: dir });
        expect(run.stdout).toBe('reformatted people.aims\n1 file reformatted, 3 left unchanged\n');
        expect(run.code).toBe(0);
        expect(readFileSync(join(dir, 'people.aims'), 'utf8')).toBe(TIDY);
        expect(runAims(['fmt', '--check'], { cwd: dir }).code).toBe(0);
    });

    it('formats only the files named', () => {
        const dir = workspace();
        writeFileSync(join(dir, 'people.aims'), MESSY);
        writeFileSync(join(dir, 'other.aims'), MESSY.replace('alice', 'bob'));
        const run = runAims(['fmt', 'people.aims'], { cwd: dir });
        expect(run.stdout).toBe('reformatted people.aims\n1 file reformatted, 0 left unchanged\n');
        expect(readFileSync(join(dir, 'other.aims'), 'utf8')).toBe(MESSY.replace('alice', 'bob'));
    });

    it('leaves a file with a syntax error as it is, says where, and exits 2', () => {
        const dir = workspace();
        const broken = 'person  alice "Alice Brennan" {\n    role "Head"\n';
        writeFileSync(join(dir, 'people.aims'), broken);
        const run = runAims(['fmt'], { cwd: dir });
        expect(run.stderr).toBe('aims: people.aims:3:1: syntax error, not formatted (aims validate explains it)\n');
        expect(run.stdout).toBe('0 files reformatted, 3 left unchanged, 1 with syntax errors\n');
        expect(run.code).toBe(2);
        expect(readFileSync(join(dir, 'people.aims'), 'utf8')).toBe(broken);
    });

    it('--diff prints a patch that git applies, and the summary on stderr', () => {
        const repo = new ScratchRepository();
        try {
            repo.write('people.aims', MESSY);
            repo.commitAll('messy');
            const run = runAims(['fmt', '--diff'], { cwd: repo.root });
            expect(run.code).toBe(1);
            expect(run.stderr).toBe('1 file would be reformatted, 0 already formatted\n');
            expect(run.stdout).toBe(unifiedDiff('people.aims', MESSY, TIDY));
            const apply = spawnSync('git', ['apply', '-'], { cwd: repo.root, input: run.stdout, encoding: 'utf8' });
            expect(apply.stderr).toBe('');
            expect(repo.read('people.aims')).toBe(TIDY);
        } finally {
            repo.remove();
        }
    });
});

describe('unified diffs', () => {
    it('shows changed lines with three lines of context and git\'s hunk headers', () => {
        const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map(l => `${l}\n`).join('');
        const after = before.replace('e\n', 'E\n').replace('j\n', 'j\nk\n');
        expect(unifiedDiff('x.aims', before, after)).toBe([
            '--- a/x.aims', '+++ b/x.aims',
            '@@ -2,9 +2,10 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h', ' i', ' j', '+k', ''
        ].join('\n'));
    });

    it('marks a last line without a line break, and is empty for equal texts', () => {
        expect(unifiedDiff('x.aims', 'a\nb', 'a\nc\n')).toBe('--- a/x.aims\n+++ b/x.aims\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n');
        expect(unifiedDiff('x.aims', 'same\n', 'same\n')).toBe('');
    });

    it('writes hunks for a file that starts empty', () => {
        expect(unifiedDiff('x.aims', '', 'a\n')).toBe('--- a/x.aims\n+++ b/x.aims\n@@ -0,0 +1 @@\n+a\n');
    });
});
