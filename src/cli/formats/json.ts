/**
 * `--format json`: the findings as one JSON object for scripts. The shape is documented in
 * docs/cli.md; keep the two in step.
 */
import { byPosition } from '../findings.js';
import type { OutputFormatter } from './output-format.js';

export const formatJson: OutputFormatter = (result, context) => {
    const shown = context.showSuppressed ? [...result.findings, ...result.suppressed].sort(byPosition) : result.findings;
    const output = {
        files: result.files,
        ...(result.workspace ? { workspace: result.workspace } : {}),
        errors: result.errors,
        warnings: result.warnings,
        suppressed: result.suppressed.length,
        diagnostics: shown.map(f => ({
            file: f.file,
            line: f.line,
            column: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            severity: f.severity,
            code: f.code,
            message: f.message,
            ...(f.suggestions ? { suggestions: f.suggestions } : {}),
            ...(f.suppression ? { suppression: { justification: f.suppression.justification, line: f.suppression.line } } : {})
        }))
    };
    return JSON.stringify(output, null, 2) + '\n';
};
