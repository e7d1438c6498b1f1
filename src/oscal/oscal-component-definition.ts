/**
 * `aims export oscal --model component-definition`: each AI system of the inventory as an OSCAL
 * component, with the statement-of-applicability controls that apply to it (entries naming the
 * system, and controls treating its risks) as implemented requirements against our catalog.
 */
import type { ReportData, SoaRow, SystemRow } from '../report/aims-report-data.js';
import { AIMS_NS, decisionText, implementationState, OscalContext, type OscalExportOptions } from './oscal-context.js';
import { markupLine, markupMultiline, oscalString } from './oscal-text.js';
import type { OscalComponentDefinition, OscalComponentRequirement, OscalDefinedComponent, OscalProperty } from './oscal-types.js';

/** Stages at which a system runs for its users: OSCAL calls such a component a service. */
const RUNNING_STAGES = new Set(['deployment', 'operation-and-monitoring', 're-evaluation', 'retirement']);

export function componentType(system: SystemRow): 'software' | 'service' {
    return system.stage && RUNNING_STAGES.has(system.stage) ? 'service' : 'software';
}

export function systemProps(system: SystemRow): OscalProperty[] {
    const props: OscalProperty[] = [{ name: 'asset-id', value: oscalString(system.id, 'system') }];
    if (system.stage) props.push({ name: 'lifecycle-stage', ns: AIMS_NS, value: system.stage });
    if (system.role) props.push({ name: 'ai-role', ns: AIMS_NS, value: system.role });
    if (system.euCategory) props.push({ name: 'eu-ai-act-category', ns: AIMS_NS, value: system.euCategory });
    if (system.annexIII) props.push({ name: 'eu-ai-act-annex-iii-point', ns: AIMS_NS, value: oscalString(system.annexIII.id, 'unknown') });
    // The EU AI Act classification as the tools read it (src/model/eu-ai-act.ts).
    const eu = system.euAiAct;
    for (const role of eu.operatorRoles) props.push({ name: 'eu-ai-act-operator-role', ns: AIMS_NS, value: role });
    if (eu.route) props.push({ name: 'eu-ai-act-route', ns: AIMS_NS, value: oscalString(eu.route, 'unknown') });
    for (const duty of eu.transparency) props.push({ name: 'eu-ai-act-transparency', ns: AIMS_NS, value: duty });
    if (eu.friaReasons.length > 0) props.push({ name: 'eu-ai-act-fria-required', ns: AIMS_NS, value: 'yes' });
    if (eu.obligations.length > 0) {
        props.push({ name: 'eu-ai-act-obligations', ns: AIMS_NS, value: String(eu.obligations.length) });
        props.push({ name: 'eu-ai-act-obligations-open', ns: AIMS_NS, value: String(eu.obligations.filter(o => o.state === 'open' && o.due).length) });
    }
    props.push({ name: 'impact-assessment', ns: AIMS_NS, value: system.impactAssessment });
    for (const model of system.models) props.push({ name: 'model', ns: AIMS_NS, value: oscalString(model, 'model') });
    return props;
}

export function systemDescription(system: SystemRow): string {
    const lines = [
        system.purpose,
        system.intendedUse && `Intended use: ${system.intendedUse}`,
        system.oversight && `Human oversight: ${system.oversight}`,
        system.deployment && `Deployment: ${system.deployment}`
    ].filter((l): l is string => !!l?.trim());
    return markupMultiline(lines.join('\n\n'), `AI system '${system.id}'.`);
}

export function oscalComponentDefinition(data: ReportData, options: OscalExportOptions): { 'component-definition': OscalComponentDefinition } {
    const ctx = new OscalContext(data, options);
    const soaById = new Map(data.soa.map(row => [row.controlId, row]));
    const components = data.systems.map(system => {
        const component: OscalDefinedComponent = {
            uuid: ctx.uuid('component', system.id),
            type: componentType(system),
            title: markupLine(system.title, system.id),
            description: systemDescription(system),
            props: systemProps(system)
        };
        if (system.intendedUse?.trim()) component.purpose = markupLine(system.intendedUse, system.id);
        const roles = ctx.responsibleRole('system-owner', system.owner?.id);
        if (roles) component['responsible-roles'] = roles;
        const requirements = system.controls
            .map(id => soaById.get(id))
            .filter((row): row is SoaRow => row !== undefined)
            .map(row => requirement(ctx, system, row));
        if (requirements.length > 0) {
            component['control-implementations'] = [{
                'uuid': ctx.uuid('component-control-implementation', system.id),
                'source': `#${ctx.catalogUuid}`,
                'description': markupMultiline(`Controls of the statement of applicability of ${ctx.orgTitle} that apply to ${system.title}: entries that name the system, and controls that treat its risks.`, ''),
                'implemented-requirements': requirements
            }];
        }
        return component;
    });
    const definition: OscalComponentDefinition = {
        'uuid': ctx.uuid('component-definition'),
        'metadata': ctx.metadata(`${ctx.orgTitle}: AI systems as components`, true),
        'back-matter': { resources: [ctx.catalogResource(), ...ctx.evidenceResources()] }
    };
    if (components.length > 0) definition.components = components;
    return { 'component-definition': definition };
}

function requirement(ctx: OscalContext, system: SystemRow, row: SoaRow): OscalComponentRequirement {
    const state = implementationState(row);
    const treats = row.risks.filter(r => system.risks.some(sr => sr.id === r.id));
    const req: OscalComponentRequirement = {
        'uuid': ctx.uuid('component-requirement', system.id, row.controlId),
        'control-id': ctx.controlToken(row.controlId),
        'description': markupMultiline(
            `${row.controlId} ${row.title}. ${decisionText(row)}${treats.length > 0 ? `\n\nTreats: ${treats.map(r => r.title ?? r.id).join('; ')}.` : ''}`, row.controlId)
    };
    if (state) req.props = [{ name: 'implementation-status', value: state }];
    const links = ctx.evidenceLinks(row);
    if (links) req.links = links;
    const roles = ctx.responsibleRole('control-owner', row.owner?.id);
    if (roles) req['responsible-roles'] = roles;
    return req;
}
