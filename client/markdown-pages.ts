/**
 * Read-only Markdown pages (`aims-page:/…`) rendered in VS Code's Markdown preview: the coverage
 * tables and the rule pages. A virtual document never asks to be saved.
 */
import * as vscode from 'vscode';

export const PAGE_SCHEME = 'aims-page';

export class MarkdownPages implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly pages = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PAGE_SCHEME, this);

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.pages.get(uri.path) ?? '';
    }

    async open(name: string, content: string): Promise<void> {
        const uri = vscode.Uri.from({ scheme: PAGE_SCHEME, path: `/${name}` });
        this.pages.set(uri.path, content);
        this.changed.fire(uri);
        try {
            await vscode.commands.executeCommand('markdown.showPreview', uri);
        } catch {
            // Without the built-in Markdown extension, show the source.
            await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
        }
    }

    dispose(): void {
        this.registration.dispose();
        this.changed.dispose();
    }
}
