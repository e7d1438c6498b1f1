/**
 * `--format sarif`: a SARIF 2.1.0 log for code scanning (GitHub, Azure DevOps, IDE viewers).
 * The rules come from rules.ts, so the log describes every rule the engine can report, and
 * file locations are relative to the repository root (`%SRCROOT%`), as code scanning expects.
 */
import { pathToFileURL } from 'node:url';
import { RULES, type RuleSeverity } from '../../validation/rules.js';
import { byPosition, type Finding } from '../findings.js';
import { pathFromRoot } from '../repository-root.js';
import type { OutputFormatter } from './output-format.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

function level(severity: RuleSeverity): SarifLevel {
    return severity === 'error' || severity === 'warning' ? severity : 'note';
}

/** `evidenceExpired` -> `EvidenceExpired`: SARIF's friendly rule name, distinct from the id. */
function friendlyName(key: string): string {
    return key.charAt(0).toUpperCase() + key.slice(1);
}

const SARIF_RULES = Object.entries(RULES).map(([key, rule]) => ({
    id: rule.code,
    name: friendlyName(key),
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary} ${rule.help}` },
    help: { text: rule.help },
    defaultConfiguration: { level: level(rule.severity) }
}));

const RULE_INDEX = new Map(SARIF_RULES.map((rule, index) => [rule.id, index]));

export const formatSarif: OutputFormatter = (result, context) => {
    const root = context.repositoryRoot();
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'aims',
                    version: context.version,
                    semanticVersion: context.version,
                    ...(context.informationUri ? { informationUri: context.informationUri } : {}),
                    rules: SARIF_RULES
                }
            },
            invocations: [{ executionSuccessful: true }],
            originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(root) } },
            // LSP positions count UTF-16 code units, SARIF's default; say so for viewers.
            columnKind: 'utf16CodeUnits',
            // Suppressed findings are results with a suppression: code scanning shows them as dismissed, with the reason.
            results: [...result.findings, ...result.suppressed].sort(byPosition).map(finding => toResult(finding, root))
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
};

function toResult(finding: Finding, root: string) {
    const ruleIndex = RULE_INDEX.get(finding.code);
    return {
        ruleId: finding.code,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: level(finding.severity),
        message: { text: finding.message },
        locations: [{
            physicalLocation: {
                artifactLocation: artifactLocation(finding.path, root),
                region: {
                    startLine: finding.line,
                    startColumn: finding.column,
                    endLine: finding.endLine,
                    endColumn: finding.endColumn
                }
            }
        }],
        ...(finding.suppression ? {
            suppressions: [{
                kind: 'inSource',
                status: 'accepted',
                justification: finding.suppression.justification,
                location: {
                    physicalLocation: {
                        artifactLocation: artifactLocation(finding.path, root),
                        region: { startLine: finding.suppression.line }
                    }
                }
            }]
        } : {}),
        ...(finding.suggestions ? { properties: { suggestions: finding.suggestions } } : {})
    };
}

/** Relative to `%SRCROOT%` when inside the repository; an absolute file URI otherwise. */
function artifactLocation(path: string, root: string): { uri: string; uriBaseId?: string } {
    const relative = pathFromRoot(path, root);
    if (relative === undefined) {
        return { uri: pathToFileURL(path).href };
    }
    return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** A base URI must end with a slash, or relative URIs would replace its last segment. */
function directoryUri(path: string): string {
    const href = pathToFileURL(path).href;
    return href.endsWith('/') ? href : href + '/';
}
