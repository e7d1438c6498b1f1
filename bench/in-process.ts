/**
 * Measurements that run the engine inside one Node process, each in a fresh child process so
 * that one measurement's heap and JIT state never leak into the next:
 * - the parse floor: lexing and parsing every `.aims` text with our parser alone;
 * - the full build: `buildWorkspace` (catalogs, parse, index, link, validate every category);
 * - the heap after a full build, per source byte (needs `--expose-gc`);
 * - optionally Langium's profiler over one full build, summed per parser rule, reference and check.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DefaultLangiumProfiler, EmptyFileSystem, URI, type ProfilingRecord } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAimsServices, type AimsServices } from '../src/language/aims-module.js';
import { buildWorkspace, type SourceText } from '../src/workspace/aims-workspace.js';
import { BENCH_TODAY } from './generator.js';
import { filesBelow } from './workspaces.js';

export interface ProbeResult {
    readonly files: number;
    readonly bytes: number;
    readonly samples: number[];
    /** Parse floor only: whether the lexer kept Chevrotain's first-character optimisation. */
    readonly lexerFirstCharOptimised?: boolean;
    /** Parse floor only: the same parses with each result dropped at once. */
    readonly discardedSamples?: number[];
    /** Diagnostics of the last full build, by code (shows the planted findings were found). */
    readonly diagnostics?: Record<string, number>;
    readonly heapBytes?: number;
    readonly profile?: ProfileLine[];
}

export interface ProfileLine {
    readonly category: string;
    readonly element: string;
    readonly count: number;
    readonly ms: number;
}

function readSources(aimsRoot: string): SourceText[] {
    return filesBelow(aimsRoot, '.aims').map(path => ({ uri: URI.file(path), text: readFileSync(path, 'utf8') }));
}

/**
 * Lex and parse each text with the production parser; nothing else. `samples` keep every parse
 * result until the repetition ends, as a workspace keeps its documents (the garbage collector
 * then has to move the trees, as in a real build); `discardedSamples` drop each result at once.
 */
export function parseFloor(aimsRoot: string, reps: number): ProbeResult {
    const sources = readSources(aimsRoot);
    const parser = createAimsServices(EmptyFileSystem).Aims.parser.LangiumParser;
    const samples: number[] = [];
    const discardedSamples: number[] = [];
    let errors = 0;
    for (let i = 0; i < reps; i++) {
        const kept: unknown[] = [];
        let start = performance.now();
        for (const source of sources) {
            const result = parser.parse(source.text);
            errors += result.lexerErrors.length + result.parserErrors.length;
            kept.push(result);
        }
        samples.push(performance.now() - start);
        kept.length = 0;
        start = performance.now();
        for (const source of sources) {
            parser.parse(source.text);
        }
        discardedSamples.push(performance.now() - start);
    }
    return { files: sources.length, bytes: byteCount(sources), samples, discardedSamples, lexerFirstCharOptimised: lexerOptimised(), diagnostics: { 'parse-errors': errors / reps } };
}

/**
 * Whether Chevrotain could build its first-character lookup for our tokens; a terminal whose
 * regular expression it cannot analyse makes every token try every pattern.
 */
function lexerOptimised(): boolean {
    const lexer = createAimsServices(EmptyFileSystem).Aims.parser.Lexer as unknown as { chevrotainLexer?: { canModeBeOptimized?: Record<string, boolean> } };
    const modes = Object.values(lexer.chevrotainLexer?.canModeBeOptimized ?? {});
    return modes.length > 0 && modes.every(Boolean);
}

function freshServices(aimsRoot: string, profiled = false): AimsServices {
    const services = profiled ? createProfiledServices() : createAimsServices(NodeFileSystem).Aims;
    services.aims.Settings.set({ today: BENCH_TODAY, workspaceRoot: aimsRoot });
    // Services are created on first use; build the parser (Chevrotain's self-analysis) before the
    // clock starts, as the parse floor does, so the build is not charged for the container.
    void services.parser.LangiumParser;
    return services;
}

