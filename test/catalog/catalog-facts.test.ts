/**
 * The built-in catalogs hold facts (ids, titles, structure, crosswalk pairs) and our own
 * summaries. The facts are checked against the reference facts in test/fixtures/catalog-facts/,
 * each cross-checked in two public sources; the summaries against what a hover needs; the
 * rendered catalog documents against the parser and the index.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AstUtils, type AstNode, type Reference } from 'langium';
import { catalog, CATALOG_NAMES, type CatalogEntryKind } from '../../src/catalog/catalog.js';
import { catalogDocumentUri, renderCatalogDocument } from '../../src/catalog/catalog-document.js';
import { workspace, type TestWorkspace } from '../helpers/workspace.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const factsDir = join(repoRoot, 'test', 'fixtures', 'catalog-facts');

function facts<T>(file: string): T {
    return JSON.parse(readFileSync(join(factsDir, file), 'utf8')) as T;
}

interface AnnexAFact { id: string; title: string; objective: string; objectiveTitle: string }
interface ClauseFact { id: string; title: string; parent: string | null; documentedInformationRequired: boolean | null }
interface AnnexCFact { id: string; title: string; kind: 'section' | 'objective' | 'riskSource'; parent: string | null }
interface NistFact { id: string; function: string; category: string }
interface CrosswalkFacts { pairs: Array<{ nist: string; iso: string[] }> }
interface EuAiActFullFacts {
    counts: { articles: number; annexIIILetteredSubpoints: number; annexISectionA: number; annexISectionB: number };
    chapters: Array<{ id: string }>;
    articles: Array<{ id: string; number: number; title: string; titleNormalized?: string; chapter: string; section?: number; appliesFrom: string }>;
    annexIII: { points: Array<{ point: number; title: string; qualifier?: string; subpoints: Array<{ id: string; text: string }> }> };
    annexI: { sectionA: { title: string; items: Array<{ item: number; shortName: string }> }; sectionB: { title: string; items: Array<{ item: number; shortName: string }> } };
    application: { dates: Array<{ date: string; covers: string; articles?: number[] }> };
    article5: { paragraph1: Array<{ point: string }> };
    article50: { paragraphs: Array<{ paragraph: string; addressee: string }> };
}
interface Iso27001Facts { counts: Record<string, number>; controls: Array<{ id: string; title: string; theme: string }> }

const annexA = facts<AnnexAFact[]>('iso42001-annex-a.json');
const clauses = facts<ClauseFact[]>('iso42001-clauses.json');
const annexC = facts<AnnexCFact[]>('iso42001-annex-c.json');
const nist = facts<NistFact[]>('nist-ai-rmf.json');
const crosswalk = facts<CrosswalkFacts>('crosswalk-nist-iso42001.json');
const euAiActFull = facts<EuAiActFullFacts>('eu-ai-act-full.json');
const iso27001 = facts<Iso27001Facts>('iso27001-2022-annex-a.json');

/** id, title and parent of every entry of a kind, in catalog order. */
function entries(kind: CatalogEntryKind) {
    return catalog.ofKind(kind).map(item => ({ id: item.id, title: item.title, parent: item.parent }));
}

describe('ISO/IEC 42001 Annex A', () => {
    it('has the 38 controls with their ids, titles and objectives, in the order of the standard', () => {
        expect(entries('annex-a-control')).toEqual(annexA.map(c => ({ id: c.id, title: c.title, parent: c.objective })));
        expect(catalog.annexAControls).toHaveLength(38);
    });

    it('has the 9 control objectives A.2 to A.10 with their titles', () => {
        const objectives = [...new Map(annexA.map(c => [c.objective, c.objectiveTitle])).entries()];
        expect(entries('annex-a-group')).toEqual(objectives.map(([id, title]) => ({ id, title, parent: undefined })));
        expect(objectives.map(([id]) => id)).toEqual(['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10']);
    });

    it('numbers everything A.2 to A.10 only (no A.1, nothing beyond A.10)', () => {
        const majors = catalog.ofCatalog('annex-a').map(item => Number(/^A\.(\d+)/.exec(item.id)?.[1]));
        expect(majors.every(major => major >= 2 && major <= 10)).toBe(true);
    });
});

describe('ISO/IEC 42001 clauses', () => {
    it('has the 43 clauses 4 to 10 with ids, titles, parents and whether they ask for documented information', () => {
        expect(catalog.ofKind('clause').map(c => ({
            id: c.id, title: c.title, parent: c.parent ?? null, documentedInformationRequired: c.documentedInformationRequired ?? null
        }))).toEqual(clauses);
        expect(clauses).toHaveLength(43);
    });
});

