/**
 * What every validation domain (`domains/<domain>.ts`) builds its checks from: the context they
 * read, the one way to report a finding, the shape of a domain's contribution, and the syntax
 * guard that register.ts applies to every check so that no domain has to remember it.
 */
import { AstUtils, type AstNode, type DiagnosticInfo, type MaybePromise, type ValidationAcceptor } from 'langium';
import type { AimsAstType } from '../language/generated/ast.js';
import type { AimsModel } from '../model/aims-model.js';
import type { AimsSettings } from '../workspace/aims-settings.js';
import type { EvidencePaths } from '../workspace/evidence-paths.js';
import type { RuleInfo } from './rules.js';

/** What a domain's checks may ask: the AIMS model, the settings (today, window), evidence paths. */
export interface CheckContext {
    readonly model: AimsModel;
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
    const { parserErrors, lexerErrors } = AstUtils.getDocument(node).parseResult;
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
    const next = siblings[siblings.indexOf(declaration) + 1]?.$cstNode?.offset ?? Number.POSITIVE_INFINITY;
    const inside = (offset: number | undefined) => offset !== undefined && !Number.isNaN(offset) && offset >= cst.offset && offset <= Math.max(next, cst.end);
    return parserErrors.some(e => inside(e.token.startOffset) || (Number.isNaN(e.token.startOffset) && inside((e as { previousToken?: { startOffset: number } }).previousToken?.startOffset)))
        || lexerErrors.some(e => inside(e.offset));
}

/** `people.aims:3` for a node: short enough for a message, precise enough to find. */
export function where(node: AstNode): string {
    const document = AstUtils.getDocument(node);
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    const path = document.uri.path;
    return `${path.slice(path.lastIndexOf('/') + 1)}:${line}`;
}