/** `buildWorkspace` over the whole workspace, each repetition in a new service container. */
export async function fullBuild(aimsRoot: string, reps: number): Promise<ProbeResult> {
    const sources = readSources(aimsRoot);
    const samples: number[] = [];
    let diagnostics: Record<string, number> = {};
    for (let i = 0; i < reps; i++) {
        const services = freshServices(aimsRoot);
        const start = performance.now();
        const built = await buildWorkspace(services, sources);
        samples.push(performance.now() - start);
        diagnostics = {};
        for (const doc of built.documents) {
            for (const d of built.diagnosticsOf(doc)) {
                diagnostics[String(d.code)] = (diagnostics[String(d.code)] ?? 0) + 1;
            }
        }
    }
    return { files: sources.length, bytes: byteCount(sources), samples, diagnostics };
}

/** Heap retained by a built workspace: heapUsed after a full build and gc, minus before. */
export async function heapAfterBuild(aimsRoot: string): Promise<ProbeResult> {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('heap measurement needs node --expose-gc');
    const sources = readSources(aimsRoot);
    const services = freshServices(aimsRoot);
    const settle = () => { for (let i = 0; i < 3; i++) gc(); };
    settle();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    const built = await buildWorkspace(services, sources);
    const elapsed = performance.now() - start;
    settle();
    const after = process.memoryUsage().heapUsed;
    // Keep the workspace reachable until after the measurement.
    const documents = built.documents.length;
    return { files: documents, bytes: byteCount(sources), samples: [elapsed], heapBytes: after - before };
}

/** One full build under Langium's profiler; records summed over all documents. */
export async function profiledBuild(aimsRoot: string): Promise<ProbeResult> {
    const sources = readSources(aimsRoot);
    const services = freshServices(aimsRoot, true);
    const profiler = services.shared.profilers.LangiumProfiler!;
    profiler.start();
    const start = performance.now();
    await buildWorkspace(services, sources);
    const elapsed = performance.now() - start;
    profiler.stop();
    const lines = new Map<string, { category: string; element: string; count: number; ms: number }>();
    for (const category of ['parsing', 'linking', 'validating'] as const) {
        for (const record of profiler.getRecords(category)) {
            let inner = 0;
            for (const key of record.entries.keys()) {
                const values = record.entries.get(key);
                const total = values.reduce((a, b) => a + b, 0);
                inner += total;
                add(lines, category, key, values.length, total);
            }
            add(lines, category, '(self)', 1, record.duration - inner);
        }
    }
    const profile = [...lines.values()].sort((a, b) => b.ms - a.ms).map(l => ({ ...l, ms: Math.round(l.ms * 10) / 10 }));
    return { files: sources.length, bytes: byteCount(sources), samples: [elapsed], profile };
}

function add(lines: Map<string, ProfileLine>, category: string, element: string, count: number, ms: number): void {
    const key = `${category}\u0000${element}`;
    const line = lines.get(key) ?? { category, element, count: 0, ms: 0 };
    lines.set(key, { ...line, count: line.count + count, ms: line.ms + ms });
}

/** Records are summed by `profiledBuild`; Langium's default prints a table per document. */
class QuietProfiler extends DefaultLangiumProfiler {
    protected override dumpRecord(_category: string, record: ProfilingRecord): ProfilingRecord {
        return record;
    }
}

/**
 * The services of createAimsServices plus a profiler. The profiler is read once when the
 * parser, linker and validator are created, so it has to be part of the injection.
 */
function createProfiledServices(): AimsServices {
    return createAimsServices(NodeFileSystem, { profilers: { LangiumProfiler: () => new QuietProfiler() } }).Aims;
}

function byteCount(sources: readonly SourceText[]): number {
    return sources.reduce((sum, s) => sum + Buffer.byteLength(s.text), 0);
}

/** Child-process entry: `probe <floor|build|heap|profile> <aimsRoot> [reps]`, one JSON line out. */
export async function probeMain(args: string[]): Promise<void> {
    const [mode, root, repsText] = args;
    const aimsRoot = resolve(root);
    const reps = Number(repsText ?? 3);
    const result = mode === 'floor' ? parseFloor(aimsRoot, reps)
        : mode === 'build' ? await fullBuild(aimsRoot, reps)
        : mode === 'heap' ? await heapAfterBuild(aimsRoot)
        : mode === 'profile' ? await profiledBuild(aimsRoot)
        : undefined;
    if (!result) throw new Error(`unknown probe mode '${mode}'`);
    process.stdout.write(JSON.stringify(result) + '\n');
}
