/**
 * The risk register and the coverage figures as spreadsheets, for auditors and GRC tools: one
 * row per risk, one row per NIST AI RMF subcategory and per requirement of each declared
 * framework, in a fixed column order. Built from the report data, so they say what the report says.
 */
import type { ReportData } from '../report/aims-report-data.js';
import { COVERAGE_LEVEL_LABEL, coverageWhy } from '../report/report-labels.js';

export const RISK_COLUMNS = [
    'Risk', 'Title', 'Systems', 'Sources', 'Inherent likelihood', 'Inherent impact', 'Inherent score', 'Treatment', 'Controls',
    'Residual likelihood', 'Residual impact', 'Residual score', 'Owner', 'Accepted by', 'Accepted on', 'Next review'
] as const;

export function riskSheet(data: ReportData): string[][] {
    const n = (v: number | undefined) => v === undefined ? '' : String(v);
    return data.risks.map(r => [
        r.id, r.title, r.systems.map(s => s.id).join(', '), r.sources.map(s => s.id).join(', '),
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
