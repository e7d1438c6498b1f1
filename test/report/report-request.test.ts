/**
 * The `aims/report` request behind the VS Code report panel: the same HTML as `aims report`,
 * for the server's workspace, under the nonce the client chose.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationToken, type Connection, type ProtocolConnection } from 'vscode-languageserver/node';
import { registerReportRequest, REPORT_REQUEST } from '../../src/lsp/aims-report-request.js';
import { escapeHtml } from '../../src/report/html-markup.js';
import { reportContentSecurityPolicy } from '../../src/report/report-html.js';
import { harbourCopy, loadInline } from './report-workspace.js';
import { SERVER_BUNDLE, startStdioServer, type StdioServer } from '../helpers/stdio-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NONCE = 'dGVzdC1ub25jZS0wMDE=';

describe('report request handler', () => {
    async function handlerFor(files: Record<string, string>) {
        const { services } = await loadInline(files);
        const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
        const connection = { onRequest: (method: string, handler: (...args: unknown[]) => Promise<unknown>) => handlers.set(method, handler) };
        registerReportRequest(connection as unknown as Connection, services);
        return handlers.get(REPORT_REQUEST)!;
    }

    it('answers with the HTML report, under the client nonce', async () => {
        const handler = await handlerFor({ 'main.aims': 'organisation o "Org <One>" { scope "s" }' });
        const page = await handler({ format: 'html', nonce: NONCE }, CancellationToken.None) as string;
        expect(page).toContain('<h1>Org &lt;One&gt;</h1>');
        expect(page).toContain(`<style nonce="${NONCE}">`);
        expect(page).toContain(escapeHtml(reportContentSecurityPolicy(NONCE)));
    });

    it('answers without parameters, and in Markdown when asked', async () => {
        const handler = await handlerFor({ 'main.aims': 'organisation o "Org" { scope "s" }' });
        expect(await handler(CancellationToken.None)).toMatch(/^<!DOCTYPE html>/);
        expect(await handler({ format: 'md' }, CancellationToken.None)).toMatch(/^# AI management system report: Org\n/);
    });

    it('refuses a nonce that could break out of the policy', async () => {
        const handler = await handlerFor({});
        await expect(handler({ nonce: `x'; script-src *` }, CancellationToken.None)).rejects.toThrow('aims/report: the nonce must be 8 to 128 base64 characters.');
    });

    it('is the method the VS Code report panel sends', () => {
        expect(readFileSync(join(ROOT, 'client/report-panel.ts'), 'utf8')).toContain(`export const REPORT_REQUEST = '${REPORT_REQUEST}';`);
    });
});

describe.runIf(existsSync(SERVER_BUNDLE))('report request over stdio', () => {
    let folder: string;
    let server: StdioServer;
    let connection: ProtocolConnection;

    beforeAll(async () => {
        folder = harbourCopy();
        server = await startStdioServer({ folder, capabilities: { workspace: { configuration: true } } });
        connection = server.connection;
    });

    afterAll(async () => {
        await server?.stop();
    });

    it('returns the report of the whole workspace folder', async () => {
        const page = await connection.sendRequest<string>(REPORT_REQUEST, { format: 'html', nonce: NONCE });
        expect(page).toContain('<h1>Harbour Health Insurance DAC</h1>');
        expect(page).toContain('<dd>2026-06-01</dd>');
        expect(page).toContain('<dd>5 .aims files</dd>');
        expect(page).toContain(`<style nonce="${NONCE}">`);
        expect(page).toContain('evidence.aims:24');
    });
});
