import { describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { ResponseError, type Location, type WorkspaceEdit } from 'vscode-languageserver';
import { workspace, type TestWorkspace } from '../helpers/workspace.js';
import { applyEdits, positionOf } from './editor.js';

const FILES = {
    'people.aims': 'person alice "Alice"\nperson bob "Bob"\nteam ml "ML" { lead alice members alice, bob }\n',
    'risks.aims': 'risk r1 "Bias" {\n    treatment mitigate with A.6.2.4, ACME.1\n    owner alice\n}\ncontrol ACME.1 "Red team" { owner ml }\n',
    'soa.aims': 'soa {\n    control A.6.2.4 applicable { status planned owner alice treats r1 }\n    control ACME.1 applicable { status planned }\n}\n'
};

function doc(ws: TestWorkspace, file: string): LangiumDocument {
    return ws.documents[file];
}

async function rename(ws: TestWorkspace, file: string, marker: string, newName: string, occurrence = 0): Promise<WorkspaceEdit | undefined> {
    const document = doc(ws, file);
    return ws.services.lsp.RenameProvider!.rename(document, {
        textDocument: { uri: document.uri.toString() }, position: positionOf(document, marker, marker.length - 1, occurrence), newName
    });
}

async function prepare(ws: TestWorkspace, file: string, marker: string, occurrence = 0): Promise<string | undefined> {
    const document = doc(ws, file);
    const range = await ws.services.lsp.RenameProvider!.prepareRename(document, {
        textDocument: { uri: document.uri.toString() }, position: positionOf(document, marker, marker.length - 1, occurrence)
    });
    return range ? document.textDocument.getText(range) : undefined;
}

/** Apply a workspace edit to the files it names; the others stay as they are. */
function applyWorkspaceEdit(ws: TestWorkspace, edit: WorkspaceEdit): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [file, document] of Object.entries(ws.documents)) {
        const edits = edit.changes?.[document.uri.toString()] ?? [];
        result[file] = applyEdits(document.textDocument.getText(), edits);
    }
    return result;
}

/** The message of the error the request fails with. */
async function rejection(request: () => unknown): Promise<string> {
    try {
        await request();
    } catch (error) {
        expect(error).toBeInstanceOf(ResponseError);
        return (error as Error).message;
    }
    throw new Error('expected the request to be rejected');
}

