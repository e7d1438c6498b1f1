/**
 * The default output: one line per finding, `file:line:col severity code message`, which
 * terminals and editors turn into links, then a summary line. Control characters from the file
 * are shown escaped (terminal-text.ts).
 */
import { byPosition, summaryLine } from '../findings.js';
import { escapeControlCharacters } from '../terminal-text.js';
import { paint } from '../terminal.js';
import type { OutputFormatter } from './output-format.js';

export const formatText: OutputFormatter = (result, context) => {
    const colours = paint(context.colour === true);
    const shown = context.showSuppressed ? [...result.findings, ...result.suppressed].sort(byPosition) : result.findings;
    const lines = shown.map(f =>
        // One finding per line, whatever the message holds, so `grep` and `wc -l` work.
        // File names, messages and reasons come from the files: escaped before any colour is added.
        `${escapeControlCharacters(f.file.replace(/[\r\n]/g, ' '))}:${f.line}:${f.column} ${colours.severity(f.severity, f.severity)} ${colours.dim(f.code)} ${escapeControlCharacters(f.message.replace(/\s*[\r\n]+\s*/g, ' '))}`
        + (f.suppression ? colours.dim(` [suppressed on line ${f.suppression.line}: ${escapeControlCharacters(f.suppression.justification)}]`) : ''));
    const summary = summaryLine(result);
    lines.push(result.errors > 0 ? colours.severity('error', summary) : result.warnings > 0 ? colours.severity('warning', summary) : summary);
    return lines.join('\n') + '\n';
};
