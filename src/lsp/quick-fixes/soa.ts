/** Quick fixes for the statement of applicability. */
import { TextEdit, type CodeAction } from 'vscode-languageserver';
import { isControlApplication, isOrganisation, isStatementOfApplicability } from '../../language/generated/ast.js';
import { aimsString } from '../../catalog/catalog-document.js';
import { catalog } from '../../catalog/catalog.js';
import { controlIdOf, type SoaStandard } from '../../model/aims-model.js';
import { RULES } from '../../validation/rules.js';
import { INDENT, slug, type Fix, type FixContext, type QuickFixes } from './fix.js';

export const soaFixes: QuickFixes = {
    [RULES.implementedWithoutEvidence.code]: [addEvidence],
    [RULES.soaIncomplete.code]: [completeSoa],
    [RULES.exclusionWithoutJustification.code]: [justifyExclusion],
    [RULES.inclusionWithoutJustification.code]: [justifyInclusion],
    [RULES.soaNotApproved.code]: [recordApproval]
};

/** `aims/implemented-without-evidence`: link new evidence and declare it at the end of the file. */
function addEvidence(fix: Fix, { settings, uniqueName }: FixContext): CodeAction[] {
    const entry = fix.nodeAt(isControlApplication);
    if (!entry || entry.decision !== 'applicable') {
        return [];
    }
    const id = controlIdOf(entry);
    const name = uniqueName(`ev-${slug(id)}`);
    const title = entry.control?.ref?.title;
    const field = fix.addField(entry, `evidence ${name}`);
    if (!field) {
        return [];
    }
    const declaration = [
        `evidence ${name} ${aimsString(`Evidence for ${id}${title ? ' ' + title : ''}`)} {`,
        `${INDENT}path "evidence/TODO"`,
        `${INDENT}kind document`,
        `${INDENT}collected ${settings.today()}`,
        '}'
    ];
    return [fix.action(`Link new evidence '${name}' and declare it at the end of the file`, [field, fix.appendDeclaration(declaration)], true)];
}

/** `aims/soa-incomplete`: an `undecided` entry for each missing Annex A control. */
function completeSoa(fix: Fix, { model }: FixContext): CodeAction[] {
    const declared = model.soaByControl();
    const standard: SoaStandard = fix.data.standard === 'iso27001' ? 'iso27001' : 'iso42001';
    const written = Array.isArray(fix.data.missing) ? fix.data.missing.filter((id): id is string => typeof id === 'string') : model.soaCoverage(standard).missing;
    const missing = written.filter(id => !declared.has(id));
    if (missing.length === 0) {
        return [];
    }
    const entries = missing.map(id => `control ${id} undecided // ${catalog.find(id)?.title ?? ''}`.trimEnd());
    const title = `Add the ${missing.length} missing ${standard === 'iso27001' ? 'ISO/IEC 27001 ' : ''}Annex A control${missing.length === 1 ? '' : 's'} as undecided`;
    const soa = fix.nodeAt(isStatementOfApplicability);
    if (soa) {
        const edit = fix.addLines(soa, entries);
        return edit ? [fix.action(title, [edit], true)] : [];
    }
    if (fix.nodeAt(isOrganisation)) {
        const declaration = ['soa "Statement of applicability" {', ...entries.map(e => INDENT + e), '}'];
        return [fix.action(`${title} in a new statement of applicability`, [fix.appendDeclaration(declaration)], true)];
    }
    return [];
}

/** `aims/exclusion-without-justification`: a `because` placeholder after `excluded`. */
function justifyExclusion(fix: Fix): CodeAction[] {
    const entry = fix.nodeAt(isControlApplication);
    if (!entry || entry.decision !== 'excluded' || fix.textAt(fix.diagnostic.range) !== 'excluded') {
        return [];
    }
    const edit = TextEdit.insert(fix.diagnostic.range.end, ' because "TODO: why this control does not apply"');
    return [fix.action('Add a justification: because "..."', [edit], true)];
}

/** `aims/inclusion-without-justification`: a `because` placeholder after `applicable`. */
function justifyInclusion(fix: Fix): CodeAction[] {
    const entry = fix.nodeAt(isControlApplication);
    if (!entry || entry.decision !== 'applicable' || entry.justification || fix.textAt(fix.diagnostic.range) !== 'applicable') {
        return [];
    }
    const edit = TextEdit.insert(fix.diagnostic.range.end, ' because "TODO: why this control is included"');
    return [fix.action('Add a reason for the inclusion: because "..."', [edit], true)];
}

/** `aims/soa-not-approved`: `approved <today> by <person> version "..."` in the block. */
function recordApproval(fix: Fix, { model, settings }: FixContext): CodeAction[] {
    const soa = fix.nodeAt(isStatementOfApplicability);
    if (!soa || soa.approved) {
        return [];
    }
    const approver = model.all('Team').find(team => /board/i.test(team.name))?.name ?? model.all('Person')[0]?.name ?? 'TODO';
    const field = `approved ${settings.today()} by ${approver} version "TODO"`;
    const edit = fix.addField(soa, field);
    return edit ? [fix.action(`Record the approval: ${field}`, [edit], true)] : [];
}
