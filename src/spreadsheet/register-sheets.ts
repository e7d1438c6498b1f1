/**
 * The risk register and the coverage figures as spreadsheets, for auditors and GRC tools: one
 * row per risk, one row per NIST AI RMF subcategory and per requirement of each declared
 * framework, in a fixed column order. Built from the report data, so they say what the report says.
 * A risk register sheet also imports back into risk declarations.
 */
import { aimsString } from '../catalog/catalog-document.js';
import type { ReportData } from '../report/aims-report-data.js';
import { NAME, CONTROL_ID } from '../language/aims-ids.js';
import { fieldsOf, type CsvRecord } from './csv.js';
import type { SkippedRow } from './soa-sheet.js';
import { COVERAGE_LEVEL_LABEL, coverageWhy } from '../report/report-labels.js';

export const RISK_COLUMNS = [
    'Risk', 'Title', 'Systems', 'Sources', 'Affects', 'Assessed', 'Inherent likelihood', 'Inherent impact', 'Inherent score', 'Treatment', 'Controls',
    'Residual likelihood', 'Residual impact', 'Residual score', 'Owner', 'Accepted by', 'Accepted on', 'Next review'
] as const;

export function riskSheet(data: ReportData): string[][] {
    const n = (v: number | undefined) => v === undefined ? '' : String(v);
    return data.risks.map(r => [
        r.id, r.title, r.systems.map(s => s.id).join(', '), r.sources.map(s => s.id).join(', '), r.affects.join(', '), r.assessed ?? '',
        n(r.inherent?.likelihood), n(r.inherent?.impact), n(r.inherent?.score), r.treatment ?? '', r.controls.map(c => c.id).join(', '),
        n(r.residual?.likelihood), n(r.residual?.impact), n(r.residual?.score), r.owner?.id ?? '', r.acceptedBy?.id ?? '', r.acceptedOn ?? '', r.nextReview ?? ''
    ]);
}

export const COVERAGE_COLUMNS = ['Framework', 'Id', 'Title', 'Coverage', 'Why', 'Mapped controls', 'Evidence'] as const;

export function coverageSheet(data: ReportData): string[][] {
    const nist = data.nist.flatMap(f => f.categories.flatMap(c => c.subcategories)).map(s => [
        'NIST AI RMF 1.0', s.id, s.title, COVERAGE_LEVEL_LABEL[s.level], coverageWhy(s), s.controls.join(', '), s.evidence.join(', ')
    ]);
    const own = data.frameworks.flatMap(fw => fw.requirements.map(r => [
        fw.id, r.id, r.title, COVERAGE_LEVEL_LABEL[r.level], coverageWhy(r), r.controls.join(', '), r.evidence.join(', ')
    ]));
    return [...nist, ...own];
}

/** The columns a risk sheet must have for an import. */
export const REQUIRED_RISK_COLUMNS = ['Risk', 'Title'] as const;

const TREATMENTS = ['mitigate', 'avoid', 'transfer', 'accept'];
const AFFECTED = ['individuals', 'groups', 'society', 'organisation'];

/**
 * Risk declarations from a risk register sheet (the columns of RISK_COLUMNS; scores are
 * computed, so they are not read). Every row that cannot become a risk comes back with its line
 * and the reason.
 */
export function importRisks(records: readonly CsvRecord[], columns: Readonly<Record<string, string>> = {}): { text: string; risks: number; skipped: SkippedRow[] } {
    const out: string[] = [];
    const skipped: SkippedRow[] = [];
    const seen = new Map<string, number>();
    for (const record of records) {
        const { value, list } = fieldsOf(record, columns);
        const skip = (reason: string) => skipped.push({ line: record.line, reason });
        const id = value('Risk');
        const title = value('Title');
        if (!id) { skip('no risk id'); continue; }
        if (!NAME.test(id)) { skip(`'${id}' is not a name (letters, digits, '-' and '_', starting with a letter)`); continue; }
        if (!title) { skip(`${id}: no title`); continue; }
        const earlier = seen.get(id);
        if (earlier !== undefined) { skip(`${id} was already imported from line ${earlier}`); continue; }
        const rating = (kind: 'Inherent' | 'Residual'): string | undefined | false => {
            const l = value(`${kind} likelihood`);
            const i = value(`${kind} impact`);
            if (!l && !i) return undefined;
            if (!/^\d+$/.test(l) || !/^\d+$/.test(i)) { skip(`${id}: ${kind.toLowerCase()} likelihood '${l}' and impact '${i}' must both be whole numbers`); return false; }
            return `${kind.toLowerCase()} likelihood ${l} impact ${i}`;
        };
        const inherent = rating('Inherent');
        if (inherent === false) continue;
        const residual = rating('Residual');
        if (residual === false) continue;
        const treatment = value('Treatment').toLowerCase();
        if (treatment && !TREATMENTS.includes(treatment)) { skip(`${id}: treatment '${value('Treatment')}' is not one of ${TREATMENTS.join(', ')}`); continue; }
        const controls = list('Controls');
        const badControl = controls.find(c => !CONTROL_ID.test(c));
        if (badControl) { skip(`${id}: '${badControl}' is not a control id (such as A.6.2.4 or ACME.1)`); continue; }
        const people = [value('Owner'), value('Accepted by')].filter(Boolean);
        const names = [...list('Systems'), ...people];
        const badName = names.find(n => !NAME.test(n));
        if (badName) { skip(`${id}: '${badName}' is not a name of the workspace (a system or a person)`); continue; }
        const affects = list('Affects');
        const badAffected = affects.find(a => !AFFECTED.includes(a));
        if (badAffected) { skip(`${id}: affects '${badAffected}' is not one of ${AFFECTED.join(', ')}`); continue; }
        const dates = [value('Assessed'), value('Accepted on'), value('Next review')].filter(Boolean);
        const badDate = dates.find(d => !/^\d{4}-\d{2}-\d{2}$/.test(d));
        if (badDate) { skip(`${id}: '${badDate}' is not a date (YYYY-MM-DD)`); continue; }
        seen.set(id, record.line);
        const fields = [
            list('Systems').length > 0 && `systems ${list('Systems').join(', ')}`,
            list('Sources').length > 0 && `sources ${list('Sources').join(', ')}`,
            affects.length > 0 && `affects ${affects.join(', ')}`,
            value('Assessed') && `assessed ${value('Assessed')}`,
            inherent,
            treatment && `treatment ${treatment}${controls.length > 0 ? ` with ${controls.join(', ')}` : ''}`,
            residual,
            value('Owner') && `owner ${value('Owner')}`,
            value('Accepted by') && `accepted by ${value('Accepted by')}${value('Accepted on') ? ` on ${value('Accepted on')}` : ''}`,
            value('Next review') && `review ${value('Next review')}`
        ].filter((f): f is string => Boolean(f));
        out.push(`risk ${id} ${aimsString(title)} {`, ...fields.map(f => `    ${f}`), '}', '');
    }
    return { text: out.join('\n'), risks: seen.size, skipped };
}
