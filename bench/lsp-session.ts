/**
 * A minimal LSP client over stdio for the benchmark: starts a server process, answers the
 * requests a server sends to its client (configuration, capability registration, progress),
 * records every publishDiagnostics with its arrival time, and samples the server's memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';

export interface PublishedDiagnostics {
    readonly uri: string;
    readonly diagnostics: Array<{ message: string; code?: string | number; range: unknown; severity?: number }>;
    /** performance.now() when the notification arrived. */
    readonly at: number;
}

export interface SessionOptions {
    readonly command: string;
    readonly args: readonly string[];
    readonly cwd: string;
    /** The value of a configuration section the server asks for (`aims`, `yaml`, ...). */
    readonly configuration: (section: string | undefined) => unknown;
}

export class LspSession {
    readonly process: ChildProcess;
    readonly connection: MessageConnection;
    /** The latest diagnostics per URI. */
    readonly latest = new Map<string, PublishedDiagnostics>();
    private readonly listeners = new Set<(published: PublishedDiagnostics) => void>();
    private stderr = '';
    private exited = false;

    private constructor(options: SessionOptions) {
        this.process = spawn(options.command, [...options.args], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        this.process.stderr!.on('data', chunk => { this.stderr = (this.stderr + String(chunk)).slice(-4000); });
        this.process.on('exit', () => { this.exited = true; });
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
            params.items.map(item => options.configuration(item.section) ?? null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('client/unregisterCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onRequest('workspace/workspaceFolders', () => null);
        this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
        this.connection.onRequest('workspace/inlayHint/refresh', () => null);
        this.connection.onRequest('workspace/codeLens/refresh', () => null);
        this.connection.onRequest('workspace/diagnostic/refresh', () => null);
        this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: PublishedDiagnostics['diagnostics'] }) => {
            const published = { uri: params.uri, diagnostics: params.diagnostics, at: performance.now() };
            this.latest.set(params.uri, published);
            for (const listener of this.listeners) listener(published);
        });
        this.connection.onNotification(() => { /* logs, telemetry, progress: not measured */ });
        this.connection.listen();
    }

    static start(options: SessionOptions): LspSession {
        return new LspSession(options);
    }

    get pid(): number {
        return this.process.pid!;
    }

    /** The last lines the server wrote to stderr, for error messages. */
    get errorOutput(): string {
        return this.stderr;
    }

    onDiagnostics(listener: (published: PublishedDiagnostics) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** Resolve with the first publication that `accept` takes, or reject after `timeoutMs`. */
    nextDiagnostics(accept: (published: PublishedDiagnostics) => boolean, timeoutMs: number, what: string): Promise<PublishedDiagnostics> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => { dispose(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.stderr}`)); }, timeoutMs);
            const dispose = this.onDiagnostics(published => {
                if (accept(published)) {
                    clearTimeout(timer);
                    dispose();
                    resolve(published);
                }
            });
        });
    }

    /** Resolve when every URI of `uris` has had at least one publication since this call. */
    diagnosticsForAll(uris: Iterable<string>, timeoutMs: number, what: string): Promise<number> {
        const waiting = new Set(uris);
        return new Promise((resolve, reject) => {
            if (waiting.size === 0) { resolve(performance.now()); return; }
            const timer = setTimeout(() => {
                dispose();
                reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${waiting.size} documents without diagnostics, e.g. ${[...waiting][0]}\n${this.stderr}`));
            }, timeoutMs);
            const dispose = this.onDiagnostics(published => {
                if (waiting.delete(published.uri) && waiting.size === 0) {
                    clearTimeout(timer);
                    dispose();
                    resolve(published.at);
                }
            });
        });
    }

    initialize(rootPath: string, capabilities: object = DEFAULT_CAPABILITIES): Promise<{ capabilities: Record<string, unknown> }> {
        const rootUri = pathToFileURL(rootPath).href;
        return this.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'bench' }],
            capabilities,
            initializationOptions: {}
        });
    }

    notify(method: string, params: unknown): void {
        void this.connection.sendNotification(method, params);
    }

    request<T>(method: string, params: unknown): Promise<T> {
        return this.connection.sendRequest(method, params);
    }

    /** didOpen with the file's text from disk. */
    open(path: string, languageId: string, version = 1): string {
        const uri = pathToFileURL(path).href;
        this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text: readFileSync(path, 'utf8') } });
        return uri;
    }

    /** Peak resident set size so far (VmHWM), in MB; undefined once the process is gone. */
    peakRssMb(): number | undefined {
        return peakRssMb(this.pid);
    }

    async stop(): Promise<void> {
        if (this.exited) return;
        try {
            await withTimeout(this.connection.sendRequest('shutdown'), 5000);
            this.notify('exit', undefined);
        } catch {
            // A server that does not answer shutdown is stopped below.
        }
        await new Promise<void>(resolve => {
            if (this.exited) { resolve(); return; }
            const timer = setTimeout(() => { this.process.kill('SIGKILL'); resolve(); }, 3000);
            this.process.once('exit', () => { clearTimeout(timer); resolve(); });
        });
        this.connection.dispose();
    }
}

/** What an editor announces; enough for pull-free diagnostics, completion and hover. */
export const DEFAULT_CAPABILITIES = {
    workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: false },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] }
    },
    window: { workDoneProgress: false }
};

/** VmHWM of a running process from /proc, in MB. */
export function peakRssMb(pid: number): number | undefined {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
        return match ? Number(match[1]) / 1024 : undefined;
    } catch {
        return undefined;
    }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
    return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}
