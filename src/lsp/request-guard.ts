/**
 * Every LSP handler the server registers, guarded the same way: an exception in a handler (ours
 * or Langium's) is logged as one line in the client's output and answered with an empty result
 * (`null`), so a bug costs one answer, never an error popup per keystroke or a dead server.
 * Cancellation still answers as cancellation.
 *
 * The guard sits on the connection itself: whatever registers a handler (`onHover`,
 * `languages.semanticTokens.on`, `onRequest` for our custom requests) gets it, so no handler can
 * be added unguarded.
 */
import { isOperationCancelled } from 'langium';
import { ResponseError, type Connection } from 'vscode-languageserver';

type Handler = (...args: unknown[]) => unknown;

/** Registration methods whose handlers must not be wrapped: the server's life cycle. */
const LIFE_CYCLE = new Set(['onInitialize', 'onShutdown', 'onExit']);

export function guardRequestHandlers(connection: Connection): Connection {
    const log = (what: string, error: unknown) => {
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        try {
            connection.console.error(`AIMS: ${what} failed and was answered with an empty result: ${detail}`);
        } catch {
            // The connection itself is gone: nothing left to tell.
        }
    };
    guardRegistrations(connection, 'connection', log, 0);
    return connection;
}

function guardRegistrations(target: object, path: string, log: (what: string, error: unknown) => void, depth: number): void {
    for (const [key, descriptor] of allProperties(target)) {
        if (descriptor.get) {
            // `connection.languages`, `connection.workspace`: feature objects behind getters. Some
            // getters throw when the client lacks the feature; those have nothing to guard.
            let value: unknown;
            try {
                value = (target as Record<string, unknown>)[key];
            } catch {
                continue;
            }
            if (value && typeof value === 'object' && depth < 2) {
                guardRegistrations(value, `${path}.${key}`, log, depth + 1);
            }
            continue;
        }
        const value = descriptor.value as unknown;
        if (typeof value === 'function' && /^on([A-Z]|$)/.test(key) && !LIFE_CYCLE.has(key)) {
            const register = value as Handler;
            (target as Record<string, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
                const last = args.length - 1;
                if (typeof args[last] === 'function') {
                    args[last] = guardHandler(args[last] as Handler, `${path}.${key}${methodOf(args[0])}`, log);
                }
                return register.apply(this, args);
            };
        } else if (value && typeof value === 'object' && depth < 2 && !key.startsWith('_')) {
            guardRegistrations(value, `${path}.${key}`, log, depth + 1);
        }
    }
}

/** ` aims/report` for `onRequest('aims/report', ...)` or `onRequest(ReportRequest.type, ...)`. */
function methodOf(first: unknown): string {
    if (typeof first === 'string') return ` ${first}`;
    const method = (first as { method?: unknown } | undefined)?.method;
    return typeof method === 'string' ? ` ${method}` : '';
}

function guardHandler(handler: Handler, what: string, log: (what: string, error: unknown) => void): Handler {
    return function (this: unknown, ...args: unknown[]) {
        const failed = (error: unknown) => {
            if (isOperationCancelled(error) || error instanceof ResponseError) {
                throw error;
            }
            log(what, error);
            return null;
        };
        try {
            const result = handler.apply(this, args);
            return result instanceof Promise ? result.catch(failed) : result;
        } catch (error) {
            return failed(error);
        }
    };
}

/** Own and inherited properties, nearest first, without Object's. */
function allProperties(target: object): Array<[string, PropertyDescriptor]> {
    const found = new Map<string, PropertyDescriptor>();
    for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
        for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(o))) {
            if (key !== 'constructor' && !found.has(key)) found.set(key, descriptor);
        }
    }
    return [...found];
}
