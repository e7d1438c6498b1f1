/** Quick fixes for the EU AI Act rules. */
import type { CodeAction } from 'vscode-languageserver';
import { isAiSystem } from '../../language/generated/ast.js';
import { aimsString } from '../../catalog/catalog-document.js';
import { RULES } from '../../validation/rules.js';
import { INDENT, type Fix, type FixContext, type QuickFixes } from './fix.js';

export const euAiActFixes: QuickFixes = {
    [RULES.highRiskWithoutImpactAssessment.code]: [scaffoldImpactAssessment]
};

/** `aims/high-risk-without-impact-assessment`: a scaffolded assessment after the system. */
function scaffoldImpactAssessment(fix: Fix, { settings, uniqueName }: FixContext): CodeAction[] {
    const system = fix.nodeAt(isAiSystem);
    if (!system) {
        return [];
    }
    const name = uniqueName(`ia-${system.name}`);
    const declaration = [
        `impact-assessment ${name} ${aimsString(`Impact assessment: ${system.title}`)} {`,
        `${INDENT}system ${system.name}`,
        `${INDENT}individuals "TODO"`,
        `${INDENT}groups "TODO"`,
        `${INDENT}society "TODO"`,
        `${INDENT}consequences "TODO"`,
        `${INDENT}severity high`,
        `${INDENT}assessed ${settings.today()}`,
        '}'
    ];
    return [fix.action(`Add impact assessment '${name}' for ${system.name}`, [fix.insertAfter(system, declaration)], true)];
}
