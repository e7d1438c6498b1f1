/**
 * The outline of an `.aims` file. Each declaration reads as it is written, `risk r-bias
 * "Unfair declines"`, so a reader can tell a risk from a person with the same-looking name; the
 * statement of applicability lists its entries by control id, with the decision as detail.
 */
import { CstUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, type LangiumServices } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { isStatementOfApplicability, type ControlApplication, type StatementOfApplicability } from '../language/generated/ast.js';
import { controlIdOf } from '../model/aims-model.js';

export class AimsDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    constructor(services: LangiumServices) {
        super(services);
    }

    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        if (isStatementOfApplicability(astNode)) {
            return this.soaSymbol(astNode);
        }
        return super.getSymbol(document, astNode);
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        return { ...symbol, name: declarationLabel(astNode, symbol.name) };
    }

    private soaSymbol(soa: StatementOfApplicability): DocumentSymbol[] {
        const cst = soa.$cstNode;
        if (!cst) {
            return [];
        }
        const keyword = firstToken(cst) ?? cst;
        const children = soa.entries.map(entry => this.entrySymbol(entry)).filter((s): s is DocumentSymbol => s !== undefined);
        return [{
            name: soa.title ? `soa ${quoted(soa.title)}` : 'soa',
            detail: `${soa.entries.length} ${soa.entries.length === 1 ? 'entry' : 'entries'}`,
            kind: this.nodeKindProvider.getSymbolKind(soa),
            range: cst.range,
            selectionRange: keyword.range,
            children: children.length > 0 ? children : undefined
        }];
    }

    private entrySymbol(entry: ControlApplication): DocumentSymbol | undefined {
        const cst = entry.$cstNode;
        if (!cst) {
            return undefined;
        }
        const id = controlIdOf(entry);
        const decision = entry.decision === 'applicable' && entry.status ? `applicable, ${entry.status}` : entry.decision;
        return {
            name: id || '(control)',
            detail: decision,
            kind: this.nodeKindProvider.getSymbolKind(entry),
            range: cst.range,
            // `control` is missing while the id is being typed.
            selectionRange: entry.control?.$refNode?.range ?? cst.range
        };
    }
}

/** `keyword name "title"`, from the declaration's own text. */
export function declarationLabel(node: AstNode, name: string): string {
    const title = titleOf(node);
    const parts = [declarationKeyword(node), name, title !== undefined ? quoted(title) : undefined];
    return parts.filter((p): p is string => Boolean(p)).join(' ');
}

/** The keyword a declaration starts with, as written (`person`, `risk`, `control`). */
export function declarationKeyword(node: AstNode): string | undefined {
    return node.$cstNode ? firstToken(node.$cstNode)?.text : undefined;
}

/** The quoted title after a declaration's name, if it has one. */
export function titleOf(node: AstNode): string | undefined {
    const title = (node as { title?: unknown }).title;
    return typeof title === 'string' ? title : undefined;
}

function firstToken(cst: CstNode): CstNode | undefined {
    return CstUtils.flattenCst(cst).find(leaf => !leaf.hidden);
}

function quoted(text: string): string {
    return `"${text.replace(/"/g, '\\"')}"`;
}
