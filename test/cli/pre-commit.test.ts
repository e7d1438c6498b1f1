import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GIT_ENV, ScratchRepository } from '../helpers/scratch-repository.js';
import { BUNDLE, REPO_ROOT } from './run-aims.js';

interface Hook {
    id: string;
    entry: string;
    language: string;
    files: string;
    require_serial?: boolean;
}

const HOOKS = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const PRE_COMMIT = ['/usr/bin/pre-commit', '/usr/local/bin/pre-commit'].find(existsSync);

/** A folder with an `aims` command that runs the bundle, as `npm install --global` would provide. */
let bin = '';
let preCommitHome = '';
beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'aims-bin-'));
    writeFileSync(join(bin, 'aims'), `#!/bin/sh\nexec "${process.execPath}" "${BUNDLE}" "$@"\n`);
    chmodSync(join(bin, 'aims'), 0o755);
    preCommitHome = mkdtempSync(join(tmpdir(), 'aims-pre-commit-home-'));
});
afterAll(() => [bin, preCommitHome].forEach(dir => rmSync(dir, { recursive: true, force: true })));

const env = () => ({ ...process.env, ...GIT_ENV, PATH: `${bin}${delimiter}${process.env.PATH}`, PRE_COMMIT_HOME: preCommitHome, FORCE_COLOR: undefined, NO_COLOR: '1' });

function commit(repo: ScratchRepository, message: string) {
    repo.gitOk('add', '-A');
    return spawnSync('git', ['commit', '-m', message], { cwd: repo.root, encoding: 'utf8', env: env() });
}

function commitCount(repo: ScratchRepository): number {
    return Number(repo.gitOk('rev-list', '--count', 'HEAD').trim());
}

/** The example workspace committed in a fresh repository, with one more change ready to commit. */
function exampleRepository(): ScratchRepository {
    const repo = new ScratchRepository();
    repo.addExamples('aims');
    repo.commitAll('The AIMS as of the last management review');
    return repo;
}

const INTRODUCE_ERROR: [string, string, string] = ['aims/risks.aims', 'treatment mitigate with A.7.4, A.6.2.4, A.5.4', 'treatment mitigate with A.7.4, A.6.2.40, A.5.4'];

describe('.pre-commit-hooks.yaml', () => {
    it('declares aims validate and aims fmt --check on .aims files, each run once for all files', () => {
        expect(HOOKS.map(h => [h.id, h.entry, h.language, h.files, h.require_serial])).toEqual([
            ['aims-validate', 'aims validate', 'system', '\\.aims$', true],
            ['aims-fmt', 'aims fmt --check', 'system', '\\.aims$', true]
        ]);
    });

    it('as a plain git hook running the entry on the staged files: blocks a commit that introduces an error and lets the fix through', () => {
        const hook = HOOKS.find(h => h.id === 'aims-validate')!;
        const repo = exampleRepository();
        try {
            // What pre-commit does: the staged files matching `files`, passed to `entry` in one call.
            writeFileSync(join(repo.root, '.git', 'hooks', 'pre-commit'), [
                '#!/bin/sh',
                `files=$(git diff --cached --name-only --diff-filter=ACMR | grep -E '${hook.files}')`,
                '[ -z "$files" ] && exit 0',
                `exec ${hook.entry} $files`,
                ''
            ].join('\n'));
            chmodSync(join(repo.root, '.git', 'hooks', 'pre-commit'), 0o755);
            repo.edit(...INTRODUCE_ERROR);
            const blocked = commit(repo, 'Treat credit-bias with a control that does not exist');
            expect(blocked.status).not.toBe(0);
            expect(blocked.stdout + blocked.stderr).toContain("aims/risks.aims:10:36 error aims/unknown-catalog-id Unknown Annex A or organisation control 'A.6.2.40'.");
            expect(commitCount(repo)).toBe(1);

            repo.edit(INTRODUCE_ERROR[0], INTRODUCE_ERROR[2], INTRODUCE_ERROR[1].replace('A.5.4', 'A.5.4, A.6.2.6'));
            const passed = commit(repo, 'Treat credit-bias with monitoring too');
            expect(passed.stderr + passed.stdout).not.toContain('error aims/');
            expect(passed.status).toBe(0);
            expect(commitCount(repo)).toBe(2);
        } finally {
            repo.remove();
        }
    });

    it.skipIf(!PRE_COMMIT)('with pre-commit itself: the hooks block a commit with an error or unformatted text and let the fix through', () => {
        const repo = exampleRepository();
        try {
            // `repo: local` with the manifest's own hook definitions: pre-commit runs them as a user's config would.
            repo.write('.pre-commit-config.yaml', `repos:\n  - repo: local\n    hooks:\n${HOOKS.map(h => [
                `      - id: ${h.id}`, `        name: ${h.id}`, `        entry: ${h.entry}`, `        language: ${h.language}`,
                `        files: '${h.files}'`, `        require_serial: ${h.require_serial === true}`
            ].join('\n')).join('\n')}\n`);
            repo.commitAll('pre-commit configuration');
            const install = spawnSync(PRE_COMMIT!, ['install'], { cwd: repo.root, encoding: 'utf8', env: env() });
            expect(install.status, install.stderr).toBe(0);

            repo.edit(...INTRODUCE_ERROR);
            const blocked = commit(repo, 'Treat credit-bias with a control that does not exist');
            expect(blocked.status).not.toBe(0);
            expect(blocked.stdout + blocked.stderr).toContain('aims/unknown-catalog-id');
            expect(commitCount(repo)).toBe(2);

            repo.edit(INTRODUCE_ERROR[0], INTRODUCE_ERROR[2], `${INTRODUCE_ERROR[1]}   `);
            const unformatted = commit(repo, 'Trailing spaces');
            expect(unformatted.status).not.toBe(0);
            expect(unformatted.stdout + unformatted.stderr).toContain('would reformat aims/risks.aims');

            repo.edit(INTRODUCE_ERROR[0], `${INTRODUCE_ERROR[1]}   `, INTRODUCE_ERROR[1].replace('A.5.4', 'A.5.4, A.6.2.6'));
            const passed = commit(repo, 'Treat credit-bias with monitoring too');
            expect(passed.status, passed.stdout + passed.stderr).toBe(0);
            expect(commitCount(repo)).toBe(3);
        } finally {
            repo.remove();
        }
    });

    it.skipIf(!PRE_COMMIT)('is a manifest that pre-commit try-repo accepts and runs', () => {
        const repo = exampleRepository();
        try {
            const run = spawnSync(PRE_COMMIT!, ['try-repo', REPO_ROOT, 'aims-validate', '--files', 'aims/soa.aims', 'aims/risks.aims'],
                { cwd: repo.root, encoding: 'utf8', env: env() });
            expect(run.stdout).toMatch(/aims validate\.+Passed/);
            expect(run.status).toBe(0);
        } finally {
            repo.remove();
        }
    });
});
