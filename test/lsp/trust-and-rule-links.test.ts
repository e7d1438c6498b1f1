/**
 * What the client says at `initialize`: rule codes link to their row of the language reference
 * (LSP `codeDescription`, without a `source` that would repeat the tool's name), and an untrusted
 * workspace gets no git and no file-system checks. The bundled server, over stdio.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishDiagnosticsNotification, type Diagnostic } from 'vscode-languageserver/node';
import { UNTRUSTED_REASON } from '../../src/lsp/aims-initialization-options.js';
import { SERVER_BUNDLE, startStdioServer, type StdioServer } from '../helpers/stdio-server.js';

const EVIDENCE = `person alice "Alice" { role "Lead" }
evidence ev-policy "Signed AI policy" { path "evidence/ai-policy.pdf" owner alice }
evidence ev-missing "Never committed" { path "evidence/missing.pdf" owner alice }
`;

let server: StdioServer | undefined;
let folder: string | undefined;

afterEach(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
    server = undefined;
    folder = undefined;
});

/**
 * A `git` first on the server's PATH that only writes down that it ran, so a test can see
 * whether the server started git at all.
 */
function fakeGit(root: string): string {
    const bin = join(root, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$@" >> "${join(root, 'git-calls.log')}"\nexit 1\n`);
    chmodSync(join(bin, 'git'), 0o755);
    return bin;
}

/** Start the server on a folder with EVIDENCE and one of its two files; resolve with the file's diagnostics. */
async function diagnosticsWith(initializationOptions?: Record<string, unknown>): Promise<Diagnostic[]> {
    folder = mkdtempSync(join(tmpdir(), 'aims-trust-'));
    const path = process.env.PATH;
    process.env.PATH = `${fakeGit(folder)}:${path ?? ''}`;
    mkdirSync(join(folder, 'evidence'));
    writeFileSync(join(folder, 'evidence/ai-policy.pdf'), 'signed');
    writeFileSync(join(folder, 'evidence.aims'), EVIDENCE);
    let resolve!: (d: Diagnostic[]) => void;
    const published = new Promise<Diagnostic[]>(r => { resolve = r; });
    server = await startStdioServer({
        folder,
        capabilities: { workspace: { configuration: true } },
        initializationOptions,
        setUp: connection => connection.onNotification(PublishDiagnosticsNotification.type, p => {
            if (p.uri.endsWith('/evidence.aims')) resolve(p.diagnostics);
        })
    }).finally(() => { process.env.PATH = path; });
    return published;
}

function gitCalls(): string[] {
    const log = join(folder!, 'git-calls.log');
    return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
}

describe.runIf(existsSync(SERVER_BUNDLE))('rule links and workspace trust', () => {
    it('links each code to its row of the bundled language reference and sets no source', async () => {
        const [missing] = (await diagnosticsWith()).filter(d => d.code === 'aims/evidence-path-missing');
        expect(missing.source).toBeUndefined();
        const href = missing.codeDescription?.href ?? '';
        expect(href).toMatch(/^file:.*\/docs\/language\.md#rule-evidence-path-missing$/);
        const page = readFileSync(fileURLToPath(href.replace(/#.*$/, '')), 'utf8');
        expect(page).toContain('<a id="rule-evidence-path-missing"></a>');
    });

    it('links to the page the client names', async () => {
        const diagnostics = await diagnosticsWith({ rulesDocumentation: 'vscode://aims-language-tools.aims-language-tools/rules' });
        expect(diagnostics.length).toBeGreaterThan(0);
        for (const d of diagnostics) {
            expect(d.codeDescription?.href).toBe(`vscode://aims-language-tools.aims-language-tools/rules#rule-${String(d.code).replace('aims/', '')}`);
        }
    });

    it('checks evidence files and asks git in a trusted workspace', async () => {
        const codes = (await diagnosticsWith({ trusted: true })).map(d => d.code);
        expect(codes).toContain('aims/evidence-path-missing');
        expect(codes).not.toContain('aims/evidence-path-unchecked');
        await server!.connection.sendRequest<string>('aims/report', { format: 'html' });
        expect(gitCalls().length).toBeGreaterThan(0);
    });

    it('does not ask the file system or git in an untrusted workspace, and says so', async () => {
        const diagnostics = await diagnosticsWith({ trusted: false });
        expect(diagnostics.map(d => d.code)).not.toContain('aims/evidence-path-missing');
        const unchecked = diagnostics.filter(d => d.code === 'aims/evidence-path-unchecked');
        expect(unchecked.map(d => d.message)).toEqual([
            `Whether 'evidence/ai-policy.pdf' exists was not checked: ${UNTRUSTED_REASON}.`,
            `Whether 'evidence/missing.pdf' exists was not checked: ${UNTRUSTED_REASON}.`
        ]);
        const report = await server!.connection.sendRequest<string>('aims/report', { format: 'html' });
        expect(report).toContain(`not asked: ${UNTRUSTED_REASON}`);
        // Neither the config-file search nor the report started git.
        expect(gitCalls()).toEqual([]);
    });
});
