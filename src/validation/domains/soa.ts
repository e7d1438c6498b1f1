/**
 * The statement of applicability: one decided entry per Annex A control, a reason for every
 * exclusion, evidence for every implemented control. The same rules hold for the ISO/IEC 27001
 * SoA of a workspace that keeps one (`soa iso27001 { ... }`), each block for its own Annex A.
 */
import type { ValidationAcceptor } from 'langium';
import type { ControlApplication } from '../../language/generated/ast.js';
import { catalog } from '../../catalog/catalog.js';
import { controlIdOf, isMisplacedEntry, SOA_STANDARD_LABEL, standardOfControl, type SoaStandard } from '../../model/aims-model.js';
import { RULES } from '../rules.js';
import { report, where, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function soa(context: CheckContext): DomainChecks {
    return {
        fast: {
            ControlApplication: [exclusionMustBeJustified, entryShouldBeDecided, entryMustMatchStandard]
        },
        workspace: [
            () => soaMustCoverAnnexA(context, 'iso42001'),
            () => soaMustCoverAnnexA(context, 'iso27001'),
            () => controlMustHaveOneEntry(context),
            // Evidence may be linked from the evidence's side (`supports`), often in another file.
            () => implementedControlShouldHaveEvidence(context),
            () => inclusionShouldBeJustified(context),
            () => exclusionShouldBePlausible(context),
            () => soaShouldBeApproved(context, 'iso42001'),
            () => soaShouldBeApproved(context, 'iso27001')
        ]
    };
}

function exclusionMustBeJustified(entry: ControlApplication, accept: ValidationAcceptor): void {
    if (entry.decision === 'excluded' && !entry.justification?.trim()) {
        const id = controlIdOf(entry);
        report(accept, RULES.exclusionWithoutJustification, `${id} is excluded without a justification: add because "..." saying why it does not apply.`, { node: entry, keyword: 'excluded', data: { control: id } });
    }
}

/** `soa { ... }` decides ISO/IEC 42001 Annex A and `soa iso27001 { ... }` ISO/IEC 27001's; organisation controls may stand in either. */
function entryMustMatchStandard(entry: ControlApplication, accept: ValidationAcceptor): void {
    if (!isMisplacedEntry(entry)) {
        return;
    }
    const id = controlIdOf(entry);
    const standard = standardOfControl(id)!;
    const where = standard === 'iso42001' ? 'the ISO/IEC 27001 statement of applicability (soa iso27001)' : 'the ISO/IEC 42001 statement of applicability';
    const home = standard === 'iso27001' ? 'soa iso27001 { ... }' : 'a soa { ... } block without iso27001';
    report(accept, RULES.soaWrongStandard, `${id} is a control of ${SOA_STANDARD_LABEL[standard]}, so it has no place in ${where}: decide it in ${home}.`,
        { node: entry, property: 'control', data: { control: id } });
}

function entryShouldBeDecided(entry: ControlApplication, accept: ValidationAcceptor): void {
    if (entry.decision === 'undecided') {
        const id = controlIdOf(entry);
        report(accept, RULES.soaUndecided, `${id} awaits a decision: mark it applicable (with status, owner and evidence) or excluded because "...".`, { node: entry, keyword: 'undecided', data: { control: id } });
    }
}

/** Counts the control's evidence as AimsModel.evidenceFor does: linked here or `supports` there. */
function implementedControlShouldHaveEvidence({ model }: CheckContext): WorkspaceFinding[] {
    return model.soaEntries()
        .filter(entry => entry.decision === 'applicable' && entry.status === 'implemented' && entry.evidence.length === 0
            && model.evidenceFor(controlIdOf(entry)).length === 0)
        .map(entry => {
            const id = controlIdOf(entry);
            return {
                rule: RULES.implementedWithoutEvidence, node: entry, property: 'status', data: { control: id },
                message: `${id} is implemented but links no evidence: add evidence <name> to show that it works. Evidence that lists ${id} under supports counts too.`
            };
        });
}

/** 6.1.3 asks why each control is included: a reason of its own, or a risk it treats. */
function inclusionShouldBeJustified({ model }: CheckContext): WorkspaceFinding[] {
    return model.soaEntries()
        .filter(entry => entry.decision === 'applicable' && !entry.justification?.trim() && entry.risks.length === 0
            && model.risksTreatedBy(controlIdOf(entry)).length === 0)
        .map(entry => ({
            rule: RULES.inclusionWithoutJustification, node: entry, keyword: 'applicable', data: { control: controlIdOf(entry) },
            message: `${controlIdOf(entry)} is applicable, but nothing says why: add because "..." after applicable, or name a risk it treats.`
        }));
}

/** Reasons that tell an auditor nothing. */
const EMPTY_REASONS = new Set(['', 'n/a', 'na', 'none', 'not needed', 'not applicable', 'not relevant', 'no need', 'tbd', 'todo', '-', '--']);

/** Excluded controls that other declarations make hard to exclude: what an auditor would ask. */
function exclusionShouldBePlausible({ model }: CheckContext): WorkspaceFinding[] {
    const suppliers = model.all('Supplier');
    const highRisk = model.all('AiSystem').filter(system => system.euCategory === 'high');
    const policies = model.all('Policy');
    const findings: WorkspaceFinding[] = [];
    for (const entry of model.soaEntries()) {
        if (entry.decision !== 'excluded' || !entry.justification?.trim()) {
            continue;
        }
        const id = controlIdOf(entry);
        const reasons: string[] = [];
        if (id === 'A.10.3' && suppliers.length > 0) {
            reasons.push(`the workspace declares ${names(suppliers)} as supplier${suppliers.length === 1 ? '' : 's'}, and A.10.3 is about how suppliers' AI contributions are managed`);
        }
        if (['A.5.2', 'A.5.3', 'A.5.4', 'A.5.5'].includes(id) && highRisk.length > 0) {
            reasons.push(`${names(highRisk)} ${highRisk.length === 1 ? 'is a' : 'are'} high-risk system${highRisk.length === 1 ? '' : 's'} under the EU AI Act, whose impacts must be assessed`);
        }
        if (id === 'A.2.2' && policies.length > 0) {
            reasons.push(`the workspace declares ${names(policies)} as polic${policies.length === 1 ? 'y' : 'ies'}, so an AI policy exists`);
        }
        const reason = entry.justification.trim().toLowerCase().replace(/[.!]+$/, '');
        if (EMPTY_REASONS.has(reason) || reason.split(/\s+/).length < 3) {
            reasons.push(`the reason "${entry.justification.trim()}" does not say why the control does not apply`);
        }
        if (reasons.length > 0) {
            findings.push({
                rule: RULES.implausibleExclusion, node: entry, property: 'justification', data: { control: id },
                message: `${id} is excluded, but ${reasons.join('; and ')}. Make it applicable, or give a justification that answers this.`
            });
        }
    }
    return findings;
}

function names(elements: ReadonlyArray<{ name: string }>): string {
    const shown = elements.slice(0, 3).map(e => `'${e.name}'`).join(', ');
    return elements.length > 3 ? `${shown} and ${elements.length - 3} more` : shown;
}

/** 6.1.3 (and ISO/IEC 27001 6.1.3 for an ISMS): each statement of applicability is approved; one approval in any of its blocks counts. */
function soaShouldBeApproved({ model }: CheckContext, standard: SoaStandard): WorkspaceFinding[] {
    const blocks = model.soaBlocks(standard);
    // Approval is a matter of the whole AIMS: loose SoA files (no organisation) are not checked.
    if (blocks.length === 0 || !model.organisation() || blocks.some(soa => soa.approved)) {
        return [];
    }
    const which = standard === 'iso27001' ? 'The ISO/IEC 27001 statement of applicability' : 'The statement of applicability';
    return [{
        rule: RULES.soaNotApproved, node: blocks[0], keyword: 'soa',
        message: `${which} records no approval: add approved <date> by <person> version "..." to it, as approved by top management${standard === 'iso27001' ? '' : ' or the AI board'}.`
    }];
}

function soaMustCoverAnnexA({ model }: CheckContext, standard: SoaStandard): WorkspaceFinding[] {
    const soa = model.soaBlocks(standard)[0];
    // ISO/IEC 27001 Annex A is asked for only by a workspace that keeps its SoA.
    if (standard === 'iso27001' && !soa) {
        return [];
    }
    const coverage = model.soaCoverage(standard);
    if (coverage.missing.length === 0) {
        return [];
    }
    const host = soa ?? model.organisation();
    if (!host) {
        // A loose file without organisation or SoA is not a whole AIMS; nothing to complete.
        return [];
    }
    const kind = standard === 'iso27001' ? 'iso27001-control' : 'annex-a-control';
    // Titles help with a few gaps; with many, ids alone keep the message readable (the quick fix adds them all).
    const list = coverage.missing.length <= 10
        ? coverage.missing.map(id => `${id} (${catalog.get(kind, id)?.title})`).join(', ')
        : coverage.missing.join(', ');
    const subject = standard === 'iso27001' ? 'The ISO/IEC 27001 statement of applicability'
        : soa ? 'The statement of applicability' : 'This AIMS has no statement of applicability; it';
    return [{
        rule: RULES.soaIncomplete, node: host,
        ...(soa ? { keyword: 'soa' } : { property: 'name' }),
        message: `${subject} lacks ${coverage.missing.length} of ${coverage.total} ${standard === 'iso27001' ? SOA_STANDARD_LABEL.iso27001 : 'Annex A'} controls: ${list}. Each needs an entry: applicable, or excluded because "...".`,
        data: { missing: coverage.missing, standard }
    }];
}

function controlMustHaveOneEntry({ model }: CheckContext): WorkspaceFinding[] {
    const findings: WorkspaceFinding[] = [];
    for (const [id, entries] of model.soaByControl()) {
        for (const entry of entries.slice(1)) {
            findings.push({
                rule: RULES.soaDuplicate, node: entry, property: 'control',
                message: `${id} already has a statement of applicability entry (${where(entries[0])}); keep one entry per control.`
            });
        }
    }
    return findings;
}
