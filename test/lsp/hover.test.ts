import { describe, expect, it } from 'vitest';
import { expectHover } from 'langium/test';
import type { Hover } from 'vscode-languageserver';
import { catalog } from '../../src/catalog/catalog.js';
import { catalogDocumentUri } from '../../src/catalog/catalog-document.js';
import type { AimsServices } from '../../src/language/aims-module.js';
import type { LangiumDocument } from 'langium';
import { at, lspServices, open, positionOf } from './lsp-workspace.js';

/** The Markdown hover one character into the `nth` occurrence of `needle` (or `delta` characters in). */
async function hoverText(services: AimsServices, document: LangiumDocument, needle: string, nth = 0, delta = 1): Promise<string> {
    const hover: Hover | undefined = await services.lsp.HoverProvider!.getHoverContent(document, at(document, positionOf(document, needle, delta, nth)));
    const contents = hover?.contents;
    if (!contents || typeof contents !== 'object' || !('kind' in contents)) {
        throw new Error(`No Markdown hover on '${needle}'.`);
    }
    expect(contents.kind).toBe('markdown');
    return contents.value;
}

const PEOPLE = `
/** Chairs the AI governance board; signs off high-risk systems. */
person alice "Alice Moreau" { role "Head of AI Governance" role "Data protection officer" }
person bob "Bob Li"
`;

const RISKS = `
system credit-scoring "Credit scoring model" {
    owner alice stage operation-and-monitoring eu-ai-act high annex-iii 5
}
/** Declines that fall unevenly on protected groups. */
risk r-bias "Unfair declines" {
    systems credit-scoring
    inherent likelihood 4 impact 5
    treatment mitigate with A.6.2.4, A.7.4
    residual likelihood 2 impact 4
    owner alice
}
evidence ev-tests "Validation report" { path "evidence/validation.pdf" kind report expires 2026-06-20 supports A.6.2.4, GOVERN 1.1 }
soa "Statement of applicability" {
    control A.6.2.4 applicable { status implemented owner alice treats r-bias evidence ev-tests }
    control A.10.4 excluded because "We supply no AI systems to customers."
}
`;

