import { describe, expect, it } from 'vitest';
import type { CodeLens } from 'vscode-languageserver';
import type { TestWorkspace } from '../helpers/workspace.js';
import { single } from '../helpers/workspace.js';
import { acme } from './editor.js';

async function lenses(ws: TestWorkspace, file: string): Promise<CodeLens[]> {
    const document = ws.documents[file];
    return (await ws.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
}

/** The lens title shown above the line that contains `marker`. */
async function lensAt(ws: TestWorkspace, file: string, marker: string): Promise<string | undefined> {
    const line = ws.documents[file].textDocument.getText().split('\n').findIndex(l => l.includes(marker));
    return (await lenses(ws, file)).find(l => l.range.start.line === line)?.command?.title;
}

describe('code lens: statement of applicability entries', () => {
    it('counts treated risks, linked evidence by freshness, and names the NIST subcategories an implemented control covers or partly covers', async () => {
        const ws = await acme();
        expect(await lensAt(ws, 'soa.aims', 'control A.6.2.4 applicable')).toBe(
            'treats 1 risk · evidence 2 (1 fresh, 1 expiring) · NIST: partly GOVERN 4.3, MAP 2.3, MEASURE 1.2, MEASURE 2.1 …');
        expect(await lensAt(ws, 'soa.aims', 'control A.2.2 ')).toBe('treats no risks · evidence 1 (fresh) · NIST: partly GOVERN 1.1, GOVERN 1.2, MAP 4.1');
        // ev-ia-process has no expiry date.
        expect(await lensAt(ws, 'soa.aims', 'control A.5.2 ')).toMatch(/^treats no risks · evidence 1 \(undated\) · NIST: /);
    });

    it('says which subcategories a typed mapping makes an implemented control cover', async () => {
        const ws = await single([
            'map GOVERN 1.1 to A.2.2 as subset-of rationale "The policy tracks legal requirements."',
            'soa { control A.2.2 applicable { status implemented } }'
        ].join('\n'));
        expect(await lensAt(ws, 'main.aims', 'soa {')).toBe('treats no risks · no evidence · NIST: covers GOVERN 1.1; partly GOVERN 1.2, MAP 4.1');
    });

    it('uses an organisation control\'s own NIST references', async () => {
        const ws = await acme();
        expect(await lensAt(ws, 'soa.aims', 'control ACME.1')).toBe('treats no risks · no evidence · NIST: MEASURE 2.7');
    });

    it('counts a risk once whether the risk names the control or the entry names the risk', async () => {
        const ws = await single([
            'risk r1 "One" { treatment mitigate with A.7.4 }',
            'risk r2 "Two" { treatment mitigate }',
            'soa { control A.7.4 applicable { status planned treats r1, r2 } }'
        ].join('\n'));
        expect(await lensAt(ws, 'main.aims', 'soa {')).toMatch(/^treats 2 risks · no evidence/);
    });

    it('are display-only: every lens has a title and an empty command id', async () => {
        const ws = await acme();
        const all = (await Promise.all(Object.keys(ws.documents).map(f => lenses(ws, f)))).flat();
        expect(all.length).toBe(39 + 2 + 2); // SoA entries, risks, systems
        for (const lens of all) {
            expect(lens.command?.title).toBeTruthy();
            expect(lens.command?.command).toBe('');
            expect(lens.range.start.line).toBe(lens.range.end.line);
        }
    });
});

describe('code lens: risks', () => {
    it('shows inherent and residual scores and the treatment with the number of controls', async () => {
        const ws = await acme();
        expect(await lensAt(ws, 'risks.aims', 'risk r-bias')).toBe('inherent 20 → residual 8 · mitigate with 2 controls');
        expect(await lensAt(ws, 'risks.aims', 'risk r-hallucination')).toBe('inherent 9 · accept');
    });

    it('says untreated and not rated when the risk has neither', async () => {
        const ws = await single('risk r1 "Unknown" { owner x }');
        expect(await lensAt(ws, 'main.aims', 'risk r1')).toBe('not rated · untreated');
    });
});

describe('code lens: AI systems', () => {
    it('counts the findings inside the system declaration, by severity', async () => {
        const ws = await single([
            'system scorer "Scorer" {',
            '    eu-ai-act high',
            '}',
            'risk r1 "Elsewhere" { systems scorer }',
            'system chat "Chat" { operator deployer eu-ai-act minimal }',
            'evidence ev-literacy "AI literacy" { url "https://lms.example" supports Article 4 }'
        ].join('\n'));
        // No oversight (error), no route (warning), no impact assessment (error, a workspace finding), no operator role (warning).
        expect(await lensAt(ws, 'main.aims', 'system scorer')).toBe('4 open findings (2 errors, 2 warnings)');
        expect(await lensAt(ws, 'main.aims', 'system chat')).toBe('no open findings');
    });

    it('has no findings for the well-kept systems of the example workspace', async () => {
        const ws = await acme();
        // Its EU AI Act high-risk obligations apply from 2 August 2026: a note, not a gap, on 2026-06-01.
        expect(await lensAt(ws, 'inventory.aims', 'system credit-scoring')).toBe('1 open finding (1 info)');
    });

    it('are not shown in catalog documents', async () => {
        const ws = await acme();
        const catalogDoc = ws.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.scheme === 'aims-catalog')!;
        expect(await ws.services.lsp.CodeLensProvider!.provideCodeLens(catalogDoc, { textDocument: { uri: catalogDoc.uri.toString() } })).toEqual([]);
    });
});

