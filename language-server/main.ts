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
import { applyInitializationOptions } from '../src/lsp/aims-initialization-options.js';

// Guarded before anything registers a handler: an exception answers null instead of an error.
const connection = guardRequestHandlers(createConnection(ProposedFeatures.all));
const { shared, Aims } = createAimsServices({ connection, ...NodeFileSystem });
registerCoverageRequests(connection, Aims);
registerReportRequest(connection, Aims);
// Rule codes link to their row of the language reference that ships next to the bundle
// (out/language-server/ -> docs/language.md), unless the client names another page.
applyInitializationOptions(shared, Aims, { rulesDocumentation: new URL('../../docs/language.md', import.meta.url).href });
startLanguageServer(shared);
