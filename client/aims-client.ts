/**
 * What the extension adds to the language client, on the desktop (client/extension.ts, the server
 * over IPC) and in the browser (client/web-extension.ts, the server as a web worker): the SoA
 * status bar item, the coverage commands, the report webview, the rule pages that diagnostics
 * link to, New Workspace, and the `aims: validate` task where a process can run. In an untrusted
 * workspace the server runs without git and file-system checks until the user trusts it.
 * Everything it shows comes from the server, so the editor never disagrees with the CLI.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { SoaStatusItem } from './soa-status.js';
import { CoverageView } from './coverage-view.js';
import { ReportPanel } from './report-panel.js';
import { MarkdownPages } from './markdown-pages.js';
import { registerRulePages, rulesDocumentationUri } from './rule-pages.js';
import { registerValidateTask } from './validate-task.js';
import { registerNewWorkspace } from './new-workspace.js';
import type { AimsInitializationOptions } from '../src/lsp/aims-initialization-options.js';

/**
 * The built-in catalogs (`aims-catalog:/annex-a.aims` ...) exist only inside the server. It
 * announces LSP 3.18 `workspace/textDocumentContent` for this scheme and vscode-languageclient 10.1
 * registers the content provider from that, so go to definition on a catalog id opens a
 * read-only page without code here.
 */
const CATALOG_SCHEME = 'aims-catalog';

export function aimsClientOptions(context: vscode.ExtensionContext, options: { schemes: readonly string[] }): LanguageClientOptions {
    const aimsFileEvents = vscode.workspace.createFileSystemWatcher('**/*.aims');
    context.subscriptions.push(aimsFileEvents);
    return {
        // Files, unsaved buffers and the built-in catalogs; not git diffs, live share or other schemes.
        documentSelector: [...options.schemes, CATALOG_SCHEME].map(scheme => ({ scheme, language: 'aims' })),
        synchronize: {
            configurationSection: 'aims',
            fileEvents: aimsFileEvents
        },
        outputChannelName: 'AIMS Language Server',
        // Read once at start; trusting the workspace restarts the server (below).
        initializationOptions: {
            trusted: vscode.workspace.isTrusted,
            rulesDocumentation: rulesDocumentationUri(context)
        } satisfies AimsInitializationOptions
    };
}

export async function activateAims(context: vscode.ExtensionContext, client: BaseLanguageClient, options: { process: boolean }): Promise<void> {
    const current = () => client;

    // The AIMS commands show in the palette only where .aims files are (the walkthrough and
    // "New Workspace" can activate the extension in an empty folder).
    const aimsFiles = vscode.workspace.createFileSystemWatcher('**/*.aims');
    const markWorkspace = async () => {
        const found = (await vscode.workspace.findFiles('**/*.aims', '**/node_modules/**', 1)).length > 0;
        await vscode.commands.executeCommand('setContext', 'aims.workspace', found);
    };
    void markWorkspace();
    context.subscriptions.push(aimsFiles, aimsFiles.onDidCreate(markWorkspace), aimsFiles.onDidDelete(markWorkspace));

    const status = new SoaStatusItem(current);
    const pages = new MarkdownPages();
    const coverage = new CoverageView(current, pages);
    context.subscriptions.push(
        status,
        pages,
        registerRulePages(pages),
        ...(options.process ? [registerValidateTask(context)] : []),
        registerNewWorkspace(),
        vscode.commands.registerCommand('aims.showSoaCoverage', () => coverage.showSoaCoverage()),
        vscode.commands.registerCommand('aims.showNistCoverage', () => coverage.showNistCoverage()),
        ReportPanel.register(current),
        vscode.commands.registerCommand('aims.restartServer', async () => {
            await restart(client);
            status.refreshSoon();
            vscode.window.setStatusBarMessage('$(check) AIMS language server restarted', 5_000);
        }),
        vscode.workspace.onDidGrantWorkspaceTrust(async () => {
            client.clientOptions.initializationOptions = { ...client.clientOptions.initializationOptions as AimsInitializationOptions, trusted: true };
            await restart(client);
            status.refreshSoon();
        }),
        client.onDidChangeState(event => {
            if (event.newState === State.Running) {
                status.refreshSoon();
            }
        })
    );
    await client.start();
}

/** Both clients can restart; the common base class has no `restart`. */
async function restart(client: BaseLanguageClient): Promise<void> {
    if (client.isRunning()) {
        await client.stop();
    }
    await client.start();
}
