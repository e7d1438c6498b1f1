/**
 * The check and act halves of the management system as queries: the audit programme's current
 * cycle and what its audits leave unaudited (ISO/IEC 42001 9.2), the state of each nonconformity
 * and its actions (10.2), and the management reviews held (9.3). The validator's rules, the report
 * and the OSCAL assessment results all ask these, so that they agree on every date and gap.
 */
import type { Action, Audit, AuditProgramme, ManagementReview, Nonconformity } from '../language/generated/ast.js';
import { catalog } from '../catalog/catalog.js';
import { addDuration, parseIsoDate } from './dates.js';
import { scopeIncludes, type AimsModel } from './aims-model.js';

/** The main clauses an audit programme must cover within its cycle. */
export const MAIN_CLAUSES = ['4', '5', '6', '7', '8', '9', '10'] as const;

/** The inputs 9.3.2 asks every management review to consider, in the language's words. */
export const REQUIRED_REVIEW_INPUTS = ['previous-actions', 'issues', 'interested-parties', 'nonconformities', 'monitoring', 'audits', 'improvement'] as const;

/** A programme's cycle, `from` inclusive, `to` exclusive. */
export interface AuditCycle {
    readonly from: string;
    readonly to: string;
}

/** What the audits of a programme's current cycle cover, and what they leave out. */
export interface ProgrammeCoverage {
    readonly programme: AuditProgramme;
    readonly cycle: AuditCycle;
    /** The programme's audits dated (conducted or planned) within the cycle, by date. */
    readonly audits: readonly Audit[];
    readonly missingClauses: readonly string[];
    /** Applicable Annex A controls that no audit of the cycle has in its scope. */
    readonly missingControls: readonly string[];
}

/** The day an audit took place, or is planned for. */
export function auditDate(audit: Audit): string | undefined {
    return audit.conducted ?? audit.planned;
}

/** The id a scope or `about` reference names, resolved or not. */
function refId(ref: { ref?: { name: string | number }; $refText: string }): string {
    return String(ref.ref?.name ?? ref.$refText);
}

/** The cycle that contains today: from `starts` on, or the cycle around today if no start is given. */
export function auditCycle(programme: AuditProgramme, today: string): AuditCycle | undefined {
    const count = programme.cycle?.count ?? 12;
    const unit = programme.cycle?.unit ?? 'months';
    if (!programme.starts || parseIsoDate(programme.starts) === undefined) {
        const back = addDuration(today, -count, unit);
        const ahead = addDuration(today, count, unit);
        return back && ahead ? { from: back, to: ahead } : undefined;
    }
    let from = programme.starts;
    // A bounded walk: a cycle of one day over a thousand years still ends.
    for (let i = 0; i < 1000; i++) {
        const to = addDuration(from, count, unit);
        if (!to || to <= from) {
            return undefined;
        }
        if (today < to) {
            return { from, to };
        }
        from = to;
    }
    return undefined;
}

export function programmeCoverage(model: AimsModel, programme: AuditProgramme, today: string): ProgrammeCoverage | undefined {
    const cycle = auditCycle(programme, today);
    if (!cycle) {
        return undefined;
    }
    const audits = model.all('Audit').filter(a => a.programme?.ref === programme)
        .filter(a => { const date = auditDate(a); return date !== undefined && date >= cycle.from && date < cycle.to; })
        .sort((a, b) => auditDate(a)!.localeCompare(auditDate(b)!));
    const scope = audits.flatMap(a => a.scope.map(refId));
    // A clause counts as audited when the scope names it, a sub-clause of it, or a clause above it.
    const missingClauses = MAIN_CLAUSES.filter(clause => !scope.some(s => scopeIncludes(s, clause) || scopeIncludes(clause, s)));
    const missingControls = catalog.annexAControls.map(c => c.id)
        .filter(id => model.soaEntryFor(id)?.decision === 'applicable')
        .filter(id => !scope.some(s => scopeIncludes(s, id)));
    return { programme, cycle, audits, missingClauses, missingControls };
}

/** Reviews that took place by `today`, oldest first. */
export function heldReviews(reviews: readonly ManagementReview[], today: string): ManagementReview[] {
    return reviews.filter(r => r.held && parseIsoDate(r.held) !== undefined && r.held <= today)
        .sort((a, b) => a.held!.localeCompare(b.held!));
}

/** The last review held, and when the next one falls due under the organisation's interval. */
export interface ReviewSchedule {
    /** The reviews held by today, oldest first. */
    readonly held: readonly ManagementReview[];
    readonly last?: ManagementReview;
    /** Undefined when the organisation declares no interval (or no review is held yet). */
    readonly nextDue?: string;
    readonly overdue: boolean;
}

export function reviewSchedule(model: AimsModel, today: string): ReviewSchedule {
    const every = model.organisation()?.managementReviewEvery;
    const held = heldReviews(model.all('ManagementReview'), today);
    const last = held.at(-1);
    const nextDue = last && every ? addDuration(last.held!, every.count, every.unit) : undefined;
    return { held, last, nextDue, overdue: every !== undefined && (!last || (nextDue !== undefined && nextDue < today)) };
}

export function missingReviewInputs(review: ManagementReview): string[] {
    return REQUIRED_REVIEW_INPUTS.filter(input => !review.inputs.includes(input));
}

export function actionOverdue(action: Action, today: string): boolean {
    return !action.done && action.due !== undefined && parseIsoDate(action.due) !== undefined && action.due < today;
}

/** The day by which the organisation's `nonconformities close within` wants this one closed. */
export function closingDeadline(model: AimsModel, nc: Nonconformity): string | undefined {
    const limit = model.organisation()?.nonconformityLimit;
    return limit && nc.raised ? addDuration(nc.raised, limit.count, limit.unit) : undefined;
}

/**
 * A nonconformity's state as a register shows it: `open`, `overdue` (open past the closing
 * deadline or with an overdue action), `closed` with its effectiveness reviewed, or
 * `closed-unverified` without that review.
 */
export type NonconformityState = 'open' | 'overdue' | 'closed' | 'closed-unverified';

export function nonconformityState(model: AimsModel, nc: Nonconformity, today: string): NonconformityState {
    if (nc.closed) {
        return nc.effectivenessReviewed ? 'closed' : 'closed-unverified';
    }
    const deadline = closingDeadline(model, nc);
    return (deadline !== undefined && deadline < today) || nc.actions.some(a => actionOverdue(a, today)) ? 'overdue' : 'open';
}

/** What raised a nonconformity, in words: `audit ia-2026-q3`, `monitoring m-1`, `incident: "..."`. */
export function nonconformitySource(nc: Nonconformity): string | undefined {
    switch (nc.sourceKind) {
        case undefined: return undefined;
        case 'audit': return `audit ${nc.audit?.$refText ?? ''}`.trim();
        case 'monitoring': return `monitoring ${nc.measurement?.$refText ?? ''}`.trim();
        default: return nc.sourceText ? `${nc.sourceKind}: ${nc.sourceText}` : nc.sourceKind;
    }
}
