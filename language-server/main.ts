/**
 * The AIMS language server. `createConnection` reads the transport from the command line
 * (`--stdio`, `--node-ipc`, `--socket=N`), so the same bundle serves VS Code and any other
 * LSP client: `node out/language-server/main.cjs --stdio`.
 */
import { NodeFileSystem } from 'langium/node';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createAimsServices } from '../src/language/aims-module.js';
import { registerCoverageRequests } from '../src/lsp/aims-coverage-request.js';
import { registerReportRequest } from '../src/lsp/aims-report-request.js';
import { guardRequestHandlers } from '../src/lsp/request-guard.js';

// Guarded before anything registers a handler: an exception answers null instead of an error.
const connection = guardRequestHandlers(createConnection(ProposedFeatures.all));
const { shared, Aims } = createAimsServices({ connection, ...NodeFileSystem });
registerCoverageRequests(connection, Aims);
registerReportRequest(connection, Aims);
startLanguageServer(shared);
