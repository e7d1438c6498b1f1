/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns into annotations
 * on the pull request (`::error file=...,line=...::message`). Paths are relative to the
 * repository root, since GitHub matches them against the checkout.
 */
import type { RuleSeverity } from '../../validation/rules.js';
import { summaryLine, type Finding } from '../findings.js';
import { pathFromRoot } from '../repository-root.js';
import type { OutputFormatter } from './output-format.js';
import { escapeControlCharacters } from '../terminal-text.js';

const COMMAND: Record<RuleSeverity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * A command's message: `%`, CR and LF are encoded, as the runner decodes them; other control
 * characters are shown escaped, since the job log is a terminal too.
 */
export function escapeData(text: string): string {
    return escapeControlCharacters(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A property value additionally encodes `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: OutputFormatter = (result, context) => {
    const root = context.repositoryRoot();
    const lines = result.findings.map(finding => annotation(finding, root));
    // Plain lines are log output for the runner; the summary reads well in the job log.
    lines.push(summaryLine(result));
    return lines.join('\n') + '\n';
};

function annotation(finding: Finding, root: string): string {
    const properties: Array<[string, string | number]> = [
        ['file', pathFromRoot(finding.path, root) ?? finding.file],
        ['line', finding.line],
        ['col', finding.column],
        ['endLine', finding.endLine],
        ['endColumn', finding.endColumn],
        ['title', finding.code]
    ];
    const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
    return `::${COMMAND[finding.severity]} ${list}::${escapeData(finding.message)}`;
}
