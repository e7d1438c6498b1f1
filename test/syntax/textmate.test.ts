/**
 * The TextMate grammar VS Code colours .aims files with: Langium's generated grammar plus
 * scripts/extend-textmate.mjs, tokenised by the same engine VS Code uses (vscode-textmate on
 * the Oniguruma WebAssembly build).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, test } from 'vitest';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { extendGrammar, GRAMMAR_PATH } from '../../scripts/extend-textmate.mjs';

const require = createRequire(import.meta.url);
let grammar: vsctm.IGrammar;

beforeAll(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    // The file on disk may come straight from `langium generate` or already be extended.
    const raw = JSON.stringify(extendGrammar(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'))));
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
            createOnigString: text => new oniguruma.OnigString(text)
        }),
        loadGrammar: async scopeName => scopeName === 'source.aims' ? vsctm.parseRawGrammar(raw, 'aims.tmLanguage.json') : null
    });
    const loaded = await registry.loadGrammar('source.aims');
    if (!loaded) throw new Error('source.aims did not load');
    grammar = loaded;
});

interface Token { text: string; scopes: string[] }

function tokenise(text: string): Token[] {
    const tokens: Token[] = [];
    let state = vsctm.INITIAL;
    for (const line of text.split('\n')) {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) {
            tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
        }
        state = result.ruleStack;
    }
    return tokens;
}

/** The innermost scope of the token that is exactly `text` (the first one, or the nth). */
function scopeOf(source: string, text: string, nth = 0): string {
    const matches = tokenise(source).filter(t => t.text === text);
    const token = matches[nth];
    if (!token) {
        const seen = tokenise(source).map(t => JSON.stringify(t.text)).join(' ');
        throw new Error(`no token ${JSON.stringify(text)} (#${nth}); tokens: ${seen}`);
    }
    return token.scopes[token.scopes.length - 1];
}

const risk = `// Risk register, reviewed quarterly
/* owner: governance team */
risk r-bias "Unfair declines since 2025-01-01" {
    sources C.3.4 affects individuals
    inherent likelihood 4 impact 5
    treatment mitigate with A.6.2.4, ACME.1
    review 2027-01-31
}`;

const evidence = `evidence ev-policy 'Signed AI policy' {
    kind document owner alice collected 2026-01-15
    supports 6.1.2, A.2.2, GOVERN 1.1, MEASURE 2.7, Article 9
}`;

describe('TextMate grammar: keywords', () => {
    test('declaration and property keywords are keywords', () => {
        expect(scopeOf(risk, 'risk')).toBe('keyword.control.aims');
        expect(scopeOf(risk, 'treatment')).toBe('keyword.control.aims');
        expect(scopeOf(risk, 'mitigate')).toBe('keyword.control.aims');
        expect(scopeOf(evidence, 'supports')).toBe('keyword.control.aims');
    });

    test('a keyword inside a hyphenated name is part of the name, not a keyword', () => {
        expect(scopeOf(risk, ' r-bias ')).toBe('source.aims');
        expect(scopeOf(evidence, ' ev-policy ')).toBe('source.aims');
    });
});

describe('TextMate grammar: catalog ids', () => {
    test('Annex A, Annex C and organisation control ids are one catalog-id token each', () => {
        expect(scopeOf(risk, 'A.6.2.4')).toBe('constant.other.catalog-id.aims');
        expect(scopeOf(risk, 'C.3.4')).toBe('constant.other.catalog-id.aims');
        expect(scopeOf(risk, 'ACME.1')).toBe('constant.other.catalog-id.aims');
    });

    test('clause numbers, NIST subcategories and EU AI Act articles are catalog ids', () => {
        expect(scopeOf(evidence, '6.1.2')).toBe('constant.other.catalog-id.aims');
        expect(scopeOf(evidence, 'GOVERN 1.1')).toBe('constant.other.catalog-id.aims');
        expect(scopeOf(evidence, 'MEASURE 2.7')).toBe('constant.other.catalog-id.aims');
        expect(scopeOf(evidence, 'Article 9')).toBe('constant.other.catalog-id.aims');
    });
});

describe('TextMate grammar: literals', () => {
    test('double- and single-quoted strings are strings, and a date inside one stays string', () => {
        expect(scopeOf(risk, 'Unfair declines since 2025-01-01')).toBe('string.quoted.double.aims');
        expect(scopeOf(evidence, 'Signed AI policy')).toBe('string.quoted.single.aims');
    });

    test('dates are dates and plain integers are numbers', () => {
        expect(scopeOf(risk, '2027-01-31')).toBe('constant.numeric.date.aims');
        expect(scopeOf(evidence, '2026-01-15')).toBe('constant.numeric.date.aims');
        expect(scopeOf(risk, '4')).toBe('constant.numeric.integer.aims');
    });
});

describe('TextMate grammar: comments', () => {
    test('line and block comments are comments', () => {
        const line = tokenise(risk).find(t => t.text.includes('Risk register'));
        expect(line?.scopes).toContain('comment.line.aims');
        const block = tokenise(risk).find(t => t.text.includes('owner: governance team'));
        expect(block?.scopes).toContain('comment.block.aims');
    });
});

describe('TextMate grammar: build step', () => {
    test('extending twice gives the same grammar as extending once', () => {
        const generated = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
        const once = extendGrammar(generated);
        expect(extendGrammar(once)).toEqual(once);
    });
});
