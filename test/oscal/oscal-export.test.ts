import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { exportOscal, oscalTimestamp, OSCAL_MODELS, serializeOscal, type OscalModelName } from '../../src/oscal/oscal-export.js';
import { emailAddress, markupLine, markupMultiline, oscalString, oscalToken, uriReference } from '../../src/oscal/oscal-text.js';
import { uuidV5 } from '../../src/oscal/oscal-uuid.js';
import { OscalNothingToExport } from '../../src/oscal/oscal-assessment-results.js';
import type {
    OscalAssessmentResults, OscalCatalog, OscalComponentDefinition, OscalMappingCollection, OscalMetadata, OscalResource, OscalSystemSecurityPlan
} from '../../src/oscal/oscal-types.js';
import type { ReportData } from '../../src/report/aims-report-data.js';
import { EXAMPLES, FIXTURES, loadFolder, loadInline } from '../report/report-workspace.js';
import { schemaErrors } from './oscal-schemas.js';

const OPTIONS = { timestamp: '2026-06-01T00:00:00Z' };

function catalogOf(data: ReportData): OscalCatalog {
    return (exportOscal(data, 'catalog', OPTIONS) as { catalog: OscalCatalog }).catalog;
}
function componentsOf(data: ReportData): OscalComponentDefinition {
    return (exportOscal(data, 'component-definition', OPTIONS) as { 'component-definition': OscalComponentDefinition })['component-definition'];
}
function sspOf(data: ReportData): OscalSystemSecurityPlan {
    return (exportOscal(data, 'ssp', OPTIONS) as { 'system-security-plan': OscalSystemSecurityPlan })['system-security-plan'];
}

function resultsOf(data: ReportData): OscalAssessmentResults {
    return (exportOscal(data, 'assessment-results', OPTIONS) as { 'assessment-results': OscalAssessmentResults })['assessment-results'];
}

/** Every `#uuid` link, party uuid and role id in `doc` must name something the document defines. */
function danglingReferences(doc: { metadata: OscalMetadata; 'back-matter'?: { resources: OscalResource[] } }, extraUuids: string[] = []): string[] {
    const text = JSON.stringify(doc);
    const resources = new Set(doc['back-matter']?.resources.map(r => r.uuid) ?? []);
    const parties = new Set(doc.metadata.parties?.map(p => p.uuid) ?? []);
    const roles = new Set(doc.metadata.roles?.map(r => r.id) ?? []);
    const known = new Set(extraUuids);
    const problems: string[] = [];
    for (const [, uuid] of text.matchAll(/"(?:href|source)":"#([0-9a-f-]{36})"/g)) {
        if (!resources.has(uuid)) problems.push(`link #${uuid}`);
    }
    for (const [, list] of text.matchAll(/"party-uuids":\[([^\]]*)\]/g)) {
        for (const uuid of JSON.parse(`[${list}]`) as string[]) if (!parties.has(uuid)) problems.push(`party ${uuid}`);
    }
    for (const [, id] of text.matchAll(/"role-id":"([^"]*)"/g)) {
        if (!roles.has(id)) problems.push(`role ${id}`);
    }
    for (const [, uuid] of text.matchAll(/"component-uuid":"([0-9a-f-]{36})"/g)) {
        if (!known.has(uuid)) problems.push(`component ${uuid}`);
    }
    return problems;
}

/** `uuid` values that identify more than one object. */
function duplicateUuids(doc: object): string[] {
    const uuids = [...JSON.stringify(doc).matchAll(/"uuid":"([^"]+)"/g)].map(m => m[1]);
    return uuids.filter((u, i) => uuids.indexOf(u) !== i);
}

const ALL_EXCLUDED = `
    organisation o "Outsourced Ltd" { scope "We buy no AI and build none." }
    soa { ${catalog.annexAControls.map(c => `control ${c.id} excluded because "Not relevant: ${c.title}."`).join('\n')} }
`;

