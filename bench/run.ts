/**
 * `npm run bench`: generate the workspaces, measure everything in one run, print the tables
 * and write bench/results/latest.json. See bench/README.md.
 *
 *   node out/bench/run.cjs [--quick] [--out FILE]   the whole benchmark (--quick: 100 KB only)
 *   node out/bench/run.cjs generate                 write the workspaces only
 *   node out/bench/run.cjs profile [SIZE] [--cold-only]   Langium's profiler and --cpu-prof summaries
 *   node out/bench/run.cjs interactive [SIZE]       edits, completion and hover only
 *   node out/bench/run.cjs cold-flags SIZE FLAGS... our cold start with and without Node flags
 *   node out/bench/run.cjs cpu-summary FILE [TOP] [LAST_MS]   where a .cpuprofile spent its time
 *   node out/bench/run.cjs stress [CASE...]         pathological single files (bench/stress.ts)
 *   node out/bench/run.cjs probe MODE ROOT [REPS]   internal: one in-process measurement
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cliAvailable, runValidate, type CliRun } from './cli.js';
import { coldAims, coldYaml, type ColdRun } from './cold.js';
import { printCpuProfile } from './cpu-profile.js';
import { type ProbeResult, probeMain } from './in-process.js';
import { editLatency, requestLatency, settled } from './interactive.js';
import { checkTargets, markdown, type BenchResults, type CliEntry, type ColdEntry } from './report.js';
import { median, ms, percentile } from './stats.js';
import { SIZES, writeWorkspace, type WrittenWorkspace } from './workspaces.js';
import { stress } from './stress.js';

const ROOT = process.cwd();
const argOf = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };
/** `--server FILE` / `--cli FILE` measure other bundles (e.g. a minified build, or an older engine). */
const SERVER = resolve(argOf('--server') ?? join(ROOT, 'out/language-server/main.cjs'));
const CLI = resolve(argOf('--cli') ?? join(ROOT, 'out/cli/main.cjs'));
const WORKSPACES = join(ROOT, 'bench/workspaces');
const SELF = process.argv[1];

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Repetitions per size: fewer for the big ones, so the whole run stays within a few minutes. */
function repetitions(ws: WrittenWorkspace): number {
    return ws.aimsBytes < 2_000_000 ? 5 : 3;
}

/** Run one in-process measurement in a fresh Node process. */
function probe(mode: 'floor' | 'build' | 'heap' | 'profile', ws: WrittenWorkspace, reps: number, nodeArgs: string[] = []): ProbeResult {
    const result = spawnSync(process.execPath, [...nodeArgs, SELF, 'probe', mode, ws.aimsRoot, String(reps)], {
        cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024
    });
    if (result.status !== 0) {
        throw new Error(`probe ${mode} failed on ${ws.size.name}: ${result.stderr}`);
    }
    return JSON.parse(result.stdout.trim().split('\n').pop()!) as ProbeResult;
}

function machine(): string {
    const cpu = cpus();
    return `${cpu[0]?.model.trim() ?? 'unknown CPU'} x${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${release()}, Node ${process.version}`;
}

