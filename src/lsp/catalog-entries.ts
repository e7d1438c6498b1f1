/**
 * From the AST of a catalog document back to the catalog data: which CatalogItem an entry (or an
 * index description of one) stands for, and how to call its kind. Shared by hover and completion.
 */
import type { CatalogEntryKind, CatalogItem } from '../catalog/catalog.js';
import { catalog } from '../catalog/catalog.js';

/** AST type of a catalog document entry to the catalog's kind. */
export const CATALOG_ENTRY_KINDS: Readonly<Record<string, CatalogEntryKind>> = {
    AnnexAGroup: 'annex-a-group',
    AnnexAControl: 'annex-a-control',
    Clause: 'clause',
    AnnexCObjective: 'annex-c-objective',
    RiskSource: 'risk-source',
    NistSubcategory: 'nist-subcategory',
    EuArticle: 'eu-article',
    EuProvision: 'eu-provision',
    AnnexIIIArea: 'annex-iii-area',
    AnnexIIISubpoint: 'annex-iii-subpoint',
    AnnexILegislation: 'annex-i-item',
    Iso27001Theme: 'iso27001-theme',
    Iso27001Control: 'iso27001-control'
};

/** The AST type that renders a catalog kind (the inverse of CATALOG_ENTRY_KINDS). */
export const CATALOG_ENTRY_TYPES: Readonly<Partial<Record<CatalogEntryKind, string>>> = Object.fromEntries(
    Object.entries(CATALOG_ENTRY_KINDS).map(([type, kind]) => [kind, type])
);

export const CATALOG_KIND_NAMES: Readonly<Record<CatalogEntryKind, string>> = {
    'annex-a-group': 'ISO/IEC 42001 Annex A control objective',
    'annex-a-control': 'ISO/IEC 42001 Annex A control',
    'clause': 'ISO/IEC 42001 clause',
    'annex-c-section': 'ISO/IEC 42001 Annex C section',
    'annex-c-objective': 'ISO/IEC 42001 Annex C objective',
    'risk-source': 'ISO/IEC 42001 Annex C risk source',
    'nist-function': 'NIST AI RMF function',
    'nist-category': 'NIST AI RMF category',
    'nist-subcategory': 'NIST AI RMF subcategory',
    'eu-chapter': 'EU AI Act chapter',
    'eu-article': 'EU AI Act article',
    'eu-provision': 'EU AI Act paragraph or point',
    'annex-iii-area': 'EU AI Act Annex III area',
    'annex-iii-subpoint': 'EU AI Act Annex III sub-point',
    'annex-i-item': 'EU AI Act Annex I legislation',
    'iso27001-theme': 'ISO/IEC 27001 Annex A theme',
    'iso27001-control': 'ISO/IEC 27001 Annex A control'
};

/** The catalog entry an AST node or index description of type `type` named `name` stands for. */
export function catalogItemFor(type: string, name: unknown): CatalogItem | undefined {
    const kind = CATALOG_ENTRY_KINDS[type];
    return kind && name !== undefined ? catalog.get(kind, String(name)) : undefined;
}

/** A title to show: the entry's own, or what kind of entry it is while the data has none. */
export function displayTitle(item: CatalogItem): string {
    return item.title || CATALOG_KIND_NAMES[item.kind];
}

/** Where each catalog entry stands in the catalogs, for sorting in catalog order. */
const ORDER = new Map<CatalogItem, number>(catalog.items.map((item, index) => [item, index]));

export function catalogOrder(item: CatalogItem): number {
    return ORDER.get(item) ?? ORDER.size;
}
