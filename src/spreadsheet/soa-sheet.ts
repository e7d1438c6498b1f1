/**
 * The statement of applicability as a spreadsheet: one row per Annex A control (those without an
 * entry say so) and per organisation control, in a fixed column order; and back from such a
 * sheet, or one a GRC tool exported, to a `soa` block. Import never drops a row silently: every
 * row it cannot turn into an entry comes back with its line and the reason.
 */
import { aimsString } from '../catalog/catalog-document.js';
import { catalog } from '../catalog/catalog.js';
import { controlIdOf, type AimsModel } from '../model/aims-model.js';
import { NAME, CONTROL_ID } from '../language/aims-ids.js';
import { fieldsOf, type CsvRecord } from './csv.js';

export const SOA_COLUMNS = ['Control', 'Title', 'Kind', 'Decision', 'Status', 'Owner', 'Justification', 'Note', 'Treats', 'Systems', 'Evidence'] as const;
export type SoaColumn = typeof SOA_COLUMNS[number];

export function soaSheet(model: AimsModel): string[][] {
    const orgControls = model.all('OrgControl');
    const ids = [...catalog.annexAControls.map(c => c.id), ...orgControls.map(c => c.name)];
    return ids.map(id => {
        const entry = model.soaEntryFor(id);
        const title = catalog.get('annex-a-control', id)?.title ?? orgControls.find(c => c.name === id)?.title ?? '';
        const kind = catalog.get('annex-a-control', id) ? 'Annex A' : 'organisation';
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
    const skipped: SkippedRow[] = [];
    const seen = new Map<string, number>();
    for (const record of records) {
        const { value, list } = fieldsOf(record, columns);
        const id = value('Control');
        const decision = value('Decision').toLowerCase();
        const skip = (reason: string) => skipped.push({ line: record.line, reason });
        if (!id) { skip('no control id'); continue; }
        if (!CONTROL_ID.test(id)) { skip(`'${id}' is not a control id (such as A.6.2.4 or ACME.1)`); continue; }
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
            lines.push(`    control ${id} ${decision}${decision === 'excluded' ? because : ''}`);
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
        lines.push(`    control ${id} applicable${because}${fields.length > 0 ? ` { ${fields.join(' ')} }` : ''}`);
    }
    const text = [`soa ${aimsString('Statement of applicability')} {`, ...lines, '}', ''].join('\n');
    return { text, entries: lines.length, skipped };
}