const ESCAPES = String.raw`
    organisation esc "Quote \" backslash \\ and <tag> & *stars* Ünïcödé 日本語 🚀" {
        scope "Line one\nLine two with \"quotes\" and a trailing backslash \\"
        roles provider
    }
    person p1 "  Spaced\tname  \n second line " { role "# Heading-like role" email "not an email" }
    person p2 "Zoë Ørsted" { email "zoe.orsted@example.com" team t1 }
    team t1 "Team \"One\"" { lead p2 members p2 }
    system s1 "System with | pipe and [link](http://x)" { purpose "1. starts like a list\n- and a bullet" owner p1 stage inception eu-ai-act minimal }
    dataset d1 "Data é set" { source "Source\nwith newline" personal-data no }
    evidence e1 "Evidence \"quoted\"" { path "evidence/a file with spaces & ü.md" url "not a url" kind other owner p2 }
    control ESC.1 "Org control \\ with backslash" { summary "Summary\nacross lines" }
    soa {
        control A.2.2 applicable { status implemented owner p1 evidence e1 systems s1 note "Note with \"quotes\"\nand newline" }
        control A.2.3 excluded because "Because \\ backslash \"quote\" <b>bold</b>\n\nnew paragraph"
        control ESC.1 applicable { status in-progress owner t1 }
    }
    audit au1 "Audit \"quoted\" <b>x</b>" {
        scope 9.2, ESC.1 conducted 2026-05-02 auditor p2 audited p1
        finding major-nonconformity "Finding with \\ backslash\nand newline" { about 9.2, ESC.1 }
    }
`;

