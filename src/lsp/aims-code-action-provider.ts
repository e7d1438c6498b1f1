/**
 * Quick fixes for AIMS diagnostics. Each fix belongs to one diagnostic (matched by its code
 * `aims/<rule>` and its `data`), only inserts or replaces the text it is about, and leaves a
 * file that still parses. Generated declarations are written the way the formatter writes them.
 */
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type IndexManager, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Position, TextEdit } from 'vscode-languageserver';
import {
    isAiSystem, isControlApplication, isOrganisation, isRisk, isStatementOfApplicability,
    type ControlApplication, type Risk, type StatementOfApplicability
} from '../language/generated/ast.js';
import type { AimsServices } from '../language/aims-module.js';
import { aimsString, isCatalogUri } from '../catalog/catalog-document.js';
import { catalog } from '../catalog/catalog.js';
import { controlIdOf, type AimsModel } from '../model/aims-model.js';
import type { AimsSettings } from '../workspace/aims-settings.js';
import type { AimsDiagnosticData } from '../validation/aims-document-validator.js';
import { RULES } from '../validation/rules.js';

const INDENT = '    ';

export class AimsCodeActionProvider implements CodeActionProvider {
    private readonly model: AimsModel;
    private readonly settings: AimsSettings;
    private readonly indexManager: IndexManager;

    constructor(services: AimsServices) {
        this.model = services.aims.Model;
        this.settings = services.aims.Settings;
        this.indexManager = services.shared.workspace.IndexManager;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const only = params.context.only;
        if (isCatalogUri(document.uri) || (only && !only.some(kind => CodeActionKind.QuickFix.startsWith(kind)))) {
            return [];
        }
        return params.context.diagnostics.flatMap(diagnostic => this.fixesFor(document, diagnostic));
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = (diagnostic.data ?? {}) as Partial<AimsDiagnosticData>;
        const code = typeof diagnostic.code === 'string' ? diagnostic.code : data.code;
        const fix = new Fix(document, diagnostic);
        switch (code) {
            case RULES.implementedWithoutEvidence.code:
                return this.addEvidence(fix);
            case RULES.soaIncomplete.code:
                return this.completeSoa(fix, data);
            case RULES.unknownCatalogId.code:
            case RULES.unresolvedReference.code:
                return this.replaceWithSuggestion(fix, data);
            case RULES.exclusionWithoutJustification.code:
                return this.justifyExclusion(fix);
            case RULES.highRiskWithoutImpactAssessment.code:
                return this.scaffoldImpactAssessment(fix);
            case RULES.acceptWithoutAcceptor.code:
                return this.recordAcceptance(fix);
            default:
                return [];
        }
    }

    /** `aims/implemented-without-evidence`: link new evidence and declare it at the end of the file. */
    private addEvidence(fix: Fix): CodeAction[] {
        const entry = fix.nodeAt(isControlApplication);
        if (!entry || entry.decision !== 'applicable') {
            return [];
        }
        const id = controlIdOf(entry);
        const name = this.uniqueName(`ev-${slug(id)}`);
        const title = entry.control.ref?.title;
        const field = fix.addField(entry, `evidence ${name}`);
        if (!field) {
            return [];
        }
        const declaration = [
            `evidence ${name} ${aimsString(`Evidence for ${id}${title ? ' ' + title : ''}`)} {`,
            `${INDENT}path "evidence/TODO"`,
            `${INDENT}kind document`,
            `${INDENT}collected ${this.settings.today()}`,
            '}'
        ];
        return [fix.action(`Link new evidence '${name}' and declare it at the end of the file`, [field, fix.appendDeclaration(declaration)], true)];
    }

    /** `aims/soa-incomplete`: an `undecided` entry for each missing Annex A control. */
    private completeSoa(fix: Fix, data: Partial<AimsDiagnosticData>): CodeAction[] {
        const declared = this.model.soaByControl();
        const written = Array.isArray(data.missing) ? data.missing.filter((id): id is string => typeof id === 'string') : this.model.soaCoverage().missing;
        const missing = written.filter(id => !declared.has(id));
        if (missing.length === 0) {
            return [];
        }
        const entries = missing.map(id => `control ${id} undecided // ${catalog.get('annex-a-control', id)?.title ?? ''}`.trimEnd());
        const title = `Add the ${missing.length} missing Annex A control${missing.length === 1 ? '' : 's'} as undecided`;
        const soa = fix.nodeAt(isStatementOfApplicability);
        if (soa) {
            const edit = fix.addLines(soa, entries);
            return edit ? [fix.action(title, [edit], true)] : [];
        }
        if (fix.nodeAt(isOrganisation)) {
            const declaration = ['soa "Statement of applicability" {', ...entries.map(e => INDENT + e), '}'];
            return [fix.action(`${title} in a new statement of applicability`, [fix.appendDeclaration(declaration)], true)];
        }
        return [];
    }

