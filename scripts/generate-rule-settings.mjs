// Keeps the rule codes that settings enumerate in step with src/validation/rules.ts, the one list
// of rules: `node scripts/generate-rule-settings.mjs` rewrites the `aims.severity` keys in
// package.json; `--check` only reports whether they differ (exit code 1). Other schemas of the
// same settings (a config file) import `severityProperties` from here.
// rules.ts is plain data with type annotations: Node 22 runs it with its types stripped.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SEVERITY_LEVELS = ['error', 'warning', 'info', 'hint', 'off'];

/** JSON Schema properties: one per rule code, with its default and summary. */
export async function severityProperties() {
    const { ALL_RULES } = await import(pathToFileURL(join(ROOT, 'src/validation/rules.ts')).href);
    return Object.fromEntries(ALL_RULES.map(rule => [rule.code, {
        type: 'string',
        enum: SEVERITY_LEVELS,
        markdownDescription: `${rule.summary} Default: \`${rule.severity}\`.`
    }]));
}

async function main() {
    const path = join(ROOT, 'package.json');
    const text = readFileSync(path, 'utf8');
    const manifest = JSON.parse(text);
    manifest.contributes.configuration.properties['aims.severity'].properties = await severityProperties();
    const updated = `${JSON.stringify(manifest, null, 2)}\n`;
    if (process.argv.includes('--check')) {
        if (updated !== text) {
            console.error('package.json: the aims.severity keys differ from src/validation/rules.ts; run node scripts/generate-rule-settings.mjs');
            process.exit(1);
        }
    } else if (updated !== text) {
        writeFileSync(path, updated);
        console.log('package.json: aims.severity keys updated from src/validation/rules.ts');
    }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    await main();
}
