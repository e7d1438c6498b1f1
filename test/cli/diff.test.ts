import { afterEach, describe, expect, it } from 'vitest';
import { ScratchRepository } from '../helpers/scratch-repository.js';
import { runAims } from './run-aims.js';

const TODAY = ['--today', '2026-11-28'];

let repository: ScratchRepository | undefined;
afterEach(() => {
    repository?.remove();
    repository = undefined;
});

/** The example workspace at the root of a repository, committed, then changed as a pull request would. */
function changedRepository(): ScratchRepository {
    const repo = new ScratchRepository();
    repository = repo;
    repo.addExamples('.');
    repo.commitAll('The AIMS as of the last management review');
    // A.6.2.4 is not done after all; A.3.3 finally links evidence.
    repo.edit('soa.aims', 'control A.6.2.4 applicable {\n        status implemented', 'control A.6.2.4 applicable {\n        status planned');
    repo.edit('soa.aims', '        owner jan-devries\n        note "Concerns', '        owner jan-devries\n        evidence ev-raci\n        note "Concerns');
    // The support assistant is reclassified as high-risk.
    repo.edit('systems.aims', 'operator provider, deployer\n    eu-ai-act minimal', 'operator provider, deployer\n    eu-ai-act high annex-iii 5');
    // A new risk, mitigated by a control that does not exist.
    repo.write('risks-new.aims', 'risk data-drift "Applicant population drifts" {\n    systems credit-scoring\n    inherent likelihood 3 impact 3\n    treatment mitigate with A.6.2.60\n    owner tomasz-nowak\n    review 2027-06-30\n}\n');
    return repo;
}

describe('aims diff', () => {
    it('reports a change in the terms a governance lead uses, as Markdown', () => {
        const repo = changedRepository();
        const run = runAims(['diff', 'HEAD', ...TODAY], { cwd: repo.root });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const md = run.stdout;
        expect(md).toMatch(/^## AIMS changes: `HEAD` → `working tree`\n/);
        expect(md).toContain('2 controls of the statement of applicability changed, 1 risk changed, 1 AI system changed');
        expect(md).toContain('- **A.6.2.4** AI system verification and validation: goes from **implemented** to **planned**');
        expect(md).toContain('- **A.3.3** Reporting of concerns: gains evidence `ev-raci`');
        expect(md).toContain('- **data-drift** Applicant population drifts: new risk, inherent 3 × 3 = 9 (medium), residual unrated, treatment mitigate');
        expect(md).toContain('- **support-assistant** ');
        expect(md).toContain('EU AI Act class minimal → **high (Annex III point 5)**');
        expect(md).toContain('| Annex A controls implemented | 35 | **34** |');
        expect(md).toContain('| High-risk AI systems (EU AI Act) | 1 | **2** |');
        expect(md).toMatch(/### New findings \(\d+\)\n\n(- .+\n)*- error `aims\/unknown-catalog-id` `risks-new\.aims:4`: /);
        expect(md).toMatch(/### Resolved findings \(1\)\n\n- warning `aims\/implemented-without-evidence` `soa\.aims:40`: A\.3\.3 is implemented but links no evidence/);
    });

    it('compares two commits, and writes JSON for tools', () => {
        const repo = changedRepository();
        repo.commitAll('Reclassify the support assistant');
        const run = runAims(['diff', 'HEAD~1', 'HEAD', '--format', 'json', ...TODAY], { cwd: repo.root });
        const diff = JSON.parse(run.stdout);
        expect(diff).toMatchObject({ workspace: '.', base: 'HEAD~1', head: 'HEAD' });
        expect(diff.soa.map((c: { control: string }) => c.control).sort()).toEqual(['A.3.3', 'A.6.2.4']);
        expect(diff.soa.find((c: { control: string }) => c.control === 'A.3.3').evidenceGained).toEqual(['ev-raci']);
        expect(diff.systems).toEqual([expect.objectContaining({ system: 'support-assistant', before: expect.objectContaining({ euCategory: 'minimal' }), after: expect.objectContaining({ euCategory: 'high', annexIII: '5' }) })]);
        expect(diff.risks).toEqual([expect.objectContaining({ risk: 'data-drift', after: expect.objectContaining({ treatment: 'mitigate' }) })]);
        expect(diff.coverage.before.implemented).toBe(35);
        expect(diff.coverage.after.implemented).toBe(34);
        expect(diff.findings.resolved).toHaveLength(1);
    });

    it('says so when nothing changed in meaning, such as a comment or formatting', () => {
        const repo = changedRepository();
        repo.commitAll('changes');
        repo.edit('soa.aims', '    // A.2 Policies related to AI', '    // A.2 Policies related to AI (reviewed)');
        const run = runAims(['diff', 'HEAD', ...TODAY], { cwd: repo.root });
        expect(run.stdout).toContain('No change in meaning');
    });

    it('compares against a revision from before the AIMS existed', () => {
        const repo = new ScratchRepository();
        repository = repo;
        repo.write('README.md', '# Northwind\n');
        repo.commitAll('Start');
        repo.addExamples('.');
        const run = runAims(['diff', 'HEAD', ...TODAY, '--format', 'json'], { cwd: repo.root });
        const diff = JSON.parse(run.stdout);
        expect(diff.coverage.before.decided).toBe(0);
        expect(diff.coverage.after.decided).toBe(38);
        expect(diff.systems).toHaveLength(3);
    });

    it('refuses an unknown revision and a folder outside git with a clear message', () => {
        const repo = changedRepository();
        const unknown = runAims(['diff', 'no-such-branch'], { cwd: repo.root });
        expect(unknown.stderr).toMatch(/^aims: 'no-such-branch' is not a commit of the repository at /);
        expect(unknown.code).toBe(2);
    });
});
