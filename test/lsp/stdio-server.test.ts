/**
 * The bundled language server, spoken to over stdio as an editor would: start-up with a
 * workspace folder, diagnostics, completion, hover, definition, catalog document content,
 * settings changes and save, then a clean shutdown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    createMessageConnection, StreamMessageReader, StreamMessageWriter,
    type CompletionList, type Hover, type LocationLink, type MessageConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver/node';
import { catalog } from '../../src/catalog/catalog.js';
import { renderCatalogDocument } from '../../src/catalog/catalog-document.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverBundle = join(repo, 'out', 'language-server', 'main.cjs');

/** Guards against a hung server; never an assertion about speed. */
const GUARD_MS = 30_000;

const PEOPLE = `/** Chairs the AI governance board. */
person alice "Alice Moreau" { role "Head of AI Governance" }
`;
const RISKS = `system bot "Support bot" { owner alice stage operation-and-monitoring eu-ai-act limited }
risk r-bias "Unfair declines" { systems bot inherent likelihood 4 impact 5 treatment mitigate with A.6.2.4 owner alice }
soa {
    control A.6.2.4 applicable { status implemented owner alice treats r-bias evidence ev-tests }
}
evidence ev-tests "Validation report" { path "evidence/validation.pdf" owner alice expires 2026-09-30 supports A.6.2.4 }
`;

let folder: string;
let server: ChildProcess;
let connection: MessageConnection;
let stderr = '';
/** What the client answers to `workspace/configuration` for the `aims` section. */
let clientSettings: Record<string, unknown> = { today: '2026-06-01' };
const published = new Map<string, PublishDiagnosticsParams>();
const diagnosticWaiters: Array<() => void> = [];

