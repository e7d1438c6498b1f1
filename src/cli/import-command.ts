/**
 * `aims import oscal <catalog.json> [--name NAME] [--out FILE]`: an OSCAL catalog as a framework
 * declaration (src/oscal/oscal-import.ts), written to a .aims file or standard output.
 */
import { basename, extname, resolve } from 'node:path';
import { NAME } from '../language/aims-ids.js';
import { importOscalCatalog, OscalImportError } from '../oscal/oscal-import.js';
import { CliError, ExitCode, stringOption, type CliCommand } from './cli-command.js';
import { readInputFile, writeCommandOutput } from './output-file.js';
import { display } from './workspace-loader.js';

/** Files larger than this are refused before reading, like the .aims size limit of validate. */
const MAX_CATALOG_BYTES = 64 * 1024 * 1024;

export const importOscalCommand: CliCommand = {
    name: 'import oscal',
    summary: 'Turn an OSCAL 1.x catalog (NIST SP 800-53, a company catalog) into a framework declaration.',
    usage: 'import oscal <catalog.json> [options]',
    description: [
        'Reads an OSCAL catalog in JSON and writes a framework declaration for .aims files: its',
        'top-level groups become groups, every control below them (enhancements and nested groups',
        'included) a requirement, controls outside groups top-level requirements. Requirements are',
        'then referred to as NAME:<id> in supports and map, and covered like a built-in catalog.',
        'Control statements are left out unless --with-statements asks for them, since a catalog\'s',
        'text may not be yours to copy. Bad JSON is reported with its line and column, a document',
        'that is no OSCAL catalog with the JSON path of what is missing.'
    ].join('\n'),
    options: {
        name: { type: 'string', value: 'NAME', description: 'The framework name, which prefixes its requirement ids (default: from the file name).' },
        'with-statements': { type: 'boolean', description: 'Copy each control\'s statement into its summary.' },
        out: { type: 'string', short: 'o', value: 'FILE', description: 'Write the framework to FILE, such as frameworks/nist-800-53.aims (default: standard output).' }
    },
    positionals: { min: 1, max: 1 },
    epilogue: [
        'Exit codes: 0 imported, 2 bad usage, unreadable or invalid catalog, unwritable output.',
        '',
        'Examples:',
        '  aims import oscal NIST_SP-800-53_rev5_catalog.json --name SP80053 --out aims/sp800-53.aims',
        '  aims import oscal company-catalog.json > aims/company.aims'
    ].join('\n'),

    async run(input, out) {
        const file = input.positionals[0];
        const path = resolve(input.cwd, file);
        const name = stringOption(input, 'name') ?? nameFromFile(file);
        const text = readInputFile(file, input.cwd, MAX_CATALOG_BYTES);
        try {
            const result = importOscalCatalog(text.replace(/^\uFEFF/, ''), { name, withStatements: input.values['with-statements'] === true });
            writeCommandOutput(input, out, result.text);
            if (stringOption(input, 'out') !== undefined) {
                out.stderr(`framework ${name}: ${result.groups} group${result.groups === 1 ? '' : 's'}, ${result.requirements} requirement${result.requirements === 1 ? '' : 's'}\n`);
            }
        } catch (error) {
            if (error instanceof OscalImportError) {
                throw new CliError(`${display(path, input.cwd)}: ${error.message}`);
            }
            throw error;
        }
        return ExitCode.ok;
    }
};

/** `nist-800-53.json` -> `nist-800-53`; a name that cannot be an id gets a prefix. */
function nameFromFile(file: string): string {
    const stem = basename(file, extname(file)).replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '');
    const name = NAME.test(stem) ? stem : `F-${stem}`;
    return NAME.test(name) ? name : 'IMPORTED';
}
