import { describe, expect, it } from 'vitest';
import type { CompletionItem, Hover } from 'vscode-languageserver';
import { workspace } from '../helpers/workspace.js';
import { at, lspServices, open, positionOf } from '../lsp/lsp-workspace.js';
import { loadInline } from '../report/report-workspace.js';
import { exportOscal, serializeOscal } from '../../src/oscal/oscal-export.js';
import { oscalFrameworkCatalog } from '../../src/oscal/oscal-catalog.js';
import { importOscalCatalog } from '../../src/oscal/oscal-import.js';
import { schemaErrors } from '../oscal/oscal-schemas.js';

const SOC2 = `
framework SOC2 "SOC 2 Trust Services Criteria" {
    version "2017, points of focus revised 2022"
    source "AICPA"
    group CC6 "Logical and physical access controls" {
        requirement CC6.1 "Logical access security" { summary "Access to information assets is restricted to authorised users." }
        requirement CC6.2 "User registration and authorisation"
    }
    requirement A1.2 "Recovery infrastructure"
}
`;

const ORG = 'organisation acme "Acme" { scope "Credit AI" }\nperson alice "Alice Moreau"\n';

describe('frameworks: declaring one and referring to its requirements', () => {
    it('names requirements and groups with the framework as prefix, usable in supports and map', async () => {
        const ws = await workspace({
            'soc2.aims': SOC2,
            'isms.aims': `${ORG}
                evidence ev-access "Quarterly access review" { url "https://grc.acme.example/access" supports SOC2:CC6.1, SOC2:CC6 }
                map SOC2:CC6.1 to 27001:A.5.15 as equal rationale "Our SOC 2 scope uses the ISMS access control policy."`
        });
        expect(ws.codes('isms.aims').filter(code => /unknown|unresolved|syntax/.test(code))).toEqual([]);
        expect(ws.services.aims.Model.evidenceSupporting('SOC2:CC6.1').map(e => e.name)).toEqual(['ev-access']);
        expect(ws.services.aims.Model.mappings().mappingsOf('SOC2:CC6.1')).toEqual([expect.objectContaining({ to: '27001:A.5.15', relationship: 'equal' })]);
    });

    it('lets two frameworks have the same local id without a clash', async () => {
        const ws = await workspace({ 'a.aims': 'framework A "A" { requirement R.1 "One" }\nframework B "B" { requirement R.1 "One" }\n' });
        expect(ws.codes('a.aims')).toEqual([]);
    });

    it('reports a requirement the framework does not have, with the nearest of its own', async () => {
        const ws = await workspace({ 'soc2.aims': SOC2, 'ev.aims': 'evidence ev "E" { url "https://x.example" supports SOC2:CC6.3 }' });
        const [diagnostic] = ws.diagnostics['ev.aims'];
        expect(diagnostic).toMatchObject({ code: 'aims/unknown-catalog-id' });
        expect(diagnostic.message).toBe("Framework 'SOC2' has no requirement or group 'CC6.3'. Did you mean 'SOC2:CC6.1' or 'SOC2:CC6.2' or 'SOC2:CC6'?");
    });

    it('reports a requirement declared twice in one framework', async () => {
        const ws = await workspace({ 'a.aims': 'framework A "A" { requirement R.1 "One" requirement R.1 "Again" }\n' });
        expect(ws.codes('a.aims')).toContain('aims/duplicate-name');
    });
});

