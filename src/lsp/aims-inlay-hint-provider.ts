/**
 * Inlay hints: the title after each bare catalog id, so `with A.6.2.4` reads
 * `with A.6.2.4 AI system verification and validation`, whole unless `aims.inlayHintTitleLength`
 * asks for shorter ones (the extension also lifts VS Code's own 43-character cut for .aims files).
 * Off when `aims.inlayHints` is false;
 * never inside the catalog documents, which spell the titles out already.
 */
import { AstUtils, isReference, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams, Position, Range } from 'vscode-languageserver';
import { isCatalogEntry } from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import type { AimsSettings } from '../workspace/aims-settings.js';

export class AimsInlayHintProvider extends AbstractInlayHintProvider {
    private readonly settings: AimsSettings;

    constructor(services: AimsServices) {
        super();
        this.settings = services.aims.Settings;
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        if (isCatalogUri(document.uri)) {
            return [];
        }
        await this.settings.load();
        if (!this.settings.values.inlayHints) {
            return [];
        }
        // The AST walk visits every node that overlaps the range; keep only hints inside it.
        const hints = await super.getInlayHints(document, params, cancelToken) ?? [];
        return hints.filter(h => inside(h.position, params.range));
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        for (const { reference } of AstUtils.streamReferences(node)) {
            if (!isReference(reference)) continue;
            const target = reference.ref;
            const refNode = reference.$refNode;
            // Entries without a title (some catalogs carry ids only) get no hint rather than an empty one.
            if (!refNode || !isCatalogEntry(target) || !target.title.trim() || !isCatalogUri(AstUtils.getDocument(target).uri)) {
                continue;
            }
            acceptor({
                position: refNode.range.end,
                label: shortened(target.title, this.settings.values.inlayHintTitleLength),
                paddingLeft: true,
                ...(target.summary ? { tooltip: target.summary } : {})
            });
        }
    }
}

/** The title cut at the last word that fits in `length` characters (0: whole), with "…" to say so. */
export function shortened(title: string, length: number): string {
    if (length <= 0 || title.length <= length) {
        return title;
    }
    const room = title.slice(0, Math.max(1, length - 1));
    const lastSpace = room.lastIndexOf(' ');
    return `${(lastSpace > 0 ? room.slice(0, lastSpace) : room).trimEnd()}…`;
}

function inside(position: Position, range: Range): boolean {
    const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return after && before;
}
