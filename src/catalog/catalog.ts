/**
 * The built-in catalogs, read from `src/catalog/data/*.json`: the one source of truth for the
 * language server, the CLI, the reports and the tests. Ids and titles are facts; summaries are ours.
 */
import annexAData from './data/iso42001-annex-a.json' with { type: 'json' };
import clausesData from './data/iso42001-clauses.json' with { type: 'json' };
import annexCData from './data/iso42001-annex-c.json' with { type: 'json' };
import nistData from './data/nist-ai-rmf.json' with { type: 'json' };
import crosswalkData from './data/crosswalk-nist-iso42001.json' with { type: 'json' };
import euAiActData from './data/eu-ai-act.json' with { type: 'json' };
import iso27001Data from './data/iso27001-annex-a.json' with { type: 'json' };

/** The catalogs a user can list with `aims catalog <name>`. */
export const CATALOG_NAMES = ['annex-a', 'clauses', 'annex-c', 'nist', 'eu-ai-act', 'iso27001'] as const;
export type CatalogName = typeof CATALOG_NAMES[number];

export type CatalogEntryKind =
    | 'annex-a-group' | 'annex-a-control' | 'clause' | 'annex-c-section' | 'annex-c-objective'
    | 'risk-source' | 'nist-function' | 'nist-category' | 'nist-subcategory'
    | 'eu-chapter' | 'eu-article' | 'eu-provision' | 'annex-iii-area' | 'annex-iii-subpoint' | 'annex-i-item'
    | 'iso27001-theme' | 'iso27001-control';

/** The prefix of ISO/IEC 27001:2022 Annex A ids in AIMS files: `27001:A.5.15`. */
export const ISO27001_PREFIX = iso27001Data.prefix;

/** Catalog kinds whose ids are plain numbers or sub-points (`5`, `5(b)`), found only by kind. */
const NUMBERED_KINDS: ReadonlySet<CatalogEntryKind> = new Set(['annex-iii-area', 'annex-iii-subpoint', 'annex-i-item']);

/** One entry of any catalog, in the shape every consumer sees. */
export interface CatalogItem {
    readonly id: string;
    readonly title: string;
    readonly summary: string;
    readonly kind: CatalogEntryKind;
    readonly catalog: CatalogName;
    /** The id of the enclosing group, clause, function or category, if any. */
    readonly parent?: string;
    /** Clauses only: whether the clause asks for documented information (undefined for headings). */
    readonly documentedInformationRequired?: boolean;
    /** EU AI Act entries: the date the entry applies from (Article 113), as YYYY-MM-DD. */
    readonly appliesFrom?: string;
    /** EU AI Act entries: where the entry stands in the Act (chapter and section, or annex section). */
    readonly context?: string;
    /** EU AI Act entries: a note on the date or the title (a part applies later, the OJ title has a typo). */
    readonly note?: string;
    /** Annex III points and sub-points: the Official Journal's own words, quoted with attribution. */
    readonly quote?: string;
}

export interface CrosswalkPair {
    readonly nist: string;
    readonly iso: readonly string[];
}

export interface CatalogSource {
    readonly name: CatalogName;
    readonly source: string;
    readonly version: string;
    readonly note: string;
}

function build(): { items: CatalogItem[]; sources: CatalogSource[] } {
    const items: CatalogItem[] = [];
    for (const g of annexAData.objectives) {
        items.push({ id: g.id, title: g.title, summary: g.summary, kind: 'annex-a-group', catalog: 'annex-a' });
    }
    for (const c of annexAData.controls) {
        items.push({ id: c.id, title: c.title, summary: c.summary, kind: 'annex-a-control', catalog: 'annex-a', parent: c.objective });
    }
    for (const c of clausesData.clauses) {
        items.push({
            id: c.id, title: c.title, summary: c.summary, kind: 'clause', catalog: 'clauses', parent: c.parent ?? undefined,
            documentedInformationRequired: c.documentedInformationRequired ?? undefined
        });
    }
    for (const e of annexCData.entries) {
        const kind: CatalogEntryKind = e.kind === 'objective' ? 'annex-c-objective' : e.kind === 'riskSource' ? 'risk-source' : 'annex-c-section';
        items.push({ id: e.id, title: e.title, summary: e.summary, kind, catalog: 'annex-c', parent: e.parent ?? undefined });
    }
    for (const f of nistData.functions) {
        items.push({ id: f.id, title: f.id, summary: f.summary, kind: 'nist-function', catalog: 'nist' });
    }
    for (const c of nistData.categories) {
        items.push({ id: c.id, title: c.label, summary: c.summary, kind: 'nist-category', catalog: 'nist', parent: c.function });
    }
    for (const s of nistData.subcategories) {
        items.push({ id: s.id, title: s.label, summary: s.summary, kind: 'nist-subcategory', catalog: 'nist', parent: s.category });
    }
    items.push(...euAiActItems());
    for (const t of iso27001Data.themes) {
        items.push({ id: ISO27001_PREFIX + t.id, title: t.title, summary: t.summary, kind: 'iso27001-theme', catalog: 'iso27001' });
    }
    for (const c of iso27001Data.controls) {
        items.push({ id: ISO27001_PREFIX + c.id, title: c.title, summary: c.summary, kind: 'iso27001-control', catalog: 'iso27001', parent: ISO27001_PREFIX + c.theme });
    }
    const sources: CatalogSource[] = [annexAData, clausesData, annexCData, nistData, euAiActData, iso27001Data].map(d => ({
        name: d.catalog as CatalogName, source: d.source, version: d.version, note: d.note
    }));
    return { items, sources };
}

