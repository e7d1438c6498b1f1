/**
 * Colouring for Monaco from the same TextMate grammar VS Code uses (syntaxes/aims.tmLanguage.json,
 * generated from the Langium grammar), translated into a Monarch tokenizer: `match` patterns
 * become rules, `begin`/`end` patterns (strings, block comments) become states. One grammar, no
 * second keyword list to keep in step.
 */
import type * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';

interface TmPattern {
    name?: string;
    match?: string;
    begin?: string;
    end?: string;
    include?: string;
    patterns?: TmPattern[];
}

interface TmGrammar {
    patterns: TmPattern[];
    repository?: Record<string, TmPattern>;
}

/** TextMate scopes to the token classes Monaco's themes colour. */
function tokenOf(scope = ''): string {
    if (scope.startsWith('comment')) return 'comment';
    if (scope.startsWith('string')) return scope.includes('escape') ? 'string.escape' : 'string';
    if (scope.startsWith('constant.numeric') || scope.includes('date')) return 'number';
    if (scope.startsWith('constant') || scope.startsWith('entity') || scope.startsWith('support')) return 'type';
    if (scope.startsWith('keyword') || scope.startsWith('storage')) return 'keyword';
    return 'identifier';
}

function regex(source: string): RegExp | undefined {
    try {
        return new RegExp(source);
    } catch {
        return undefined;
    }
}

export function monarchFromTextMate(grammar: TmGrammar): monaco.languages.IMonarchLanguage {
    const states: Record<string, monaco.languages.IMonarchLanguageRule[]> = {};
    const root: monaco.languages.IMonarchLanguageRule[] = [[/\s+/, 'white']];
    let stateCount = 0;
    const seen = new Set<TmPattern>();
    const visit = (pattern: TmPattern, into: monaco.languages.IMonarchLanguageRule[]) => {
        if (pattern.include) {
            const entry = grammar.repository?.[pattern.include.replace(/^#/, '')];
            if (entry && !seen.has(entry)) {
                seen.add(entry);
                visit(entry, into);
                seen.delete(entry);
            }
        } else if (pattern.match) {
            const re = regex(pattern.match);
            if (re) into.push([re, tokenOf(pattern.name)]);
        } else if (pattern.begin && /^(\(\?=)?\$\)?$/.test(pattern.end ?? '')) {
            // Up to the end of the line (line comments): Monarch tokenizes line by line and never
            // matches at the end, so this is one rule rather than a state.
            const line = regex(`${pattern.begin}.*`);
            if (line) into.push([line, tokenOf(pattern.name)]);
        } else if (pattern.begin && pattern.end) {
            const begin = regex(pattern.begin);
            const end = regex(pattern.end);
            if (begin && end) {
                const state = `region${++stateCount}`;
                const token = tokenOf(pattern.name);
                const inner: monaco.languages.IMonarchLanguageRule[] = [[end, token, '@pop']];
                for (const nested of pattern.patterns ?? []) visit(nested, inner);
                inner.push([/[\s\S]/, token]);
                states[state] = inner;
                into.push([begin, token, `@${state}`]);
            }
        } else {
            for (const nested of pattern.patterns ?? []) visit(nested, into);
        }
    };
    for (const pattern of grammar.patterns) visit(pattern, root);
    // A name is one token, so a keyword inside it (`owner-team`) is not coloured as one.
    root.push([/[A-Za-z_][\w.-]*/, 'identifier']);
    return { defaultToken: '', tokenPostfix: '.aims', tokenizer: { root, ...states } };
}
