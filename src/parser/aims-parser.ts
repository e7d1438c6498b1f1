/**
 * The AIMS parser: Langium's, made safe for any input.
 *
 * Chevrotain recovers inside a repetition (`elements+=Declaration*`) by skipping tokens and then
 * calling the repetition again, recursively: every broken declaration in a row costs stack
 * frames, and about 1,500 of them (`}}risk "t"` repeated, 12 KB) overflow the stack. We run that
 * re-entry as a loop instead, so recovery depth no longer depends on the input. Before each
 * re-entry Chevrotain also looks ahead for the next token that could follow the repetition; at
 * the top level that is the end of the file, so every error scanned the rest of the file and a
 * file full of errors took quadratic time. We remember how far the last look-ahead went.
 *
 * Should a parse still fail, the parser's own state (Langium's node stack, unordered groups) would
 * leak into the next document it parses. `parse` therefore resets that state and returns an empty
 * model with one syntax error, which says that the file could not be read.
 */
import { CstNodeBuilder, LangiumCompletionParser, LangiumParser, createParser, type AstNode, type ParseResult } from 'langium';
import type { LangiumCoreServices } from 'langium';
import type { IToken } from 'chevrotain';
import { MAX_FILE_BYTES, mebibytes, utf8Bytes } from '../workspace/file-limits.js';

/** `name` of the parser error a failed parse reports; its message is final (see syntax-error-messages.ts). */
export const PARSER_GAVE_UP = 'AimsParserGaveUp';

type RepetitionRule = (...args: unknown[]) => void;

interface RepetitionFrame {
    readonly rule: RepetitionRule;
    readonly args: readonly unknown[];
    readonly depth: number;
    again: boolean;
}

interface TokenType {
    tokenTypeIdx: number;
    isParent?: boolean;
    categoryMatchesMap?: Record<number, boolean>;
}

/** The parts of Chevrotain's recognizer that error recovery uses. */
interface RecoveringRecognizer {
    RULE_STACK: number[];
    currIdx: number;
    tokVector: Array<{ tokenTypeIdx: number }>;
    LA(howMuch: number): { tokenTypeIdx: number };
    flattenFollowSet(): TokenType[];
    findReSyncTokenType(): TokenType;
    tryInRepetitionRecovery(rule: RepetitionRule, args: unknown[], lookahead: () => boolean, expected: unknown): void;
}

/**
 * Chevrotain's `findReSyncTokenType`: the type of the first token ahead that may follow the rules
 * being parsed. If an earlier search for the same follow set started at or before the current
 * token and found its answer at or after it, no token in between matched: the answer stands.
 */
function rememberResyncLookahead(recognizer: RecoveringRecognizer): void {
    let input: unknown;
    const found = new Map<string, { from: number; at: number; type: TokenType }>();
    recognizer.findReSyncTokenType = function (this: RecoveringRecognizer) {
        if (input !== this.tokVector) {
            input = this.tokVector;
            found.clear();
        }
        const follow = this.flattenFollowSet();
        const key = follow.map(t => t.tokenTypeIdx).join(',');
        const position = this.currIdx;
        const known = found.get(key);
        if (known && known.from <= position && position <= known.at) {
            return known.type;
        }
        // Always ends: the end of the file follows every rule, and LA past the end is EOF.
        for (let k = 1; ; k++) {
            const token = this.LA(k);
            const type = follow.find(t => t.tokenTypeIdx === token.tokenTypeIdx || (t.isParent === true && t.categoryMatchesMap?.[token.tokenTypeIdx] === true));
            if (type) {
                found.set(key, { from: position, at: position + k - 1, type });
                return type;
            }
        }
    };
}

/**
 * Chevrotain's `tryInRepetitionRecovery` re-enters the repetition (`manyInternal`,
 * `atLeastOneInternal`, `repetitionSepSecondInternal`) as the last thing the repetition does. When
 * that repetition recovers again, at the same rule depth and with the same arguments, the call is
 * a tail call of the outer re-entry: we let it ask the outer one to loop instead of recursing.
 */
