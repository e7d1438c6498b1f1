/**
 * Formatting for `.aims` files. It only ever changes whitespace, keeps every comment, and is
 * idempotent (formatting a formatted file changes nothing):
 *
 * - top-level declarations start at column 0, with at most one blank line between them; the
 *   doc comment of a declaration (`/** ... *\/`) starts a line of its own;
 * - the fields of a declaration's `{ }` block go one per line, indented by 4 spaces, with at
 *   most one blank line between fields; the closing `}` goes on its own line;
 * - statement of applicability entries go one per line;
 * - a nested block (an SoA entry's `{ }`, a `party ... { }`) written on one line stays on one
 *   line; written over several lines it gets one field per line;
 * - inside a field, tokens are separated by one space; `,` sticks to the token before it and is
 *   followed by one space.
 *
 * Which keywords start a field is read from the grammar (the first token of each alternative in
 * a repeated `{ ( ... )* }` group), so the formatter follows grammar changes by itself.
 *
 * Indentation is always 4 spaces whatever the editor's tab settings: the files live in git and
 * everybody's formatter must produce the same bytes.
 */
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode, type Grammar, type LangiumDocument } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext, type LangiumServices } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentRangeFormattingParams, FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { isModel } from '../language/generated/ast.js';
import { isCatalogUri } from '../catalog/catalog-document.js';

/** What starts a field inside a declaration's block, derived from the grammar. */
interface FieldStarts {
    /** Keyword grammar elements (not keyword texts: `likelihood` starts a field of an organisation, not of a rating). */
    readonly keywords: ReadonlySet<GrammarAST.Keyword>;
    /** `Type.property` of child nodes that are fields themselves (`Organisation.parties`, `StatementOfApplicability.entries`). */
    readonly childFeatures: ReadonlySet<string>;
}

/** One item of a node's own CST: a token, a hidden comment, or a nested AST node. */
interface Item {
    readonly cst: CstNode;
    readonly kind: 'token' | 'comment' | 'child';
}

const INDENT_SIZE = 4;

/** Line break for a field: one or two (one blank line kept), indented one level deeper. */
const FIELD_BREAK: FormattingAction = { options: {}, moves: [{ tabs: 1, lines: 1 }, { tabs: 1, lines: 2 }] };
/** Line break between top-level declarations: one or two, at the current level. */
const DECLARATION_BREAK: FormattingAction = { options: {}, moves: [{ lines: 1 }, { lines: 2 }] };
/** A comment on its own line inside a block: indent it like the fields around it. */
const COMMENT_IN_BLOCK: FormattingAction = { options: {}, moves: [{ tabs: 1 }] };

export class AimsFormatter extends AbstractFormatter {
    private readonly fieldStarts: FieldStarts;
    /** The line break of the document being formatted (`\n` or `\r\n`). */
    private eol = '\n';

    constructor(services: LangiumServices) {
        super();
        this.fieldStarts = collectFieldStarts(services.Grammar);
    }