function guarded<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const guard = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Gave up waiting for ${what}. Server stderr:\n${stderr}`)), GUARD_MS);
    });
    return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

/** The codes of the first publication for `uri` (the latest, or a later one) that `accept` takes. */
function diagnosticsFor(uri: string, accept: (codes: string[]) => boolean, what: string): Promise<string[]> {
    return guarded(new Promise<string[]>(resolve => {
        const check = (): boolean => {
            const codes = published.get(uri)?.diagnostics.map(d => String(d.code));
            if (codes && accept(codes)) {
                resolve(codes);
                return true;
            }
            return false;
        };
        if (!check()) {
            const waiter = () => {
                if (check()) diagnosticWaiters.splice(diagnosticWaiters.indexOf(waiter), 1);
            };
            diagnosticWaiters.push(waiter);
        }
    }), what);
}

function fileUri(name: string): string {
    return pathToFileURL(join(folder, name)).toString();
}

/** Line and character of the `nth` occurrence of `needle` in `text`, `delta` characters in. */
function positionIn(text: string, needle: string, delta = 1, nth = 0) {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
    const before = text.slice(0, offset + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

beforeAll(async () => {
    expect(existsSync(serverBundle), `${serverBundle} (built by test/global-setup.ts)`).toBe(true);
    folder = mkdtempSync(join(tmpdir(), 'aims-stdio-'));
    writeFileSync(join(folder, 'people.aims'), PEOPLE);
    writeFileSync(join(folder, 'risks.aims'), RISKS);

    server = spawn(process.execPath, [serverBundle, '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', chunk => { stderr += String(chunk); });
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.set(params.uri, params);
        for (const waiter of [...diagnosticWaiters]) waiter();
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
        params.items.map(item => item.section === 'aims' ? clientSettings : null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.listen();

    const result = await guarded(connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'aims' }],
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
            textDocument: {
                synchronization: { didSave: true, dynamicRegistration: false },
                completion: { completionItem: { labelDetailsSupport: true } },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                definition: { linkSupport: true },
                publishDiagnostics: {}
            }
        }
    }), 'the initialize result') as { capabilities: Record<string, unknown> & { workspace?: { textDocumentContent?: { schemes: string[] } } } };
    expect(result.capabilities.workspace?.textDocumentContent?.schemes).toEqual(['aims-catalog']);
    expect(result.capabilities.hoverProvider).toBe(true);
    await connection.sendNotification('initialized', {});
});

afterAll(async () => {
    connection?.dispose();
    if (server && server.exitCode === null && server.signalCode === null) {
        server.kill();
    }
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('language server over stdio', () => {
    const risksUri = () => fileUri('risks.aims');
    let risksText = RISKS;

    it('publishes diagnostics with AIMS codes, including the slow evidence-file check', async () => {
        const waiting = diagnosticsFor(risksUri(), codes => codes.includes('aims/evidence-path-missing'), 'diagnostics of risks.aims');
        await connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: risksUri(), languageId: 'aims', version: 1, text: risksText }
        });
        const codes = await waiting;
        expect(codes).toContain('aims/soa-incomplete');
        expect(codes).toContain('aims/evidence-path-missing');
        expect(codes.every(code => code.startsWith('aims/'))).toBe(true);
    });

    it('completes catalog ids with their titles after `control `', async () => {
        risksText = RISKS.replace('evidence ev-tests }\n', 'evidence ev-tests }\n    control \n');
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: risksUri(), version: 2 },
            contentChanges: [{ text: risksText }]
        });
        const list = await guarded(connection.sendRequest('textDocument/completion', {
            textDocument: { uri: risksUri() },
            position: positionIn(risksText, '    control \n', '    control '.length)
        }), 'completion') as CompletionList;
        const ids = list.items.map(i => i.label);
        expect(ids).toHaveLength(catalog.annexAControls.length);
        // A.6.2.4 already has an entry, so it comes last; the rest follow the catalog.
        const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
        expect(sorted[0].label).toBe('A.2.2');
        expect(sorted.at(-1)!.label).toBe('A.6.2.4');
        const item = list.items.find(i => i.label === 'A.2.2')!;
        expect(item.detail).toBe(catalog.get('annex-a-control', 'A.2.2')!.title);
        expect(item.labelDetails).toEqual({ description: item.detail });
    });

    it('shows the title and summary of a catalog id on hover', async () => {
        const hover = await guarded(connection.sendRequest('textDocument/hover', {
            textDocument: { uri: risksUri() },
            position: positionIn(risksText, 'A.6.2.4', 2)
        }), 'hover') as Hover;
        const value = (hover.contents as { kind: string; value: string }).value;
        const control = catalog.get('annex-a-control', 'A.6.2.4')!;
        expect(value).toContain(`**A.6.2.4** ${control.title}`);
        if (control.summary) expect(value).toContain(control.summary);
        expect(value).toContain('Statement of applicability: **applicable**, implemented, owner alice');
    });

    it('goes to the definition of a catalog id in the catalog document, and of a person in the other file', async () => {
        const toCatalog = await guarded(connection.sendRequest('textDocument/definition', {
            textDocument: { uri: risksUri() },
            position: positionIn(risksText, 'A.6.2.4', 2)
        }), 'definition of A.6.2.4') as LocationLink[];
        expect(toCatalog.map(l => l.targetUri)).toEqual(['aims-catalog:/annex-a.aims']);
        const catalogLines = renderCatalogDocument('annex-a').split('\n');
        expect(catalogLines[toCatalog[0].targetSelectionRange.start.line]).toMatch(/^\s*control A\.6\.2\.4 "/);

        const toPerson = await guarded(connection.sendRequest('textDocument/definition', {
            textDocument: { uri: risksUri() },
            position: positionIn(risksText, 'alice', 2)
        }), 'definition of alice') as LocationLink[];
        expect(toPerson.map(l => [l.targetUri, l.targetSelectionRange.start])).toEqual([[fileUri('people.aims'), { line: 1, character: 7 }]]);
    });

    it('serves the text of a catalog document', async () => {
        const content = await guarded(connection.sendRequest('workspace/textDocumentContent', {
            uri: 'aims-catalog:/annex-a.aims'
        }), 'catalog document content') as { text: string };
        expect(content.text).toBe(renderCatalogDocument('annex-a'));
    });

    it('re-validates when the client\'s aims settings change', async () => {
        clientSettings = { today: '2026-10-01' };
        const waiting = diagnosticsFor(risksUri(), codes => codes.includes('aims/evidence-expired'), 'diagnostics after a settings change');
        // A pull-model client announces the change and lets the server fetch the section.
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        const codes = await waiting;
        expect(codes).not.toContain('aims/evidence-expiring');
    });

    it('re-checks evidence files on save', async () => {
        expect(published.get(risksUri())!.diagnostics.map(d => d.code)).toContain('aims/evidence-path-missing');
        mkdirSync(join(folder, 'evidence'));
        writeFileSync(join(folder, 'evidence', 'validation.pdf'), 'report');
        const waiting = diagnosticsFor(risksUri(), codes => !codes.includes('aims/evidence-path-missing'), 'diagnostics after save');
        await connection.sendNotification('textDocument/didSave', { textDocument: { uri: risksUri() } });
        const codes = await waiting;
        expect(codes).toContain('aims/evidence-expired');
    });

    it('shuts down and exits cleanly', async () => {
        const exited = new Promise<number | null>(resolve => server.once('exit', code => resolve(code)));
        await guarded(connection.sendRequest('shutdown'), 'the shutdown response');
        await connection.sendNotification('exit');
        expect(await guarded(exited, 'the server to exit')).toBe(0);
    });
});
