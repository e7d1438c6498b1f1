/**
 * The report's check and act sections as plain data: the audit programme with its cycle and
 * gaps (ISO/IEC 42001 9.2), the nonconformity register (10.2) and the last management review
 * (9.3). Collected through src/model/management-system.ts, the same queries the rules use.
 */
import type { Action, Audit, ManagementReview, Nonconformity } from '../language/generated/ast.js';
import type { AimsModel } from '../model/aims-model.js';
import {
    actionOverdue, auditDate, closingDeadline, missingReviewInputs, nonconformitySource, nonconformityState, programmeCoverage,
    reviewSchedule, type NonconformityState
} from '../model/management-system.js';
import type { Ref, SourceLocation } from './aims-report-data.js';

export interface ActionRow {
    readonly title: string;
    readonly owner?: Ref;
    readonly due?: string;
    readonly done?: string;
    readonly overdue: boolean;
}

export type AuditFindingKind = 'major-nonconformity' | 'minor-nonconformity' | 'observation' | 'opportunity';

export interface AuditFindingRow {
    readonly kind: AuditFindingKind;
    readonly title: string;
    readonly about: readonly string[];
    readonly nonconformity?: string;
}

export interface AuditRow {
    readonly id: string;
    readonly title: string;
    readonly programme?: string;
    readonly state: 'conducted' | 'planned' | 'undated';
    /** The day it was conducted (or starts), else the day it is planned for. */
    readonly date?: string;
    readonly until?: string;
    readonly scope: readonly string[];
    readonly auditors: readonly Ref[];
    readonly audited: readonly Ref[];
    readonly findings: readonly AuditFindingRow[];
    /** Evidence the audit links (its report, working papers). */
    readonly evidence: readonly string[];
    readonly location?: SourceLocation;
}

export interface AuditProgrammeRow {
    readonly id: string;
    readonly title: string;
    readonly owner?: Ref;
    /** `12 months`. */
    readonly cycle: string;
    readonly cycleFrom?: string;
    readonly cycleTo?: string;
    readonly criteria?: string;
    /** Audits of the programme dated in the current cycle. */
    readonly auditsInCycle: readonly string[];
    readonly missingClauses: readonly string[];
    readonly missingControls: readonly string[];
    readonly location?: SourceLocation;
}

export interface NonconformityRow {
    readonly id: string;
    readonly title: string;
    readonly state: NonconformityState;
    readonly source?: string;
    readonly about: readonly string[];
    readonly raised?: string;
    /** When the organisation's `nonconformities close within` wants it closed. */
    readonly closeBy?: string;
    readonly owner?: Ref;
    readonly description?: string;
    readonly correction?: string;
    readonly rootCause?: string;
    readonly actions: readonly ActionRow[];
    readonly closed?: string;
    readonly effectivenessReviewed?: string;
    readonly effectivenessReviewer?: Ref;
    readonly effectiveness?: string;
    readonly location?: SourceLocation;
}

export interface ManagementReviewRow {
    readonly id: string;
    readonly title: string;
    readonly held?: string;
    readonly chair?: Ref;
    readonly participants: readonly Ref[];
    readonly inputs: readonly string[];
    /** Inputs 9.3.2 lists that the review does not record. */
    readonly missingInputs: readonly string[];
    readonly decisions: readonly string[];
    readonly actions: readonly ActionRow[];
    readonly location?: SourceLocation;
}

export interface ManagementSystemData {
    readonly programmes: readonly AuditProgrammeRow[];
    /** Every audit, by date (undated last). */
    readonly audits: readonly AuditRow[];
    /** Open first (overdue before open), then closed; by raised date within each. */
    readonly nonconformities: readonly NonconformityRow[];
    readonly lastReview?: ManagementReviewRow;
    /** The organisation's `management-review every`, in words (`12 months`). */
    readonly reviewInterval?: string;
    readonly nextReviewDue?: string;
    readonly reviewOverdue: boolean;
    readonly reviewsHeld: number;
}

