/**
 * The starter workspace behind `AIMS: New Workspace`: valid AIMS with no errors, every Annex A
 * control in the statement of applicability, and exactly the findings the walkthrough talks
 * about (one implemented control without evidence, which a quick fix resolves; the undecided
 * controls).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { starterWorkspace } from '../../src/workspace/starter-workspace.js';
import { workspace } from '../helpers/workspace.js';

const TODAY = '2026-06-01';
const files = starterWorkspace({ organisation: 'Acme "Robotics" Ltd', today: TODAY });
const aimsFiles = Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.aims')));
const folder = mkdtempSync(join(tmpdir(), 'aims-starter-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('starter workspace', () => {
    it('validates without errors; its warnings are the one missing evidence, the open AI literacy duty, the undecided controls and the clauses left to document', async () => {
        for (const [name, text] of Object.entries(files)) {
            mkdirSync(dirname(join(folder, name)), { recursive: true });
            writeFileSync(join(folder, name), text);
        }
        const ws = await workspace(aimsFiles, { root: folder, nodeFs: true, settings: { today: TODAY } });
        const diagnostics = ws.all.map(d => ({ name: d.file, code: String(d.code), message: d.message }));
        // What is left to document (audits, reviews, objectives...) is the starter's to-do list.
        expect(diagnostics.filter(d => d.code === 'aims/documented-information-missing').map(d => d.name)).toEqual(['organisation.aims']);
        expect(diagnostics.filter(d => d.code !== 'aims/soa-undecided' && d.code !== 'aims/documented-information-missing')).toEqual([
            { name: 'soa.aims', code: 'aims/implemented-without-evidence', message: expect.stringContaining('A.2.3 is implemented but links no evidence') },
            // A deployer owes AI literacy (Article 4) from day one: the starter shows where that goes.
            { name: 'systems.aims', code: 'aims/eu-obligations-open', message: expect.stringContaining('Article 4 (AI literacy') }
        ]);
        expect(diagnostics.filter(d => d.code === 'aims/soa-undecided')).toHaveLength(catalog.annexAControls.length - 2);
    });

    it('lists every Annex A control once in the statement of applicability', () => {
        const listed = [...files['soa.aims'].matchAll(/control (A\.[\d.]+)/g)].map(m => m[1]);
        expect(listed).toEqual(catalog.annexAControls.map(c => c.id));
    });

    it('names the organisation after the user, with quotes taken out, and dates reviews a year ahead', () => {
        expect(files['organisation.aims']).toContain('organisation acme-robotics-ltd "Acme Robotics Ltd" {');
        expect(files['policies.aims']).toContain('review 2027-06-01');
    });
});
