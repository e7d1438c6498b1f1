/**
 * `aims.config.json`: the one file that the CLI and the language server both read, so that CI
 * and the editor report the same findings. Its folder is the workspace root (evidence paths are
 * relative to it, and the CLI loads every `.aims` file below it). It holds rule severities, the
 * evidence expiry window, the date checks compare against, and paths to leave out.
 *
 * The file is JSON (not YAML or a dotfile) so that VS Code completes and checks it with the
 * JSON Schema the extension contributes (`schemas/aims.config.schema.json`), and so that it
 * reads like `tsconfig.json` or `biome.json` next to it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { didYouMean } from '../catalog/did-you-mean.js';
import { parseIsoDate } from '../model/dates.js';
import { ALL_RULES } from '../validation/rules.js';
import type { AimsSettingsValues, SeverityOverride } from './aims-settings.js';

export const CONFIG_FILE_NAME = 'aims.config.json';

export const SEVERITY_LEVELS: readonly SeverityOverride[] = ['error', 'warning', 'info', 'hint', 'off'];

/** What the file may hold; every key is optional. */
export interface AimsConfig {
    /** The date checks compare against, `YYYY-MM-DD`; absent means the system date. */
    readonly today?: string;
    /** Evidence expiring within this many days gets `aims/evidence-expiring`. */
    readonly evidenceExpiryWindowDays?: number;
    /** Rule code or name to a severity, or `off`. */
    readonly severity?: Readonly<Record<string, SeverityOverride>>;
    /** Glob patterns, relative to the config's folder, of `.aims` files and folders to leave out. */
    readonly ignore?: readonly string[];
}

export interface LoadedConfig {
    /** Absolute path of the file. */
    readonly path: string;
    /** Its folder: the workspace root. */
    readonly directory: string;
    readonly config: AimsConfig;
}

/** A config file that cannot be used; `problems` say where and what, one per line. */
export class AimsConfigError extends Error {
    readonly path: string;
    readonly problems: readonly string[];

    constructor(path: string, problems: readonly string[]) {
        super(problems.map(p => `${path}: ${p}`).join('\n'));
        this.name = 'AimsConfigError';
        this.path = path;
        this.problems = problems;
    }
}

const KNOWN_KEYS = ['$schema', 'today', 'evidenceExpiryWindowDays', 'severity', 'ignore'];

/** Rule names without the `aims/` prefix, for keys and did-you-mean. */
function ruleNames(): string[] {
    return ALL_RULES.map(rule => rule.code.replace(/^aims\//, ''));
}

/** Check `text` as a config file; throws `AimsConfigError` naming every problem. */
export function parseAimsConfig(text: string, path: string): AimsConfig {
    let raw: unknown;
    try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        throw new AimsConfigError(path, [jsonErrorMessage(error, text)]);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new AimsConfigError(path, ['the file must hold one JSON object, e.g. { "severity": { "review-overdue": "error" } }']);
    }
    const problems: string[] = [];
    const object = raw as Record<string, unknown>;
    for (const key of Object.keys(object)) {
        if (!KNOWN_KEYS.includes(key)) {
            const settings = KNOWN_KEYS.filter(k => k !== '$schema');
            const guess = didYouMean(key, settings, 1)[0] ?? settings.find(k => k.toLowerCase().startsWith(key.toLowerCase()));
            problems.push(`unknown setting '${key}'${guess ? `; did you mean '${guess}'?` : ''} (settings: ${KNOWN_KEYS.slice(1).join(', ')})`);
        }
    }
    const config: { -readonly [K in keyof AimsConfig]: AimsConfig[K] } = {};
    if (object.today !== undefined) {
        if (typeof object.today !== 'string' || parseIsoDate(object.today) === undefined) {
            problems.push(`today: ${JSON.stringify(object.today)} is not a date; write it as "YYYY-MM-DD"`);
        } else {
            config.today = object.today;
        }
    }
    const window = object.evidenceExpiryWindowDays;
    if (window !== undefined) {
        if (typeof window !== 'number' || !Number.isInteger(window) || window < 0) {
            problems.push(`evidenceExpiryWindowDays: ${JSON.stringify(window)} is not a whole number of 0 or more`);
        } else {
            config.evidenceExpiryWindowDays = window;
        }
    }
    if (object.severity !== undefined) {
        config.severity = parseSeverity(object.severity, problems);
    }
    if (object.ignore !== undefined) {
        if (!Array.isArray(object.ignore) || object.ignore.some(p => typeof p !== 'string' || p.trim() === '')) {
            problems.push('ignore: must be a list of glob patterns, e.g. ["archive/**", "drafts/*.aims"]');
        } else {
            config.ignore = object.ignore as string[];
        }
    }
    if (problems.length > 0) {
        throw new AimsConfigError(path, problems);
    }
    return config;
}

function parseSeverity(value: unknown, problems: string[]): Record<string, SeverityOverride> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push('severity: must be an object from rule code to level, e.g. { "aims/review-overdue": "error" }');
        return undefined;
    }
    const names = ruleNames();
    const table: Record<string, SeverityOverride> = {};
    for (const [key, level] of Object.entries(value as Record<string, unknown>)) {
        const name = key.replace(/^aims\//, '');
        if (!names.includes(name)) {
            const guess = didYouMean(name, names, 1)[0];
            problems.push(`severity: there is no rule '${key}'${guess ? `; did you mean 'aims/${guess}'?` : ''}`);
            continue;
        }
        if (typeof level !== 'string' || !(SEVERITY_LEVELS as readonly string[]).includes(level)) {
            problems.push(`severity.${key}: ${JSON.stringify(level)} is not a level; use one of: ${SEVERITY_LEVELS.join(', ')}`);
            continue;
        }
        table[name] = level as SeverityOverride;
    }
    return table;
}

