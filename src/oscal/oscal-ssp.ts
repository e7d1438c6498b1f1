/**
 * `aims export oscal --model ssp`: the AI management system as an OSCAL system security plan.
 * The AIMS is the system (`this-system`), the AI systems and policies are its components, the
 * data sets its information types, and every statement-of-applicability entry an implemented
 * requirement, exclusions included (`not-applicable`, with the justification).
 */
import type { ReportData, SoaRow } from '../report/aims-report-data.js';
import { componentType, systemDescription, systemProps } from './oscal-component-definition.js';
import { AIMS_NS, decisionText, implementationState, OscalContext, type OscalExportOptions } from './oscal-context.js';
import { markupLine, markupMultiline, oscalString, uriReference } from './oscal-text.js';
import type {
    OscalByComponent, OscalInformationType, OscalInventoryItem, OscalSspRequirement, OscalSystemComponent, OscalSystemSecurityPlan
} from './oscal-types.js';

/** OSCAL component status for an AI system's life-cycle stage. */
const STAGE_STATE: Record<string, string> = {
    'inception': 'under-development',
    'design-and-development': 'under-development',
    'verification-and-validation': 'under-development',
    'deployment': 'operational',
    'operation-and-monitoring': 'operational',
    're-evaluation': 'operational',
    'retirement': 'disposition'
};

export function oscalSsp(data: ReportData, options: OscalExportOptions): { 'system-security-plan': OscalSystemSecurityPlan } {
    const ctx = new OscalContext(data, options);
    const thisSystem = ctx.uuid('this-system');
    const systemUuid = (id: string) => ctx.uuid('component', id);
    const scope = data.organisation?.scope;

    const components: OscalSystemComponent[] = [
        {
            uuid: thisSystem,
            type: 'this-system',
            title: markupLine(`${ctx.orgTitle} AI management system`, 'AI management system'),
            description: markupMultiline(scope, 'The AI management system of the organisation.'),
            status: { state: 'operational' },
            props: data.organisation?.roles.map(role => ({ name: 'ai-role', ns: AIMS_NS, value: role }))
        },
        ...data.systems.map(system => {
            const c: OscalSystemComponent = {
                uuid: systemUuid(system.id),
                type: componentType(system),
                title: markupLine(system.title, system.id),
                description: systemDescription(system),
                props: systemProps(system),
                status: system.stage
                    ? { state: STAGE_STATE[system.stage] ?? 'other' }
                    : { state: 'other', remarks: markupMultiline('No life-cycle stage is declared.', '') }
            };
            if (system.intendedUse?.trim()) c.purpose = markupLine(system.intendedUse, system.id);
            const roles = ctx.responsibleRole('system-owner', system.owner?.id);
            if (roles) c['responsible-roles'] = roles;
            return c;
        }),
        ...data.policies.map(policy => {
            const c: OscalSystemComponent = {
                uuid: ctx.uuid('policy', policy.id),
                type: 'policy',
                title: markupLine(policy.title, policy.id),
                description: markupMultiline([
                    `Policy '${policy.id}'`,
                    policy.approved && `approved ${policy.approved}${policy.approver ? ` by ${policy.approver.title ?? policy.approver.id}` : ''}`,
                    policy.nextReview && `next review ${policy.nextReview}`
                ].filter(Boolean).join(', ') + '.', policy.id),
                status: { state: policy.approved ? 'operational' : 'under-development' }
            };
            const links = policy.documents.map(uriReference).filter((h): h is string => h !== undefined).map(href => ({ href, rel: 'reference' }));
            if (links.length > 0) c.links = links;
            const roles = ctx.responsibleRole('policy-owner', policy.owner?.id);
            if (roles) c['responsible-roles'] = roles;
            return c;
        })
    ];
    for (const c of components) if (c.props?.length === 0) delete c.props;

    const inventory: OscalInventoryItem[] = data.systems.map(system => ({
        'uuid': ctx.uuid('inventory-item', system.id),
        'description': markupMultiline(`AI system '${system.id}': ${system.title}.`, system.id),
        'props': [{ name: 'asset-id', value: oscalString(system.id, 'system') }, { name: 'asset-type', value: 'ai-system', ns: AIMS_NS }],
        'implemented-components': [{ 'component-uuid': systemUuid(system.id) }]
    }));

    const informationTypes: OscalInformationType[] = data.datasets.length > 0
        ? data.datasets.map(ds => {
            const it: OscalInformationType = {
                uuid: ctx.uuid('information-type', ds.id),
                title: markupLine(ds.title, ds.id),
                description: markupMultiline([ds.source && `Source: ${ds.source}`, ds.provenance && `Provenance: ${ds.provenance}`].filter(Boolean).join('\n\n'), `Data set '${ds.id}'.`)
            };
            if (ds.personalData !== undefined) it.props = [{ name: 'personal-data', ns: AIMS_NS, value: ds.personalData ? 'yes' : 'no' }];
            return it;
        })
        : [{
            uuid: ctx.uuid('information-type', 'undeclared'),
            title: 'AI system data',
            description: markupMultiline('The AIMS declares no data sets yet.', '')
        }];

    const requirements = data.soa.map(row => requirement(ctx, row, thisSystem, systemUuid));
    const ssp: OscalSystemSecurityPlan = {
        'uuid': ctx.uuid('ssp'),
        'metadata': ctx.metadata(`${ctx.orgTitle}: AI management system plan`, true),
        'import-profile': {
            href: `#${ctx.catalogUuid}`,
            remarks: markupMultiline('The catalog exported for this workspace by aims export oscal --model catalog; the statement of applicability decides on each of its controls.', '')
        },
        'system-characteristics': {
            'system-ids': [{ 'identifier-type': 'https://ietf.org/rfc/rfc4122', 'id': ctx.uuid('system-id') }],
            'system-name': oscalString(data.organisation?.title, 'AI management system'),
            'system-name-short': oscalString(data.organisation?.id, 'aims'),
            'description': markupMultiline(scope, 'The AI management system of the organisation.'),
            'system-information': { 'information-types': informationTypes },
            'status': { state: 'operational' },
            'authorization-boundary': { description: markupMultiline(scope ? `Scope of the AI management system: ${scope}` : '', 'No scope is declared.') }
        },
        'system-implementation': inventory.length > 0 ? { components, 'inventory-items': inventory } : { components },
        'control-implementation': {
            'description': markupMultiline(`How ${ctx.orgTitle} applies the controls of ISO/IEC 42001 Annex A and its own controls, as its statement of applicability records them. Every Annex A control is listed; those without an entry say so.`, ''),
            'implemented-requirements': requirements
        },
        'back-matter': { resources: [ctx.catalogResource(), ...ctx.evidenceResources()] }
    };
    return { 'system-security-plan': ssp };
}

