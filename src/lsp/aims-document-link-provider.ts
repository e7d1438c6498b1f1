/**
 * Document links: evidence `path "..."` opens the file (resolved exactly as the validator resolves
 * it, relative to the workspace root) and `url "..."` opens the address.
 */
import { AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink, DocumentLinkParams, Range } from 'vscode-languageserver';
import { isEvidence, type Evidence } from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import type { EvidencePaths } from '../workspace/evidence-paths.js';

/** A URL with a scheme (`https:`, `mailto:`, ...); anything else is not linked. */
const URL_WITH_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;

export class AimsDocumentLinkProvider implements DocumentLinkProvider {
    private readonly evidencePaths: EvidencePaths;

    constructor(services: AimsServices) {
        this.evidencePaths = services.aims.EvidencePaths;
    }

    getDocumentLinks(document: LangiumDocument, _params: DocumentLinkParams): DocumentLink[] {
        if (isCatalogUri(document.uri)) {
            return [];
        }
        const links: DocumentLink[] = [];
        for (const evidence of AstUtils.streamAst(document.parseResult.value).filter(isEvidence)) {
            if (evidence.path?.trim()) {
                const range = stringContentRange(evidence, 'path');
                if (range) {
                    links.push({ range, target: this.evidencePaths.resolve(evidence).uri.toString(), tooltip: 'Open the evidence file' });
                }
            }
            const url = evidence.url?.trim();
            if (url && URL_WITH_SCHEME.test(url)) {
                const range = stringContentRange(evidence, 'url');
                if (range) {
                    links.push({ range, target: url, tooltip: 'Open the evidence' });
                }
            }
        }
        return links;
    }
}

/** The range of a string literal's content, without its quotes; undefined if it spans lines. */
function stringContentRange(evidence: Evidence, property: 'path' | 'url'): Range | undefined {
    const range = GrammarUtils.findNodeForProperty(evidence.$cstNode, property)?.range;
    if (!range || range.start.line !== range.end.line || range.end.character - range.start.character < 2) {
        return undefined;
    }
    return {
        start: { line: range.start.line, character: range.start.character + 1 },
        end: { line: range.end.line, character: range.end.character - 1 }
    };
}