describe('oscal export: deterministic identifiers', () => {
    it('implements UUID version 5 (RFC 4122 test vector)', () => {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
        expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
        expect(uuidV5('control:A.6.2.4')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(uuidV5('control:A.6.2.4')).toBe(uuidV5('control:A.6.2.4'));
        expect(uuidV5('control:A.6.2.4')).not.toBe(uuidV5('control:A.6.2.5'));
    });

    it.each(OSCAL_MODELS)('exports %s byte-identically from two separate builds', async model => {
        // Harbour records no audit; the example workspace does.
        const folder = model === 'assessment-results' ? EXAMPLES : join(FIXTURES, 'harbour');
        const first = await loadFolder(folder, '2026-11-28');
        const second = await loadFolder(folder, '2026-11-28');
        expect(serializeOscal(exportOscal(first.data, model, OPTIONS))).toBe(serializeOscal(exportOscal(second.data, model, OPTIONS)));
    });

    it('takes timestamps from --today, else from the commit date in UTC', () => {
        expect(oscalTimestamp('2026-06-01', { hash: 'x', date: '2026-05-30T14:02:11+02:00' }, '2026-07-01')).toBe('2026-06-01T00:00:00Z');
        expect(oscalTimestamp(undefined, { hash: 'x', date: '2026-05-30T14:02:11+02:00' }, '2026-07-01')).toBe('2026-05-30T12:02:11Z');
        expect(oscalTimestamp(undefined, undefined, '2026-07-01')).toBe('2026-07-01T00:00:00Z');
    });
});

describe('oscal export: text fitted to OSCAL data types', () => {
    it('makes one-line strings, escaped Markdown and NCName tokens', () => {
        expect(oscalString('  a\n\tb  ', 'x')).toBe('a b');
        expect(oscalString(' \n ', 'fallback')).toBe('fallback');
        expect(markupLine('*a* <b> [c](d) `e` \\ & ~', 'x')).toBe('\\*a\\* \\<b\\> \\[c\\](d) \\`e\\` \\\\ \\& \\~');
        expect(markupMultiline('1. one\n- two\n# three\nplain', 'x')).toBe('1\\. one\n\\- two\n\\# three\nplain');
        expect(oscalToken('A.6.2.4')).toBe('a.6.2.4');
        expect(oscalToken('ACME.1')).toBe('acme.1');
        expect(oscalToken('9.x y')).toBe('_9.x-y');
        expect(uriReference('evidence/a file & ü.md')).toBe('evidence/a%20file%20%26%20%C3%BC.md');
        expect(uriReference('https://example.com/a b')).toBe('https://example.com/a%20b');
        expect(uriReference('not a url')).toBe('not%20a%20url');
        expect(emailAddress('alice@acme.example')).toBe('alice@acme.example');
        expect(emailAddress('not an email')).toBeUndefined();
    });
});

describe('oscal export: valid against the OSCAL 1.2.2 schemas', () => {
    const cases: Array<[string, () => Promise<ReportData>]> = [
        ['the Harbour fixture', async () => (await loadFolder(join(FIXTURES, 'harbour'))).data],
        ['an empty workspace', async () => (await loadInline({})).data],
        ['a workspace that excludes every control', async () => (await loadInline({ 'main.aims': ALL_EXCLUDED })).data],
        ['strings with quotes, backslashes, newlines, markup and unicode', async () => (await loadInline({ 'main.aims': ESCAPES })).data]
    ];
    if (existsSync(EXAMPLES)) cases.unshift(['the example workspace', async () => (await loadFolder(EXAMPLES, '2026-11-28')).data]);

    for (const [name, load] of cases) {
        it.each(OSCAL_MODELS)(`${name}: %s`, async (model: OscalModelName) => {
            const data = await load();
            if (model === 'assessment-results' && !data.managementSystem.audits.some(a => a.state === 'conducted')) {
                // Nothing to assess: the export refuses rather than invent a result.
                expect(() => exportOscal(data, model, OPTIONS)).toThrow(OscalNothingToExport);
                return;
            }
            const document = exportOscal(data, model, OPTIONS);
            expect(schemaErrors(model, document)).toEqual([]);
            // What is written is what validates: the JSON text parses back to the same document.
            expect(JSON.parse(serializeOscal(document))).toEqual(document);
        });
    }

    it('rejects a broken document (the validator is not a no-op)', async () => {
        const { data } = await loadInline({});
        const broken = exportOscal(data, 'catalog', OPTIONS) as { catalog: { uuid: string } };
        broken.catalog.uuid = 'not-a-uuid';
        expect(schemaErrors('catalog', broken).join('\n')).toContain('/catalog/uuid');
        expect(schemaErrors('ssp', { 'system-security-plan': {} }).length).toBeGreaterThan(0);
    });
});

describe('oscal export: catalog', () => {
    it('has the Annex A groups A.2 to A.10 with their 38 controls, labelled and summarised in our words', async () => {
        const { data } = await loadInline({});
        const cat = catalogOf(data);
        expect(cat.groups!.map(g => g.id)).toEqual(['a.2', 'a.3', 'a.4', 'a.5', 'a.6', 'a.7', 'a.8', 'a.9', 'a.10']);
        const controls = cat.groups!.flatMap(g => g.controls ?? []);
        expect(controls).toHaveLength(38);
        const c = controls.find(x => x.id === 'a.6.2.4')!;
        expect(c.title).toBe('AI system verification and validation');
        expect(c.props).toContainEqual({ name: 'label', value: 'A.6.2.4' });
        const summary = catalog.get('annex-a-control', 'A.6.2.4')!.summary;
        expect(summary).not.toBe('');
        expect(c.parts).toEqual([{ id: 'a.6.2.4_ovw', name: 'overview', prose: markupMultiline(summary, '') }]);
        const resource = cat['back-matter']!.resources[0];
        expect(resource.citation!.text).toContain('ISO/IEC 42001:2023');
        expect(c.links).toEqual([{ href: `#${resource.uuid}`, rel: 'reference' }]);
        expect(cat.metadata['oscal-version']).toBe('1.2.2');
        expect(cat.metadata['last-modified']).toBe('2026-06-01T00:00:00Z');
    });

    it('adds the organisation controls as their own group', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        const org = catalogOf(data).groups!.at(-1)!;
        expect(org.title).toBe('Controls of Harbour Health Insurance DAC');
        expect(org.controls!.map(c => c.id)).toEqual(['hhi.1', 'hhi.2']);
        expect(org.controls![1].props).toContainEqual({ name: 'nist-ai-rmf', ns: 'urn:aims-language-tools:oscal', value: 'MEASURE 2.11' });
    });
});

