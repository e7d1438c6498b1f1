// Completes the TextMate grammar that `langium generate` writes to syntaxes/aims.tmLanguage.json.
// Langium colours keywords, strings and comments only; AIMS files are mostly ids and dates, so we
// add scopes for catalog ids (A.6.2.4, C.3.4, 6.1.2, GOVERN 1.1, Article 9), dates and numbers,
// and stop keywords from lighting up inside hyphenated names (`ev-policy`, `ml-deployment`).
// Runs after `langium generate` in the build and package scripts; running it twice changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GRAMMAR_PATH = fileURLToPath(new URL('../syntaxes/aims.tmLanguage.json', import.meta.url));

// A token boundary in AIMS: names may contain `-`, ids contain `.`, so `\b` is not enough.
const START = '(?<![\\w.-])';
const END = '(?![\\w-]|\\.\\w)';

const ADDED = {
    'dates': {
        name: 'constant.numeric.date.aims',
        match: `${START}\\d{4}-\\d{2}-\\d{2}${END}`
    },
    'catalog-ids': {
        patterns: [
            // NIST AI RMF subcategories and EU AI Act articles are written with a space.
            { name: 'constant.other.catalog-id.aims', match: `\\b(?:GOVERN|MAP|MEASURE|MANAGE)[ \\t]+\\d+\\.\\d+${END}` },
            { name: 'constant.other.catalog-id.aims', match: `\\bArticle[ \\t]+\\d+${END}` },
            // Annex A, Annex C and organisation controls: A.6.2.4, C.3.4, ACME.1.
            { name: 'constant.other.catalog-id.aims', match: `${START}[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+${END}` },
            // Clauses: 6.1.2.
            { name: 'constant.other.catalog-id.aims', match: `${START}\\d+(?:\\.\\d+)+${END}` }
        ]
    },
    'numbers': {
        name: 'constant.numeric.integer.aims',
        match: `${START}\\d+${END}`
    }
};

/** Returns the grammar with the AIMS additions; the input is not changed. */
export function extendGrammar(generated) {
    const grammar = structuredClone(generated);
    grammar.repository = { ...grammar.repository, ...ADDED };
    const includes = Object.keys(ADDED).map(key => ({ include: `#${key}` }));
    const patterns = grammar.patterns.filter(p => !includes.some(i => i.include === p.include));
    const keywords = patterns.find(p => typeof p.name === 'string' && p.name.startsWith('keyword.'));
    if (!keywords) {
        throw new Error(`${GRAMMAR_PATH}: no keyword pattern found; has langium generate changed its output?`);
    }
    keywords.match = keywords.match.replace(/^\\b\((.*)\)\\b$/, `${START}($1)(?![\\w-])`);
    // Dates before numbers and ids before keywords; TextMate takes the earliest match, then the first listed.
    const at = patterns.findIndex(p => p === keywords);
    patterns.splice(at, 0, ...includes);
    grammar.patterns = patterns;
    return grammar;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const path = process.argv[2] ?? GRAMMAR_PATH;
    let generated;
    try {
        generated = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
        console.error(`extend-textmate: cannot read ${path} (run \`langium generate\` first): ${error.message}`);
        process.exit(1);
    }
    writeFileSync(path, JSON.stringify(extendGrammar(generated), null, 2) + '\n');
}
