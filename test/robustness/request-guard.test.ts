/** Every handler registered on the connection answers null instead of an error when it throws. */
import { describe, expect, it } from 'vitest';
import { OperationCancelled } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { guardRequestHandlers } from '../../src/lsp/request-guard.js';

type Handler = (...args: unknown[]) => unknown;

function fakeConnection() {
    const handlers = new Map<string, Handler>();
    const logged: string[] = [];
    const connection = {
        console: { error: (line: string) => logged.push(line) },
        onHover(handler: Handler) { handlers.set('hover', handler); },
        onRequest(method: string, handler: Handler) { handlers.set(method, handler); },
        onInitialize(handler: Handler) { handlers.set('initialize', handler); },
        languages: { semanticTokens: { on(handler: Handler) { handlers.set('semanticTokens', handler); } } }
    };
    return { connection: guardRequestHandlers(connection as unknown as Connection) as unknown as typeof connection, handlers, logged };
}

describe('request guard', () => {
    it('answers null and logs one line when a handler throws or rejects', async () => {
        const { connection, handlers, logged } = fakeConnection();
        connection.onHover(() => { throw new TypeError('boom'); });
        connection.onRequest('aims/report', async () => { throw new URIError('URI malformed'); });
        connection.languages.semanticTokens.on(() => { throw new RangeError('deep'); });
        expect(handlers.get('hover')!({})).toBeNull();
        await expect(handlers.get('aims/report')!({})).resolves.toBeNull();
        expect(handlers.get('semanticTokens')!({})).toBeNull();
        expect(logged).toEqual([
            'AIMS: connection.onHover failed and was answered with an empty result: TypeError: boom',
            'AIMS: connection.onRequest aims/report failed and was answered with an empty result: URIError: URI malformed',
            'AIMS: connection.languages.semanticTokens.on failed and was answered with an empty result: RangeError: deep'
        ]);
    });

    it('passes results and cancellation through unchanged', async () => {
        const { connection, handlers } = fakeConnection();
        connection.onHover(() => ({ contents: 'x' }));
        connection.onRequest('aims/slow', async () => { throw OperationCancelled; });
        expect(handlers.get('hover')!({})).toEqual({ contents: 'x' });
        await expect(handlers.get('aims/slow')!({})).rejects.toBe(OperationCancelled);
    });

    it('leaves the life cycle alone: a failed initialize is the client\'s to see', () => {
        const { connection, handlers } = fakeConnection();
        const initialize = () => { throw new Error('no'); };
        connection.onInitialize(initialize);
        expect(handlers.get('initialize')).toBe(initialize);
    });
});
