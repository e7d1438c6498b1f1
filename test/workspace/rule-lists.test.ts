import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/validation/rules.js';
import { configSchema, severitySetting } from '../../src/workspace/rule-lists.js';
import { parseAimsConfig } from '../../src/workspace/aims-config.js';
import { REPO_ROOT } from '../cli/run-aims.js';

const read = (path: string) => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'));
const SCHEMA_FILE = 'schemas/aims.config.schema.json';

describe('rule codes outside TypeScript follow rules.ts (npm run generate:rule-lists)', () => {
    it('the committed config schema is the one generated from rules.ts', () => {
        expect(read(SCHEMA_FILE)).toEqual(configSchema());
    });

    it('package.json offers every rule code in aims.severity, and contributes the schema for aims.config.json', () => {
        const pkg = read('package.json');
        const setting = pkg.contributes.configuration.properties['aims.severity'];
        expect(setting).toEqual(severitySetting(setting));
        expect(Object.keys(setting.properties)).toEqual(ALL_RULES.map(rule => rule.code));
        expect(pkg.contributes.jsonValidation).toContainEqual({ fileMatch: 'aims.config.json', url: `./${SCHEMA_FILE}` });
        expect(pkg.files, 'the .vsix and the npm package ship it').toContain(SCHEMA_FILE);
    });

    it('completes every rule code as a severity key', () => {
        const keys = Object.keys((configSchema() as { properties: { severity: { properties: object } } }).properties.severity.properties);
        for (const rule of ALL_RULES) {
            expect(keys).toContain(rule.code);
        }
    });
});

describe('the config schema and the config reader agree', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(read(SCHEMA_FILE));
    const accepted = (config: unknown) => {
        let reader = true;
        try {
            parseAimsConfig(JSON.stringify(config), 'aims.config.json');
        } catch {
            reader = false;
        }
        return { schema: validate(config), reader };
    };

    it.each([
        [{}],
        [{ $schema: './schemas/aims.config.schema.json', today: '2026-06-01', evidenceExpiryWindowDays: 14 }],
        [{ severity: { 'aims/review-overdue': 'error', 'evidence-expiring': 'off' } }],
        [{ ignore: ['archive/**', 'drafts/*.aims'] }]
    ])('both accept %j', config => {
        expect(accepted(config)).toEqual({ schema: true, reader: true });
    });

    it.each([
        [{ severity: { 'aims/review-overdu': 'error' } }],
        [{ severity: { 'aims/review-overdue': 'fatal' } }],
        [{ evidenceExpiryWindowDays: -1 }],
        [{ evidenceExpiryWindowDays: 2.5 }],
        [{ today: 'tomorrow' }],
        [{ ignore: 'archive' }],
        [{ severty: {} }]
    ])('both refuse %j', config => {
        expect(accepted(config)).toEqual({ schema: false, reader: false });
    });

    it('accepts the example workspace\'s config', () => {
        expect(validate(read('examples/aims.config.json'))).toBe(true);
    });
});
