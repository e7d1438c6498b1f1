/**
 * What each document puts into the global index. Every AIMS name is global (a person declared in
 * people.aims is an owner in risks.aims), so documents export their top-level declarations and
 * the catalog documents export their entries. Nothing is scoped locally, which keeps the
 * per-keystroke work to the index of the changed file.
 */
import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { isCatalog, isFramework, isModel } from '../language/generated/ast.js';
import { isCatalogUri } from '../catalog/catalog-document.js';

export class AimsScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const children = isCatalogUri(document.uri) ? catalogEntries : topLevelDeclarations;
        return this.collectExportedSymbolsForNode(root, document, children, cancelToken);
    }

    override async collectLocalSymbols(_document: LangiumDocument, _cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

/** A user file exports its declarations; a `catalog` block written there is an error, not a catalog. */
function* topLevelDeclarations(root: AstNode): Iterable<AstNode> {
    if (isModel(root)) {
        for (const element of root.elements) {
            if (isCatalog(element)) {
                continue;
            }
            yield element;
            if (isFramework(element)) {
                // A framework's groups and requirements are global too, under `<framework>:<id>`.
                for (const group of element.groups) {
                    yield group;
                    yield* group.requirements;
                }
                yield* element.requirements;
            }
        }
    }
}

/** A built-in catalog document exports its entries. */
function* catalogEntries(root: AstNode): Iterable<AstNode> {
    if (isModel(root)) {
        for (const element of root.elements) {
            if (isCatalog(element)) {
                yield* element.entries;
            }
        }
    }
}
