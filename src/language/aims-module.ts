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
import { AimsScopeComputation } from '../references/aims-scope-computation.js';
import { AimsModel } from '../model/aims-model.js';
import { AimsSettings } from '../workspace/aims-settings.js';
import { AimsWorkspaceManager } from '../workspace/aims-workspace-manager.js';
import { AimsDocumentValidator } from '../validation/aims-document-validator.js';
import { AimsValidator, registerValidationChecks } from '../validation/aims-validator.js';
import { WorkspaceChecks } from '../validation/workspace-checks.js';

/** Services the AIMS language adds to Langium's. */
export interface AimsAddedServices {
    aims: {
        Model: AimsModel;
        Settings: AimsSettings;
        WorkspaceChecks: WorkspaceChecks;
    };
    validation: {
        AimsValidator: AimsValidator;
    };
}

export type AimsServices = LangiumServices & AimsAddedServices;

export const AimsModule: Module<AimsServices, PartialLangiumServices & AimsAddedServices> = {
    aims: {
        Model: services => new AimsModel(services.shared),
        Settings: services => new AimsSettings(services.shared),
        WorkspaceChecks: services => new WorkspaceChecks(services)
    },
    parser: {
        ValueConverter: () => new AimsValueConverter()
    },
    references: {
        ScopeComputation: services => new AimsScopeComputation(services)
    },
    validation: {
        AimsValidator: services => new AimsValidator(services),
        DocumentValidator: services => new AimsDocumentValidator(services)
    }
};

export const AimsSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: services => new AimsWorkspaceManager(services)
    }
};

/**
 * Create the shared and language-specific services. Without an LSP connection (CLI, tests)
 * the configuration is marked initialised at once, so the settings come from `Settings.set`.
 */
export function createAimsServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Aims: AimsServices } {
    const shared = inject(createDefaultSharedModule(context), AimsGeneratedSharedModule, AimsSharedModule);
    const Aims = inject(createDefaultModule({ shared }), AimsGeneratedModule, AimsModule);
    shared.ServiceRegistry.register(Aims);
    registerValidationChecks(Aims);
    Aims.aims.WorkspaceChecks.listen();
    if (!context.connection) {
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Aims };
}