function requirement(ctx: OscalContext, row: SoaRow, thisSystem: string, systemUuid: (id: string) => string): OscalSspRequirement {
    const state = implementationState(row);
    const text = decisionText(row);
    const byThisSystem: OscalByComponent = {
        'component-uuid': thisSystem,
        'uuid': ctx.uuid('by-component', row.controlId, 'this-system'),
        'description': markupMultiline(text, row.controlId)
    };
    if (state) byThisSystem['implementation-status'] = row.decision === 'excluded'
        ? { state, remarks: markupMultiline(row.justification, 'No justification recorded.') }
        : { state };
    const roles = ctx.responsibleRole('control-owner', row.owner?.id);
    const bySystems: OscalByComponent[] = row.systems
        .filter(s => ctx.data.systems.some(sys => sys.id === s.id))
        .map(s => {
            const by: OscalByComponent = {
                'component-uuid': systemUuid(s.id),
                'uuid': ctx.uuid('by-component', row.controlId, s.id),
                'description': markupMultiline(`${row.controlId} applies to ${s.title ?? s.id}.`, row.controlId)
            };
            if (state) by['implementation-status'] = { state };
            return by;
        });
    const req: OscalSspRequirement = {
        'uuid': ctx.uuid('requirement', row.controlId),
        'control-id': ctx.controlToken(row.controlId),
        'by-components': [byThisSystem, ...bySystems]
    };
    if (state) req.props = [{ name: 'implementation-status', value: state }];
    const links = ctx.evidenceLinks(row);
    if (links) req.links = links;
    if (roles) req['responsible-roles'] = roles;
    if (row.decision === 'excluded') req.remarks = markupMultiline(row.justification, 'Excluded without a recorded justification.');
    else if (row.decision === 'missing') req.remarks = markupMultiline('The statement of applicability has no entry for this control yet.', '');
    else if (row.note) req.remarks = markupMultiline(row.note, '');
    return req;
}