/** `Unexpected token } in JSON at position 41` as `line 3, column 5: ...`. */
function jsonErrorMessage(error: unknown, text: string): string {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : /line (\d+) column (\d+)/.exec(message);
    const what = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '');
    const at = Array.isArray(where) ? `line ${where[1]}, column ${where[2]}` : where ? `line ${where.line}, column ${where.column}` : undefined;
    return `not valid JSON${at ? ` (${at})` : ''}: ${what}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * The nearest `aims.config.json` in `start` or a folder above it, not above `stop` (the
 * repository root, so a stray file in a home folder is never picked up).
 */
export function findConfigFile(start: string, stop?: string): string | undefined {
    let directory = start;
    for (;;) {
        const candidate = join(directory, CONFIG_FILE_NAME);
        if (existsSync(candidate) && isFile(candidate)) {
            return candidate;
        }
        const parent = dirname(directory);
        if (parent === directory || (stop !== undefined && directory === stop)) {
            return undefined;
        }
        directory = parent;
    }
}

function isFile(path: string): boolean {
    try {
        return statSync(path).isFile();
    } catch {
        return false;
    }
}

/** Read and check a config file; throws `AimsConfigError`. */
export function loadConfigFile(path: string): LoadedConfig {
    let text: string;
    try {
        text = readFileSync(path, 'utf8');
    } catch (error) {
        throw new AimsConfigError(path, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
    }
    return { path, directory: dirname(path), config: parseAimsConfig(text, path) };
}

/** The settings a config contributes; its folder becomes the workspace root. */
export function settingsOfConfig(loaded: LoadedConfig): Partial<AimsSettingsValues> {
    const { config } = loaded;
    return {
        workspaceRoot: loaded.directory,
        ...(config.today !== undefined ? { today: config.today } : {}),
        ...(config.evidenceExpiryWindowDays !== undefined ? { evidenceExpiryWindowDays: config.evidenceExpiryWindowDays } : {}),
        ...(config.severity !== undefined ? { severity: { ...config.severity } } : {})
    };
}

/**
 * Whether `path` (absolute) is left out by the config's `ignore` patterns. Patterns are
 * relative to the config's folder, use `/`, and know `*` (within one folder), `**` (any number
 * of folders) and `?`; a pattern that names a folder leaves out everything below it.
 */
export function isIgnored(path: string, loaded: LoadedConfig | undefined): boolean {
    const patterns = loaded?.config.ignore;
    if (!patterns || patterns.length === 0) {
        return false;
    }
    const rel = relative(loaded.directory, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('../')) {
        return false;
    }
    return patterns.some(pattern => globToRegExp(pattern).test(rel));
}

const GLOB_CACHE = new Map<string, RegExp>();

/** A glob as a regular expression matching the path itself or anything below it. */
export function globToRegExp(glob: string): RegExp {
    const cached = GLOB_CACHE.get(glob);
    if (cached) {
        return cached;
    }
    const pattern = glob.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*') {
            // `**/` matches no folder or any number of them; a final `**` matches everything.
            const slash = pattern[i + 2] === '/';
            source += slash ? '(?:.*/)?' : '.*';
            i += slash ? 2 : 1;
        } else if (c === '*') {
            source += '[^/]*';
        } else if (c === '?') {
            source += '[^/]';
        } else {
            source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        }
    }
    const regexp = new RegExp(`^${source}(?:/.*)?$`);
    GLOB_CACHE.set(glob, regexp);
    return regexp;
}
