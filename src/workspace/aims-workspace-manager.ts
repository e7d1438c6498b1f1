/**
 * Loads the built-in catalogs as documents next to the user's files, so catalog ids link like
 * any other name. Used by the language server on start-up and by the CLI before a build.
 */
import { DefaultWorkspaceManager, stream, URI, UriUtils, type FileSystemNode, type Stream, type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices } from 'langium';
import { statSync } from 'node:fs';
import type { LangiumSharedServices } from 'langium/lsp';
import type { WorkspaceFolder } from 'vscode-languageserver-types';
import { CATALOG_NAMES } from '../catalog/catalog.js';
import { catalogDocumentUri, renderCatalogDocument } from '../catalog/catalog-document.js';
import type { AimsServices } from '../language/aims-module.js';
import { isIgnored } from './aims-config.js';
import type { AimsSettings } from './aims-settings.js';
import { isInside, realPathOf } from './symbolic-links.js';
import { fileSize, mebibytes, withinWorkspaceLimit, workspaceByteLimit } from './file-limits.js';

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

    /**
     * The memory bound (file-limits.ts): files in path order up to the workspace limit; the rest
     * are left out with one warning to the user. A file left out still opens in the editor.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const sorted = uris.toArray().sort((a, b) => a.path.localeCompare(b.path));
        const limit = workspaceByteLimit();
        const { kept, left, total } = withinWorkspaceLimit(sorted, uri => (uri.scheme === 'file' ? fileSize(uri.fsPath) : undefined) ?? 0, limit);
        if (left.length > 0) {
            const message = `AIMS: this workspace holds ${mebibytes(total)} of .aims files, more than the limit of ${mebibytes(limit)}; `
                + `${left.length} file${left.length === 1 ? ' was' : 's were'} not loaded (from ${left[0].path}). Ignore folders in aims.config.json, or set AIMS_MAX_WORKSPACE_MIB to raise the limit.`;
            console.warn(message);
            void (this.shared as Partial<LangiumSharedServices>).lsp?.Connection?.window.showWarningMessage(message);
        }
        return super.loadWorkspaceDocuments(stream(kept), collector);
    }

    /** Real paths of the folders searched so far, so a link back up the tree is walked once. */
    private visitedFolders = new Set<string>();

    override async searchFolder(uri: URI): Promise<URI[]> {
        this.visitedFolders = new Set();
        return super.searchFolder(uri);
    }

    /**
     * The folder's entries, with symbolic links judged by where they lead, as the CLI judges
     * them (symbolic-links.ts): followed inside the workspace folder, left out when they lead
     * out of it or nowhere. Langium's walk would skip every link, so the two faces would see
     * different workspaces.
     */
    protected override async traverseFolder(folderPath: URI, uris: URI[]): Promise<void> {
        if (folderPath.scheme === 'file') {
            const real = realPathOf(folderPath.fsPath);
            if (real && this.visitedFolders.has(real)) {
                return;
            }
            if (real) this.visitedFolders.add(real);
        }
        let content: FileSystemNode[];
        try {
            content = await this.fileSystemProvider.readDirectory(folderPath);
        } catch (error) {
            console.error(`Cannot read the folder ${folderPath.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        // In name order, as the CLI walks, so that which path of a folder reached twice is kept does not depend on the file system.
        content.sort((a, b) => a.uri.path.localeCompare(b.uri.path));
        await Promise.all(content.map(async entry => {
            const followed = this.followLink(entry);
            if (!followed || !this.shouldIncludeEntry(followed)) {
                return;
            }
            if (followed.isDirectory) {
                await this.traverseFolder(followed.uri, uris);
            } else if (followed.isFile) {
                uris.push(followed.uri);
            }
        }));
    }

    /** The entry itself, or for a symbolic link inside its workspace folder, what it points at (under the link's own name). */
    private followLink(entry: FileSystemNode): FileSystemNode | undefined {
        const dirent = (entry as { dirent?: { isSymbolicLink?: () => boolean } }).dirent;
        if (entry.uri.scheme !== 'file' || !dirent?.isSymbolicLink?.()) {
            return entry;
        }
        const folder = this.folders?.map(f => URI.parse(f.uri)).find(root => UriUtils.contains(root, entry.uri));
        const real = realPathOf(entry.uri.fsPath);
        const realRoot = folder && realPathOf(folder.fsPath);
        if (!real || !realRoot || !isInside(real, realRoot)) {
            if (real && entry.uri.path.endsWith('.aims') || real && this.isFolder(real)) {
                console.warn(`Not loaded: ${entry.uri.fsPath} is a symbolic link to ${real}, outside the workspace.`);
            }
            return undefined;
        }
        const isDirectory = this.isFolder(real);
        return { uri: entry.uri, isDirectory, isFile: !isDirectory };
    }

    private isFolder(path: string): boolean {
        try {
            return statSync(path).isDirectory();
        } catch {
            return false;
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
