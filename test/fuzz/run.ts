/**
 * `npm run fuzz`: the long fuzz run, outside `npm test`.
 *
 *   node out/fuzz/run.cjs [--documents N] [--requests N] [--seed S]
 *
 * 1. The engine: N documents (default 100,000) from the generators of aims-arbitraries.ts, each
 *    built and checked against engine-invariants.ts; every 10th is also formatted and has its
 *    quick fixes applied. A document slower than 10 s counts as a hang.
 * 2. The language server (out/language-server/main.cjs over stdio) on a copy of the example
 *    workspace: N requests (default 10,000) of 14 kinds at random positions, between random edits,
 *    each answered within 10 s or counted as a hang; then an edit storm of 1,000 changes and the
 *    time until the first answer after it.
 * Failing texts are written to test/output/fuzz/ (git-ignored) for minimizing into the corpus.
 * Exit code 1 if anything failed.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { URI } from 'langium';
import {
    DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, PublishDiagnosticsNotification, ResponseError,
    type ProtocolConnection
} from 'vscode-languageserver/node';
import { anyAimsText, EXAMPLE_TEXTS, mutatedExample } from './aims-arbitraries.js';
import { FuzzEngine } from './engine-invariants.js';
import { startStdioServer } from '../helpers/stdio-server.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
const DOCUMENTS = option('--documents', 100_000);
const REQUESTS = option('--requests', 10_000);
const SEED = option('--seed', 15);
const HANG_MS = 10_000;
const STORM_ANSWER_MS = 500;
const OUTPUT = join(process.cwd(), 'test/output/fuzz');

const log = (line: string) => process.stderr.write(`[fuzz] ${line}\n`);
let failures = 0;

function saveFailure(kind: string, text: string, detail: string): void {
    failures++;
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, `${kind}-${failures}.json`), JSON.stringify({ detail, text }, null, 1));
}

async function fuzzEngine(): Promise<Record<string, number>> {
    const engine = new FuzzEngine();
    const counts: Record<string, number> = { documents: 0, bytes: 0, violations: 0, hangs: 0 };
    const byInvariant: Record<string, number> = {};
    const start = performance.now();
    let slowest = 0;
    const batch = 1000;
    for (let done = 0; done < DOCUMENTS; done += batch) {
        const texts = fc.sample(anyAimsText, { seed: SEED + done, numRuns: Math.min(batch, DOCUMENTS - done) });
        for (const [i, text] of texts.entries()) {
            const deep = (done + i) % 10 === 0;
            const before = performance.now();
            const violations = await engine.check(text, { format: deep, quickFixes: deep, features: deep });
            const took = performance.now() - before;
            slowest = Math.max(slowest, took);
            counts.documents++;
            counts.bytes += text.length;
            if (took > HANG_MS) {
                counts.hangs++;
                saveFailure('hang', text, `${took.toFixed(0)} ms`);
            }
            for (const v of violations) {
                counts.violations++;
                byInvariant[v.invariant] = (byInvariant[v.invariant] ?? 0) + 1;
                saveFailure(v.invariant, text, v.detail);
            }
        }
        log(`engine: ${counts.documents} documents, ${counts.violations} violations, ${counts.hangs} hangs, slowest ${slowest.toFixed(0)} ms, ${((performance.now() - start) / 1000).toFixed(0)} s`);
    }
    return { ...counts, slowestMs: Math.round(slowest), seconds: Math.round((performance.now() - start) / 1000), ...byInvariant };
}

/**
 * A failure is an internal error (-32603) or no answer at all. Other error answers are the
 * server declining on purpose with a message for the user (a cancelled request, "catalog ids
 * cannot be renamed"); they are counted apart. An exception inside a handler answers null
 * through the request guard, and is logged: the log lines are counted too.
 */
const INTERNAL_ERROR = -32603;

const REQUEST_KINDS = [
    'textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references',
    'textDocument/documentHighlight', 'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/codeAction',
    'textDocument/documentLink', 'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/inlayHint',
    'textDocument/codeLens', 'textDocument/prepareRename'
] as const;