describe('ISO/IEC 42001 Annex C', () => {
    it('has its sections, 11 objectives and 7 risk sources with ids, titles and parents', () => {
        const kinds: Record<AnnexCFact['kind'], CatalogEntryKind> = { section: 'annex-c-section', objective: 'annex-c-objective', riskSource: 'risk-source' };
        expect(catalog.ofCatalog('annex-c').map(e => ({ id: e.id, title: e.title, kind: e.kind, parent: e.parent ?? null })))
            .toEqual(annexC.map(e => ({ id: e.id, title: e.title, kind: kinds[e.kind], parent: e.parent })));
        expect(catalog.ofKind('annex-c-objective')).toHaveLength(11);
        expect(catalog.ofKind('risk-source')).toHaveLength(7);
    });
});

describe('NIST AI RMF 1.0', () => {
    it('has the 72 subcategories with their categories and functions', () => {
        const functionOf = (category: string | undefined) => catalog.get('nist-category', category ?? '')?.parent;
        expect(catalog.ofKind('nist-subcategory').map(s => ({ id: s.id, function: functionOf(s.parent), category: s.parent }))).toEqual(nist);
    });

    it('has 19 subcategories under GOVERN, 18 under MAP, 22 under MEASURE and 13 under MANAGE', () => {
        const perFunction = (fn: string) => catalog.ofKind('nist-subcategory').filter(s => catalog.get('nist-category', s.parent ?? '')?.parent === fn).length;
        expect(['GOVERN', 'MAP', 'MEASURE', 'MANAGE'].map(perFunction)).toEqual([19, 18, 22, 13]);
    });

    it('has exactly the categories and functions the subcategories belong to', () => {
        expect(catalog.ofKind('nist-function').map(f => f.id)).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
        const categories = [...new Map(nist.map(s => [s.category, s.function])).entries()];
        expect(catalog.ofKind('nist-category').map(c => [c.id, c.parent])).toEqual(categories);
    });
});

describe('the NIST AI RMF to ISO/IEC 42001 crosswalk', () => {
    const pairsOf = (list: ReadonlyArray<{ nist: string; iso: readonly string[] }>) =>
        list.flatMap(p => p.iso.map(iso => `${p.nist} -> ${iso}`)).sort();

    it('has exactly the 277 published pairs', () => {
        expect(pairsOf(catalog.crosswalk)).toEqual(pairsOf(crosswalk.pairs));
        expect(pairsOf(catalog.crosswalk)).toHaveLength(277);
    });

    it('maps to clauses and Annex A controls that exist, and reads the same both ways', () => {
        for (const pair of catalog.crosswalk) {
            for (const iso of pair.iso) {
                expect(catalog.get('clause', iso) ?? catalog.get('annex-a-control', iso), iso).toBeDefined();
                expect(catalog.nistFor(iso)).toContain(pair.nist);
            }
            expect(catalog.isoFor(pair.nist)).toEqual(pair.iso);
        }
        expect(catalog.isoFor('MAP 1.5')).toEqual([]);
    });
});