async function benchmark(quick: boolean, out: string): Promise<void> {
    if (!cliAvailable(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    const loadStart = loadavg();
    const sizes = quick ? SIZES.slice(0, 1) : SIZES;
    log(`generating ${sizes.map(s => s.name).join(', ')} in ${WORKSPACES}`);
    const workspaces = sizes.map(size => writeWorkspace(WORKSPACES, size));
    const findings: BenchResults['findings'] = {};

    const cold: ColdEntry[] = [];
    let lexerOptimised = true;
    for (const ws of workspaces) {
        const reps = repetitions(ws);
        log(`${ws.size.name}: parse floor and full build in process`);
        // In process the repetitions are cheap; more of them steady the medians.
        const floor = probe('floor', ws, reps + 4);
        lexerOptimised &&= floor.lexerFirstCharOptimised === true;
        const build = probe('build', ws, reps + 2);
        findings[`${ws.size.name} full build`] = build.diagnostics ?? {};
        const aims: ColdRun[] = [];
        const yaml: ColdRun[] = [];
        for (let i = 0; i < reps; i++) {
            // Interleaved, so that a busy moment on a shared machine hits both tools alike.
            log(`${ws.size.name}: cold start ${i + 1}/${reps}`);
            aims.push(await coldAims(ws, SERVER, 300_000));
            yaml.push(await coldYaml(ws, 600_000));
        }
        findings[`${ws.size.name} server`] = aims[0].codes;
        findings[`${ws.size.name} yaml-language-server`] = yaml[0].codes;
        cold.push({
            name: ws.size.name, files: ws.aimsFiles.length, size_bytes: ws.aimsBytes,
            aims_ms: ms(median(aims.map(r => r.ms))), yaml_ls_ms: ms(median(yaml.map(r => r.ms))),
            parse_floor_ms: ms(median(floor.samples)), parse_floor_discarded_ms: ms(median(floor.discardedSamples ?? [])),
            build_ms: ms(median(build.samples)),
            aims_peak_rss_mb: ms(median(aims.map(r => r.peakRssMb ?? NaN))), yaml_ls_peak_rss_mb: ms(median(yaml.map(r => r.peakRssMb ?? NaN)))
        });
    }

    const cli: CliEntry[] = [];
    if (cliAvailable(CLI)) {
        for (const ws of workspaces) {
            log(`${ws.size.name}: aims validate`);
            const runs: CliRun[] = [];
            for (let i = 0; i < 3; i++) runs.push(await runValidate(CLI, ws.aimsRoot));
            findings[`${ws.size.name} cli`] = runs[0].codes;
            cli.push({ name: ws.size.name, size_bytes: ws.aimsBytes, wall_ms: ms(median(runs.map(r => r.wallMs))), peak_rss_mb: ms(median(runs.map(r => r.peakRssMb))) });
        }
    } else {
        log(`${CLI} is missing: CLI measurements skipped`);
    }

    // The interactive workspace: 1,000 files (5 MB); with --quick the small one.
    const interactiveWs = workspaces.find(ws => ws.size.files === 1000) ?? workspaces[0];
    log(`${interactiveWs.size.name}: edits, completion and hover in a running server`);
    const { editResult, requests } = await interactive(interactiveWs);

    log(`${interactiveWs.size.name}: heap after a full build`);
    const heap = probe('heap', interactiveWs, 1, ['--expose-gc']);

    const results: BenchResults = {
        machine: machine(),
        date: new Date().toISOString(),
        quick,
        load_average: { start: loadStart.map(n => Math.round(n * 100) / 100), end: loadavg().map(n => Math.round(n * 100) / 100) },
        cold,
        cli,
        edit: {
            file_p50_ms: ms(percentile(editResult.file, 0.5)), file_p95_ms: ms(percentile(editResult.file, 0.95)),
            workspace_p50_ms: ms(percentile(editResult.workspace, 0.5)), workspace_p95_ms: ms(percentile(editResult.workspace, 0.95)),
            files: interactiveWs.aimsFiles.length, edits: editResult.file.length
        },
        completion: { p50_ms: ms(percentile(requests.completion.samples, 0.5)), p95_ms: ms(percentile(requests.completion.samples, 0.95)), samples: requests.completion.samples.length, positions: round(requests.completion.positions) },
        hover: { p50_ms: ms(percentile(requests.hover.samples, 0.5)), p95_ms: ms(percentile(requests.hover.samples, 0.95)), samples: requests.hover.samples.length, positions: round(requests.hover.positions) },
        heap_bytes_per_source_byte: Math.round((heap.heapBytes ?? NaN) / heap.bytes * 10) / 10,
        lexer_first_char_optimised: lexerOptimised,
        findings
    };
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    console.log(markdown(results));
    console.log(`\nWrote ${out}`);
    const missed = checkTargets(results).filter(t => !t.met).length;
    if (missed > 0) log(`${missed} target(s) not met`);
}

/** Edits (5 warm-up + 50), then completion and hover (20 rounds per position) in one running server. */
async function interactive(ws: WrittenWorkspace) {
    const started = await coldAims(ws, SERVER, 300_000, true);
    const session = started.session!;
    try {
        await settled(session, 500);
        const caps = started.capabilities ?? {};
        const editResult = await editLatency(session, ws, caps, 5, 50);
        const requests = await requestLatency(session, ws, 20);
        return { editResult, requests };
    } finally {
        await session.stop();
    }
}

function round(positions: Array<{ what: string; p50_ms: number; p95_ms: number; items: number }>) {
    return positions.map(p => ({ ...p, p50_ms: ms(p.p50_ms), p95_ms: ms(p.p95_ms) }));
}

/** Where the time goes: Langium's profiler over a full build, and --cpu-prof of the server. */
async function profile(sizeName: string, coldOnly: boolean): Promise<void> {
    const size = SIZES.find(s => s.name === sizeName);
    if (!size) throw new Error(`unknown size '${sizeName}'; one of ${SIZES.map(s => s.name).join(', ')}`);
    const ws = writeWorkspace(WORKSPACES, size);
    const profiled = probe('profile', ws, 1);
    console.log(`Langium profiler, one full build of ${ws.size.name} (${ms(profiled.samples[0])} ms), top entries summed over all documents:`);
    console.log('| category | element | count | ms |\n| --- | --- | ---: | ---: |');
    for (const line of (profiled.profile ?? []).slice(0, 25)) console.log(`| ${line.category} | ${line.element} | ${line.count} | ${line.ms} |`);
    const dir = join(ROOT, 'bench/results/cpu-profile.tmp');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const cold = await coldAims(ws, SERVER, 300_000, true, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const session = cold.session!;
    console.log(`\nCold start under the profiler: ${ms(cold.ms)} ms`);
    let editMs = 0;
    if (!coldOnly) {
        await settled(session, 500);
        const before = Date.now();
        const edits = await editLatency(session, ws, cold.capabilities ?? {}, 2, 20);
        editMs = Date.now() - before;
        console.log(`Edits: file p50 ${ms(percentile(edits.file, 0.5))} ms, workspace p50 ${ms(percentile(edits.workspace, 0.5))} ms`);
    }
    await session.stop();
    const file = readdirSync(dir).find(f => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the server wrote no CPU profile');
    console.log('\n--cpu-prof of the server, start-up and edits:');
    printCpuProfile(join(dir, file), 30);
    if (editMs > 0) {
        console.log('\n--cpu-prof of the server, the edits only:');
        printCpuProfile(join(dir, file), 30, editMs);
    }
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
    if (args[0] === 'probe') {
        await probeMain(args.slice(1));
    } else if (args[0] === 'generate') {
        for (const size of SIZES) {
            const ws = writeWorkspace(WORKSPACES, size);
            console.log(`${ws.size.name}: ${ws.aimsFiles.length} files, ${ws.aimsBytes} bytes in ${ws.root}`);
        }
    } else if (args[0] === 'profile') {
        await profile(args[1] ?? '5mb', args.includes('--cold-only'));
    } else if (args[0] === 'cold-flags') {
        // Experiment: our cold start with extra Node flags, e.g. --max-semi-space-size=32.
        const size = SIZES.find(s => s.name === (args[1] ?? '1mb'))!;
        const ws = writeWorkspace(WORKSPACES, size);
        const flags = args.slice(2).filter((a, i, all) => a !== '--server' && all[i - 1] !== '--server');
        const plain: number[] = [], flagged: number[] = [];
        for (let i = 0; i < 5; i++) {
            plain.push((await coldAims(ws, SERVER, 300_000)).ms);
            flagged.push((await coldAims(ws, SERVER, 300_000, false, flags)).ms);
        }
        console.log(`${size.name}: without flags ${ms(median(plain))} ms, with ${flags.join(' ')} ${ms(median(flagged))} ms`);
    } else if (args[0] === 'interactive') {
        const ws = writeWorkspace(WORKSPACES, SIZES.find(s => s.name === (args[1] ?? '5mb'))!);
        const { editResult, requests } = await interactive(ws);
        console.log(`edit: file p50 ${ms(percentile(editResult.file, 0.5))} p95 ${ms(percentile(editResult.file, 0.95))}, workspace p50 ${ms(percentile(editResult.workspace, 0.5))} p95 ${ms(percentile(editResult.workspace, 0.95))} ms`);
        console.log(`completion p50 ${ms(percentile(requests.completion.samples, 0.5))} p95 ${ms(percentile(requests.completion.samples, 0.95))} ms; hover p50 ${ms(percentile(requests.hover.samples, 0.5))} p95 ${ms(percentile(requests.hover.samples, 0.95))} ms`);
        console.log(JSON.stringify(round([...requests.completion.positions, ...requests.hover.positions]), null, 1));
    } else if (args[0] === 'stress') {
        await stress(args.slice(1));
    } else if (args[0] === 'cpu-summary') {
        printCpuProfile(args[1], Number(args[2] ?? 30), Number(args[3] ?? Infinity));
    } else if (args.length > 0 && !args[0].startsWith('--')) {
        throw new Error(`unknown command '${args[0]}'; see the top of bench/run.ts`);
    } else {
        const quick = args.includes('--quick');
        const out = resolve(ROOT, option('--out') ?? (quick ? 'bench/results/quick.tmp.json' : 'bench/results/latest.json'));
        await benchmark(quick, out);
    }
}

main().then(() => process.exit(0), error => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
});
