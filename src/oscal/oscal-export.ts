/**
 * The OSCAL export's entry point: one of five models from the report data, serialised the same
 * way every time (stable key order, two-space indent, final newline), so re-exports diff cleanly.
 */
import type { CommitInfo, ReportData } from '../report/aims-report-data.js';
import { oscalAssessmentResults } from './oscal-assessment-results.js';
import { oscalCatalog } from './oscal-catalog.js';
import { oscalMapping } from './oscal-mapping.js';
import { oscalComponentDefinition } from './oscal-component-definition.js';
import type { OscalExportOptions } from './oscal-context.js';
import { oscalSsp } from './oscal-ssp.js';

export const OSCAL_MODELS = ['catalog', 'component-definition', 'ssp', 'assessment-results', 'mapping'] as const;
export type OscalModelName = typeof OSCAL_MODELS[number];

export function isOscalModel(name: string): name is OscalModelName {
    return (OSCAL_MODELS as readonly string[]).includes(name);
}

export function exportOscal(data: ReportData, model: OscalModelName, options: OscalExportOptions): object {
    switch (model) {
        case 'catalog': return oscalCatalog(data, options);
        case 'component-definition': return oscalComponentDefinition(data, options);
        case 'ssp': return oscalSsp(data, options);
        case 'assessment-results': return oscalAssessmentResults(data, options);
        case 'mapping': return oscalMapping(data, options);
    }
}

export function serializeOscal(document: object): string {
    return JSON.stringify(document, null, 2) + '\n';
}

/**
 * `last-modified` for an export: the given day at midnight UTC, else the commit's date (in UTC,
 * whole seconds), else the report date at midnight UTC.
 */
export function oscalTimestamp(today: string | undefined, commit: CommitInfo | undefined, fallbackDay: string): string {
    if (today) {
        return `${today}T00:00:00Z`;
    }
    const committed = commit?.date ? new Date(commit.date) : undefined;
    if (committed && !Number.isNaN(committed.getTime())) {
        return committed.toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    return `${fallbackDay}T00:00:00Z`;
}
