/**
 * The ISO/IEC 27001 statement of applicability (`soa iso27001 { ... }`) of a workspace that keeps
 * its ISMS beside the AIMS: the same rules as the ISO/IEC 42001 one, in the report, the
 * spreadsheets, the compliance diff, coverage and completion. Fixture: test/fixtures/isms
 * (Kestrel Analytics, every one of the 93 controls decided).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { catalog } from '../../src/catalog/catalog.js';
import { diffReports } from '../../src/report/compliance-diff.js';
import { renderHtmlReport } from '../../src/report/report-html.js';
import { renderMarkdownReport } from '../../src/report/report-markdown.js';
import { readCsv } from '../../src/spreadsheet/csv.js';
import { importSoa } from '../../src/spreadsheet/soa-sheet.js';
import { runAims } from '../cli/run-aims.js';
import { applyEdits, editsOf, onlyDiagnostic, quickFixes } from '../lsp-features/editor.js';
import { at, lspServices, open } from '../lsp/lsp-workspace.js';
import { loadFolder, loadInline } from '../report/report-workspace.js';
import { workspace } from '../helpers/workspace.js';

const ISMS = resolve(fileURLToPath(new URL('../fixtures/isms', import.meta.url)));
const TODAY = '2026-11-28';
const iso27001 = catalog.ofKind('iso27001-control').map(c => c.id);

function ismsCopy(): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'aims-isms-')), 'isms');
    cpSync(ISMS, dir, { recursive: true });
    return dir;
}

describe('the ISO/IEC 27001 statement of applicability', () => {
    it('holds the fixture: all 93 controls decided, approved, implemented ones with evidence', () => {
        const run = runAims(['validate', '.', '--format', 'json', '--today', TODAY], { cwd: ISMS });
        const json = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; severity: string }> };
        expect(json.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        expect(json.diagnostics.map(d => d.code).filter(c => c.startsWith('aims/soa') || c === 'aims/implemented-without-evidence')).toEqual([]);
    });

    it('is asked for only when the workspace keeps one: a 42001 AIMS need not decide ISO/IEC 27001', async () => {
        const ws = await workspace({ 'aims.aims': 'organisation acme "Acme" { scope "AI." }\nsoa { control A.10.4 excluded because "We supply no AI systems." }\n' });
        const incomplete = ws.all.filter(d => d.code === 'aims/soa-incomplete');
        expect(incomplete).toHaveLength(1);
        expect(incomplete[0].message).toContain('lacks 37 of 38 Annex A controls');
    });

    it('completes only its own Annex A in a soa iso27001 block, and only 42001 Annex A in the other', async () => {
        const services = await lspServices();
        const complete = async (text: string): Promise<CompletionItem[]> => {
            const ws = await open(services, { 'soa.aims': text });
            return (await services.lsp.CompletionProvider!.getCompletion(ws.cursor.document, at(ws.cursor.document, ws.cursor.position)))?.items ?? [];
        };
        const isms = (await complete('soa iso27001 {\n    control <|>\n}\n')).map(i => i.label);
        expect(isms.filter(l => l.startsWith('27001:'))).toEqual(iso27001);
        expect(isms.some(l => /^A\.\d/.test(l))).toBe(false);
        const aims = (await complete('soa {\n    control <|>\n}\n')).map(i => i.label);
        expect(aims.some(l => l.startsWith('27001:'))).toBe(false);
    });

    it('offers the missing controls as undecided entries in the ISO/IEC 27001 block, not in the 42001 one', async () => {
        const files = {
            'aims.aims': `organisation acme "Acme" { scope "AI." }\nsoa {\n${catalog.annexAControls.map(c => `    control ${c.id} excluded because "Not relevant to this small test."`).join('\n')}\n}\n`,
            'isms.aims': 'soa iso27001 "ISMS" {\n    control 27001:A.5.1 applicable because "Policies are required."\n}\n'
        };
        const ws = await workspace(files);
        const diagnostic = onlyDiagnostic(ws, 'isms.aims', 'aims/soa-incomplete');
        const [action] = await quickFixes(ws, 'isms.aims', diagnostic);
        expect(action.title).toBe('Add the 92 missing ISO/IEC 27001 Annex A controls as undecided');
        const fixed = applyEdits(files['isms.aims'], editsOf(action, ws.documents['isms.aims']));
        expect(fixed).toContain('    control 27001:A.5.2 undecided // Information security roles and responsibilities\n');
        const after = await workspace({ ...files, 'isms.aims': fixed });
        expect(after.codes().filter(c => c === 'aims/soa-incomplete' || c === 'aims/syntax-error')).toEqual([]);
    });
});

describe('the ISO/IEC 27001 statement of applicability in the report', () => {
    it('counts its decisions apart from the 42001 ones', async () => {
        const { data } = await loadFolder(ISMS, TODAY, false);
        expect(data.summary.annexATotal).toBe(38);
        expect(data.soa.every(row => row.kind !== 'iso27001')).toBe(true);
        expect(data.iso27001Soa).toMatchObject({ total: 93, decided: 93, applicable: 85, implemented: 81, excluded: 8, undecided: 0, missing: 0 });
        expect(data.iso27001Soa!.groups.map(g => g.id)).toEqual(['27001:A.5', '27001:A.6', '27001:A.7', '27001:A.8']);
        const monitoring = data.iso27001Soa!.rows.find(row => row.controlId === '27001:A.8.16')!;
        expect(monitoring).toMatchObject({ kind: 'iso27001', group: '27001:A.8', title: 'Monitoring activities', decision: 'applicable', status: 'implemented' });
        expect(monitoring.evidence.map(e => e.id)).toEqual(['ev-platform-controls']);
    });

    it('is a part of section 1 in HTML and Markdown, and absent where no ISMS is kept', async () => {
        const { data } = await loadFolder(ISMS, TODAY, false);
        const page = renderHtmlReport(data);
        expect(page).toContain('<h3 id="soa-iso27001">ISO/IEC 27001:2022 Annex A');
        expect(page).toContain('93 of 93 decided, 81 of 85 applicable implemented');
        expect(page).toContain('<span class="cid">27001:A.7.1</span>');
        const markdown = renderMarkdownReport(data);
        expect(markdown).toContain('### ISO/IEC 27001:2022 Annex A');
        expect(markdown).toMatch(/\| `27001:A\.8\.30` \| Outsourced development \| Excluded \|/);
        const plain = await loadInline({ 'soa.aims': 'soa { control A.10.4 excluded because "We supply no AI systems." }' });
        expect(plain.data.iso27001Soa).toBeUndefined();
        expect(renderHtmlReport(plain.data)).not.toContain('soa-iso27001');
    });

    it('shows its changes in the compliance diff', async () => {
        const dir = ismsCopy();
        try {
            const before = (await loadFolder(dir, TODAY, false)).data;
            const file = join(dir, 'isms-soa.aims');
            writeFileSync(file, readFileSync(file, 'utf8').replace('control 27001:A.8.16 applicable because "The forecasting endpoints and the training pipeline must be watched for misuse." { status implemented', 'control 27001:A.8.16 applicable because "The forecasting endpoints and the training pipeline must be watched for misuse." { status planned'));
            const after = (await loadFolder(dir, TODAY, false)).data;
            const diff = diffReports(before, after, { base: 'before', head: 'after' });
            expect(diff.soa.map(change => [change.control, change.before.status, change.after.status])).toEqual([['27001:A.8.16', 'implemented', 'planned']]);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('the ISO/IEC 27001 statement of applicability as a spreadsheet', () => {
    it('exports one row per control of both Annex A, and imports back to two soa blocks with the same findings', () => {
        const dir = ismsCopy();
        try {
            const exported = runAims(['export', 'csv', '--kind', 'soa', '--today', TODAY], { cwd: dir });
            expect(exported.code).toBe(0);
            const { records } = readCsv(exported.stdout);
            expect(records).toHaveLength(38 + 93);
            expect(records.find(r => r.values.Control === '27001:A.7.1')!.values).toMatchObject({ Kind: 'ISO/IEC 27001 Annex A', Decision: 'excluded' });
            const before = runAims(['validate', '--format', 'json', '--today', TODAY], { cwd: dir }).stdout;
            const imported = importSoa(readCsv(exported.stdout).records);
            expect(imported.skipped).toEqual([]);
            expect(imported.entries).toBe(38 + 93);
            expect(imported.text).toContain('\nsoa iso27001 "ISMS statement of applicability" {\n    control 27001:A.5.1 applicable because');
            // The imported blocks replace the hand-written ones; approval is not a sheet column, so add it back.
            rmSync(join(dir, 'aims-soa.aims'));
            rmSync(join(dir, 'isms-soa.aims'));
            writeFileSync(join(dir, 'soa.aims'), imported.text.replace(/(soa[^{\n]*\{)/g, '$1\n    approved 2026-05-12 by management version "2026.1"'));
            const after = runAims(['validate', '--format', 'json', '--today', TODAY], { cwd: dir }).stdout;
            const codes = (json: string) => (JSON.parse(json) as { diagnostics: Array<{ code: string; message: string }> }).diagnostics.map(d => `${d.code} ${d.message}`).sort();
            expect(codes(after)).toEqual(codes(before));
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
