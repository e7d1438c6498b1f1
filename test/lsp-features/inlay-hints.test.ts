import { describe, expect, it } from 'vitest';
import type { InlayHint } from 'vscode-languageserver';
import { single, type TestOptions, type TestWorkspace } from '../helpers/workspace.js';
import type { LangiumDocument } from 'langium';
import { catalog } from '../../src/catalog/catalog.js';

const FULL_RANGE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

async function hints(ws: TestWorkspace, document: LangiumDocument, range = FULL_RANGE): Promise<InlayHint[]> {
    return (await ws.services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range })) ?? [];
}

/** Each hint as `text before it|label`, to read where it lands. */
function placed(document: LangiumDocument, list: InlayHint[]): string[] {
    const lines = document.textDocument.getText().split('\n');
    return list.map(h => `${lines[h.position.line].slice(0, h.position.character)}|${String(h.label)}`);
}

const RISK = [
    'person alice "Alice"',
    'risk r1 "Bias" {',
    '    sources C.3.4',
    '    treatment mitigate with A.7.4, A.6.2.4',
    '    owner alice',
    '}',
    'evidence ev "Policy" { url "https://x.example" supports 5.2, GOVERN 1.1, Article 9 }',
    'system s "S" { eu-ai-act high annex-iii 5 }'
].join('\n');

async function build(options: TestOptions = {}): Promise<TestWorkspace> {
    return single(RISK, options);
}

describe('inlay hints: catalog titles after catalog ids', () => {
    it('follow each catalog id with its title, padded on the left', async () => {
        const ws = await build();
        const document = ws.documents['main.aims'];
        const list = await hints(ws, document);
        const nistTitle = catalog.get('nist-subcategory', 'GOVERN 1.1')?.title;
        expect(placed(document, list)).toEqual([
            '    sources C.3.4|Risk sources related to machine learning',
            '    treatment mitigate with A.7.4|Quality of data for AI systems',
            '    treatment mitigate with A.7.4, A.6.2.4|AI system verification and validation',
            'evidence ev "Policy" { url "https://x.example" supports 5.2|AI policy',
            // The NIST catalog may carry ids without titles: such an id gets no (empty) hint.
            ...(nistTitle ? [`evidence ev "Policy" { url "https://x.example" supports 5.2, GOVERN 1.1|${nistTitle}`] : []),
            `evidence ev "Policy" { url "https://x.example" supports 5.2, GOVERN 1.1, Article 9|${catalog.get('eu-article', 'Article 9')!.title}`,
            `system s "S" { eu-ai-act high annex-iii 5|${catalog.get('annex-iii-area', '5')!.title}`
        ]);
        expect(list.every(h => h.paddingLeft === true && h.kind === undefined)).toBe(true);
        // The tooltip carries the catalog entry's summary, where the catalog has one.
        expect(list[1].tooltip).toBe(catalog.get('annex-a-control', 'A.7.4')!.summary || undefined);
    });

    it('do not annotate names the user declared (alice stays bare)', async () => {
        const ws = await build();
        const document = ws.documents['main.aims'];
        expect(placed(document, await hints(ws, document)).some(h => h.includes('owner alice|'))).toBe(false);
    });

    it('only cover the requested range', async () => {
        const ws = await build();
        const document = ws.documents['main.aims'];
        const line3 = { start: { line: 3, character: 0 }, end: { line: 3, character: 100 } };
        expect((await hints(ws, document, line3)).map(h => h.label)).toEqual(['Quality of data for AI systems', 'AI system verification and validation']);
    });

    it('are switched off by the inlayHints setting', async () => {
        const ws = await build({ settings: { inlayHints: false } });
        expect(await hints(ws, ws.documents['main.aims'])).toEqual([]);
    });

    it('never appear inside catalog documents', async () => {
        const ws = await build();
        const catalogDoc = ws.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.scheme === 'aims-catalog')!;
        expect(await hints(ws, catalogDoc)).toEqual([]);
    });

    it('skip ids that do not resolve', async () => {
        const ws = await single('risk r1 "x" { treatment mitigate with A.6.2.40 }');
        expect(await hints(ws, ws.documents['main.aims'])).toEqual([]);
    });
});

describe('inlay hints: title length', () => {
    it('show whole titles by default', async () => {
        const ws = await build();
        const document = ws.documents['main.aims'];
        const labels = (await hints(ws, document)).map(h => String(h.label));
        expect(labels).toContain('AI system verification and validation');
        expect(labels.some(l => l.endsWith('…'))).toBe(false);
    });

    it('cut titles longer than aims.inlayHintTitleLength at a word, and say so with …', async () => {
        const ws = await build({ settings: { inlayHintTitleLength: 20 } });
        const document = ws.documents['main.aims'];
        const labels = (await hints(ws, document)).map(h => String(h.label));
        // "AI system verification and validation" (37 characters) -> the words that fit in 19, then "…".
        expect(labels).toContain('AI system…');
        expect(labels).toContain('AI policy');
        expect(labels.every(l => l.length <= 20)).toBe(true);
    });
});
