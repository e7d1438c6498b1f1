/**
 * The coverage commands: a searchable list of the 38 Annex A controls (or the 72 NIST AI RMF
 * subcategories) grouped by what still needs doing, most urgent first. Picking one jumps to its
 * SoA entry, or to the catalog page when there is no entry. An implemented control without
 * evidence carries a warning icon. A title button renders the same list
 * as a Markdown table in a read-only preview, for audit notes and management reviews.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { MarkdownPages } from './markdown-pages.js';
import {
    NIST_COVERAGE_REQUEST, SOA_COVERAGE_REQUEST,
    type CoverageLocation, type NistCoverageResult, type NistState, type NistSubcategoryRow,
    type SoaControlCoverage, type SoaControlState, type SoaCoverageResult
} from '../src/lsp/aims-coverage-protocol.js';

type Client = () => LanguageClient | undefined;

interface Group<S extends string> { readonly states: readonly S[]; readonly label: string; readonly icon: string }

const SOA_GROUPS: ReadonlyArray<Group<SoaControlState>> = [
    { states: ['missing'], label: 'Not in the SoA', icon: 'error' },
    { states: ['undecided'], label: 'Undecided', icon: 'question' },
    { states: ['applicable', 'planned', 'in-progress'], label: 'Applicable, not yet implemented', icon: 'clock' },
    { states: ['implemented'], label: 'Implemented', icon: 'pass-filled' },
    { states: ['excluded'], label: 'Excluded', icon: 'circle-slash' }
];

const NIST_GROUPS: ReadonlyArray<Group<NistState>> = [
    { states: ['not-covered'], label: 'Not covered', icon: 'error' },
    { states: ['partly-covered'], label: 'Partly covered (intersects with, or contains, an implemented control)', icon: 'circle-large-outline' },
    { states: ['covered'], label: 'Covered (equal to, or part of, an implemented control)', icon: 'pass-filled' }
];

interface LocatedItem extends vscode.QuickPickItem { location?: CoverageLocation }

const NIST_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('graph'), tooltip: 'Show NIST AI RMF coverage' };
const SOA_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('checklist'), tooltip: 'Show Statement of Applicability coverage' };
const MARKDOWN_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('markdown'), tooltip: 'Open as Markdown' };

export class CoverageView {
    constructor(private readonly client: Client, private readonly pages: MarkdownPages) {}

    async showSoaCoverage(): Promise<void> {
        const coverage = await request<SoaCoverageResult>(this.client, SOA_COVERAGE_REQUEST);
        if (!coverage) return;
        const title = `SoA coverage: ${coverage.decided}/${coverage.total} decided · ${coverage.implemented} implemented · `
            + `${coverage.missing.length} missing · ${coverage.undecided} undecided`;
        const items = grouped(SOA_GROUPS, coverage.controls, (group, control): LocatedItem => ({
            label: `$(${lacksEvidence(control) ? 'warning' : group.icon}) ${control.id}`,
            description: control.title,
            detail: soaDetail(control),
            location: control.entry ?? control.definition
        }));
        pick(title, 'Filter by id, title, owner or status', items, [NIST_BUTTON, MARKDOWN_BUTTON], button =>
            button === NIST_BUTTON ? this.showNistCoverage() : this.openMarkdown('SoA coverage.md', soaMarkdown(coverage)));
    }

    async showNistCoverage(): Promise<void> {
        const coverage = await request<NistCoverageResult>(this.client, NIST_COVERAGE_REQUEST);
        if (!coverage) return;
        const title = `NIST AI RMF coverage: ${coverage.covered}/${coverage.total} covered · ${coverage.partlyCovered} partly · `
            + `${coverage.notCovered} not covered`;
        const items = grouped(NIST_GROUPS, coverage.subcategories, (group, row): LocatedItem => ({
            label: `$(${group.icon}) ${row.id}`,
            description: row.title,
            detail: nistDetail(row),
            location: row.definition
        }));
        pick(title, 'Filter by subcategory, title or control', items, [SOA_BUTTON, MARKDOWN_BUTTON], button =>
            button === SOA_BUTTON ? this.showSoaCoverage() : this.openMarkdown('NIST AI RMF coverage.md', nistMarkdown(coverage)));
    }

    private openMarkdown(name: string, content: string): Promise<void> {
        return this.pages.open(name, content);
    }
}

async function request<R>(client: Client, method: string): Promise<R | undefined> {
    const running = client();
    if (!running?.isRunning()) {
        void vscode.window.showWarningMessage('The AIMS language server is not running. Open a .aims file, or run "AIMS: Restart Language Server".');
        return undefined;
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'AIMS: computing coverage' },
        () => running.sendRequest<R>(method));
}

function grouped<S extends string, T extends { state: S }>(groups: ReadonlyArray<Group<S>>, rows: readonly T[], toItem: (group: Group<S>, row: T) => LocatedItem): LocatedItem[] {
    return groups.flatMap(group => {
        const members = rows.filter(row => group.states.includes(row.state));
        return members.length === 0 ? [] : [
            { label: `${group.label} (${members.length})`, kind: vscode.QuickPickItemKind.Separator },
            ...members.map(row => toItem(group, row))
        ];
    });
}

function pick(title: string, placeholder: string, items: LocatedItem[], buttons: vscode.QuickInputButton[], onButton: (button: vscode.QuickInputButton) => unknown): void {
    const quickPick = vscode.window.createQuickPick<LocatedItem>();
    quickPick.title = title;
    quickPick.placeholder = placeholder;
    quickPick.items = items;
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.buttons = buttons;
    quickPick.onDidTriggerButton(button => {
        quickPick.hide();
        void onButton(button);
    });
    quickPick.onDidAccept(() => {
        const location = quickPick.selectedItems[0]?.location;
        quickPick.hide();
        if (location) void reveal(location);
    });
    quickPick.onDidHide(() => quickPick.dispose());
    quickPick.show();
}

async function reveal(location: CoverageLocation): Promise<void> {
    const { start, end } = location.range;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(start.line, start.character, end.line, end.character) });
}

function soaDetail(control: SoaControlCoverage): string {
    const who = control.owner ? ` · owner ${control.owner}` : '';
    switch (control.state) {
        case 'missing': return 'No SoA entry: decide applicable, excluded with a reason, or undecided';
        case 'undecided': return `Undecided${who}`;
        case 'excluded': return control.justification ? `Excluded because "${control.justification}"` : 'Excluded without a justification';
        default: return `Applicable · ${control.state === 'applicable' ? 'no status' : control.state}${who} · `
            + (lacksEvidence(control) ? 'no evidence: link evidence that shows it works' : plural(control.evidence, 'evidence item'));
    }
}

/** Implemented, yet nothing shows that it works: what aims/implemented-without-evidence reports. */
function lacksEvidence(control: SoaControlCoverage): boolean {
    return control.state === 'implemented' && control.evidence === 0;
}

