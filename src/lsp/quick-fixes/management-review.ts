/** Quick fixes for management review (ISO/IEC 42001 9.3): record the review that is due. */
import type { CodeAction } from 'vscode-languageserver';
import { isManagementReview, isOrganisation, type ManagementReview } from '../../language/generated/ast.js';
import { REQUIRED_REVIEW_INPUTS } from '../../model/management-system.js';
import { RULES } from '../../validation/rules.js';
import { INDENT, type Fix, type FixContext, type QuickFixes } from './fix.js';

export const managementReviewFixes: QuickFixes = {
    [RULES.managementReviewOverdue.code]: [recordManagementReview]
};

/**
 * `aims/management-review-overdue`: a review held today, after the last one (or after the
 * organisation when none is recorded), with the last review's chair and participants, every
 * input 9.3.2 lists, and the last review's open actions named so that they are followed up.
 */
function recordManagementReview(fix: Fix, context: FixContext): CodeAction[] {
    const last = fix.nodeAt(isManagementReview);
    const organisation = last ? undefined : fix.nodeAt(isOrganisation);
    const after = last ?? organisation;
    if (!after) {
        return [];
    }
    const today = context.settings.today();
    const name = context.uniqueName(`mr-${today.slice(0, 4)}`);
    const declaration = reviewDeclaration(name, today, last, context);
    return [fix.action(`Record management review '${name}' held today`, [fix.insertAfter(after, declaration)], true)];
}

function reviewDeclaration(name: string, today: string, last: ManagementReview | undefined, context: FixContext): string[] {
    const chair = last?.chair?.$refText ?? context.model.all('Person')[0]?.name ?? 'TODO';
    const participants = last && last.participants.length > 0 ? last.participants.map(p => p.$refText).join(', ') : chair;
    const open = last?.actions.filter(a => !a.done) ?? [];
    return [
        `management-review ${name} "Management review ${today.slice(0, 4)}" {`,
        `${INDENT}held ${today}`,
        `${INDENT}chair ${chair}`,
        `${INDENT}participants ${participants}`,
        `${INDENT}inputs ${REQUIRED_REVIEW_INPUTS.join(', ')}`,
        ...open.map(a => `${INDENT}// follow up from ${last!.name}: "${a.title.replace(/"/g, "'")}"`),
        `${INDENT}decision "TODO: is the AI management system still suitable, adequate and effective?"`,
        '}'
    ];
}
