/**
 * The same AIMS language server as a web worker, for the browser (the playground page, a
 * `browser` entry of the extension): Langium's LSP services over `postMessage`. The catalogs are
 * bundled; there is no file system and no git, so evidence paths report that they were not
 * checked (`aims/evidence-path-unchecked`) and reports name no commit.
 */
import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createAimsServices } from '../src/language/aims-module.js';
import { registerCoverageRequests } from '../src/lsp/aims-coverage-request.js';
import { registerReportRequest } from '../src/lsp/aims-report-request.js';
import { applyInitializationOptions } from '../src/lsp/aims-initialization-options.js';

/** The worker's global scope; the project's TypeScript has no WebWorker library. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

export const BROWSER_RESTRICTION = 'the language server runs in the browser, without a file system or git';

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { shared, Aims } = createAimsServices({ connection, ...EmptyFileSystem });
registerCoverageRequests(connection, Aims);
registerReportRequest(connection, Aims);
applyInitializationOptions(shared, Aims, { restricted: BROWSER_RESTRICTION });
startLanguageServer(shared);
