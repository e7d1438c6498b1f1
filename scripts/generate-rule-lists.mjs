// Writes the rule-code lists derived from src/validation/rules.ts: the JSON Schema of
// aims.config.json and the `aims.severity` setting in package.json (see
// src/workspace/rule-lists.ts). Run it after adding or renaming a rule:
//     npm run generate:rule-lists
// test/workspace/rule-lists.test.ts fails while the files are out of step.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const bundled = await build({
    entryPoints: ['src/workspace/rule-lists.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'error'
});
const lists = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

writeFileSync('schemas/aims.config.schema.json', JSON.stringify(lists.configSchema(), null, 4) + '\n');

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const properties = pkg.contributes.configuration.properties;
properties['aims.severity'] = lists.severitySetting(properties['aims.severity']);
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log('generate-rule-lists: wrote schemas/aims.config.schema.json and the aims.severity setting in package.json');
