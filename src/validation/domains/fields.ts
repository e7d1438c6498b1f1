/**
 * Fields of a declaration: the ones it needs to be useful (missing-field), and single-valued
 * fields given twice (duplicate-field).
 */
import { CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode, type ValidationAcceptor } from 'langium';
import { isControlApplication, type ImpactAssessment, type Model, type Organisation, type Policy, type Risk } from '../../language/generated/ast.js';
import { controlIdOf } from '../../model/aims-model.js';
import { RULES } from '../rules.js';
import { report, type Check, type DomainChecks } from '../check-kit.js';

export function fields(): DomainChecks {
    return {
        fast: {
            Model: [fieldsMustBeGivenOnce],
            Organisation: [requiredField<Organisation>(org => org.scope, org => `Organisation '${org.name}' has no scope: state what the AI management system covers (ISO/IEC 42001 4.3).`)],
            Policy: [requiredField<Policy>(policy => policy.owner, policy => `Policy '${policy.name}' has no owner: add owner <person or team>.`)],
            Risk: [requiredField<Risk>(risk => risk.owner, risk => `Risk '${risk.name}' has no owner: add owner <person or team>.`)],
            ImpactAssessment: [requiredField<ImpactAssessment>(assessment => assessment.system, assessment => `Impact assessment '${assessment.name}' names no system: add system <name>.`)]
        }
    };
}

/** A field the declaration needs; reported at its name, since the field has no text to mark. */
function requiredField<N extends AstNode & { name: string }>(value: (node: N) => unknown, message: (node: N) => string): Check<N> {
    return (node, accept) => {
        if (!value(node)) {
            report(accept, RULES.missingField, message(node), { node, property: 'name' } as never);
        }
    };
}

function fieldsMustBeGivenOnce(model: Model, accept: ValidationAcceptor): void {
    for (const element of model.elements) {
        if (element.$type === 'Catalog') {
            continue;
        }
        checkDuplicateFields(element, accept);
        if (element.$type === 'StatementOfApplicability') {
            element.entries.forEach(entry => checkDuplicateFields(entry, accept));
        }
    }
}

/** `owner alice` twice in one block: the grammar keeps the last, so say so. */
function checkDuplicateFields(element: AstNode, accept: ValidationAcceptor): void {
    if (!element.$cstNode) {
        return;
    }
    const seen = new Set<string>();
    for (const cst of ownCstNodes(element)) {
        // Only nodes that assign a property of this element itself, not of nested nodes.
        const owner = cst.grammarSource && GrammarAST.isAssignment(cst.grammarSource.$container) ? cst.grammarSource.$container : undefined;
        if (!owner || owner.operator !== '=' || (cst.astNode !== element && cst.container?.astNode !== element)) {
            continue;
        }
        const field = SAME_FIELD[owner.feature] ?? owner.feature;
        if (seen.has(field)) {
            // Name the field as the author wrote it (`review`, `accepted by`) and mark keyword and value.
            const keywords = leadingKeywords(cst);
            const written = keywords.map(k => k.text).join(' ') || owner.feature;
            report(accept, RULES.duplicateField, `'${written}' is given more than once in ${declarationLabel(element)}; it takes one value and only the last one counts: keep one of them.`, {
                node: element, range: { start: (keywords[0] ?? cst).range.start, end: cst.range.end }
            });
        }
        seen.add(field);
    }
}

/**
 * The CST nodes of `element` in document order, and the first nodes of elements nested in it
 * (whose container belongs to `element`), without walking into nested elements: the nodes
 * checkDuplicateFields looks at, at a fraction of the cost of streaming the whole subtree.
 */
function* ownCstNodes(element: AstNode): Generator<CstNode> {
    const stack: CstNode[] = element.$cstNode ? [element.$cstNode] : [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        yield node;
        if (!isLeafCstNode(node) && node.astNode === element) {
            const children = (node as CompositeCstNode).content;
            for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
        }
    }
}

/** Properties the grammar keeps apart that are one field to the author. */
const SAME_FIELD: Record<string, string> = { reviewEvery: 'review', nextReview: 'review' };

/** The keywords that introduce a field value (`accepted by`, `review every`), in text order. */
function leadingKeywords(value: CstNode): CstNode[] {
    const siblings = value.container?.content ?? [];
    const keywords: CstNode[] = [];
    for (let i = siblings.indexOf(value) - 1; i >= 0; i--) {
        const sibling = siblings[i];
        if (sibling.hidden) {
            continue;
        }
        // Punctuation ('{') and values end the run: they belong to the block or to the previous field.
        if (!GrammarAST.isKeyword(sibling.grammarSource) || !/^[a-z]/.test(sibling.text)) {
            break;
        }
        keywords.unshift(sibling);
    }
    return keywords;
}

/** `person 'alice'`, `the statement of applicability entry for A.2.2`: a declaration as the author wrote it. */
function declarationLabel(element: AstNode): string {
    if (isControlApplication(element)) {
        return `the statement of applicability entry for ${controlIdOf(element)}`;
    }
    const keyword = element.$cstNode ? CstUtils.streamCst(element.$cstNode).find(n => isLeafCstNode(n) && !n.hidden)?.text : undefined;
    const name = (element as { name?: unknown }).name;
    return typeof name === 'string' ? `${keyword ?? element.$type} '${name}'` : keyword ?? element.$type;
}
