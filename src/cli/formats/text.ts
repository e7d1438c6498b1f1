/**
 * The default output: one line per finding, `file:line:col severity code message`, which
 * terminals and editors turn into links, then a summary line. Control characters from the file
 * are shown escaped (terminal-text.ts).
 */
import { summaryLine } from '../findings.js';
import { escapeControlCharacters } from '../terminal-text.js';
import type { OutputFormatter } from './output-format.js';

export const formatText: OutputFormatter = result => {
    const lines = result.findings.map(f =>
        // One finding per line, whatever the message holds, so `grep` and `wc -l` work.
        escapeControlCharacters(`${f.file.replace(/[\r\n]/g, ' ')}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message.replace(/\s*[\r\n]+\s*/g, ' ')}`));
    lines.push(summaryLine(result));
    return lines.join('\n') + '\n';
};
