/**
 * Workspace-level findings (SoA completeness, duplicate names, ratings against the organisation's
 * scales, impact assessments of high-risk systems) belong to files that did not change when
 * another file did. After an edit, those files must show the new findings without being edited.
 *
 * Edits go through the services as the language server makes them, without an LSP connection:
 * the new text is put into TextDocuments and DocumentBuilder.update runs under the workspace
 * write lock. A second write right after it stands for the next keystroke.
 */
import { DocumentState, TextDocument, URI } from 'langium';
import { beforeEach, describe, expect, it } from 'vitest';
import { workspace, type TestWorkspace } from '../helpers/workspace.js';

const ANNEX_A = [
    'A.2.2', 'A.2.3', 'A.2.4', 'A.3.2', 'A.3.3', 'A.4.2', 'A.4.3', 'A.4.4', 'A.4.5', 'A.4.6',
    'A.5.2', 'A.5.3', 'A.5.4', 'A.5.5', 'A.6.1.2', 'A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4',
    'A.6.2.5', 'A.6.2.6', 'A.6.2.7', 'A.6.2.8', 'A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6',
    'A.8.2', 'A.8.3', 'A.8.4', 'A.8.5', 'A.9.2', 'A.9.3', 'A.9.4', 'A.10.2', 'A.10.3', 'A.10.4'
];

function soa(title: string, ids: readonly string[]): string {
    return `soa "${title}" {\n${ids.map(id => `    control ${id} excluded because "Not used in this test."`).join('\n')}\n}\n`;
}

const PART_1 = soa('Statement of applicability, part 1', ANNEX_A.slice(0, 30));
const PART_2_WITHOUT_LAST = soa('Statement of applicability, part 2', ANNEX_A.slice(30, -1));
const PART_2_COMPLETE = soa('Statement of applicability, part 2', ANNEX_A.slice(30));

let version = 1;

/** Replace a file's text the way the editor does, and let the builder (and its follow-up) finish. */
async function edit(ws: TestWorkspace, file: string, text: string): Promise<void> {
    const shared = ws.services.shared;
    const uri = URI.file(`/workspace/${file}`);
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'aims', ++version, text));
    await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([uri], [], token));
    await shared.workspace.WorkspaceLock.write(() => { /* the next keystroke */ });
}

function codesOf(ws: TestWorkspace, file: string): string[] {
    const document = ws.documents[file];
    expect(document.state, `${file} is fully built`).toBe(DocumentState.Validated);
    expect(document.diagnostics, `${file} has been validated`).toBeDefined();
    return (document.diagnostics ?? []).map(d => String(d.code));
}

describe('workspace-level findings follow edits of other files', () => {
    describe('statement of applicability split over two files', () => {
        let ws: TestWorkspace;

        beforeEach(async () => {
            ws = await workspace({ 'soa-a.aims': PART_1, 'soa-b.aims': PART_2_WITHOUT_LAST });
        });

        it('reports the missing control on the first file at first', () => {
            expect(codesOf(ws, 'soa-a.aims')).toEqual(['aims/soa-incomplete']);
            expect(ws.diagnostics['soa-a.aims'][0].message).toContain('lacks 1 of 38 Annex A controls: A.10.4 (Customers)');
            expect(codesOf(ws, 'soa-b.aims')).toEqual([]);
        });

        it('clears the error on the first file when the second file adds the last entry', async () => {
            await edit(ws, 'soa-b.aims', PART_2_COMPLETE);
            expect(codesOf(ws, 'soa-a.aims')).toEqual([]);
            expect(codesOf(ws, 'soa-b.aims')).toEqual([]);
        });

        it('brings the error back, with the new list, when the second file drops entries again', async () => {
            await edit(ws, 'soa-b.aims', PART_2_COMPLETE);
            await edit(ws, 'soa-b.aims', soa('Statement of applicability, part 2', ANNEX_A.slice(32)));
            expect(codesOf(ws, 'soa-a.aims')).toEqual(['aims/soa-incomplete']);
            expect(ws.documents['soa-a.aims'].diagnostics?.[0].message).toContain('lacks 2 of 38 Annex A controls: A.8.4 (Communication of incidents), A.8.5 (Information for interested parties)');
        });

        it('keeps the file-system findings of the file it re-validates', async () => {
            // The follow-up runs every check category, also the slow ones an edit does not run.
            ws = await workspace({
                'soa-a.aims': `${PART_1}evidence ev-policy "Signed AI policy" { path "evidence/ai-policy.pdf" }\n`,
                'soa-b.aims': PART_2_WITHOUT_LAST
            });
            expect(codesOf(ws, 'soa-a.aims').sort()).toEqual(['aims/evidence-path-missing', 'aims/soa-incomplete']);
            await edit(ws, 'soa-b.aims', PART_2_COMPLETE);
            expect(codesOf(ws, 'soa-a.aims')).toEqual(['aims/evidence-path-missing']);
        });
    });

    it('marks an unchanged file when another file declares the same name, and unmarks it when renamed', async () => {
        const ws = await workspace({
            'people.aims': 'person alice "Alice Moreau"\n',
            'hr.aims': 'person alicia "Alicia Martin"\n'
        });
        expect(codesOf(ws, 'people.aims')).toEqual([]);
        await edit(ws, 'hr.aims', 'person alice "Alicia Martin"\n');
        expect(codesOf(ws, 'people.aims')).toEqual(['aims/duplicate-name']);
        expect(ws.documents['people.aims'].diagnostics?.[0].message).toContain('(also hr.aims:1)');
        await edit(ws, 'hr.aims', 'person alicia "Alicia Martin"\n');
        expect(codesOf(ws, 'people.aims')).toEqual([]);
    });

    it('re-checks the ratings of an unchanged risk file when the organisation changes its scale', async () => {
        const organisation = (max: number) => `organisation acme "Acme" { scope "AI systems." likelihood scale 1 to ${max} }\n`;
        const ws = await workspace({
            'organisation.aims': organisation(5),
            'risks.aims': 'person alice "Alice"\nrisk r-bias "Unfair declines" { inherent likelihood 4 impact 4 treatment avoid owner alice assessed 2026-01-10 }\n'
        });
        expect(codesOf(ws, 'risks.aims')).toEqual([]);
        await edit(ws, 'organisation.aims', organisation(3));
        expect(codesOf(ws, 'risks.aims')).toEqual(['aims/rating-out-of-scale']);
        await edit(ws, 'organisation.aims', organisation(5));
        expect(codesOf(ws, 'risks.aims')).toEqual([]);
    });

    it('clears the high-risk finding on the system when an impact assessment is added in another file', async () => {
        const ws = await workspace({
            'systems.aims': 'person alice "Alice"\nsystem credit-scoring "Credit scoring" { owner alice eu-ai-act high annex-iii 5 oversight "Officers review declines" }\n',
            'assessments.aims': '// to be written\n'
        });
        expect(codesOf(ws, 'systems.aims')).toEqual(['aims/high-risk-without-impact-assessment']);
        await edit(ws, 'assessments.aims', 'impact-assessment ia-credit "Credit scoring" { system credit-scoring assessed 2026-02-01 by alice }\n');
        expect(codesOf(ws, 'systems.aims')).toEqual([]);
    });
});
