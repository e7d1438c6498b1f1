/**
 * The contract between `main.ts` and each `aims` command: a command is one table row with its
 * name, help text, options and a `run` function. Adding a command means adding one file that
 * exports a `CliCommand` and one entry in `COMMANDS` (main.ts).
 */

/** Exit codes every command shares; the README documents them. */
export const ExitCode = {
    /** Nothing to report (warnings may be allowed). */
    ok: 0,
    /** The command ran and found problems (validation errors, too many warnings). */
    findings: 1,
    /** Bad usage or unreadable input: the command could not do its job. */
    usage: 2
} as const;

export interface CliOption {
    readonly type: 'string' | 'boolean';
    readonly short?: string;
    /** A string option that may be given several times; its value is the list of them. */
    readonly multiple?: boolean;
    /** Placeholder for the value in help text, e.g. `YYYY-MM-DD`. */
    readonly value?: string;
    readonly description: string;
}

/** Where a command writes; main.ts passes the process streams, so output order is kept. */
export interface CliOutput {
    stdout(text: string): void;
    stderr(text: string): void;
    /** Whether stdout may be coloured (a terminal, or FORCE_COLOR; see terminal.ts). */
    readonly colour?: boolean;
}

export interface CommandInput {
    /** Option values by long name: strings for `type: 'string'` (lists if `multiple`), booleans for flags. */
    readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
    readonly positionals: readonly string[];
    /** The directory paths and output are relative to. */
    readonly cwd: string;
}

export interface CliCommand {
    /** One word, or words separated by a space for subcommands (`export oscal`). */
    readonly name: string;
    /** One line for `aims --help`. */
    readonly summary: string;
    /** Synopsis after `aims`, e.g. `validate [options] [paths...]`. */
    readonly usage: string;
    /** Paragraphs shown by `aims <command> --help`, after the synopsis. */
    readonly description: string;
    readonly options: Readonly<Record<string, CliOption>>;
    /** How many positional arguments the command takes. */
    readonly positionals: { readonly min: number; readonly max: number };
    /** Extra help text after the options (examples, exit codes). */
    readonly epilogue?: string;
    run(input: CommandInput, out: CliOutput): Promise<number>;
}

/**
 * An error that the user can fix: a bad flag, a missing file. main.ts prints each line of the
 * message as `aims: <line>` (plus a usage hint when `usage` is set) and exits with 2, never
 * with a stack trace. Several problems (one per unreadable file) go on separate lines.
 */
export class CliError extends Error {
    readonly usage: boolean;

    constructor(message: string, options: { usage?: boolean } = {}) {
        super(message);
        this.name = 'CliError';
        this.usage = options.usage ?? false;
    }
}

/** A string option's value, or undefined when it was not given. */
export function stringOption(input: CommandInput, name: string): string | undefined {
    const value = input.values[name];
    return typeof value === 'string' ? value : undefined;
}

/** Every value of a `multiple` option, each also split at commas: `--x a,b --x c` gives a, b, c. */
export function listOption(input: CommandInput, name: string): string[] {
    const value = input.values[name];
    const given = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return given.flatMap(v => v.split(',')).map(v => v.trim()).filter(v => v !== '');
}

export function flag(input: CommandInput, name: string): boolean {
    return input.values[name] === true;
}

/** A whole number >= 0 given to `--name`, or a usage error saying what was wrong. */
export function countOption(input: CommandInput, name: string): number | undefined {
    const text = stringOption(input, name);
    if (text === undefined) {
        return undefined;
    }
    if (!/^\d+$/.test(text.trim())) {
        throw new CliError(`--${name} needs a whole number of 0 or more, not '${text}'`, { usage: true });
    }
    return Number(text.trim());
}
