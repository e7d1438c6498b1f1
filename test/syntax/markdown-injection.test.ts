/**
 * ```aims code blocks in Markdown are coloured with the AIMS grammar: the injection grammar
 * (syntaxes/aims.markdown.tmLanguage.json), tokenised by vscode-textmate as VS Code does. A
 * stand-in for VS Code's Markdown grammar provides the host scope the injection attaches to.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, test } from 'vitest';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { extendGrammar, GRAMMAR_PATH } from '../../scripts/extend-textmate.mjs';

const require = createRequire(import.meta.url);
const INJECTION = new URL('../../syntaxes/aims.markdown.tmLanguage.json', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
let markdown: vsctm.IGrammar;

beforeAll(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined);
    const grammars: Record<string, string> = {
        'source.aims': JSON.stringify(extendGrammar(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')))),
        'markdown.aims.codeblock': readFileSync(INJECTION, 'utf8'),
        'text.html.markdown': JSON.stringify({ scopeName: 'text.html.markdown', patterns: [] })
    };
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
            createOnigString: text => new oniguruma.OnigString(text)
        }),
        loadGrammar: async scopeName => grammars[scopeName] ? vsctm.parseRawGrammar(grammars[scopeName], `${scopeName}.json`) : null,
        getInjections: scopeName => scopeName === 'text.html.markdown' ? ['markdown.aims.codeblock'] : undefined
    });
    markdown = (await registry.loadGrammar('text.html.markdown'))!;
});

function scopesOf(text: string, word: string): string[] {
    let state = vsctm.INITIAL;
    for (const line of text.split('\n')) {
        const result = markdown.tokenizeLine(line, state);
        const token = result.tokens.find(t => line.slice(t.startIndex, t.endIndex) === word);
        if (token) return token.scopes;
        state = result.ruleStack;
    }
    throw new Error(`no token ${word}`);
}

const DOC = `Our exclusion:

\`\`\`aims
soa { control A.10.4 excluded because "We supply no AI systems." }
\`\`\`

An excluded control outside the block.
`;

describe('Markdown: ```aims code blocks', () => {
    test('colour AIMS keywords inside the block as embedded AIMS', () => {
        const scopes = scopesOf(DOC, 'excluded');
        expect(scopes).toContain('meta.embedded.block.aims');
        expect(scopes.some(s => s.startsWith('keyword.'))).toBe(true);
    });

    test('leave the prose around the block alone', () => {
        const after = DOC.split('\n').slice(5).join('\n');
        expect(scopesOf(after, 'An excluded control outside the block.')).toEqual(['text.html.markdown']);
    });

    test('are contributed as an injection into Markdown that embeds the aims language', () => {
        const grammar = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === 'markdown.aims.codeblock');
        expect(grammar.injectTo).toEqual(['text.html.markdown']);
        expect(grammar.embeddedLanguages).toEqual({ 'meta.embedded.block.aims': 'aims' });
    });
});
