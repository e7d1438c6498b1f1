/**
 * Plain-language messages for lexer and parser errors (rule `aims/syntax-error`). The parser
 * reports token type names (`CATALOG_ID`, `'}'`); an author needs to read what was expected in
 * the language's own words, what was found, and what is probably wrong: a misspelt field, a
 * missing '}', a string without its closing quote.
 */
import { AstUtils, GrammarAST, type ParseResult } from 'langium';
import { didYouMean } from '../catalog/did-you-mean.js';

export type ParserError = ParseResult['parserErrors'][number];
export type LexerError = ParseResult['lexerErrors'][number];

/** Terminals in words; keywords are shown as written. */
const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a quoted text ("...")',
    DATE: 'a date (YYYY-MM-DD)',
    INT: 'a number',
    CATALOG_ID: 'a catalog id (such as A.6.2.4)',
    CLAUSE_ID: 'a clause number (such as 6.1.2)',
    NIST_ID: 'a NIST AI RMF id (such as GOVERN 1.1)',
    ARTICLE_ID: 'an EU AI Act article (such as Article 9)',
    EOF: 'the end of the file'
};

/** How a found token is named, when its type says more than its text. */
const FOUND_WORDS: Record<string, string> = {
    STRING: 'the text',
    DATE: 'the date',
    INT: 'the number',
    CATALOG_ID: 'the catalog id',
    CLAUSE_ID: 'the clause number',
    NIST_ID: 'the NIST AI RMF id',
    ARTICLE_ID: 'the article'
};

export class SyntaxErrorMessages {
    private readonly grammar: GrammarAST.Grammar;
    private readonly fieldCache = new Map<string, string[]>();

    constructor(grammar: GrammarAST.Grammar) {
        this.grammar = grammar;
    }

    /** `Syntax error: expected X but found Y.` plus a hint when the likely cause is clear. */
    parserError(error: ParserError): string {
        const tokenType = error.token.tokenType?.name ?? '';
        const image = error.token.image ?? '';
        const atEnd = tokenType === 'EOF' || image === '';
        const found = atEnd ? 'the end of the file'
            : FOUND_WORDS[tokenType] ? `${FOUND_WORDS[tokenType]} '${image}'`
            : `'${image}'`;
        const expected = expectedTokens(error.message);
        const head = expected.length > 0
            ? `Syntax error: expected ${listOf(expected.map(describeToken))} but found ${found}.`
            : `Syntax error: unexpected ${found}.`;
        const hint = this.hint(error, expected, image, atEnd);
        return hint ? `${head} ${hint}` : head;
    }

    /** Lexer errors: characters that no token of the language can start with. */
    lexerError(error: LexerError, text: string): string {
        const characters = text.substring(error.offset, error.offset + Math.max(1, error.length ?? 1));
        if (characters.startsWith('"') || characters.startsWith('\'')) {
            const quote = characters[0];
            return `Syntax error: this quoted text has no closing ${quote}; add ${quote} where the text ends.`;
        }
        let hint = '';
        if (characters.startsWith('#')) {
            hint = ' Comments start with // (to the end of the line) or /* ... */.';
        } else if (/\p{L}/u.test(characters)) {
            hint = ' Names may use the letters a-z and A-Z, digits, \'_\' and \'-\'; put other text in quotes.';
        }
        return `Syntax error: unexpected character${characters.length > 1 ? 's' : ''} '${characters}'; it is not part of the AIMS language.${hint}`;
    }

