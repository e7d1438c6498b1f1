/**
 * `aims catalog <name>`: list a built-in catalog (ids, titles, summaries) as a table or JSON,
 * straight from the `catalog` singleton that the engine uses.
 */
import { catalog, CATALOG_NAMES, type CatalogItem, type CatalogName } from '../catalog/catalog.js';
import { hierarchical } from '../catalog/catalog-document.js';
import { CliError, ExitCode, flag, type CliCommand } from './cli-command.js';
import { renderTable } from './formats/table.js';

/** What each catalog adds to id, title, summary and kind, in JSON and as table columns. */
interface CatalogView {
    readonly fields: (item: CatalogItem) => Record<string, string | boolean | undefined>;
    readonly columns: ReadonlyArray<{ readonly header: string; readonly cell: (item: CatalogItem) => string }>;
}

const ANNEX_C_KIND: Partial<Record<CatalogItem['kind'], string>> = {
    'annex-c-section': 'section', 'annex-c-objective': 'objective', 'risk-source': 'risk source'
};

/** The NIST function of a category (its parent) or of a subcategory (its category's parent). */
function nistFunction(item: CatalogItem): string | undefined {
    if (item.kind === 'nist-category') return item.parent;
    if (item.kind === 'nist-subcategory' && item.parent) return catalog.get('nist-category', item.parent)?.parent;
    return undefined;
}

const VIEWS: Record<CatalogName, CatalogView> = {
    'annex-a': {
        fields: item => ({ objective: item.parent }),
        columns: [{ header: 'OBJECTIVE', cell: item => item.parent ?? '' }]
    },
    'clauses': {
        fields: item => ({ parent: item.parent, documentedInformationRequired: item.documentedInformationRequired }),
        columns: [{
            header: 'DOCUMENTED',
            cell: item => item.documentedInformationRequired === undefined ? '' : item.documentedInformationRequired ? 'yes' : 'no'
        }]
    },
    'annex-c': {
        fields: item => ({ parent: item.parent }),
        columns: [{ header: 'KIND', cell: item => ANNEX_C_KIND[item.kind] ?? '' }]
    },
    'nist': {
        fields: item => ({ function: nistFunction(item), category: item.kind === 'nist-subcategory' ? item.parent : undefined }),
        columns: []
    },
    'eu-ai-act': {
        fields: item => ({ parent: item.parent, context: item.context, appliesFrom: item.appliesFrom, note: item.note, quote: item.quote }),
        columns: [{ header: 'PART', cell: item => item.parent ?? '' }, { header: 'APPLIES FROM', cell: item => item.appliesFrom ?? '' }]
    },
    'iso27001': {
        fields: item => ({ theme: item.parent }),
        columns: [{ header: 'THEME', cell: item => item.parent ?? '' }]
    }
};

function isCatalogName(name: string): name is CatalogName {
    return (CATALOG_NAMES as readonly string[]).includes(name);
}

/** The JSON object of one entry; fields a kind does not have are left out, not null. */
function toJson(item: CatalogItem, view: CatalogView): Record<string, unknown> {
    const extra = Object.entries(view.fields(item)).filter(([, value]) => value !== undefined);
    return { id: item.id, title: item.title, summary: item.summary, kind: item.kind, ...Object.fromEntries(extra) };
}

export const catalogCommand: CliCommand = {
    name: 'catalog',
    summary: 'List a built-in catalog: annex-a, clauses, annex-c, nist, eu-ai-act or iso27001.',
    usage: `catalog <${CATALOG_NAMES.join('|')}> [--json]`,
    description: [
        'Lists the entries of a built-in catalog with their ids and titles, parents before children.',
        'The ids are the ones .aims files refer to. --json adds the summaries and kind-specific',
        'fields (objective, parent, function, category, documentedInformationRequired, theme).'
    ].join('\n'),
    options: {
        json: { type: 'boolean', description: 'Print a JSON array instead of a table.' }
    },
    positionals: { min: 1, max: 1 },
    epilogue: [
        'Examples:',
        '  aims catalog annex-a',
        '  aims catalog nist --json'
    ].join('\n'),

    async run(input, out) {
        const name = input.positionals[0];
        if (!isCatalogName(name)) {
            throw new CliError(`unknown catalog '${name}'; the catalogs are: ${CATALOG_NAMES.join(', ')}`, { usage: true });
        }
        const view = VIEWS[name];
        const items = hierarchical(catalog.ofCatalog(name));
        if (flag(input, 'json')) {
            out.stdout(JSON.stringify(items.map(item => toJson(item, view)), null, 2) + '\n');
            return ExitCode.ok;
        }
        const headers = ['ID', ...view.columns.map(c => c.header), 'TITLE'];
        const rows = items.map(item => [item.id, ...view.columns.map(c => c.cell(item)), item.title]);
        out.stdout(renderTable(headers, rows));
        return ExitCode.ok;
    }
};
