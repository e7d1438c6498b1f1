/**
 * The bundled language server (`out/language-server/main.cjs --stdio`) as a test client sees it:
 * spawned on a folder, answering `workspace/configuration` with the given `aims` settings,
 * initialised, and shut down cleanly afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import {
    ConfigurationRequest, createProtocolConnection, ExitNotification, InitializedNotification, InitializeRequest,
    RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
    type ClientCapabilities, type InitializeResult, type ProtocolConnection
} from 'vscode-languageserver/node';

export const SERVER_BUNDLE = join(fileURLToPath(new URL('../..', import.meta.url)), 'out/language-server/main.cjs');

export interface StdioServer {
    readonly connection: ProtocolConnection;
    readonly capabilities: InitializeResult['capabilities'];
    /** shutdown, exit, dispose the connection and end the process. */
    stop(): Promise<void>;
}

export interface StdioServerOptions {
    readonly folder: string;
    readonly capabilities: ClientCapabilities;
    /** The client's `aims` configuration section. */
    readonly settings?: Record<string, unknown>;
    /** `initializationOptions` of the initialize request (trust, the rules page). */
    readonly initializationOptions?: Record<string, unknown>;
    /** Register notification and request handlers before the connection starts listening. */
    readonly setUp?: (connection: ProtocolConnection) => void;
}

export async function startStdioServer(options: StdioServerOptions): Promise<StdioServer> {
    const server: ChildProcess = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const settings = options.settings ?? { today: '2026-06-01' };
    connection.onRequest(ConfigurationRequest.type, p => p.items.map(item => item.section === 'aims' ? settings : null));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    options.setUp?.(connection);
    connection.listen();
    const folderUri = URI.file(options.folder).toString();
    const result = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'workspace' }],
        capabilities: options.capabilities,
        initializationOptions: options.initializationOptions
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return {
        connection,
        capabilities: result.capabilities,
        async stop() {
            await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
            await connection.sendNotification(ExitNotification.type).catch(() => undefined);
            connection.dispose();
            server.kill();
        }
    };
}