interface Open { uri: string; text: string; version: number }

function paramsFor(kind: string, doc: Open, offset: number, rand: () => number): unknown {
    const position = positionAt(doc.text, offset);
    const textDocument = { uri: doc.uri };
    const whole = { start: { line: 0, character: 0 }, end: positionAt(doc.text, doc.text.length) };
    switch (kind) {
        case 'textDocument/references': return { textDocument, position, context: { includeDeclaration: rand() < 0.5 } };
        case 'textDocument/documentSymbol': case 'textDocument/documentLink': case 'textDocument/foldingRange':
        case 'textDocument/semanticTokens/full': case 'textDocument/codeLens': return { textDocument };
        case 'textDocument/formatting': return { textDocument, options: { tabSize: 4, insertSpaces: true } };
        case 'textDocument/inlayHint': return { textDocument, range: whole };
        case 'textDocument/codeAction': return { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } };
        default: return { textDocument, position };
    }
}

function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'hang'> {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>(resolve => { timer = setTimeout(() => resolve('hang'), ms); });
    try {
        return await Promise.race([promise, hang]);
    } finally {
        clearTimeout(timer);
    }
}

async function fuzzServer(): Promise<Record<string, number>> {
    const folder = mkdtempSync(join(tmpdir(), 'aims-fuzz-server-'));
    cpSync(join(process.cwd(), 'examples'), folder, { recursive: true });
    const stderr: string[] = [];
    // What the server published last per document: the storm's end is known by its marker.
    const published = new Map<string, string[]>();
    // An exception the request guard caught is a failure too, with the request and text it happened on.
    let last = { kind: '', text: '' };
    const guarded = new Map<string, { kind: string; text: string }>();
    const server = await startStdioServer({
        folder,
        capabilities: { textDocument: { completion: { completionItem: { labelDetailsSupport: true } }, publishDiagnostics: {} }, workspace: { configuration: true } },
        setUp: connection => {
            connection.onNotification('window/logMessage', (p: { message: string }) => {
                stderr.push(p.message);
                if (/failed and was answered/.test(p.message) && !guarded.has(p.message)) guarded.set(p.message, last);
            });
            connection.onNotification(PublishDiagnosticsNotification.type, p => { published.set(p.uri, p.diagnostics.map(d => typeof d.message === 'string' ? d.message : d.message.value)); });
        }
    });
    const connection: ProtocolConnection = server.connection;
    const files = readdirSync(folder).filter(f => f.endsWith('.aims')).sort();
    const docs: Open[] = files.map(f => ({ uri: URI.file(join(folder, f)).toString(), text: readFileSync(join(folder, f), 'utf8'), version: 1 }));
    for (const doc of docs) {
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: doc.uri, languageId: 'aims', version: 1, text: doc.text } });
    }
    const random = fc.sample(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { seed: SEED, numRuns: REQUESTS * 4 });
    let r = 0;
    const rand = () => random[r++ % random.length];
    const mutations = fc.sample(mutatedExample, { seed: SEED, numRuns: Math.ceil(REQUESTS / 20) });
    const counts: Record<string, number> = { requests: 0, errors: 0, declined: 0, hangs: 0, edits: 0 };
    let slowest = 0;
    const start = performance.now();
    for (let i = 0; i < REQUESTS; i++) {
        const doc = docs[Math.floor(rand() * docs.length)];
        if (i % 20 === 19) {
            // A whole-file edit: the next requests see a mutated (often broken) file.
            doc.text = mutations[(i / 20) | 0] ?? EXAMPLE_TEXTS[0];
            doc.version++;
            counts.edits++;
            await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ text: doc.text }] });
        }
        const kind = REQUEST_KINDS[i % REQUEST_KINDS.length];
        const params = paramsFor(kind, doc, Math.floor(rand() * (doc.text.length + 1)), rand);
        last = { kind: `${kind} ${JSON.stringify(params)}`, text: doc.text };
        const before = performance.now();
        const answer = await withTimeout(connection.sendRequest(kind, params).then(() => 'ok', (error: unknown) => error), HANG_MS);
        slowest = Math.max(slowest, performance.now() - before);
        counts.requests++;
        if (answer === 'hang') {
            counts.hangs++;
            saveFailure('lsp-hang', doc.text, `${kind} ${JSON.stringify(params)}`);
        } else if (answer instanceof ResponseError && answer.code !== INTERNAL_ERROR) {
            counts.declined++;
        } else if (answer !== 'ok') {
            counts.errors++;
            saveFailure('lsp-error', doc.text, `${kind} ${JSON.stringify(params)}: ${String((answer as Error).message ?? answer)}`);
        }
        if (i % 1000 === 999) log(`server: ${counts.requests} requests, ${counts.errors} errors, ${counts.hangs} hangs, slowest ${slowest.toFixed(0)} ms`);
    }
    // Edit storm: 1,000 changes to one file as fast as they can be sent, then one hover. The last
    // change names an unknown person, so its diagnostics are known when they arrive.
    // It runs on the example workspace as it was opened: the random edits before it are undone first,
    // so the figure is the cost of the storm, not of whatever broken workspace the edits left.
    for (const [i, doc] of docs.entries()) {
        doc.version++;
        doc.text = readFileSync(join(folder, files[i]), 'utf8');
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ text: doc.text }] });
    }
    await withTimeout(connection.sendRequest('textDocument/hover', { textDocument: { uri: docs[0].uri }, position: { line: 0, character: 0 } }), 30_000);
    await new Promise(resolve => setTimeout(resolve, 2_000));
    const target = docs[0];
    const marker = 'storm-end-nobody';
    for (let i = 0; i < 1000; i++) {
        target.version++;
        target.text = EXAMPLE_TEXTS[0] + (i === 999 ? `\nteam storm-team "Storm" { lead ${marker} }\n` : `\n// edit ${i}\n`);
        void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: target.uri, version: target.version }, contentChanges: [{ text: target.text }] });
    }
    const stormEnd = performance.now();
    const hover = await withTimeout(connection.sendRequest('textDocument/hover', { textDocument: { uri: target.uri }, position: { line: 3, character: 4 } }), 30_000);
    const firstAnswerMs = performance.now() - stormEnd;
    while (!(published.get(target.uri) ?? []).some(message => message.includes(marker)) && performance.now() - stormEnd < 30_000) {
        await new Promise(resolve => setTimeout(resolve, 10));
    }
    const diagnosticsMs = performance.now() - stormEnd;
    // The promise of docs/robustness.md: an edit storm is answered within 0.5 s of its end.
    if (firstAnswerMs > STORM_ANSWER_MS) {
        saveFailure('lsp-storm', target.text, `first answer ${Math.round(firstAnswerMs)} ms after an edit storm of 1,000 changes (bound ${STORM_ANSWER_MS} ms)`);
    }
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
    for (const [message, at] of guarded) {
        saveFailure('lsp-guarded', at.text, `${at.kind}: ${message}`);
    }
    const serverErrors = stderr.filter(line => /failed|error/i.test(line));
    for (const line of [...new Set(serverErrors)].slice(0, 20)) log(`server said: ${line}`);
    return {
        ...counts, slowestMs: Math.round(slowest), seconds: Math.round((performance.now() - start) / 1000),
        guardedExceptions: guarded.size,
        stormFirstAnswerMs: Math.round(firstAnswerMs), stormHoverHung: hover === 'hang' ? 1 : 0, stormDiagnosticsMs: Math.round(diagnosticsMs),
        serverErrorLines: serverErrors.length
    };
}

async function main(): Promise<void> {
    const engine = DOCUMENTS > 0 ? await fuzzEngine() : {};
    log(`engine: ${JSON.stringify(engine)}`);
    const server = REQUESTS > 0 ? await fuzzServer() : {};
    log(`server: ${JSON.stringify(server)}`);
    console.log(JSON.stringify({ seed: SEED, engine, server }, null, 1));
    process.exitCode = failures > 0 ? 1 : 0;
}

void main().catch(error => {
    console.error(error);
    process.exitCode = 1;
});
