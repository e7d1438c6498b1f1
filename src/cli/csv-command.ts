/**
 * `aims export csv --kind soa|risks|coverage [paths...]` and `aims import csv --kind soa|risks <file.csv>`:
 * the statement of applicability, the risk register and the coverage figures as the spreadsheets
 * auditors open (src/spreadsheet/), and SoA and risk sheets back into declarations.
 */
import { resolve } from 'node:path';
import { collectReportData } from '../report/aims-report-data.js';
import { CsvError, readCsv, writeCsv } from '../spreadsheet/csv.js';
import { COVERAGE_COLUMNS, coverageSheet, importRisks, REQUIRED_RISK_COLUMNS, RISK_COLUMNS, riskSheet } from '../spreadsheet/register-sheets.js';
import { importSoa, SOA_COLUMNS, soaSheet, type ColumnMap } from '../spreadsheet/soa-sheet.js';
import { CliError, ExitCode, stringOption, type CliCommand } from './cli-command.js';
import { readInputFile, writeCommandOutput } from './output-file.js';
import { display, EXPIRY_WINDOW_OPTION, loadCommandWorkspace, SEVERITY_OPTION } from './workspace-loader.js';

const EXPORT_KINDS = ['soa', 'risks', 'coverage'] as const;

export const exportCsvCommand: CliCommand = {
    name: 'export csv',
    summary: 'Write the SoA, the risk register or the coverage figures as a CSV file for Excel.',
    usage: 'export csv --kind soa|risks|coverage [options] [paths...]',
    description: [
        'Builds the workspace as validate does and writes one spreadsheet as CSV: UTF-8 with a byte',
        'order mark and CRLF line ends, so Excel opens it with the right characters, one row per',
        'control, risk or requirement, columns in a fixed order:',
        `  soa       ${SOA_COLUMNS.join(', ')}`,
        '            (every Annex A control; those without an entry have the decision "missing")',
        `  risks     ${RISK_COLUMNS.join(', ')}`,
        `  coverage  ${COVERAGE_COLUMNS.join(', ')}`,
        '            (every NIST AI RMF subcategory and every requirement of your frameworks)',
        'An SoA sheet imports back with aims import csv --kind soa.'
    ].join('\n'),
    options: {
        kind: { type: 'string', value: 'KIND', description: `What to write: ${EXPORT_KINDS.join(', ')} (required).` },
        out: { type: 'string', short: 'o', value: 'FILE', description: 'Write the CSV to FILE (default: standard output).' },
        today: { type: 'string', value: 'YYYY-MM-DD', description: 'Date the figures describe (default: today, UTC).' },
        'expiry-window': EXPIRY_WINDOW_OPTION,
        severity: SEVERITY_OPTION
    },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    epilogue: [
        'Exit codes: 0 written, 2 bad usage, unreadable input or unwritable output.',
        '',
        'Examples:',
        '  aims export csv aims/ --kind soa --out soa.csv',
        '  aims export csv aims/ --kind coverage --today 2026-06-01 > coverage.csv'
    ].join('\n'),

    async run(input, out) {
        const kind = stringOption(input, 'kind');
        if (!kind || !(EXPORT_KINDS as readonly string[]).includes(kind)) {
            throw new CliError(kind ? `unknown kind '${kind}' (use one of: ${EXPORT_KINDS.join(', ')})` : `--kind is required: ${EXPORT_KINDS.join(', ')}`, { usage: true });
        }
        const loaded = await loadCommandWorkspace(input);
        const model = loaded.services.aims.Model;
        let text: string;
        if (kind === 'soa') {
            text = writeCsv(SOA_COLUMNS, soaSheet(model));
        } else {
            const today = loaded.services.aims.Settings.today();
            const data = collectReportData(loaded.services, loaded.built.documents, today, { root: loaded.workspaceRoot, commit: false });
            text = kind === 'risks' ? writeCsv(RISK_COLUMNS, riskSheet(data)) : writeCsv(COVERAGE_COLUMNS, coverageSheet(data));
        }
        writeCommandOutput(input, out, text);
        return ExitCode.ok;
    }
};

