/**
 * `aims export oscal --model assessment-results`: the internal audits (ISO/IEC 42001 9.2) as
 * OSCAL assessment results. Each conducted audit is a result: its scope the reviewed controls,
 * every audit finding an observation, and every nonconformity found also an OSCAL finding whose
 * target (the first clause or control it is about) is not satisfied. Observations and
 * opportunities stay observations: an audit that notes something asserts no conclusion about
 * the control, and the export claims none. The plan the results import is the audit programme,
 * written as a back-matter resource since the AIMS keeps no separate OSCAL assessment plan.
 */
import { catalog } from '../catalog/catalog.js';
import { scopeIncludes } from '../model/aims-model.js';
import type { ReportData } from '../report/aims-report-data.js';
import type { AuditFindingRow, AuditRow } from '../report/management-system-data.js';
import { AIMS_NS, OscalContext, type OscalExportOptions } from './oscal-context.js';
import { markupLine, markupMultiline, oscalString } from './oscal-text.js';
import type {
    OscalAssessmentResults, OscalControlSelection, OscalFinding, OscalObservation, OscalOrigin, OscalProperty, OscalResource, OscalResult
} from './oscal-types.js';

/** Thrown when there is nothing an assessment-results document could truthfully hold. */
export class OscalNothingToExport extends Error {}

const AUDIT_ROLES = [
    { id: 'assessor', title: 'Internal auditor', description: 'Conducts an internal audit of the AI management system (ISO/IEC 42001 9.2).' },
    { id: 'audited', title: 'Auditee', description: 'A person or team whose work an internal audit examines.' }
];

export function oscalAssessmentResults(data: ReportData, options: OscalExportOptions): { 'assessment-results': OscalAssessmentResults } {
    const ms = data.managementSystem;
    const conducted = ms.audits.filter(a => a.state === 'conducted' && a.date);
    if (conducted.length === 0) {
        throw new OscalNothingToExport(`no audit is recorded as conducted${ms.audits.length > 0 ? ` (${ms.audits.length} planned or undated)` : ''}, so there are no assessment results to export: record conducted <date> on an audit once it took place`);
    }
    const ctx = new OscalContext(data, options);
    const metadata = ctx.metadata(`${ctx.orgTitle}: internal audit results`, true);
    metadata.roles = [...metadata.roles ?? [], ...AUDIT_ROLES];
    const planUuid = ctx.uuid('audit-programme-resource');
    const plan: OscalResource = {
        uuid: planUuid,
        title: markupLine(`${ctx.orgTitle}: internal audit programme`, 'Internal audit programme'),
        description: markupMultiline(ms.programmes.length === 0
            ? 'The workspace declares no audit programme; the audits below stand on their own.'
            : ms.programmes.map(p => `Programme '${p.id}' (${p.title}): cycle ${p.cycle}${p.cycleFrom ? `, current cycle ${p.cycleFrom} to ${p.cycleTo}` : ''}${p.criteria ? `; criteria: ${p.criteria}` : ''}.`).join('\n\n'), 'Internal audit programme.'),
        props: [{ name: 'type', value: 'plan' }]
    };
    const results = conducted.map(audit => result(ctx, data, audit));
    return {
        'assessment-results': {
            'uuid': ctx.uuid('assessment-results'),
            'metadata': metadata,
            'import-ap': {
                href: `#${planUuid}`,
                remarks: markupMultiline('The AIMS keeps its audit programme in .aims files rather than as an OSCAL assessment plan; the back-matter resource describes it.', '')
            },
            'results': results,
            'back-matter': { resources: [plan, ctx.catalogResource(), ...ctx.evidenceResources()] }
        }
    };
}

function result(ctx: OscalContext, data: ReportData, audit: AuditRow): OscalResult {
    const clauses = audit.scope.filter(id => /^\d/.test(id));
    const controls = controlsInScope(data, audit.scope);
    const selection: OscalControlSelection = controls.length > 0
        ? { 'include-controls': controls.map(id => ({ 'control-id': ctx.controlToken(id) })) }
        : {
            'description': markupMultiline(`Only management-system clauses are in scope (${clauses.join(', ')}); they are requirements of ISO/IEC 42001, not controls of the exported catalog.`, ''),
            'include-controls': clauses.map(id => ({ 'control-id': ctx.controlToken(`clause-${id}`) })),
            'remarks': markupMultiline('Clause ids, prefixed clause-, which the exported control catalog does not carry.', '')
        };
    const props: OscalProperty[] = [
        { name: 'audit-id', ns: AIMS_NS, value: oscalString(audit.id, 'audit') },
        ...audit.programme ? [{ name: 'audit-programme', ns: AIMS_NS, value: oscalString(audit.programme, 'programme') }] : [],
        ...clauses.map(id => ({ name: 'clause', ns: AIMS_NS, value: id }))
    ];
    const origins = auditorOrigins(ctx, audit);
    const observations = audit.findings.map((finding, i) => observation(ctx, audit, finding, i, origins));
    const findings = audit.findings.flatMap((finding, i) => finding.kind.endsWith('-nonconformity') ? [nonconformityFinding(ctx, audit, finding, i, observations[i].uuid, origins)] : []);
    const who = [
        audit.auditors.length > 0 ? `auditor${audit.auditors.length === 1 ? '' : 's'} ${audit.auditors.map(r => r.title ?? r.id).join(', ')}` : 'no auditor named',
        audit.audited.length > 0 ? `audited ${audit.audited.map(r => r.title ?? r.id).join(', ')}` : undefined
    ].filter(Boolean).join('; ');
    const r: OscalResult = {
        'uuid': ctx.uuid('result', audit.id),
        'title': markupLine(audit.title, audit.id),
        'description': markupMultiline(`Internal audit '${audit.id}' with scope ${audit.scope.join(', ') || 'not given'}; ${who}.`, audit.id),
        'start': `${audit.date}T00:00:00Z`,
        'end': `${audit.until ?? audit.date}T23:59:59Z`,
        'props': props,
        'reviewed-controls': { 'control-selections': [selection] }
    };
    const known = new Set(data.evidence.map(e => e.id));
    const links = audit.evidence.filter(id => known.has(id)).map(id => ({ href: `#${ctx.evidenceUuid(id)}`, rel: 'evidence', text: markupLine(data.evidence.find(e => e.id === id)?.title, id) }));
    if (links.length > 0) r.links = links;
    if (observations.length > 0) r.observations = observations;
    if (findings.length > 0) r.findings = findings;
    if (audit.findings.length === 0) r.remarks = markupMultiline('The audit recorded no findings.', '');
    return r;
}

