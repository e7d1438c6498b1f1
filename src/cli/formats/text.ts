/**
 * The default output: one line per finding, `file:line:col severity code message`, which
 * terminals and editors turn into links, then a summary line.
 */
import { summaryLine } from '../findings.js';
import { paint } from '../terminal.js';
import type { OutputFormatter } from './output-format.js';

export const formatText: OutputFormatter = (result, context) => {
    const colours = paint(context.colour === true);
    const lines = result.findings.map(f =>
        // One finding per line, whatever the message holds, so `grep` and `wc -l` work.
        `${f.file}:${f.line}:${f.column} ${colours.severity(f.severity, f.severity)} ${colours.dim(f.code)} ${f.message.replace(/\s*[\r\n]+\s*/g, ' ')}`);
    const summary = summaryLine(result);
    lines.push(result.errors > 0 ? colours.severity('error', summary) : result.warnings > 0 ? colours.severity('warning', summary) : summary);
    return lines.join('\n') + '\n';
};