type Locate = (node: Audit | Nonconformity | ManagementReview | { $type: string }) => SourceLocation | undefined;
type RefOf = (ref: { ref?: { name: string; title: string }; $refText: string } | undefined) => Ref | undefined;

const STATE_ORDER: readonly NonconformityState[] = ['overdue', 'open', 'closed-unverified', 'closed'];

export function collectManagementSystem(model: AimsModel, today: string, locate: Locate, refOf: RefOf): ManagementSystemData {
    const refs = (list: ReadonlyArray<{ ref?: { name: string; title: string }; $refText: string }>) => list.map(r => refOf(r)!);
    const ids = (list: ReadonlyArray<{ ref?: { name: string | number }; $refText: string }>) => list.map(r => String(r.ref?.name ?? r.$refText));
    const actionRow = (a: Action): ActionRow => ({
        title: a.title, owner: refOf(a.owner), due: a.due, done: a.done, overdue: actionOverdue(a, today)
    });

    const programmes = model.all('AuditProgramme').map((programme): AuditProgrammeRow => {
        const coverage = programmeCoverage(model, programme, today);
        return {
            id: programme.name, title: programme.title, owner: refOf(programme.owner),
            cycle: programme.cycle ? `${programme.cycle.count} ${programme.cycle.unit}` : '12 months',
            cycleFrom: coverage?.cycle.from, cycleTo: coverage?.cycle.to, criteria: programme.criteria,
            auditsInCycle: coverage?.audits.map(a => a.name) ?? [],
            missingClauses: coverage?.missingClauses ?? [], missingControls: coverage?.missingControls ?? [],
            location: locate(programme)
        };
    });

    const audits = model.all('Audit')
        .map((audit): AuditRow => ({
            id: audit.name, title: audit.title, programme: audit.programme?.$refText,
            state: audit.conducted ? 'conducted' : audit.planned ? 'planned' : 'undated',
            date: auditDate(audit), until: audit.conductedUntil,
            scope: ids(audit.scope), auditors: refs(audit.auditors), audited: refs(audit.audited),
            // A finding still being typed (no kind yet) is not one to report.
            findings: audit.findings.filter(f => f.kind).map(f => ({
                kind: f.kind as AuditFindingKind, title: f.title, about: ids(f.about), nonconformity: f.nonconformity?.$refText
            })),
            evidence: ids(audit.evidence),
            location: locate(audit)
        }))
        .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));

    const nonconformities = model.all('Nonconformity')
        .map((nc): NonconformityRow => ({
            id: nc.name, title: nc.title, state: nonconformityState(model, nc, today), source: nonconformitySource(nc),
            about: ids(nc.about), raised: nc.raised, closeBy: nc.closed ? undefined : closingDeadline(model, nc),
            owner: refOf(nc.owner), description: nc.description, correction: nc.correction, rootCause: nc.rootCause,
            actions: nc.actions.map(actionRow), closed: nc.closed,
            effectivenessReviewed: nc.effectivenessReviewed, effectivenessReviewer: refOf(nc.effectivenessReviewer),
            effectiveness: nc.effectiveness, location: locate(nc)
        }))
        .sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || (a.raised ?? '').localeCompare(b.raised ?? ''));

    const schedule = reviewSchedule(model, today);
    const last = schedule.last;
    const every = model.organisation()?.managementReviewEvery;
    return {
        programmes,
        audits,
        nonconformities,
        lastReview: last && {
            id: last.name, title: last.title, held: last.held, chair: refOf(last.chair), participants: refs(last.participants),
            inputs: [...last.inputs], missingInputs: missingReviewInputs(last), decisions: [...last.decisions],
            actions: last.actions.map(actionRow), location: locate(last)
        },
        reviewInterval: every ? `${every.count} ${every.unit}` : undefined,
        nextReviewDue: schedule.nextDue,
        reviewOverdue: schedule.overdue,
        reviewsHeld: schedule.held.length
    };
}
