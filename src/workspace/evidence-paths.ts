/**
 * Where an evidence `path "..."` points: relative to the workspace root (the folder holding the
 * AIMS), and whether the file is there. The evidence rules and the document links resolve paths
 * here, so a link opens exactly the file the validator looked for.
 */
import { AstUtils, URI, UriUtils, WorkspaceCache } from 'langium';
import type { Evidence } from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import type { AimsSettings } from './aims-settings.js';

export interface ResolvedEvidencePath {
    readonly uri: URI;
    /** Relative and inside the workspace root. */
    readonly inside: boolean;
    readonly absolute: boolean;
}

export class EvidencePaths {
    private readonly services: AimsServices;
    private readonly settings: AimsSettings;
    /** File existence per URI, forgotten on every workspace change. */
    private readonly existingFiles: WorkspaceCache<string, Promise<boolean>>;

    constructor(services: AimsServices) {
        this.services = services;
        this.settings = services.aims.Settings;
        this.existingFiles = new WorkspaceCache(services.shared);
    }

    /** Evidence paths are relative to the workspace root (the folder holding the AIMS). */
    resolve(evidence: Evidence): ResolvedEvidencePath {
        const document = AstUtils.getDocument(evidence);
        const root = this.workspaceRoot(document.uri);
        const path = evidence.path ?? '';
        const absolute = path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
        const uri = absolute ? URI.file(path) : UriUtils.resolvePath(root, ...path.split(/[\\/]/));
        const relative = UriUtils.relative(root, uri);
        const inside = !absolute && relative !== '..' && !relative.startsWith('../') && !relative.startsWith('/');
        return { uri, inside, absolute };
    }

    /** Many evidence entries name the same file: ask the file system once per file and change. */
    exists(uri: URI): Promise<boolean> {
        return this.existingFiles.get(uri.toString(), () => this.services.shared.workspace.FileSystemProvider.exists(uri).catch(() => false));
    }

    workspaceRoot(documentUri: URI): URI {
        const configured = this.settings.values.workspaceRoot;
        if (configured) {
            return URI.file(configured);
        }
        const folders = this.services.shared.workspace.WorkspaceManager.workspaceFolders ?? [];
        const containing = folders
            .map(f => URI.parse(f.uri))
            .filter(folder => UriUtils.contains(folder, documentUri))
            .sort((a, b) => b.path.length - a.path.length)[0];
        return containing ?? UriUtils.dirname(documentUri);
    }
}