describe('rename', () => {
    it('renames a person across every file, from a reference', async () => {
        const ws = await workspace(FILES);
        const edit = (await rename(ws, 'risks.aims', 'owner alice', 'alice-moreau'))!;
        const renamed = applyWorkspaceEdit(ws, edit);
        expect(renamed['people.aims']).toBe('person alice-moreau "Alice"\nperson bob "Bob"\nteam ml "ML" { lead alice-moreau members alice-moreau, bob }\n');
        expect(renamed['risks.aims']).toContain('    owner alice-moreau\n');
        expect(renamed['soa.aims']).toContain('owner alice-moreau treats r1');
        const rebuilt = await workspace(renamed);
        expect(rebuilt.codes()).not.toContain('aims/unresolved-reference');
    });

    it('renames from the declaration, and prepareRename selects exactly the name', async () => {
        const ws = await workspace(FILES);
        expect(await prepare(ws, 'people.aims', 'person b')).toBe('bob');
        expect(await prepare(ws, 'soa.aims', 'treats r')).toBe('r1');
        const renamed = applyWorkspaceEdit(ws, (await rename(ws, 'risks.aims', 'risk r', 'r-bias'))!);
        expect(renamed['risks.aims'].startsWith('risk r-bias "Bias" {')).toBe(true);
        expect(renamed['soa.aims']).toContain('treats r-bias }');
    });

    it('renames an organisation control to another id of the organisation\'s own', async () => {
        const ws = await workspace(FILES);
        const renamed = applyWorkspaceEdit(ws, (await rename(ws, 'soa.aims', 'control AC', 'ACME.7'))!);
        expect(renamed['risks.aims']).toContain('with A.6.2.4, ACME.7\n');
        expect(renamed['risks.aims']).toContain('control ACME.7 "Red team"');
        expect(renamed['soa.aims']).toContain('control ACME.7 applicable');
    });

    it('refuses catalog ids, which belong to their standard', async () => {
        const ws = await workspace(FILES);
        expect(await rejection(() => prepare(ws, 'soa.aims', 'control A.6'))).toBe('A.6.2.4 is a catalog id fixed by its standard; catalog ids cannot be renamed.');
        expect(await rejection(() => rename(ws, 'risks.aims', 'with A.6', 'A.6.2.9'))).toContain('cannot be renamed');
    });

    it('refuses anything inside a catalog document', async () => {
        const ws = await workspace(FILES);
        const catalogDoc = ws.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.path === '/annex-a.aims')!;
        const position = positionOf(catalogDoc, 'control A.6.2.4', 'control '.length + 1);
        const message = await rejection(() => ws.services.lsp.RenameProvider!.prepareRename(catalogDoc, { textDocument: { uri: catalogDoc.uri.toString() }, position }));
        expect(message).toContain('A.6.2.4 is a catalog id');
    });

    it('checks the new name against the grammar: an ID, not a keyword', async () => {
        const ws = await workspace(FILES);
        for (const bad of ['alice moreau', '1alice', 'owner', 'A.1', '']) {
            expect(await rejection(() => rename(ws, 'people.aims', 'person a', bad)), bad).toContain('cannot be used');
        }
    });

    it('checks a new organisation control id: the CatalogId shape, and not the prefixes A or C', async () => {
        const ws = await workspace(FILES);
        expect(await rejection(() => rename(ws, 'risks.aims', 'control AC', 'acme-one'))).toContain('organisation control id such as ACME.1');
        expect(await rejection(() => rename(ws, 'risks.aims', 'control AC', 'A.99'))).toContain('belongs to ISO/IEC 42001');
    });

    it('refuses a name that is already declared, and says where', async () => {
        const ws = await workspace(FILES);
        expect(await rejection(() => rename(ws, 'people.aims', 'person a', 'bob'))).toBe("'bob' is already declared (people.aims:2); names are global across all .aims files.");
    });

    it('does nothing for an unresolved name', async () => {
        const ws = await workspace({ 'risks.aims': 'risk r1 "x" { owner nobody }' });
        expect(await prepare(ws, 'risks.aims', 'owner n')).toBeUndefined();
        expect(await rename(ws, 'risks.aims', 'owner n', 'somebody')).toBeUndefined();
    });
});

describe('find references', () => {
    async function references(ws: TestWorkspace, document: LangiumDocument, marker: string, includeDeclaration: boolean, shift = 1): Promise<string[]> {
        const locations: Location[] = (await ws.services.lsp.ReferencesProvider!.findReferences(document, {
            textDocument: { uri: document.uri.toString() }, position: positionOf(document, marker, shift), context: { includeDeclaration }
        })) ?? [];
        return locations.map(l => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line + 1}`).sort();
    }

    it('finds every use of a catalog id across the workspace', async () => {
        const ws = await workspace(FILES);
        expect(await references(ws, doc(ws, 'soa.aims'), 'control A.6', false, 'control '.length + 1)).toEqual(['risks.aims:2', 'soa.aims:2']);
    });

    it('includes the catalog entry itself when the declaration is asked for', async () => {
        const ws = await workspace(FILES);
        const found = await references(ws, doc(ws, 'risks.aims'), 'with A.6', true, 'with '.length + 1);
        expect(found).toHaveLength(3);
        expect(found.filter(f => f.startsWith('annex-a.aims:'))).toHaveLength(1);
    });

    it('works from the entry in the catalog document', async () => {
        const ws = await workspace(FILES);
        const catalogDoc = ws.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.path === '/annex-a.aims')!;
        expect(await references(ws, catalogDoc, 'control A.6.2.4', false, 'control '.length + 1)).toEqual(['risks.aims:2', 'soa.aims:2']);
    });

    it('finds the uses of a user-declared name', async () => {
        const ws = await workspace(FILES);
        expect(await references(ws, doc(ws, 'people.aims'), 'person alice', false, 'person '.length + 1))
            .toEqual(['people.aims:3', 'people.aims:3', 'risks.aims:3', 'soa.aims:2']);
    });
});