function makeRepetitionRecoveryIterative(recognizer: RecoveringRecognizer): void {
    const original = recognizer.tryInRepetitionRecovery;
    let active: RepetitionFrame | undefined;
    recognizer.tryInRepetitionRecovery = function (this: RecoveringRecognizer, rule, args, lookahead, expected) {
        const depth = this.RULE_STACK.length;
        const frame = active;
        if (frame && frame.rule === rule && frame.depth === depth && frame.args.length === args.length && frame.args.every((a, i) => a === args[i])) {
            original.call(this, () => { frame.again = true; }, args, lookahead, expected);
            return;
        }
        const own: RepetitionFrame = { rule, args, depth, again: false };
        active = own;
        try {
            original.call(this, function (this: RecoveringRecognizer, ...reentryArgs: unknown[]) {
                do {
                    own.again = false;
                    rule.apply(this, reentryArgs);
                } while (own.again);
            }, args, lookahead, expected);
        } finally {
            active = frame;
        }
    };
}

/** Langium's parser state that outlives a parse that threw. */
interface ParserState {
    stack: AstNode[];
    nodeBuilder: CstNodeBuilder;
    lexerResult: unknown;
    wrapper: RecoveringRecognizer;
}

export class AimsParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options: { rule?: string } = {}): ParseResult<T> {
        // The size policy of every face (workspace/file-limits.ts); the CLI refuses such files earlier.
        if (input.length > MAX_FILE_BYTES / 4 && utf8Bytes(input) > MAX_FILE_BYTES) {
            return unreadable<T>(input, `Syntax error: this file is ${mebibytes(utf8Bytes(input))}; files over ${mebibytes(MAX_FILE_BYTES)} are not read, so nothing in it is checked. An AIMS is hand-written text: split the file.`);
        }
        // Chevrotain throws one exception per syntax error and catches it again; their stack
        // traces are never read and were most of the time spent on a file full of errors.
        const stackTraceLimit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            return super.parse<T>(input, options);
        } catch (error) {
            const state = this as unknown as ParserState;
            state.stack = [];
            state.nodeBuilder = new CstNodeBuilder();
            state.lexerResult = undefined;
            this.unorderedGroups.clear();
            const detail = error instanceof RangeError ? 'it nests or repeats broken text too deeply' : 'the parser failed on it';
            return unreadable<T>(input, `Syntax error: this file could not be read (${detail}), so nothing in it is checked. Fix the syntax errors from the top, or split the file.`);
        } finally {
            Error.stackTraceLimit = stackTraceLimit;
        }
    }
}

/** The parse result of a text the parser could not read: an empty model and one syntax error. */
function unreadable<T extends AstNode>(text: string, message: string): ParseResult<T> {
    const root = new CstNodeBuilder().buildRootNode(text);
    const value = { $type: 'Model', elements: [], $cstNode: root } as unknown as T;
    (root as { astNode: AstNode }).astNode = value;
    const end = Math.min(text.length, 64, Math.max(0, text.search(/\s|$/)));
    const token = {
        image: text.slice(0, end), startOffset: 0, endOffset: Math.max(0, end - 1),
        startLine: 1, startColumn: 1, endLine: 1, endColumn: Math.max(1, end),
        tokenTypeIdx: 0, tokenType: { name: 'UNREADABLE', tokenTypeIdx: 0 }
    } as unknown as IToken;
    return {
        value,
        lexerErrors: [],
        lexerReport: { diagnostics: [] },
        parserErrors: [{
            name: PARSER_GAVE_UP,
            message,
            token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] }
        }]
    } as unknown as ParseResult<T>;
}

function recognizerOf(parser: LangiumParser | LangiumCompletionParser): RecoveringRecognizer {
    return (parser as unknown as ParserState).wrapper;
}

/** `createLangiumParser` with the AIMS parser. */
export function createAimsParser(services: LangiumCoreServices): LangiumParser {
    return withBoundedRecovery(new AimsParser(services), services);
}

/** `createCompletionParser` with the same bounded recovery: completion parses the text up to the cursor. */
export function createAimsCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    return withBoundedRecovery(new LangiumCompletionParser(services), services);
}

function withBoundedRecovery<P extends LangiumParser | LangiumCompletionParser>(parser: P, services: LangiumCoreServices): P {
    const recognizer = recognizerOf(parser);
    makeRepetitionRecoveryIterative(recognizer);
    rememberResyncLookahead(recognizer);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
