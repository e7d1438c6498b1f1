/**
 * Renders each built-in catalog as a read-only `.aims` document (scheme `aims-catalog`).
 * The workspace manager loads these next to the user's files, so catalog ids are ordinary
 * cross-references: go to definition opens a readable page, find references works, and
 * completion offers ids with their titles.
 */
import { URI } from 'langium';
import { catalog, type AimsCatalog, type CatalogEntryKind, type CatalogItem, type CatalogName } from './catalog.js';

export const CATALOG_SCHEME = 'aims-catalog';

export function catalogDocumentUri(name: CatalogName): URI {
    return URI.from({ scheme: CATALOG_SCHEME, path: `/${name}.aims` });
}

export function isCatalogUri(uri: URI): boolean {
    return uri.scheme === CATALOG_SCHEME;
}

/** Quote a string for the AIMS grammar's STRING terminal. */
export function aimsString(text: string): string {
    return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n') + '"';
}

const KEYWORD: Partial<Record<CatalogEntryKind, string>> = {
    'annex-a-group': 'group',
    'annex-a-control': 'control',
    'clause': 'clause',
    'annex-c-objective': 'objective',
    'risk-source': 'risk-source',
    'nist-subcategory': 'subcategory',
    'eu-article': 'article',
    'eu-provision': 'provision',
    'annex-iii-area': 'area',
    'annex-iii-subpoint': 'subpoint',
    'annex-i-item': 'legislation',
    'iso27001-theme': 'group',
    'iso27001-control': 'control'
};

const DECLARATION_NAME: Record<CatalogName, string> = {
    'annex-a': 'iso42001_annex_a',
    'clauses': 'iso42001_clauses',
    'annex-c': 'iso42001_annex_c',
    'nist': 'nist_ai_rmf',
    'eu-ai-act': 'eu_ai_act',
    'iso27001': 'iso27001_annex_a'
};

function entry(item: CatalogItem, cat: AimsCatalog): string[] {
    const keyword = KEYWORD[item.kind];
    if (!keyword) {
        // Sections, functions and categories are headings, not referable entries.
        const heading = item.kind === 'nist-function' ? item.id : `${item.id} ${item.title}`;
        return ['', `    // ---- ${heading}${item.summary ? ': ' + item.summary : ''}`];
    }
    const lines = [`    ${keyword} ${item.id} ${aimsString(item.title)}`, `        summary ${aimsString(item.summary)}`];
    if (item.kind === 'annex-a-control' || item.kind === 'clause') {
        const nist = cat.nistFor(item.id);
        if (nist.length > 0) {
            lines.push(`        // NIST AI RMF (crosswalk): ${nist.join(', ')}`);
        }
    } else if (item.kind === 'nist-subcategory') {
        const iso = cat.isoFor(item.id);
        lines.push(`        // ISO/IEC 42001 (crosswalk): ${iso.length > 0 ? iso.join(', ') : 'none'}`);
    }
    if (item.appliesFrom) {
        lines.push(`        // Applies from ${item.appliesFrom} (Article 113).`);
    }
    if (item.note) {
        lines.push(`        // ${item.note}`);
    }
    if (item.quote) {
        lines.push(`        // Official Journal text: ${item.quote}`);
    }
    return lines;
}

/** Parents before their children (function, category, subcategory), otherwise in data order. */
export function hierarchical(items: CatalogItem[]): CatalogItem[] {
    const ids = new Set(items.map(i => i.id));
    const ordered: CatalogItem[] = [];
    // Numbered kinds share ids (Annex III point 5, Annex I item 5): each item is placed once, under the first.
    const placed = new Set<CatalogItem>();
    const visit = (parent: string | undefined) => {
        for (const item of items) {
            const effectiveParent = item.parent !== undefined && ids.has(item.parent) ? item.parent : undefined;
            if (effectiveParent === parent && !placed.has(item)) {
                placed.add(item);
                ordered.push(item);
                visit(item.id);
            }
        }
    };
    visit(undefined);
    return ordered;
}

/** The text of one catalog document. Deterministic: the same data gives the same text. */
export function renderCatalogDocument(name: CatalogName, cat: AimsCatalog = catalog): string {
    const source = cat.sources.find(s => s.name === name)!;
    const lines = [
        `// ${source.source} (version ${source.version})`,
        `// ${source.note}`,
        '// Built into AIMS language tools; read-only.',
        `catalog ${DECLARATION_NAME[name]} ${aimsString(source.source)} {`
    ];
    for (const item of hierarchical(cat.ofCatalog(name))) {
        lines.push(...entry(item, cat));
    }
    lines.push('}', '');
    return lines.join('\n');
}
