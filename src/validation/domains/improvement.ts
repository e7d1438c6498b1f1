/**
 * Nonconformity and corrective action (ISO/IEC 42001 10.2): actions are done by their due date,
 * a closed nonconformity records its root cause and the review of the actions' effectiveness,
 * and none stays open longer than the organisation allows.
 */
import type { ValidationAcceptor } from 'langium';
import type { Action, Nonconformity } from '../../language/generated/ast.js';
import { actionOverdue, closingDeadline } from '../../model/management-system.js';
import { RULES } from '../rules.js';
import { report, where, type CheckContext, type DomainChecks, type WorkspaceFinding } from '../check-kit.js';

export function improvement(context: CheckContext): DomainChecks {
    return {
        fast: {
            Action: [(action, accept) => actionShouldNotBeOverdue(context, action, accept)],
            Nonconformity: [nonconformityShouldSayWhen, closedNonconformityMustHaveRootCause, closedNonconformityMustHaveEffectivenessReview]
        },
        workspace: [() => nonconformityShouldCloseInTime(context)]
    };
}

function actionShouldNotBeOverdue({ settings }: CheckContext, action: Action, accept: ValidationAcceptor): void {
    const today = settings.today();
    if (actionOverdue(action, today)) {
        const of = action.$container.$type === 'Nonconformity' ? `corrective action of nonconformity '${action.$container.name}'` : `action of management review '${action.$container.name}'`;
        report(accept, RULES.actionOverdue, `The ${of} "${action.title}" was due on ${action.due} (today is ${today}) and is not done: finish it and record done <date>, or agree a new due date.`, { node: action, property: 'due' });
    }
}

function nonconformityShouldSayWhen(nc: Nonconformity, accept: ValidationAcceptor): void {
    if (!nc.raised) {
        report(accept, RULES.missingField, `Nonconformity '${nc.name}' has no raised date: add raised <date>, the day it was found.`, { node: nc, property: 'name' });
    }
}

function closedNonconformityMustHaveRootCause(nc: Nonconformity, accept: ValidationAcceptor): void {
    if (nc.closed && !nc.rootCause?.trim()) {
        report(accept, RULES.nonconformityWithoutRootCause, `Nonconformity '${nc.name}' is closed without a root cause: add root-cause "..." saying why it happened, so that the corrective action can remove it (ISO/IEC 42001 10.2).`, { node: nc, property: 'closed' });
    }
}

function closedNonconformityMustHaveEffectivenessReview(nc: Nonconformity, accept: ValidationAcceptor): void {
    if (nc.closed && !nc.effectivenessReviewed) {
        report(accept, RULES.nonconformityWithoutEffectivenessReview, `Nonconformity '${nc.name}' is closed, but nobody reviewed whether its corrective actions worked: add effectiveness reviewed <date> by <person> "..." (ISO/IEC 42001 10.2).`, { node: nc, property: 'closed', data: { nonconformity: nc.name } });
    }
}

function nonconformityShouldCloseInTime({ model, settings }: CheckContext): WorkspaceFinding[] {
    const organisation = model.organisation();
    const limit = organisation?.nonconformityLimit;
    if (!organisation || !limit) {
        return [];
    }
    const today = settings.today();
    return model.all('Nonconformity').flatMap(nc => {
        const deadline = nc.closed ? undefined : closingDeadline(model, nc);
        return deadline && deadline < today ? [{
            rule: RULES.nonconformityOpenTooLong, node: nc, property: 'raised',
            message: `Nonconformity '${nc.name}' was raised on ${nc.raised} and is still open; the organisation closes nonconformities within ${limit.count} ${limit.unit} (${where(limit)}), so by ${deadline}. Close it or escalate it.`
        }] : [];
    });
}
