/**
 * Status bar item `SoA 36/38`: Annex A controls with a decision (applicable or excluded) out of
 * all 38; its tooltip adds the NIST AI RMF coverage in its three levels. It refreshes when the server publishes new diagnostics for .aims files, which is
 * exactly when the workspace has been re-validated, and opens the coverage list on click.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { NIST_COVERAGE_REQUEST, SOA_COVERAGE_REQUEST, type NistCoverageResult, type SoaCoverageResult } from '../src/lsp/aims-coverage-protocol.js';

/** Diagnostics arrive file by file after a build; wait for the burst to end before asking. */
const SETTLE_MS = 300;
const MISSING_SHOWN = 8;

export class SoaStatusItem implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('aims.soaCoverage', vscode.StatusBarAlignment.Left, 10);
    private readonly subscriptions: vscode.Disposable[] = [];
    private timer: NodeJS.Timeout | undefined;
    private generation = 0;

    constructor(private readonly client: () => LanguageClient | undefined) {
        this.item.name = 'AIMS Statement of Applicability';
        this.item.command = 'aims.showSoaCoverage';
        this.subscriptions.push(vscode.languages.onDidChangeDiagnostics(event => {
            if (event.uris.some(uri => uri.path.endsWith('.aims'))) this.refreshSoon();
        }));
    }

    refreshSoon(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), SETTLE_MS);
    }

    private async refresh(): Promise<void> {
        const client = this.client();
        if (!client?.isRunning()) return;
        const generation = ++this.generation;
        try {
            const [coverage, nist] = await Promise.all([
                client.sendRequest<SoaCoverageResult>(SOA_COVERAGE_REQUEST),
                client.sendRequest<NistCoverageResult>(NIST_COVERAGE_REQUEST)
            ]);
            if (generation === this.generation) this.show(coverage, nist);
        } catch (error) {
            // A request cancelled by a newer build is followed by a newer refresh.
            if (generation === this.generation) client.warn(`SoA coverage request failed: ${String(error)}`);
        }
    }

    private show(coverage: SoaCoverageResult, nist: NistCoverageResult): void {
        this.item.text = `$(checklist) SoA ${coverage.decided}/${coverage.total}`;
        this.item.tooltip = tooltip(coverage, nist);
        this.item.backgroundColor = coverage.missing.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
        this.item.show();
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.item.dispose();
        this.subscriptions.forEach(s => s.dispose());
    }
}

function tooltip(coverage: SoaCoverageResult, nist: NistCoverageResult): vscode.MarkdownString {
    const missing = coverage.missing.length;
    const lines = [
        `**Statement of applicability**: ${coverage.decided} of ${coverage.total} Annex A controls decided (applicable or excluded)`,
        '',
        `- ${missing} missing${missing > 0 ? ': ' + coverage.missing.slice(0, MISSING_SHOWN).join(', ') + (missing > MISSING_SHOWN ? ', …' : '') : ''}`,
        `- ${coverage.undecided} undecided`,
        `- ${coverage.implemented} of ${coverage.applicable} applicable controls implemented`,
        `- ${coverage.excluded} excluded`,
        '',
        `**NIST AI RMF**: ${nist.covered} of ${nist.total} subcategories covered, ${nist.partlyCovered} partly covered, ${nist.notCovered} not covered (through the mappings; the crosswalk alone counts as partly)`,
        '',
        'Click to list the controls.'
    ];
    return new vscode.MarkdownString(lines.join('\n'));
}
