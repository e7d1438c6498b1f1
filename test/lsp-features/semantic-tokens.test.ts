import { describe, expect, it } from 'vitest';
import { SemanticTokensDecoder } from 'langium/lsp';
import { single, type TestWorkspace } from '../helpers/workspace.js';

const TEXT = [
    'organisation acme "Acme" { scope "x" party regulators "Regulators" }',
    'person alice "Alice"',
    'team ml "ML" { lead alice }',
    'system bot "Bot" { owner ml eu-ai-act limited datasets chats }',
    'dataset chats "Chats" { owner alice }',
    'risk r1 "Wrong answers" { systems bot treatment mitigate with A.6.2.4, ACME.1 owner alice review 2027-01-31 }',
    'control ACME.1 "Red team" { nist MEASURE 2.7 }',
    'evidence ev "Report" { url "https://x.example" collected 2026-01-15 supports A.6.2.4 }',
    'soa { control A.6.2.4 applicable { status implemented evidence ev treats r1 } }',
    'risk r2 "x" { owner nobody }'
].join('\n');

interface Token {
    text: string;
    type: string;
    modifiers: string[];
}

async function tokens(ws: TestWorkspace): Promise<Token[]> {
    const provider = ws.services.lsp.SemanticTokenProvider!;
    const document = ws.documents['main.aims'];
    const result = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    const modifierNames = Object.entries(provider.tokenModifiers);
    return SemanticTokensDecoder.decode(result, provider.tokenTypes, document).map(t => ({
        text: t.text,
        type: t.tokenType,
        modifiers: modifierNames.filter(([, bit]) => (t.tokenModifiers & bit) !== 0).map(([name]) => name)
    }));
}

function tokensFor(list: Token[], text: string): Array<Omit<Token, 'text'>> {
    return list.filter(t => t.text === text).map(({ type, modifiers }) => ({ type, modifiers }));
}

describe('semantic tokens', () => {
    it('give a declaration name and every reference to it the same type, with the declaration modifier on the name', async () => {
        const list = await tokens(await single(TEXT));
        expect(tokensFor(list, 'alice')).toEqual([
            { type: 'variable', modifiers: ['declaration'] },
            { type: 'variable', modifiers: [] },
            { type: 'variable', modifiers: [] },
            { type: 'variable', modifiers: [] }
        ]);
        expect(tokensFor(list, 'bot')).toEqual([{ type: 'class', modifiers: ['declaration'] }, { type: 'class', modifiers: [] }]);
        expect(tokensFor(list, 'chats')).toEqual([{ type: 'struct', modifiers: [] }, { type: 'struct', modifiers: ['declaration'] }]);
        expect(tokensFor(list, 'r1')).toEqual([{ type: 'enum', modifiers: ['declaration'] }, { type: 'enum', modifiers: [] }]);
        expect(tokensFor(list, 'ev')).toEqual([{ type: 'property', modifiers: ['declaration'] }, { type: 'property', modifiers: [] }]);
    });

    it('colour each kind of declaration by a standard token type', async () => {
        const list = await tokens(await single(TEXT));
        const declarations = Object.fromEntries(list.filter(t => t.modifiers.includes('declaration')).map(t => [t.text, t.type]));
        expect(declarations).toEqual({
            acme: 'namespace', regulators: 'variable', alice: 'variable', ml: 'variable', bot: 'class', chats: 'struct',
            r1: 'enum', r2: 'enum', 'ACME.1': 'enumMember', ev: 'property'
        });
    });

    it('mark catalog ids as enum members of the default library, and organisation controls as plain enum members', async () => {
        const list = await tokens(await single(TEXT));
        expect(tokensFor(list, 'A.6.2.4')).toEqual(new Array(3).fill({ type: 'enumMember', modifiers: ['defaultLibrary'] }));
        expect(tokensFor(list, 'MEASURE 2.7')).toEqual([{ type: 'enumMember', modifiers: ['defaultLibrary'] }]);
        expect(tokensFor(list, 'ACME.1')).toEqual([{ type: 'enumMember', modifiers: [] }, { type: 'enumMember', modifiers: ['declaration'] }]);
    });

    it('mark dates as numbers', async () => {
        const list = await tokens(await single(TEXT));
        expect(tokensFor(list, '2027-01-31')).toEqual([{ type: 'number', modifiers: [] }]);
        expect(tokensFor(list, '2026-01-15')).toEqual([{ type: 'number', modifiers: [] }]);
    });

    it('leave unresolved names and keywords to the TextMate grammar', async () => {
        const list = await tokens(await single(TEXT));
        expect(tokensFor(list, 'nobody')).toEqual([]);
        expect(list.some(t => ['risk', 'owner', 'soa', 'control'].includes(t.text))).toBe(false);
    });

    it('use only token types and modifiers from the legend the server announces', async () => {
        const ws = await single(TEXT);
        const legend = ws.services.lsp.SemanticTokenProvider!.semanticTokensOptions.legend;
        for (const token of await tokens(ws)) {
            expect(legend.tokenTypes).toContain(token.type);
            token.modifiers.forEach(m => expect(legend.tokenModifiers).toContain(m));
        }
    });
});
