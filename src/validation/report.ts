/** The one way checks report a finding: the rule gives code and severity, the check the words. */
import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import type { RuleInfo } from './rules.js';

export type FindingInfo<N extends AstNode> = Omit<DiagnosticInfo<N>, 'code' | 'data'> & { data?: Record<string, unknown> };

export function report<N extends AstNode>(accept: ValidationAcceptor, rule: RuleInfo, message: string, info: FindingInfo<N>): void {
    accept(rule.severity, message, { ...info, code: rule.code, data: { code: rule.code, ...info.data } } as DiagnosticInfo<N>);
}