/**
 * The EU AI Act: chapters (headings), every article with its chapter, section and date of
 * application, the paragraphs and points that classifications and obligations name (their parent
 * is the article), Annex III points and sub-points, Annex I legislation. Titles are the OJ's, with
 * its typos corrected (titleNormalized); the original stays in the note.
 */
function euAiActItems(): CatalogItem[] {
    const items: CatalogItem[] = [];
    const chapterOf = (n: number) => euAiActData.chapters.find(c => n >= c.firstArticle && n <= c.lastArticle)!;
    const appliesFrom = new Map<string, string>();
    for (const chapter of euAiActData.chapters) {
        items.push({ id: chapter.id, title: chapter.title, summary: chapter.summary, kind: 'eu-chapter', catalog: 'eu-ai-act' });
        for (const a of euAiActData.articles.filter(a => chapterOf(a.number) === chapter)) {
            const section = chapter.sections.find(s => a.number >= s.firstArticle && a.number <= s.lastArticle);
            const raw = a as { titleNormalized?: string; appliesFromNote?: string };
            const notes = [
                ...raw.titleNormalized ? [`The Official Journal prints the title as "${a.title}".`] : [],
                ...raw.appliesFromNote ? [raw.appliesFromNote] : []
            ];
            appliesFrom.set(a.id, a.appliesFrom);
            items.push({
                id: a.id, title: raw.titleNormalized ?? a.title, summary: a.summary, kind: 'eu-article', catalog: 'eu-ai-act', parent: chapter.id,
                appliesFrom: a.appliesFrom,
                context: `${chapter.id}${section ? ` Section ${section.section}` : ''}: ${section ? section.title : sentenceCase(chapter.title)}`,
                note: notes.length > 0 ? notes.join(' ') : undefined
            });
        }
    }
    for (const p of euAiActData.provisions) {
        const article = items.find(i => i.id === p.article)!;
        items.push({
            id: p.id, title: p.title, summary: p.summary, kind: 'eu-provision', catalog: 'eu-ai-act', parent: p.article,
            appliesFrom: p.id === 'Article 6(1)' ? euAiActData.application.annexIRoute : appliesFrom.get(p.article), context: `${article.id}: ${article.title}`
        });
    }
    for (const point of euAiActData.annexIII.points) {
        items.push({
            id: String(point.point), title: point.title, summary: point.summary, kind: 'annex-iii-area', catalog: 'eu-ai-act', parent: 'Annex III',
            context: `Annex III: ${euAiActData.annexIII.title}`, quote: (point as { text?: string }).text
        });
        for (const sub of point.subpoints) {
            items.push({
                id: sub.id, title: sub.title, summary: sub.summary, kind: 'annex-iii-subpoint', catalog: 'eu-ai-act', parent: String(point.point),
                context: `Annex III point ${point.point}: ${point.title}`, quote: sub.text
            });
        }
    }
    for (const item of euAiActData.annexI.items) {
        items.push({
            id: String(item.item), title: item.title, summary: item.summary, kind: 'annex-i-item', catalog: 'eu-ai-act', parent: 'Annex I',
            context: euAiActData.annexI.sections[item.section as 'A' | 'B']
        });
    }
    return items;
}

function sentenceCase(heading: string): string {
    return heading.charAt(0) + heading.slice(1).toLowerCase();
}

/**
 * Read access to every catalog, with the lookups the engine needs: by id, by kind,
 * the crosswalk in both directions, and ISO/IEC 27001 Annex A under its `27001:` prefix.
 */
export class AimsCatalog {
    readonly items: readonly CatalogItem[];
    readonly sources: readonly CatalogSource[];
    readonly crosswalk: readonly CrosswalkPair[] = crosswalkData.pairs;
    readonly crosswalkSource: string = crosswalkData.source;
    private readonly byKey = new Map<string, CatalogItem>();
    private readonly isoToNist = new Map<string, string[]>();
    private readonly nistToIso = new Map<string, readonly string[]>();

    constructor() {
        const { items, sources } = build();
        this.items = items;
        this.sources = sources;
        for (const item of items) {
            this.byKey.set(AimsCatalog.key(item.kind, item.id), item);
        }
        for (const pair of this.crosswalk) {
            this.nistToIso.set(pair.nist, pair.iso);
            for (const iso of pair.iso) {
                const list = this.isoToNist.get(iso) ?? [];
                list.push(pair.nist);
                this.isoToNist.set(iso, list);
            }
        }
    }

    private static key(kind: CatalogEntryKind, id: string): string {
        return `${kind}\u0000${id}`;
    }