describe('hover on catalog ids', () => {
    it('lists the declared mappings of an id in both directions, and a subcategory\'s coverage with its chain', async () => {
        const services = await lspServices();
        const ws = await open(services, {
            'people.aims': PEOPLE,
            'maps.aims': [
                'map 27001:A.8.16 to A.6.2.6 as intersects-with strength 7',
                'map MEASURE 2.4 to A.6.2.6 as subset-of rationale "Our monitoring covers it."',
                'soa { control A.6.2.6 applicable { status implemented owner alice } }',
                ''
            ].join('\n')
        });
        const control = await hoverText(services, ws.documents['maps.aims'], 'A.6.2.6', 0, 3);
        expect(control).toContain('Mappings: superset-of MEASURE 2.4, intersects-with 27001:A.8.16 (strength 7)');
        const iso27001 = await hoverText(services, ws.documents['maps.aims'], '27001:A.8.16', 0, 8);
        expect(iso27001).toContain('Mappings: intersects-with A.6.2.6 (strength 7)');
        const sub = await hoverText(services, ws.documents['maps.aims'], 'MEASURE 2.4', 0, 9);
        expect(sub).toContain('Coverage: covered (A.6.2.6: MEASURE 2.4 subset-of A.6.2.6 (declared))');
    });

    it('shows an ISO/IEC 27001 control under its prefix, with its theme and the source, and the evidence that supports it', async () => {
        const services = await lspServices();
        const ws = await open(services, {
            'people.aims': PEOPLE,
            'isms.aims': 'evidence ev-access "Access review" { url "https://grc.example/access" supports 27001:A.5.15 }\n'
        });
        const text = await hoverText(services, ws.documents['isms.aims'], '27001:A.5.15', 0, 7);
        expect(text).toContain('**27001:A.5.15** Access control');
        expect(text).toContain('ISO/IEC 27001 Annex A control');
        expect(text).toContain(catalog.get('iso27001-control', '27001:A.5.15')!.summary);
        expect(text).toContain('Source: ISO/IEC 27001:2022');
        expect(text).toContain('Evidence: ev-access');
        expect(text).toContain('Last audited: not yet');
    });

    it('shows an Annex A control: id, title, kind, source, NIST crosswalk and our SoA decision', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS });
        const text = await hoverText(services, ws.documents['risks.aims'], 'A.6.2.4');
        const control = catalog.get('annex-a-control', 'A.6.2.4')!;
        expect(text).toContain(`**A.6.2.4** ${control.title}`);
        expect(text).toContain('ISO/IEC 42001 Annex A control');
        if (control.summary) expect(text).toContain(control.summary);
        expect(text).toContain(`Source: ${catalog.sources.find(s => s.name === 'annex-a')!.source}`);
        const nist = catalog.nistFor('A.6.2.4');
        expect(nist.length).toBeGreaterThan(0);
        for (const id of nist) {
            expect(text).toMatch(new RegExp(`\\[${id}\\]\\(aims-catalog:/nist\\.aims#L\\d+\\)`));
        }
        expect(text).toMatch(/Statement of applicability: \*\*applicable\*\*, implemented, owner alice/);
    });

    it('says so when an Annex A control has no SoA entry yet, and gives an exclusion with its reason', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS });
        const risks = ws.documents['risks.aims'];
        expect(await hoverText(services, risks, 'A.7.4')).toContain('Statement of applicability: no entry yet');
        expect(await hoverText(services, risks, 'A.10.4')).toContain('**excluded**, because "We supply no AI systems to customers."');
    });

    it('names an EU AI Act Annex III point as such, not as a bare number', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS });
        const text = await hoverText(services, ws.documents['risks.aims'], 'annex-iii 5', 0, 'annex-iii '.length);
        const area = catalog.get('annex-iii-area', '5')!;
        expect(text.split('\n')[0]).toBe(`**Annex III point 5** ${area.title}`);
        expect(text).toContain('EU AI Act Annex III area');
    });

    it('quotes the Official Journal for an Annex III sub-point, with attribution, and says where it stands', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'main.aims': 'system s "S" { operator deployer eu-ai-act high annex-iii 5(b) oversight "x" }\n' });
        const text = await hoverText(services, ws.documents['main.aims'], '5(b)');
        expect(text.split('\n')[0]).toBe('**Annex III point 5(b)** Creditworthiness and credit scoring');
        expect(text).toContain(`> ${catalog.get('annex-iii-subpoint', '5(b)')!.quote!.slice(0, 40)}`);
        expect(text).toContain('(Annex III point 5(b), Regulation (EU) 2024/1689, OJ L, 2024/1689, 12.7.2024)');
        expect(text).toContain('Annex III point 5: Access to and enjoyment of essential private services');
    });

    it('shows an article with its chapter, section and the date it applies from, and a paragraph with its article', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'main.aims': 'evidence e "E" { url "u" supports Article 4, Article 43, Article 27(3) }\n' });
        const article4 = await hoverText(services, ws.documents['main.aims'], 'Article 4');
        expect(article4).toContain('**Article 4** AI literacy');
        expect(article4).toContain('Chapter I: General provisions');
        expect(article4).toContain('Applies from 2025-02-02 (Article 113).');
        const article43 = await hoverText(services, ws.documents['main.aims'], 'Article 43');
        expect(article43).toContain('Chapter III Section 5: Standards, conformity assessment, certificates, registration');
        expect(article43).toContain('Applies from 2026-08-02 (Article 113), not yet on 2026-06-01.');
        const paragraph = await hoverText(services, ws.documents['main.aims'], 'Article 27(3)');
        expect(paragraph).toContain('**Article 27(3)** Notifying the assessment');
        expect(paragraph).toContain('Article 27: Fundamental rights impact assessment for high-risk AI systems');
    });

    it('tells the ISO/IEC 22989 role from the EU AI Act operator role of the same name', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'main.aims': 'system s "S" {\n    role provider\n    operator provider, deployer\n}\n' });
        const iso = await hoverText(services, ws.documents['main.aims'], 'provider', 0);
        expect(iso).toContain('**AI provider** (ISO/IEC 22989:2022');
        expect(iso).toContain('Not an EU AI Act role');
        const act = await hoverText(services, ws.documents['main.aims'], 'provider', 1);
        expect(act).toContain('**Provider** (EU AI Act operator role, defined in Article 3(3))');
        expect(await hoverText(services, ws.documents['main.aims'], 'deployer')).toContain('defined in Article 3(4)');
    });

    it('shows the ISO/IEC 42001 clauses and controls a NIST subcategory maps to', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS });
        const text = await hoverText(services, ws.documents['risks.aims'], 'GOVERN 1.1');
        expect(text).toContain('**GOVERN 1.1**');
        expect(text).toContain('NIST AI RMF subcategory');
        const iso = catalog.isoFor('GOVERN 1.1');
        expect(iso.length).toBeGreaterThan(0);
        expect(text).toContain('ISO/IEC 42001 (crosswalk): ');
        for (const id of iso) {
            const target = catalog.get('annex-a-control', id) ? 'annex-a' : 'clauses';
            expect(text).toContain(`[${id}](aims-catalog:/${target}.aims#L`);
        }
    });

    it('works on the entry itself in the read-only catalog document', async () => {
        const services = await lspServices();
        await open(services, { 'risks.aims': RISKS, 'people.aims': PEOPLE });
        const annexA = services.shared.workspace.LangiumDocuments.getDocument(catalogDocumentUri('annex-a'))!;
        const text = await hoverText(services, annexA, 'control A.6.2.4', 0, 'control A'.length);
        expect(text).toContain(`**A.6.2.4** ${catalog.get('annex-a-control', 'A.6.2.4')!.title}`);
        expect(text).toContain('**applicable**');
    });

    it('shows a clause with the NIST subcategories mapped to it', async () => {
        const services = await lspServices();
        await expectHover(services)({
            text: 'evidence ev "Risk method" { supports 6.1<|>.2 }',
            index: 0,
            hover: new RegExp(`^\\*\\*6\\.1\\.2\\*\\* ${catalog.get('clause', '6.1.2')!.title}[\\s\\S]*ISO/IEC 42001 clause`),
            disposeAfterCheck: true
        });
    });
});