describe('the EU AI Act', () => {
    it('has all 113 articles with their numbers, titles (the OJ typos corrected), chapters and application dates', () => {
        expect(catalog.ofKind('eu-article').map(a => ({ id: a.id, title: a.title, parent: a.parent, appliesFrom: a.appliesFrom })))
            .toEqual(euAiActFull.articles.map(a => ({ id: a.id, title: a.titleNormalized ?? a.title, parent: `Chapter ${a.chapter}`, appliesFrom: a.appliesFrom })));
        expect(catalog.ofKind('eu-article')).toHaveLength(euAiActFull.counts.articles);
        expect(euAiActFull.articles.every(a => a.id === `Article ${a.number}`)).toBe(true);
    });

    it('keeps the Official Journal typos of Articles 1 and 111 out of the titles users see, and names them in a note', () => {
        const titles = catalog.ofKind('eu-article').map(a => a.title);
        expect(titles.filter(t => t.includes('`') || /placed on the marked\b/.test(t))).toEqual([]);
        expect(catalog.get('eu-article', 'Article 1')?.note).toContain('Subject matter`');
    });

    it('places each article in its chapter and section', () => {
        for (const a of euAiActFull.articles) {
            const context = catalog.get('eu-article', a.id)?.context ?? '';
            expect(context.startsWith(`Chapter ${a.chapter}${a.section ? ` Section ${a.section}:` : ':'}`), `${a.id}: ${context}`).toBe(true);
        }
        expect(catalog.ofKind('eu-chapter').map(c => c.id)).toEqual(euAiActFull.chapters.map(c => c.id));
    });

    it('has the 8 Annex III points with their titles and the 24 lettered sub-points with the OJ text', () => {
        const pointTitle = (p: EuAiActFullFacts['annexIII']['points'][number]) => p.title + (p.qualifier ? `, ${p.qualifier}` : '');
        expect(catalog.ofKind('annex-iii-area').map(a => ({ id: a.id, title: a.title })))
            .toEqual(euAiActFull.annexIII.points.map(p => ({ id: String(p.point), title: pointTitle(p) })));
        expect(catalog.ofKind('annex-iii-subpoint').map(s => ({ id: s.id, parent: s.parent, quote: s.quote })))
            .toEqual(euAiActFull.annexIII.points.flatMap(p => p.subpoints.map(s => ({ id: s.id, parent: String(p.point), quote: s.text }))));
        expect(catalog.ofKind('annex-iii-subpoint')).toHaveLength(euAiActFull.counts.annexIIILetteredSubpoints);
    });

    it('has the 20 items of Annex I, Section A 1 to 12 and Section B 13 to 20', () => {
        const items = [...euAiActFull.annexI.sectionA.items, ...euAiActFull.annexI.sectionB.items];
        expect(catalog.ofKind('annex-i-item').map(i => ({ id: i.id, title: i.title })))
            .toEqual(items.map(i => ({ id: String(i.item), title: i.shortName })));
        expect(catalog.ofKind('annex-i-item').filter(i => i.context === euAiActFull.annexI.sectionA.title)).toHaveLength(euAiActFull.counts.annexISectionA);
        expect(catalog.ofKind('annex-i-item').filter(i => i.context === euAiActFull.annexI.sectionB.title)).toHaveLength(euAiActFull.counts.annexISectionB);
    });

    it('has the prohibited practices of Article 5(1), points (a) to (h), and the paragraphs of Article 50', () => {
        const provisions = catalog.ofKind('eu-provision').map(p => p.id);
        expect(provisions.filter(id => id.startsWith('Article 5(1)('))).toEqual(euAiActFull.article5.paragraph1.map(p => `Article ${p.point}`));
        const article50 = euAiActFull.article50.paragraphs.map(p => `Article ${p.paragraph.split(' ')[0]}`)
            .filter((id, i, all) => all.indexOf(id) === i && ['provider', 'deployer'].includes(euAiActFull.article50.paragraphs[i].addressee));
        expect(provisions.filter(id => id.startsWith('Article 50('))).toEqual(article50);
    });

    it('dates each paragraph and point like its article, except Article 6(1) (Article 113, point (c))', () => {
        const late = euAiActFull.application.dates.find(d => d.covers.startsWith('Article 6(1)'))!.date;
        for (const p of catalog.ofKind('eu-provision')) {
            expect(p.appliesFrom, p.id).toBe(p.id === 'Article 6(1)' ? late : catalog.get('eu-article', p.parent!)?.appliesFrom);
        }
    });

    it('dates the articles as Article 113 does', () => {
        const byDate = (date: string) => catalog.ofKind('eu-article').filter(a => a.appliesFrom === date).map(a => Number(a.id.slice('Article '.length)));
        for (const d of euAiActFull.application.dates.filter(d => d.articles)) {
            expect(byDate(d.date), d.date).toEqual(d.articles);
        }
    });
});

