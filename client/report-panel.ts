/**
 * "AIMS: Open Report": the workspace report, the same HTML page as `aims report`, in a webview.
 * The page comes from the language server (request `aims/report`), so the editor, the CLI and
 * the report never disagree; it is rebuilt whenever an `.aims` file is saved. The webview runs
 * no script and loads nothing: its Content-Security-Policy allows only the page's own style
 * sheet (by nonce) and data: images.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

/** Served by src/lsp/aims-report-request.ts; repeated here so the client bundle stays free of the server. */
export const REPORT_REQUEST = 'aims/report';

type Client = () => LanguageClient | undefined;

/** Saves arrive in bursts (Save All): wait this long for the last one before rebuilding. */
const REFRESH_DELAY_MS = 300;

export class ReportPanel implements vscode.Disposable {
    private static current: ReportPanel | undefined;

    private readonly panel: vscode.WebviewPanel;
    private readonly disposables: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** Bumped per refresh, so that a slow answer never replaces a newer one. */
    private generation = 0;

    /** The command and the refresh on save; dispose to remove both and close the panel. */
    static register(client: Client): vscode.Disposable {
        return vscode.Disposable.from(
            vscode.commands.registerCommand('aims.openReport', () => ReportPanel.show(client)),
            vscode.workspace.onDidSaveTextDocument(document => {
                if (document.languageId === 'aims' || document.uri.path.endsWith('.aims')) {
                    ReportPanel.current?.refreshSoon();
                }
            }),
            { dispose: () => ReportPanel.current?.dispose() }
        );
    }

    static show(client: Client): void {
        if (ReportPanel.current) {
            ReportPanel.current.panel.reveal();
            void ReportPanel.current.refresh();
        } else {
            ReportPanel.current = new ReportPanel(client);
        }
    }

    private constructor(private readonly client: Client) {
        this.panel = vscode.window.createWebviewPanel('aims.report', 'AIMS Report', vscode.ViewColumn.Active, {
            enableScripts: false,
            enableForms: false,
            enableCommandUris: false,
            localResourceRoots: []
        });
        this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
        this.panel.webview.html = notice('Building the AIMS report…');
        void this.refresh();
    }

    refreshSoon(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
    }

    async refresh(): Promise<void> {
        const generation = ++this.generation;
        const running = this.client();
        if (!running?.isRunning()) {
            this.panel.webview.html = notice('The AIMS language server is not running. Open a .aims file, or run "AIMS: Restart Language Server".');
            return;
        }
        const nonce = freshNonce();
        try {
            const page = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: 'AIMS: building report' },
                () => running.sendRequest<string>(REPORT_REQUEST, { format: 'html', nonce }));
            if (generation === this.generation) {
                this.panel.webview.html = withPolicy(page, nonce);
            }
        } catch (error) {
            if (generation === this.generation) {
                this.panel.webview.html = notice(`The report could not be built: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
    }

    dispose(): void {
        if (ReportPanel.current === this) ReportPanel.current = undefined;
        if (this.timer) clearTimeout(this.timer);
        this.panel.dispose();
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}

/**
 * The webview's policy, set by the client whatever the page declares: browsers enforce every
 * policy a page has, so the page can only be stricter than this, never looser.
 */
function policy(nonce: string): string {
    return `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

function withPolicy(page: string, nonce: string): string {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${escape(policy(nonce))}">`;
    return /<head[^>]*>/i.test(page) ? page.replace(/<head[^>]*>/i, head => `${head}\n${meta}`) : `${meta}\n${page}`;
}

/** A one-message page under the same policy, for waiting and for errors. */
function notice(message: string): string {
    const nonce = freshNonce();
    return withPolicy(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">`
        + `<style nonce="${nonce}">body{font-family:var(--vscode-font-family,system-ui,sans-serif);color:var(--vscode-foreground);padding:24px;}</style>`
        + `</head><body><p>${escape(message)}</p></body></html>`, nonce);
}

function escape(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A fresh nonce for the webview's content security policy; Web Crypto, which the desktop and the browser both have. */
function freshNonce(): string {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
    return btoa(String.fromCharCode(...bytes));
}
