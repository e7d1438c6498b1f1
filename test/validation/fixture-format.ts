/**
 * The rule fixture format (see test/fixtures/validation/README.md): `.aims` files that say next
 * to the text what the validator must report there.
 *
 *     // $TEST$ error "aims/unknown-catalog-id" "Did you mean 'A.6.2.4'"
 *     risk r "R" { treatment mitigate with »a.6.2.4« }
 *
 * The n-th `$TEST$` comment of a file is about the n-th range marked with »...« (in the order the
 * ranges open), which must come after it; two expectations about the same text mark it twice:
 * »»A.5.15««. The markers are removed before parsing, and the ranges are kept in the coordinates
 * of the text without them. Header comments set up the workspace:
 * `// $SETTINGS$ {"evidenceExpiryWindowDays": 60}` (JSON, merged over today = 2026-06-01) and
 * `// $FILES$ evidence/ai-policy.pdf, ...` (files that exist on disk, for evidence paths).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import type { AimsSettingsValues } from '../../src/workspace/aims-settings.js';

export type ExpectedSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface Expectation {
    /** File (relative to the scenario) holding the marked range. */
    readonly file: string;
    /** 1-based line of the `$TEST$` comment, to find it from a test name. */
    readonly line: number;
    /** `no error ...`: nothing of this kind may touch the range. */
    readonly negated: boolean;
    /** `diagnostic` (negative expectations only): any severity. */
    readonly severity: ExpectedSeverity | 'diagnostic';
    readonly code: string;
    /** A part of the message that must (or, negated, must not) appear. */
    readonly message?: string;
    readonly range: Range;
    /** The marked text, for test names. */
    readonly marked: string;
}

export interface Fixture {
    /** `<rule>/<scenario>`. */
    readonly name: string;
    /** The domain folder under test/fixtures/validation: the rule's `domain` in rules.ts. */
    readonly domain: string;
    /** The folder under the domain: a rule name without `aims/`, or a cross-cutting topic. */
    readonly rule: string;
    readonly scenario: string;
    /** File name to text without markers. */
    readonly files: Record<string, string>;
    readonly settings: Partial<AimsSettingsValues>;
    /** Files to create in the workspace folder (relative paths). */
    readonly existingFiles: readonly string[];
    readonly expectations: readonly Expectation[];
}

export class FixtureFormatError extends Error {}

const OPEN = '»';
const CLOSE = '«';
const DIRECTIVE = /\/\/\s*\$TEST\$\s*(.*)$/;
const EXPECTATION = /^(no\s+)?(error|warning|info|hint|diagnostic)\s+("(?:[^"\\]|\\.)*")(?:\s+("(?:[^"\\]|\\.)*"))?\s*$/;

interface ParsedFile {
    readonly text: string;
    readonly expectations: Expectation[];
    readonly settings: Partial<AimsSettingsValues>;
    readonly existingFiles: string[];
}