describe('oscal export: component definition', () => {
    it('makes each AI system a component implementing controls of our catalog', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        const def = componentsOf(data);
        const cat = catalogOf(data);
        const catalogIds = new Set(cat.groups!.flatMap(g => g.controls ?? []).map(c => c.id));
        expect(def.components!.map(c => [c.title, c.type])).toEqual([
            ['Claims triage model', 'service'], ['Member service assistant', 'service'], ['Fraud network detection', 'software']
        ]);
        const triage = def.components![0];
        expect(triage.props).toContainEqual({ name: 'eu-ai-act-category', ns: 'urn:aims-language-tools:oscal', value: 'high' });
        const impl = triage['control-implementations']![0];
        expect(impl.source).toBe(`#${cat.uuid}`);
        expect(def['back-matter']!.resources[0]).toMatchObject({ uuid: cat.uuid, rlinks: [{ href: 'aims-annex-a-catalog.json' }] });
        const reqs = impl['implemented-requirements'];
        expect(reqs.map(r => r['control-id'])).toEqual(['a.5.4', 'a.6.2.4', 'a.6.2.6', 'a.7.4', 'a.9.2', 'hhi.1', 'hhi.2']);
        expect(reqs.every(r => catalogIds.has(r['control-id']))).toBe(true);
        const v = reqs.find(r => r['control-id'] === 'a.6.2.4')!;
        expect(v.props).toEqual([{ name: 'implementation-status', value: 'implemented' }]);
        expect(v.links![0]).toMatchObject({ rel: 'evidence', text: 'Triage model validation report Q1' });
        expect(reqs.find(r => r['control-id'] === 'a.6.2.6')!.props).toEqual([{ name: 'implementation-status', value: 'partial' }]);
        expect(v['responsible-roles']![0]['role-id']).toBe('control-owner');
        expect(danglingReferences(def)).toEqual([]);
        expect(duplicateUuids(def)).toEqual([]);
    });
});