    // Catalog documents are generated and read-only.
    override formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] | Promise<TextEdit[]> {
        return isCatalogUri(document.uri) ? [] : super.formatDocument(document, params);
    }

    override formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] | Promise<TextEdit[]> {
        return isCatalogUri(document.uri) ? [] : super.formatDocumentRange(document, params);
    }

    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const text = document.textDocument.getText();
        this.eol = text.includes('\r\n') ? '\r\n' : '\n';
        const edits = super.doDocumentFormat(document, { ...options, tabSize: INDENT_SIZE, insertSpaces: true }, range);
        return range ? edits : [...edits, ...this.fileEnd(document)];
    }

    /** The whole file ends with exactly one line break after its last token or comment. */
    private fileEnd(document: LangiumDocument): TextEdit[] {
        const text = document.textDocument.getText();
        const root = document.parseResult.value.$cstNode;
        const last = root ? CstUtils.flattenCst(root).reduce<CstNode | undefined>((_, leaf) => leaf, undefined) : undefined;
        if (!last || text.slice(last.end) === this.eol) {
            return [];
        }
        const range = { start: document.textDocument.positionAt(last.end), end: document.textDocument.positionAt(text.length) };
        return [{ range, newText: this.eol }];
    }

    /**
     * Langium re-indents a comment that starts a line but keeps the line breaks above it. Here the
     * gap before such a comment is rewritten too: no blank lines at the start of the file, at most
     * one blank line elsewhere. Later lines of a block comment keep Langium's shift.
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const start = hidden.range.start;
        // A comment after other text on its line stays there, unless it must start a line (a doc comment).
        const startsLine = (formatting?.moves ?? []).some(move => (move.lines ?? 0) > 0);
        if (previous && previous.range.end.line === start.line && !startsLine) {
            return [];
        }
        const laterLines = super.createHiddenTextEdits(previous, hidden, formatting, context).filter(edit => edit.range.start.line !== start.line);
        const lineStart = { line: start.line, character: 0 };
        const move = this.findFittingMove({ start: lineStart, end: start }, formatting?.moves ?? [], context);
        const indent = ' '.repeat(this.getIndentationCharacterCount(context, move));
        const gapStart = previous ? previous.range.end : { line: 0, character: 0 };
        const lines = previous ? Math.min(Math.max(start.line - gapStart.line, 1), 2) : 0;
        return [{ range: { start: gapStart, end: start }, newText: this.eol.repeat(lines) + indent }, ...laterLines];
    }

    protected override format(node: AstNode): void {
        const items = ownItems(node);
        if (isModel(node)) {
            this.formatTopLevel(node, items);
            return;
        }
        const open = items.findIndex(i => isKeywordToken(i.cst, '{'));
        const close = findLastIndex(items, i => isKeywordToken(i.cst, '}'));
        const hasBlock = open >= 0 && close > open;
        // Top-level blocks always get one field per line; nested ones keep the shape they were written in.
        const multiLine = hasBlock && (isModel(node.$container) || items[open].cst.range.start.line !== items[close].cst.range.start.line);
        const formatter = this.getNodeFormatter(node);
        const firstToken = items.findIndex(i => i.kind !== 'comment');
        items.forEach((item, index) => {
            const region = formatter.cst([item.cst]);
            const inBlock = hasBlock && index > open && index < close;
            if (item.kind === 'comment') {
                if (inBlock) region.prepend(COMMENT_IN_BLOCK);
                return;
            }
            if (index === firstToken) {
                return; // the parent decides what precedes this node
            }
            if (hasBlock && index === close) {
                const empty = !items.slice(open + 1, close).some(i => i.kind !== 'comment');
                region.prepend(multiLine && !empty ? Formatting.newLine() : Formatting.oneSpace());
            } else if (inBlock && this.startsField(node, item)) {
                region.prepend(multiLine ? FIELD_BREAK : Formatting.oneSpace());
            } else if (isKeywordToken(item.cst, ',')) {
                region.prepend(Formatting.noSpace());
            } else if (node.$type === 'Mapping' && isKeywordToken(item.cst, 'rationale') && item.cst.range.start.line > items[index - 1].cst.range.end.line) {
                // A long rationale written on a line of its own stays there, indented under its `map`.
                region.prepend(Formatting.indent());
            } else {
                region.prepend(Formatting.oneSpace());
            }
        });
    }

    private formatTopLevel(model: AstNode, items: Item[]): void {
        const formatter = this.getNodeFormatter(model);
        items.forEach((item, index) => {
            if (item.kind === 'comment') {
                // A doc comment belongs to the declaration after it: it starts a line, like the declaration.
                if (index > 0 && isDocComment(item.cst) && items[index + 1]?.kind === 'child') {
                    formatter.cst([item.cst]).prepend(DECLARATION_BREAK);
                }
                return; // other top-level comments go to column 0 by default
            }
            // Nothing at all before the first declaration: no leading blank lines or spaces.
            formatter.cst([item.cst]).prepend(index === 0 ? Formatting.noSpace() : DECLARATION_BREAK);
        });
    }

    private startsField(node: AstNode, item: Item): boolean {
        if (item.kind === 'child') {
            const child = item.cst.astNode;
            return this.fieldStarts.childFeatures.has(`${node.$type}.${child.$containerProperty}`);
        }
        const leaf = firstLeaf(item.cst);
        return GrammarAST.isKeyword(leaf.grammarSource) && this.fieldStarts.keywords.has(leaf.grammarSource);
    }

    protected override createLineTextEdit(range: Range, lines: number, context: FormattingContext, options: FormattingAction['options']): TextEdit {
        const edit = super.createLineTextEdit(range, lines, context, options);
        return { ...edit, newText: edit.newText.replace(/\n/g, this.eol) };
    }

    protected override createTabTextEdit(range: Range, hasPrevious: boolean, context: FormattingContext): TextEdit {
        const edit = super.createTabTextEdit(range, hasPrevious, context);
        return { ...edit, newText: edit.newText.replace(/\n/g, this.eol) };
    }

    protected override isNecessary(edit: TextEdit, document: LangiumDocument['textDocument']): boolean {
        return edit.newText !== document.getText(edit.range);
    }
}

/**
 * The CST items that belong to `node` itself, in order: its tokens (a cross-reference or data
 * type value counts as one token), comments between them, and nested AST nodes as single items.
 */
