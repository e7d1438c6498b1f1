/**
 * The `aims` command line: parse the arguments, find the command in `COMMANDS`, run it and
 * turn every failure into a one-line message and an exit code. To add a command, write a file
 * exporting a `CliCommand` (see cli-command.ts) and add it to `COMMANDS`; help, option parsing
 * and error handling come from here.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../catalog/did-you-mean.js';
import { catalogCommand } from './catalog-command.js';
import { CliError, ExitCode, type CliCommand, type CliOption, type CliOutput } from './cli-command.js';
import { crosswalkCommand } from './crosswalk-command.js';
import { exportOscalCommand } from './export-command.js';
import { importOscalCommand } from './import-command.js';
import { exportCsvCommand, importCsvCommand } from './csv-command.js';
import { diffCommand } from './diff-command.js';
import { fixCommand } from './fix-command.js';
import { fmtCommand } from './fmt-command.js';
import { reportCommand } from './report-command.js';
import { useColour } from './terminal.js';
import { TOOL } from './tool-info.js';
import { escapeControlCharacters } from './terminal-text.js';
import { validateCommand } from './validate-command.js';

/** Every command, in the order `aims --help` lists them. */
const COMMANDS: readonly CliCommand[] = [
    validateCommand,
    fmtCommand,
    fixCommand,
    diffCommand,
    catalogCommand,
    crosswalkCommand,
    reportCommand,
    exportOscalCommand,
    importOscalCommand,
    exportCsvCommand,
    importCsvCommand
];

const HELP_OPTION: CliOption = { type: 'boolean', short: 'h', description: 'Show this help.' };

function globalHelp(): string {
    const rows = COMMANDS.map(c => [c.name, c.summary]);
    const width = Math.max(...rows.map(([name]) => name.length));
    return [
        `${TOOL.name} ${TOOL.version}: check and explore an ISO/IEC 42001 AI management system kept in .aims files.`,
        '',
        'Usage: aims <command> [options]',
        '',
        'Commands:',
        ...rows.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
        '',
        'Options:',
        '  -h, --help     Show this help; `aims <command> --help` shows a command\'s options.',
        '  -V, --version  Print the version (-v works too).',
        '',
        'Exit codes: 0 success, 1 validation errors (or too many warnings), 2 bad usage or unreadable input.'
    ].join('\n') + '\n';
}

function commandHelp(command: CliCommand): string {
    const options = { ...command.options, help: HELP_OPTION };
    const rows = Object.entries(options).map(([name, option]) => {
        const short = option.short ? `-${option.short}, ` : '    ';
        const value = option.type === 'string' ? ` ${option.value ?? 'VALUE'}${option.multiple ? ' ...' : ''}` : '';
        return [`${short}--${name}${value}`, option.description];
    });
    const width = Math.max(...rows.map(([left]) => left.length));
    return [
        `Usage: aims ${command.usage}`,
        '',
        command.description,
        '',
        'Options:',
        ...rows.map(([left, description]) => `  ${left.padEnd(width)}  ${description}`),
        ...(command.epilogue ? ['', command.epilogue] : [])
    ].join('\n') + '\n';
}

/** The command named by the leading words of `argv` (longest match, for `export oscal`). */
function findCommand(argv: readonly string[]): { command: CliCommand; rest: string[] } | undefined {
    const matches = COMMANDS
        .map(command => ({ command, words: command.name.split(' ') }))
        .filter(({ words }) => words.every((word, i) => argv[i] === word))
        .sort((a, b) => b.words.length - a.words.length);
    const best = matches[0];
    return best && { command: best.command, rest: argv.slice(best.words.length) };
}

function unknownCommand(word: string): CliError {
    const group = COMMANDS.filter(c => c.name.startsWith(`${word} `));
    if (group.length > 0) {
        return new CliError(`'aims ${word}' needs a subcommand: ${group.map(c => c.name.slice(word.length + 1)).join(', ')}`, { usage: true });
    }
    const names = [...new Set(COMMANDS.map(c => c.name.split(' ')[0]))];
    const suggestions = didYouMean(word, names, 1);
    const hint = suggestions.length > 0 ? `; did you mean '${suggestions[0]}'?` : '';
    return new CliError(word.startsWith('-') ? `unknown option '${word}'` : `unknown command '${word}'${hint}`, { usage: true });
}

