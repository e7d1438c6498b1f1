/**
 * Loads the built-in catalogs as documents next to the user's files, so catalog ids link like
 * any other name. Used by the language server on start-up and by the CLI before a build.
 */
import { DefaultWorkspaceManager, type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver-types';
import { CATALOG_NAMES } from '../catalog/catalog.js';
import { catalogDocumentUri, renderCatalogDocument } from '../catalog/catalog-document.js';

export class AimsWorkspaceManager extends DefaultWorkspaceManager {
    private readonly documentFactory: LangiumDocumentFactory;

    constructor(shared: LangiumSharedCoreServices) {
        super(shared);
        this.documentFactory = shared.workspace.LangiumDocumentFactory;
        // Validate every file on start-up, not only the ones the editor opens, so the
        // Problems view and workspace-level findings are complete from the first second.
        this.initialBuildOptions = { validation: true };
    }

    protected override async loadAdditionalDocuments(_folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        for (const document of createCatalogDocuments(this.documentFactory)) {
            collector(document);
        }
    }
}

export function createCatalogDocuments(factory: LangiumDocumentFactory): LangiumDocument[] {
    return CATALOG_NAMES.map(name => factory.fromString(renderCatalogDocument(name), catalogDocumentUri(name)));
}
