/**
 * The `aims/soaCoverage` and `aims/nistCoverage` requests behind the VS Code status bar item and
 * the coverage commands: the numbers of AimsModel, with titles and places to jump to.
 */
import { describe, expect, test } from 'vitest';
import { CancellationToken, type Connection } from 'vscode-languageserver';
import { catalog } from '../../src/catalog/catalog.js';
import { NIST_COVERAGE_REQUEST, SOA_COVERAGE_REQUEST, type NistCoverageResult, type SoaCoverageResult } from '../../src/lsp/aims-coverage-protocol.js';
import { nistCoverage, registerCoverageRequests, soaCoverage } from '../../src/lsp/aims-coverage-request.js';
import { workspace } from '../helpers/workspace.js';

const people = `person alice "Alice Moreau"
evidence ev-policy "Signed AI policy" { kind document owner alice collected 2026-01-15 supports A.2.2 }`;

const soa = `soa "Statement of applicability" {
    control A.2.2 applicable { status implemented owner alice evidence ev-policy }
    control A.2.3 applicable { status planned owner alice }
    control A.2.4 applicable
    control A.10.4 excluded because "We supply no AI systems to customers."
    control A.7.6 undecided
}`;

describe('SoA coverage request', () => {
    test('counts decided controls (applicable or excluded) against the 38 of Annex A', async () => {
        const ws = await workspace({ 'people.aims': people, 'soa.aims': soa });
        const result = soaCoverage(ws.services);
        expect(result).toMatchObject({ total: 38, decided: 4, applicable: 3, excluded: 1, undecided: 1, implemented: 1 });
        expect(result.missing).toHaveLength(33);
        expect(result.missing).not.toContain('A.2.2');
        expect(result.controls.map(c => c.id)).toEqual(catalog.annexAControls.map(c => c.id));
    });

    test('each control carries its state, owner, evidence count, justification, title and locations', async () => {
        const ws = await workspace({ 'people.aims': people, 'soa.aims': soa });
        const byId = new Map(soaCoverage(ws.services).controls.map(c => [c.id, c]));
        expect(byId.get('A.2.2')).toMatchObject({ state: 'implemented', owner: 'alice', evidence: 1, title: catalog.get('annex-a-control', 'A.2.2')?.title });
        expect(byId.get('A.2.3')).toMatchObject({ state: 'planned', evidence: 0 });
        expect(byId.get('A.2.4')?.state).toBe('applicable');
        expect(byId.get('A.10.4')).toMatchObject({ state: 'excluded', justification: 'We supply no AI systems to customers.' });
        expect(byId.get('A.7.6')?.state).toBe('undecided');
        expect(byId.get('A.3.2')?.state).toBe('missing');
        expect(byId.get('A.3.2')?.entry).toBeUndefined();

        const entry = byId.get('A.2.2')!.entry!;
        expect(entry.uri).toMatch(/\/soa\.aims$/);
        expect(ws.documents['soa.aims'].textDocument.getText(entry.range)).toMatch(/^control A\.2\.2 applicable \{/);
        const definition = byId.get('A.3.2')!.definition!;
        expect(definition.uri).toMatch(/^aims-catalog:/);
        expect(definition.range.start.line).toBeGreaterThan(0);
    });
});

describe('NIST AI RMF coverage request', () => {
    test('a subcategory mapped by the crosswalk alone is partly covered when a mapped control is implemented, with the chain that shows it', async () => {
        const ws = await workspace({ 'people.aims': people, 'soa.aims': soa });
        const result = nistCoverage(ws.services);
        expect(result.total).toBe(catalog.ofKind('nist-subcategory').length);
        expect(result.covered + result.partlyCovered + result.notCovered).toBe(result.total);
        // The crosswalk's pairs are intersects-with: nothing is fully covered without a typed mapping.
        expect(result.covered).toBe(0);

        const byId = new Map(result.subcategories.map(s => [s.id, s]));
        const viaA22 = catalog.nistFor('A.2.2')[0];
        expect(byId.get(viaA22)).toMatchObject({
            state: 'partly-covered',
            partlyBy: expect.arrayContaining([{ control: 'A.2.2', relation: 'intersects-with', chain: `${viaA22} intersects-with A.2.2 (crosswalk)` }])
        });
        const onlyViaA23 = catalog.nistFor('A.2.3').find(id => !catalog.isoFor(id).some(iso => iso === 'A.2.2' || iso === 'A.2.4'));
        expect(onlyViaA23).toBeDefined();
        expect(byId.get(onlyViaA23!)).toMatchObject({ state: 'not-covered', plannedBy: [expect.objectContaining({ control: 'A.2.3' })], partlyBy: [] });
        expect(byId.get(viaA22)?.title).toBe(catalog.get('nist-subcategory', viaA22)?.title);
        expect(byId.get(viaA22)?.definition?.uri).toMatch(/^aims-catalog:/);
    });

    test('without an SoA nothing is implemented or planned', async () => {
        const ws = await workspace({ 'people.aims': people });
        const result = nistCoverage(ws.services);
        expect(result.covered + result.partlyCovered).toBe(0);
        expect(result.subcategories.every(s => s.plannedBy.length === 0)).toBe(true);
    });
});

describe('Coverage requests over the connection', () => {
    test('both requests are registered and answer with or without parameters', async () => {
        const ws = await workspace({ 'people.aims': people, 'soa.aims': soa });
        const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
        const connection = { onRequest: (method: string, handler: (...args: unknown[]) => Promise<unknown>) => handlers.set(method, handler) };
        registerCoverageRequests(connection as unknown as Connection, ws.services);

        const soaResult = await handlers.get(SOA_COVERAGE_REQUEST)!(CancellationToken.None) as SoaCoverageResult;
        expect(soaResult.decided).toBe(4);
        const nistResult = await handlers.get(NIST_COVERAGE_REQUEST)!({}, CancellationToken.None) as NistCoverageResult;
        expect(nistResult.total).toBe(catalog.ofKind('nist-subcategory').length);
    });
});
