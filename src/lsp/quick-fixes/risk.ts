/** Quick fixes for risks. */
import type { CodeAction } from 'vscode-languageserver';
import { isRisk, type Risk } from '../../language/generated/ast.js';
import type { AimsModel } from '../../model/aims-model.js';
import { RULES } from '../../validation/rules.js';
import type { Fix, FixContext, QuickFixes } from './fix.js';

export const riskFixes: QuickFixes = {
    [RULES.acceptWithoutAcceptor.code]: [recordAcceptance]
};

/** `aims/accept-without-acceptor`: `accepted by <owner> on <today>`. */
function recordAcceptance(fix: Fix, { model, settings }: FixContext): CodeAction[] {
    const risk = fix.nodeAt(isRisk);
    if (!risk || risk.acceptor) {
        return [];
    }
    const who = acceptorFor(risk, model);
    const field = `accepted by ${who} on ${settings.today()}`;
    const edit = fix.addField(risk, field);
    return edit ? [fix.action(`Record the acceptance: ${field}`, [edit], true)] : [];
}

/** The owner of the risk, else the first person of the workspace, else a placeholder. */
function acceptorFor(risk: Risk, model: AimsModel): string {
    if (risk.owner) {
        return risk.owner.ref?.name ?? risk.owner.$refText;
    }
    return model.all('Person')[0]?.name ?? 'TODO';
}
