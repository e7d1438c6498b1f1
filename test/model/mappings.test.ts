import { describe, expect, it } from 'vitest';
import { compose, inverse } from '../../src/model/mappings.js';
import { workspace } from '../helpers/workspace.js';

const ORG = `
    organisation acme "Acme" { scope "Credit AI" }
    person alice "Alice Moreau"
`;

async function coverageOf(files: Record<string, string>, id: string) {
    const ws = await workspace(files);
    return { ws, row: ws.services.aims.Model.nistCoverage().find(c => c.subcategory === id)! };
}

describe('mappings: relationships', () => {
    it('inverts subset and superset and keeps the symmetric ones', () => {
        expect(['equal', 'subset-of', 'superset-of', 'intersects-with', 'no-relationship'].map(r => inverse(r as never)))
            .toEqual(['equal', 'superset-of', 'subset-of', 'intersects-with', 'no-relationship']);
    });

    it('composes along a chain only where set theory allows a conclusion', () => {
        expect(compose('equal', 'subset-of')).toBe('subset-of');
        expect(compose('subset-of', 'subset-of')).toBe('subset-of');
        expect(compose('subset-of', 'equal')).toBe('subset-of');
        expect(compose('subset-of', 'intersects-with')).toBeUndefined();
        expect(compose('subset-of', 'superset-of')).toBeUndefined();
        expect(compose('superset-of', 'superset-of')).toBe('superset-of');
        expect(compose('superset-of', 'subset-of')).toBe('intersects-with');
        expect(compose('intersects-with', 'subset-of')).toBe('intersects-with');
        expect(compose('intersects-with', 'superset-of')).toBeUndefined();
    });
});

describe('mappings: NIST AI RMF coverage in three levels', () => {
    it('is covered when the subcategory is declared a subset of an implemented control', async () => {
        const { row } = await coverageOf({
            'main.aims': `${ORG}
                map GOVERN 1.1 to A.2.2 as subset-of rationale "The AI policy states the legal requirements we track."
                soa { control A.2.2 applicable { status implemented owner alice } }`
        }, 'GOVERN 1.1');
        expect(row.level).toBe('covered');
        expect(row.coveredBy.map(c => [c.control, c.relation])).toEqual([['A.2.2', 'subset-of']]);
        expect(row.coveredBy[0].steps[0]).toMatchObject({ origin: 'declared', rationale: 'The AI policy states the legal requirements we track.' });
    });

    it('reads a mapping in either direction: control superset-of subcategory covers it too', async () => {
        const { row } = await coverageOf({
            'main.aims': `${ORG}
                map A.2.2 to GOVERN 1.1 as superset-of
                soa { control A.2.2 applicable { status implemented owner alice } }`
        }, 'GOVERN 1.1');
        expect(row.coveredBy.map(c => [c.control, c.relation])).toEqual([['A.2.2', 'subset-of']]);
    });

    it('is only partly covered through the untyped crosswalk, or when the subcategory asks for more than the control', async () => {
        const crosswalk = await coverageOf({ 'main.aims': `${ORG} soa { control A.2.2 applicable { status implemented owner alice } }` }, 'GOVERN 1.1');
        expect(crosswalk.row).toMatchObject({ level: 'partly-covered', coveredBy: [] });
        const wider = await coverageOf({
            'main.aims': `${ORG} map GOVERN 1.1 to A.2.2 as superset-of soa { control A.2.2 applicable { status implemented owner alice } }`
        }, 'GOVERN 1.1');
        expect(wider.row.partlyBy.map(c => [c.control, c.relation])).toEqual([['A.2.2', 'superset-of']]);
    });

    it('follows a chain through an ISO/IEC 27001 control to an organisation control', async () => {
        const { row } = await coverageOf({
            'main.aims': `${ORG}
                control ACME.1 "Central logging" { owner alice }
                map MEASURE 2.4 to 27001:A.8.16 as subset-of
                map 27001:A.8.16 to ACME.1 as equal
                soa { control ACME.1 applicable { status implemented owner alice } }`
        }, 'MEASURE 2.4');
        const chain = row.coveredBy.find(c => c.control === 'ACME.1')!;
        expect(chain.relation).toBe('subset-of');
        expect(chain.steps.map(s => `${s.from} ${s.relationship} ${s.to}`)).toEqual(['MEASURE 2.4 subset-of 27001:A.8.16', '27001:A.8.16 equal ACME.1']);
    });

    it('counts an ISO/IEC 27001 control that the ISMS statement of applicability implements', async () => {
        const { row } = await coverageOf({
            'main.aims': `${ORG}
                map MEASURE 2.4 to 27001:A.8.16 as subset-of
                soa iso27001 { control 27001:A.8.16 applicable because "Endpoints are watched." { status implemented owner alice } }`
        }, 'MEASURE 2.4');
        expect(row.level).toBe('covered');
        expect(row.coveredBy.map(c => c.control)).toEqual(['27001:A.8.16']);
    });

    it('drops a crosswalk pair that a no-relationship mapping removes', async () => {
        const { row } = await coverageOf({
            'main.aims': `${ORG}
                map GOVERN 1.1 to A.2.2 as no-relationship rationale "Our AI policy does not cover legal tracking."
                soa { control A.2.2 applicable { status implemented owner alice } }`
        }, 'GOVERN 1.1');
        expect(row.partlyBy.map(c => c.control)).not.toContain('A.2.2');
        expect(row.controls).not.toContain('A.2.2');
    });

    it('does not count planned or excluded controls, and lists the planned ones', async () => {
        const { row } = await coverageOf({
            'main.aims': `${ORG}
                map GOVERN 1.1 to A.2.2 as subset-of
                soa { control A.2.2 applicable { status planned owner alice } }`
        }, 'GOVERN 1.1');
        expect(row.level).toBe('not-covered');
        expect(row.plannedBy.map(c => c.control)).toContain('A.2.2');
    });

    it('lists every mapping of an entry in both directions', async () => {
        const ws = await workspace({ 'main.aims': `${ORG} map 27001:A.5.15 to A.9.2 as intersects-with strength 6` });
        const graph = ws.services.aims.Model.mappings();
        expect(graph.mappingsOf('A.9.2').find(e => e.to === '27001:A.5.15')).toMatchObject({ relationship: 'intersects-with', origin: 'declared', strength: 6 });
        expect(graph.mappingsOf('27001:A.5.15')).toEqual([expect.objectContaining({ to: 'A.9.2' })]);
        // The crosswalk's pairs of A.9.2 are there too, oriented away from it.
        expect(graph.mappingsOf('A.9.2').some(e => e.origin === 'crosswalk' && e.to.startsWith('M'))).toBe(true);
    });
});
