/** Quick fixes for the EU AI Act rules. */
import { GrammarUtils } from 'langium';
import { TextEdit, type CodeAction } from 'vscode-languageserver';
import { isAiSystem, isGpaiModel } from '../../language/generated/ast.js';
import { catalog } from '../../catalog/catalog.js';
import { aimsString } from '../../catalog/catalog-document.js';
import { RULES } from '../../validation/rules.js';
import { INDENT, slug, type Fix, type FixContext, type QuickFixes } from './fix.js';

export const euAiActFixes: QuickFixes = {
    [RULES.highRiskWithoutImpactAssessment.code]: [scaffoldImpactAssessment],
    [RULES.euAiActLimited.code]: [rewriteLimited],
    [RULES.euObligationsOpen.code]: [scaffoldObligationEvidence],
    [RULES.euObligationsUpcoming.code]: [scaffoldObligationEvidence]
};

/**
 * What a system classed `limited` was usually meant to say, as the Act says it: a minimal-risk
 * system with one of Article 50's transparency duties. One action per duty; the first (a system
 * that talks to people) is the common case.
 */
const LIMITED_REWRITES: ReadonlyArray<{ provision: string; what: string }> = [
    { provision: 'Article 50(1)', what: 'it interacts with people' },
    { provision: 'Article 50(2)', what: 'it generates synthetic content' },
    { provision: 'Article 50(3)', what: 'it recognises emotions or categorises biometrically' },
    { provision: 'Article 50(4)', what: 'it produces deep fakes or public-interest text' }
];

/** `aims/eu-ai-act-limited`: `limited` becomes `minimal`, and the transparency duty is named. */
function rewriteLimited(fix: Fix): CodeAction[] {
    const system = fix.nodeAt(isAiSystem);
    if (!system || system.euCategory !== 'limited') {
        return [];
    }
    const keyword = GrammarUtils.findNodeForProperty(system.$cstNode, 'euCategory');
    if (!keyword) {
        return [];
    }
    const declared = system.transparency.map(ref => ref.$refText);
    return LIMITED_REWRITES.filter(r => catalog.euEntry(r.provision)).map((rewrite, index) => {
        const edits = [TextEdit.replace(keyword.range, 'minimal')];
        if (!declared.includes(rewrite.provision)) {
            const field = fix.addField(system, `transparency ${rewrite.provision}`);
            if (field) edits.push(field);
        }
        return fix.action(`Rewrite as minimal with the transparency duty of ${rewrite.provision} (${rewrite.what})`, edits, index === 0);
    });
}

/**
 * `aims/eu-obligations-open` and `-upcoming`: one evidence declaration per open obligation,
 * about this system and supporting its article, for the author to point at the real record.
 */
function scaffoldObligationEvidence(fix: Fix, { settings, uniqueName }: FixContext): CodeAction[] {
    const subject = fix.nodeAt(isAiSystem) ?? fix.nodeAt(isGpaiModel);
    const articles = fix.data.articles as string[] | undefined;
    if (!subject || !articles || articles.length === 0) {
        return [];
    }
    const lines: string[] = [];
    for (const article of articles) {
        const name = uniqueName(`ev-${subject.name}-${slug(article)}`);
        const title = catalog.euEntry(article)?.title ?? article;
        lines.push(
            ...(lines.length > 0 ? [''] : []),
            `evidence ${name} ${aimsString(`${article}: ${title}`)} {`,
            `${INDENT}url "TODO"`,
            `${INDENT}collected ${settings.today()}`,
            ...(subject.$type === 'AiSystem' ? [`${INDENT}systems ${subject.name}`] : []),
            `${INDENT}supports ${article}`,
            '}'
        );
    }
    const what = articles.length === 1 ? articles[0] : `the ${articles.length} open obligations`;
    return [fix.action(`Add evidence for ${what} of ${subject.name}`, [fix.insertAfter(subject, lines)], true)];
}

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
