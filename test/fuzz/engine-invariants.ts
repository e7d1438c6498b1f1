/**
 * What must hold for any text the engine is given, checked by the property tests (in `npm test`)
 * and by `npm run fuzz`:
 * - no exception escapes the build, and every document gets its diagnostics;
 * - every diagnostic has an `aims/` code and none is an internal error;
 * - the formatter keeps every non-whitespace character in order and is idempotent, also on files
 *   with syntax errors;
 * - every quick fix offered leaves no new syntax error.
 * One `FuzzEngine` keeps its services (and the loaded catalogs) across documents, as the server does.
 */
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { createAimsServices, type AimsServices } from '../../src/language/aims-module.js';
import { buildWorkspace } from '../../src/workspace/aims-workspace.js';

export interface Violation {
    readonly invariant: 'exception' | 'no-diagnostics' | 'uncoded-diagnostic' | 'internal-error' | 'formatter-changed-text' | 'formatter-not-idempotent' | 'quick-fix-syntax-error';
    readonly detail: string;
}

export interface CheckOptions {
    /** Also format the text (twice) and check the formatter's invariants. */
    readonly format?: boolean;
    /** Also apply every quick fix offered and re-parse the result. */
    readonly quickFixes?: boolean;
    /** Also ask the editor's read-only features (symbols, code lenses, inlay hints, folding, semantic tokens, links): none may throw. */
    readonly features?: boolean;
}

const URI_OF = URI.file('/fuzz/main.aims');

export class FuzzEngine {
    readonly services: AimsServices;

    constructor() {
        this.services = createAimsServices(EmptyFileSystem).Aims;
        this.services.aims.Settings.set({ today: '2026-06-01', workspaceRoot: '/fuzz' });
    }

    /** The violations of `text`; empty when every invariant holds. */
    async check(text: string, options: CheckOptions = {}): Promise<Violation[]> {
        let document: LangiumDocument;
        let diagnostics: Diagnostic[];
        try {
            const built = await buildWorkspace(this.services, [{ uri: URI_OF, text }]);
            document = built.documents[0];
            diagnostics = built.diagnosticsOf(document);
        } catch (error) {
            return [{ invariant: 'exception', detail: `build: ${describe(error)}` }];
        }
        const violations: Violation[] = [];
        if (!Array.isArray(document.diagnostics)) {
            violations.push({ invariant: 'no-diagnostics', detail: 'the document was not validated' });
        }
        for (const d of diagnostics) {
            if (typeof d.code !== 'string' || !d.code.startsWith('aims/')) {
                violations.push({ invariant: 'uncoded-diagnostic', detail: String(d.message) });
            } else if (d.code === 'aims/internal-error') {
                violations.push({ invariant: 'internal-error', detail: String(d.message) });
            }
        }
        try {
            if (options.format) {
                violations.push(...await this.checkFormatter(document));
            }
            if (options.quickFixes) {
                violations.push(...await this.checkQuickFixes(document, diagnostics));
            }
            if (options.features) {
                violations.push(...await this.checkFeatures(document));
            }
        } catch (error) {
            violations.push({ invariant: 'exception', detail: `request: ${describe(error)}` });
        }
        return violations;
    }

    private async checkFormatter(document: LangiumDocument): Promise<Violation[]> {
        const text = document.textDocument.getText();
        const once = await this.format(document);
        if (nonWhitespace(once) !== nonWhitespace(text)) {
            return [{ invariant: 'formatter-changed-text', detail: firstDifference(nonWhitespace(text), nonWhitespace(once)) }];
        }
        const reparsed = (await buildWorkspace(this.services, [{ uri: URI_OF, text: once }])).documents[0];
        const twice = await this.format(reparsed);
        return twice === once ? [] : [{ invariant: 'formatter-not-idempotent', detail: firstDifference(once, twice) }];
    }

    private async format(document: LangiumDocument): Promise<string> {
        const edits = await this.services.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
        });
        return TextDocument.applyEdits(document.textDocument, edits);
    }

    /** The requests an editor sends for a whole document, unguarded here: a half-parsed declaration must not throw in any. */
    private async checkFeatures(document: LangiumDocument): Promise<Violation[]> {
        const lsp = this.services.lsp;
        const textDocument = { uri: document.uri.toString() };
        const range = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
        const features: Array<[string, () => unknown]> = [
            ['document symbols', () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument })],
            ['code lenses', () => lsp.CodeLensProvider?.provideCodeLens(document, { textDocument })],
            ['inlay hints', () => lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range })],
            ['folding ranges', () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument })],
            ['semantic tokens', () => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument })],
            ['document links', () => lsp.DocumentLinkProvider?.getDocumentLinks(document, { textDocument })]
        ];
        const violations: Violation[] = [];
        for (const [name, ask] of features) {
            try {
                await ask();
            } catch (error) {
                violations.push({ invariant: 'exception', detail: `${name}: ${describe(error)}` });
            }
        }
        return violations;
    }

    private async checkQuickFixes(document: LangiumDocument, diagnostics: Diagnostic[]): Promise<Violation[]> {
        const syntaxErrorsBefore = diagnostics.filter(d => d.code === 'aims/syntax-error').length;
        const violations: Violation[] = [];
        for (const diagnostic of diagnostics.slice(0, 20)) {
            const actions = (await this.services.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
            }) ?? []) as CodeAction[];
            for (const action of actions) {
                const edits: TextEdit[] = action.edit?.changes?.[document.uri.toString()] ?? [];
                if (edits.length === 0) {
                    continue;
                }
                const fixed = TextDocument.applyEdits(document.textDocument, edits);
                const result = this.services.parser.LangiumParser.parse(fixed);
                const after = result.parserErrors.length + result.lexerErrors.length;
                if (after > 0 && after > syntaxErrorsBefore) {
                    violations.push({ invariant: 'quick-fix-syntax-error', detail: `'${action.title}' for ${String(diagnostic.code)}: ${syntaxErrorsBefore} syntax errors before, ${after} after` });
                }
            }
        }
        return violations;
    }
}

function nonWhitespace(text: string): string {
    return text.replace(/\s+/g, '');
}

function firstDifference(a: string, b: string): string {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return `at ${i}: ${JSON.stringify(a.slice(i, i + 30))} became ${JSON.stringify(b.slice(i, i + 30))}`;
}

function describe(error: unknown): string {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
