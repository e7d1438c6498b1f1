/**
 * What every validation domain (`domains/<domain>.ts`) builds its checks from: the context they
 * read, the one way to report a finding, the shape of a domain's contribution, and the syntax
 * guard that register.ts applies to every check so that no domain has to remember it.
 */
import { AstUtils, isOperationCancelled, type AstNode, type ParseResult, type DiagnosticInfo, type MaybePromise, type ValidationAcceptor } from 'langium';
import type { AimsAstType } from '../language/generated/ast.js';
import type { AimsModel } from '../model/aims-model.js';
import type { EuAiActModel } from '../model/eu-ai-act.js';
import type { AimsSettings } from '../workspace/aims-settings.js';
import type { EvidencePaths } from '../workspace/evidence-paths.js';
import { RULES, type RuleInfo } from './rules.js';

/** What a domain's checks may ask: the AIMS model and its EU AI Act view, the settings (today, window), evidence paths. */
export interface CheckContext {
    readonly model: AimsModel;
    readonly euAiAct: EuAiActModel;
    readonly settings: AimsSettings;
    readonly evidencePaths: EvidencePaths;
}

export type Check<N extends AstNode> = (node: N, accept: ValidationAcceptor) => MaybePromise<void>;

/** A domain's per-document checks: AST type to the checks that run on each node of that type. */
export type ChecksSlice = { [T in keyof AimsAstType]?: Array<Check<AimsAstType[T]>> };

/** A finding that depends on more than one file, reported by the document that holds `node`. */
export interface WorkspaceFinding {
    readonly rule: RuleInfo;
    readonly message: string;
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
    readonly keyword?: string;
    readonly data?: Record<string, unknown>;
}

/** Computes one kind of cross-file finding from the model; run once per workspace change. */
export type WorkspaceProducer = () => WorkspaceFinding[];

/** What one domain contributes. `slow` checks may touch the file system. */
export interface DomainChecks {
    readonly fast?: ChecksSlice;
    readonly slow?: ChecksSlice;
    readonly workspace?: readonly WorkspaceProducer[];
}

/** A domain: built once per language service instance from the shared context. */
export type ValidationDomain = (context: CheckContext) => DomainChecks;

export type FindingInfo<N extends AstNode> = Omit<DiagnosticInfo<N>, 'code' | 'data'> & { data?: Record<string, unknown> };

/** The one way checks report a finding: the rule gives code and severity, the check the words. */
export function report<N extends AstNode>(accept: ValidationAcceptor, rule: RuleInfo, message: string, info: FindingInfo<N>): void {
    accept(rule.severity, message, { ...info, code: rule.code, data: { code: rule.code, ...info.data } } as DiagnosticInfo<N>);
}

/**
 * Whether the top-level declaration holding `node` has a syntax error inside. Such a
 * declaration is only half built by the parser's recovery (a field can be missing or hold the
 * wrong token), so rules about its content would talk nonsense ("reviewed every 12 undefined").
 * Its syntax error is what the user needs first.
 */
export function hasSyntaxError(node: AstNode): boolean {
    const parseResult = AstUtils.getDocument(node).parseResult;
    const { parserErrors, lexerErrors } = parseResult;
    if (parserErrors.length === 0 && lexerErrors.length === 0) {
        return false;
    }
    let declaration = node;
    while (declaration.$container && declaration.$container.$type !== 'Model') {
        declaration = declaration.$container;
    }
    const cst = declaration.$cstNode;
    if (!cst) {
        return true;
    }
    // Recovery may close the declaration early and skip the broken tokens: everything up to the
    // next declaration belongs to this one.
    const siblings = (declaration.$container as { elements?: AstNode[] } | undefined)?.elements ?? [];
    const index = declaration.$containerIndex ?? siblings.indexOf(declaration);
    const next = siblings[index + 1]?.$cstNode?.offset ?? Number.POSITIVE_INFINITY;
    return anyBetween(errorOffsets(parseResult), cst.offset, Math.max(next, cst.end));
}

/**
 * Where the syntax errors of a parse result are, sorted, computed once per parse: every node of a
 * file asks, and a file with 20,000 errors and 20,000 declarations must not cost their product.
 */
const errorOffsetsOf = new WeakMap<object, Float64Array>();

function errorOffsets(parseResult: ParseResult): Float64Array {
    let offsets = errorOffsetsOf.get(parseResult);
    if (!offsets) {
        // An error at the end of the file has no offset of its own (NaN, or -1 for EOF): it
        // belongs to the declaration of the token before it.
        const atEnd = (offset: number) => Number.isNaN(offset) || offset < 0;
        const found = [
            ...parseResult.parserErrors.map(e => atEnd(e.token.startOffset) ? (e as { previousToken?: { startOffset: number } }).previousToken?.startOffset : e.token.startOffset),
            ...parseResult.lexerErrors.map(e => e.offset)
        ].filter((offset): offset is number => offset !== undefined && !Number.isNaN(offset));
        offsets = Float64Array.from(found).sort();
        errorOffsetsOf.set(parseResult, offsets);
    }
    return offsets;
}

/** Whether a sorted array holds a value in [from, to]. */
function anyBetween(sorted: Float64Array, from: number, to: number): boolean {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (sorted[middle] < from) low = middle + 1;
        else high = middle;
    }
    return low < sorted.length && sorted[low] <= to;
}

/**
 * A check that throws is a bug in the tools, and must cost the user no more than that check:
 * one `aims/internal-error` on the node it failed on, naming the check, instead of a failed build,
 * a dead server or a stack trace. `AIMS_DEBUG=1` prints the stack trace to stderr.
 */
export function reportInternalError(accept: ValidationAcceptor, check: string, error: unknown, node: AstNode): void {
    if (isOperationCancelled(error)) {
        throw error;
    }
    logInternalError(check, error);
    report(accept, RULES.internalError, internalErrorMessage(check, error), { node });
}

export function internalErrorMessage(check: string, error: unknown): string {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return `Internal error in the check '${check}' (${detail.slice(0, 200)}); the other checks ran. This is a bug in the AIMS tools: please report it with this text.`;
}

export function logInternalError(what: string, error: unknown): void {
    if (typeof process !== 'undefined' && process.env?.AIMS_DEBUG) {
        console.error(`aims: internal error in ${what}:`, error instanceof Error ? error.stack : error);
    }
}

/** `people.aims:3` for a node: short enough for a message, precise enough to find. */
export function where(node: AstNode): string {
    const document = AstUtils.getDocument(node);
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    const path = document.uri.path;
    return `${path.slice(path.lastIndexOf('/') + 1)}:${line}`;
}
