/**
 * `aims crosswalk`: the NIST AI RMF -> ISO/IEC 42001 crosswalk, whole or filtered by a NIST
 * subcategory or an ISO clause or control, from the same data the hovers and reports use.
 */
import { catalog, type CatalogEntryKind, type CrosswalkPair } from '../catalog/catalog.js';
import { didYouMean } from '../catalog/did-you-mean.js';
import { CliError, ExitCode, flag, stringOption, type CliCommand } from './cli-command.js';
import { renderTable } from './formats/table.js';

/**
 * The catalog id the user meant: exact, or differing only in case or spacing (`govern  1.1`,
 * `a.6.2.4`). Anything else, such as a missing dot, is a usage error with suggestions.
 */
function resolveId(written: string, option: string | undefined, kinds: readonly CatalogEntryKind[], what: string): string {
    const ids = kinds.flatMap(kind => catalog.ofKind(kind).map(item => item.id));
    const text = written.trim().replace(/\s+/g, ' ');
    const match = ids.find(id => id === text) ?? ids.find(id => id.toUpperCase() === text.toUpperCase());
    if (match) {
        return match;
    }
    const suggestions = didYouMean(text, ids);
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map(s => `'${s}'`).join(' or ')}?` : '';
    throw new CliError(`${option ? `--${option} ` : ''}'${written}' is not ${what}${hint}`, { usage: true });
}

/**
 * `aims crosswalk GOVERN 1.1` or `aims crosswalk A.6.2.4`: the id as a positional argument
 * (the shell splits `GOVERN 1.1` in two), taken as --nist or --iso by what it names.
 */
function positionalFilter(words: readonly string[]): { nist?: string; iso?: string } {
    const written = words.join(' ');
    const nistIds = catalog.ofKind('nist-subcategory').map(item => item.id);
    const text = written.trim().replace(/\s+/g, ' ').toUpperCase();
    if (nistIds.some(id => id === text) || /^(GOVERN|MAP|MEASURE|MANAGE)\b/.test(text)) {
        return { nist: resolveId(written, undefined, ['nist-subcategory'], 'a NIST AI RMF subcategory') };
    }
    return { iso: resolveId(written, undefined, ['clause', 'annex-a-control'], 'an ISO/IEC 42001 clause or Annex A control') };
}

function selectPairs(nist: string | undefined, iso: string | undefined): CrosswalkPair[] {
    const subcategories = nist !== undefined ? [nist] : iso !== undefined ? catalog.nistFor(iso) : undefined;
    if (subcategories === undefined) {
        return [...catalog.crosswalk];
    }
    return subcategories
        .map(id => ({ nist: id, iso: catalog.isoFor(id) }))
        .filter(pair => iso === undefined || pair.iso.includes(iso));
}

export const crosswalkCommand: CliCommand = {
    name: 'crosswalk',
    summary: 'Show which ISO/IEC 42001 clauses and controls each NIST AI RMF subcategory maps to.',
    usage: 'crosswalk [ID] [--nist ID] [--iso ID] [--json]',
    description: [
        'Prints the crosswalk from NIST AI RMF 1.0 subcategories to ISO/IEC 42001 clauses and',
        'Annex A controls: one row per subcategory. --nist and --iso narrow it to the rows of one',
        'subcategory or of one clause or control; an ID without an option is either, by its form.'
    ].join('\n'),
    options: {
        nist: { type: 'string', value: 'ID', description: 'Only this NIST AI RMF subcategory, e.g. "GOVERN 1.1".' },
        iso: { type: 'string', value: 'ID', description: 'Only subcategories mapped to this ISO/IEC 42001 clause or control, e.g. A.6.2.4.' },
        json: { type: 'boolean', description: 'Print a JSON array of { "nist", "iso" } objects instead of a table.' }
    },
    positionals: { min: 0, max: 2 },
    epilogue: [
        'Examples:',
        '  aims crosswalk GOVERN 1.1',
        '  aims crosswalk --nist "GOVERN 1.1"',
        '  aims crosswalk --iso A.6.2.4 --json'
    ].join('\n'),

    async run(input, out) {
        const nistText = stringOption(input, 'nist');
        const isoText = stringOption(input, 'iso');
        if (input.positionals.length > 0 && (nistText !== undefined || isoText !== undefined)) {
            throw new CliError(`give the id either as an argument or with --nist/--iso, not both: aims crosswalk ${input.positionals.join(' ')}`, { usage: true });
        }
        const filter = input.positionals.length > 0 ? positionalFilter(input.positionals) : {
            nist: nistText === undefined ? undefined : resolveId(nistText, 'nist', ['nist-subcategory'], 'a NIST AI RMF subcategory'),
            iso: isoText === undefined ? undefined : resolveId(isoText, 'iso', ['clause', 'annex-a-control'], 'an ISO/IEC 42001 clause or Annex A control')
        };
        const { nist, iso } = filter;
        const pairs = selectPairs(nist, iso);
        if (flag(input, 'json')) {
            out.stdout(JSON.stringify(pairs, null, 2) + '\n');
            return ExitCode.ok;
        }
        const count = pairs.reduce((sum, pair) => sum + pair.iso.length, 0);
        const rows = pairs.map(pair => [pair.nist, pair.iso.join(', ')]);
        out.stdout(renderTable(['NIST AI RMF', 'ISO/IEC 42001'], rows));
        out.stdout(`${count} pair${count === 1 ? '' : 's'} over ${pairs.length} subcategor${pairs.length === 1 ? 'y' : 'ies'}\n`);
        return ExitCode.ok;
    }
};
