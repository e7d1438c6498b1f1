/**
 * Where an evidence `path "..."` points: relative to the workspace root (the folder holding the
 * AIMS), and whether the file is there. The evidence rules and the document links resolve paths
 * here, so a link opens exactly the file the validator looked for.
 */
import { AstUtils, URI, UriUtils, WorkspaceCache } from 'langium';
import type { Evidence } from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import type { AimsSettings } from './aims-settings.js';
import { leadsOutside } from './symbolic-links.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

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
        // A lone surrogate (`\uD800`) names no file and cannot be written in a URI: it becomes U+FFFD.
        const path = (evidence.path ?? '').replace(LONE_SURROGATE, '\uFFFD');
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

    /**
     * Where a path inside the workspace really leads when a symbolic link takes it out of the
     * workspace (symbolic-links.ts): such a file is not evidence the repository holds.
     */
    linkedOutside(uri: URI, documentUri: URI): string | undefined {
        return uri.scheme === 'file' ? leadsOutside(uri.fsPath, this.workspaceRoot(documentUri).fsPath) : undefined;
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