function ownItems(node: AstNode): Item[] {
    let cst = node.$cstNode;
    // An unassigned rule call (`Element: Organisation | ...`) wraps the node's own CST node.
    while (cst && isCompositeCstNode(cst) && cst.content.length === 1 && isCompositeCstNode(cst.content[0]) && cst.content[0].astNode === node) {
        cst = cst.content[0];
    }
    if (!cst || !isCompositeCstNode(cst)) {
        return [];
    }
    return cst.content.map(child => ({
        cst: child,
        kind: child.hidden ? 'comment' : child.astNode !== node ? 'child' : 'token'
    }));
}

function firstLeaf(cst: CstNode): CstNode {
    let current = cst;
    while (isCompositeCstNode(current) && current.content.length > 0) {
        current = current.content[0];
    }
    return current;
}

function isDocComment(cst: CstNode): boolean {
    return cst.text.startsWith('/**') && cst.text !== '/**/';
}

function isKeywordToken(cst: CstNode, keyword: string): boolean {
    return GrammarAST.isKeyword(cst.grammarSource) && cst.grammarSource.value === keyword;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
    for (let i = items.length - 1; i >= 0; i--) {
        if (predicate(items[i])) return i;
    }
    return -1;
}

/** Walk the grammar once: the first token of every alternative of a repeated group inside `{ }`. */
function collectFieldStarts(grammar: Grammar): FieldStarts {
    const keywords = new Set<GrammarAST.Keyword>();
    const childFeatures = new Set<string>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || rule.fragment || GrammarUtils.isDataTypeRule(rule)) {
            continue;
        }
        for (const element of AstUtils.streamAllContents(rule.definition)) {
            if (!GrammarAST.isAbstractElement(element) || !GrammarUtils.isArrayCardinality(element.cardinality) || !followsOpeningBrace(element)) {
                continue;
            }
            const alternatives = GrammarAST.isAlternatives(element) ? element.elements : [element];
            for (const alternative of alternatives) {
                collectFirst(alternative, GrammarUtils.getRuleTypeName(rule), keywords, childFeatures, new Set());
            }
        }
    }
    return { keywords, childFeatures };
}

/** Whether a `{` keyword comes before `element` in the group that contains it. */
function followsOpeningBrace(element: GrammarAST.AbstractElement): boolean {
    const group = element.$container;
    if (!GrammarAST.isGroup(group)) {
        return false;
    }
    const index = group.elements.indexOf(element);
    return group.elements.slice(0, index).some(e => GrammarAST.isKeyword(e) && e.value === '{');
}

function collectFirst(
    element: GrammarAST.AbstractElement, typeName: string,
    keywords: Set<GrammarAST.Keyword>, childFeatures: Set<string>, visited: Set<GrammarAST.AbstractRule>
): void {
    if (GrammarAST.isKeyword(element)) {
        keywords.add(element);
    } else if (GrammarAST.isGroup(element) && element.elements.length > 0) {
        collectFirst(element.elements[0], typeName, keywords, childFeatures, visited);
    } else if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        element.elements.forEach(e => collectFirst(e, typeName, keywords, childFeatures, visited));
    } else if (GrammarAST.isRuleCall(element)) {
        const called = element.rule.ref;
        if (GrammarAST.isParserRule(called) && called.fragment && !visited.has(called)) {
            visited.add(called);
            collectFirst(called.definition, typeName, keywords, childFeatures, visited);
        }
    } else if (GrammarAST.isAssignment(element)) {
        const terminal = element.terminal;
        if (GrammarAST.isRuleCall(terminal) && GrammarAST.isParserRule(terminal.rule.ref) && !GrammarUtils.isDataTypeRule(terminal.rule.ref)) {
            childFeatures.add(`${typeName}.${element.feature}`);
        } else {
            collectFirst(terminal, typeName, keywords, childFeatures, visited);
        }
    }
}
