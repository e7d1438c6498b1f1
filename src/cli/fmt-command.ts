/**
 * `aims fmt [--check] [--diff] [paths...]`: the language server's formatter on files, as
 * `prettier --check`, `ruff format` and `terraform fmt` work: write the formatted files, or with
 * --check list the files that would change and exit 1, or with --diff show how. A file with a
 * syntax error is left alone (the formatter never guesses around broken text).
 */
import { writeFileSync } from 'node:fs';
import { TextDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAimsServices } from '../language/aims-module.js';
import { CliError, ExitCode, flag, type CliCommand } from './cli-command.js';
import { unifiedDiff } from './unified-diff.js';
import { collectAimsFiles, display } from './workspace-loader.js';

/** Everything but whitespace, in order: what formatting must never change. */
function substance(text: string): string {
    return text.replace(/\s+/g, '');
}

export interface FormattedFile {
    readonly path: string;
    readonly before: string;
    /** Undefined when the file has a syntax error and was not formatted. */
    readonly after?: string;
    /** `line:column` of the first syntax error. */
    readonly syntaxError?: string;
}

/** Format the `.aims` files named by `paths` with the server's formatter; nothing is written. */
export async function formatFiles(paths: readonly string[], cwd: string): Promise<FormattedFile[]> {
    const collected = collectAimsFiles(paths, cwd);
    const services = createAimsServices(NodeFileSystem).Aims;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const formatter = services.lsp.Formatter!;
    const results: FormattedFile[] = [];
    for (const file of collected.files.filter(f => collected.reported.has(f.path))) {
        const uri = URI.file(file.path);
        const document = factory.fromString(file.text, uri);
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length > 0 || parserErrors.length > 0) {
            const line = lexerErrors[0]?.line ?? parserErrors[0]?.token.startLine;
            const column = lexerErrors[0]?.column ?? parserErrors[0]?.token.startColumn;
            // An error at the end of the file (a missing `}`) has no token position.
            const at = line !== undefined && column !== undefined && line > 0 && column > 0 && Number.isFinite(line) && Number.isFinite(column)
                ? `${line}:${column}` : `${document.textDocument.lineCount}:1`;
            results.push({ path: file.path, before: file.text, syntaxError: at });
            continue;
        }
        const edits = await formatter.formatDocument(document, { textDocument: { uri: uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        const after = TextDocument.applyEdits(document.textDocument, edits);
        if (substance(after) !== substance(file.text)) {
            // The formatter promises whitespace only; refuse rather than lose text.
            throw new Error(`the formatter would change more than whitespace in ${display(file.path, cwd)}; nothing was written`);
        }
        results.push({ path: file.path, before: file.text, after });
    }
    return results;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const fmtCommand: CliCommand = {
    name: 'fmt',
    summary: 'Format .aims files as the editor does; --check lists the files that would change.',
    usage: 'fmt [--check | --diff] [paths...]',
    description: [
        'Formats the .aims files in the given files and directories (default: the current',
        'directory) with the language server\'s formatter: one field per line, 4-space indents, one',
        'blank line at most. Only whitespace changes; comments stay. Files with a syntax error are',
        'left as they are and reported.'
    ].join('\n'),
    options: {
        check: { type: 'boolean', description: 'Write nothing; list the files that would change and exit 1 if there are any.' },
        diff: { type: 'boolean', description: 'Write nothing; print a unified diff of the changes and exit 1 if there are any.' }
    },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    epilogue: [
        'Exit codes: 0 formatted (or, with --check/--diff, nothing to change),',
        '            1 --check/--diff: some files would change,',
        '            2 bad usage, unreadable input, or a file with a syntax error.',
        '',
        'Examples:',
        '  aims fmt',
        '  aims fmt --check aims/',
        '  aims fmt --diff aims/soa.aims'
    ].join('\n'),

    async run(input, out) {
        const check = flag(input, 'check');
        const diff = flag(input, 'diff');
        if (check && diff) {
            throw new CliError('--check and --diff do not go together; --diff also exits 1 when a file would change', { usage: true });
        }
        const paths = input.positionals.length > 0 ? input.positionals : ['.'];
        const results = await formatFiles(paths, input.cwd);
        const changed = results.filter(r => r.after !== undefined && r.after !== r.before);
        const broken = results.filter(r => r.after === undefined);
        const unchanged = results.length - changed.length - broken.length;
        for (const result of changed) {
            const file = display(result.path, input.cwd);
            if (diff) {
                out.stdout(unifiedDiff(file.split('\\').join('/'), result.before, result.after!));
            } else if (check) {
                out.stdout(`would reformat ${file}\n`);
            } else {
                writeFileSync(result.path, result.after!);
                out.stdout(`reformatted ${file}\n`);
            }
        }
        for (const result of broken) {
            out.stderr(`aims: ${display(result.path, input.cwd)}:${result.syntaxError}: syntax error, not formatted (aims validate explains it)\n`);
        }
        const dryRun = check || diff;
        const summary = dryRun
            ? `${plural(changed.length, 'file')} would be reformatted, ${unchanged} already formatted`
            : `${plural(changed.length, 'file')} reformatted, ${unchanged} left unchanged`;
        const line = `${summary}${broken.length > 0 ? `, ${broken.length} with syntax errors` : ''}\n`;
        // With --diff, stdout is the patch alone, ready for `git apply`.
        if (diff) {
            out.stderr(line);
        } else {
            out.stdout(line);
        }
        if (broken.length > 0) {
            return ExitCode.usage;
        }
        return dryRun && changed.length > 0 ? ExitCode.findings : ExitCode.ok;
    }
};
