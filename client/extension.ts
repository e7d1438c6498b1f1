/**
 * The VS Code extension on the desktop: starts the AIMS language server
 * (out/language-server/main.cjs) over IPC and registers the features of client/aims-client.ts.
 * The browser entry (vscode.dev) is client/web-extension.ts.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateAims, aimsClientOptions } from './aims-client.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('out/language-server/main.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    client = new LanguageClient('aims', 'AIMS Language Server', serverOptions, aimsClientOptions(context, { schemes: ['file', 'untitled'] }));
    await activateAims(context, client, { process: true });
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
