/**
 * Client settings for the language server. Langium's provider takes the values a client pushes
 * in `workspace/didChangeConfiguration`; clients of the pull model send `settings: null`
 * instead, and then the `aims` section is fetched with `workspace/configuration`, so both kinds
 * of client end in the same section update (which re-validates, see AimsDocumentUpdateHandler).
 */
import { DefaultConfigurationProvider } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, DidChangeConfigurationParams } from 'vscode-languageserver';
import { AIMS_SETTINGS_SECTION } from './aims-document-update-handler.js';

export class AimsConfigurationProvider extends DefaultConfigurationProvider {
    private readonly connection: Connection | undefined;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.connection = services.lsp.Connection;
    }

    override updateConfiguration(change: DidChangeConfigurationParams): void {
        if ((typeof change.settings !== 'object' || change.settings === null) && this.connection && this.workspaceConfig) {
            this.connection.workspace.getConfiguration({ section: AIMS_SETTINGS_SECTION })
                .then(values => super.updateConfiguration({ settings: { [AIMS_SETTINGS_SECTION]: values ?? {} } }))
                .catch(err => console.error('AIMS: could not fetch the aims settings.', err));
            return;
        }
        super.updateConfiguration(change);
    }
}