/** Strip the markers of one file and bind its `$TEST$` comments to the marked ranges. */
export function parseFixtureFile(file: string, raw: string): ParsedFile {
    let text = '';
    const open: Array<{ start: number; rawLine: number }> = [];
    const ranges: Array<{ start: number; end: number }> = [];
    let rawLine = 1;
    for (const ch of raw) {
        if (ch === OPEN) {
            open.push({ start: text.length, rawLine });
        } else if (ch === CLOSE) {
            const start = open.pop();
            if (!start) {
                throw new FixtureFormatError(`${file}:${rawLine}: '${CLOSE}' closes no '${OPEN}'.`);
            }
            ranges.push({ start: start.start, end: text.length });
        } else {
            text += ch;
            if (ch === '\n') rawLine++;
        }
    }
    if (open.length > 0) {
        throw new FixtureFormatError(`${file}:${open[0].rawLine}: '${OPEN}' is never closed with '${CLOSE}'.`);
    }
    ranges.sort((a, b) => a.start - b.start || b.end - a.end);

    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n') lineStarts.push(i + 1);
    }
    const position = (offset: number) => {
        let line = lineStarts.length - 1;
        while (lineStarts[line] > offset) line--;
        return { line, character: offset - lineStarts[line] };
    };

    const expectations: Expectation[] = [];
    let settings: Partial<AimsSettingsValues> = {};
    const existingFiles: string[] = [];
    text.split('\n').forEach((lineText, index) => {
        const where = `${file}:${index + 1}`;
        const header = /\/\/\s*\$(SETTINGS|FILES)\$\s*(.*)$/.exec(lineText);
        if (header?.[1] === 'SETTINGS') {
            try {
                settings = { ...settings, ...JSON.parse(header[2]) as Partial<AimsSettingsValues> };
            } catch (error) {
                throw new FixtureFormatError(`${where}: $SETTINGS$ must be followed by a JSON object: ${String(error)}`);
            }
        } else if (header?.[1] === 'FILES') {
            existingFiles.push(...header[2].split(',').map(f => f.trim()).filter(f => f.length > 0));
        }
        const directive = DIRECTIVE.exec(lineText);
        if (!directive) {
            return;
        }
        const parts = EXPECTATION.exec(directive[1]);
        if (!parts) {
            throw new FixtureFormatError(`${where}: cannot read '$TEST$ ${directive[1]}'; write $TEST$ [no] error|warning|info|hint "aims/<rule>" ["part of the message"].`);
        }
        const negated = parts[1] !== undefined;
        const severity = parts[2] as Expectation['severity'];
        if (severity === 'diagnostic' && !negated) {
            throw new FixtureFormatError(`${where}: 'diagnostic' (any severity) is only for negative expectations ('no diagnostic').`);
        }
        const code = JSON.parse(parts[3]) as string;
        if (!code.startsWith('aims/')) {
            throw new FixtureFormatError(`${where}: the code '${code}' does not start with 'aims/'.`);
        }
        const range = ranges[expectations.length];
        if (!range) {
            throw new FixtureFormatError(`${where}: this is $TEST$ comment number ${expectations.length + 1}, but the file marks only ${ranges.length} range(s) with ${OPEN}...${CLOSE}.`);
        }
        if (range.start < lineStarts[index] + directive.index) {
            throw new FixtureFormatError(`${where}: this $TEST$ comment is about range number ${expectations.length + 1} (line ${position(range.start).line + 1}), which comes before it; put each comment before its range.`);
        }
        expectations.push({
            file, line: index + 1, negated, severity, code,
            message: parts[4] !== undefined ? JSON.parse(parts[4]) as string : undefined,
            range: { start: position(range.start), end: position(range.end) },
            marked: text.slice(range.start, range.end)
        });
    });
    if (ranges.length > expectations.length) {
        const range = ranges[expectations.length];
        throw new FixtureFormatError(`${file}:${position(range.start).line + 1}: the range ${OPEN}${text.slice(range.start, range.end)}${CLOSE} has no $TEST$ comment (each range needs its own).`);
    }
    return { text, expectations, settings, existingFiles };
}

/**
 * Every fixture under `root`: `<domain>/<rule>/<scenario>.aims` is a one-file workspace,
 * `<domain>/<rule>/<scenario>/*.aims` a workspace of several files.
 */
export function loadFixtures(root: string): Fixture[] {
    const fixtures: Fixture[] = [];
    for (const domain of subfolders(root)) {
        for (const rule of subfolders(join(root, domain))) {
            fixtures.push(...loadRuleFixtures(join(root, domain, rule), domain, rule));
        }
    }
    return fixtures;
}

function subfolders(path: string): string[] {
    return readdirSync(path).sort().filter(name => statSync(join(path, name)).isDirectory());
}

function loadRuleFixtures(ruleDir: string, domain: string, rule: string): Fixture[] {
    const fixtures: Fixture[] = [];
    for (const entry of readdirSync(ruleDir).sort()) {
        const path = join(ruleDir, entry);
        const isFolder = statSync(path).isDirectory();
        if (!isFolder && !entry.endsWith('.aims')) {
            continue;
        }
        const names = isFolder ? readdirSync(path).filter(n => n.endsWith('.aims')).sort() : [entry];
        const parsed = names.map(name => ({ name, ...parseFixtureFile(`${domain}/${rule}/${isFolder ? entry + '/' : ''}${name}`, readFileSync(isFolder ? join(path, name) : path, 'utf8')) }));
        fixtures.push({
            name: `${rule}/${entry.replace(/\.aims$/, '')}`,
            domain,
            rule,
            scenario: entry.replace(/\.aims$/, ''),
            files: Object.fromEntries(parsed.map(p => [p.name, p.text])),
            settings: parsed.reduce((all, p) => ({ ...all, ...p.settings }), {}),
            existingFiles: parsed.flatMap(p => p.existingFiles),
            expectations: parsed.flatMap(p => p.expectations.map(e => ({ ...e, file: p.name })))
        });
    }
    return fixtures;
}
