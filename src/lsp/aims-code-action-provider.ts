/**
 * Quick fixes for AIMS diagnostics. Each fix belongs to one diagnostic (matched by its code
 * `aims/<rule>` and its `data`), only inserts or replaces the text it is about, and leaves a
 * file that still parses. Generated declarations are written the way the formatter writes them.
 *
 * Whatever a fix computes, a fix whose result would not parse (more syntax errors than before,
 * e.g. a declaration appended inside a block left open) is never offered: each result is parsed
 * once before it is shown.
 *
 * The fixes live by domain in `quick-fixes/<domain>.ts`, each a record from rule code to fix
 * creators; a new fix is an entry there, and a new domain one import and one entry of DOMAIN_FIXES.
 */
import { TextDocument, type IndexManager, type LangiumDocument, type LangiumParser, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { AimsServices } from '../language/aims-module.js';
import { isCatalogUri } from '../catalog/catalog-document.js';
import { Fix, type FixContext, type FixCreator, type QuickFixes } from './quick-fixes/fix.js';
import { coreFixes } from './quick-fixes/core.js';
import { soaFixes } from './quick-fixes/soa.js';
import { riskFixes } from './quick-fixes/risk.js';
import { euAiActFixes } from './quick-fixes/eu-ai-act.js';
import { datesFixes } from './quick-fixes/dates.js';
import { auditFixes } from './quick-fixes/audit.js';
import { improvementFixes } from './quick-fixes/improvement.js';
import { managementReviewFixes } from './quick-fixes/management-review.js';
import { documentedInformationFixes } from './quick-fixes/documented-information.js';

const DOMAIN_FIXES: readonly QuickFixes[] = [
    coreFixes, datesFixes, soaFixes, riskFixes, euAiActFixes, auditFixes, improvementFixes, managementReviewFixes, documentedInformationFixes
];

/** Rule code to every fix any domain offers for it. */
const FIXES: ReadonlyMap<string, readonly FixCreator[]> = (() => {
    const joined = new Map<string, FixCreator[]>();
    for (const fixes of DOMAIN_FIXES) {
        for (const [code, creators] of Object.entries(fixes)) {
            joined.set(code, [...joined.get(code) ?? [], ...creators]);
        }
    }
    return joined;
})();

export class AimsCodeActionProvider implements CodeActionProvider {
    private readonly context: FixContext;
    private readonly parser: LangiumParser;

    constructor(services: AimsServices) {
        this.parser = services.parser.LangiumParser;
        const indexManager: IndexManager = services.shared.workspace.IndexManager;
        this.context = {
            model: services.aims.Model,
            settings: services.aims.Settings,
            uniqueName(base: string): string {
                const taken = new Set(indexManager.allElements().map(d => d.name));
                let name = base;
                for (let n = 2; taken.has(name); n++) {
                    name = `${base}-${n}`;
                }
                return name;
            }
        };
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const only = params.context.only;
        if (isCatalogUri(document.uri) || (only && !only.some(kind => CodeActionKind.QuickFix.startsWith(kind)))) {
            return [];
        }
        const actions = params.context.diagnostics.flatMap(diagnostic => this.fixesFor(document, diagnostic));
        return actions.length > 0 ? actions.filter(action => this.keepsSyntax(document, action)) : actions;
    }

    /** Whether the fixed text has no more syntax errors than the text has now. */
    private keepsSyntax(document: LangiumDocument, action: CodeAction): boolean {
        const edits = action.edit?.changes?.[document.uri.toString()];
        if (!edits || edits.length === 0) {
            return true;
        }
        const before = document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length;
        const fixed = this.parser.parse(TextDocument.applyEdits(document.textDocument, edits));
        return fixed.parserErrors.length + fixed.lexerErrors.length <= before;
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const fix = new Fix(document, diagnostic);
        const code = typeof diagnostic.code === 'string' ? diagnostic.code : fix.data.code;
        return (code ? FIXES.get(code) ?? [] : []).flatMap(create => create(fix, this.context));
    }
}
