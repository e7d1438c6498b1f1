/**
 * `aims fix [--dry-run] [paths...]`: apply the editor's quick fixes that need no choice, as
 * `eslint --fix` applies fixes and leaves suggestions to a person. Safe here means the fix adds
 * no content a person must decide or write:
 *
 * - `aims/soa-incomplete`: add the missing Annex A controls to the statement of applicability as
 *   `undecided` (the decision stays open, and `aims/soa-undecided` asks for it);
 * - `aims/unknown-catalog-id` when the id is only written differently from the catalog
 *   (`a.6.2.4`, `govern 1.1`): write it the catalog's way.
 *
 * Fixes that invent evidence, reasons, acceptors or assessments, and did-you-mean guesses at a
 * different id, stay in the editor. Each fix edits only its own text; edits that would overlap
 * in a file are left for a second run.
 */
import { writeFileSync } from 'node:fs';
import { TextDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { RULES } from '../validation/rules.js';
import { ExitCode, flag, type CliCommand } from './cli-command.js';
import { unifiedDiff } from './unified-diff.js';
import { commandSettings, display, EXPIRY_WINDOW_OPTION, loadWorkspace, SEVERITY_OPTION } from './workspace-loader.js';

const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** Which of a diagnostic's fixes `aims fix` may apply on its own. */
const SAFE: Record<string, (action: CodeAction, written: string, replacement: string | undefined) => boolean> = {
    [RULES.soaIncomplete.code]: () => true,
    [RULES.unknownCatalogId.code]: (_, written, replacement) => replacement !== undefined && squash(written) === squash(replacement)
};

interface Planned {
    readonly path: string;
    readonly before: string;
    readonly after: string;
    readonly fixes: number;
}

function overlaps(a: TextEdit, b: TextEdit, document: TextDocument): boolean {
    const [aStart, aEnd] = [document.offsetAt(a.range.start), document.offsetAt(a.range.end)];
    const [bStart, bEnd] = [document.offsetAt(b.range.start), document.offsetAt(b.range.end)];
    return aStart < bEnd && bStart < aEnd || (aStart === bStart && aEnd === bEnd);
}

export const fixCommand: CliCommand = {
    name: 'fix',
    summary: 'Apply the quick fixes that need no choice (missing SoA entries, id spelling).',
    usage: 'fix [--dry-run] [options] [paths...]',
    description: [
        'Applies the editor\'s quick fixes that need no decision to the .aims files in the given',
        'files and directories (default: the current directory), checked in their workspace as',
        'aims validate checks them: missing Annex A controls are added to the statement of',
        'applicability as undecided, and catalog ids written differently from the catalog (a.6.2.4)',
        'are written its way. Fixes that need a choice (new evidence, a reason, an acceptor) stay in',
        'the editor. Only the text a fix is about changes.'
    ].join('\n'),
    options: {
        'dry-run': { type: 'boolean', description: 'Write nothing; print the changes as a unified diff.' },
        today: { type: 'string', value: 'YYYY-MM-DD', description: 'Date the checks compare against, as for aims validate.' },
        'expiry-window': EXPIRY_WINDOW_OPTION,
        severity: SEVERITY_OPTION
    },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    epilogue: [
        'Exit codes: 0 fixed (or nothing to fix), 2 bad usage or unreadable input.',
        '',
        'Examples:',
        '  aims fix --dry-run',
        '  aims fix aims/'
    ].join('\n'),

    async run(input, out) {
        const paths = input.positionals.length > 0 ? input.positionals : ['.'];
        const loaded = await loadWorkspace(paths, input.cwd, commandSettings(input));
        const provider = loaded.services.lsp.CodeActionProvider!;
        const planned: Planned[] = [];
        let skipped = 0;
        for (const document of loaded.built.documents) {
            const path = document.uri.fsPath;
            if (!loaded.reported.has(path)) {
                continue;
            }
            const text = document.textDocument.getText();
            const chosen: TextEdit[] = [];
            let fixes = 0;
            for (const diagnostic of loaded.built.diagnosticsOf(document) as Diagnostic[]) {
                const safe = typeof diagnostic.code === 'string' ? SAFE[diagnostic.code] : undefined;
                if (!safe) {
                    continue;
                }
                const actions = await provider.getCodeActions(document, {
                    textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
                }) ?? [];
                const written = document.textDocument.getText(diagnostic.range);
                const action = (actions as CodeAction[]).find(a => {
                    const edits = a.edit?.changes?.[document.uri.toString()] ?? [];
                    return edits.length > 0 && safe(a, written, edits.length === 1 ? edits[0].newText : undefined);
                });
                const edits = action?.edit?.changes?.[document.uri.toString()] ?? [];
                if (edits.length === 0) {
                    continue;
                }
                if (edits.some(edit => chosen.some(other => overlaps(edit, other, document.textDocument)))) {
                    skipped++;
                    continue;
                }
                chosen.push(...edits);
                fixes++;
            }
            if (fixes > 0) {
                planned.push({ path, before: text, after: TextDocument.applyEdits(document.textDocument, chosen), fixes });
            }
        }
        const dryRun = flag(input, 'dry-run');
        for (const file of planned) {
            const shown = display(file.path, input.cwd);
            if (dryRun) {
                out.stdout(unifiedDiff(shown.split('\\').join('/'), file.before, file.after));
            } else {
                writeFileSync(file.path, file.after);
                out.stdout(`fixed ${shown} (${file.fixes} fix${file.fixes === 1 ? '' : 'es'})\n`);
            }
        }
        const total = planned.reduce((n, file) => n + file.fixes, 0);
        const files = `${planned.length} file${planned.length === 1 ? '' : 's'}`;
        const again = skipped > 0 ? `; ${skipped} overlapping fix${skipped === 1 ? '' : 'es'} left for another run` : '';
        const summary = `${total} fix${total === 1 ? '' : 'es'} ${dryRun ? 'would be applied' : 'applied'} in ${files}${again}\n`;
        // With --dry-run, stdout is the patch alone.
        if (dryRun) {
            out.stderr(summary);
        } else {
            out.stdout(summary);
        }
        return ExitCode.ok;
    }
};