describe('oscal export: system security plan', () => {
    it('carries each AI system\'s EU AI Act classification as properties of its component', async () => {
        const { data } = await loadFolder(EXAMPLES, '2026-11-28');
        const ssp = sspOf(data);
        const credit = ssp['system-implementation'].components.find(c => c.title === 'Credit scoring model')!;
        const ns = 'urn:aims-language-tools:oscal';
        const eu = (credit.props ?? []).filter(p => p.name.startsWith('eu-ai-act'));
        expect(eu).toEqual([
            { name: 'eu-ai-act-category', ns, value: 'high' },
            { name: 'eu-ai-act-annex-iii-point', ns, value: '5(b)' },
            { name: 'eu-ai-act-operator-role', ns, value: 'provider' },
            { name: 'eu-ai-act-operator-role', ns, value: 'deployer' },
            { name: 'eu-ai-act-route', ns, value: 'Annex III point 5(b)' },
            { name: 'eu-ai-act-fria-required', ns, value: 'yes' },
            { name: 'eu-ai-act-obligations', ns, value: '23' },
            { name: 'eu-ai-act-obligations-open', ns, value: '0' }
        ]);
        const nora = ssp['system-implementation'].components.find(c => c.title === 'Nora, customer support assistant')!;
        expect(nora.props).toContainEqual({ name: 'eu-ai-act-transparency', ns, value: 'Article 50(1)' });
    });

    it('has an implemented requirement for every control, exclusions as not-applicable with their justification', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        const ssp = sspOf(data);
        const reqs = ssp['control-implementation']['implemented-requirements'];
        expect(reqs).toHaveLength(40);
        const excluded = reqs.find(r => r['control-id'] === 'a.10.4')!;
        const justification = 'Harbour supplies no AI systems to customers; members only use its services.';
        expect(excluded.props).toEqual([{ name: 'implementation-status', value: 'not-applicable' }]);
        expect(excluded.remarks).toBe(justification);
        expect(excluded['by-components']![0]['implementation-status']).toEqual({ state: 'not-applicable', remarks: justification });
        const undecided = reqs.find(r => r['control-id'] === 'a.7.6')!;
        expect(undecided.props).toBeUndefined();
        expect(undecided['by-components']![0].description).toBe('Undecided in the statement of applicability.');
    });

    it('describes the AIMS as this-system with the AI systems and policies as components', async () => {
        const { data } = await loadFolder(join(FIXTURES, 'harbour'));
        const ssp = sspOf(data);
        const components = ssp['system-implementation'].components;
        expect(components.map(c => c.type)).toEqual(['this-system', 'service', 'service', 'software', 'policy']);
        expect(components.find(c => c.title === 'Fraud network detection')!.status).toEqual({ state: 'under-development' });
        expect(ssp['system-implementation']['inventory-items']).toHaveLength(3);
        expect(ssp['system-characteristics']['system-name']).toBe('Harbour Health Insurance DAC');
        expect(ssp['system-characteristics']['system-information']['information-types'].map(t => t.title)).toEqual(['Claims history 2018-2025']);
        expect(ssp['import-profile'].href).toBe(`#${catalogOf(data).uuid}`);
        const people = ssp.metadata.parties!.filter(p => p.type === 'person').map(p => p.name);
        expect(people).toEqual(['Niamh Byrne', 'João Silva', 'Aoife Kelly', 'Rui Costa']);
        expect(danglingReferences(ssp, components.map(c => c.uuid))).toEqual([]);
        expect(duplicateUuids(ssp)).toEqual([]);
        // Evidence appears as back-matter resources with a link to its file.
        const ev = ssp['back-matter']!.resources.find(r => r.title === 'Signed AI policy')!;
        expect(ev.rlinks).toEqual([{ href: 'evidence/ai-policy.md' }]);
    });

    it('keeps hostile and unusual text as literal text', async () => {
        const { data } = await loadInline({ 'main.aims': ESCAPES });
        const ssp = sspOf(data);
        expect(ssp.metadata.parties![0].name).toBe('Quote " backslash \\ and <tag> & *stars* Ünïcödé 日本語 🚀');
        expect(ssp['system-characteristics'].description).toBe('Line one\nLine two with "quotes" and a trailing backslash \\\\');
        const excluded = ssp['control-implementation']['implemented-requirements'].find(r => r['control-id'] === 'a.2.3')!;
        expect(excluded.remarks).toBe('Because \\\\ backslash "quote" \\<b\\>bold\\</b\\>\n\nnew paragraph');
        const person = ssp.metadata.parties!.find(p => p.name === 'Spaced name second line')!;
        expect(person['email-addresses']).toBeUndefined();
        const ev = ssp['back-matter']!.resources.find(r => r.title === 'Evidence "quoted"')!;
        expect(ev.rlinks).toEqual([{ href: 'evidence/a%20file%20with%20spaces%20%26%20%C3%BC.md' }, { href: 'not%20a%20url' }]);
    });

    it('writes only http(s) addresses and paths inside the workspace as links; any other location stays a remark', async () => {
        const { data } = await loadInline({
            'main.aims': [
                'evidence ev-js "Script" { url "javascript:alert(1)" }',
                'evidence ev-file "File" { url "file:///etc/passwd" path "../../etc/passwd" }',
                'evidence ev-ok "Report" { url "https://audit.example.com/r" path "evidence/r.pdf" }'
            ].join('\n')
        });
        const resources = sspOf(data)['back-matter']!.resources;
        const byTitle = (title: string) => resources.find(r => r.title === title)!;
        expect(byTitle('Script').rlinks).toBeUndefined();
        expect(byTitle('Script').remarks).toBe('Location as written: javascript:alert(1)');
        expect(byTitle('File').rlinks).toBeUndefined();
        expect(byTitle('Report').rlinks).toEqual([{ href: 'evidence/r.pdf' }, { href: 'https://audit.example.com/r' }]);
    });
});

