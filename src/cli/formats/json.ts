/**
 * `--format json`: the findings as one JSON object for scripts. The shape is documented in
 * docs/cli.md; keep the two in step.
 */
import type { OutputFormatter } from './output-format.js';

export const formatJson: OutputFormatter = result => {
    const output = {
        files: result.files,
        ...(result.workspace ? { workspace: result.workspace } : {}),
        errors: result.errors,
        warnings: result.warnings,
        diagnostics: result.findings.map(f => ({
            file: f.file,
            line: f.line,
            column: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            severity: f.severity,
            code: f.code,
            message: f.message,
            ...(f.suggestions ? { suggestions: f.suggestions } : {})
        }))
    };
    return JSON.stringify(output, null, 2) + '\n';
};
