/**
 * CSV as auditors open it in Excel: UTF-8 with a byte order mark, CRLF line ends, every field
 * quoted where it must be. Parsing and writing are csv-parse's and csv-stringify's (node-csv);
 * this file only fixes the dialect and turns their errors into located messages.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export class CsvError extends Error {}

/** One parsed row: the values by header, and the line it starts on (1-based, header is line 1). */
export interface CsvRecord {
    readonly line: number;
    readonly values: Readonly<Record<string, string>>;
}

export function writeCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
    return '\uFEFF' + stringify([header as string[], ...rows.map(r => [...r])], { record_delimiter: '\r\n' });
}

/** Parse a CSV with a header row; comma or semicolon separated (Excel in many locales writes `;`). */
export function readCsv(text: string): { header: string[]; records: CsvRecord[] } {
    const body = text.replace(/^\uFEFF/, '');
    const firstLine = body.slice(0, body.search(/\r?\n|$/));
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    let rows: Array<{ record: string[]; info: { lines: number } }>;
    try {
        rows = parse(body, { delimiter, relax_column_count: false, skip_empty_lines: true, info: true, trim: true }) as unknown as typeof rows;
    } catch (error) {
        const e = error as { message?: string; lines?: number; code?: string };
        const where = e.lines !== undefined ? `line ${e.lines}: ` : '';
        const fields = /expect (\d+), got (\d+)/.exec(e.message ?? '');
        const what = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is not closed'
            : fields ? `the row has ${fields[2]} fields, the header ${fields[1]}`
            : (e.message ?? String(error)).replace(/^[^:]*: /, '');
        throw new CsvError(`${where}${what}`);
    }
    if (rows.length === 0) {
        throw new CsvError('the file is empty: a header row is needed');
    }
    const header = rows[0].record;
    const records = rows.slice(1).map(({ record, info }) => ({
        line: info.lines,
        values: Object.fromEntries(header.map((name, i) => [name, record[i] ?? '']))
    }));
    return { header, records };
}

/**
 * A record's fields by the name an importer knows them under, read from the sheet column that
 * `columns` maps it to (the same name by default), trimmed; `list` splits a cell of several values.
 */
export function fieldsOf(record: CsvRecord, columns: Readonly<Record<string, string | undefined>>): { value(field: string): string; list(field: string): string[] } {
    const value = (field: string) => (record.values[columns[field] ?? field] ?? '').trim();
    return { value, list: field => value(field).split(/[,;\n]/).map(s => s.trim()).filter(Boolean) };
}
