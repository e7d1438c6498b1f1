/**
 * What an editor does with the language server's answers, for the LSP feature tests: find a
 * position by the text at it, apply a workspace edit to a file, re-read the result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Position, TextEdit } from 'vscode-languageserver';
import { workspace, type TestOptions, type TestWorkspace } from '../helpers/workspace.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/lsp-features');

/** The files of a fixture folder, by name. */
export function fixtureFiles(folder: string): Record<string, string> {
    const dir = join(FIXTURES, folder);
    return Object.fromEntries(readdirSync(dir).filter(f => f.endsWith('.aims')).sort().map(f => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** The realistic multi-file workspace of test/fixtures/lsp-features/acme. */
export async function acme(options: TestOptions = {}): Promise<TestWorkspace> {
    return workspace(fixtureFiles('acme'), options);
}

/** Position of the `occurrence`-th (from 0) appearance of `marker` in the document, plus `shift` characters. */
export function positionOf(document: LangiumDocument, marker: string, shift = 0, occurrence = 0): Position {
    const text = document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(marker, offset + 1);
        if (offset < 0) {
            throw new Error(`'${marker}' (occurrence ${occurrence}) is not in ${document.uri.path}`);
        }
    }
    return document.textDocument.positionAt(offset + shift);
}

export function diagnosticsWithCode(ws: TestWorkspace, file: string, code: string): Diagnostic[] {
    return (ws.diagnostics[file] ?? []).filter(d => d.code === code);
}

/** The single diagnostic of `code` in `file`; fails clearly if there is none or more than one. */
export function onlyDiagnostic(ws: TestWorkspace, file: string, code: string): Diagnostic {
    const found = diagnosticsWithCode(ws, file, code);
    if (found.length !== 1) {
        throw new Error(`expected one ${code} in ${file}, found ${found.length}: ${ws.codes(file).join(', ')}`);
    }
    return found[0];
}

/** Quick fixes the server offers for one diagnostic. */
export async function quickFixes(ws: TestWorkspace, file: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const document = ws.documents[file];
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] }
    });
    return (actions ?? []) as CodeAction[];
}

/** The edits a code action makes to one file (and a check that it touches no other file). */
export function editsOf(action: CodeAction, document: LangiumDocument): TextEdit[] {
    const changes = action.edit?.changes ?? {};
    const uris = Object.keys(changes);
    if (uris.length !== 1 || uris[0] !== document.uri.toString()) {
        throw new Error(`'${action.title}' edits ${uris.join(', ') || 'nothing'}, not just ${document.uri.toString()}`);
    }
    return changes[uris[0]];
}

export function applyEdits(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///edited.aims', 'aims', 0, text), edits);
}

/**
 * Whether `after` is `before` with text inserted at the edits' positions and nothing else
 * changed: every byte of `before` is still there, in order, at the place the edits imply.
 */
export function onlyInserts(before: string, edits: TextEdit[], after: string): boolean {
    const document = TextDocument.create('file:///before.aims', 'aims', 0, before);
    const sorted = edits
        .map(e => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), text: e.newText }))
        .sort((a, b) => a.start - b.start);
    if (sorted.some(e => e.start !== e.end)) {
        return false;
    }
    let position = 0;
    let previous = 0;
    for (const edit of sorted) {
        const kept = before.slice(previous, edit.start);
        if (after.slice(position, position + kept.length) !== kept) return false;
        position += kept.length;
        if (after.slice(position, position + edit.text.length) !== edit.text) return false;
        position += edit.text.length;
        previous = edit.start;
    }
    return after.slice(position) === before.slice(previous);
}

/** The characters of `text` that are not whitespace, in order. */
export function nonWhitespace(text: string): string {
    return text.replace(/\s+/g, '');
}
