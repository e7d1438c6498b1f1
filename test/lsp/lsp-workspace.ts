/**
 * In-process harness for the LSP providers: the real service container with the catalogs
 * loaded by the workspace manager (as in the server), plus inline `.aims` files whose cursor
 * positions are marked with `<|>`.
 */
import { DocumentState, EmptyFileSystem, URI, UriUtils, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { InitializeParams, Position } from 'vscode-languageserver';
import { createAimsServices, type AimsServices } from '../../src/language/aims-module.js';
import { buildWorkspace } from '../../src/workspace/aims-workspace.js';
import type { AimsSettingsValues } from '../../src/workspace/aims-settings.js';

export const ROOT = '/workspace';
const MARKER = '<|>';

export interface LspOptions {
    /** Fixed settings (they win over the client's); by default today is 2026-06-01. */
    settings?: Partial<AimsSettingsValues>;
    /** Use the real file system with this folder as the workspace root. */
    root?: string;
}

/** Services whose workspace manager has started up (catalogs loaded, `ready` resolved). */
export async function lspServices(options: LspOptions = {}): Promise<AimsServices> {
    const { shared, Aims } = createAimsServices(options.root ? NodeFileSystem : EmptyFileSystem);
    // `today: undefined` leaves the date to the client's settings.
    const fixed = Object.entries({ today: '2026-06-01', workspaceRoot: options.root ?? ROOT, ...options.settings }).filter(([, v]) => v !== undefined);
    Aims.aims.Settings.set(Object.fromEntries(fixed));
    shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: [] } as InitializeParams);
    await shared.workspace.WorkspaceManager.initialized({});
    return Aims;
}

export interface OpenWorkspace {
    documents: Record<string, LangiumDocument>;
    /** Cursor positions per file, in the order of their `<|>` markers. */
    cursors: Record<string, Position[]>;
    /** The one cursor of the workspace (exactly one `<|>` across all files). */
    cursor: { document: LangiumDocument; position: Position };
}

/** Build `files` (name to text, `<|>` marks cursors) into the services' workspace under `root`. */
export async function open(services: AimsServices, files: Record<string, string>, root = ROOT): Promise<OpenWorkspace> {
    const texts: Record<string, string> = {};
    const offsets: Record<string, number[]> = {};
    for (const [name, marked] of Object.entries(files)) {
        const parts = marked.split(MARKER);
        texts[name] = parts.join('');
        offsets[name] = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('').length);
    }
    const built = await buildWorkspace(services, Object.entries(texts).map(([name, text]) => ({ uri: uriOf(name, root), text })));
    const documents: Record<string, LangiumDocument> = {};
    const cursors: Record<string, Position[]> = {};
    let cursor: OpenWorkspace['cursor'] | undefined;
    for (const doc of built.documents) {
        const name = UriUtils.relative(URI.file(root), doc.uri);
        documents[name] = doc;
        cursors[name] = offsets[name].map(o => doc.textDocument.positionAt(o));
        if (cursors[name].length > 0) {
            cursor = { document: doc, position: cursors[name][0] };
        }
    }
    return {
        documents, cursors,
        get cursor() {
            if (!cursor) throw new Error(`No ${MARKER} marker in the test files.`);
            return cursor;
        }
    };
}

export function uriOf(name: string, root = ROOT): URI {
    return URI.file(`${root}/${name}`);
}

/** Text document position params for a cursor. */
export function at(document: LangiumDocument, position: Position) {
    return { textDocument: { uri: document.uri.toString() }, position };
}

/** Shared with the LSP feature tests: `positionOf(document, needle, shift, occurrence)`. */
export { positionOf } from '../lsp-features/editor.js';

/**
 * Resolve with a document's diagnostics once a validation of it satisfies `accept`. The timeout
 * only keeps a broken server from hanging the test run; it asserts nothing about speed.
 */
export function validationOf(services: AimsServices, uri: URI, accept: (diagnostics: Diagnostic[]) => boolean, guardMs = 20_000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            listener.dispose();
            reject(new Error(`No validation of ${uri.toString()} with the expected diagnostics.`));
        }, guardMs);
        const listener = services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, doc => {
            if (doc.uri.toString() === uri.toString() && accept(doc.diagnostics ?? [])) {
                clearTimeout(timer);
                listener.dispose();
                resolve(doc.diagnostics ?? []);
            }
        });
    });
}

export function codesOf(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(d => String(d.code));
}
