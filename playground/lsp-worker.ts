/**
 * A minimal LSP client over `postMessage` to the AIMS language server in a web worker
 * (out/web/language-server.js, started from a Blob so that the page works from file:// and
 * offline). Requests the server sends (configuration, registrations, progress) are answered here.
 */
export type Json = any;

export class LspWorker {
    private readonly worker: Worker;
    private nextId = 0;
    private readonly pending = new Map<number, { resolve: (result: Json) => void; reject: (error: Error) => void }>();
    private readonly handlers = new Map<string, (params: Json) => void>();

    constructor(code: string, private readonly settings: Record<string, unknown>) {
        this.worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        this.worker.onmessage = event => this.receive(event.data);
        this.worker.onerror = event => console.error(`AIMS language server: ${event.message}`);
    }

    request<T = Json>(method: string, params: Json): Promise<T> {
        const id = ++this.nextId;
        return new Promise<T>((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.worker.postMessage({ jsonrpc: '2.0', id, method, params });
        });
    }

    notify(method: string, params: Json): void {
        this.worker.postMessage({ jsonrpc: '2.0', method, params });
    }

    on(method: string, handler: (params: Json) => void): void {
        this.handlers.set(method, handler);
    }

    private receive(message: Json): void {
        if (message.id !== undefined && message.method) {
            // The server asks: its settings (section `aims`); registrations and progress need no answer but null.
            const result = message.method === 'workspace/configuration'
                ? message.params.items.map((item: Json) => item.section === 'aims' || item.section === undefined ? this.settings : null)
                : null;
            this.worker.postMessage({ jsonrpc: '2.0', id: message.id, result });
        } else if (message.id !== undefined) {
            const waiting = this.pending.get(message.id);
            this.pending.delete(message.id);
            if (message.error) waiting?.reject(new Error(message.error.message));
            else waiting?.resolve(message.result);
        } else if (message.method) {
            this.handlers.get(message.method)?.(message.params);
        }
    }
}
