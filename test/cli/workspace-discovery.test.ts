import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScratchRepository } from '../helpers/scratch-repository.js';
import { runAims } from './run-aims.js';

const TODAY = ['--today', '2026-11-28'];

let repository: ScratchRepository | undefined;
afterEach(() => {
    repository?.remove();
    repository = undefined;
});

function scratch(): ScratchRepository {
    repository = new ScratchRepository();
    return repository;
}

/** The finding lines of a text report (everything but the summary). */
function findingLines(stdout: string): string[] {
    return stdout.trimEnd().split('\n').slice(0, -1);
}

function summary(stdout: string): string {
    return stdout.trimEnd().split('\n').at(-1) ?? '';
}

describe('workspace discovery: the root for the paths given', () => {
    it('uses the git repository root when there is no aims.config.json, and says so', () => {
        const repo = scratch();
        repo.addExamples('.', { config: false });
        const run = runAims(['validate', 'soa.aims', ...TODAY], { cwd: repo.root });
        // The other twelve files are loaded, so soa.aims has no unresolved names: one warning, as in the README.
        expect(findingLines(run.stdout)).toEqual([
            'soa.aims:40:16 warning aims/implemented-without-evidence A.3.3 is implemented but links no evidence: add evidence <name> to show that it works. Evidence that lists A.3.3 under supports counts too.'
        ]);
        expect(summary(run.stdout)).toBe('0 errors, 1 warning in 1 of 15 files; workspace . (git repository)');
        expect(run.code).toBe(0);
    });

    it('uses the folder of the nearest aims.config.json above the paths, below the repository root', () => {
        const repo = scratch();
        repo.addExamples('aims');
        repo.write('other/stray.aims', 'person amira-haddad "A second Amira" {}\n');
        const run = runAims(['validate', 'aims/soa.aims', ...TODAY], { cwd: repo.root });
        // other/ is outside the workspace, so its duplicate person does not count.
        expect(summary(run.stdout)).toBe('0 errors, 1 warning in 1 of 15 files; workspace aims (aims.config.json)');
    });

    it('uses the common folder of the paths outside a repository', () => {
        const folder = mkdtempSync(join(tmpdir(), 'aims-no-repo-'));
        try {
            mkdirSync(join(folder, 'people'));
            mkdirSync(join(folder, 'risks'));
            writeFileSync(join(folder, 'people', 'people.aims'), 'person alice "Alice Brennan" {}\n');
            writeFileSync(join(folder, 'risks', 'risks.aims'), 'risk r1 "Unfair declines" { owner alice inherent likelihood 2 impact 2 treatment accept accepted by alice on 2026-03-01 assessed 2026-03-01 }\n');
            const run = runAims(['validate', 'people/people.aims', 'risks/risks.aims', ...TODAY], { cwd: folder });
            expect(run.stdout).toBe('0 errors, 0 warnings in 2 files; workspace . (folder of the paths)\n');
            // One file alone is its own workspace: the other folder is not searched.
            const alone = runAims(['validate', 'risks/risks.aims', ...TODAY], { cwd: folder });
            expect(alone.stdout).toContain("No person or team named 'alice'");
            expect(summary(alone.stdout)).toBe('2 errors, 0 warnings in 1 file; workspace risks (folder of the paths)');
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('writes paths relative to the current directory, from a subfolder too', () => {
        const repo = scratch();
        repo.addExamples('aims', { config: false });
        mkdirSync(join(repo.root, 'docs'));
        const run = runAims(['validate', '../aims/evidence.aims', ...TODAY], { cwd: join(repo.root, 'docs') });
        expect(findingLines(run.stdout).map(line => line.split(' ')[0].replace(/:\d+:\d+$/, ''))).toEqual(
            expect.arrayContaining(['../aims/evidence.aims']));
        expect(summary(run.stdout)).toContain('; workspace .. (git repository)');
    });
});

describe('workspace discovery: changed files give the findings of a whole-workspace run', () => {
    it('aims validate $(git diff --name-only) reports exactly those files\' findings of a full run', () => {
        const repo = scratch();
        repo.addExamples('aims');
        repo.write('README.md', '# Northwind AIMS\n');
        repo.commitAll('AIMS as of the last management review');
        // Two .aims files change, with findings in them and in a file that does not change.
        repo.edit('aims/soa.aims', 'control A.6.2.4 applicable {\n        status implemented', 'control A.6.2.4 applicable {\n        status planned');
        repo.edit('aims/risks.aims', 'treatment mitigate with A.7.4, A.6.2.4, A.5.4', 'treatment mitigate with A.7.4, A.6.2.40, A.5.4');
        repo.edit('aims/people.aims', 'person felix-schneider', 'person felix-schneider-old');
        repo.write('README.md', '# Northwind AIMS, now with a changed README\n');

        const changed = repo.gitOk('diff', '--name-only').trim().split('\n');
        expect(changed).toEqual(['README.md', 'aims/people.aims', 'aims/risks.aims', 'aims/soa.aims']);

        const whole = runAims(['validate', ...TODAY], { cwd: repo.root });
        const selected = runAims(['validate', ...changed, ...TODAY], { cwd: repo.root });
        const inChanged = findingLines(whole.stdout).filter(line => changed.some(file => line.startsWith(`${file}:`)));
        expect(inChanged.length).toBeGreaterThan(0);
        expect(findingLines(selected.stdout)).toEqual(inChanged);
        // The renamed person leaves unresolved references in files that did not change: not reported here.
        expect(findingLines(whole.stdout).some(line => !changed.some(file => line.startsWith(`${file}:`)))).toBe(true);
        expect(selected.stderr).toBe('aims: README.md: not an .aims file, skipped\n');
        expect(summary(selected.stdout)).toMatch(/ in 3 of 15 files; workspace aims \(aims\.config\.json\)$/);
        expect(selected.code).toBe(whole.code);
    });

    it('validates nothing, and passes, when no .aims file is among the paths', () => {
        const repo = scratch();
        repo.addExamples('aims');
        repo.write('README.md', '# Northwind AIMS\n');
        const run = runAims(['validate', 'README.md'], { cwd: repo.root });
        expect(run.stderr).toBe('aims: README.md: not an .aims file, skipped\n');
        expect(run.stdout).toMatch(/^0 errors, 0 warnings in 0 files/);
        expect(run.code).toBe(0);
    });
});

describe('aims.config.json in the CLI', () => {
    function configured(config: unknown): ScratchRepository {
        const repo = scratch();
        repo.addExamples('aims');
        repo.write('aims/aims.config.json', JSON.stringify(config, null, 4));
        return repo;
    }

    it('sets rule severities by code or name, and switches rules off', () => {
        const repo = configured({ severity: { 'aims/review-overdue': 'error', 'evidence-expiring': 'off' } });
        const run = runAims(['validate', 'aims', ...TODAY], { cwd: repo.root });
        const codes = findingLines(run.stdout).map(line => line.split(' ').slice(1, 3).join(' '));
        expect(codes).toContain('error aims/review-overdue');
        expect(codes.some(code => code.endsWith('aims/evidence-expiring'))).toBe(false);
        expect(run.code).toBe(1);
    });

    it('sets the date checks compare against and the expiry window; flags on the command line win', () => {
        const repo = configured({ today: '2026-11-28', evidenceExpiryWindowDays: 0 });
        const fromConfig = runAims(['validate', 'aims'], { cwd: repo.root });
        expect(fromConfig.stdout).not.toContain('aims/evidence-expiring');
        expect(fromConfig.stdout).toContain("was due for review on 2026-10-20 (today is 2026-11-28)");
        const flags = runAims(['validate', 'aims', '--expiry-window', '30', '--today', '2026-11-29'], { cwd: repo.root });
        expect(flags.stdout).toContain('aims/evidence-expiring');
        expect(flags.stdout).toContain('(today is 2026-11-29)');
    });

    it('leaves out the paths it ignores, from the workspace and from directory walks', () => {
        const repo = configured({ ignore: ['drafts/**', 'scratch.aims'] });
        repo.write('aims/drafts/idea.aims', 'person broken {');
        repo.write('aims/scratch.aims', 'risk half-written "Half" {');
        const run = runAims(['validate', 'aims', ...TODAY], { cwd: repo.root });
        expect(run.stdout).not.toContain('syntax-error');
        expect(summary(run.stdout)).toBe('0 errors, 8 warnings in 15 files; workspace aims (aims.config.json)');
    });

    it('refuses a config with mistakes, naming the file and every problem, and validates nothing', () => {
        const repo = configured({ severity: { 'review-overdu': 'error', 'evidence-expiring': 'fatal' }, evidenceExpiryWindow: 30 });
        const run = runAims(['validate', 'aims', ...TODAY], { cwd: repo.root });
        expect(run.stderr).toBe([
            "aims: aims/aims.config.json: unknown setting 'evidenceExpiryWindow'; did you mean 'evidenceExpiryWindowDays'? (settings: today, evidenceExpiryWindowDays, severity, ignore)",
            "aims: aims/aims.config.json: severity: there is no rule 'review-overdu'; did you mean 'aims/review-overdue'?",
            'aims: aims/aims.config.json: severity.evidence-expiring: "fatal" is not a level; use one of: error, warning, info, hint, off',
            ''
        ].join('\n'));
        expect(run.stdout).toBe('');
        expect(run.code).toBe(2);
    });

    it('says where a config is not valid JSON', () => {
        const repo = scratch();
        repo.addExamples('aims');
        repo.write('aims/aims.config.json', '{\n    "severity": { "review-overdue": "error", }\n}\n');
        const run = runAims(['validate', 'aims'], { cwd: repo.root });
        expect(run.stderr).toMatch(/^aims: aims\/aims\.config\.json: not valid JSON \(line 2, column \d+\): /);
        expect(run.code).toBe(2);
    });
});
