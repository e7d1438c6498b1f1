/**
 * Plain-language messages for lexer and parser errors (rule `aims/syntax-error`). The parser
 * reports token type names (`CATALOG_ID`, `'}'`); an author needs to read what was expected in
 * the language's own words, what was found, and what is probably wrong: a misspelt field, a
 * missing '}', a string without its closing quote.
 */
import { AstUtils, GrammarAST, type ParseResult } from 'langium';
import type { IToken } from 'chevrotain';
import { catalog } from '../catalog/catalog.js';
import { didYouMean } from '../catalog/did-you-mean.js';
import { PARSER_GAVE_UP } from '../parser/aims-parser.js';

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
    NAMESPACED_ID: 'a namespaced id (such as 27001:A.5.15)',
    EOF: 'the end of the file',
    // Not a token: the alternatives of `supports`, named by what they mean rather than by shape.
    // Not a token either: a control reference (SoA entry, risk treatment), by what it means.
    ControlRef: 'a control id (an Annex A control such as A.6.2.4, an organisation control such as ACME.1, or an ISO/IEC 27001 control such as 27001:A.5.15)',
    CatalogRef: 'a catalog id (an ISO/IEC 42001 clause such as 5.2, an Annex A control such as A.2.2, an Annex C entry such as C.2.5, a NIST AI RMF subcategory such as GOVERN 1.1, an EU AI Act article such as Article 9, or an ISO/IEC 27001 control such as 27001:A.5.15)'
};

/** The terminals a `supports` entry may be; together they read as one "catalog id". */
const CATALOG_REF_TOKENS = ['CATALOG_ID', 'CLAUSE_ID', 'INT', 'NIST_ID', 'ARTICLE_ID', 'NAMESPACED_ID'];

/**
 * A text whose closing quote is missing: the STRING terminal allows line breaks, so it runs on to
 * the next quote (usually the opening quote of the next field's value) and the quotes after it
 * pair up wrongly. Lines are 1-based.
 */
