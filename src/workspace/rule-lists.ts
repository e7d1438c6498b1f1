/**
 * The lists of rule codes that live outside TypeScript, derived from rules.ts, the one place
 * rules are declared: the JSON Schema of `aims.config.json` (schemas/aims.config.schema.json)
 * and the `aims.severity` setting in package.json. `npm run generate:rule-lists` writes both
 * (scripts/generate-rule-lists.mjs); test/workspace/rule-lists.test.ts fails when either file
 * is out of step with rules.ts, so a new rule cannot be forgotten in the editor.
 */
import { ALL_RULES, type RuleInfo } from '../validation/rules.js';
import { CONFIG_FILE_NAME, SEVERITY_LEVELS } from './aims-config.js';

const LEVEL_DESCRIPTIONS = [
    'Report it as an error (fails `aims validate`).',
    'Report it as a warning.',
    'Report it as information.',
    'Report it as a hint (editors show it faintly).',
    'Do not report it.'
];

function levelSchema(rule: RuleInfo) {
    return {
        enum: [...SEVERITY_LEVELS],
        markdownEnumDescriptions: LEVEL_DESCRIPTIONS,
        description: `${rule.summary} Default: ${rule.severity}.`,
        markdownDescription: `${rule.summary}\n\n${rule.help}\n\nDefault: \`${rule.severity}\`.`
    };
}

/** Rule codes complete as keys; bare names (`review-overdue`) are accepted but not suggested. */
function severityProperties(): Record<string, object> {
    const properties: Record<string, object> = {};
    for (const rule of ALL_RULES) {
        properties[rule.code] = levelSchema(rule);
    }
    for (const rule of ALL_RULES) {
        properties[rule.code.replace(/^aims\//, '')] = { ...levelSchema(rule), doNotSuggest: true };
    }
    return properties;
}

/** The JSON Schema (draft 7) of `aims.config.json`, as VS Code and other editors read it. */
export function configSchema(): object {
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: `AIMS configuration (${CONFIG_FILE_NAME})`,
        description: 'Settings that the aims CLI and the AIMS language server both read. The folder of this file is the workspace root.',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string', description: 'The JSON Schema of this file (optional; VS Code with the AIMS extension knows it).' },
            today: {
                type: 'string',
                pattern: '^\\d{4}-\\d{2}-\\d{2}$',
                description: 'The date that review, due and expiry checks compare against, YYYY-MM-DD. Leave it out to use the current date; fix it to make findings reproducible, e.g. while preparing an audit.'
            },
            evidenceExpiryWindowDays: {
                type: 'integer',
                minimum: 0,
                default: 30,
                description: 'Evidence that expires within this many days gets an aims/evidence-expiring warning.'
            },
            severity: {
                type: 'object',
                description: 'Change the severity of a rule, or switch it off. Keys are rule codes (aims/review-overdue); command-line --severity flags win over these.',
                additionalProperties: false,
                properties: severityProperties()
            },
            ignore: {
                type: 'array',
                description: 'Glob patterns, relative to this file\'s folder, of .aims files and folders that are not part of the workspace (* within a folder, ** across folders).',
                items: { type: 'string', minLength: 1 },
                uniqueItems: true
            }
        }
    };
}

/** The `aims.severity` setting of package.json, whose keys are the same rule codes. */
export function severitySetting(current: Record<string, unknown>): Record<string, unknown> {
    const properties: Record<string, object> = {};
    for (const rule of ALL_RULES) {
        const { enum: levels, markdownDescription } = levelSchema(rule);
        properties[rule.code] = { enum: levels, markdownDescription };
    }
    return { ...current, properties };
}