describe('code lens: audits and nonconformities', () => {
    const text = [
        'person jan "Jan de Vries"',
        'person lena "Lena Vogt"',
        'soa { control A.6.2.6 applicable because "We monitor our own models." { owner lena } }',
        'audit ia-2026 "Internal audit 2026" {',
        '    scope 8, A.6',
        '    conducted 2026-03-10 to 2026-03-12',
        '    auditor jan',
        '    finding minor-nonconformity "Thresholds not re-set" { about A.6.2.6 nonconformity nc-open }',
        '    finding minor-nonconformity "Log retention" { about A.6.2.8 nonconformity nc-closed }',
        '    finding observation "Thin audit trail" { about A.6.2.8 }',
        '}',
        'nonconformity nc-open "Thresholds not re-set" {',
        '    source audit ia-2026 about A.6.2.6 raised 2026-03-12 owner lena',
        '    action "Re-derive" { owner lena due 2026-04-30 done 2026-04-20 }',
        '    action "Checklist" { owner lena due 2026-07-31 }',
        '}',
        'nonconformity nc-closed "Log retention" {',
        '    source audit ia-2026 about A.6.2.8 raised 2026-03-12 owner lena root-cause "Default of the log store."',
        '    closed 2026-04-01 effectiveness reviewed 2026-05-02 by lena',
        '}',
        ''
    ].join('\n');

    it('shows the open nonconformities and the last audit on the statement of applicability entry', async () => {
        const ws = await single(text);
        expect(await lensAt(ws, 'main.aims', 'soa {')).toMatch(/ · 1 open nonconformity · last audited 2026-03-12$/);
    });

    it('sums up an audit by its findings and a nonconformity by its state', async () => {
        const ws = await single(text);
        expect(await lensAt(ws, 'main.aims', 'audit ia-2026')).toBe('conducted 2026-03-12 · 3 findings (2 nonconformities, 1 still open)');
        expect(await lensAt(ws, 'main.aims', 'nonconformity nc-open "')).toBe('open since 2026-03-12 · 1 of 2 actions done');
        expect(await lensAt(ws, 'main.aims', 'nonconformity nc-closed "')).toBe('closed 2026-04-01 · effectiveness reviewed 2026-05-02');
    });
});
