/**
 * Reports as the CLI, the language server and the tests ask for them: collect the data view of a
 * built workspace once, then render it as HTML or Markdown.
 */
import type { LangiumDocument } from 'langium';
import type { AimsServices } from '../language/aims-module.js';
import { collectReportData, type ReportData, type ReportDataOptions } from './aims-report-data.js';
import { renderHtmlReport, type HtmlReportOptions } from './report-html.js';
import { renderMarkdownReport } from './report-markdown.js';

export const REPORT_FORMATS = ['html', 'md'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

export function isReportFormat(name: string): name is ReportFormat {
    return (REPORT_FORMATS as readonly string[]).includes(name);
}

export function renderReport(data: ReportData, format: ReportFormat, options: HtmlReportOptions = {}): string {
    return format === 'html' ? renderHtmlReport(data, options) : renderMarkdownReport(data);
}

export interface WorkspaceReportOptions extends ReportDataOptions, HtmlReportOptions {
    readonly format: ReportFormat;
    /** `YYYY-MM-DD`; by default the settings' today. */
    readonly today?: string;
}

/** The report of a built and validated workspace, for its user documents. */
export function reportOfWorkspace(services: AimsServices, documents: readonly LangiumDocument[], options: WorkspaceReportOptions): string {
    const today = options.today ?? services.aims.Settings.today();
    const data = collectReportData(services, documents, today, options);
    return renderReport(data, options.format, options);
}
