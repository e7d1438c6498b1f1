/**
 * The results of one benchmark run: the JSON written to bench/results/, and the Markdown
 * tables printed at the end (sizes, ratios, and each target with met or missed).
 */

export interface ColdEntry {
    readonly name: string;
    readonly files: number;
    readonly size_bytes: number;
    /** Our server: initialize to the last document's diagnostics, full semantic validation. */
    readonly aims_ms: number;
    /** yaml-language-server: initialize to the last opened document's diagnostics, schema only. */
    readonly yaml_ls_ms: number;
    /** Lexing and parsing the same `.aims` texts with our parser alone, in process, keeping the results. */
    readonly parse_floor_ms: number;
    /** The same, each result dropped at once (less garbage-collector work than any workspace can have). */
    readonly parse_floor_discarded_ms: number;
    /** `buildWorkspace` in process: parse, index, link, every check. */
    readonly build_ms: number;
    readonly aims_peak_rss_mb?: number;
    readonly yaml_ls_peak_rss_mb?: number;
}

export interface CliEntry {
    readonly name: string;
    readonly size_bytes: number;
    readonly wall_ms: number;
    readonly peak_rss_mb: number;
}

export interface LatencyEntry {
    readonly p50_ms: number;
    readonly p95_ms: number;
    readonly samples?: number;
    readonly positions?: Array<{ what: string; p50_ms: number; p95_ms: number; items: number }>;
}

export interface BenchResults {
    readonly machine: string;
    readonly date: string;
    readonly quick: boolean;
    readonly load_average: { start: number[]; end: number[] };
    readonly cold: ColdEntry[];
    readonly cli: CliEntry[];
    readonly edit: { file_p50_ms: number; file_p95_ms: number; workspace_p50_ms: number; workspace_p95_ms: number; files: number; edits: number };
    readonly completion: LatencyEntry;
    readonly hover: LatencyEntry;
    readonly heap_bytes_per_source_byte: number;
    /** Chevrotain could build its first-character lookup for every token of our lexer. */
    readonly lexer_first_char_optimised: boolean;
    /** Diagnostics by rule code that each tool reported, per workspace: the work really happened. */
    readonly findings: Record<string, Record<string, number>>;
}

export interface TargetCheck {
    readonly target: string;
    readonly measured: string;
    readonly met: boolean;
}

const fmt = (n: number | undefined, digits = 0) => n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits);
const kb = (bytes: number) => bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1000)} KB`;

export function checkTargets(r: BenchResults): TargetCheck[] {
    const checks: TargetCheck[] = [];
    for (const c of r.cold.filter(c => c.size_bytes >= 900_000 && c.files > 1)) {
        const ratio = c.aims_ms / c.yaml_ls_ms;
        checks.push({ target: `cold ${kb(c.size_bytes)}: ours <= 0.5x yaml-language-server`, measured: `${fmt(ratio, 2)}x (${fmt(c.aims_ms)} / ${fmt(c.yaml_ls_ms)} ms)`, met: ratio <= 0.5 });
    }
    for (const c of r.cold.filter(c => c.size_bytes >= 900_000)) {
        const ratio = c.build_ms / c.parse_floor_ms;
        checks.push({ target: `full build ${c.name} <= 3x parse floor`, measured: `${fmt(ratio, 2)}x (${fmt(c.build_ms)} / ${fmt(c.parse_floor_ms)} ms)`, met: ratio <= 3 });
    }
    checks.push({ target: 'edit -> file diagnostics p95 <= 50 ms', measured: `${fmt(r.edit.file_p95_ms, 1)} ms`, met: r.edit.file_p95_ms <= 50 });
    checks.push({ target: 'edit -> workspace result p95 <= 200 ms', measured: `${fmt(r.edit.workspace_p95_ms, 1)} ms`, met: r.edit.workspace_p95_ms <= 200 });
    checks.push({ target: 'completion p95 <= 30 ms', measured: `${fmt(r.completion.p95_ms, 1)} ms`, met: r.completion.p95_ms <= 30 });
    checks.push({ target: 'heap <= 100 bytes per source byte', measured: `${fmt(r.heap_bytes_per_source_byte, 1)}`, met: r.heap_bytes_per_source_byte <= 100 });
    return checks;
}

export function markdown(r: BenchResults): string {
    const lines: string[] = [];
    lines.push(`Machine: ${r.machine}; load average at start ${r.load_average.start.map(n => n.toFixed(2)).join(' ')}, at end ${r.load_average.end.map(n => n.toFixed(2)).join(' ')}`, '');
    lines.push('### Cold start: every document validated', '');
    lines.push('| workspace | files | ours (ms) | yaml-language-server (ms) | ours / yaml-ls | parse floor (ms) | parse, results dropped (ms) | full build in process (ms) | full build / parse floor |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const c of r.cold) {
        lines.push(`| ${c.name} (${kb(c.size_bytes)}) | ${c.files} | ${fmt(c.aims_ms)} | ${fmt(c.yaml_ls_ms)} | ${fmt(c.aims_ms / c.yaml_ls_ms, 2)}x | ${fmt(c.parse_floor_ms)} | ${fmt(c.parse_floor_discarded_ms)} | ${fmt(c.build_ms)} | ${fmt(c.build_ms / c.parse_floor_ms, 2)}x |`);
    }
    lines.push('', '### CLI: aims validate', '');
    lines.push('| workspace | wall (ms) | peak RSS (MB) |', '| --- | ---: | ---: |');
    for (const c of r.cli) lines.push(`| ${c.name} (${kb(c.size_bytes)}) | ${fmt(c.wall_ms)} | ${fmt(c.peak_rss_mb)} |`);
    lines.push('', `### Interactive (${r.edit.files} files)`, '');
    lines.push('| measurement | p50 (ms) | p95 (ms) |', '| --- | ---: | ---: |');
    lines.push(`| edit -> that file's diagnostics (${r.edit.edits} edits) | ${fmt(r.edit.file_p50_ms, 1)} | ${fmt(r.edit.file_p95_ms, 1)} |`);
    lines.push(`| edit -> SoA completeness updated in another file | ${fmt(r.edit.workspace_p50_ms, 1)} | ${fmt(r.edit.workspace_p95_ms, 1)} |`);
    lines.push(`| completion | ${fmt(r.completion.p50_ms, 1)} | ${fmt(r.completion.p95_ms, 1)} |`);
    for (const p of r.completion.positions ?? []) lines.push(`| - ${p.what}, ${p.items} items | ${fmt(p.p50_ms, 1)} | ${fmt(p.p95_ms, 1)} |`);
    lines.push(`| hover | ${fmt(r.hover.p50_ms, 1)} | ${fmt(r.hover.p95_ms, 1)} |`);
    for (const p of r.hover.positions ?? []) lines.push(`| - ${p.what}, ${p.items} characters | ${fmt(p.p50_ms, 1)} | ${fmt(p.p95_ms, 1)} |`);
    lines.push('', `Heap after a full build: ${fmt(r.heap_bytes_per_source_byte, 1)} bytes per source byte. Lexer first-character optimisation: ${r.lexer_first_char_optimised ? 'on' : '**off**'}.`, '');
    lines.push('### Targets', '', '| target | measured | met |', '| --- | --- | --- |');
    for (const t of checkTargets(r)) lines.push(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
    return lines.join('\n');
}
