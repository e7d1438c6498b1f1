/**
 * Accepted findings, in the file, with their reason:
 *
 *     // aims-ignore aims/evidence-path-missing: the LMS export lands in January
 *     path "evidence/oversight-training.csv"
 *
 * A line comment `aims-ignore <code>[, <code>...]: <reason>` suppresses the findings of those
 * rules that start on its own line (a comment after code) or on the next line of code (a
 * comment on its own line; stacked comments all apply to the line after them). Auditors see the
 * reason next to the deviation, and the CLI counts, lists (`--show-suppressed`) and writes them
 * to SARIF as dismissed with that justification.
 *
 * A suppression without a reason suppresses nothing and is reported (`aims/suppression-without-reason`);
 * one that matches no finding, or names no rule, is reported too (`aims/unused-suppression`), so
 * suppressions cannot outlive the findings they were written for.
 *
 * Langium validates a document category by category (`built-in` = syntax and linking, `fast`,
 * `slow`) and keeps the results of earlier runs, so each run judges only the suppressions of
 * rules whose category it ran, and reports the suppression findings themselves with `fast`.
 */
import type { LangiumDocument, Lexer } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { RULES, ruleByCode, toSeverity, type RuleInfo } from './rules.js';

const MARKER = 'aims-ignore';
const COMMENT = /^\/\/\s*aims-ignore\b\s*([^:]*?)\s*(?::\s*(.*?))?\s*$/;

/** The one rule whose check asks the file system and runs in the `slow` category. */
const SLOW_RULES: ReadonlySet<string> = new Set([RULES.evidencePathMissing.code]);

/** The validation category a rule's findings come from. */
function categoryOf(rule: RuleInfo): string {
    return rule.domain === 'core' ? 'built-in' : SLOW_RULES.has(rule.code) ? 'slow' : 'fast';
}

export interface Suppression {
    /** Rule codes, `aims/<rule>` (as written; unknown ones are reported). */
    readonly codes: readonly string[];
    readonly reason: string;
    /** The comment itself. */
    readonly range: Range;
    /** 0-based line whose findings it suppresses. */
    readonly targetLine: number;
}

export interface SuppressedDiagnostic {
    readonly diagnostic: Diagnostic;
    /** The reason written after the colon. */
    readonly justification: string;
    /** Where the suppression comment is. */
    readonly comment: Range;
    readonly category: string;
}

export class Suppressions {
    private readonly lexer: Lexer;
    private readonly suppressed = new Map<string, SuppressedDiagnostic[]>();

    constructor(lexer: Lexer) {
        this.lexer = lexer;
    }

    /** The findings of `document` that suppressions accepted, from every category run so far. */
    suppressedOf(document: LangiumDocument): readonly SuppressedDiagnostic[] {
        return this.suppressed.get(document.uri.toString()) ?? [];
    }

    /** The `aims-ignore` comments of a text. */
    parse(text: string): Suppression[] {
        if (!text.includes(MARKER)) {
            return [];
        }
        const { tokens, hidden } = this.lexer.tokenize(text);
        const result: Suppression[] = [];
        for (const token of hidden ?? []) {
            const match = COMMENT.exec(token.image);
            if (!match || token.tokenType.name !== 'SL_COMMENT') {
                continue;
            }
            const line = (token.startLine ?? 1) - 1;
            const column = (token.startColumn ?? 1) - 1;
            const trailing = tokens.some(t => (t.startLine ?? 0) - 1 === line && t.startOffset < token.startOffset);
            const next = tokens.find(t => t.startOffset > token.startOffset && (t.startLine ?? 0) - 1 > line)?.startLine;
            result.push({
                codes: match[1].split(',').map(code => code.trim()).filter(code => code !== '').map(code => code.startsWith('aims/') ? code : `aims/${code}`),
                reason: (match[2] ?? '').trim(),
                range: { start: { line, character: column }, end: { line, character: column + token.image.length } },
                targetLine: trailing ? line : next !== undefined ? next - 1 : line
            });
        }
        return result;
    }

    /**
     * Take the findings of one validation run (`categories`) of `document`: remove those that a
     * suppression accepts (kept for `suppressedOf`), and add the findings about the suppressions.
     */
    apply(document: LangiumDocument, diagnostics: Diagnostic[], categories: readonly string[]): Diagnostic[] {
        const key = document.uri.toString();
        const earlier = (this.suppressed.get(key) ?? []).filter(s => !categories.includes(s.category));
        const suppressions = this.parse(document.textDocument.getText());
        if (suppressions.length === 0) {
            this.suppressed.set(key, earlier);
            return diagnostics;
        }
        const accepted: SuppressedDiagnostic[] = [];
        const findings: Diagnostic[] = [];
        let kept = diagnostics;
        for (const suppression of suppressions) {
            if (suppression.codes.length === 0 || suppression.reason === '') {
                if (categories.includes('fast')) {
                    findings.push(finding(RULES.suppressionWithoutReason, suppression.range,
                        suppression.codes.length === 0
                            ? `This aims-ignore names no rule: write // aims-ignore aims/<rule>: <why the finding is accepted>.`
                            : `Suppression of ${suppression.codes.join(', ')} without a reason suppresses nothing: write the reason after a colon, // aims-ignore ${suppression.codes.join(', ')}: <why it is accepted>.`));
                }
                continue;
            }
            for (const code of suppression.codes) {
                const rule = ruleByCode(code);
                if (!rule) {
                    if (categories.includes('fast')) {
                        findings.push(finding(RULES.unusedSuppression, suppression.range, `There is no rule '${code}' to suppress; the rule codes are listed in docs/language.md.`, { code }));
                    }
                    continue;
                }
                const category = categoryOf(rule);
                if (!categories.includes(category)) {
                    continue;
                }
                const matches = kept.filter(d => d.code === code && d.range.start.line === suppression.targetLine);
                if (matches.length === 0) {
                    findings.push(finding(RULES.unusedSuppression, suppression.range,
                        `Nothing to suppress: there is no ${code} finding on line ${suppression.targetLine + 1}. Remove this aims-ignore, or move it to the line of the finding.`, { code }));
                    continue;
                }
                kept = kept.filter(d => !matches.includes(d));
                accepted.push(...matches.map(diagnostic => ({ diagnostic, justification: suppression.reason, comment: suppression.range, category })));
            }
        }
        this.suppressed.set(key, [...earlier, ...accepted]);
        return [...kept, ...findings];
    }

    /** Forget a document that left the workspace. */
    forget(document: LangiumDocument): void {
        this.suppressed.delete(document.uri.toString());
    }
}

function finding(rule: RuleInfo, range: Range, message: string, extra: Record<string, unknown> = {}): Diagnostic {
    return {
        range, message,
        severity: toSeverity(rule.severity),
        code: rule.code,
        source: 'aims',
        data: { code: rule.code, ...extra }
    };
}
