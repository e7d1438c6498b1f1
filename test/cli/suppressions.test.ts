import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScratchRepository } from '../helpers/scratch-repository.js';
import { REPO_ROOT, runAims } from './run-aims.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

const TODAY = ['--today', '2026-11-28'];
const PATH_LINE = '    path "evidence/training/oversight-training-2026.csv"';
const REASON = 'the LMS export lands in January';
/** The example's line numbers once the comment is in: the comment's line, then the path's. */
const COMMENT = readFileSync(join(REPO_ROOT, 'examples', 'evidence.aims'), 'utf8').split('\n').indexOf(PATH_LINE) + 1;
const PATH = COMMENT + 1;

let repository: ScratchRepository | undefined;
afterEach(() => {
    repository?.remove();
    repository = undefined;
});

/** The example workspace in a scratch repository, with one accepted finding. */
function withSuppression(): ScratchRepository {
    repository = new ScratchRepository();
    repository.addExamples('aims');
    repository.edit('aims/evidence.aims', PATH_LINE, `    // aims-ignore aims/evidence-path-missing: ${REASON}\n${PATH_LINE}`);
    return repository;
}

describe('suppressions in the CLI', () => {
    it('silence exactly one finding, counted in the summary', () => {
        const repo = withSuppression();
        const run = runAims(['validate', 'aims', ...TODAY], { cwd: repo.root });
        expect(run.stdout).not.toContain('aims/evidence-path-missing');
        expect(run.stdout).not.toContain('suppression');
        // The README's eight warnings, less the accepted one.
        expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors, 7 warnings (1 suppressed) in 15 files; workspace aims (aims.config.json)');
    });

    it('--show-suppressed lists the accepted finding with its reason', () => {
        const repo = withSuppression();
        const lines = runAims(['validate', 'aims', '--show-suppressed', ...TODAY], { cwd: repo.root }).stdout.split('\n');
        expect(lines.filter(line => line.includes('[suppressed'))).toEqual([
            `aims/evidence.aims:${PATH}:10 warning aims/evidence-path-missing Evidence path 'evidence/training/oversight-training-2026.csv' does not exist in the workspace: correct the path (it is relative to the workspace root), or commit the evidence file. [suppressed on line ${COMMENT}: ${REASON}]`
        ]);
    });

    it('JSON counts them and, with --show-suppressed, carries the reason', () => {
        const repo = withSuppression();
        const plain = JSON.parse(runAims(['validate', 'aims', '--format', 'json', ...TODAY], { cwd: repo.root }).stdout);
        expect(plain).toMatchObject({ errors: 0, warnings: 7, suppressed: 1 });
        const shown = JSON.parse(runAims(['validate', 'aims', '--format', 'json', '--show-suppressed', ...TODAY], { cwd: repo.root }).stdout);
        expect(shown.diagnostics.filter((d: { suppression?: unknown }) => d.suppression)).toEqual([
            expect.objectContaining({ code: 'aims/evidence-path-missing', line: PATH, suppression: { justification: REASON, line: COMMENT } })
        ]);
    });

    it('SARIF has the finding as a result with an inSource suppression and its justification, valid against the schema', () => {
        const repo = withSuppression();
        const run = runAims(['validate', 'aims', '--format', 'sarif', ...TODAY], { cwd: repo.root });
        const log = JSON.parse(run.stdout);
        const validate = sarifValidator();
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
        const suppressed = log.runs[0].results.filter((r: { suppressions?: unknown }) => r.suppressions);
        expect(suppressed).toHaveLength(1);
        expect(suppressed[0].ruleId).toBe('aims/evidence-path-missing');
        expect(suppressed[0].suppressions).toEqual([{
            kind: 'inSource', status: 'accepted', justification: REASON,
            location: { physicalLocation: { artifactLocation: { uri: 'aims/evidence.aims', uriBaseId: '%SRCROOT%' }, region: { startLine: COMMENT } } }
        }]);
        expect(log.runs[0].results).toHaveLength(8);
    });

    it('a suppression without a reason silences nothing and is a finding itself', () => {
        const repo = withSuppression();
        repo.edit('aims/evidence.aims', `: ${REASON}`, '');
        const run = runAims(['validate', 'aims', ...TODAY], { cwd: repo.root });
        expect(run.stdout).toContain(`aims/evidence.aims:${COMMENT}:5 warning aims/suppression-without-reason Suppression of aims/evidence-path-missing without a reason suppresses nothing`);
        expect(run.stdout).toContain(`aims/evidence.aims:${PATH}:10 warning aims/evidence-path-missing`);
    });

    it('a suppression that suppresses nothing any more is a finding', () => {
        const repo = withSuppression();
        repo.write('aims/evidence/training/oversight-training-2026.csv', 'name,date\n');
        const run = runAims(['validate', 'aims', ...TODAY], { cwd: repo.root });
        expect(run.stdout).toContain(`aims/evidence.aims:${COMMENT}:5 warning aims/unused-suppression Nothing to suppress: there is no aims/evidence-path-missing finding on line ${PATH}.`);
    });
});