describe('frameworks: coverage and the faces', () => {
    const FILES = {
        'soc2.aims': SOC2,
        'main.aims': `${ORG}
            control ACME.1 "Access reviews" { owner alice }
            map SOC2:CC6.1 to ACME.1 as subset-of rationale "The quarterly access review covers all of CC6.1."
            map SOC2:CC6.2 to A.9.2 as intersects-with
            soa { control ACME.1 applicable { status implemented owner alice } control A.9.2 applicable { status implemented owner alice } }`
    };

    it('covers each requirement through the mappings, in three levels', async () => {
        const ws = await workspace(FILES);
        const [soc2] = ws.services.aims.Model.frameworkCoverage();
        expect(soc2.requirements.map(r => [r.id, r.level])).toEqual([
            ['SOC2:CC6.1', 'covered'], ['SOC2:CC6.2', 'partly-covered'], ['SOC2:A1.2', 'not-covered']
        ]);
    });

    it('shows the framework in the report with each requirement, its level and why', async () => {
        const { data } = await loadInline(FILES);
        expect(data.frameworks).toEqual([expect.objectContaining({
            id: 'SOC2', title: 'SOC 2 Trust Services Criteria', source: 'AICPA',
            counts: { 'covered': 1, 'partly-covered': 1, 'not-covered': 1 }
        })]);
        expect(data.frameworks[0].requirements[0]).toMatchObject({
            id: 'SOC2:CC6.1', group: 'SOC2:CC6', coveredBy: [{ control: 'ACME.1', relation: 'subset-of', chain: 'SOC2:CC6.1 subset-of ACME.1 (declared)' }]
        });
        // Its mappings go into the OSCAL mapping collection, which stays schema-valid.
        const collection = exportOscal(data, 'mapping', { timestamp: '2026-06-01T00:00:00Z' });
        expect(schemaErrors('mapping', collection)).toEqual([]);
        expect(JSON.stringify(collection)).toContain('"value":"SOC2:CC6.1"');
    });

    it('hovers a requirement with its framework, coverage and mappings, and completes its qualified id', async () => {
        const services = await lspServices();
        const ws = await open(services, { ...FILES, 'ev.aims': 'evidence ev "E" { url "https://x.example" supports SOC2:CC6.1 }\n' });
        const document = ws.documents['ev.aims'];
        const hover: Hover | undefined = await services.lsp.HoverProvider!.getHoverContent(document, at(document, positionOf(document, 'SOC2:CC6.1', 6)));
        const text = (hover?.contents as { value: string }).value;
        expect(text).toContain('**requirement** `SOC2:CC6.1` Logical access security');
        expect(text).toContain('Framework: SOC 2 Trust Services Criteria');
        expect(text).toContain('Coverage: covered (ACME.1: SOC2:CC6.1 subset-of ACME.1 (declared))');
        expect(text).toContain('Mappings: subset-of ACME.1');

        const completion = await open(services, { ...FILES, 'ev.aims': 'evidence ev "E" { url "https://x.example" supports SOC<|> }\n' });
        const list = await services.lsp.CompletionProvider!.getCompletion(completion.cursor.document, at(completion.cursor.document, completion.cursor.position));
        expect((list?.items ?? []).map((i: CompletionItem) => i.label)).toEqual(expect.arrayContaining(['SOC2:CC6.1', 'SOC2:CC6.2', 'SOC2:CC6', 'SOC2:A1.2']));
    });
});

describe('frameworks: OSCAL catalog export and back', () => {
    it('exports a declared framework as a schema-valid OSCAL catalog that aims import oscal turns back into the same requirements', async () => {
        const { data } = await loadInline({ 'soc2.aims': SOC2 });
        const exported = oscalFrameworkCatalog(data, 'SOC2', { timestamp: '2026-06-01T00:00:00Z' })!;
        expect(schemaErrors('catalog', exported)).toEqual([]);
        expect(exported.catalog.groups!.map(g => [g.id, g.controls!.map(c => c.id)])).toEqual([['CC6', ['CC6.1', 'CC6.2']]]);
        expect(exported.catalog.controls!.map(c => c.id)).toEqual(['A1.2']);
        const back = importOscalCatalog(serializeOscal(exported), { name: 'SOC2' });
        const ws = await workspace({ 'soc2.aims': back.text });
        expect(ws.codes()).toEqual([]);
        const [framework] = ws.services.aims.Model.frameworkCoverage();
        expect(framework.requirements.map(r => r.id)).toEqual(['SOC2:CC6.1', 'SOC2:CC6.2', 'SOC2:A1.2']);
        expect(oscalFrameworkCatalog(data, 'NOPE', { timestamp: '2026-06-01T00:00:00Z' })).toBeUndefined();
    });
});
