/**
 * Internal audit (ISO/IEC 42001 9.2): the programme's audits cover the whole management system
 * within its cycle, auditors do not audit their own work, and every nonconformity an audit
 * finds has a nonconformity record.
 */
import type { ValidationAcceptor } from 'langium';
import type { Accountable, Audit, AuditFinding } from '../../language/generated/ast.js';
import { programmeCoverage } from '../../model/management-system.js';
import { controlIdOf, scopeIncludes, type AimsModel } from '../../model/aims-model.js';
import { RULES } from '../rules.js';
import { report, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function audit(context: CheckContext): DomainChecks {
    return {
        fast: {
            Audit: [auditShouldHaveScopeAndAuditor],
            AuditFinding: [findingShouldNameWhatItIsAbout, nonconformityFindingMustHaveRecord]
        },
        workspace: [
            () => programmeShouldCoverTheSystem(context),
            () => auditorMustBeIndependent(context)
        ]
    };
}

function auditShouldHaveScopeAndAuditor(audit: Audit, accept: ValidationAcceptor): void {
    if (audit.scope.length === 0) {
        report(accept, RULES.missingField, `Audit '${audit.name}' has no scope: add scope <clause or control>, ... (ISO/IEC 42001 9.2.2).`, { node: audit, property: 'name' });
    }
    if (audit.auditors.length === 0) {
        report(accept, RULES.missingField, `Audit '${audit.name}' names no auditor: add auditor <person>.`, { node: audit, property: 'name' });
    }
    if (!audit.conducted && !audit.planned) {
        report(accept, RULES.missingField, `Audit '${audit.name}' has no date: add planned <date>, or conducted <date> once it took place.`, { node: audit, property: 'name' });
    }
}

function findingShouldNameWhatItIsAbout(finding: AuditFinding, accept: ValidationAcceptor): void {
    if (finding.about.length === 0) {
        report(accept, RULES.missingField, `This finding names no clause or control: add about <clause or control> to the finding.`, { node: finding, property: 'kind' });
    }
}

function nonconformityFindingMustHaveRecord(finding: AuditFinding, accept: ValidationAcceptor): void {
    if (finding.kind.endsWith('-nonconformity') && !finding.nonconformity) {
        report(accept, RULES.findingWithoutNonconformity, `A ${finding.kind.replace('-', ' ')} needs a nonconformity record: declare one with source audit ${finding.$container.name} and link it here with nonconformity <name> (ISO/IEC 42001 10.2).`, {
            node: finding, property: 'kind', data: { audit: finding.$container.name }
        });
    }
}

function programmeShouldCoverTheSystem({ model, settings }: CheckContext): WorkspaceFinding[] {
    const today = settings.today();
    const findings: WorkspaceFinding[] = [];
    for (const programme of model.all('AuditProgramme')) {
        const coverage = programmeCoverage(model, programme, today);
        if (!coverage) {
            continue;
        }
        const { cycle, audits, missingClauses, missingControls } = coverage;
        if (missingClauses.length + missingControls.length === 0) {
            continue;
        }
        const parts = [
            ...missingClauses.length > 0 ? [`clause${missingClauses.length === 1 ? '' : 's'} ${missingClauses.join(', ')}`] : [],
            ...missingControls.length > 0 ? [`${missingControls.length} applicable control${missingControls.length === 1 ? '' : 's'} (${missingControls.join(', ')})`] : []
        ];
        findings.push({
            rule: RULES.auditProgrammeIncomplete, node: programme, property: 'name',
            message: `The audits of programme '${programme.name}' in its cycle ${cycle.from} to ${cycle.to} (${audits.length} audit${audits.length === 1 ? '' : 's'}) leave ${parts.join(' and ')} unaudited: add them to the scope of an audit planned in the cycle.`,
            data: { missing: [...missingClauses, ...missingControls] }
        });
    }
    return findings;
}

/** Who may not audit: the people audited, and the owners of controls in the audit's scope. */
function auditorMustBeIndependent({ model }: CheckContext): WorkspaceFinding[] {
    const findings: WorkspaceFinding[] = [];
    for (const audit of model.all('Audit')) {
        const scope = audit.scope.map(ref => String(ref.ref?.name ?? ref.$refText));
        audit.auditors.forEach((ref, index) => {
            const auditor = ref.ref;
            if (!auditor) {
                return;
            }
            const reason = audit.audited.some(a => sameOrMember(a.ref, auditor))
                ? `${auditor.name} is also among the audited`
                : ownedInScope(model, scope, auditor);
            if (reason) {
                findings.push({
                    rule: RULES.auditorNotIndependent, node: audit, property: 'auditors', index,
                    message: `Audit '${audit.name}': ${reason}, so they would audit their own work. Choose an auditor who is neither audited nor owner of anything in the scope (ISO/IEC 42001 9.2.2).`
                });
            }
        });
    }
    return findings;
}

function sameOrMember(audited: Accountable | undefined, auditor: Accountable): boolean {
    if (!audited) {
        return false;
    }
    if (audited === auditor) {
        return true;
    }
    // An auditor in an audited team audits that team's work.
    return audited.$type === 'Team' && (audited.lead?.ref === auditor || audited.members.some(m => m.ref === auditor));
}

function ownedInScope(model: AimsModel, scope: string[], auditor: Accountable): string | undefined {
    const owned = model.soaEntries()
        .filter(entry => entry.owner?.ref === auditor && scope.some(s => scopeIncludes(s, controlIdOf(entry))))
        .map(controlIdOf);
    return owned.length > 0 ? `${auditor.name} owns ${owned.slice(0, 5).join(', ')}${owned.length > 5 ? ' ...' : ''} in the statement of applicability, which the audit's scope includes` : undefined;
}