describe('hover on the user\'s declarations', () => {
    it('shows a risk\'s ratings and treatment, with its doc comment', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS });
        const text = await hoverText(services, ws.documents['risks.aims'], 'r-bias', 1); // the reference in the SoA
        expect(text).toBe([
            '**risk** `r-bias` Unfair declines',
            '',
            'Declines that fall unevenly on protected groups.',
            '',
            '- Inherent: likelihood 4 × impact 5 = 20',
            '- Residual: likelihood 2 × impact 4 = 8',
            '- Treatment: mitigate with A.6.2.4, A.7.4',
            '- Systems: credit-scoring',
            '- Owner: alice'
        ].join('\n'));
    });

    it('shows a system\'s EU AI Act category, owner and stage', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS });
        const text = await hoverText(services, ws.documents['risks.aims'], 'credit-scoring', 1);
        const area = catalog.get('annex-iii-area', '5')!;
        expect(text).toContain('**system** `credit-scoring` Credit scoring model');
        expect(text).toContain(`- EU AI Act: high, Annex III point 5 (${area.title})`);
        expect(text).toContain('- Owner: alice');
        expect(text).toContain('- Stage: operation-and-monitoring');
    });

    it('shows a system\'s operator roles, transparency duties and how many of its obligations are addressed', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'main.aims': [
            'system bot "Bot" { role provider operator provider, deployer eu-ai-act minimal transparency Article 50(1) }',
            'evidence ev-literacy "AI literacy" { url "u" supports Article 4 }'
        ].join('\n') });
        const text = await hoverText(services, ws.documents['main.aims'], 'bot');
        expect(text).toContain('- EU AI Act: minimal');
        expect(text).toContain('- EU AI Act operator: provider, deployer');
        expect(text).toContain('- Transparency: Article 50(1)');
        // Today is 2026-06-01: Article 4 applies, Article 50 from 2 August 2026.
        expect(text).toContain('- EU AI Act obligations: 1 of 2 addressed, 1 not yet due');
        expect(text).toContain('- Role (ISO/IEC 22989): provider');
    });

    it('shows where evidence is, when it expires and whether it is still fresh', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS });
        const text = await hoverText(services, ws.documents['risks.aims'], 'ev-tests', 1);
        expect(text).toContain('- Path: `evidence/validation.pdf`');
        expect(text).toContain('- Expires: 2026-06-20 (expiring on 2026-06-01)');
        expect(text).toContain('- Supports: A.6.2.4, GOVERN 1.1');
    });

    it('shows a person\'s doc comment and roles on a reference from another file', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS });
        const text = await hoverText(services, ws.documents['risks.aims'], 'alice');
        expect(text).toBe([
            '**person** `alice` Alice Moreau',
            '',
            'Chairs the AI governance board; signs off high-risk systems.',
            '',
            '- Roles: Head of AI Governance; Data protection officer'
        ].join('\n'));
    });

    it('gives no hover on plain text', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE });
        const doc = ws.documents['people.aims'];
        const hover = await services.lsp.HoverProvider!.getHoverContent(doc, at(doc, positionOf(doc, 'Chairs', 2)));
        expect(hover).toBeUndefined();
    });
});