    private hint(error: ParserError, expected: string[], image: string, atEnd: boolean): string | undefined {
        const rules = (error.context?.ruleStack ?? []).map(name => name.replace(/\u200B/g, ''));
        const declarations = this.fields('Model');
        if (rules.length <= 1 && !atEnd && /^[\w-]+$/.test(image)) {
            // Between declarations: the word should have started one.
            const guess = didYouMean(image, declarations, 1);
            return `'${image}' does not start a declaration.${guess.length > 0 ? ` Did you mean '${guess[0]}'?` : ''} Declarations start with: ${declarations.join(', ')}.`;
        }
        const block = [...rules].reverse().find(rule => rule !== 'Model' && this.fields(rule).length > 0);
        const keyword = block ? this.firstKeyword(block) : undefined;
        if (expected.includes('}') && block && keyword) {
            if (atEnd) {
                return `The file ends inside a ${keyword} block: close it with '}'.`;
            }
            if (declarations.includes(image)) {
                return `A '}' is probably missing before this ${image}: the ${keyword} block above is not closed.`;
            }
            if (/^[a-z][\w-]*$/.test(image)) {
                const fields = this.fields(block);
                const guess = didYouMean(image, fields, 1);
                return `'${image}' is not a field of ${keyword}.${guess.length > 0 ? ` Did you mean '${guess[0]}'?` : ''} The fields of ${keyword} are: ${fields.join(', ')}.`;
            }
        }
        const keywords = expected.filter(name => /^[a-z][\w-]*$/.test(name));
        if (!atEnd && keywords.length > 0 && /^[\w-]+$/.test(image)) {
            const guess = didYouMean(image, keywords, 1);
            return guess.length > 0 ? `Did you mean '${guess[0]}'?` : undefined;
        }
        return undefined;
    }

    /**
     * The keywords that start a field (or, for `Model`, a declaration) inside a rule's repeated
     * block: `role`, `email`, `team` for `person`. Read from the grammar, so they never drift.
     */
    private fields(ruleName: string): string[] {
        let fields = this.fieldCache.get(ruleName);
        if (!fields) {
            const rule = this.rule(ruleName);
            const found = new Set<string>();
            if (rule) {
                for (const element of AstUtils.streamAst(rule.definition)) {
                    if (GrammarAST.isAbstractElement(element) && (element.cardinality === '*' || element.cardinality === '+')) {
                        const elements = GrammarAST.isAlternatives(element) ? element.elements : [element];
                        for (const alternative of elements) {
                            firstKeywords(alternative, new Set()).filter(k => /^[a-z][\w-]*$/.test(k)).forEach(k => found.add(k));
                        }
                    }
                }
            }
            // Catalogs are built in; a user file never declares one, so never suggest it.
            found.delete('catalog');
            fields = [...found];
            this.fieldCache.set(ruleName, fields);
        }
        return fields;
    }

    private firstKeyword(ruleName: string): string | undefined {
        const rule = this.rule(ruleName);
        return rule ? firstKeywords(rule.definition, new Set())[0] : undefined;
    }

    private rule(name: string): GrammarAST.ParserRule | undefined {
        return this.grammar.rules.find((r): r is GrammarAST.ParserRule => GrammarAST.isParserRule(r) && r.name === name);
    }
}

/** Keywords a grammar element can start with. */
function firstKeywords(element: GrammarAST.AbstractElement, visited: Set<GrammarAST.AbstractRule>): string[] {
    if (GrammarAST.isKeyword(element)) {
        return [element.value];
    }
    if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        return element.elements.flatMap(e => firstKeywords(e, visited));
    }
    if (GrammarAST.isGroup(element)) {
        const keywords: string[] = [];
        for (const e of element.elements) {
            keywords.push(...firstKeywords(e, visited));
            if (e.cardinality !== '?' && e.cardinality !== '*') {
                break;
            }
        }
        return keywords;
    }
    if (GrammarAST.isAssignment(element)) {
        return firstKeywords(element.terminal, visited);
    }
    if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (GrammarAST.isParserRule(rule) && !visited.has(rule)) {
            visited.add(rule);
            return firstKeywords(rule.definition, visited);
        }
    }
    return [];
}

/** Token type names from Langium's and Chevrotain's messages, in order, without repeats. */
function expectedTokens(message: string): string[] {
    const names: string[] = [];
    const single = /Expecting (?:token of type '([^']*)'|keyword '([^']*)'|`([^`]*)`)/.exec(message);
    if (single) {
        names.push(single[1] ?? single[2] ?? single[3]);
    } else if (/^Expecting end of file/.test(message)) {
        names.push('EOF');
    } else {
        // "one of these possible Token sequences: 1. [mitigate] 2. [avoid] ...": the first token of each.
        for (const match of message.matchAll(/\[([^\]]+)\]/g)) {
            names.push(match[1].split(', ')[0]);
        }
    }
    return [...new Set(names)];
}

function describeToken(name: string): string {
    return TOKEN_WORDS[name] ?? `'${name}'`;
}

function listOf(items: string[]): string {
    if (items.length > 8) {
        return `one of ${items.slice(0, 8).join(', ')}, ...`;
    }
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