/** Node's parseArgs errors, reworded as `aims` messages (they name the option and what is wrong). */
function parseError(error: unknown, command: CliCommand): CliError | undefined {
    const code = (error as { code?: string } | undefined)?.code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS') || !(error instanceof Error)) {
        return undefined;
    }
    const unknown = /Unknown option '([^']+)'/.exec(error.message);
    if (unknown) {
        const names = Object.keys(command.options).map(name => `--${name}`);
        const suggestions = unknown[1].startsWith('--') ? didYouMean(unknown[1], names, 1) : [];
        // `validate` takes --format json; the listing commands have a --json flag instead.
        const formatHint = /^(--format|-f)(=|$)/.test(unknown[1]) && command.options.json ? "; for JSON output use '--json'" : '';
        const hint = suggestions.length > 0 ? `; did you mean '${suggestions[0]}'?` : formatHint;
        return new CliError(`unknown option '${unknown[1]}' for 'aims ${command.name}'${hint}`, { usage: true });
    }
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message);
    if (missing) {
        return new CliError(`${missing[1]} needs a value`, { usage: true });
    }
    // `--max-warnings -1`: Node will not take a value that looks like an option.
    const ambiguous = /Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(error.message);
    if (ambiguous) {
        return new CliError(`${ambiguous[1]} needs a value; to give one that starts with '-', write ${ambiguous[1]}=VALUE`, { usage: true });
    }
    return new CliError(error.message.charAt(0).toLowerCase() + error.message.slice(1), { usage: true });
}

async function runCommand(command: CliCommand, args: string[], out: CliOutput, cwd: string): Promise<number> {
    const options: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' } };
    for (const [name, option] of Object.entries(command.options)) {
        options[name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) };
    }
    let parsed;
    try {
        parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    } catch (error) {
        throw parseError(error, command) ?? error;
    }
    if (parsed.values.help === true) {
        out.stdout(commandHelp(command));
        return ExitCode.ok;
    }
    const { min, max } = command.positionals;
    if (parsed.positionals.length < min) {
        throw new CliError(`'aims ${command.name}' needs ${min === max ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'}: aims ${command.usage}`, { usage: true });
    }
    if (parsed.positionals.length > max) {
        throw new CliError(`unexpected argument '${parsed.positionals[max]}' for 'aims ${command.name}'`, { usage: true });
    }
    // A string or boolean per option; a list of strings for `multiple` ones.
    const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
    return command.run({ values, positionals: parsed.positionals, cwd }, out);
}

/** Run `aims` with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], out: CliOutput, cwd: string): Promise<number> {
    let command: CliCommand | undefined;
    try {
        const first = argv[0];
        if (first === undefined) {
            out.stderr(globalHelp());
            return ExitCode.usage;
        }
        if (first === '--help' || first === '-h') {
            out.stdout(globalHelp());
            return ExitCode.ok;
        }
        if (first === '--version' || first === '-v' || first === '-V') {
            out.stdout(`${TOOL.version}\n`);
            return ExitCode.ok;
        }
        if (first === 'help') {
            // `aims help validate` reads naturally; it means `aims validate --help`.
            const target = argv.length > 1 ? findCommand(argv.slice(1)) : undefined;
            if (argv.length > 1 && !target) {
                throw unknownCommand(argv[1]);
            }
            out.stdout(target ? commandHelp(target.command) : globalHelp());
            return ExitCode.ok;
        }
        const found = findCommand(argv);
        if (!found) {
            throw unknownCommand(first);
        }
        command = found.command;
        return await runCommand(found.command, found.rest, out, cwd);
    } catch (error) {
        return reportFailure(error, out, command);
    }
}

/** One clear message on stderr; a stack trace only when AIMS_DEBUG asks for it. */
function reportFailure(error: unknown, out: CliOutput, command?: CliCommand): number {
    if (error instanceof CliError) {
        out.stderr(error.message.split('\n').map(line => `aims: ${line}\n`).join(''));
        if (error.usage) {
            out.stderr(`Run 'aims ${command ? `${command.name} ` : ''}--help' for usage.\n`);
        }
        return ExitCode.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    out.stderr(`aims: internal error: ${message}\n`);
    if (process.env.AIMS_DEBUG && error instanceof Error && error.stack) {
        out.stderr(`${error.stack}\n`);
    } else {
        out.stderr('Please report this; set AIMS_DEBUG=1 to see where it happened.\n');
    }
    return ExitCode.usage;
}

const processOutput: CliOutput = {
    stdout: text => void process.stdout.write(text),
    // File names and texts in messages come from the files: shown, never obeyed, by the terminal.
    stderr: text => void process.stderr.write(escapeControlCharacters(text)),
    colour: useColour({ env: process.env, isTTY: process.stdout.isTTY === true })
};

// A reader that stops early (`aims catalog nist | head`) is not an error worth a trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    process.exit(error.code === 'EPIPE' ? ExitCode.ok : ExitCode.usage);
});
process.on('uncaughtException', error => {
    process.exitCode = reportFailure(error, processOutput);
});
process.on('unhandledRejection', error => {
    process.exitCode = reportFailure(error, processOutput);
});

void main(process.argv.slice(2), processOutput, process.cwd()).then(code => {
    // exitCode, not exit(): let stdout drain when it is a pipe.
    process.exitCode = code;
});