    /** `aims/unknown-catalog-id`, `aims/unresolved-reference`: one fix per did-you-mean suggestion. */
    private replaceWithSuggestion(fix: Fix, data: Partial<AimsDiagnosticData>): CodeAction[] {
        const suggestions = (data.suggestions ?? []).filter(s => typeof s === 'string' && s.length > 0);
        const written = fix.textAt(fix.diagnostic.range);
        const refText = typeof data.refText === 'string' ? data.refText : undefined;
        // A stale diagnostic (the text has changed since) must not overwrite something else.
        if (refText !== undefined && squashSpaces(written) !== squashSpaces(refText)) {
            return [];
        }
        return suggestions.map(suggestion => {
            const item = catalog.find(suggestion);
            const label = item ? `${suggestion} (${item.title})` : `'${suggestion}'`;
            return fix.action(`Change to ${label}`, [TextEdit.replace(fix.diagnostic.range, suggestion)], suggestions.length === 1);
        });
    }

    /** `aims/exclusion-without-justification`: a `because` placeholder after `excluded`. */
    private justifyExclusion(fix: Fix): CodeAction[] {
        const entry = fix.nodeAt(isControlApplication);
        if (!entry || entry.decision !== 'excluded' || fix.textAt(fix.diagnostic.range) !== 'excluded') {
            return [];
        }
        const edit = TextEdit.insert(fix.diagnostic.range.end, ' because "TODO: why this control does not apply"');
        return [fix.action('Add a justification: because "..."', [edit], true)];
    }

    /** `aims/high-risk-without-impact-assessment`: a scaffolded assessment after the system. */
    private scaffoldImpactAssessment(fix: Fix): CodeAction[] {
        const system = fix.nodeAt(isAiSystem);
        if (!system) {
            return [];
        }
        const name = this.uniqueName(`ia-${system.name}`);
        const declaration = [
            `impact-assessment ${name} ${aimsString(`Impact assessment: ${system.title}`)} {`,
            `${INDENT}system ${system.name}`,
            `${INDENT}individuals "TODO"`,
            `${INDENT}groups "TODO"`,
            `${INDENT}society "TODO"`,
            `${INDENT}consequences "TODO"`,
            `${INDENT}severity high`,
            `${INDENT}assessed ${this.settings.today()}`,
            '}'
        ];
        return [fix.action(`Add impact assessment '${name}' for ${system.name}`, [fix.insertAfter(system, declaration)], true)];
    }

    /** `aims/accept-without-acceptor`: `accepted by <owner> on <today>`. */
    private recordAcceptance(fix: Fix): CodeAction[] {
        const risk = fix.nodeAt(isRisk);
        if (!risk || risk.acceptor) {
            return [];
        }
        const who = acceptorFor(risk, this.model);
        const field = `accepted by ${who} on ${this.settings.today()}`;
        const edit = fix.addField(risk, field);
        return edit ? [fix.action(`Record the acceptance: ${field}`, [edit], true)] : [];
    }

    /** `base`, or `base-2`, `base-3`, ... if a declaration already has that name. */
    private uniqueName(base: string): string {
        const taken = new Set(this.indexManager.allElements().map(d => d.name));
        let name = base;
        for (let n = 2; taken.has(name); n++) {
            name = `${base}-${n}`;
        }
        return name;
    }
}

/** The owner of the risk, else the first person of the workspace, else a placeholder. */
function acceptorFor(risk: Risk, model: AimsModel): string {
    if (risk.owner) {
        return risk.owner.ref?.name ?? risk.owner.$refText;
    }
    return model.all('Person')[0]?.name ?? 'TODO';
}

