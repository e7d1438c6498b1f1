/** Quick fixes for review dates: record the review that was held. */
import type { CodeAction } from 'vscode-languageserver';
import { isImpactAssessment, isPolicy, isRisk, type ImpactAssessment, type Policy, type Risk } from '../../language/generated/ast.js';
import { RULES } from '../../validation/rules.js';
import type { Fix, FixContext, QuickFixes } from './fix.js';

export const datesFixes: QuickFixes = {
    [RULES.reviewOverdue.code]: [recordReview]
};

/** `aims/review-overdue`: `reviewed <today> by <owner>`; the history stays, the next review moves on. */
function recordReview(fix: Fix, { settings }: FixContext): CodeAction[] {
    const node: Policy | Risk | ImpactAssessment | undefined = fix.nodeAt(isRisk) ?? fix.nodeAt(isPolicy) ?? fix.nodeAt(isImpactAssessment);
    if (!node) {
        return [];
    }
    const reviewer = node.$type === 'ImpactAssessment' ? node.assessor : node.owner;
    const field = `reviewed ${settings.today()} by ${reviewer?.$refText ?? 'TODO'} "TODO: what the review found"`;
    const edit = fix.addField(node, field);
    return edit ? [fix.action(`Record a review held today: ${field.replace(/ "TODO.*$/, '')}`, [edit], true)] : [];
}
