import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOscalCatalog, localId } from '../../src/oscal/oscal-import.js';
import { exportOscal, serializeOscal } from '../../src/oscal/oscal-export.js';
import { workspace } from '../helpers/workspace.js';
import { runAims } from '../cli/run-aims.js';
import { loadInline } from '../report/report-workspace.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'oscal', 'company-catalog.json');
const catalogText = readFileSync(FIXTURE, 'utf8');

describe('aims import oscal: an OSCAL catalog as a framework', () => {
    it('keeps every control: groups, enhancements, nested groups and ungrouped controls', async () => {
        const result = importOscalCatalog(catalogText, { name: 'ACME-IHS' });
        expect(result).toMatchObject({ groups: 2, requirements: 6 });
        expect(result.text).toContain('framework ACME-IHS "Acme information handling standard" {');
        expect(result.text).toContain('    version "2.0"');
        expect(result.text).toContain('        requirement "ac-2.1" "Automated account management"');
        expect(result.text).toContain('        requirement dm-3 "Retention schedule"');
        expect(result.text).toContain('    requirement gov-1 "Annual attestation by the board"');
        // Statements only on request.
        expect(result.text).not.toContain('Keep a written access policy');

        const ws = await workspace({ 'ihs.aims': result.text, 'ev.aims': 'evidence ev "E" { url "https://x.example" supports ACME-IHS:ac-2.1, ACME-IHS:dm }\n' });
        expect(ws.codes()).toEqual([]);
        const [framework] = ws.services.aims.Model.frameworkCoverage();
        expect(framework.requirements.map(r => r.id)).toEqual([
            'ACME-IHS:ac-1', 'ACME-IHS:ac-2', 'ACME-IHS:ac-2.1', 'ACME-IHS:dm-1', 'ACME-IHS:dm-3', 'ACME-IHS:gov-1'
        ]);
    });

    it('copies the statements into summaries with --with-statements', () => {
        const { text } = importOscalCatalog(catalogText, { name: 'ACME', withStatements: true });
        expect(text).toContain('requirement ac-2 "Account management" { summary "Name an owner for every account. Remove accounts within a day of leaving." }');
    });

    it('round-trips the catalog that aims export oscal writes', async () => {
        const { data } = await loadInline({ 'main.aims': 'control ACME.1 "Red-team prompts" { summary "Before release." }\n' });
        const exported = serializeOscal(exportOscal(data, 'catalog', { timestamp: '2026-06-01T00:00:00Z' }));
        const { groups, requirements, text } = importOscalCatalog(exported, { name: 'EXPORTED' });
        expect(groups).toBe(10);
        expect(requirements).toBe(39);
        const ws = await workspace({ 'exported.aims': text });
        expect(ws.codes()).toEqual([]);
    });

    it('quotes ids the grammar would not read as one token, and leaves plain ones bare', () => {
        expect(['ac-2', 'CC6.1', '3.2', '7', 'ac-2.1', 'intro', '2026-01-01'].map(localId)).toEqual(['ac-2', 'CC6.1', '3.2', '7', '"ac-2.1"', '"intro"', '"2026-01-01"']);
    });

    it('reports bad input where it is: JSON syntax by line and column, structure by JSON path', () => {
        expect(() => importOscalCatalog('{\n  "catalog": {\n    "metadata": }\n}', { name: 'X' })).toThrow(/^invalid JSON at line 3, column 17: /);
        expect(() => importOscalCatalog('{ "profile": {} }', { name: 'X' })).toThrow("not an OSCAL catalog: the top-level object has no 'catalog' (it has 'profile')");
        expect(() => importOscalCatalog('{ "catalog": { "metadata": {} } }', { name: 'X' })).toThrow('/catalog/metadata/title: an OSCAL catalog needs a title');
        expect(() => importOscalCatalog('{ "catalog": { "metadata": { "title": "T" }, "groups": [{ "title": "G", "controls": [{ "title": "no id" }] }] } }', { name: 'X' }))
            .toThrow('/catalog/groups/0/controls/0: no id; every OSCAL control needs one');
        expect(() => importOscalCatalog('{ "catalog": { "metadata": { "title": "T" }, "controls": [{ "id": "a-1", "title": "A" }, { "id": "a-1", "title": "B" }] } }', { name: 'X' }))
            .toThrow("the id 'a-1' is used twice");
        expect(() => importOscalCatalog(catalogText, { name: '9lives' })).toThrow("'9lives' cannot name a framework");
    });

    it('runs from the command line: writes the file, says what it imported, exits 2 with the file and reason on bad input', () => {
        const dir = mkdtempSync(join(tmpdir(), 'aims-import-'));
        writeFileSync(join(dir, 'acme-ihs.json'), catalogText);
        const run = runAims(['import', 'oscal', 'acme-ihs.json', '--out', 'aims/ihs.aims'], { cwd: dir });
        expect(run).toMatchObject({ code: 0, stdout: '', stderr: 'framework acme-ihs: 2 groups, 6 requirements\n' });
        expect(readFileSync(join(dir, 'aims', 'ihs.aims'), 'utf8')).toContain('framework acme-ihs "Acme information handling standard"');
        writeFileSync(join(dir, 'broken.json'), '{ "catalog": [ }');
        const bad = runAims(['import', 'oscal', 'broken.json'], { cwd: dir });
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/^aims: broken\.json: invalid JSON at line 1, column \d+: /);
        const missing = runAims(['import', 'oscal', 'nope.json'], { cwd: dir });
        expect(missing).toMatchObject({ code: 2, stderr: 'aims: cannot read nope.json: no such file\n' });
    });
});
