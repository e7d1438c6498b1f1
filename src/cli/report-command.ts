/**
 * `aims report [paths...] --format html|md --out FILE`: the AIMS report (statement of
 * applicability, NIST AI RMF coverage, risk register with heat maps, AI system inventory and
 * findings) as one self-contained HTML file or as Markdown, from the validated workspace.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parseIsoDate } from '../model/dates.js';
import { collectReportData } from '../report/aims-report-data.js';
import { isReportFormat, renderReport, REPORT_FORMATS, type ReportFormat } from '../report/aims-report.js';
import { CliError, countOption, ExitCode, stringOption, type CliCommand, type CommandInput } from './cli-command.js';
import { display, loadWorkspace, type LoadedWorkspace } from './workspace-loader.js';

export const reportCommand: CliCommand = {
    name: 'report',
    summary: 'Write the AIMS report (SoA, NIST coverage, risks, systems, findings) as HTML or Markdown.',
    usage: 'report [options] [paths...]',
    description: [
        'Builds the .aims files in the given files and directories (default: the current directory)',
        'as one workspace, exactly as validate does, and writes a report for an auditor: the',
        'statement of applicability for all 38 Annex A controls, NIST AI RMF coverage through the',
        'crosswalk, the risk register with inherent and residual heat maps, the AI system inventory',
        'and every finding with its file and line. The HTML report is one self-contained file (no',
        'scripts, no external fonts or styles) that prints one section per page; the Markdown',
        'report uses GitHub-flavoured tables. When the workspace is a git repository the report',
        'names the commit.'
    ].join('\n'),
    options: {
        format: { type: 'string', short: 'f', value: 'FORMAT', description: `Report format: ${REPORT_FORMATS.join(', ')} (default: from the --out extension, else html).` },
        out: { type: 'string', short: 'o', value: 'FILE', description: 'Write the report to FILE (default: standard output).' },
        today: { type: 'string', value: 'YYYY-MM-DD', description: 'Date the report describes: reviews and evidence expiry are judged against it (default: today, UTC).' },
        'expiry-window': { type: 'string', value: 'DAYS', description: 'Evidence that expires within DAYS days counts as expiring (default 30).' }
    },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    epilogue: [
        'Exit codes: 0 report written (findings are part of the report, not a failure),',
        '            2 bad usage, unreadable input or unwritable output.',
        '',
        'Examples:',
        '  aims report --out aims-report.html',
        '  aims report aims/ --format md --today 2026-06-01 > REPORT.md'
    ].join('\n'),

    async run(input, out) {
        const target = stringOption(input, 'out');
        const format = reportFormat(stringOption(input, 'format'), target);
        const loaded = await loadForReport(input);
        const today = loaded.services.aims.Settings.today();
        const data = collectReportData(loaded.services, loaded.built.documents, today, { root: loaded.workspaceRoot });
        const text = renderReport(data, format);
        if (target === undefined) {
            out.stdout(text);
        } else {
            writeOutputFile(target, input.cwd, text);
        }
        return ExitCode.ok;
    }
};

function reportFormat(given: string | undefined, target: string | undefined): ReportFormat {
    if (given !== undefined) {
        if (!isReportFormat(given)) {
            throw new CliError(`unknown report format '${given}'; use one of: ${REPORT_FORMATS.join(', ')}`, { usage: true });
        }
        return given;
    }
    const extension = target ? extname(target).toLowerCase() : '';
    return extension === '.md' || extension === '.markdown' ? 'md' : 'html';
}

/** `--today` and `--expiry-window` checked, then the workspace built as validate builds it. */
export async function loadForReport(input: CommandInput): Promise<LoadedWorkspace> {
    const today = stringOption(input, 'today');
    if (today !== undefined && parseIsoDate(today) === undefined) {
        throw new CliError(`--today '${today}' is not a date; write it as YYYY-MM-DD, e.g. 2026-06-01`, { usage: true });
    }
    const expiryWindow = input.values['expiry-window'] === undefined ? undefined : countOption(input, 'expiry-window');
    const paths = input.positionals.length > 0 ? input.positionals : ['.'];
    return loadWorkspace(paths, input.cwd, {
        ...(today !== undefined ? { today } : {}),
        ...(expiryWindow !== undefined ? { evidenceExpiryWindowDays: expiryWindow } : {})
    });
}

/** Write `text` to `path` (relative to `cwd`), creating missing folders; a clear error if that fails. */
export function writeOutputFile(path: string, cwd: string, text: string): void {
    const absolute = resolve(cwd, path);
    try {
        mkdirSync(dirname(absolute), { recursive: true });
        writeFileSync(absolute, text, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied'
            : code === 'EISDIR' ? 'is a directory'
            : code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is not a directory'
            : error instanceof Error ? error.message : String(error);
        throw new CliError(`cannot write ${display(absolute, cwd)}: ${reason}`);
    }
}
