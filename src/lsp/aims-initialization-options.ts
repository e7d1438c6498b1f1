/**
 * What a client tells the server at `initialize` that no workspace setting may change: whether
 * the workspace is trusted (VS Code's workspace trust), and which page rule codes link to.
 * An untrusted workspace gets the git and file-system checks switched off; the client restarts
 * the server once the user trusts it.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { AimsServices } from '../language/aims-module.js';

export interface AimsInitializationOptions {
    /** `false` in an untrusted workspace; absent counts as trusted (other LSP clients, the CLI). */
    readonly trusted?: boolean;
    /** The page rule codes link to (`codeDescription`), without a fragment. */
    readonly rulesDocumentation?: string;
}

export const UNTRUSTED_REASON = 'the workspace is not trusted, so git and file-system checks are off';

/** What the server itself knows before a client speaks: its documentation page, checks it can never run. */
export interface ServerDefaults {
    readonly rulesDocumentation?: string;
    /** Why git and file-system checks are always off here (the browser), if they are. */
    readonly restricted?: string;
}

export function applyInitializationOptions(shared: LangiumSharedServices, aims: AimsServices, defaults: ServerDefaults = {}): void {
    const settings = aims.aims.Settings;
    settings.set({ ...defaults });
    shared.lsp.LanguageServer.onInitialize(params => {
        const options = (params.initializationOptions ?? {}) as AimsInitializationOptions;
        settings.set({
            restricted: defaults.restricted ?? (options.trusted === false ? UNTRUSTED_REASON : undefined),
            rulesDocumentation: typeof options.rulesDocumentation === 'string' ? options.rulesDocumentation : defaults.rulesDocumentation
        });
    });
}
