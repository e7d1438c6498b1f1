import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OSCAL_MODELS } from '../../src/oscal/oscal-export.js';
import { runAims } from '../cli/run-aims.js';
import { harbourCopy } from '../report/report-workspace.js';
import { schemaErrors } from './oscal-schemas.js';

describe('aims export oscal', () => {
    // The Harbour fixture records no audit, so it has no assessment results (tested below).
    it.each(OSCAL_MODELS.filter(m => m !== 'assessment-results'))('writes a valid %s', model => {
        const dir = harbourCopy();
        const run = runAims(['export', 'oscal', '--model', model, '--today', '2026-06-01', '--out', `${model}.json`], { cwd: dir });
        expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
        const document = JSON.parse(readFileSync(join(dir, `${model}.json`), 'utf8'));
        expect(schemaErrors(model, document)).toEqual([]);
        expect(JSON.stringify(document)).toContain('"last-modified":"2026-06-01T00:00:00Z"');
    });

    it('refuses assessment results without a conducted audit, saying why (exit 2)', () => {
        const run = runAims(['export', 'oscal', '--model', 'assessment-results', '--today', '2026-06-01'], { cwd: harbourCopy() });
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('no audit is recorded as conducted');
        expect(run.stdout).toBe('');
    });

    it('gives byte-identical output for the same state, dated by the commit without --today', () => {
        const dir = harbourCopy(true);
        const first = runAims(['export', 'oscal', '-m', 'ssp'], { cwd: dir });
        const second = runAims(['export', 'oscal', '-m', 'ssp'], { cwd: dir });
        expect(first.code).toBe(0);
        expect(first.stdout).toBe(second.stdout);
        const ssp = JSON.parse(first.stdout)['system-security-plan'];
        const hash = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
        expect(ssp.metadata['last-modified']).toBe('2026-05-30T12:02:11Z');
        expect(ssp.metadata.version).toBe(hash.slice(0, 12));
    });

    it('points the other models at the catalog through --catalog-href', () => {
        const dir = harbourCopy();
        const run = runAims(['export', 'oscal', '-m', 'component-definition', '--today', '2026-06-01', '--catalog-href', 'oscal/catalog.json'], { cwd: dir });
        const def = JSON.parse(run.stdout)['component-definition'];
        expect(def['back-matter'].resources[0].rlinks).toEqual([{ 'href': 'oscal/catalog.json', 'media-type': 'application/oscal.catalog+json' }]);
    });

    it('asks for a model and suggests the nearest name', () => {
        const dir = harbourCopy();
        expect(runAims(['export', 'oscal'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('aims: --model is required: catalog, component-definition, ssp') });
        expect(runAims(['export', 'oscal', '--model', 'sps'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown OSCAL model 'sps'; did you mean 'ssp'?") });
    });
});
