/**
 * Completion for `.aims` files. Keywords and references to the user's declarations come from
 * Langium's defaults; catalog ids get their title and our summary, in catalog order, and in a
 * statement of applicability the Annex A controls that have no entry yet come first.
 *
 * Langium completes from the token before the cursor. A half-typed id such as `A.6.` or
 * `GOVERN 1.` is not one token (the lexer stops at the trailing dot or splits at the space),
 * so the partial id is found in the text and completed from where it starts.
 */
import { CstUtils, type AstNodeDescription, type LangiumDocument, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionContext, type CompletionValueItem } from 'langium/lsp';
import type { Position } from 'vscode-languageserver';
import { isCatalogUri } from '../catalog/catalog-document.js';
import type { AimsServices } from '../language/aims-module.js';
import { soaStandardOf, standardOfControl, type AimsModel } from '../model/aims-model.js';
import { isControlApplication, isOrgControl, isStatementOfApplicability } from '../language/generated/ast.js';
import { catalogItemFor, catalogOrder, displayTitle } from './catalog-entries.js';
import { declarationKeyword, titleOf } from './aims-document-symbol-provider.js';

/**
 * The end of a catalog id being typed: `A.6.`, `a.6.2`, `6.1.`, `GOVERN 1.`, `MAP 2`, `Article 1`.
 * Only shapes the lexer would not keep in one token; whole tokens are Langium's business.
 */
const PARTIAL_ID = /(?:(?:GOVERN|MAP|MEASURE|MANAGE|Article)[ \t]+\d*(?:\.\d*)?|[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]*)+|\d+(?:\.\d*)+)$/;

/** Longer than any catalog id (`MEASURE 2.13`), with room for extra spaces. */
const PARTIAL_ID_WINDOW = 64;

export class AimsCompletionProvider extends DefaultCompletionProvider {
    private readonly model: AimsModel;

    constructor(services: AimsServices) {
        super(services);
        this.model = services.aims.Model;
    }

    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        const partial = this.partialCatalogIdContext(document, position);
        if (partial) {
            yield partial;
        }
        yield* super.buildContexts(document, position);
    }

    /** A context that completes the partial catalog id before the cursor as one token. */
    private partialCatalogIdContext(document: LangiumDocument, position: Position): CompletionContext | undefined {
        const textDocument = document.textDocument;
        const offset = textDocument.offsetAt(position);
        const lineStart = textDocument.offsetAt({ line: position.line, character: 0 });
        // A partial id is short: look at the end of the line only, so that a long line (a
        // megabyte-long string) costs no more than a short one; PARTIAL_ID backtracks.
        const from = Math.max(lineStart, offset - PARTIAL_ID_WINDOW);
        const match = PARTIAL_ID.exec(textDocument.getText({ start: textDocument.positionAt(from), end: position }));
        const root = document.parseResult.value.$cstNode;
        if (!match || !root) {
            return undefined;
        }
        const start = offset - match[0].length;
        if (start > lineStart && /[\w.-]/.test(textDocument.getText().charAt(start - 1))) {
            return undefined; // the middle of a longer word, not an id
        }
        const inside = CstUtils.findLeafNodeAtOffset(root, start);
        if (inside && start > inside.offset) {
            return undefined; // in the middle of a longer token: a string or a comment
        }
        return {
            document,
            textDocument,
            offset,
            position,
            node: CstUtils.findLeafNodeBeforeOffset(root, start)?.astNode,
            tokenOffset: start,
            tokenEndOffset: offset,
            features: this.findFeaturesAt(textDocument, start)
        };
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = this.inStandardOfSoa(super.getReferenceCandidates(refInfo, context), refInfo);
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset).toLowerCase();
        if (!/[.\s]/.test(typed)) {
            return candidates;
        }
        // A partly typed id narrows by prefix: `A.6.` means A.6.x, not every id the fuzzy matcher finds.
        return candidates.filter(c => c.name.toLowerCase().startsWith(typed));
    }

    /** In a `soa` block only its own Annex A (and organisation controls): ISO/IEC 27001 controls in `soa iso27001`, 42001 ones elsewhere. */
    private inStandardOfSoa(candidates: Stream<AstNodeDescription>, refInfo: ReferenceInfo): Stream<AstNodeDescription> {
        const soa = refInfo.property === 'control' && isControlApplication(refInfo.container) && isStatementOfApplicability(refInfo.container.$container)
            ? refInfo.container.$container : undefined;
        if (!soa) {
            return candidates;
        }
        const standard = soaStandardOf(soa);
        return candidates.filter(c => (standardOfControl(String(c.name)) ?? standard) === standard);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const entry = isCatalogUri(description.documentUri) ? catalogItemFor(description.type, description.name) : undefined;
        if (!entry) {
            return this.declarationItem(item, description, refInfo);
        }
        // In an SoA, controls still missing from it are what the author most likely wants next.
        const decided = refInfo.property === 'control' && (entry.kind === 'annex-a-control' || entry.kind === 'iso27001-control') && this.model.soaEntryFor(entry.id) !== undefined;
        const title = displayTitle(entry);
        return {
            ...item,
            detail: title,
            labelDetails: this.labelDetails(title),
            documentation: entry.summary || undefined,
            sortText: `${decided ? 1 : 0}${String(catalogOrder(entry)).padStart(5, '0')}`
        };
    }

    /**
     * One of the user's declarations: `person "Alice Moreau"` instead of the AST type name, so a
     * name like `jdv` is recognisable. Organisation controls sort after the Annex A controls, and
     * in an SoA after them only once they have an entry.
     */
    private declarationItem(item: CompletionValueItem, description: AstNodeDescription, refInfo: ReferenceInfo): CompletionValueItem {
        const node = description.node;
        if (!node) {
            return item;
        }
        const keyword = declarationKeyword(node);
        const title = titleOf(node);
        const detail = [keyword, title !== undefined ? `"${title}"` : undefined].filter(Boolean).join(' ');
        const decided = refInfo.property === 'control' && this.model.soaEntryFor(description.name) !== undefined;
        return {
            ...item,
            detail: detail || item.detail,
            labelDetails: title ? this.labelDetails(title) : undefined,
            ...(isOrgControl(node) ? { sortText: `${decided ? 1 : 0}${String(Number.MAX_SAFE_INTEGER)}` } : {})
        };
    }

    /** Shown next to every item in the list, not only the focused one, where the client can. */
    private labelDetails(description: string): CompletionValueItem['labelDetails'] {
        return this.clientCapabilities?.completionItem?.labelDetailsSupport ? { description } : undefined;
    }
}