describe('ISO/IEC 27001:2022 Annex A', () => {
    it('has the 93 controls with their ids, titles and themes, in the order of the standard, under the 27001: prefix', () => {
        expect(entries('iso27001-control')).toEqual(iso27001.controls.map(c => ({
            id: `27001:${c.id}`, title: c.title, parent: `27001:${c.id.split('.').slice(0, 2).join('.')}`
        })));
        expect(entries('iso27001-theme')).toEqual([
            { id: '27001:A.5', title: 'Organizational controls', parent: undefined },
            { id: '27001:A.6', title: 'People controls', parent: undefined },
            { id: '27001:A.7', title: 'Physical controls', parent: undefined },
            { id: '27001:A.8', title: 'Technological controls', parent: undefined }
        ]);
        const counts = Object.fromEntries(catalog.ofKind('iso27001-theme').map(t => [t.title.split(' ')[0], catalog.items.filter(i => i.parent === t.id).length]));
        expect(counts).toEqual(iso27001.counts);
    });

    it('never shares an id with ISO/IEC 42001', () => {
        const ids42001 = new Set(catalog.items.filter(i => i.catalog !== 'iso27001').map(i => i.id));
        expect(catalog.ofCatalog('iso27001').filter(i => ids42001.has(i.id))).toEqual([]);
    });

    it('explains each unprefixed 27001 id that ISO/IEC 42001 does not use itself, and suggests the prefixed form', () => {
        const unexplained = iso27001.controls
            .filter(({ id }) => !catalog.get('annex-a-control', id) && !catalog.annexAHeading(id))
            .filter(({ id, title }) => !catalog.explainForeignId(id)?.includes(`ISO/IEC 27001:2022 Annex A control (${title}, ${iso27001.controls.find(c => c.id === id)!.theme} controls)`)
                || !catalog.explainForeignId(id, true)?.includes(`write 27001:${id} to mean the 27001 control`))
            .map(({ id }) => id);
        expect(unexplained).toEqual([]);
    });

    it('does not explain ids beyond the 27001 ranges, nor ISO/IEC 42001 three-level ids', () => {
        expect(catalog.explainForeignId('A.5.38')).toBeUndefined();
        expect(catalog.explainForeignId('A.8.35')).toBeUndefined();
        expect(catalog.explainForeignId('A.6.2.9')).toBeUndefined();
        expect(catalog.explainForeignId('A.12.4.1')).toContain('ISO/IEC 27001:2013');
    });

    it('reads A.6.1 and A.6.2 as the ISO/IEC 42001 headings of the A.6 controls, not as ISO/IEC 27001 controls', () => {
        const heading = (id: string) => {
            const found = catalog.annexAHeading(id);
            return found && { objective: found.objective.id, controls: found.controls.map(c => c.id) };
        };
        expect(heading('A.6.1')).toEqual({ objective: 'A.6', controls: ['A.6.1.2', 'A.6.1.3'] });
        expect(heading('A.6.2')).toEqual({ objective: 'A.6', controls: ['A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5', 'A.6.2.6', 'A.6.2.7', 'A.6.2.8'] });
        expect(catalog.explainForeignId('A.6.1')).toBeUndefined();
        expect(catalog.explainForeignId('A.6.2')).toBeUndefined();
        expect([heading('A.6'), heading('A.6.3'), heading('A.2.2')]).toEqual([undefined, undefined, undefined]);
        expect(catalog.iso27001Theme('A.6.2')).toBe('People controls');
        expect(catalog.iso27001Control('A.6.2')?.title).toBe('Terms and conditions of employment');
    });
});

