/**
 * The language server as a web worker (out/web/language-server.js, built from
 * language-server/browser.ts), started in headless Chromium from a Blob, with no network and no
 * server behind the page, and spoken to over postMessage as an LSP client would: the catalogs are
 * there (an unknown Annex A id gets its did-you-mean), hover and completion answer, and an
 * evidence path says that it was not checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { itInBrowser, withPage } from '../report/report-browser.js';

const BUNDLE = join(fileURLToPath(new URL('../..', import.meta.url)), 'out/web/language-server.js');

const TEXT = `person alice "Alice" { role "Lead" }
evidence ev-policy "Signed AI policy" { path "evidence/ai-policy.pdf" owner alice supports A.2.2 }
risk r "Bias" { treatment mitigate with A.6.2.44 owner alice }
`;

/** Browser-side values, typed loosely: the project's TypeScript has no DOM library. */
type Dom = any;

interface Exchange {
    diagnostics: Array<{ code: string; message: string; severity: number }>;
    hover: string;
    completion: string[];
    errors: string[];
}

describe.runIf(existsSync(BUNDLE))('the language server in a web worker', () => {
    itInBrowser('validates, hovers and completes with the bundled catalogs, and skips file-system checks', async () => {
        const code = readFileSync(BUNDLE, 'utf8');
        await withPage('<!DOCTYPE html><title>worker</title>', async ({ page, requests, errors }) => {
            const result: Exchange = await page.evaluate(async ({ code, text }: { code: string; text: string }) => {
                const g = globalThis as Dom;
                const worker = new g.Worker(g.URL.createObjectURL(new g.Blob([code], { type: 'text/javascript' })));
                const workerErrors: string[] = [];
                worker.onerror = (e: Dom) => workerErrors.push(String(e.message));
                let id = 0;
                const pending = new Map<number, (r: unknown) => void>();
                let onDiagnostics: (d: Dom[]) => void = () => undefined;
                worker.onmessage = (event: Dom) => {
                    const message = event.data;
                    if (message.id !== undefined && message.method) {
                        // A request from the server (configuration, registration): answer it.
                        const result = message.method === 'workspace/configuration' ? message.params.items.map(() => ({ today: '2026-06-01' })) : null;
                        worker.postMessage({ jsonrpc: '2.0', id: message.id, result });
                    } else if (message.id !== undefined) {
                        pending.get(message.id)?.(message.result);
                    } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === 'file:///ws/main.aims') {
                        onDiagnostics(message.params.diagnostics);
                    }
                };
                const request = (method: string, params: unknown) => new Promise<Dom>(resolve => {
                    pending.set(++id, resolve);
                    worker.postMessage({ jsonrpc: '2.0', id, method, params });
                });
                const notify = (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params });
                await request('initialize', {
                    processId: null, rootUri: 'file:///ws', workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }],
                    capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } }
                });
                notify('initialized', {});
                // The evidence-file check is a 'slow' one, run in a follow-up build after opening: wait
                // for the publication that has it, or give up after 20 s with the latest one.
                let latest: Dom[] = [];
                const diagnostics = new Promise<Dom[]>(resolve => {
                    g.setTimeout(() => resolve(latest), 20_000);
                    onDiagnostics = d => { latest = d; if (d.some((x: Dom) => x.code === 'aims/evidence-path-unchecked')) resolve(d); };
                });
                notify('textDocument/didOpen', { textDocument: { uri: 'file:///ws/main.aims', languageId: 'aims', version: 1, text } });
                const published = await diagnostics;
                const hover = await request('textDocument/hover', { textDocument: { uri: 'file:///ws/main.aims' }, position: { line: 1, character: 91 } });
                const completion = await request('textDocument/completion', { textDocument: { uri: 'file:///ws/main.aims' }, position: { line: 2, character: 41 } });
                worker.terminate();
                return {
                    diagnostics: published.map((d: Dom) => ({ code: d.code, message: d.message, severity: d.severity })),
                    hover: String(hover?.contents?.value ?? ''),
                    completion: ((completion?.items ?? completion ?? []) as Dom[]).map(i => String(i.label)),
                    errors: workerErrors
                };
            }, { code, text: TEXT });

            expect(result.errors).toEqual([]);
            expect(result.diagnostics.map(d => d.code)).toEqual(expect.arrayContaining(['aims/evidence-path-unchecked', 'aims/unknown-catalog-id']));
            expect(result.diagnostics.map(d => d.code)).not.toContain('aims/evidence-path-missing');
            expect(result.diagnostics.find(d => d.code === 'aims/unknown-catalog-id')!.message).toContain("Did you mean 'A.6.2.4'");
            expect(result.diagnostics.find(d => d.code === 'aims/evidence-path-unchecked')!.message).toContain('runs in the browser');
            expect(result.hover).toContain('AI policy');
            expect(result.completion).toContain('A.6.2.4');
            expect(requests).toEqual([]);
            expect(errors).toEqual([]);
        });
    });
});