    get(kind: CatalogEntryKind, id: string): CatalogItem | undefined {
        return this.byKey.get(AimsCatalog.key(kind, id));
    }

    /** Any entry with this id; clause, Annex A, NIST and article ids never collide; Annex I and III numbers are found by kind. */
    find(id: string): CatalogItem | undefined {
        return this.items.find(item => item.id === id && !NUMBERED_KINDS.has(item.kind));
    }

    /** The EU AI Act entry an id names in any of its forms: `Article 27`, `Article 27(1)`, `Annex III point 5(b)`. */
    euEntry(id: string): CatalogItem | undefined {
        return this.get('eu-article', id) ?? this.get('eu-provision', id);
    }

    ofKind(kind: CatalogEntryKind): CatalogItem[] {
        return this.items.filter(item => item.kind === kind);
    }

    ofCatalog(name: CatalogName): CatalogItem[] {
        return this.items.filter(item => item.catalog === name);
    }

    /** The 38 Annex A controls, in the order of the standard. */
    get annexAControls(): CatalogItem[] {
        return this.ofKind('annex-a-control');
    }

    /** NIST AI RMF subcategories the crosswalk maps to this ISO clause or control. */
    nistFor(isoId: string): readonly string[] {
        return this.isoToNist.get(isoId) ?? [];
    }

    /** ISO 42001 clauses and controls the crosswalk maps this NIST subcategory to. */
    isoFor(nistId: string): readonly string[] {
        return this.nistToIso.get(nistId) ?? [];
    }

    /**
     * ISO/IEC 42001 splits objective A.6 under two headings, A.6.1 and A.6.2, whose controls
     * have three-level ids (A.6.2.4). The catalog data lists objectives and controls only, so a
     * heading is known by the controls under it: `A.6.2` gives A.6 and A.6.2.2 to A.6.2.8.
     */
    annexAHeading(id: string): { id: string; objective: CatalogItem; controls: CatalogItem[] } | undefined {
        if (this.find(id)) {
            return undefined;
        }
        const depth = id.split('.').length;
        const controls = this.annexAControls.filter(c => c.id.startsWith(`${id}.`) && c.id.split('.').length === depth + 1);
        const objective = controls.length > 0 && controls[0].parent ? this.get('annex-a-group', controls[0].parent) : undefined;
        return objective ? { id, objective, controls } : undefined;
    }

    /** The ISO/IEC 27001:2022 Annex A control an unprefixed id names (`A.6.2`: Terms and conditions of employment), if any. */
    iso27001Control(id: string): CatalogItem | undefined {
        return this.get('iso27001-control', ISO27001_PREFIX + id);
    }

    /** The ISO/IEC 27001:2022 Annex A theme an unprefixed id belongs to (`A.6.2`: People controls), if any. */
    iso27001Theme(id: string): string | undefined {
        const control = this.iso27001Control(id);
        return control?.parent ? this.get('iso27001-theme', control.parent)?.title : undefined;
    }

    /**
     * When `id` is not a 42001 id but has the shape of an ISO/IEC 27001:2022 Annex A control
     * (A.5.1-A.5.37, A.6.1-A.6.8, A.7.1-A.7.14, A.8.1-A.8.34) or of the 2013 edition (A.5-A.18,
     * three levels), say so: authors who know 27001 reach for those numbers. The 42001 headings
     * A.6.1 and A.6.2 are read as 42001 ids, like every id both standards use. Where the reference
     * also takes namespaced ids (`supports`, audit scopes), the message offers `27001:<id>`.
     */
    explainForeignId(id: string, prefixedAccepted = false): string | undefined {
        const m = /^A\.(\d+)\.(\d+)(?:\.(\d+))?$/.exec(id);
        if (!m || this.annexAHeading(id)) {
            return undefined;
        }
        const [major, minor, third] = [Number(m[1]), Number(m[2]), m[3]];
        if (third === undefined) {
            const control = this.iso27001Control(id);
            if (control) {
                const what = `'${id}' is an ISO/IEC 27001:2022 Annex A control (${control.title}, ${this.iso27001Theme(id)}), not an ISO/IEC 42001 one`;
                return prefixedAccepted
                    ? `${what}: write ${control.id} to mean the 27001 control, or use the ISO/IEC 42001 control (A.2.2 to A.10.4) that matches your intent (completion lists both).`
                    : `${what}; ISO/IEC 42001 numbers its Annex A controls A.2.2 to A.10.4: use the one that matches your intent (completion lists them).`;
            }
        } else if (major >= 5 && major <= 18 && !(major === 6 && (minor === 1 || minor === 2))) {
            return `'${id}' looks like an ISO/IEC 27001:2013 Annex A control (A.5 to A.18 with three-level ids), not an ISO/IEC 42001 one; only A.6.1.x and A.6.2.x have three levels in ISO/IEC 42001: use the ISO/IEC 42001 control that matches your intent (completion lists them).`;
        }
        return undefined;
    }
}

/** The catalogs never change at run time: one shared instance. */
export const catalog = new AimsCatalog();
