/** Symbolic links are judged by where they lead: inside the workspace followed, out of it refused. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAims } from './run-aims.js';

describe('symbolic links in a workspace', () => {
    let base: string;
    beforeAll(() => {
        base = realpathSync(mkdtempSync(join(tmpdir(), 'aims-links-')));
        mkdirSync(join(base, 'ws', 'people'), { recursive: true });
        mkdirSync(join(base, 'elsewhere'));
        writeFileSync(join(base, 'ws', 'people', 'people.aims'), 'person alice "Alice"\n');
        writeFileSync(join(base, 'elsewhere', 'secret.aims'), 'person mallory "Mallory"\n');
        writeFileSync(join(base, 'ws', 'aims.config.json'), '{}\n');
    });
    afterAll(() => rmSync(base, { recursive: true, force: true }));

    it('follows a link that stays inside the workspace', () => {
        symlinkSync(join(base, 'ws', 'people'), join(base, 'ws', 'team-link'));
        try {
            const run = runAims(['validate', '--today', '2026-06-01', '.'], { cwd: join(base, 'ws') });
            expect(run.code).toBe(0);
        } finally {
            rmSync(join(base, 'ws', 'team-link'));
        }
    });

    it.each([['a file', 'secret.aims', 'secret.aims'], ['a folder', '', 'elsewhere-link']])('refuses a link to %s outside the workspace', (_what, target, name) => {
        const link = join(base, 'ws', name);
        symlinkSync(join(base, 'elsewhere', target), link);
        try {
            const run = runAims(['validate', '--today', '2026-06-01', '.'], { cwd: join(base, 'ws') });
            expect(run.code).toBe(2);
            expect(run.stderr).toContain(`aims: ${name}: symbolic link to ${join(base, 'elsewhere', target).replace(/\/$/, '')}, outside the workspace; links out of the workspace are not followed`);
            expect(run.stdout).not.toContain('mallory');
        } finally {
            rmSync(link);
        }
    });
});
