/**
 * NIST's OSCAL 1.2.2 JSON schemas (test/schemas/oscal), compiled once with ajv as their README
 * prescribes: the draft-07 class, formats, Unicode regular expressions for `\p{L}` patterns.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OscalModelName } from '../../src/oscal/oscal-export.js';

const SCHEMAS = resolve(fileURLToPath(new URL('../schemas/oscal', import.meta.url)));

const FILES: Record<OscalModelName, string> = {
    'catalog': 'oscal_catalog_schema.json',
    'component-definition': 'oscal_component_schema.json',
    'ssp': 'oscal_ssp_schema.json',
    'assessment-results': 'oscal_assessment-results_schema.json',
    'mapping': 'oscal_mapping_schema.json'
};

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const validators = new Map<OscalModelName, ValidateFunction>();

export function oscalValidator(model: OscalModelName): ValidateFunction {
    let validate = validators.get(model);
    if (!validate) {
        const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
        addFormats(ajv);
        validate = ajv.compile(JSON.parse(readFileSync(resolve(SCHEMAS, FILES[model]), 'utf8')));
        validators.set(model, validate);
    }
    return validate;
}

/** Schema errors as readable lines (empty when valid). */
export function schemaErrors(model: OscalModelName, document: unknown): string[] {
    const validate = oscalValidator(model);
    return validate(document) ? [] : (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