function nistDetail(row: NistSubcategoryRow): string {
    const chains = (list: NistSubcategoryRow['coveredBy']) => list.map(c => `${c.control} (${c.chain})`).join('; ');
    const parts = [
        row.coveredBy.length > 0 ? `covered by ${chains(row.coveredBy)}` : '',
        row.partlyBy.length > 0 ? `partly by ${chains(row.partlyBy)}` : '',
        row.plannedBy.length > 0 ? `planned: ${row.plannedBy.map(c => c.control).join(', ')}` : '',
        row.state === 'not-covered' && row.plannedBy.length === 0
            ? (row.controls.length > 0 ? `mapped controls not implemented: ${row.controls.join(', ')}` : 'no mapped control') : '',
        row.clauses.length > 0 ? `clauses ${row.clauses.join(', ')}` : ''
    ];
    return parts.filter(Boolean).join(' · ');
}

function soaMarkdown(coverage: SoaCoverageResult): string {
    const rows = SOA_GROUPS.flatMap(group => coverage.controls.filter(c => group.states.includes(c.state)))
        .map(c => [c.id, c.title, c.state, c.owner ?? '', String(c.evidence), c.justification ?? '']);
    return [
        '# Statement of applicability coverage',
        '',
        `${coverage.decided} of ${coverage.total} Annex A controls decided: ${coverage.applicable} applicable `
            + `(${coverage.implemented} implemented), ${coverage.excluded} excluded, ${coverage.undecided} undecided, `
            + `${coverage.missing.length} missing.`,
        '',
        table(['Control', 'Title', 'State', 'Owner', 'Evidence', 'Justification'], rows)
    ].join('\n');
}

function nistMarkdown(coverage: NistCoverageResult): string {
    const rows = NIST_GROUPS.flatMap(group => coverage.subcategories.filter(s => group.states.includes(s.state)))
        .map(s => [s.id, s.title, s.state, [...s.coveredBy, ...s.partlyBy].map(c => `${c.control} (${c.chain})`).join('; '), s.plannedBy.map(c => c.control).join(', '), s.clauses.join(', ')]);
    return [
        '# NIST AI RMF coverage',
        '',
        `${coverage.covered} of ${coverage.total} subcategories covered by implemented controls, ${coverage.partlyCovered} partly covered, `
            + `${coverage.notCovered} not covered. The crosswalk's pairs count as intersects-with; map declarations type them.`,
        '',
        table(['Subcategory', 'Title', 'State', 'Implemented controls (chain)', 'Planned', 'Clauses'], rows)
    ].join('\n');
}

function table(header: string[], rows: string[][]): string {
    const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    return [header, header.map(() => '---'), ...rows].map(r => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