describe('summaries and titles', () => {
    /** Sentence ends: '.', '!' or '?' before a capital letter or at the end ("e.g. the" and "6.1.2" are not ends). */
    const sentences = (text: string) => (text.trim().match(/[.!?](?=\s+[A-Z(]|\s*$)/g) ?? []).length;
    const normal = (text: string) => text.trim().toLowerCase().replace(/[.\s]+$/, '');

    for (const name of CATALOG_NAMES) {
        it(`${name}: every entry has a title and a summary of one or two sentences that says more than the title`, () => {
            const problems = catalog.ofCatalog(name).flatMap(item => {
                const found: string[] = [];
                if (item.title.trim() === '') found.push(`${item.id}: no title`);
                if (item.summary.trim() === '') found.push(`${item.id}: no summary`);
                else if (sentences(item.summary) < 1 || sentences(item.summary) > 2) found.push(`${item.id}: ${sentences(item.summary)} sentences: ${item.summary}`);
                if (item.summary.trim() !== '' && normal(item.summary) === normal(item.title)) found.push(`${item.id}: summary repeats the title`);
                return found;
            });
            expect(problems).toEqual([]);
        });
    }
});

describe('the rendered catalog documents', () => {
    let ws: TestWorkspace;
    /** One reference to every referable entry, each in a place that accepts its kind. */
    const references = [
        `soa "All Annex A controls" {\n${catalog.ofKind('annex-a-control').map(c => `    control ${c.id} undecided`).join('\n')}\n}`,
        `evidence ev-groups "x" { url "u" supports ${catalog.ofKind('annex-a-group').map(g => g.id).join(', ')} }`,
        `evidence ev-clauses "x" { url "u" supports ${catalog.ofKind('clause').map(c => c.id).join(', ')} }`,
        `evidence ev-articles "x" { url "u" supports ${catalog.ofKind('eu-article').map(a => a.id).join(', ')} }`,
        `objective o-all "x" { annex-c ${catalog.ofKind('annex-c-objective').map(o => o.id).join(', ')} }`,
        `risk r-all "x" { sources ${catalog.ofKind('risk-source').map(s => s.id).join(', ')} treatment avoid }`,
        `control ACME.1 "x" { nist ${catalog.ofKind('nist-subcategory').map(s => s.id).join(', ')} }`,
        `evidence ev-provisions "x" { url "u" supports ${catalog.ofKind('eu-provision').map(a => a.id).join(', ')} }`,
        ...catalog.ofKind('annex-iii-area').map(a => `system s-${a.id} "x" { eu-ai-act high annex-iii ${a.id} }`),
        ...catalog.ofKind('annex-iii-subpoint').map((a, i) => `system sub-${i} "x" { eu-ai-act high annex-iii ${a.id} }`),
        ...catalog.ofKind('annex-i-item').map(a => `system a1-${a.id} "x" { eu-ai-act high annex-i ${a.id} }`)
    ].join('\n');

    const TYPES: Partial<Record<CatalogEntryKind, string>> = {
        'annex-a-group': 'AnnexAGroup', 'annex-a-control': 'AnnexAControl', 'clause': 'Clause', 'annex-c-objective': 'AnnexCObjective',
        'risk-source': 'RiskSource', 'nist-subcategory': 'NistSubcategory', 'eu-article': 'EuArticle', 'eu-provision': 'EuProvision',
        'annex-iii-area': 'AnnexIIIArea', 'annex-iii-subpoint': 'AnnexIIISubpoint', 'annex-i-item': 'AnnexILegislation'
    };

    beforeAll(async () => {
        ws = await workspace({ 'references.aims': references });
    });

    it('are deterministic: the same data renders the same text', () => {
        for (const name of CATALOG_NAMES) {
            expect(renderCatalogDocument(name)).toBe(renderCatalogDocument(name));
        }
    });

    it('parse and validate without any diagnostic', () => {
        const documents = ws.services.shared.workspace.LangiumDocuments;
        for (const name of CATALOG_NAMES) {
            const document = documents.getDocument(catalogDocumentUri(name));
            expect(document, name).toBeDefined();
            expect(document!.parseResult.lexerErrors, name).toEqual([]);
            expect(document!.parseResult.parserErrors.map(e => e.message), name).toEqual([]);
            expect(document!.diagnostics ?? [], name).toEqual([]);
        }
    });

    it('put every referable entry into the index under its own type', () => {
        const index = ws.services.shared.workspace.IndexManager;
        for (const [kind, type] of Object.entries(TYPES)) {
            const indexed = new Set(index.allElements(type).map(d => d.name).toArray());
            const missing = catalog.ofKind(kind as CatalogEntryKind).map(item => item.id).filter(id => !indexed.has(id));
            expect(missing, kind).toEqual([]);
        }
    });

    it('let a reference to each entry link to that entry', () => {
        expect(ws.all.filter(d => d.code === 'aims/unknown-catalog-id' || d.code === 'aims/syntax-error').map(d => d.message)).toEqual([]);
        const document = ws.documents['references.aims'];
        const wrong = document.references.map(ref => ref as Reference<AstNode & { name?: string }>)
            .filter(ref => ref.ref?.name !== ref.$refText || AstUtils.getDocument(ref.ref).uri.scheme !== 'aims-catalog')
            .map(ref => `${ref.$refText} -> ${ref.ref ? `${ref.ref.$type} ${ref.ref.name}` : 'nothing'}`);
        expect(wrong).toEqual([]);
        const expectedCount = Object.keys(TYPES).reduce((n, kind) => n + catalog.ofKind(kind as CatalogEntryKind).length, 0);
        expect(document.references).toHaveLength(expectedCount);
    });

    it('link an Annex I item to the legislation, not to the Annex III point or clause with the same number', () => {
        const document = ws.documents['references.aims'];
        const annexI = document.references.map(ref => ref as Reference)
            .filter(ref => ref.$refNode?.astNode.$type === 'AiSystem' && ref.$refNode.grammarSource?.$container?.$type === 'Assignment'
                && (ref.$refNode.grammarSource.$container as { feature?: string }).feature === 'annexI');
        expect(annexI).toHaveLength(catalog.ofKind('annex-i-item').length);
        expect(annexI.filter(ref => ref.ref?.$type !== 'AnnexILegislation').map(ref => ref.$refText)).toEqual([]);
    });

    it('link a clause number to the clause, not to the Annex III point with the same number', () => {
        const document = ws.documents['references.aims'];
        const clauseRefs = document.references.map(ref => ref as Reference)
            .filter(ref => ref.$refNode?.astNode.$type === 'Evidence' && /^\d+(\.\d+)*$/.test(ref.$refText));
        const misread = clauseRefs.map(ref => ref.ref).filter(node => node?.$type !== 'Clause').map(node => `${node?.$type} ${(node as { name?: string } | undefined)?.name}`);
        expect(misread).toEqual([]);
    });
});
