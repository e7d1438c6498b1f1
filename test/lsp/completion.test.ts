import { describe, expect, it } from 'vitest';
import { expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver';
import { catalog } from '../../src/catalog/catalog.js';
import type { AimsServices } from '../../src/language/aims-module.js';
import { at, lspServices, open } from './lsp-workspace.js';

/** Completion at the one `<|>` of `files`, in the order the client shows it (by sortText). */
async function complete(services: AimsServices, files: Record<string, string>): Promise<CompletionItem[]> {
    const ws = await open(services, files);
    const { document, position } = ws.cursor;
    const list = await services.lsp.CompletionProvider!.getCompletion(document, at(document, position)) ?? { items: [] };
    return [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);
const annexA = catalog.annexAControls.map(c => c.id);

const PEOPLE = 'person alice "Alice Moreau"\nteam governance "AI governance board" { lead alice }\n';

describe('completion of catalog ids', () => {
    it('offers every Annex A control after `control ` in a statement of applicability, with title and summary', async () => {
        const services = await lspServices();
        const items = await complete(services, { 'soa.aims': 'soa {\n    control <|>\n}\n' });
        expect(labels(items)).toEqual(annexA);
        const item = items.find(i => i.label === 'A.6.2.4')!;
        const entry = catalog.get('annex-a-control', 'A.6.2.4')!;
        expect(item.detail).toBe(entry.title);
        expect(item.documentation).toBe(entry.summary || undefined);
    });

    it('lists controls in catalog order: A.2.2 before A.10.2', async () => {
        const services = await lspServices();
        const items = await complete(services, { 'risks.aims': 'risk r "R" { treatment mitigate with <|> }' });
        const ids = labels(items);
        expect(ids.indexOf('A.2.2')).toBeGreaterThanOrEqual(0);
        expect(ids.indexOf('A.2.2')).toBeLessThan(ids.indexOf('A.10.2'));
        expect(ids.filter(id => id.startsWith('A.'))).toEqual(annexA);
    });

    it('puts the controls that have no SoA entry yet first', async () => {
        const services = await lspServices();
        const items = await complete(services, {
            'soa.aims': 'soa {\n    control A.2.2 applicable\n    control A.2.3 excluded because "No other policies."\n    control <|>\n}\n'
        });
        const ids = labels(items);
        expect(ids.slice(0, annexA.length - 2)).toEqual(annexA.filter(id => id !== 'A.2.2' && id !== 'A.2.3'));
        expect(ids.slice(-2)).toEqual(['A.2.2', 'A.2.3']);
    });

    it('completes a partly typed id such as `A.6.` to the ids that start with it', async () => {
        const services = await lspServices();
        const items = await complete(services, { 'soa.aims': 'soa {\n    control A.6.<|>\n}\n' });
        expect(labels(items)).toEqual(annexA.filter(id => id.startsWith('A.6.')));
        // The edit replaces what was typed, so accepting `A.6.2.4` does not give `A.6.A.6.2.4`.
        const edit = items.find(i => i.label === 'A.6.2.4')!.textEdit as { range: { start: { character: number } }; newText: string };
        expect(edit.newText).toBe('A.6.2.4');
        expect(edit.range.start.character).toBe('    control '.length);
    });

    it('completes `A.` and `a.6.2` as ids too', async () => {
        const services = await lspServices();
        expect(labels(await complete(services, { 'soa.aims': 'soa { control A.<|> }' }))).toEqual(annexA);
        expect(labels(await complete(services, { 'soa.aims': 'soa { control a.6.2<|> }' }))).toEqual(annexA.filter(id => id.startsWith('A.6.2')));
    });

    it('completes NIST AI RMF subcategories with a space in their id', async () => {
        const services = await lspServices();
        const items = await complete(services, { 'controls.aims': 'control ACME.1 "Red-team prompts" { nist GOVERN 1.<|> }' });
        const expected = catalog.ofKind('nist-subcategory').map(s => s.id).filter(id => id.startsWith('GOVERN 1.'));
        expect(expected.length).toBeGreaterThan(1);
        expect(labels(items)).toEqual(expected);
    });

    it('leaves ids in comments and strings alone', async () => {
        const services = await lspServices();
        const inComment = await complete(services, { 'soa.aims': 'soa {\n    // see A.6.<|>\n}\n' });
        expect(inComment.filter(i => i.label.startsWith('A.'))).toEqual([]);
        const inString = await complete(services, { 'soa.aims': 'soa { control A.2.2 applicable { note "like A.6.<|>" } }' });
        expect(inString.filter(i => i.label.startsWith('A.'))).toEqual([]);
    });

    it('answers with the cursor deep in a 1 MB string, where it once took minutes (issue 15)', async () => {
        const services = await lspServices();
        const long = 'x'.repeat(512 * 1024);
        const items = await complete(services, { 'policy.aims': `policy p "P" { summary "${long}<|>${long}" }` });
        expect(items.filter(i => i.label.startsWith('A.'))).toEqual([]);
    });

    it('answers after `approved ... by` outside any block, which once failed on the model (issue 15)', async () => {
        const services = await lspServices();
        const items = await complete(services, { 'main.aims': `${PEOPLE}approved 2026-01-01 by <|>` });
        expect(Array.isArray(items)).toBe(true);
    });

    it('offers clause, Annex A, NIST and EU AI Act ids for `supports`', async () => {
        const services = await lspServices();
        const ids = labels(await complete(services, { 'evidence.aims': 'evidence ev "Policy" { supports <|> }' }));
        for (const id of ['5.2', 'A.2.2', 'GOVERN 1.1', 'Article 9']) {
            expect(ids).toContain(id);
        }
    });

    it('offers Annex III points and sub-points after `annex-iii`, and Annex I legislation after `annex-i`', async () => {
        const services = await lspServices();
        const annexIII = labels(await complete(services, { 'main.aims': 'system s "S" { eu-ai-act high annex-iii <|> }' }));
        expect(annexIII).toEqual(expect.arrayContaining(['5', '5(b)', '5(c)', '2', '8(b)']));
        expect(annexIII).toHaveLength(catalog.ofKind('annex-iii-area').length + catalog.ofKind('annex-iii-subpoint').length);
        const annexI = labels(await complete(services, { 'main.aims': 'system s "S" { eu-ai-act high annex-i <|> }' }));
        expect(annexI).toEqual(catalog.ofKind('annex-i-item').map(i => i.id));
    });

    it('offers the prohibited practices after `under`, and the roles after `operator`', async () => {
        const services = await lspServices();
        const under = labels(await complete(services, { 'main.aims': 'system s "S" { eu-ai-act prohibited under <|> }' }));
        expect(under).toEqual(expect.arrayContaining(['Article 5(1)(a)', 'Article 5(1)(h)', 'Article 6(3)(a)']));
        const roles = labels(await complete(services, { 'main.aims': 'system s "S" { operator <|> }' }));
        expect(roles).toEqual(expect.arrayContaining(['provider', 'deployer', 'importer', 'distributor', 'authorised-representative', 'product-manufacturer']));
    });

    it('offers Annex C risk sources after `sources`', async () => {
        const services = await lspServices();
        await expectCompletion(services)({
            text: 'risk r "R" { sources <|> }',
            index: 0,
            expectedItems: catalog.ofKind('risk-source').map(r => r.id),
            disposeAfterCheck: true
        });
    });
});

describe('completion of keywords and names', () => {
    it('offers the declaration keywords at the top level', async () => {
        const services = await lspServices();
        const ids = labels(await complete(services, { 'main.aims': '<|>' }));
        for (const keyword of ['organisation', 'person', 'team', 'system', 'risk', 'soa', 'evidence', 'control']) {
            expect(ids).toContain(keyword);
        }
    });

    it('offers people and teams from other files as owners', async () => {
        const services = await lspServices();
        const items = await complete(services, { 'people.aims': PEOPLE, 'risks.aims': 'risk r "R" { owner <|> }' });
        expect(labels(items)).toEqual(['alice', 'governance']);
        // What the name stands for, in the language's words: the keyword and the title.
        expect(items.map(i => i.detail)).toEqual(['person "Alice Moreau"', 'team "AI governance board"']);
    });

    it('offers organisation controls after the Annex A controls, and after the undecided ones in an SoA', async () => {
        const services = await lspServices();
        const control = 'control ACME.1 "Red-team prompts before release" { summary "Attack library run" }\n';
        const undecided = await complete(services, { 'controls.aims': control, 'soa.aims': 'soa {\n    control <|>\n}\n' });
        expect(labels(undecided)).toEqual([...annexA, 'ACME.1']);
        expect(undecided.at(-1)!.detail).toBe('control "Red-team prompts before release"');

        // Once both have an entry, A.2.2 and ACME.1 come last, Annex A first.
        const withA22 = await complete(services, {
            'controls.aims': control,
            'soa.aims': 'soa {\n    control ACME.1 applicable\n    control A.2.2 applicable\n    control <|>\n}\n'
        });
        expect(labels(withA22).slice(-2)).toEqual(['A.2.2', 'ACME.1']);
        expect(labels(withA22)[0]).toBe('A.2.3');
    });
});
