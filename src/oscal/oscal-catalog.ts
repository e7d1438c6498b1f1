/**
 * `aims export oscal --model catalog`: our own OSCAL catalog of the ISO/IEC 42001 Annex A
 * controls (groups A.2 to A.10) plus the organisation's controls. Ids and titles are the
 * published ones; each control's `overview` part holds the tools' own summary, never the
 * standard's text. A back-matter resource cites the standard by name.
 */
import { catalog } from '../catalog/catalog.js';
import type { ReportData } from '../report/aims-report-data.js';
import { AIMS_NS, OscalContext, type OscalExportOptions } from './oscal-context.js';
import { markupLine, markupMultiline, oscalString } from './oscal-text.js';
import type { OscalCatalog, OscalControl, OscalGroup, OscalPart, OscalProperty } from './oscal-types.js';

export function oscalCatalog(data: ReportData, options: OscalExportOptions): { catalog: OscalCatalog } {
    const ctx = new OscalContext(data, options);
    const source = catalog.sources.find(s => s.name === 'annex-a');
    const standardUuid = ctx.uuid('resource', 'iso-iec-42001');
    const reference = [{ href: `#${standardUuid}`, rel: 'reference' }];

    const groups: OscalGroup[] = catalog.ofKind('annex-a-group').map(group => {
        const controls = catalog.annexAControls.filter(c => c.parent === group.id).map(control => withOverview({
            id: ctx.controlToken(control.id),
            class: 'iso-42001-annex-a',
            title: markupLine(control.title, control.id),
            props: labelProps(control.id),
            links: reference
        }, control.summary));
        return withOverview({
            id: ctx.controlToken(group.id),
            class: 'objective',
            title: markupLine(group.title, group.id),
            props: labelProps(group.id),
            controls
        }, group.summary);
    });

    const orgControls = data.soa.filter(row => row.kind === 'organisation');
    if (orgControls.length > 0) {
        groups.push({
            id: uniqueGroupId(ctx.controlToken(`org-${ctx.orgKey}`), groups),
            class: 'organisation',
            title: markupLine(`Controls of ${ctx.orgTitle}`, 'Organisation controls'),
            props: [{ name: 'label', value: 'ORG' }],
            controls: orgControls.map(row => withOverview({
                id: ctx.controlToken(row.controlId),
                class: 'organisation-control',
                title: markupLine(row.title, row.controlId),
                props: [
                    ...labelProps(row.controlId),
                    ...row.nist.map(id => ({ name: 'nist-ai-rmf', ns: AIMS_NS, value: id }))
                ]
            }, row.summary))
        });
    }

    return {
        catalog: {
            'uuid': ctx.catalogUuid,
            'metadata': {
                ...ctx.metadata(`ISO/IEC 42001 Annex A controls (${ctx.orgTitle})`, false),
                remarks: markupMultiline('Control ids and titles as published in ISO/IEC 42001:2023, Annex A. The overview of each control is a summary written by the AIMS language tools project in its own words; it is not the text of the standard, which is available from ISO.', '')
            },
            groups,
            'back-matter': {
                resources: [{
                    uuid: standardUuid,
                    title: markupLine(source?.source ?? 'ISO/IEC 42001:2023, Annex A', 'ISO/IEC 42001:2023'),
                    citation: { text: markupLine(`ISO/IEC 42001:${source?.version ?? '2023'}, Information technology - Artificial intelligence - Management system. International Organization for Standardization and International Electrotechnical Commission.`, 'ISO/IEC 42001:2023') },
                    props: [{ name: 'type', value: 'standard' }]
                }]
            }
        }
    };
}

/** `label` shows the id as written (`A.6.2.4`), `sort-id` orders numerically (`a.06.02.04`). */
function labelProps(id: string): OscalProperty[] {
    const sortId = id.toLowerCase().split('.').map(p => /^\d+$/.test(p) ? p.padStart(2, '0') : p).join('.');
    return [{ name: 'label', value: oscalString(id, id) }, { name: 'sort-id', value: sortId }];
}

function withOverview<T extends OscalControl | OscalGroup>(item: T, summary: string | undefined): T {
    if (summary?.trim()) {
        const part: OscalPart = { id: `${item.id}_ovw`, name: 'overview', prose: markupMultiline(summary, '') };
        item.parts = [part];
    }
    return item;
}

function uniqueGroupId(id: string, groups: readonly OscalGroup[]): string {
    return groups.some(g => g.id === id) ? `${id}-controls` : id;
}

/**
 * `aims export oscal --model catalog --framework NAME`: a framework the workspace declares as an
 * OSCAL catalog of its own, its groups as groups and its requirements as controls. Ids stay as
 * the framework writes them where OSCAL allows (a token), so `aims import oscal` gives them back.
 */
export function oscalFrameworkCatalog(data: ReportData, name: string, options: OscalExportOptions): { catalog: OscalCatalog } | undefined {
    const framework = data.frameworks.find(f => f.id === name);
    if (!framework) {
        return undefined;
    }
    const ctx = new OscalContext(data, options);
    const local = (id: string) => id.slice(name.length + 1);
    const token = (id: string) => /^[\p{L}_][\p{L}\p{N}._-]*$/u.test(local(id)) ? local(id) : ctx.controlToken(local(id));
    const control = (r: ReportData['frameworks'][number]['requirements'][number]): OscalControl => withOverview({
        id: token(r.id), class: 'requirement', title: markupLine(r.title, local(r.id)), props: labelProps(r.id)
    }, r.summary);
    const groups: OscalGroup[] = framework.groups.map(g => withOverview({
        id: token(g.id), class: 'group', title: markupLine(g.title, local(g.id)), props: labelProps(g.id),
        controls: framework.requirements.filter(r => r.group === g.id).map(control)
    }, g.summary));
    for (const group of groups) if (group.controls?.length === 0) delete group.controls;
    const loose = framework.requirements.filter(r => r.group === undefined).map(control);
    const result: OscalCatalog = {
        'uuid': ctx.uuid('framework-catalog', name),
        'metadata': {
            ...ctx.metadata(framework.title, false),
            ...(framework.version ? { version: oscalString(framework.version, ctx.version) } : {}),
            remarks: markupMultiline(`The framework '${name}' as declared in the workspace${framework.source ? ` (source: ${framework.source})` : ''}; its requirements are referred to as ${name}:<id> in .aims files.${framework.summary ? `\n\n${framework.summary}` : ''}`, '')
        }
    };
    if (groups.length > 0) result.groups = groups;
    if (loose.length > 0) result.controls = loose;
    return { catalog: result };
}
