/**
 * `aims validate` as CI runs it: a new process per run, wall time from spawn to exit, and the
 * peak resident set size. The peak comes from GNU time (`/usr/bin/time -f %M`) when the
 * machine has it, otherwise from polling VmHWM in /proc while the process runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BENCH_TODAY } from './generator.js';
import { peakRssMb } from './lsp-session.js';

export interface CliRun {
    readonly wallMs: number;
    readonly peakRssMb: number;
    readonly exitCode: number;
    /** Findings by rule code, from the JSON output. */
    readonly codes: Record<string, number>;
}

const GNU_TIME = '/usr/bin/time';

export async function runValidate(cliPath: string, aimsRoot: string): Promise<CliRun> {
    const cliArgs = [cliPath, 'validate', aimsRoot, '--today', BENCH_TODAY, '--format', 'json'];
    const useTime = existsSync(GNU_TIME);
    const command = useTime ? GNU_TIME : process.execPath;
    const args = useTime ? ['-f', '__PEAK_KB__%M', process.execPath, ...cliArgs] : cliArgs;
    const start = performance.now();
    const child = spawn(command, args, { cwd: aimsRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => { stdout += String(chunk); });
    child.stderr.on('data', chunk => { stderr += String(chunk); });
    let polledPeak = 0;
    const poll = useTime ? undefined : setInterval(() => { polledPeak = Math.max(polledPeak, peakRssMb(child.pid!) ?? 0); }, 5);
    const exitCode = await new Promise<number>(resolve => child.on('close', code => resolve(code ?? -1)));
    const wallMs = performance.now() - start;
    if (poll) clearInterval(poll);
    const timed = /__PEAK_KB__(\d+)/.exec(stderr);
    const peak = timed ? Number(timed[1]) / 1024 : polledPeak;
    if (exitCode !== 0 && exitCode !== 1) {
        throw new Error(`aims validate exited with ${exitCode}: ${stderr.slice(-2000)}`);
    }
    return { wallMs, peakRssMb: peak, exitCode, codes: countFindings(stdout) };
}

function countFindings(json: string): Record<string, number> {
    const codes: Record<string, number> = {};
    try {
        const parsed = JSON.parse(json) as { diagnostics?: Array<{ code?: string }> };
        for (const f of parsed.diagnostics ?? []) {
            const code = f.code ?? '?';
            codes[code] = (codes[code] ?? 0) + 1;
        }
    } catch {
        codes['unreadable-output'] = 1;
    }
    return codes;
}

export function cliAvailable(cliPath: string): boolean {
    return existsSync(cliPath) && readFileSync(cliPath, 'utf8').length > 0;
}
