/**
 * Build a whole AIMS workspace outside the editor: the built-in catalogs plus the given
 * documents, linked and validated with every rule category. The CLI, the reports and the
 * tests use this, so they see exactly what the language server sees.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AimsServices } from '../language/aims-module.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import { createCatalogDocuments } from './aims-workspace-manager.js';
import type { SuppressedDiagnostic } from '../validation/suppressions.js';

export interface SourceText {
    readonly uri: URI;
    readonly text: string;
}

export interface BuiltWorkspace {
    /** The user's documents (not the catalogs), in URI order. */
    readonly documents: LangiumDocument[];
    diagnosticsOf(document: LangiumDocument): Diagnostic[];
    /** The findings that `// aims-ignore` comments accepted, with their reasons. */
    suppressedOf(document: LangiumDocument): readonly SuppressedDiagnostic[];
}

/**
 * Load the catalogs once per service container, then (re)load `sources` and build everything.
 * Documents from an earlier call that are not in `sources` are removed.
 */
export async function buildWorkspace(services: AimsServices, sources: readonly SourceText[]): Promise<BuiltWorkspace> {
    const shared = services.shared;
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const builder = shared.workspace.DocumentBuilder;

    if (!documents.all.some(doc => isCatalogUri(doc.uri))) {
        for (const doc of createCatalogDocuments(factory)) {
            documents.addDocument(doc);
        }
    }
    const wanted = new Set(sources.map(s => s.uri.toString()));
    const stale = documents.all.filter(doc => !isCatalogUri(doc.uri) && !wanted.has(doc.uri.toString())).map(doc => doc.uri).toArray();
    for (const uri of stale) {
        documents.deleteDocument(uri);
    }
    const userDocs = sources.map(source => {
        if (documents.hasDocument(source.uri)) {
            documents.deleteDocument(source.uri);
        }
        const doc = factory.fromString(source.text, source.uri);
        documents.addDocument(doc);
        return doc;
    });
    const pending = documents.all.filter(doc => doc.state < DocumentState.Validated).toArray();
    await builder.build(pending, { validation: true });
    userDocs.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    return {
        documents: userDocs,
        diagnosticsOf: doc => doc.diagnostics ?? [],
        suppressedOf: doc => services.aims.Suppressions.suppressedOf(doc)
    };
}
