import { describe, expect, it } from 'vitest';
import { expectFindReferences, expectGoToDefinition } from 'langium/test';
import type { LocationLink } from 'vscode-languageserver';
import { catalogDocumentUri, renderCatalogDocument } from '../../src/catalog/catalog-document.js';
import { at, lspServices, open, positionOf, uriOf } from './lsp-workspace.js';

const PEOPLE = 'person alice "Alice Moreau"\n';
const RISKS = `risk r-bias "Unfair declines" { treatment mitigate with A.6.2.4 owner alice }
soa {
    control A.6.2.4 applicable { status implemented treats r-bias }
}
`;
const EVIDENCE = 'evidence ev "Validation report" { supports A.6.2.4, GOVERN 1.1 }\n';

describe('go to definition', () => {
    it('opens a catalog id at its entry in the read-only catalog document', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS });
        const risks = ws.documents['risks.aims'];
        const links = await services.lsp.DefinitionProvider!.getDefinition(risks, at(risks, positionOf(risks, 'A.6.2.4', 3))) as LocationLink[];
        expect(links).toHaveLength(1);
        expect(links[0].targetUri).toBe('aims-catalog:/annex-a.aims');
        // The selection is the id on the entry's line in the catalog text the client will fetch.
        const lines = renderCatalogDocument('annex-a').split('\n');
        const line = lines.findIndex(l => l.trim().startsWith('control A.6.2.4 '));
        expect(links[0].targetSelectionRange).toEqual({
            start: { line, character: lines[line].indexOf('A.6.2.4') },
            end: { line, character: lines[line].indexOf('A.6.2.4') + 'A.6.2.4'.length }
        });
        expect(links[0].originSelectionRange).toEqual({
            start: positionOf(risks, 'A.6.2.4'),
            end: positionOf(risks, 'A.6.2.4', 'A.6.2.4'.length)
        });
    });

    it('opens a NIST subcategory in the NIST catalog document', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'evidence.aims': EVIDENCE });
        const doc = ws.documents['evidence.aims'];
        const links = await services.lsp.DefinitionProvider!.getDefinition(doc, at(doc, positionOf(doc, 'GOVERN 1.1', 8))) as LocationLink[];
        expect(links.map(l => l.targetUri)).toEqual([catalogDocumentUri('nist').toString()]);
    });

    it('goes to a person declared in another file', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'people.aims': PEOPLE, 'risks.aims': RISKS });
        const risks = ws.documents['risks.aims'];
        const links = await services.lsp.DefinitionProvider!.getDefinition(risks, at(risks, positionOf(risks, 'alice', 2))) as LocationLink[];
        expect(links.map(l => [l.targetUri, l.targetSelectionRange])).toEqual([[
            uriOf('people.aims').toString(),
            { start: { line: 0, character: 7 }, end: { line: 0, character: 12 } }
        ]]);
    });

    it('goes to a risk declared in the same file', async () => {
        const services = await lspServices();
        await expectGoToDefinition(services)({
            text: 'risk <|r-bias|> "Unfair declines" { treatment mitigate }\nsoa { control A.2.2 applicable { treats r-b<|>ias } }',
            index: 0,
            rangeIndex: 0,
            disposeAfterCheck: true
        });
    });
});

describe('find references', () => {
    it('finds every use of a catalog id across files, from one of its uses', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'risks.aims': RISKS, 'evidence.aims': EVIDENCE });
        const risks = ws.documents['risks.aims'];
        const params = { ...at(risks, positionOf(risks, 'A.6.2.4', 2, 1)), context: { includeDeclaration: false } };
        const locations = await services.lsp.ReferencesProvider!.findReferences(risks, params);
        const found = locations.map(l => `${l.uri.split('/').pop()}:${l.range.start.line}:${l.range.start.character}`).sort();
        expect(found).toEqual([
            `evidence.aims:0:${EVIDENCE.indexOf('A.6.2.4')}`,
            `risks.aims:0:${RISKS.indexOf('A.6.2.4')}`,
            `risks.aims:2:${'    control '.length}`
        ]);
    });

    it('includes the catalog entry when the declaration is asked for', async () => {
        const services = await lspServices();
        const ws = await open(services, { 'risks.aims': RISKS });
        const risks = ws.documents['risks.aims'];
        const params = { ...at(risks, positionOf(risks, 'A.6.2.4', 2)), context: { includeDeclaration: true } };
        const uris = (await services.lsp.ReferencesProvider!.findReferences(risks, params)).map(l => l.uri);
        expect(uris.filter(u => u === 'aims-catalog:/annex-a.aims')).toHaveLength(1);
        expect(uris.filter(u => u === uriOf('risks.aims').toString())).toHaveLength(2);
    });

    it('finds the uses of a person within one file', async () => {
        const services = await lspServices();
        await expectFindReferences(services)({
            text: 'person al<|>ice "Alice"\nrisk r "R" { owner <|alice|> accepted by <|alice|> }',
            includeDeclaration: false,
            disposeAfterCheck: true
        });
    });
});
