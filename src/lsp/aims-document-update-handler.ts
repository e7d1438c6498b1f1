/**
 * When the language server re-validates. Langium rebuilds changed documents on every keystroke
 * with the 'fast' checks only; on top of that:
 *
 * - on save, the saved document is validated with every category, including the 'slow' ones
 *   that ask the file system whether evidence files exist;
 * - on open, the opened document gets the 'slow' checks too (opening resets its diagnostics, and
 *   a missing evidence file should not vanish from the Problems view because a file was opened);
 * - when the client changes the `aims` settings (today, expiry window, severities), every user
 *   document is re-validated, since any finding may depend on them.
 *
 * Each of these runs as one write action under the workspace lock: first the pending update
 * (an action cancels the one before it, so finishing it here leaves no document half-built),
 * then the extra validation.
 */
import { DocumentState, URI, type BuildOptions, type LangiumDocument, type LangiumDocuments, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import { isCatalogUri } from '../catalog/catalog-document.js';

/** The configuration section the AIMS settings live in (see AimsSettings). */
export const AIMS_SETTINGS_SECTION = 'aims';

export class AimsDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly langiumDocuments: LangiumDocuments;
    /** Documents just opened: their first content event is the open itself. */
    private readonly opening = new Set<string>();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.langiumDocuments = services.workspace.LangiumDocuments;
        services.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === AIMS_SETTINGS_SECTION) {
                void this.revalidateAll();
            }
        });
    }

    didOpenDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.opening.add(event.document.uri);
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(change.document.uri);
        if (this.opening.delete(change.document.uri)) {
            // Only the categories not run yet: the update has just run the fast ones.
            void this.afterUpdate([uri], () => this.documentsAt(uri), { validation: { categories: ['built-in', 'fast', 'slow'] } });
        } else {
            super.didChangeContent(change);
        }
    }

    didSaveDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        void this.afterUpdate([], () => this.documentsAt(uri), { validation: true });
    }

    /** Re-validate every user document with all categories (after a settings change). */
    revalidateAll(): Promise<void> {
        return this.afterUpdate([], () => this.langiumDocuments.all.filter(doc => !isCatalogUri(doc.uri)).toArray(), { validation: true });
    }

    private documentsAt(uri: URI): LangiumDocument[] {
        const document = this.langiumDocuments.getDocument(uri);
        return document ? [document] : [];
    }

    /**
     * Run the pending update for `changed`, then build `targets()` with `options`. Waits until the
     * workspace is loaded: before that, the initial build validates everything anyway.
     */
    private async afterUpdate(changed: URI[], targets: () => LangiumDocument[], options: BuildOptions): Promise<void> {
        try {
            await this.workspaceManager.ready;
            await this.workspaceLock.write(async token => {
                await this.documentBuilder.update(changed, [], token);
                const documents = targets().filter(doc => doc.state >= DocumentState.Parsed);
                if (documents.length > 0) {
                    await this.documentBuilder.build(documents, options, token);
                }
            });
        } catch (err) {
            console.error('AIMS: re-validation failed.', err);
        }
    }
}