export interface UnclosedText {
    readonly line: number;
    /** 0-based, for the diagnostic range. */
    readonly character: number;
    /** The line of the quote that closed it by mistake. */
    readonly endLine: number;
    readonly quote: string;
}

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
    private keywordCache?: Set<string>;
    private starterCache?: Set<string>;

    constructor(grammar: GrammarAST.Grammar) {
        this.grammar = grammar;
    }

    /**
     * `Syntax error: expected X but found Y.` plus a hint when the likely cause is clear. `text` is
     * the document's text, for hints that need to see past the token (`GOVERN 11`).
     */
    parserError(error: ParserError, text = ''): string {
        if (error.name === PARSER_GAVE_UP) {
            return error.message;
        }
        const tokenType = error.token.tokenType?.name ?? '';
        const image = error.token.image ?? '';
        const atEnd = tokenType === 'EOF' || image === '';
        const rules = (error.context?.ruleStack ?? []).map(name => name.replace(/\u200B/g, ''));
        if (rules.length <= 1 && !atEnd && /^[\w-]+$/.test(image)) {
            // Between declarations the parser would say it expected the end of the file, which
            // helps nobody: the word should have started a declaration, so say that first.
            return this.notADeclaration(image);
        }
        const found = atEnd ? 'the end of the file'
            : FOUND_WORDS[tokenType] ? `${FOUND_WORDS[tokenType]} '${image}'`
            : `'${image}'`;
        const expected = catalogRefAsOne(expectedTokens(error.message));
        const head = expected.length > 0
            ? `Syntax error: expected ${listOf(expected.map(describeToken))} but found ${found}.`
            : `Syntax error: unexpected ${found}.`;
        const hint = this.hint(error, rules, expected, image, atEnd, text);
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

    /**
     * A STRING token that spans lines and is followed by a syntax error, and whose later lines
     * read like fields (`    owner alice`): most likely a text whose closing quote is missing.
     * A text may span lines on purpose, so one that is followed by no error is left alone.
     */
    unclosedText(tokens: readonly IToken[], errorOffsets: readonly number[]): UnclosedText | undefined {
        const starters = this.fieldStarters();
        const suspect = tokens.find(token => token.tokenType.name === 'STRING'
            && (token.endLine ?? token.startLine ?? 0) > (token.startLine ?? 0)
            && errorOffsets.some(offset => offset > (token.endOffset ?? token.startOffset))
            && token.image.split(/\r?\n|\r/).slice(1).some(line => starters.has(/^\s*([a-z][\w-]*)(?:\s|$)/.exec(line)?.[1] ?? '')));
        return suspect ? {
            line: suspect.startLine ?? 1,
            character: (suspect.startColumn ?? 1) - 1,
            endLine: suspect.endLine ?? suspect.startLine ?? 1,
            quote: suspect.image[0]
        } : undefined;
    }

    /** The message at the opening quote of an unclosed text. */
    unclosedTextError(text: UnclosedText): string {
        const q = text.quote;
        return `Syntax error: this quoted text has no closing ${q}: it runs on to the next ${q} on line ${text.endLine} and takes in the lines between. Add ${q} where the text ends, probably at the end of this line.`;
    }

    /** Appended to the errors after an unclosed text, which are mostly its consequences. */
    followsFromUnclosedText(text: UnclosedText): string {
        return ` This probably follows from the quoted text on line ${text.line}, which has no closing ${text.quote}.`;
    }

    private notADeclaration(image: string): string {
        const declarations = this.fields('Model');
        const guess = didYouMean(image, declarations, 1);
        return `'${image}' does not start a declaration.${guess.length > 0 ? ` Did you mean '${guess[0]}'?` : ''} Declarations start with: ${declarations.join(', ')}.`;
    }

    private hint(error: ParserError, rules: string[], expected: string[], image: string, atEnd: boolean, text: string): string | undefined {
        const declarations = this.fields('Model');
        if (!atEnd && expected.includes('ID') && this.keywords().has(image)) {
            return `'${image}' is a keyword of the AIMS language and cannot be used as a name. Choose another one, such as '${image}-1'.`;
        }
        if (!atEnd && (expected.includes('NIST_ID') || expected.includes('CatalogRef'))) {
            const nist = nistGuess(text, error.token.startOffset);
            if (nist) {
                return `Did you mean '${nist}'? NIST AI RMF ids are written as the function, a space and the number with its dot.`;
            }
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

    /** Every word keyword of the grammar: none of them can be a name. */
    private keywords(): Set<string> {
        if (!this.keywordCache) {
            this.keywordCache = new Set(AstUtils.streamAllContents(this.grammar).filter(GrammarAST.isKeyword)
                .map(keyword => keyword.value).filter(value => /^[a-z][\w-]*$/.test(value)));
        }
        return this.keywordCache;
    }

    /** The keywords that start a declaration or a field of any block. */
    private fieldStarters(): Set<string> {
        if (!this.starterCache) {
            this.starterCache = new Set(this.grammar.rules.filter(GrammarAST.isParserRule).flatMap(rule => this.fields(rule.name)));
        }
        return this.starterCache;
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

/**
 * The six terminals of a `supports` entry, when all are expected, as the one item `CatalogRef`;
 * the two of a control reference (CATALOG_ID and NAMESPACED_ID, and nothing else of CatalogRef) as `ControlRef`.
 */
function catalogRefAsOne(expected: string[]): string[] {
    if (!CATALOG_REF_TOKENS.every(name => expected.includes(name))) {
        const control = expected.includes('CATALOG_ID') && expected.includes('NAMESPACED_ID');
        return control ? expected.filter(name => name !== 'NAMESPACED_ID').map(name => name === 'CATALOG_ID' ? 'ControlRef' : name) : expected;
    }
    const at = expected.findIndex(name => CATALOG_REF_TOKENS.includes(name));
    const rest = expected.filter(name => !CATALOG_REF_TOKENS.includes(name));
    rest.splice(at, 0, 'CatalogRef');
    return rest;
}

/**
 * The NIST AI RMF subcategory meant by the text at `offset`, when it is written without its dot
 * or space (`GOVERN 11`, `MEASURE27`, `GOVERN1.1`): the lexer splits those into other tokens.
 */
function nistGuess(text: string, offset: number): string | undefined {
    if (!Number.isFinite(offset)) {
        return undefined;
    }
    const written = /^[A-Za-z]+[ \t]*\d[\d.]*/.exec(text.slice(offset, offset + 40))?.[0];
    return written ? didYouMean(written, catalog.ofKind('nist-subcategory').map(item => item.id), 1)[0] : undefined;
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
