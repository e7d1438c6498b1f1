/**
 * `aims report [paths...] --format html|md --out FILE`: the AIMS report (statement of
 * applicability, NIST AI RMF coverage, risk register with heat maps, AI system inventory and
 * findings) as one self-contained HTML file or as Markdown, from the validated workspace.
 */
import { extname } from 'node:path';
import { collectReportData } from '../report/aims-report-data.js';
import { isReportFormat, renderReport, REPORT_FORMATS, type ReportFormat } from '../report/aims-report.js';
import { CliError, ExitCode, stringOption, type CliCommand } from './cli-command.js';
import { writeCommandOutput } from './output-file.js';
import { loadCommandWorkspace, SEVERITY_OPTION, EXPIRY_WINDOW_OPTION } from './workspace-loader.js';

export const reportCommand: CliCommand = {
    name: 'report',
    summary: 'Write the AIMS report (SoA, NIST coverage, risks, systems, audits, nonconformities, management review, findings) as HTML or Markdown.',
    usage: 'report [options] [paths...]',
    description: [
        'Builds the .aims files in the given files and directories (default: the current directory)',
        'as one workspace, exactly as validate does, and writes a report for an auditor: the',
        'statement of applicability for all 38 Annex A controls, NIST AI RMF coverage through the',
        'crosswalk, the risk register with inherent and residual heat maps, the AI system inventory,',
        'the internal audit programme with its audits and findings, the nonconformity register, the',
        'last management review, and every finding with its file and line. The HTML report is one self-contained file (no',
        'scripts, no external fonts or styles) that prints one section per page; the Markdown',
        'report uses GitHub-flavoured tables. When the workspace is a git repository the report',
        'names the commit.'
    ].join('\n'),
    options: {
        format: { type: 'string', short: 'f', value: 'FORMAT', description: `Report format: ${REPORT_FORMATS.join(', ')} (default: from the --out extension, else html).` },
        out: { type: 'string', short: 'o', value: 'FILE', description: 'Write the report to FILE (default: standard output).' },
        today: { type: 'string', value: 'YYYY-MM-DD', description: 'Date the report describes: reviews and evidence expiry are judged against it (default: today, UTC).' },
        'expiry-window': EXPIRY_WINDOW_OPTION,
        severity: SEVERITY_OPTION
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
        const loaded = await loadCommandWorkspace(input);
        const today = loaded.services.aims.Settings.today();
        const data = collectReportData(loaded.services, loaded.built.documents, today, { root: loaded.workspaceRoot });
        writeCommandOutput(input, out, renderReport(data, format));
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
