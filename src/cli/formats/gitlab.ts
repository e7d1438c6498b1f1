/**
 * `--format gitlab`: a GitLab code quality report (the `artifacts:reports:codequality` JSON), which
 * GitLab shows in the merge request widget and diff. Paths are relative to the repository root,
 * as GitLab matches them against the checkout. The fingerprint identifies a finding across
 * pipelines: it hashes the rule, the file and the message, not the line, so a finding that moves
 * with the text is the same finding, and counts repeats so that two equal findings stay two.
 */
import { createHash } from 'node:crypto';
import type { RuleSeverity } from '../../validation/rules.js';
import { pathFromRoot } from '../repository-root.js';
import type { OutputFormatter } from './output-format.js';

/** GitLab's levels are info, minor, major, critical and blocker. */
const SEVERITY: Record<RuleSeverity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export const formatGitlab: OutputFormatter = (result, context) => {
    const root = context.repositoryRoot();
    const seen = new Map<string, number>();
    const issues = result.findings.map(finding => {
        const path = pathFromRoot(finding.path, root) ?? finding.file;
        const key = `${finding.code}\u0000${path}\u0000${finding.message}`;
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        return {
            type: 'issue',
            check_name: finding.code,
            description: `${finding.code}: ${finding.message}`,
            categories: ['Compliance'],
            severity: SEVERITY[finding.severity],
            fingerprint: createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex'),
            location: {
                path,
                positions: {
                    begin: { line: finding.line, column: finding.column },
                    end: { line: finding.endLine, column: finding.endColumn }
                }
            }
        };
    });
    return JSON.stringify(issues, null, 2) + '\n';
};