export const importCsvCommand: CliCommand = {
    name: 'import csv',
    summary: 'Turn a statement of applicability or risk register spreadsheet (CSV) into .aims declarations.',
    usage: 'import csv --kind soa|risks <file.csv> [options]',
    description: [
        'Reads a CSV with a header row (comma or semicolon separated, as Excel writes it in your',
        'locale) and writes the soa block or the risk declarations it describes. The columns are',
        'those of aims export csv --kind soa or risks; Control and Decision (soa), Risk and Title',
        '(risks) are required, the others optional; scores are computed, not read. --columns maps',
        'the columns of another tool\'s sheet: --columns "Control=Ref,Decision=Applicable?".',
        'Every row that cannot become an entry is listed on standard error with its line and why',
        '(a missing decision, an unknown status, a control imported twice, ...): none is dropped',
        'silently, and the command then exits 1.'
    ].join('\n'),
    options: {
        kind: { type: 'string', value: 'KIND', description: 'What the sheet holds: soa or risks (required).' },
        columns: { type: 'string', value: 'MAP', description: 'Sheet column for each field, as FIELD=COLUMN,... (the fields are the columns of aims export csv for the kind).' },
        out: { type: 'string', short: 'o', value: 'FILE', description: 'Write the soa block or the risks to FILE (default: standard output).' }
    },
    positionals: { min: 1, max: 1 },
    epilogue: [
        'Exit codes: 0 every row imported, 1 some rows could not be imported (listed), 2 bad usage,',
        'an unreadable or malformed CSV, or missing columns.',
        '',
        'Example:',
        '  aims import csv --kind soa grc-export.csv --columns "Control=Ref,Decision=Status in scope" --out aims/soa.aims'
    ].join('\n'),

    async run(input, out) {
        const kind = stringOption(input, 'kind');
        if (kind !== 'soa' && kind !== 'risks') {
            throw new CliError(kind ? `unknown kind '${kind}': aims import csv reads soa and risks sheets` : '--kind is required: soa or risks', { usage: true });
        }
        const fields: readonly string[] = kind === 'soa' ? SOA_COLUMNS : RISK_COLUMNS;
        const file = input.positionals[0];
        const path = resolve(input.cwd, file);
        const shown = display(path, input.cwd);
        const text = readInputFile(file, input.cwd);
        const columns = columnMap(stringOption(input, 'columns'), fields);
        let sheet: ReturnType<typeof readCsv>;
        try {
            sheet = readCsv(text);
        } catch (error) {
            if (error instanceof CsvError) throw new CliError(`${shown}: ${error.message}`);
            throw error;
        }
        const required: readonly string[] = kind === 'soa' ? ['Control', 'Decision'] : REQUIRED_RISK_COLUMNS;
        const missing = required.map(c => columns[c] ?? c).filter(name => !sheet.header.includes(name));
        if (missing.length > 0) {
            throw new CliError(`${shown}: no column ${missing.map(c => `'${c}'`).join(' or ')} in the header (it has ${sheet.header.map(h => `'${h}'`).join(', ')}); name the column with --columns`);
        }
        const result = kind === 'soa' ? importSoa(sheet.records, columns as ColumnMap) : importRisks(sheet.records, columns);
        writeCommandOutput(input, out, result.text);
        for (const row of result.skipped) {
            out.stderr(`${shown}:${row.line}: not imported: ${row.reason}\n`);
        }
        const count = 'entries' in result ? `${result.entries} entr${result.entries === 1 ? 'y' : 'ies'}` : `${result.risks} risk${result.risks === 1 ? '' : 's'}`;
        out.stderr(`${count} imported, ${result.skipped.length} row${result.skipped.length === 1 ? '' : 's'} not imported\n`);
        return result.skipped.length > 0 ? ExitCode.findings : ExitCode.ok;
    }
};

function columnMap(text: string | undefined, fields: readonly string[]): Record<string, string> {
    if (!text) return {};
    const map: Record<string, string> = {};
    for (const pair of text.split(',')) {
        const [field, column] = pair.split('=').map(s => s?.trim());
        if (!field || !column || !fields.includes(field)) {
            throw new CliError(`--columns: '${pair.trim()}' is not FIELD=COLUMN with a field of ${fields.join(', ')}`, { usage: true });
        }
        map[field] = column;
    }
    return map;
}
