/**
 * Management review (ISO/IEC 42001 9.3): held within the organisation's interval, considering
 * every input the standard lists, and following up the actions of the review before.
 */
import type { ValidationAcceptor } from 'langium';
import type { ManagementReview } from '../../language/generated/ast.js';
import { heldReviews, missingReviewInputs, reviewSchedule } from '../../model/management-system.js';
import { RULES } from '../rules.js';
import { report, where, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function managementReview(context: CheckContext): DomainChecks {
    return {
        fast: {
            ManagementReview: [reviewShouldConsiderEveryInput]
        },
        workspace: [
            () => reviewShouldBeHeldInInterval(context),
            () => previousActionsShouldBeFollowedUp(context)
        ]
    };
}

function reviewShouldConsiderEveryInput(review: ManagementReview, accept: ValidationAcceptor): void {
    if (!review.held) {
        return;
    }
    const missing = missingReviewInputs(review);
    if (missing.length > 0) {
        report(accept, RULES.managementReviewInputsIncomplete, `Management review '${review.name}' does not record ${missing.length === 1 ? 'the input' : 'the inputs'} ${missing.join(', ')}: add ${missing.length === 1 ? 'it' : 'them'} to inputs if the review considered ${missing.length === 1 ? 'it' : 'them'}, or take ${missing.length === 1 ? 'it' : 'them'} to the next review (ISO/IEC 42001 9.3.2).`, {
            node: review, ...(review.inputs.length > 0 ? { keyword: 'inputs' } : { property: 'name' }), data: { missing }
        } as never);
    }
}

function reviewShouldBeHeldInInterval({ model, settings }: CheckContext): WorkspaceFinding[] {
    const every = model.organisation()?.managementReviewEvery;
    if (!every) {
        return [];
    }
    const today = settings.today();
    // The same schedule the report shows (src/model/management-system.ts).
    const { last, nextDue, overdue } = reviewSchedule(model, today);
    if (!last) {
        return [{
            rule: RULES.managementReviewOverdue, node: every, property: 'count',
            message: `The organisation holds a management review every ${every.count} ${every.unit}, but none is recorded: record the last one (management-review <name> "..." { held <date> ... }) or hold one.`
        }];
    }
    return overdue ? [{
        rule: RULES.managementReviewOverdue, node: last, property: 'held',
        message: `The last management review ('${last.name}') was held on ${last.held}; with a review every ${every.count} ${every.unit} (${where(every)}) the next was due on ${nextDue} (today is ${today}). Hold it and record it.`
    }] : [];
}

function previousActionsShouldBeFollowedUp({ model, settings }: CheckContext): WorkspaceFinding[] {
    const held = heldReviews(model.all('ManagementReview'), settings.today());
    const findings: WorkspaceFinding[] = [];
    held.slice(0, -1).forEach((review, i) => {
        const later = held[i + 1];
        for (const action of review.actions.filter(a => !a.done)) {
            findings.push({
                rule: RULES.reviewActionNotFollowedUp, node: action, property: 'title',
                message: `The action "${action.title}" of management review '${review.name}' is still open, although review '${later.name}' was held on ${later.held}: record done <date>, or carry it over into that review's actions.`
            });
        }
    });
    return findings;
}
