/**
 * Semantic tokens on top of the TextMate grammar (which colours keywords, strings and comments):
 * declaration names and every reference to them get one standard token type per kind of
 * declaration, so `alice` looks the same where she is declared and where she owns a risk;
 * catalog ids are enum members from the default library; dates are numbers.
 * Only standard token types and modifiers are used, so every theme colours them.
 */
import { AstUtils, isReference, CstUtils, isLeafCstNode, type AstNode, type LeafCstNode, type NameProvider } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isCatalogEntry } from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import { isCatalogUri } from '../catalog/catalog-document.js';

/** Token type of a declaration (and of references to it), by AST type. */
const DECLARATION_TOKEN: Readonly<Record<string, SemanticTokenTypes>> = {
    Organisation: SemanticTokenTypes.namespace,
    InterestedParty: SemanticTokenTypes.variable,
    Person: SemanticTokenTypes.variable,
    Team: SemanticTokenTypes.variable,
    Policy: SemanticTokenTypes.type,
    Objective: SemanticTokenTypes.type,
    AiSystem: SemanticTokenTypes.class,
    Dataset: SemanticTokenTypes.struct,
    Supplier: SemanticTokenTypes.interface,
    Risk: SemanticTokenTypes.enum,
    ImpactAssessment: SemanticTokenTypes.function,
    Evidence: SemanticTokenTypes.property,
    // An organisation control is a control id like the catalog's, but the user's own.
    OrgControl: SemanticTokenTypes.enumMember,
    Catalog: SemanticTokenTypes.namespace
};

export class AimsSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly nameProvider: NameProvider;

    constructor(services: AimsServices) {
        super(services);
        this.nameProvider = services.references.NameProvider;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const nameNode = this.nameProvider.getNameNode(node);
        const declared = tokenFor(node);
        if (nameNode && declared) {
            acceptor({ cst: nameNode, type: declared.type, modifier: [SemanticTokenModifiers.declaration, ...declared.modifiers] });
        }
        for (const { reference } of AstUtils.streamReferences(node)) {
            if (!isReference(reference)) continue;
            const target = reference.ref;
            const referenced = target ? tokenFor(target) : undefined;
            if (reference.$refNode && referenced) {
                acceptor({ cst: reference.$refNode, type: referenced.type, modifier: referenced.modifiers });
            }
        }
        for (const leaf of ownLeaves(node)) {
            if (leaf.tokenType.name === 'DATE') {
                acceptor({ cst: leaf, type: SemanticTokenTypes.number });
            }
        }
    }
}

function tokenFor(node: AstNode): { type: SemanticTokenTypes; modifiers: string[] } | undefined {
    if (isCatalogEntry(node) && isCatalogUri(AstUtils.getDocument(node).uri)) {
        return { type: SemanticTokenTypes.enumMember, modifiers: [SemanticTokenModifiers.defaultLibrary] };
    }
    const type = DECLARATION_TOKEN[node.$type];
    return type ? { type, modifiers: [] } : undefined;
}

/** The leaves of `node` itself, not of nested AST nodes. */
function* ownLeaves(node: AstNode): Generator<LeafCstNode> {
    if (!node.$cstNode) {
        return;
    }
    const iterator = CstUtils.streamCst(node.$cstNode).iterator();
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
        const cst = next.value;
        if (cst !== node.$cstNode && cst.astNode !== node) {
            iterator.prune();
        } else if (isLeafCstNode(cst)) {
            yield cst;
        }
    }
}
