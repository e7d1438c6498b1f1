import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ScratchRepository } from '../helpers/scratch-repository.js';
import { runAims } from './run-aims.js';

const TODAY = ['--today', '2026-11-28'];

let repository: ScratchRepository | undefined;
afterEach(() => {
    repository?.remove();
    repository = undefined;
});

/** The example workspace with a forgotten SoA entry, an id in lower case and a finding that needs a person. */
function broken(): ScratchRepository {
    const repo = new ScratchRepository();
    repository = repo;
    repo.addExamples('.');
    const soa = repo.read('soa.aims');
    const start = soa.indexOf('    control A.3.2 applicable');
    repo.write('soa.aims', soa.slice(0, start) + soa.slice(soa.indexOf('    }\n', start) + 6));
    repo.edit('risks.aims', 'treatment mitigate with A.7.4, A.6.2.4, A.5.4', 'treatment mitigate with a.7.4, A.6.2.4, A.5.4');
    repo.edit('soa.aims', 'control A.2.4 applicable because "The policy is only useful if the AI board keeps it current." {', 'control A.2.4 applicable {');
    repo.commitAll('broken');
    return repo;
}

describe('aims fix', () => {
    it('--dry-run prints the safe fixes as a patch that git applies, and writes nothing', () => {
        const repo = broken();
        const run = runAims(['fix', '--dry-run', ...TODAY], { cwd: repo.root });
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('2 fixes would be applied in 2 files\n');
        expect(run.stdout).toContain('-    treatment mitigate with a.7.4, A.6.2.4, A.5.4\n+    treatment mitigate with A.7.4, A.6.2.4, A.5.4\n');
        expect(run.stdout).toContain('+    control A.3.2 undecided // AI roles and responsibilities\n');
        expect(repo.gitOk('status', '--porcelain')).toBe('');
        const apply = spawnSync('git', ['apply', '--check', '-'], { cwd: repo.root, input: run.stdout, encoding: 'utf8' });
        expect(apply.status, apply.stderr).toBe(0);
    });

    it('applies them, changing only their own text, and leaves fixes that need a choice', () => {
        const repo = broken();
        const run = runAims(['fix', ...TODAY], { cwd: repo.root });
        expect(run.stdout).toBe('fixed risks.aims (1 fix)\nfixed soa.aims (1 fix)\n2 fixes applied in 2 files\n');
        const diff = repo.gitOk('diff', '--numstat');
        expect(diff).toBe('1\t1\trisks.aims\n1\t0\tsoa.aims\n');
        const after = runAims(['validate', ...TODAY], { cwd: repo.root });
        expect(after.stdout).not.toContain('aims/unknown-catalog-id');
        expect(after.stdout).not.toContain('aims/soa-incomplete');
        // The missing justification needs a person: it is still reported.
        expect(after.stdout).toContain('aims/inclusion-without-justification');
        expect(after.stdout).toContain('soa-undecided A.3.2 awaits a decision');
        // A second run has nothing left to do.
        expect(runAims(['fix', ...TODAY], { cwd: repo.root }).stdout).toBe('0 fixes applied in 0 files\n');
    });

    it('fixes only the files named', () => {
        const repo = broken();
        const run = runAims(['fix', 'risks.aims', ...TODAY], { cwd: repo.root });
        expect(run.stdout).toBe('fixed risks.aims (1 fix)\n1 fix applied in 1 file\n');
        expect(repo.gitOk('diff', '--name-only')).toBe('risks.aims\n');
    });
});
