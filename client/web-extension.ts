/**
 * The extension in the browser (vscode.dev, github.dev): the `browser` entry of package.json.
 * The same language server runs as a web worker (out/web/language-server.js: catalogs bundled, no
 * file system or git, so evidence files are reported as not checked) and the same features as on
 * the desktop are registered (client/aims-client.ts), except the `aims: validate` task, which
 * needs a process.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateAims, aimsClientOptions } from './aims-client.js';

/** The browser's Worker and Blob; the project's TypeScript has no DOM library. */
declare const Worker: new (url: string) => ServerWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const worker = await startServerWorker(vscode.Uri.joinPath(context.extensionUri, 'out/web/language-server.js'));
    // Virtual workspaces (github.dev) have no `file` scheme; their documents are served by VS Code.
    client = new LanguageClient('aims', 'AIMS Language Server', worker, aimsClientOptions(context, { schemes: BROWSER_SCHEMES }));
    await activateAims(context, client, { process: false });
    await openWorkspaceFiles();
}

/**
 * The server as a worker. VS Code refuses `new Worker(url)` for an extension that a remote server
 * (code-server, Codespaces) serves, so the script is read and started from a Blob, which works
 * for every host.
 */
async function startServerWorker(script: vscode.Uri): Promise<ServerWorker> {
    try {
        return new Worker(script.toString(true));
    } catch {
        const code = await vscode.workspace.fs.readFile(script);
        return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    }
}

type ServerWorker = Extract<ConstructorParameters<typeof LanguageClient>[2], object>;

/** Where a browser's workspace files live: local, github.dev/vscode.dev, a remote server (code-server), tests. */
const BROWSER_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

/** At most this many files are given to the server; the desktop server reads the folder itself. */
const MAX_FILES = 5_000;

/**
 * A web worker cannot read the workspace folder, so the server would see only the files the
 * user opens, and every name declared elsewhere would be unknown. Opening every `.aims` file as a
 * text document (not in an editor) hands them all to the server, which then sees the same
 * workspace as on the desktop.
 */
async function openWorkspaceFiles(): Promise<void> {
    const files = await vscode.workspace.findFiles('**/*.aims', '{**/node_modules/**,**/out/**,**/.*/**}', MAX_FILES);
    await Promise.all(files.map(uri => vscode.workspace.openTextDocument(uri).then(undefined, () => undefined)));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
