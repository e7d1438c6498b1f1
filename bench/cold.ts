/**
 * Cold start: a new server process, a workspace it has never seen, and the time from the
 * `initialize` request to the moment every document has its diagnostics.
 *
 * - Ours validates the whole workspace on start-up without any didOpen (initialBuildOptions),
 *   with every rule: parse, link, per-document and cross-file checks, evidence files on disk.
 * - yaml-language-server validates only documents that are open, so the client opens every
 *   YAML file as soon as the server has its `yaml.schemas` setting, and waits for each file's
 *   diagnostics. It checks shapes only (JSON Schema), no cross-references.
 * Both clocks start when `initialize` is sent, right after the process is spawned, so both
 * include process start-up.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { BENCH_TODAY } from './generator.js';
import { LspSession, type PublishedDiagnostics } from './lsp-session.js';
import type { WrittenWorkspace } from './workspaces.js';

export interface ColdRun {
    readonly ms: number;
    /** Diagnostics by code over all user documents: proof that the validation really ran. */
    readonly codes: Record<string, number>;
    readonly peakRssMb?: number;
}

/** Settings the benchmark's client gives our server: a fixed today, so findings are stable. */
export function aimsConfiguration(section: string | undefined): unknown {
    if (section === 'aims') return { today: BENCH_TODAY, evidenceExpiryWindowDays: 30, severity: {}, inlayHints: true };
    return null;
}

/** `nodeArgs`: e.g. `--cpu-prof` to profile the server. */
export function aimsServer(serverPath: string, cwd: string, nodeArgs: readonly string[] = []): LspSession {
    return LspSession.start({ command: process.execPath, args: [...nodeArgs, serverPath, '--stdio'], cwd, configuration: aimsConfiguration });
}

/** Start our server on the workspace and wait until every `.aims` file has diagnostics. */
export async function coldAims(ws: WrittenWorkspace, serverPath: string, timeoutMs: number, keep = false, nodeArgs: readonly string[] = []): Promise<ColdRun & { session?: LspSession; capabilities?: Record<string, unknown> }> {
    const session = aimsServer(serverPath, ws.aimsRoot, nodeArgs);
    const uris = ws.aimsFiles.map(path => pathToFileURL(path).href);
    const all = session.diagnosticsForAll(uris, timeoutMs, `our diagnostics for ${ws.size.name}`);
    all.catch(() => undefined);
    const start = performance.now();
    const { capabilities } = await session.initialize(ws.aimsRoot);
    session.notify('initialized', {});
    try {
        const end = await all;
        const ms = end - start;
        const codes = countCodes(uris.map(uri => session.latest.get(uri)));
        const peakRssMb = session.peakRssMb();
        if (keep) return { ms, codes, peakRssMb, session, capabilities };
        await session.stop();
        return { ms, codes, peakRssMb };
    } catch (error) {
        await session.stop();
        throw error;
    }
}

/** A YAML file that breaks the schema: if it gets no diagnostic, the schema was not applied. */
const CANARY = 'risks:\n  - name: canary-risk\n    treatment: ignore\n';

/** yaml-language-server 2.x on the YAML rendering, with the JSON Schema through workspace/configuration. */
export async function coldYaml(ws: WrittenWorkspace, timeoutMs: number): Promise<ColdRun> {
    const require = createRequire(import.meta.url);
    const server = join(require.resolve('yaml-language-server/package.json'), '..', 'bin', 'yaml-language-server');
    const canaryPath = join(ws.root, 'canary', 'canary.yaml');
    writeCanary(canaryPath);
    const schemaUri = pathToFileURL(ws.schemaPath).href;
    const yamlSettings = {
        validate: true, hover: true, completion: true, format: { enable: false },
        schemas: { [schemaUri]: ['**/*.yaml'] }, schemaStore: { enable: false }, yamlVersion: '1.2'
    };
    let configured: () => void = () => undefined;
    const configurationDelivered = new Promise<void>(resolve => { configured = resolve; });
    const session = LspSession.start({
        command: process.execPath, args: [server, '--stdio'], cwd: ws.yamlRoot,
        configuration: section => {
            if (section === 'yaml') {
                // Answered now; the server applies it when the response arrives.
                setImmediate(configured);
                return yamlSettings;
            }
            if (section === 'http') return { proxy: '', proxyStrictSSL: false };
            if (section === '[yaml]') return {};
            if (section === 'editor') return { tabSize: 2, detectIndentation: false };
            if (section === 'files') return { associations: {} };
            return null;
        }
    });
    const paths = [...ws.yamlFiles, canaryPath];
    const uris = paths.map(path => pathToFileURL(path).href);
    const start = performance.now();
    try {
        const all = session.diagnosticsForAll(uris, timeoutMs, `yaml-language-server diagnostics for ${ws.size.name}`);
        all.catch(() => undefined);
        await session.initialize(ws.yamlRoot);
        session.notify('initialized', {});
        session.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
        await configurationDelivered;
        for (const path of paths) session.open(path, 'yaml');
        const end = await all;
        const ms = end - start;
        const canary = session.latest.get(pathToFileURL(canaryPath).href);
        if (!canary || canary.diagnostics.length === 0) {
            throw new Error('yaml-language-server reported nothing for the canary file: the schema was not applied');
        }
        const codes = countCodes(uris.slice(0, -1).map(uri => session.latest.get(uri)));
        const peakRssMb = session.peakRssMb();
        return { ms, codes, peakRssMb };
    } finally {
        await session.stop();
    }
}

function writeCanary(path: string): void {
    const dir = join(path, '..');
    // The canary lives in its own folder next to the YAML rendering, outside its byte count.
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, CANARY);
}

export function countCodes(published: Array<PublishedDiagnostics | undefined>): Record<string, number> {
    const codes: Record<string, number> = {};
    for (const p of published) {
        for (const d of p?.diagnostics ?? []) {
            const code = String(d.code !== undefined && d.code !== 0 ? d.code : d.message.slice(0, 60));
            codes[code] = (codes[code] ?? 0) + 1;
        }
    }
    return codes;
}
