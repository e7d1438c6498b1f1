/**
 * What every quick fix is built from: the edits of one diagnostic in one document (`Fix`), the
 * services a fix may ask (`FixContext`), and the shape of a domain's fixes (`QuickFixes`, rule
 * code to fix creators). The fixes live in `quick-fixes/<domain>.ts`, next to nothing else;
 * aims-code-action-provider.ts joins them.
 */
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Position, TextEdit } from 'vscode-languageserver';
import type { AimsModel } from '../../model/aims-model.js';
import type { AimsSettings } from '../../workspace/aims-settings.js';
import type { AimsDiagnosticData } from '../../validation/aims-document-validator.js';

export const INDENT = '    ';

/** What a fix may ask besides its document and diagnostic. */
export interface FixContext {
    readonly model: AimsModel;
    readonly settings: AimsSettings;
    /** `base`, or `base-2`, `base-3`, ... if a declaration already has that name. */
    uniqueName(base: string): string;
}

/** Creates the code actions of one diagnostic; none if the text no longer fits it. */
export type FixCreator = (fix: Fix, context: FixContext) => CodeAction[];

/** A domain's fixes: rule code (`RULES.x.code`) to the fixes it offers, in the order shown. */
export type QuickFixes = Readonly<Record<string, readonly FixCreator[]>>;

/** Text positions and edits for one diagnostic in one document. */
export class Fix {
    readonly document: LangiumDocument;
    readonly diagnostic: Diagnostic;
    private readonly text: string;
    private readonly eol: string;

    /** The diagnostic's data (code, suggestions, missing ids, ...). */
    readonly data: Partial<AimsDiagnosticData>;

    constructor(document: LangiumDocument, diagnostic: Diagnostic) {
        this.document = document;
        this.diagnostic = diagnostic;
        this.data = (diagnostic.data ?? {}) as Partial<AimsDiagnosticData>;
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
    addField(node: AstNode, field: string): TextEdit | undefined {
        return this.addLines(node, [field]);
    }

    /** Add lines at the end of a `{ }` block, indented like the block's contents. */
    addLines(node: AstNode, lines: string[]): TextEdit | undefined {
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

/** `A.6.2.4` -> `a-6-2-4`: a control id as part of a name. */
export function slug(id: string): string {
    return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
