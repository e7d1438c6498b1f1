import { describe, expect, it } from 'vitest';
import { expectSymbols } from 'langium/test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { catalogDocumentUri } from '../../src/catalog/catalog-document.js';
import { at, lspServices, open } from './lsp-workspace.js';

const AIMS = `organisation acme "Acme Financial Services" {
    party regulators "Supervisory authorities"
}
person alice "Alice Moreau"
team ml-platform "ML Platform" { lead alice }
system credit-scoring "Credit scoring model" { owner alice }
risk r-bias "Unfair declines" { systems credit-scoring }
soa "Statement of applicability" {
    control A.2.2 applicable { status implemented }
    control A.10.4 excluded because "We supply no AI systems to customers."
    control A.7.6 undecided
}
evidence ev-policy "Signed AI policy" { path "evidence/ai-policy.pdf" }
control ACME.1 "Red-team prompts before release"
`;

type Outline = [string, SymbolKind, string | undefined, Outline[]?];

function outline(symbols: DocumentSymbol[]): Outline[] {
    return symbols.map(s => s.children ? [s.name, s.kind, s.detail, outline(s.children)] : [s.name, s.kind, s.detail]);
}

describe('document symbols (outline)', () => {
    it('names each declaration as written, with a kind per type, and lists SoA entries by control id', async () => {
        const services = await lspServices();
        await expectSymbols(services)({
            text: AIMS,
            disposeAfterCheck: true,
            assert: symbols => expect(outline(symbols)).toEqual([
                ['organisation acme "Acme Financial Services"', SymbolKind.Namespace, undefined, [
                    ['party regulators "Supervisory authorities"', SymbolKind.Property, undefined]
                ]],
                ['person alice "Alice Moreau"', SymbolKind.Object, undefined],
                ['team ml-platform "ML Platform"', SymbolKind.Struct, undefined],
                ['system credit-scoring "Credit scoring model"', SymbolKind.Class, undefined],
                ['risk r-bias "Unfair declines"', SymbolKind.Event, undefined],
                ['soa "Statement of applicability"', SymbolKind.Module, '3 entries', [
                    ['A.2.2', SymbolKind.EnumMember, 'applicable, implemented'],
                    ['A.10.4', SymbolKind.EnumMember, 'excluded'],
                    ['A.7.6', SymbolKind.EnumMember, 'undecided']
                ]],
                ['evidence ev-policy "Signed AI policy"', SymbolKind.File, undefined],
                ['control ACME.1 "Red-team prompts before release"', SymbolKind.EnumMember, undefined]
            ])
        });
    });

    it('selects the control id of an SoA entry and spans the whole entry', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'main.aims': AIMS });
        const doc = ws.documents['main.aims'];
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(doc, at(doc, { line: 0, character: 0 }));
        const entry = symbols.find(s => s.name.startsWith('soa'))!.children![1];
        expect(entry.selectionRange).toEqual({ start: { line: 9, character: 12 }, end: { line: 9, character: 18 } });
        expect(entry.range.start).toEqual({ line: 9, character: 4 });
        expect(entry.range.end.line).toBe(9);
    });

    it('outlines a catalog document by its entries', async () => {
        const services = await lspServices();
        await open(services, {});
        const annexA = services.shared.workspace.LangiumDocuments.getDocument(catalogDocumentUri('annex-a'))!;
        const [root] = await services.lsp.DocumentSymbolProvider!.getSymbols(annexA, at(annexA, { line: 0, character: 0 }));
        expect(root.name).toMatch(/^catalog iso42001_annex_a "/);
        expect(root.children!.map(c => c.name.split(' ').slice(0, 2).join(' '))).toContain('control A.6.2.4');
        expect(root.children!.find(c => c.name.startsWith('group A.2 '))!.kind).toBe(SymbolKind.Namespace);
    });
});
