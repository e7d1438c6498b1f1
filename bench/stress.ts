/**
 * `node out/bench/run.cjs stress [CASE...]`: the engine on pathological single files, the inputs
 * where fuzzing found cliffs (issue 15). Each case runs in this process on fresh services and
 * prints its time and the heap it left; nothing here is asserted (tests check behaviour).
 *
 *   one-mb-unresolved-name   a reference to a 1 MB name: did-you-mean against every candidate
 *   people-50k, risks-50k    one file with 50,000 declarations
 *   soa-20k                  one statement of applicability with 20,000 entries
 *   broken-1500, broken-20k  `}}risk "t"` repeated: error recovery
 *   completion-string-64k, -128k, -1mb   completion with the cursor inside a long string
 */
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { createAimsServices } from '../src/language/aims-module.js';
import { buildWorkspace } from '../src/workspace/aims-workspace.js';

interface StressCase {
    readonly name: string;
    readonly text: () => string;
    /** Completion at this offset after the build, instead of the build alone. */
    readonly completeAt?: (text: string) => number;
}

const people = (n: number) => Array.from({ length: n }, (_, i) => `person p${i} "Person ${i}" { role "Analyst" }\n`).join('');

const CASES: readonly StressCase[] = [
    { name: 'one-mb-unresolved-name', text: () => `${people(200)}risk r "R" { owner ${'x'.repeat(1024 * 1024)} }\n` },
    { name: 'people-12k', text: () => people(12_500) },
    { name: 'people-25k', text: () => people(25_000) },
    { name: 'people-50k', text: () => people(50_000) },
    {
        name: 'risks-50k',
        text: () => `person o "Owner"\n` + Array.from({ length: 50_000 }, (_, i) =>
            `risk r${i} "Risk number ${i} of the register" {\n    sources C.3.4\n    inherent likelihood 3 impact 4\n    treatment mitigate with A.6.2.4\n    residual likelihood 2 impact 3\n    owner o\n    review 2027-01-31\n}\n`).join('')
    },
    {
        name: 'soa-20k',
        text: () => `person o "Owner"\nsoa {\n` + Array.from({ length: 20_000 }, (_, i) =>
            `    control A.${2 + (i % 9)}.${2 + (i % 3)} applicable { status implemented owner o }\n`).join('') + '}\n'
    },
    { name: 'broken-1500', text: () => '}}risk "t"'.repeat(1500) },
    { name: 'broken-20k', text: () => '}}risk "t"'.repeat(20_000) },
    ...[64, 128, 1024].map(kb => ({
        name: `completion-string-${kb === 1024 ? '1mb' : `${kb}k`}`,
        text: () => `person p "${'a'.repeat(kb * 1024)}"\n`,
        completeAt: (text: string) => text.length - 3
    }))
];

export async function stress(names: readonly string[]): Promise<void> {
    const chosen = names.length > 0 ? CASES.filter(c => names.includes(c.name)) : CASES;
    console.log('| case | size | build ms | completion ms | diagnostics | heap MB |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const c of chosen) {
        const services = createAimsServices(EmptyFileSystem).Aims;
        services.aims.Settings.set({ today: '2026-06-01', workspaceRoot: '/stress' });
        const text = c.text();
        const start = performance.now();
        const built = await buildWorkspace(services, [{ uri: URI.file('/stress/main.aims'), text }]);
        const buildMs = performance.now() - start;
        const document = built.documents[0];
        let completionMs: number | undefined;
        if (c.completeAt) {
            const position = document.textDocument.positionAt(c.completeAt(text));
            const before = performance.now();
            await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
            completionMs = performance.now() - before;
        }
        const heap = process.memoryUsage().heapUsed / 2 ** 20;
        const size = text.length >= 2 ** 20 ? `${(text.length / 2 ** 20).toFixed(1)} MiB` : `${(text.length / 1024).toFixed(0)} KiB`;
        console.log(`| ${c.name} | ${size} | ${buildMs.toFixed(0)} | ${completionMs?.toFixed(0) ?? ''} | ${built.diagnosticsOf(document).length} | ${heap.toFixed(0)} |`);
    }
}
