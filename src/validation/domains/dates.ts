/**
 * Dates: every date is a calendar date, a review interval has a date to count from, and a review
 * that is due is reported.
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import type { ImpactAssessment, Model, Policy, Risk } from '../../language/generated/ast.js';
import { parseIsoDate } from '../../model/dates.js';
import { reviewBaseDate } from '../../model/aims-model.js';
import { RULES } from '../rules.js';
import { report, type CheckContext, type DomainChecks } from '../check-kit.js';

/** Properties that hold dates, per declaration type. */
const DATE_PROPERTIES: Record<string, readonly string[]> = {
    Policy: ['approved', 'nextReview'],
    Objective: ['due'],
    Risk: ['acceptedOn', 'assessed', 'nextReview'],
    ImpactAssessment: ['assessed', 'nextReview'],
    Evidence: ['collected', 'expires'],
    StatementOfApplicability: ['approved'],
    Training: ['completed', 'expires'],
    Measurement: ['measured'],
    AuditProgramme: ['starts'],
    Audit: ['planned', 'conducted', 'conductedUntil'],
    Nonconformity: ['raised', 'closed', 'effectivenessReviewed'],
    ManagementReview: ['held', 'planned'],
    // Nested records
    ReviewRecord: ['date'],
    Action: ['due', 'done']
};

/** Properties holding nested records whose dates are checked too. */
const NESTED_RECORDS = ['reviews', 'actions'] as const;

export function dates(context: CheckContext): DomainChecks {
    const review = (node: Policy | Risk | ImpactAssessment, accept: ValidationAcceptor) => {
        reviewIntervalMustHaveStart(node, accept);
        reviewShouldNotBeOverdue(context, node, accept);
    };
    return {
        fast: {
            Model: [datesMustBeCalendarDates],
            Policy: [review],
            Risk: [review],
            ImpactAssessment: [review]
        }
    };
}

function datesMustBeCalendarDates(model: Model, accept: ValidationAcceptor): void {
    for (const element of model.elements) {
        if (element.$type !== 'Catalog') {
            checkDates(element, accept);
            for (const property of NESTED_RECORDS) {
                const records = (element as unknown as Record<string, unknown>)[property];
                if (Array.isArray(records)) {
                    records.forEach(record => checkDates(record as AstNode, accept));
                }
            }
        }
    }
}

function checkDates(element: AstNode, accept: ValidationAcceptor): void {
    for (const property of DATE_PROPERTIES[element.$type] ?? []) {
        const value = (element as unknown as Record<string, unknown>)[property];
        if (typeof value === 'string' && parseIsoDate(value) === undefined) {
            report(accept, RULES.invalidDate, `'${value}' is not a calendar date; write YYYY-MM-DD with a real month and day.`, { node: element, property: property as never });
        }
    }
}

/** Without a date to count from, the interval never comes due and review-overdue stays silent. */
function reviewIntervalMustHaveStart(node: Policy | Risk | ImpactAssessment, accept: ValidationAcceptor): void {
    if (node.reviewEvery && !node.nextReview && !reviewBaseDate(node)) {
        const every = `${node.reviewEvery.count} ${node.reviewEvery.unit}`;
        const message = node.$type === 'Policy'
            ? `Policy '${node.name}' is reviewed every ${every}, but has no approved date to count from: add approved <date>, or write the next review date (review YYYY-MM-DD).`
            : node.$type === 'Risk'
                ? `Risk '${node.name}' is reviewed every ${every}, but has no date to count from (only an accepted risk has one: accepted by <person> on <date>): write the next review date instead (review YYYY-MM-DD).`
                : `Impact assessment '${node.name}' is reviewed every ${every}, but has no assessed date to count from: add assessed <date>, or write the next review date (review YYYY-MM-DD).`;
        report(accept, RULES.missingField, message, { node, keyword: 'review' } as never);
    }
}

function reviewShouldNotBeOverdue({ model, settings }: CheckContext, node: Policy | Risk | ImpactAssessment, accept: ValidationAcceptor): void {
    const due = model.nextReview(node);
    const today = settings.today();
    if (due && parseIsoDate(due) !== undefined && due < today) {
        const kind = node.$type === 'Policy' ? 'Policy' : node.$type === 'Risk' ? 'Risk' : 'Impact assessment';
        report(accept, RULES.reviewOverdue, `${kind} '${node.name}' was due for review on ${due} (today is ${today}): review it and record the next review date.`, {
            node, ...(node.nextReview ? { property: 'nextReview' } : { keyword: 'review' })
        } as never);
    }
}
