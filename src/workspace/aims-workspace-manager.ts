/**
 * Loads the built-in catalogs as documents next to the user's files, so catalog ids link like
 * any other name. Used by the language server on start-up and by the CLI before a build.
 */
import { DefaultWorkspaceManager, URI, type FileSystemNode, type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver-types';
import { CATALOG_NAMES } from '../catalog/catalog.js';
import { catalogDocumentUri, renderCatalogDocument } from '../catalog/catalog-document.js';
import type { AimsServices } from '../language/aims-module.js';
import { isIgnored } from './aims-config.js';
import type { AimsSettings } from './aims-settings.js';

export class AimsWorkspaceManager extends DefaultWorkspaceManager {
    private readonly documentFactory: LangiumDocumentFactory;
    private readonly shared: LangiumSharedCoreServices;

    constructor(shared: LangiumSharedCoreServices) {
        super(shared);
        this.shared = shared;
        this.documentFactory = shared.workspace.LangiumDocumentFactory;
        // Validate every file on start-up, not only the ones the editor opens, so the
        // Problems view and workspace-level findings are complete from the first second.
        this.initialBuildOptions = { validation: true };
    }

    /** The settings of the AIMS language (the registry is filled after this service is made). */
    private get settings(): AimsSettings | undefined {
        return (this.shared.ServiceRegistry.all.find(s => 'aims' in s) as AimsServices | undefined)?.aims.Settings;
    }

    /** Find `aims.config.json` for the workspace folders (again after it changed). */
    discoverConfig(folders: readonly WorkspaceFolder[] = this.folders ?? []): void {
        const paths = folders.map(folder => URI.parse(folder.uri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
        this.settings?.discoverConfig(paths);
    }

    // Runs before the folders are searched, so the config's ignore patterns apply to the search.
    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        this.discoverConfig(folders);
        for (const document of createCatalogDocuments(this.documentFactory)) {
            collector(document);
        }
    }

    /** What the CLI skips, the editor skips too: the config's `ignore` paths. */
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        const config = this.settings?.config;
        if (config && entry.uri.scheme === 'file' && isIgnored(entry.uri.fsPath, config)) {
            return false;
        }
        return super.shouldIncludeEntry(entry);
    }
}

export function createCatalogDocuments(factory: LangiumDocumentFactory): LangiumDocument[] {
    return CATALOG_NAMES.map(name => factory.fromString(renderCatalogDocument(name), catalogDocumentUri(name)));
}
