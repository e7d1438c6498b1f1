import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'langium';
import { codesOf, lspServices, open, uriOf, validationOf } from './lsp-workspace.js';

const EVIDENCE = `person alice "Alice Moreau"
evidence ev-policy "Signed AI policy" { path "evidence/ai-policy.pdf" owner alice expires 2026-09-30 }
`;

let root: string | undefined;

afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
});

/** A workspace folder on disk holding `evidence.aims`, built by in-process services. */
async function evidenceWorkspace(settings = {}) {
    root = mkdtempSync(join(tmpdir(), 'aims-lsp-'));
    writeFileSync(join(root, 'evidence.aims'), EVIDENCE);
    const services = await lspServices({ root, settings });
    const ws = await open(services, { 'evidence.aims': EVIDENCE }, root);
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
