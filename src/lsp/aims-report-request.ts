/**
 * The custom request `aims/report`: the HTML (or Markdown) report of the whole workspace, as the
 * CLI's `aims report` would write it, for the VS Code report panel. The client passes a nonce;
 * the page then declares a Content-Security-Policy that allows only its nonce'd style sheet.
 */
import { DocumentState, URI } from 'langium';
import { CancellationToken, type Connection } from 'vscode-languageserver';
import type { AimsServices } from '../language/aims-module.js';
import { reportOfWorkspace, isReportFormat } from '../report/aims-report.js';

/** Method name; client/report-panel.ts sends the same string. */
export const REPORT_REQUEST = 'aims/report';

export interface ReportRequestParams {
    /** 'html' (default) or 'md'. */
    readonly format?: string;
    /** Nonce for the page's style element and Content-Security-Policy. */
    readonly nonce?: string;
}

/** Called once by the language server after the services exist. */
export function registerReportRequest(connection: Connection, services: AimsServices): void {
    // Without parameters the token comes first; find each by its shape.
    connection.onRequest(REPORT_REQUEST, async (...args: unknown[]) => {
        const token = args.find(CancellationToken.is) ?? CancellationToken.None;
        const params = args.find(a => typeof a === 'object' && a !== null && !CancellationToken.is(a)) as ReportRequestParams | undefined;
        return workspaceReport(services, params ?? {}, token);
    });
}

/**
 * The report of the server's current workspace once it is validated: the builder starts in
 * state Changed, so this also waits for the start-up build of every file.
 */
export async function workspaceReport(services: AimsServices, params: ReportRequestParams, token: CancellationToken = CancellationToken.None): Promise<string> {
    await services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
    const format = params.format && isReportFormat(params.format) ? params.format : 'html';
    // A nonce ends up in an attribute and in the policy: accept only base64-like text.
    const nonce = params.nonce;
    if (nonce !== undefined && !/^[A-Za-z0-9+/=_-]{8,128}$/.test(nonce)) {
        throw new Error(`${REPORT_REQUEST}: the nonce must be 8 to 128 base64 characters.`);
    }
    const model = services.aims.Model;
    // In an untrusted workspace git is not run: a repository's config can name programs git starts.
    const restricted = services.aims.Settings.values.restricted;
    return reportOfWorkspace(services, model.userDocuments(), { format, nonce, root: workspaceRoot(services), ...(restricted ? { commit: false, commitSkipped: restricted } : {}) });
}

/** The folder paths are shown relative to and git is asked in: the setting, else the first workspace folder. */
function workspaceRoot(services: AimsServices): string | undefined {
    const configured = services.aims.Settings.values.workspaceRoot;
    if (configured) {
        return configured;
    }
    const folder = services.shared.workspace.WorkspaceManager.workspaceFolders?.[0];
    if (!folder) {
        return undefined;
    }
    const uri = URI.parse(folder.uri);
    return uri.scheme === 'file' ? uri.fsPath : undefined;
}