/** `A.6.2.4` -> `a-6-2-4`: a control id as part of a name. */
function slug(id: string): string {
    return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function squashSpaces(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/** Text positions and edits for one diagnostic in one document. */
class Fix {
    readonly document: LangiumDocument;
    readonly diagnostic: Diagnostic;
    private readonly text: string;
    private readonly eol: string;

    constructor(document: LangiumDocument, diagnostic: Diagnostic) {
        this.document = document;
        this.diagnostic = diagnostic;
        this.text = document.textDocument.getText();
        this.eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    }

    action(title: string, edits: TextEdit[], isPreferred: boolean): CodeAction {
        return {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [this.diagnostic],
            isPreferred,
            edit: { changes: { [this.document.uri.toString()]: edits } }
        };
    }

    textAt(range: Diagnostic['range']): string {
        return this.document.textDocument.getText(range);
    }

    /** The innermost node of the wanted type at the start of the diagnostic. */
    nodeAt<T extends AstNode>(guard: (node: unknown) => node is T): T | undefined {
        const root = this.document.parseResult.value.$cstNode;
        const offset = this.document.textDocument.offsetAt(this.diagnostic.range.start);
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
        return leaf ? AstUtils.getContainerOfType(leaf.astNode, guard) : undefined;
    }

    /** Add one field to a declaration's `{ }` block: on a line of its own, or inline in a one-line block. */
    addField(node: ControlApplication | Risk, field: string): TextEdit | undefined {
        return this.addLines(node, [field]);
    }

    /** Add lines at the end of a `{ }` block, indented like the block's contents. */
    addLines(node: ControlApplication | Risk | StatementOfApplicability, lines: string[]): TextEdit | undefined {
        const block = ownBlock(node);
        if (!block) {
            return undefined;
        }
        const closeOffset = block.close.offset;
        const lineStart = this.lineStartOf(closeOffset);
        const ownIndent = leadingWhitespace(this.text.slice(this.lineStartOf(node.$cstNode!.offset)));
        const indent = this.contentIndent(block) ?? ownIndent + INDENT;
        if (/^[ \t]*$/.test(this.text.slice(lineStart, closeOffset))) {
            // `}` on a line of its own: the new lines go just above it.
            return TextEdit.insert(this.position(lineStart), lines.map(line => indent + line + this.eol).join(''));
        }
        if (lines.length === 1 && block.open.range.start.line === block.close.range.start.line && !lines[0].includes('//')) {
            // A one-line block stays on one line.
            const pad = /\s/.test(this.text.charAt(closeOffset - 1)) ? '' : ' ';
            return TextEdit.insert(this.position(closeOffset), `${pad}${lines[0]} `);
        }
        // `}` after other text: put the new lines, then `}`, on lines of their own.
        const inserted = lines.map(line => this.eol + indent + line).join('') + this.eol + ownIndent;
        return TextEdit.insert(this.position(closeOffset), inserted);
    }

    /** A declaration right after `node`'s declaration (after a comment that ends its line). */
    insertAfter(node: AstNode, declaration: string[]): TextEdit {
        const end = node.$cstNode!.end;
        const lineEnd = this.lineEndOf(end);
        const rest = this.text.slice(end, lineEnd);
        const at = /^\s*(\/\/.*)?$/.test(rest) ? lineEnd : end;
        const indent = leadingWhitespace(this.text.slice(this.lineStartOf(node.$cstNode!.offset)));
        const body = declaration.map(line => indent + line).join(this.eol);
        return TextEdit.insert(this.position(at), this.eol + this.eol + body);
    }

    /** A declaration at the end of the file, after one blank line. */
    appendDeclaration(declaration: string[]): TextEdit {
        const text = this.text;
        const separator = text.length === 0 ? '' : text.endsWith('\n') ? this.eol : this.eol + this.eol;
        return TextEdit.insert(this.position(text.length), separator + declaration.join(this.eol) + this.eol);
    }

    /** Indentation of the block's first line of content, if the content starts on its own line. */
    private contentIndent(block: Block): string | undefined {
        const first = block.content[0];
        if (!first || first.range.start.line === block.open.range.start.line) {
            return undefined;
        }
        const lineStart = this.lineStartOf(first.offset);
        const before = this.text.slice(lineStart, first.offset);
        return /^[ \t]*$/.test(before) ? before : undefined;
    }

    private lineStartOf(offset: number): number {
        return this.text.lastIndexOf('\n', offset - 1) + 1;
    }

    private lineEndOf(offset: number): number {
        const newline = this.text.indexOf('\n', offset);
        const end = newline < 0 ? this.text.length : newline;
        return end > offset && this.text.charAt(end - 1) === '\r' ? end - 1 : end;
    }

    private position(offset: number): Position {
        return this.document.textDocument.positionAt(offset);
    }
}

interface Block {
    readonly open: CstNode;
    readonly close: CstNode;
    /** CST nodes between the braces, comments included. */
    readonly content: CstNode[];
}

/** The node's own `{` and `}` (not those of nested nodes). */
function ownBlock(node: AstNode): Block | undefined {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    const closes = GrammarUtils.findNodesForKeyword(node.$cstNode, '}');
    const close = closes[closes.length - 1];
    if (!open || !close || close.offset < open.offset) {
        return undefined;
    }
    const content = CstUtils.flattenCst(node.$cstNode!).filter(leaf => leaf.offset > open.offset && leaf.end <= close.offset).toArray();
    return { open, close, content };
}

function leadingWhitespace(text: string): string {
    return /^[ \t]*/.exec(text)![0];
}
