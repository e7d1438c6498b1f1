/**
 * What a user at the keyboard waits for, in a running server that has built the workspace:
 * - edit: a one-character change in one file until that file's diagnostics are published, and
 *   until a workspace-level result changes in another file (the statement of applicability's
 *   completeness, reported on the file that holds the `soa` block);
 * - completion and hover: request to response, at a few typical positions.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { LspSession, PublishedDiagnostics } from './lsp-session.js';
import { percentile, median } from './stats.js';
import type { WrittenWorkspace } from './workspaces.js';

export interface EditResult {
    readonly file: number[];
    readonly workspace: number[];
}

export interface RequestResult {
    /** All samples, in the order taken. */
    readonly samples: number[];
    /** Per position: what it is, p50 and p95, and the size of a typical answer (completion items, hover characters). */
    readonly positions: Array<{ what: string; p50_ms: number; p95_ms: number; items: number }>;
}

interface Position {
    line: number;
    character: number;
}

/** Where `needle` ends in `text` (the n-th occurrence, 0-based), plus `shift` characters. */
function positionAfter(text: string, needle: string, shift = 0, occurrence = 0): Position {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' not found`);
    }
    const offset = index + needle.length + shift;
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - before.lastIndexOf('\n') - 1 };
}

/** Resolve once the server has published nothing for `quietMs`. */
export function settled(session: LspSession, quietMs: number, maxMs = 60_000): Promise<void> {
    return new Promise(resolve => {
        const started = performance.now();
        let timer: NodeJS.Timeout;
        const arm = () => {
            clearTimeout(timer);
            timer = setTimeout(() => { dispose(); resolve(); }, performance.now() - started > maxMs ? 0 : quietMs);
        };
        const dispose = session.onDiagnostics(arm);
        arm();
    });
}

function syncKind(capabilities: Record<string, unknown>): number {
    const sync = capabilities.textDocumentSync as number | { change?: number } | undefined;
    return typeof sync === 'number' ? sync : sync?.change ?? 1;
}

const fingerprint = (p: PublishedDiagnostics | undefined) => JSON.stringify((p?.diagnostics ?? []).map(d => [d.code, d.message, d.range]));

/**
 * Toggle the last SoA entry's control id (A.10.4 <-> A.10.5) in the supplement file: one
 * character that makes the statement of applicability incomplete, then complete again.
 */
export async function editLatency(session: LspSession, ws: WrittenWorkspace, capabilities: Record<string, unknown>, warmup: number, edits: number): Promise<EditResult> {
    const path = ws.soaSupplement;
    let text = readFileSync(path, 'utf8');
    const uri = session.open(path, 'aims');
    const hostUri = pathToFileURL(ws.soaHost).href;
    await session.nextDiagnostics(p => p.uri === uri, 60_000, 'diagnostics after didOpen');
    await settled(session, 500);
    // The last A.10 entry: find its line and the digit after `A.10.`.
    const lines = text.split('\n');
    const lineIndex = lines.findLastIndex(l => /control A\.10\.\d/.test(l));
    const character = lines[lineIndex].indexOf('A.10.') + 'A.10.'.length;
    const original = lines[lineIndex][character];
    const incremental = syncKind(capabilities) === 2;
    const file: number[] = [];
    const workspace: number[] = [];
    let version = 1;
    for (let i = 0; i < warmup + edits; i++) {
        const next = lines[lineIndex][character] === original ? String((Number(original) + 1) % 10) : original;
        lines[lineIndex] = lines[lineIndex].slice(0, character) + next + lines[lineIndex].slice(character + 1);
        text = lines.join('\n');
        version++;
        const hostBefore = fingerprint(session.latest.get(hostUri));
        const fileDone = session.nextDiagnostics(p => p.uri === uri, 60_000, `diagnostics of the edited file (edit ${i})`);
        const hostDone = session.nextDiagnostics(p => p.uri === hostUri && fingerprint(p) !== hostBefore, 60_000, `SoA completeness on ${ws.soaHost} (edit ${i})`);
        const start = performance.now();
        session.notify('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: incremental
                ? [{ range: { start: { line: lineIndex, character }, end: { line: lineIndex, character: character + 1 } }, text: next }]
                : [{ text }]
        });
        const [f, h] = await Promise.all([fileDone, hostDone]);
        if (i >= warmup) {
            file.push(f.at - start);
            workspace.push(h.at - start);
        }
        // A pause between keystrokes: the server finishes its follow-up work before the next one.
        await settled(session, 150);
    }
    return { file, workspace };
}

/** Completion and hover at typical positions of one risk file of the workspace. */
export async function requestLatency(session: LspSession, ws: WrittenWorkspace, perPosition: number): Promise<{ completion: RequestResult; hover: RequestResult }> {
    const path = ws.aimsFiles.filter(p => p.endsWith('/risks.aims'))[Math.floor(ws.aimsFiles.length / 10)] ?? ws.aimsFiles[0];
    const text = readFileSync(path, 'utf8');
    const uri = session.open(path, 'aims');
    await session.nextDiagnostics(p => p.uri === uri, 60_000, 'diagnostics after didOpen');
    await settled(session, 500);
    const ownerAt = positionAfter(text, '    owner ');
    const completions: Array<{ what: string; position: Position }> = [
        { what: 'owner, 2 letters typed (people and teams)', position: { ...ownerAt, character: ownerAt.character + 2 } },
        { what: 'treatment mitigate with A. (controls)', position: positionAfter(text, 'mitigate with A.') },
        { what: 'systems, nothing typed (every AI system)', position: positionAfter(text, '    systems ') },
        { what: 'start of a line in a risk (keywords)', position: { line: ownerAt.line, character: 4 } }
    ];
    const hovers: Array<{ what: string; position: Position }> = [
        { what: 'owner name (a person)', position: { ...ownerAt, character: ownerAt.character + 1 } },
        { what: 'Annex A control id', position: positionAfter(text, 'mitigate with A.', -1) },
        { what: 'system name', position: positionAfter(text, '    systems ', 1) }
    ];
    const measure = async (method: string, targets: Array<{ what: string; position: Position }>): Promise<RequestResult> => {
        const samples: number[] = [];
        const per = targets.map(() => [] as number[]);
        const items = targets.map(() => 0);
        for (let round = 0; round < perPosition + 2; round++) {
            for (const [index, target] of targets.entries()) {
                const start = performance.now();
                const answer = await session.request<unknown>(method, { textDocument: { uri }, position: target.position });
                const elapsed = performance.now() - start;
                // Two warm-up rounds: the first requests compile the providers.
                if (round >= 2) {
                    samples.push(elapsed);
                    per[index].push(elapsed);
                }
                items[index] = countItems(answer);
            }
        }
        return {
            samples,
            positions: targets.map((t, i) => ({ what: t.what, p50_ms: median(per[i]), p95_ms: percentile(per[i], 0.95), items: items[i] }))
        };
    };
    const completion = await measure('textDocument/completion', completions);
    const hover = await measure('textDocument/hover', hovers);
    session.notify('textDocument/didClose', { textDocument: { uri } });
    return { completion, hover };
}

/** Completion items, or for a hover the characters of its text (0: the server had nothing to say). */
function countItems(answer: unknown): number {
    if (!answer) return 0;
    if (Array.isArray(answer)) return answer.length;
    const list = (answer as { items?: unknown[] }).items;
    if (list) return list.length;
    const contents = (answer as { contents?: unknown }).contents;
    if (contents !== undefined) return JSON.stringify(contents).length;
    return 1;
}
