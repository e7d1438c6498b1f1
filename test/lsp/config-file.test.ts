import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType, PublishDiagnosticsNotification, type Diagnostic } from 'vscode-languageserver/node';
import { URI } from 'langium';
import { startStdioServer, type StdioServer } from '../helpers/stdio-server.js';
import { REPO_ROOT, runAims } from '../cli/run-aims.js';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

let server: StdioServer | undefined;
let folder = '';
afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(folder, { recursive: true, force: true });
});

/** The example workspace in a temporary folder, with this aims.config.json. */
function exampleWith(config: unknown): string {
    folder = mkdtempSync(join(tmpdir(), 'aims-config-lsp-'));
    cpSync(join(REPO_ROOT, 'examples'), folder, { recursive: true });
    writeConfig(config);
    return folder;
}

function writeConfig(config: unknown): void {
    writeFileSync(join(folder, 'aims.config.json'), JSON.stringify(config, null, 4));
}

/** Start the server on `folder`; the latest diagnostics per file name, and a way to wait for a state. */
async function serve(root: string) {
    const latest = new Map<string, Diagnostic[]>();
    const waiters: Array<() => void> = [];
    server = await startStdioServer({
        folder: root,
        // No client settings at all: everything comes from the config file.
        settings: {},
        capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
        setUp: connection => connection.onNotification(PublishDiagnosticsNotification.type, params => {
            latest.set(fileURLToPath(params.uri).slice(root.length + 1), params.diagnostics);
            waiters.forEach(wake => wake());
        })
    });
    const until = (condition: () => boolean, what: string) => new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 30_000);
        const check = () => {
            if (condition()) {
                clearTimeout(timer);
                resolve();
            }
        };
        waiters.push(check);
        check();
    });
    return { latest, until };
}

/** `file:line:col severity code`, sorted: the comparable part of a finding. */
function keysOf(latest: Map<string, Diagnostic[]>): string[] {
    return [...latest].flatMap(([file, diagnostics]) => diagnostics.map(d =>
        `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]} ${String(d.code)}`)).sort();
}

describe('aims.config.json in the language server', () => {
    it('gives the editor the findings the CLI reports for the same config and suppressions', async () => {
        const root = exampleWith({ today: '2026-11-28', severity: { 'aims/review-overdue': 'error', 'evidence-expiring': 'off' } });
        // An accepted finding of the slow evidence-file check, and one suppression without a reason.
        const evidence = join(root, 'evidence.aims');
        writeFileSync(evidence, readFileSync(evidence, 'utf8')
            .replace('    path "evidence/training/', '    // aims-ignore aims/evidence-path-missing: the LMS export lands in January\n    path "evidence/training/')
            .replace('evidence ev-pentest-nora', '// aims-ignore aims/evidence-expiring\nevidence ev-pentest-nora'));
        const { latest, until } = await serve(root);
        const cli = JSON.parse(runAims(['validate', '--format', 'json'], { cwd: root }).stdout) as {
            diagnostics: Array<{ file: string; line: number; column: number; severity: string; code: string }>;
        };
        const expected = cli.diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`).sort();
        expect(expected).toContain('policies.aims:22:5 error aims/review-overdue');
        expect(expected.some(key => key.endsWith('aims/evidence-expiring'))).toBe(false);
        expect(expected.some(key => key.endsWith('aims/evidence-path-missing'))).toBe(false);
        expect(expected.filter(key => key.endsWith('aims/suppression-without-reason'))).toHaveLength(1);
        const files = readdirSync(root).filter(name => name.endsWith('.aims')).length;
        await until(() => latest.size === files && keysOf(latest).join('\n') === expected.join('\n'), 'the CLI\'s findings');
        expect(keysOf(latest)).toEqual(expected);
    });

    it('re-validates open and loaded documents when the config changes', async () => {
        const root = exampleWith({ today: '2026-11-28', severity: { 'review-overdue': 'error' } });
        const { latest, until } = await serve(root);
        const overdue = () => (latest.get('policies.aims') ?? []).filter(d => d.code === 'aims/review-overdue');
        await until(() => overdue().length === 1 && overdue()[0].severity === 1, 'review-overdue as an error');

        writeConfig({ today: '2026-11-28', severity: { 'review-overdue': 'off' } });
        await server!.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: URI.file(join(root, 'aims.config.json')).toString(), type: FileChangeType.Changed }]
        });
        await until(() => latest.has('policies.aims') && overdue().length === 0, 'review-overdue switched off');

        // Deleting the file brings back the defaults (a warning; today is the system date, long after 2026-10-20).
        rmSync(join(root, 'aims.config.json'));
        await server!.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: URI.file(join(root, 'aims.config.json')).toString(), type: FileChangeType.Deleted }]
        });
        await until(() => overdue().length === 1 && overdue()[0].severity === 2, 'review-overdue back as a warning');
    });
});