describe('oscal export: assessment results (internal audit, 9.2)', () => {
    it('makes each conducted audit a result, its scope the reviewed controls, planned audits left out', async () => {
        const { data } = await loadFolder(EXAMPLES, '2026-11-28');
        const ar = resultsOf(data);
        expect(ar.results.map(r => r.title)).toEqual(['Internal organisation (A.3), 2026', 'Management system and controls A.2, A.4 to A.6, 2026']);
        const [a3, q3] = ar.results;
        expect(a3['reviewed-controls']['control-selections'][0]['include-controls']).toEqual([{ 'control-id': 'a.3.2' }, { 'control-id': 'a.3.3' }]);
        expect(q3).toMatchObject({ start: '2026-09-14T00:00:00Z', end: '2026-09-18T23:59:59Z' });
        expect(q3.props).toEqual(expect.arrayContaining([
            { name: 'audit-programme', ns: 'urn:aims-language-tools:oscal', value: 'internal-audit' },
            { name: 'clause', ns: 'urn:aims-language-tools:oscal', value: '9' }
        ]));
        const controls = q3['reviewed-controls']['control-selections'][0]['include-controls'].map(c => c['control-id']);
        expect(controls).toContain('a.6.2.6');
        expect(controls).not.toContain('a.7.2');
        expect(danglingReferences(ar)).toEqual([]);
        expect(duplicateUuids(ar)).toEqual([]);
    });

    it('records every audit finding as an observation and only nonconformities as unsatisfied findings', async () => {
        const { data } = await loadFolder(EXAMPLES, '2026-11-28');
        const q3 = resultsOf(data).results[1];
        expect(q3.observations!.map(o => o.types)).toEqual([['finding'], ['discovery'], ['discovery']]);
        expect(q3.findings).toHaveLength(1);
        const [finding] = q3.findings!;
        expect(finding.target).toMatchObject({ 'type': 'objective-id', 'target-id': 'a.6.2.6', 'status': { state: 'not-satisfied' } });
        expect(finding.props).toContainEqual({ name: 'nonconformity', ns: 'urn:aims-language-tools:oscal', value: 'nc-drift-thresholds' });
        expect(finding['related-observations']).toEqual([{ 'observation-uuid': q3.observations![0].uuid }]);
        // The auditor is the actor, in the assessor role; the audit's evidence is linked.
        expect(finding.origins![0].actors[0]['role-id']).toBe('assessor');
        expect(q3.links?.[0]).toMatchObject({ rel: 'evidence' });
    });

    it('names clause-only targets as clauses', async () => {
        const { data } = await loadInline({ 'main.aims': `${ESCAPES}` });
        const [r] = resultsOf(data).results;
        expect(r.findings![0].target['target-id']).toBe('clause-9.2');
        expect(r.findings![0].target.remarks).toBe('Also about ESC.1.');
        expect(r['reviewed-controls']['control-selections'][0]['include-controls']).toEqual([{ 'control-id': 'esc.1' }]);
    });
});

describe('oscal export: mapping collection', () => {
    it('writes every mapping once, grouped by the two catalogs, with OSCAL relationship tokens and where each comes from', async () => {
        const { data } = await loadFolder(EXAMPLES, '2026-11-28');
        const collection = (exportOscal(data, 'mapping', OPTIONS) as { 'mapping-collection': OscalMappingCollection })['mapping-collection'];
        const maps = collection.mappings.flatMap(m => m.maps);
        expect(maps).toHaveLength(data.mappings.length);
        const label = (side: { props?: Array<{ name: string; value: string }> }) => side.props?.find(p => p.name === 'label')?.value;
        const find = (from: string, to: string) => maps.find(m => label(m.sources[0]) === from && label(m.targets[0]) === to);
        // Declared: typed, with strength and rationale; NIST is the source side of its mapping.
        expect(find('MEASURE 2.4', 'A.6.2.6')).toMatchObject({
            relationship: 'subset-of',
            props: [{ name: 'origin', value: 'declared' }, { name: 'strength', value: '9' }].map(p => ({ ...p, ns: 'urn:aims-language-tools:oscal' }))
        });
        // 27001 is the source side against 42001: A.6.2.6 intersects 27001:A.8.16 reads the same either way.
        expect(find('27001:A.8.16', 'A.6.2.6')?.relationship).toBe('intersects-with');
        // NWL.1 subset-of 27001:A.8.29, turned round: 27001:A.8.29 superset-of NWL.1.
        expect(find('27001:A.8.29', 'NWL.1')?.relationship).toBe('superset-of');
        // A crosswalk pair that no declaration replaced.
        expect(find('GOVERN 1.1', 'A.2.2')).toMatchObject({ relationship: 'intersects-with', remarks: expect.stringContaining('gives no relationship type') });
        expect(collection.provenance).toMatchObject({ 'method': 'hybrid', 'matching-rationale': 'semantic' });
        expect(danglingReferences(collection)).toEqual([]);
        expect(duplicateUuids(collection)).toEqual([]);
    });
});