/** The Annex A and organisation controls a scope names, directly or through a group (`A.6`). */
function controlsInScope(data: ReportData, scope: readonly string[]): string[] {
    const ids = [...catalog.annexAControls.map(c => c.id), ...data.soa.filter(row => row.kind === 'organisation').map(row => row.controlId)];
    return ids.filter(id => scope.some(s => !/^\d/.test(s) && scopeIncludes(s, id)));
}

function auditorOrigins(ctx: OscalContext, audit: AuditRow): OscalOrigin[] | undefined {
    const actors = audit.auditors
        .map(ref => ctx.partyUuid(ref.id))
        .filter((uuid): uuid is string => uuid !== undefined)
        .map(uuid => ({ 'type': 'party' as const, 'actor-uuid': uuid, 'role-id': 'assessor' }));
    return actors.length > 0 ? [{ actors }] : undefined;
}

function observation(ctx: OscalContext, audit: AuditRow, finding: AuditFindingRow, index: number, origins: OscalOrigin[] | undefined): OscalObservation {
    const o: OscalObservation = {
        'uuid': ctx.uuid('observation', audit.id, String(index)),
        'title': markupLine(finding.title, `${audit.id} finding ${index + 1}`),
        'description': markupMultiline(`${KIND_WORDS[finding.kind]} of audit '${audit.id}'${finding.about.length > 0 ? ` about ${finding.about.join(', ')}` : ''}: ${finding.title}`, finding.title),
        'props': [{ name: 'finding-kind', ns: AIMS_NS, value: finding.kind }, ...finding.about.map(id => ({ name: 'about', ns: AIMS_NS, value: oscalString(id, id) }))],
        // The .aims file does not record how the auditor established it.
        'methods': ['UNKNOWN'],
        'types': [finding.kind.endsWith('-nonconformity') ? 'finding' : 'discovery'],
        'collected': `${audit.until ?? audit.date}T00:00:00Z`
    };
    if (origins) o.origins = origins;
    const subjects = audit.audited
        .map(ref => ({ uuid: ctx.partyUuid(ref.id), title: ref.title ?? ref.id }))
        .filter((s): s is { uuid: string; title: string } => s.uuid !== undefined)
        .map(s => ({ 'subject-uuid': s.uuid, 'type': 'party', 'title': markupLine(s.title, 'auditee') }));
    if (subjects.length > 0) o.subjects = subjects;
    return o;
}

function nonconformityFinding(ctx: OscalContext, audit: AuditRow, finding: AuditFindingRow, index: number, observationUuid: string, origins: OscalOrigin[] | undefined): OscalFinding {
    const target = finding.about[0];
    const f: OscalFinding = {
        'uuid': ctx.uuid('finding', audit.id, String(index)),
        'title': markupLine(finding.title, `${audit.id} finding ${index + 1}`),
        'description': markupMultiline(`${KIND_WORDS[finding.kind]} found by audit '${audit.id}'${finding.nonconformity ? `, recorded as nonconformity '${finding.nonconformity}'` : ', with no nonconformity record yet'}.`, finding.title),
        'props': [
            { name: 'finding-kind', ns: AIMS_NS, value: finding.kind },
            ...finding.nonconformity ? [{ name: 'nonconformity', ns: AIMS_NS, value: oscalString(finding.nonconformity, 'nonconformity') }] : []
        ],
        'target': {
            'type': 'objective-id',
            'target-id': ctx.controlToken(target === undefined ? 'unspecified' : /^\d/.test(target) ? `clause-${target}` : target),
            'status': { state: 'not-satisfied', reason: 'fail' },
            ...finding.about.length > 1 ? { remarks: markupMultiline(`Also about ${finding.about.slice(1).join(', ')}.`, '') } : {}
        },
        'related-observations': [{ 'observation-uuid': observationUuid }]
    };
    if (origins) f.origins = origins;
    return f;
}

const KIND_WORDS: Record<AuditFindingRow['kind'], string> = {
    'major-nonconformity': 'Major nonconformity',
    'minor-nonconformity': 'Minor nonconformity',
    'observation': 'Observation',
    'opportunity': 'Opportunity for improvement'
};
