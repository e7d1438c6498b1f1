import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { InitializeParams } from 'vscode-languageserver';
import { createAimsServices } from '../../src/language/aims-module.js';
import { codesOf, lspServices, open, uriOf, validationOf } from './lsp-workspace.js';

const EVIDENCE = `person alice "Alice Moreau"
evidence ev-policy "Signed AI policy" { path "evidence/ai-policy.pdf" owner alice expires 2026-09-30 }
`;

let root: string | undefined;

afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
});

const RISKS = `risk r-bias "Unfair declines" { owner alice treatment accept accepted by alice on 2026-03-01 }
`;

/** A workspace folder on disk holding `evidence.aims` (and `risks.aims`), built by in-process services. */
async function evidenceWorkspace(settings = {}) {
    root = mkdtempSync(join(tmpdir(), 'aims-lsp-'));
    const files = { 'evidence.aims': EVIDENCE, 'risks.aims': RISKS };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
    const services = await lspServices({ root, settings });
    const ws = await open(services, files, root);
    const document = ws.documents['evidence.aims'];
    return { services, document, uri: uriOf('evidence.aims', root), folder: root };
}

describe('slow checks (evidence files) on open and save', () => {
    it('re-checks evidence files when a document is saved, not on every change', async () => {
        const { services, document, uri, folder } = await evidenceWorkspace();
        const handler = services.shared.lsp.DocumentUpdateHandler;
        expect(codesOf(document.diagnostics ?? [])).toContain('aims/evidence-path-missing');

        // An edit runs the fast checks only, so the file system is not asked on each keystroke.
        const afterEdit = validationOf(services, uri, () => true);
        handler.didChangeContent!({ document: TextDocument.create(uri.toString(), 'aims', 2, EVIDENCE) });
        expect(codesOf(await afterEdit)).not.toContain('aims/evidence-path-missing');

        // Saving runs every category again: the missing file is reported once more.
        const afterSave = validationOf(services, uri, d => codesOf(d).includes('aims/evidence-path-missing'));
        handler.didSaveDocument!({ document: document.textDocument });
        await afterSave;

        // Once the file exists, the next save clears the finding.
        mkdirSync(join(folder, 'evidence'));
        writeFileSync(join(folder, 'evidence', 'ai-policy.pdf'), 'signed');
        const afterFix = validationOf(services, uri, () => true);
        handler.didSaveDocument!({ document: document.textDocument });
        expect(codesOf(await afterFix)).not.toContain('aims/evidence-path-missing');
    });

    it('runs the slow checks on a document the editor opens', async () => {
        const { services, document, uri } = await evidenceWorkspace();
        const handler = services.shared.lsp.DocumentUpdateHandler;
        const opened = { document: TextDocument.create(uri.toString(), 'aims', 1, document.textDocument.getText()) };
        const afterOpen = validationOf(services, uri, d => codesOf(d).includes('aims/evidence-path-missing'));
        handler.didOpenDocument!(opened);
        handler.didChangeContent!(opened);
        const diagnostics = await afterOpen;
        // Fast and slow findings together, each once.
        expect(codesOf(diagnostics).filter(c => c === 'aims/evidence-path-missing')).toHaveLength(1);
    });

    it('keeps the slow checks of a document when the editor opens another one right after it', async () => {
        // An editor restores several files at once; each open starts a build that cancels the last.
        const { services, document, uri, folder } = await evidenceWorkspace();
        const handler = services.shared.lsp.DocumentUpdateHandler;
        const risks = services.shared.workspace.LangiumDocuments.getDocument(uriOf('risks.aims', folder))!;
        const afterOpen = validationOf(services, uri, d => codesOf(d).includes('aims/evidence-path-missing'));
        for (const doc of [document, risks]) {
            const opened = { document: TextDocument.create(doc.uri.toString(), 'aims', 1, doc.textDocument.getText()) };
            handler.didOpenDocument!(opened);
            handler.didChangeContent!(opened);
        }
        expect(codesOf(await afterOpen).filter(c => c === 'aims/evidence-path-missing')).toHaveLength(1);
    });

    it('keeps the evidence-file findings of a document when a file it refers to is edited', async () => {
        // Typing in people.aims relinks evidence.aims (its owner is declared there), without changing its text.
        root = mkdtempSync(join(tmpdir(), 'aims-lsp-'));
        const files = {
            'people.aims': 'person alice "Alice Moreau"\n',
            'evidence.aims': 'evidence ev-policy "Signed AI policy" { path "evidence/ai-policy.pdf" owner alice }\n'
        };
        for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
        const services = await lspServices({ root });
        const ws = await open(services, files, root);
        expect(codesOf(ws.documents['evidence.aims'].diagnostics ?? [])).toContain('aims/evidence-path-missing');

        const people = uriOf('people.aims', root);
        const relinked = validationOf(services, uriOf('evidence.aims', root), () => true);
        services.shared.lsp.DocumentUpdateHandler.didChangeContent!({
            document: TextDocument.create(people.toString(), 'aims', 2, 'person alice "Alice Moreau-Petit"\n')
        });
        expect(codesOf(await relinked)).toContain('aims/evidence-path-missing');
    });

    it('rebuilds nothing when the editor shows a catalog document (go to definition)', async () => {
        const { services } = await evidenceWorkspace();
        const workspace = services.shared.workspace;
        const catalogDocument = workspace.LangiumDocuments.all.find(doc => doc.uri.scheme === 'aims-catalog')!;
        let updates = 0;
        const listener = workspace.DocumentBuilder.onUpdate(() => { updates++; });
        const opened = { document: TextDocument.create(catalogDocument.uri.toString(), 'aims', 1, catalogDocument.textDocument.getText()) };
        services.shared.lsp.DocumentUpdateHandler.didOpenDocument!(opened);
        services.shared.lsp.DocumentUpdateHandler.didChangeContent!(opened);
        // A read runs after every write queued before it.
        await workspace.WorkspaceManager.ready;
        await workspace.WorkspaceLock.read(() => undefined);
        listener.dispose();
        expect(updates).toBe(0);
        expect(workspace.LangiumDocuments.getDocument(catalogDocument.uri)).toBe(catalogDocument);
    });

    it('finishes the start-up validation of files that are not open when an opened file interrupts it', async () => {
        root = mkdtempSync(join(tmpdir(), 'aims-lsp-'));
        writeFileSync(join(root, 'evidence.aims'), EVIDENCE);
        writeFileSync(join(root, 'risks.aims'), RISKS);
        const { shared, Aims } = createAimsServices(NodeFileSystem);
        Aims.aims.Settings.set({ today: '2026-06-01', workspaceRoot: root });
        // As in the server: the handler exists before the workspace loads.
        const handler = shared.lsp.DocumentUpdateHandler;
        const evidence = validationOf(Aims, uriOf('evidence.aims', root), d => codesOf(d).includes('aims/evidence-path-missing'));
        const folder = { uri: URI.file(root).toString(), name: 'aims' };
        shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: folder.uri, workspaceFolders: [folder] } as InitializeParams);
        const startup = shared.workspace.WorkspaceManager.initialized({});
        // The editor opens risks.aims as soon as the server is initialised.
        const opened = { document: TextDocument.create(uriOf('risks.aims', root).toString(), 'aims', 1, RISKS) };
        handler.didOpenDocument!(opened);
        handler.didChangeContent!(opened);
        await startup;
        expect(codesOf(await evidence)).toContain('aims/evidence-path-missing');
    });
});

describe('settings changes from the client', () => {
    it('re-validates every document when the aims section changes', async () => {
        // No fixed `today`: it comes from the client, as in the editor.
        const { services, uri } = await evidenceWorkspace({ today: undefined });
        void services.shared.lsp.DocumentUpdateHandler; // the server creates it on start-up
        const config = services.shared.workspace.ConfigurationProvider;

        const expiring = validationOf(services, uri, d => codesOf(d).includes('aims/evidence-expiring'));
        config.updateConfiguration({ settings: { aims: { today: '2026-09-15', evidenceExpiryWindowDays: 30 } } });
        expect(codesOf(await expiring)).not.toContain('aims/evidence-expired');

        const expired = validationOf(services, uri, d => codesOf(d).includes('aims/evidence-expired'));
        config.updateConfiguration({ settings: { aims: { today: '2026-10-01' } } });
        await expired;

        const demoted = validationOf(services, uri, d => d.some(x => x.code === 'aims/evidence-expired' && x.severity === 4));
        config.updateConfiguration({ settings: { aims: { today: '2026-10-01', severity: { 'evidence-expired': 'hint' } } } });
        await demoted;
    });
});
