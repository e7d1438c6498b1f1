/**
 * The engine's diagnostics as the CLI reports them: one flat, sorted list of findings with
 * file paths and 1-based positions, which every output format renders.
 */
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { BuiltWorkspace } from '../workspace/aims-workspace.js';
import type { AimsDiagnosticData } from '../validation/aims-document-validator.js';
import type { RuleSeverity } from '../validation/rules.js';
import { display, type CollectedFiles, type RootFoundBy } from './workspace-loader.js';

export interface Finding {
    /** Path relative to the current directory, as the user typed it. */
    readonly file: string;
    /** Absolute path, for formats that need another base (SARIF, GitHub). */
    readonly path: string;
    /** 1-based. */
    readonly line: number;
    /** 1-based, in UTF-16 code units (as editors count). */
    readonly column: number;
    readonly endLine: number;
    /** 1-based and exclusive: the column just after the finding. */
    readonly endColumn: number;
    readonly severity: RuleSeverity;
    /** Rule code, `aims/<rule>`. */
    readonly code: string;
    readonly message: string;
    /** Replacement candidates for an unknown id or name, best first. */
    readonly suggestions?: readonly string[];
}

/** Where the findings come from: the workspace root and how it was found. */
export interface WorkspaceNote {
    /** The root, relative to the current directory (`.` for it). */
    readonly root: string;
    /** `config`: the folder of aims.config.json; `repository`: the git root; `paths`: the common folder of the paths. */
    readonly foundBy: RootFoundBy;
    /** The config file relative to the current directory, if one is used. */
    readonly config?: string;
    /** `.aims` files loaded (the reported ones and the rest of the workspace). */
    readonly files: number;
}

export interface ValidationResult {
    /** Number of `.aims` files validated (findings are reported for these). */
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    /** Sorted by file, then position. */
    readonly findings: readonly Finding[];
    readonly workspace?: WorkspaceNote;
}

const SEVERITY: Record<DiagnosticSeverity, RuleSeverity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint'
};

/**
 * Every diagnostic of the user's documents, with paths relative to `cwd`; with `loaded`, only
 * those of the files the user named, and a note on the workspace they were checked in.
 */
export function collectFindings(built: BuiltWorkspace, cwd: string, loaded?: CollectedFiles): ValidationResult {
    const findings: Finding[] = [];
    const documents = built.documents.filter(document => !loaded || loaded.reported.has(fileURLToPath(document.uri.toString())));
    for (const document of documents) {
        const path = fileURLToPath(document.uri.toString());
        const file = display(path, cwd);
        for (const diagnostic of built.diagnosticsOf(document)) {
            findings.push(toFinding(diagnostic, file, path));
        }
    }
    findings.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column
        || a.endLine - b.endLine || a.endColumn - b.endColumn || compare(a.code, b.code) || compare(a.message, b.message));
    const workspace = loaded && {
        root: display(loaded.workspaceRoot, cwd),
        foundBy: loaded.rootFoundBy,
        ...(loaded.config ? { config: display(loaded.config.path, cwd) } : {}),
        files: loaded.files.length
    };
    return {
        files: documents.length,
        errors: findings.filter(f => f.severity === 'error').length,
        warnings: findings.filter(f => f.severity === 'warning').length,
        findings,
        ...(workspace ? { workspace } : {})
    };
}

/** Code-point order, so the output does not depend on the machine's locale. */
function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function toFinding(diagnostic: Diagnostic, file: string, path: string): Finding {
    const { start, end } = diagnostic.range;
    const data = diagnostic.data as Partial<AimsDiagnosticData> | undefined;
    const suggestions = data?.suggestions?.length ? { suggestions: data.suggestions } : {};
    return {
        file, path,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: SEVERITY[diagnostic.severity ?? DiagnosticSeverity.Error],
        // Every AIMS diagnostic carries a rule code; a bare Langium one is still a finding.
        code: String(diagnostic.code ?? data?.code ?? 'aims/unknown'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        ...suggestions
    };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `3 errors, 2 warnings in 7 files; workspace aims (aims.config.json)`, or `in 2 of 7 files`
 * when only some files were named: the counts, and which workspace root was used and why.
 */
export function summaryLine(result: ValidationResult): string {
    const workspace = result.workspace;
    const files = workspace && workspace.files !== result.files ? `${result.files} of ${plural(workspace.files, 'file')}` : plural(result.files, 'file');
    const counts = `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in ${files}`;
    return workspace ? `${counts}; workspace ${workspace.root} (${FOUND_BY[workspace.foundBy]})` : counts;
}

const FOUND_BY: Record<RootFoundBy, string> = {
    config: 'aims.config.json',
    repository: 'git repository',
    paths: 'folder of the paths'
};
