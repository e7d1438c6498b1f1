/**
 * The statement of applicability: one decided entry per Annex A control, a reason for every
 * exclusion, evidence for every implemented control.
 */
import type { ValidationAcceptor } from 'langium';
import type { ControlApplication } from '../../language/generated/ast.js';
import { catalog } from '../../catalog/catalog.js';
import { controlIdOf } from '../../model/aims-model.js';
import { RULES } from '../rules.js';
import { report, where, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function soa(context: CheckContext): DomainChecks {
    return {
        fast: {
            ControlApplication: [exclusionMustBeJustified, entryShouldBeDecided, implementedControlShouldHaveEvidence]
        },
        workspace: [
            () => soaMustCoverAnnexA(context),
            () => controlMustHaveOneEntry(context)
        ]
    };
}

function exclusionMustBeJustified(entry: ControlApplication, accept: ValidationAcceptor): void {
    if (entry.decision === 'excluded' && !entry.justification?.trim()) {
        const id = controlIdOf(entry);
        report(accept, RULES.exclusionWithoutJustification, `${id} is excluded without a justification: add because "..." saying why it does not apply.`, { node: entry, keyword: 'excluded', data: { control: id } });
    }
}

function entryShouldBeDecided(entry: ControlApplication, accept: ValidationAcceptor): void {
    if (entry.decision === 'undecided') {
        const id = controlIdOf(entry);
        report(accept, RULES.soaUndecided, `${id} awaits a decision: mark it applicable (with status, owner and evidence) or excluded because "...".`, { node: entry, keyword: 'undecided', data: { control: id } });
    }
}

function implementedControlShouldHaveEvidence(entry: ControlApplication, accept: ValidationAcceptor): void {
    if (entry.decision === 'applicable' && entry.status === 'implemented' && entry.evidence.length === 0) {
        const id = controlIdOf(entry);
        report(accept, RULES.implementedWithoutEvidence, `${id} is implemented but links no evidence: add evidence <name> to show that it works.`, { node: entry, property: 'status', data: { control: id } });
    }
}

function soaMustCoverAnnexA({ model }: CheckContext): WorkspaceFinding[] {
    const coverage = model.soaCoverage();
    if (coverage.missing.length === 0) {
        return [];
    }
    const soa = model.all('StatementOfApplicability')[0];
    const host = soa ?? model.organisation();
    if (!host) {
        // A loose file without organisation or SoA is not a whole AIMS; nothing to complete.
        return [];
    }
    // Titles help with a few gaps; with many, ids alone keep the message readable (the quick fix adds them all).
    const list = coverage.missing.length <= 10
        ? coverage.missing.map(id => `${id} (${catalog.get('annex-a-control', id)?.title})`).join(', ')
        : coverage.missing.join(', ');
    const subject = soa ? 'The statement of applicability' : 'This AIMS has no statement of applicability; it';
    return [{
        rule: RULES.soaIncomplete, node: host,
        ...(soa ? { keyword: 'soa' } : { property: 'name' }),
        message: `${subject} lacks ${coverage.missing.length} of ${coverage.total} Annex A controls: ${list}. Each needs an entry: applicable, or excluded because "...".`,
        data: { missing: coverage.missing }
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
