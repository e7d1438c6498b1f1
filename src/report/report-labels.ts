/**
 * The words the reports use for the engine's states, shared by the HTML and Markdown reports so
 * that both say the same thing.
 */
import type { Freshness } from '../model/aims-model.js';
import type { CoverageLevel } from '../model/mappings.js';
import type { EvidenceLink, FindingSeverity, ImpactAssessmentState, NistSubcategoryRow, RiskLevel, SoaRow } from './aims-report-data.js';

/** One word or two for an SoA row's state: its status when applicable, else its decision. */
export function soaStateLabel(row: Pick<SoaRow, 'decision' | 'status'>): string {
    switch (row.decision) {
        case 'applicable':
            return row.status === 'implemented' ? 'Implemented'
                : row.status === 'in-progress' ? 'In progress'
                : row.status === 'planned' ? 'Planned'
                : 'Applicable';
        case 'excluded': return 'Excluded';
        case 'undecided': return 'Undecided';
        case 'missing': return 'No entry';
    }
}

/** A stable class name for the same state (`implemented`, `in-progress`, `excluded`, ...). */
export function soaStateKey(row: Pick<SoaRow, 'decision' | 'status'>): string {
    return row.decision === 'applicable' ? (row.status ?? 'applicable') : row.decision;
}

export const COVERAGE_LEVEL_LABEL: Record<CoverageLevel, string> = {
    'covered': 'Covered',
    'partly-covered': 'Partly covered',
    'not-covered': 'Not covered'
};

export { COVERAGE_LEVELS } from '../model/mappings.js';

/** A relation in words: `subset-of` -> `subset of`. */
export function relationLabel(relation: string): string {
    return relation.replace(/-/g, ' ');
}

export const LEVEL_LABEL: Record<RiskLevel, string> = {
    low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical'
};

export const SEVERITY_LABEL: Record<FindingSeverity, string> = {
    error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint'
};

export const IMPACT_ASSESSMENT_LABEL: Record<ImpactAssessmentState, string> = {
    'current': 'Current',
    'review-overdue': 'Review overdue',
    'missing': 'Missing',
    'none': 'None'
};

export const EU_CATEGORY_LABEL: Record<string, string> = {
    prohibited: 'Prohibited', high: 'High-risk', 'not-high-risk': 'Not high-risk (Article 6(3))', limited: 'Limited risk (deprecated)', minimal: 'Minimal risk',
    gpai: 'General-purpose AI model', 'gpai-systemic': 'General-purpose AI model with systemic risk'
};

/** How an EU AI Act obligation stands, for the report's EU AI Act section. */
export function obligationStateLabel(o: { state: 'met' | 'not-applicable' | 'open'; due: boolean; appliesFrom: string }): string {
    return o.state === 'met' ? 'met' : o.state === 'not-applicable' ? 'not applicable' : o.due ? 'open' : `applies from ${o.appliesFrom}`;
}

export function freshnessLabel(ev: Pick<EvidenceLink, 'freshness' | 'expires'>): string {
    const labels: Record<Freshness, string> = {
        fresh: `valid to ${ev.expires}`,
        expiring: `expires ${ev.expires}`,
        expired: `expired ${ev.expires}`,
        undated: 'no expiry date'
    };
    return labels[ev.freshness];
}

/** `operation-and-monitoring` -> `Operation and monitoring`. */
export function wordsOf(token: string | undefined): string {
    if (!token) return '';
    const text = token.replace(/-/g, ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
}

export const AUDIT_FINDING_LABEL: Record<string, string> = {
    'major-nonconformity': 'Major nonconformity', 'minor-nonconformity': 'Minor nonconformity',
    observation: 'Observation', opportunity: 'Opportunity for improvement'
};

export const NONCONFORMITY_STATE_LABEL: Record<string, string> = {
    overdue: 'Open, overdue', open: 'Open', 'closed-unverified': 'Closed, effectiveness not reviewed', closed: 'Closed'
};

/** A management review input (9.3.2) in words: `interested-parties` -> `interested parties`. */
export function reviewInputLabel(input: string): string {
    return input.replace(/-/g, ' ');
}

/** An action's state: done on a date, overdue, or due on a date. */
export function actionStateLabel(a: { due?: string; done?: string; overdue: boolean }): string {
    return a.done ? `done ${a.done}` : a.overdue ? `overdue since ${a.due}` : a.due ? `due ${a.due}` : 'no due date';
}

/** Why a subcategory has its level: the chains to implemented controls, else what is planned. */
export function coverageWhy(sub: Pick<NistSubcategoryRow, 'id' | 'level' | 'coveredBy' | 'partlyBy' | 'plannedBy' | 'controls'> & { clauses?: readonly string[] }): string {
    // The chain starts at the subcategory itself: leave its id out (`subset-of A.6.2.6 (declared)`).
    const chains = (list: NistSubcategoryRow['coveredBy']) => list.map(c => c.chain.startsWith(`${sub.id} `) ? c.chain.slice(sub.id.length + 1) : c.chain).join('; ');
    if (sub.level === 'covered') return `covered: ${chains(sub.coveredBy)}`;
    const partly = sub.partlyBy.length > 0 ? `partly: ${chains(sub.partlyBy)}` : '';
    const planned = sub.plannedBy.length > 0 ? `planned: ${sub.plannedBy.map(c => c.control).join(', ')}` : '';
    const rest = [partly, planned].filter(Boolean).join('; ');
    return rest || (sub.clauses && sub.clauses.length > 0 ? `mapped to clauses ${sub.clauses.join(', ')} only` : sub.controls.length > 0 ? 'no mapped control is implemented' : 'no mapped control');
}
