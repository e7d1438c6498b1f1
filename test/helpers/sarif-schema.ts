/**
 * A validator for SARIF 2.1.0 logs against the schema kept in test/schemas/sarif/ (draft-04,
 * hence ajv-draft-04), shared by the tests that check `aims validate --format sarif`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { REPO_ROOT } from '../cli/run-aims.js';

// Both packages are CommonJS with the export on `.default` as well; take it from there.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

export function sarifValidator() {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'schemas', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(schema);
}
