/** Quick fixes for internal audit: raise the nonconformity record of a nonconformity finding. */
import { TextEdit, type CodeAction } from 'vscode-languageserver';
import { isAuditFinding, type AuditFinding } from '../../language/generated/ast.js';
import { aimsString } from '../../catalog/catalog-document.js';
import { addDuration } from '../../model/dates.js';
import { RULES } from '../../validation/rules.js';
import { INDENT, type Fix, type FixContext, type QuickFixes } from './fix.js';

export const auditFixes: QuickFixes = {
    [RULES.findingWithoutNonconformity.code]: [raiseNonconformity]
};

/** `aims/finding-without-nonconformity`: declare the record after the audit and link it from the finding. */
function raiseNonconformity(fix: Fix, context: FixContext): CodeAction[] {
    const finding = fix.nodeAt(isAuditFinding);
    if (!finding || finding.nonconformity) {
        return [];
    }
    const audit = finding.$container;
    const name = context.uniqueName(`nc-${audit.name}`);
    const link = linkFromFinding(fix, finding, `nonconformity ${name}`);
    if (!link) {
        return [];
    }
    const owner = audit.audited[0]?.$refText ?? context.model.all('Person')[0]?.name ?? 'TODO';
    const declaration = nonconformityDeclaration(name, finding.title, [`source audit ${audit.name}`, ...about(finding)], owner, context);
    return [fix.action(`Raise nonconformity '${name}' from this finding`, [link, fix.insertAfter(audit, declaration)], true)];
}

/** The new field inside the finding's block, or a block for it. */
function linkFromFinding(fix: Fix, finding: AuditFinding, field: string): TextEdit | undefined {
    if (finding.$cstNode?.text.trimEnd().endsWith('}')) {
        return fix.addField(finding, field);
    }
    const end = finding.$cstNode ? fix.document.textDocument.positionAt(finding.$cstNode.end) : undefined;
    return end ? TextEdit.insert(end, ` { ${field} }`) : undefined;
}

function about(finding: AuditFinding): string[] {
    return finding.about.length > 0 ? [`about ${finding.about.map(ref => ref.$refText).join(', ')}`] : [];
}

/** A nonconformity with its source and a first corrective action, due in 30 days. */
export function nonconformityDeclaration(name: string, title: string, fields: string[], owner: string, { settings }: FixContext): string[] {
    const today = settings.today();
    return [
        `nonconformity ${name} ${aimsString(title)} {`,
        ...fields.map(f => INDENT + f),
        `${INDENT}raised ${today}`,
        `${INDENT}owner ${owner}`,
        `${INDENT}description "TODO: what happened"`,
        `${INDENT}action "TODO: the corrective action" {`,
        `${INDENT}${INDENT}owner ${owner}`,
        `${INDENT}${INDENT}due ${addDuration(today, 30, 'days') ?? today}`,
        `${INDENT}}`,
        '}'
    ];
}
