/**
 * Dependency injection for the AIMS language: which service implements each concern.
 * The same module serves the language server, the CLI and the tests.
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices,
    type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { AimsGeneratedModule, AimsGeneratedSharedModule } from './generated/module.js';
import { AimsValueConverter } from '../parser/aims-value-converter.js';
import { createAimsCompletionParser, createAimsParser } from '../parser/aims-parser.js';
import { AimsScopeComputation } from '../references/aims-scope-computation.js';
import { AimsNameProvider } from '../references/aims-name-provider.js';
import { AimsScopeProvider } from '../references/aims-scope-provider.js';
import { AimsModel } from '../model/aims-model.js';
import { EuAiActModel } from '../model/eu-ai-act.js';
import { AimsSettings } from '../workspace/aims-settings.js';
import { AimsWorkspaceManager } from '../workspace/aims-workspace-manager.js';
import { AimsDocumentValidator } from '../validation/aims-document-validator.js';
import { ValidationDomains, registerValidationChecks } from '../validation/register.js';
import { EvidencePaths } from '../workspace/evidence-paths.js';
import { WorkspaceChecks } from '../validation/workspace-checks.js';
import { Suppressions } from '../validation/suppressions.js';
import { AimsCodeActionProvider } from '../lsp/aims-code-action-provider.js';
import { AimsCodeLensProvider } from '../lsp/aims-code-lens-provider.js';
import { AimsDocumentLinkProvider } from '../lsp/aims-document-link-provider.js';
import { AimsFoldingRangeProvider } from '../lsp/aims-folding-range-provider.js';
import { AimsFormatter } from '../lsp/aims-formatter.js';
import { AimsInlayHintProvider } from '../lsp/aims-inlay-hint-provider.js';
import { AimsRenameProvider } from '../lsp/aims-rename-provider.js';
import { AimsSemanticTokenProvider } from '../lsp/aims-semantic-token-provider.js';
import { DefaultTextDocumentContentProvider } from 'langium/lsp';
import { CATALOG_SCHEME } from '../catalog/catalog-document.js';
import { AimsCompletionProvider } from '../lsp/aims-completion-provider.js';
import { AimsConfigurationProvider } from '../lsp/aims-configuration-provider.js';
import { AimsDocumentSymbolProvider } from '../lsp/aims-document-symbol-provider.js';
import { AimsDocumentUpdateHandler } from '../lsp/aims-document-update-handler.js';
import { AimsDocumentBuilder } from '../lsp/aims-document-builder.js';
import { AimsHoverProvider } from '../lsp/aims-hover-provider.js';
import { AimsNodeKindProvider } from '../lsp/aims-node-kind-provider.js';

/** Services the AIMS language adds to Langium's. */
export interface AimsAddedServices {
    aims: {
        Model: AimsModel;
        EuAiAct: EuAiActModel;
        Settings: AimsSettings;
        WorkspaceChecks: WorkspaceChecks;
        EvidencePaths: EvidencePaths;
        /** `// aims-ignore` comments: accepted findings and their reasons. */
        Suppressions: Suppressions;
    };
    validation: {
        /** The checks of every validation domain (src/validation/domains/), joined. */
        Domains: ValidationDomains;
    };
}

export type AimsServices = LangiumServices & AimsAddedServices;

export const AimsModule: Module<AimsServices, PartialLangiumServices & AimsAddedServices> = {
    aims: {
        Model: services => new AimsModel(services.shared),
        EuAiAct: services => new EuAiActModel(services.shared, services.aims.Model),
        Settings: services => new AimsSettings(services.shared),
        WorkspaceChecks: services => new WorkspaceChecks(services),
        EvidencePaths: services => new EvidencePaths(services),
        Suppressions: services => new Suppressions(services.parser.Lexer)
    },
    parser: {
        ValueConverter: () => new AimsValueConverter(),
        LangiumParser: services => createAimsParser(services),
        CompletionParser: services => createAimsCompletionParser(services)
    },
    references: {
        NameProvider: () => new AimsNameProvider(),
        ScopeComputation: services => new AimsScopeComputation(services),
        ScopeProvider: services => new AimsScopeProvider(services)
    },
    validation: {
        Domains: services => new ValidationDomains(services),
        DocumentValidator: services => new AimsDocumentValidator(services)
    },
    lsp: {
        CodeActionProvider: services => new AimsCodeActionProvider(services),
        CodeLensProvider: services => new AimsCodeLensProvider(services),
        DocumentLinkProvider: services => new AimsDocumentLinkProvider(services),
        FoldingRangeProvider: services => new AimsFoldingRangeProvider(services),
        Formatter: services => new AimsFormatter(services),
        InlayHintProvider: services => new AimsInlayHintProvider(services),
        RenameProvider: services => new AimsRenameProvider(services),
        SemanticTokenProvider: services => new AimsSemanticTokenProvider(services),
        CompletionProvider: services => new AimsCompletionProvider(services),
        HoverProvider: services => new AimsHoverProvider(services),
        DocumentSymbolProvider: services => new AimsDocumentSymbolProvider(services)
    }
};

export const AimsSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: services => new AimsWorkspaceManager(services),
        DocumentBuilder: services => new AimsDocumentBuilder(services),
        ConfigurationProvider: services => new AimsConfigurationProvider(services)
    },
    lsp: {
        NodeKindProvider: () => new AimsNodeKindProvider(),
        DocumentUpdateHandler: services => new AimsDocumentUpdateHandler(services),
        // Catalog documents exist only in the server: clients fetch their text for go to definition.
        TextDocumentContentProvider: services => new DefaultTextDocumentContentProvider(services, CATALOG_SCHEME)
    }
};

/**
 * Create the shared and language-specific services. Without an LSP connection (CLI, tests)
 * the configuration is marked initialised at once, so the settings come from `Settings.set`.
 */
export function createAimsServices(
    context: DefaultSharedModuleContext,
    /** Extra shared services, e.g. a profiler for the benchmarks. */
    sharedOverrides: Module<LangiumSharedServices, PartialLangiumSharedServices> = {}
): { shared: LangiumSharedServices; Aims: AimsServices } {
    const shared = inject(createDefaultSharedModule(context), AimsGeneratedSharedModule, AimsSharedModule, sharedOverrides);
    const Aims = inject(createDefaultModule({ shared }), AimsGeneratedModule, AimsModule);
    shared.ServiceRegistry.register(Aims);
    registerValidationChecks(Aims);
    Aims.aims.WorkspaceChecks.listen();
    if (!context.connection) {
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Aims };
}
