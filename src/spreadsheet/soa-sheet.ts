/**
 * The statement of applicability as a spreadsheet: one row per Annex A control (those without an
 * entry say so) and per organisation control, then, where the workspace keeps one, per ISO/IEC
 * 27001 Annex A control, in a fixed column order; and back from such a sheet, or one a GRC tool
 * exported, to a `soa` block (and a `soa iso27001` block for the 27001 rows). Import never drops a row silently: every
 * row it cannot turn into an entry comes back with its line and the reason.
 */
import { aimsString } from '../catalog/catalog-document.js';
import { catalog } from '../catalog/catalog.js';
import { controlIdOf, type AimsModel } from '../model/aims-model.js';
import { NAME, CONTROL_ID } from '../language/aims-ids.js';
import { standardOfControl } from '../model/aims-model.js';
import { fieldsOf, type CsvRecord } from './csv.js';

/** The Kind column of an ISO/IEC 27001 row. */
const ISO27001_KIND = 'ISO/IEC 27001 Annex A';

export const SOA_COLUMNS = ['Control', 'Title', 'Kind', 'Decision', 'Status', 'Owner', 'Justification', 'Note', 'Treats', 'Systems', 'Evidence'] as const;
export type SoaColumn = typeof SOA_COLUMNS[number];

export function soaSheet(model: AimsModel): string[][] {
    const orgControls = model.all('OrgControl');
    const iso27001 = model.soaBlocks('iso27001').length > 0 ? catalog.ofKind('iso27001-control').map(c => c.id) : [];
    const ids = [...catalog.annexAControls.map(c => c.id), ...orgControls.map(c => c.name), ...iso27001];
    return ids.map(id => {
        const entry = model.soaEntryFor(id);
        const title = catalog.find(id)?.title ?? orgControls.find(c => c.name === id)?.title ?? '';
        const standard = standardOfControl(id);
        const kind = standard === 'iso42001' ? 'Annex A' : standard === 'iso27001' ? ISO27001_KIND : 'organisation';
        if (!entry) {
            return [id, title, kind, 'missing', '', '', '', '', '', '', ''];
        }
        const names = (refs: ReadonlyArray<{ $refText: string }>) => refs.map(r => r.$refText).join(', ');
        return [
            controlIdOf(entry), title, kind, entry.decision, entry.status ?? '', entry.owner?.$refText ?? '',
            entry.justification ?? '', entry.note ?? '', names(entry.risks), names(entry.systems), names(entry.evidence)
        ];
    });
}

/** Which sheet column holds each field: the SoA columns by default, renamed by `--columns`. */
export type ColumnMap = Readonly<Partial<Record<SoaColumn, string>>>;

export interface SkippedRow {
    readonly line: number;
    readonly reason: string;
}

export interface SoaImport {
    readonly text: string;
    readonly entries: number;
    readonly skipped: readonly SkippedRow[];
}

const DECISIONS = ['applicable', 'excluded', 'undecided'];
const STATUSES = ['planned', 'in-progress', 'implemented'];

export function importSoa(records: readonly CsvRecord[], columns: ColumnMap = {}): SoaImport {
    const lines: string[] = [];
    // ISO/IEC 27001 rows (27001:A.5.15) belong in the ISMS statement of applicability.
    const isms: string[] = [];
    const skipped: SkippedRow[] = [];
    const seen = new Map<string, number>();
    for (const record of records) {
        const { value, list } = fieldsOf(record, columns);
        const id = value('Control');
        const decision = value('Decision').toLowerCase();
        const skip = (reason: string) => skipped.push({ line: record.line, reason });
        if (!id) { skip('no control id'); continue; }
        const iso27001 = standardOfControl(id) === 'iso27001';
        if (!CONTROL_ID.test(id) && !iso27001) { skip(`'${id}' is not a control id (such as A.6.2.4, ACME.1 or 27001:A.5.15)`); continue; }
        const block = iso27001 ? isms : lines;
        if (decision === 'missing' || decision === '') { skip(`${id}: no decision (${decision || 'empty'}), so no entry`); continue; }
        if (!DECISIONS.includes(decision)) { skip(`${id}: decision '${value('Decision')}' is not one of ${DECISIONS.join(', ')}`); continue; }
        const earlier = seen.get(id);
        if (earlier !== undefined) { skip(`${id} was already imported from line ${earlier}`); continue; }
        const status = value('Status').toLowerCase();
        if (status && !STATUSES.includes(status)) { skip(`${id}: status '${value('Status')}' is not one of ${STATUSES.join(', ')}`); continue; }
        const owner = value('Owner');
        const names = { Treats: list('Treats'), Systems: list('Systems'), Evidence: list('Evidence') };
        const bad = [...(owner ? [owner] : []), ...names.Treats, ...names.Systems, ...names.Evidence].find(n => !NAME.test(n));
        if (bad) { skip(`${id}: '${bad}' is not a name of the workspace (a person, risk, system or evidence)`); continue; }
        seen.set(id, record.line);
        const justification = value('Justification');
        const because = justification ? ` because ${aimsString(justification)}` : '';
        if (decision !== 'applicable') {
            block.push(`    control ${id} ${decision}${decision === 'excluded' ? because : ''}`);
            continue;
        }
        const fields = [
            status && `status ${status}`,
            owner && `owner ${owner}`,
            names.Treats.length > 0 && `treats ${names.Treats.join(', ')}`,
            names.Systems.length > 0 && `systems ${names.Systems.join(', ')}`,
            names.Evidence.length > 0 && `evidence ${names.Evidence.join(', ')}`,
            value('Note') && `note ${aimsString(value('Note'))}`
        ].filter((f): f is string => Boolean(f));
        block.push(`    control ${id} applicable${because}${fields.length > 0 ? ` { ${fields.join(' ')} }` : ''}`);
    }
    const text = [
        ...(lines.length > 0 || isms.length === 0 ? [`soa ${aimsString('Statement of applicability')} {`, ...lines, '}'] : []),
        ...(isms.length > 0 && lines.length > 0 ? [''] : []),
        ...(isms.length > 0 ? [`soa iso27001 ${aimsString('ISMS statement of applicability')} {`, ...isms, '}'] : []),
        ''
    ].join('\n');
    return { text, entries: lines.length + isms.length, skipped };
}
