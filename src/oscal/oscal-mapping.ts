/**
 * `aims export oscal --model mapping`: every control mapping of the workspace as an OSCAL 1.2.2
 * mapping collection. One `mapping` per pair of catalogs (NIST AI RMF to ISO/IEC 42001 Annex A,
 * ISO/IEC 27001 to ISO/IEC 42001, ...), each map with its set-theory relationship as NIST IR 8477
 * names it. Declared mappings carry their rationale and strength; the crosswalk's pairs and the
 * organisation controls' `nist` lists say where they come from, and that they count as
 * intersects-with because the source gives no type.
 */
import { catalog, type CatalogName } from '../catalog/catalog.js';
import { inverse } from '../model/mappings.js';
import type { MappingRow, ReportData } from '../report/aims-report-data.js';
import { AIMS_NS, OscalContext, type OscalExportOptions } from './oscal-context.js';
import { markupLine, markupMultiline, oscalString } from './oscal-text.js';
import type { OscalMappingCollection, OscalMap, OscalMapping, OscalResource } from './oscal-types.js';

/** OSCAL's relationship tokens (IR 8477 set theory). */
const RELATIONSHIP_TOKEN: Record<MappingRow['relationship'], string> = {
    'equal': 'equal-to',
    'subset-of': 'subset-of',
    'superset-of': 'superset-of',
    'intersects-with': 'intersects-with',
    'no-relationship': 'no-relationship'
};

/**
 * Which catalog an id belongs to: a built-in one, a framework the workspace declares
 * (`framework:SOC2`), or the organisation's own controls, which live in the catalog that
 * `--model catalog` exports, together with Annex A.
 */
type Side = CatalogName | 'organisation' | `framework:${string}`;

const SIDE_ORDER: readonly string[] = ['framework', 'nist', 'iso27001', 'eu-ai-act', 'clauses', 'annex-c', 'annex-a', 'organisation'];

function sideOf(id: string): Side {
    const builtIn = catalog.find(id)?.catalog;
    if (builtIn) return builtIn;
    const colon = id.indexOf(':');
    return colon > 0 ? `framework:${id.slice(0, colon)}` : 'organisation';
}

function sideRank(side: Side): number {
    return SIDE_ORDER.indexOf(side.startsWith('framework:') ? 'framework' : side);
}

export function oscalMapping(data: ReportData, options: OscalExportOptions): { 'mapping-collection': OscalMappingCollection } {
    const ctx = new OscalContext(data, options);
    const resources = new Map<string, OscalResource>();
    const resourceOf = (side: Side): OscalResource => {
        const key = resourceKey(side);
        let resource = resources.get(key);
        if (!resource) {
            resource = key === 'annex-a' ? ctx.catalogResource()
                : side.startsWith('framework:') ? frameworkResource(ctx, data, side.slice('framework:'.length))
                : standardResource(ctx, side as CatalogName);
            resources.set(key, resource);
        }
        return resource;
    };

    // Group the pairs by their two catalogs, oriented from the catalog earlier in SIDE_ORDER.
    const groups = new Map<string, { source: Side; target: Side; rows: MappingRow[] }>();
    for (const row of data.mappings) {
        let [from, to, relationship] = [row.from, row.to, row.relationship];
        if (sideRank(sideOf(from)) > sideRank(sideOf(to))) {
            [from, to, relationship] = [to, from, inverse(relationship)];
        }
        const source = sideOf(from);
        const target = sideOf(to);
        // Annex A and organisation controls share the exported catalog: one mapping for both.
        const key = `${resourceKey(source)}>${resourceKey(target)}`;
        const group = groups.get(key) ?? { source, target, rows: [] };
        group.rows.push({ ...row, from, to, relationship });
        groups.set(key, group);
    }

    const mappings: OscalMapping[] = [...groups.entries()].map(([key, group]) => ({
        'uuid': ctx.uuid('mapping', key),
        'source-resource': { type: 'catalog', href: `#${resourceOf(group.source).uuid}` },
        'target-resource': { type: 'catalog', href: `#${resourceOf(group.target).uuid}` },
        'maps': group.rows.map(row => map(ctx, row))
    }));
    const declared = data.mappings.filter(m => m.origin === 'declared').length;
    return {
        'mapping-collection': {
            'uuid': ctx.uuid('mapping-collection'),
            'metadata': ctx.metadata(`${ctx.orgTitle}: control mappings`, true),
            'provenance': {
                'method': declared > 0 ? 'hybrid' : 'automation',
                'matching-rationale': 'semantic',
                'status': 'draft',
                'mapping-description': markupMultiline(`The control mappings of ${ctx.orgTitle}'s AI management system: ${declared} declared in its .aims files (each with its relationship, and its rationale and strength where given), and the built-in ones they did not replace, namely the pairs of the AI RMF to ISO/IEC 42001 crosswalk (${catalog.crosswalkSource}) and the NIST AI RMF references of organisation controls. The built-in pairs carry no relationship type in their source, so they are given as intersects-with.`, '')
            },
            // Never empty: the crosswalk's pairs are always there.
            'mappings': mappings,
            'back-matter': { resources: [...resources.values()] }
        }
    };
}

const BUILT_IN_REMARK: Record<MappingRow['origin'], string | undefined> = {
    'crosswalk': 'From the AI RMF to ISO/IEC 42001 crosswalk, which gives no relationship type.',
    'organisation-control': 'From an organisation control\'s NIST AI RMF references, which give no relationship type.',
    'declared': undefined
};

function resourceKey(side: Side): string {
    return side === 'organisation' ? 'annex-a' : side;
}

function map(ctx: OscalContext, row: MappingRow): OscalMap {
    const m: OscalMap = {
        'uuid': ctx.uuid('map', row.from, row.to),
        'relationship': RELATIONSHIP_TOKEN[row.relationship],
        'sources': [item(ctx, row.from)],
        'targets': [item(ctx, row.to)],
        'props': [
            { name: 'origin', ns: AIMS_NS, value: row.origin },
            ...row.strength !== undefined ? [{ name: 'strength', ns: AIMS_NS, value: String(row.strength) }] : []
        ]
    };
    const remarks = row.rationale ?? BUILT_IN_REMARK[row.origin];
    if (remarks) m.remarks = markupMultiline(remarks, '');
    return m;
}

function item(ctx: OscalContext, id: string): OscalMap['sources'][number] {
    return { 'type': 'control', 'id-ref': ctx.controlToken(id), 'props': [{ name: 'label', value: oscalString(id, id) }] };
}

function frameworkResource(ctx: OscalContext, data: ReportData, name: string): OscalResource {
    const framework = data.frameworks.find(f => f.id === name);
    return {
        uuid: ctx.uuid('resource', `framework-${name}`),
        title: markupLine(framework?.title ?? name, name),
        description: markupMultiline(`The framework '${name}' that the workspace declares${framework?.version ? `, version ${framework.version}` : ''}${framework?.source ? `, from ${framework.source}` : ''}; its requirements are given as ${name}:<id>.`, ''),
        props: [{ name: 'type', value: 'standard' }]
    };
}

function standardResource(ctx: OscalContext, side: CatalogName): OscalResource {
    const source = catalog.sources.find(s => s.name === side);
    return {
        uuid: ctx.uuid('resource', `catalog-${side}`),
        title: markupLine(source?.source ?? side, side),
        description: markupMultiline(`The ${source?.source ?? side} catalog built into the AIMS language tools (aims catalog ${side}); control ids are given as written in .aims files (label) and as OSCAL tokens (id-ref).`, ''),
        props: [{ name: 'type', value: 'standard' }]
    };
}
