/**
 * The editor features through the bundled language server over stdio, as any LSP client sees
 * them: the capabilities the server announces, and one request per feature on a real folder.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URI } from 'langium';
import {
    CodeActionRequest, CodeLensRefreshRequest, CodeLensRequest, DocumentFormattingRequest, DocumentLinkRequest,
    FoldingRangeRequest, InlayHintRequest, PrepareRenameRequest, PublishDiagnosticsNotification, SemanticTokensRequest,
    type Diagnostic, type InitializeResult, type ProtocolConnection
} from 'vscode-languageserver/node';
import { FIXTURES } from './editor.js';
import { SERVER_BUNDLE, startStdioServer, type StdioServer } from '../helpers/stdio-server.js';

const FIXME = 'risk r-wire "Wrong answers" {\n    treatment accept\n    owner bob\n}\n';

describe.runIf(existsSync(SERVER_BUNDLE))('editor features over stdio', () => {
    let folder: string;
    let server: StdioServer;
    let connection: ProtocolConnection;
    let capabilities: InitializeResult['capabilities'];
    let refreshes = 0;
    const diagnostics = new Map<string, Diagnostic[]>();
    /** Checks still waiting for diagnostics; each returns true once satisfied. */
    let waiting: Array<() => boolean> = [];
    const uri = (file: string) => URI.file(join(folder, file)).toString();
    const doc = (file: string) => ({ textDocument: { uri: uri(file) } });

    /** Resolves once the server has published diagnostics for `file` that satisfy `ready`. */
    function diagnosticsOf(file: string, ready: (list: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
        return new Promise(resolve => {
            const check = () => {
                const list = diagnostics.get(uri(file));
                if (list && ready(list)) {
                    resolve(list);
                    return true;
                }
                return false;
            };
            if (!check()) waiting.push(check);
        });
    }

    beforeAll(async () => {
        folder = mkdtempSync(join(tmpdir(), 'aims-wire-'));
        cpSync(join(FIXTURES, 'acme'), folder, { recursive: true });
        writeFileSync(join(folder, 'fixme.aims'), FIXME);
        server = await startStdioServer({
            folder,
            capabilities: {
                workspace: { configuration: true, codeLens: { refreshSupport: true } },
                textDocument: { publishDiagnostics: {}, semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } }
            },
            setUp: c => {
                c.onNotification(PublishDiagnosticsNotification.type, p => {
                    diagnostics.set(p.uri, p.diagnostics);
                    waiting = waiting.filter(check => !check());
                });
                c.onRequest(CodeLensRefreshRequest.type, () => { refreshes++; });
            }
        });
        connection = server.connection;
        capabilities = server.capabilities;
    });

    afterAll(async () => {
        await server?.stop();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('announces every editor feature', () => {
        expect(capabilities.codeActionProvider).toBeTruthy();
        expect(capabilities.codeLensProvider).toBeTruthy();
        expect(capabilities.inlayHintProvider).toBeTruthy();
        expect(capabilities.documentFormattingProvider).toBeTruthy();
        expect(capabilities.foldingRangeProvider).toBeTruthy();
        expect(capabilities.documentLinkProvider).toBeTruthy();
        expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
        expect(capabilities.semanticTokensProvider?.legend.tokenTypes).toContain('enumMember');
    });

    it('offers the quick fix for a published diagnostic, with its data intact', async () => {
        const list = await diagnosticsOf('fixme.aims', l => l.some(d => d.code === 'aims/accept-without-acceptor'));
        const diagnostic = list.find(d => d.code === 'aims/accept-without-acceptor')!;
        const actions = await connection.sendRequest(CodeActionRequest.type, { ...doc('fixme.aims'), range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        expect(actions?.map(a => a.title)).toEqual(['Record the acceptance: accepted by bob on 2026-06-01']);
    });

    it('serves code lenses, inlay hints, semantic tokens, folding ranges and links', async () => {
        await diagnosticsOf('risks.aims', () => true);
        const lenses = await connection.sendRequest(CodeLensRequest.type, doc('risks.aims'));
        expect(lenses?.map(l => l.command?.title)).toContain('inherent 20 → residual 8 · mitigate with 2 controls');
        const hints = await connection.sendRequest(InlayHintRequest.type, { ...doc('risks.aims'), range: { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } } });
        expect(hints?.map(h => h.label)).toContain('AI system verification and validation');
        const tokens = await connection.sendRequest(SemanticTokensRequest.type, doc('risks.aims'));
        expect(tokens?.data.length).toBeGreaterThan(0);
        const folds = await connection.sendRequest(FoldingRangeRequest.type, doc('risks.aims'));
        expect(folds?.length).toBeGreaterThan(0);
        const links = await connection.sendRequest(DocumentLinkRequest.type, doc('evidence.aims'));
        expect(links?.map(l => l.target)).toContain(URI.file(join(folder, 'evidence/ai-policy.pdf')).toString());
    });

    it('formats a file and asks the client to refresh code lenses after validation', async () => {
        await diagnosticsOf('fixme.aims', () => true);
        const edits = await connection.sendRequest(DocumentFormattingRequest.type, { ...doc('soa.aims'), options: { tabSize: 2, insertSpaces: false } });
        expect(edits).toEqual([]);
        expect(refreshes).toBeGreaterThan(0);
    });

    it('explains why a catalog id cannot be renamed', async () => {
        const error = await connection.sendRequest(PrepareRenameRequest.type, { ...doc('soa.aims'), position: { line: 20, character: 14 } })
            .then(() => undefined, (e: Error) => e);
        expect(error?.message).toBe('A.6.2.4 is a catalog id fixed by its standard; catalog ids cannot be renamed.');
    });
});
