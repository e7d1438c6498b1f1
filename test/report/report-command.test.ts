import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAims } from '../cli/run-aims.js';
import { harbourCopy } from './report-workspace.js';

describe('aims report', () => {
    it('writes one self-contained HTML file', () => {
        const dir = harbourCopy();
        const run = runAims(['report', '.', '--today', '2026-06-01', '--out', 'out/report.html'], { cwd: dir });
        expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
        const page = readFileSync(join(dir, 'out/report.html'), 'utf8');
        expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(page).toContain('<h1>Harbour Health Insurance DAC</h1>');
        expect(page).toContain('<dt>Commit</dt><dd><span>not a git repository</span></dd>');
    });

    it('chooses Markdown from the file extension or --format, and writes to stdout without --out', () => {
        const dir = harbourCopy();
        expect(runAims(['report', '--today', '2026-06-01', '-o', 'REPORT.md'], { cwd: dir }).code).toBe(0);
        expect(readFileSync(join(dir, 'REPORT.md'), 'utf8')).toMatch(/^# AI management system report: Harbour Health Insurance DAC\n/);
        const run = runAims(['report', dir, '--format', 'md', '--today', '2026-06-01']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('| `A.10.4` | Customers | Excluded |');
    });

    it('names the commit when the workspace is a git repository', () => {
        const dir = harbourCopy(true);
        const hash = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
        const run = runAims(['report', '--format', 'md', '--today', '2026-06-01'], { cwd: dir });
        expect(run.stdout).toContain(`- Commit: \`${hash}\`\n`);
    });

    it('refuses a bad format, date or output path with a clear message and exit code 2', () => {
        const dir = harbourCopy();
        expect(runAims(['report', '--format', 'pdf'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining("aims: unknown report format 'pdf'; use one of: html, md") });
        expect(runAims(['report', '--today', '2026-02-30'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining("--today '2026-02-30' is not a date") });
        writeFileSync(join(dir, 'taken'), 'a file, not a folder');
        const run = runAims(['report', '--out', 'taken/report.html'], { cwd: dir });
        expect(run).toMatchObject({ code: 2, stderr: 'aims: cannot write taken/report.html: a part of the path is not a directory\n' });
        expect(existsSync(join(dir, 'taken/report.html'))).toBe(false);
        expect(runAims(['report', 'missing-folder'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('missing-folder: no such file or directory') });
    });
});
