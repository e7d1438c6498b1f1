/**
 * Test harness: build a workspace from inline `.aims` snippets and look at its diagnostics.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAimsServices, type AimsServices } from '../../src/language/aims-module.js';
import { buildWorkspace } from '../../src/workspace/aims-workspace.js';
import type { AimsSettingsValues } from '../../src/workspace/aims-settings.js';

export interface TestWorkspace {
    services: AimsServices;
    documents: Record<string, LangiumDocument>;
    diagnostics: Record<string, Diagnostic[]>;
    /** Every diagnostic of every file, with the file name. */
    all: Array<Diagnostic & { file: string }>;
    codes(file?: string): string[];
}

export interface TestOptions {
    settings?: Partial<AimsSettingsValues>;
    /** Use the real file system (for evidence path checks); files are still given inline. */
    nodeFs?: boolean;
    /** Directory the inline files pretend to live in. */
    root?: string;
}

/** `files`: file name (relative) to text. Settings default to a fixed today: 2026-06-01. */
export async function workspace(files: Record<string, string>, options: TestOptions = {}): Promise<TestWorkspace> {
    const services = createAimsServices(options.nodeFs ? NodeFileSystem : EmptyFileSystem).Aims;
    const root = options.root ?? '/workspace';
    services.aims.Settings.set({ today: '2026-06-01', workspaceRoot: root, ...options.settings });
    const sources = Object.entries(files).map(([name, text]) => ({ uri: URI.file(`${root}/${name}`), text }));
    const built = await buildWorkspace(services, sources);
    const documents: Record<string, LangiumDocument> = {};
    const diagnostics: Record<string, Diagnostic[]> = {};
    const all: Array<Diagnostic & { file: string }> = [];
    for (const doc of built.documents) {
        const name = doc.uri.path.slice(root.length + 1);
        documents[name] = doc;
        diagnostics[name] = built.diagnosticsOf(doc);
        all.push(...diagnostics[name].map(d => ({ ...d, file: name })));
    }
    return {
        services, documents, diagnostics, all,
        codes: file => (file ? diagnostics[file] : all).map(d => String(d.code))
    };
}

/** A single-file workspace: `snippet` is wrapped in nothing, so it may be any declarations. */
export async function single(text: string, options: TestOptions = {}): Promise<TestWorkspace> {
    return workspace({ 'main.aims': text }, options);
}