describe('hover on the management system records', () => {
    const RECORDS = `
competence validation "Model validation" { role "Model validator" needed-by alice }
training alice-validation "Validation course" { person alice competence validation completed 2026-01-10 expires 2028-01-10 }
objective fair "Fair" { target ">= 0.8" owner alice due 2026-12-31 }
measurement fair-q1 "Q1 ratio" { objective fair measured 2026-04-02 value "0.74" met no }
audit ia-2026 "Internal audit 2026" {
    scope 9, A.6
    conducted 2026-03-10 to 2026-03-12
    auditor bob
    finding minor-nonconformity "Thresholds" { about A.6.2.4 nonconformity nc-1 }
    finding observation "Thin trail" { about A.6.2.8 }
}
nonconformity nc-1 "Thresholds" { source audit ia-2026 about A.6.2.4 raised 2026-03-12 owner alice action "Fix" { owner alice due 2026-04-30 } }
management-review mr-2026 "Review 2026" { held 2026-03-20 chair bob inputs audits, monitoring decision "Go on." }
`;

    it('shows who holds a competence, and a training record\'s dates', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'records.aims': RECORDS });
        const competence = await hoverText(services, ws.documents['records.aims'], 'validation "');
        expect(competence).toContain('**competence** `validation` Model validation');
        expect(competence).toContain('- Held by: alice');
        const training = await hoverText(services, ws.documents['records.aims'], 'alice-validation');
        expect(training).toContain('- Expires: 2028-01-10');
    });

    it('shows an audit\'s dates, scope and findings, a nonconformity\'s state, a measurement and a review', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'records.aims': RECORDS });
        const doc = ws.documents['records.aims'];
        const audit = await hoverText(services, doc, 'ia-2026 "');
        expect(audit).toContain('- Conducted: 2026-03-10 to 2026-03-12');
        expect(audit).toContain('- Findings: 1 minor nonconformity, 1 observation');
        const nc = await hoverText(services, doc, 'nc-1 "');
        expect(nc).toContain('- Status: open, raised 2026-03-12');
        expect(nc).toContain('- Corrective actions: 0 of 1 done');
        expect(await hoverText(services, doc, 'fair-q1')).toContain('- Target met: no');
        expect(await hoverText(services, doc, 'mr-2026')).toContain('- Inputs: audits, monitoring');
    });

    it('adds the last audit and the open nonconformities to the hover of a control', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS, 'records.aims': RECORDS });
        const text = await hoverText(services, ws.documents['records.aims'], 'A.6.2.4');
        expect(text).toContain('Last audited: 2026-03-12 (ia-2026)');
        expect(text).toContain('Open nonconformities: nc-1');
        expect(text).toContain('Evidence: ev-tests');
    });
});
