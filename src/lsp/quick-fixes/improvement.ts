/** Quick fixes for nonconformities and their corrective actions, and for missed targets. */
import type { CodeAction } from 'vscode-languageserver';
import { isMeasurement, isNonconformity } from '../../language/generated/ast.js';
import { addDuration } from '../../model/dates.js';
import { RULES } from '../../validation/rules.js';
import { INDENT, type Fix, type FixContext, type QuickFixes } from './fix.js';
import { nonconformityDeclaration } from './audit.js';

export const improvementFixes: QuickFixes = {
    [RULES.nonconformityWithoutEffectivenessReview.code]: [recordEffectivenessReview],
    [RULES.nonconformityOpenTooLong.code]: [addCorrectiveAction],
    [RULES.missedTargetWithoutAction.code]: [raiseNonconformityForMeasurement]
};

/** `aims/nonconformity-without-effectiveness-review`: `effectiveness reviewed <today> by <owner> "..."`. */
function recordEffectivenessReview(fix: Fix, { settings }: FixContext): CodeAction[] {
    const nc = fix.nodeAt(isNonconformity);
    if (!nc || nc.effectivenessReviewed) {
        return [];
    }
    const field = `effectiveness reviewed ${settings.today()} by ${nc.owner?.$refText ?? 'TODO'} "TODO: did the corrective actions remove the cause?"`;
    const edit = fix.addField(nc, field);
    return edit ? [fix.action('Record the effectiveness review', [edit], true)] : [];
}

/** `aims/nonconformity-open-too-long`: a further corrective action, due in 30 days. */
function addCorrectiveAction(fix: Fix, { settings }: FixContext): CodeAction[] {
    const nc = fix.nodeAt(isNonconformity);
    if (!nc) {
        return [];
    }
    const owner = nc.owner?.$refText ?? 'TODO';
    const edit = fix.addLines(nc, [
        'action "TODO: the corrective action" {',
        `${INDENT}owner ${owner}`,
        `${INDENT}due ${addDuration(settings.today(), 30, 'days') ?? settings.today()}`,
        '}'
    ]);
    return edit ? [fix.action('Add a corrective action', [edit], true)] : [];
}

/** `aims/missed-target-without-action`: a nonconformity with `source monitoring <measurement>`. */
function raiseNonconformityForMeasurement(fix: Fix, context: FixContext): CodeAction[] {
    const measurement = fix.nodeAt(isMeasurement);
    if (!measurement) {
        return [];
    }
    const name = context.uniqueName(`nc-${measurement.name}`);
    const owner = measurement.objective?.ref?.owner?.$refText ?? context.model.all('Person')[0]?.name ?? 'TODO';
    const declaration = nonconformityDeclaration(name, `Missed target: ${measurement.title}`, [`source monitoring ${measurement.name}`], owner, context);
    return [fix.action(`Raise nonconformity '${name}' for the missed target`, [fix.insertAfter(measurement, declaration)], true)];
}
