/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and lists where the time went:
 * self time per function, and inclusive time (the function and everything it called).
 * Bundled code is one file, so functions are named `name (file:line)`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
}

interface CpuProfile {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
}

export interface HotFunction {
    readonly name: string;
    readonly selfMs: number;
    readonly totalMs: number;
}

/** `lastMs`: only the samples of the profile's last milliseconds (e.g. the edits after start-up). */
export function summariseCpuProfile(path: string, top = 25, lastMs = Infinity): { totalMs: number; bySelf: HotFunction[]; byTotal: HotFunction[] } {
    const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
    const from = profile.endTime - lastMs * 1000;
    let clock = profile.startTime;
    const keep = profile.timeDeltas.map(delta => (clock += delta) >= from);
    const byId = new Map(profile.nodes.map(n => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const selfUs = new Map<number, number>();
    profile.samples.forEach((id, i) => { if (keep[i]) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)); });
    const label = (node: ProfileNode) => {
        const file = node.callFrame.url.slice(node.callFrame.url.lastIndexOf('/') + 1);
        return `${node.callFrame.functionName || '(anonymous)'} (${file}:${node.callFrame.lineNumber + 1})`;
    };
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    for (const [id, us] of selfUs) {
        const node = byId.get(id)!;
        self.set(label(node), (self.get(label(node)) ?? 0) + us);
        // Inclusive: every distinct function on the stack gets the sample once (recursion counted once).
        const seen = new Set<string>();
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
            const name = label(byId.get(cur)!);
            if (!seen.has(name)) {
                seen.add(name);
                total.set(name, (total.get(name) ?? 0) + us);
            }
        }
    }
    const rows = [...self.keys(), ...total.keys()].filter((v, i, a) => a.indexOf(v) === i)
        .map(name => ({ name, selfMs: (self.get(name) ?? 0) / 1000, totalMs: (total.get(name) ?? 0) / 1000 }));
    return {
        totalMs: Math.min(lastMs, (profile.endTime - profile.startTime) / 1000),
        bySelf: [...rows].sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
        byTotal: [...rows].sort((a, b) => b.totalMs - a.totalMs).slice(0, top)
    };
}

export function printCpuProfile(path: string, top = 25, lastMs = Infinity): void {
    const summary = summariseCpuProfile(path, top, lastMs);
    const fmt = (rows: HotFunction[], key: 'selfMs' | 'totalMs') => rows.map(r => `${r[key].toFixed(1).padStart(9)} ms  ${r.name}`).join('\n');
    console.log(`${path}: ${summary.totalMs.toFixed(0)} ms profiled\n-- self time\n${fmt(summary.bySelf, 'selfMs')}\n-- inclusive time\n${fmt(summary.byTotal, 'totalMs')}`);
}
