/**
 * When the language server re-validates. Langium rebuilds changed documents on every keystroke
 * with the 'fast' checks only (the documents relinked with them keep every category, see
 * AimsDocumentBuilder); on top of that:
 *
 * - on start-up, every document gets every category, including the 'slow' ones that ask the
 *   file system whether evidence files exist (see AimsWorkspaceManager);
 * - on open, the opened document gets the 'slow' checks too (opening resets its diagnostics, and
 *   a missing evidence file should not vanish from the Problems view because a file was opened);
 * - on save, the saved document is validated again with every category;
 * - when the client changes the `aims` settings (today, expiry window, severities), or
 *   `aims.config.json` changes on disk, every user document is re-validated, since any finding
 *   may depend on them.
 *
 * Each write action on the workspace cancels the one before it, and an editor opens several
 * files at once on start-up. So these requests are kept in sets and every action works through
 * all of them: a request leaves its set only once its build has finished, and a cancelled
 * action's requests are taken over by the next action. Until the open, save and settings
 * requests are done, ordinary edits also go through here, so that the work is finished once
 * the user pauses. The start-up build is cancelled by the first file the editor opens, so the
 * next action also completes every document loaded on start-up (a no-op for those the start-up
 * build finished).
 */
import { DocumentState, URI, type LangiumDocument, type LangiumDocuments, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, DidChangeWatchedFilesParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../workspace/aims-config.js';
import type { AimsWorkspaceManager } from '../workspace/aims-workspace-manager.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import { ALL_CATEGORIES } from './aims-document-builder.js';

/** The configuration section the AIMS settings live in (see AimsSettings). */
export const AIMS_SETTINGS_SECTION = 'aims';

export class AimsDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly langiumDocuments: LangiumDocuments;
    /** Documents just opened: their first content event is the open itself. */
    private readonly opening = new Set<string>();
    /** Opened documents that need every category that has not run on them yet. */
    private readonly toComplete = new Set<string>();
    /** Documents loaded on start-up, in case an opened file cancelled the start-up build. */
    private readonly loadedOnStartup = new Set<string>();
    /** Documents to validate again with every category, whatever ran before (saved; settings). */
    private readonly toRevalidate = new Set<string>();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.langiumDocuments = services.workspace.LangiumDocuments;
        services.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === AIMS_SETTINGS_SECTION) {
                void this.revalidateAll();
            }
        });
        // `ready` resolves once every document is loaded, before the start-up build runs.
        this.workspaceManager.ready.then(() => {
            this.userDocuments().forEach(doc => this.loadedOnStartup.add(doc.uri.toString()));
        }).catch(() => undefined);
    }

    didOpenDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.opening.add(event.document.uri);
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(change.document.uri);
        if (isCatalogUri(uri)) {
            // A catalog document the editor shows (go to definition) is read-only and already built:
            // rebuilding it would relink the whole workspace for nothing.
            this.opening.delete(change.document.uri);
            return;
        }
        if (this.opening.delete(change.document.uri)) {
            this.toComplete.add(uri.toString());
        }
        if (this.hasPendingWork()) {
            void this.validatePending([uri]);
        } else {
            super.didChangeContent(change);
        }
    }

    /** A changed, created or deleted `aims.config.json` is read again and re-validates everything. */
    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isConfig = (uri: string) => URI.parse(uri).path.endsWith(`/${CONFIG_FILE_NAME}`);
        const others = params.changes.filter(change => !isConfig(change.uri));
        if (others.length > 0) {
            super.didChangeWatchedFiles({ changes: others });
        }
        if (others.length < params.changes.length) {
            void this.workspaceManager.ready.then(() => {
                (this.workspaceManager as AimsWorkspaceManager).discoverConfig();
                return this.revalidateAll();
            });
        }
    }

    didSaveDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.toRevalidate.add(URI.parse(event.document.uri).toString());
        void this.validatePending([]);
    }

    /** Re-validate every user document with all categories (after a settings change). */
    revalidateAll(): Promise<void> {
        this.userDocuments().forEach(doc => this.toRevalidate.add(doc.uri.toString()));
        return this.validatePending([]);
    }

    /** Whether an open, save or settings request has not finished yet. */
    hasPendingWork(): boolean {
        return this.toComplete.size > 0 || this.toRevalidate.size > 0;
    }

    private userDocuments(): LangiumDocument[] {
        return this.langiumDocuments.all.filter(doc => !isCatalogUri(doc.uri)).toArray();
    }

    /**
     * Run the pending update for `changed`, then the requested validations. Waits until the
     * workspace is loaded. A cancelled build throws, so the requests stay for the next action.
     */
    private async validatePending(changed: URI[]): Promise<void> {
        try {
            await this.workspaceManager.ready;
            await this.workspaceLock.write(async token => {
                await this.documentBuilder.update(changed, [], token);
                await this.buildRequested([this.toRevalidate], { validation: true }, token);
                await this.buildRequested([this.toComplete, this.loadedOnStartup], { validation: { categories: ALL_CATEGORIES } }, token);
            });
        } catch (err) {
            console.error('AIMS: re-validation failed.', err);
        }
    }

    private async buildRequested(requests: Array<Set<string>>, options: { validation: true | { categories: string[] } }, token: CancellationToken): Promise<void> {
        const uris = [...new Set(requests.flatMap(set => [...set]))];
        const documents = uris
            .map(uri => this.langiumDocuments.getDocument(URI.parse(uri)))
            .filter((doc): doc is LangiumDocument => doc !== undefined && doc.state >= DocumentState.Parsed);
        if (documents.length > 0) {
            await this.documentBuilder.build(documents, options, token);
        }
        // Reached only when the build was not cancelled; documents that are gone need nothing.
        requests.forEach(set => uris.forEach(uri => set.delete(uri)));
    }
}
