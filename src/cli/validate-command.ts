/**
 * `aims validate [paths...]`: build the workspace with every rule, print the findings in the
 * chosen format, and exit with 1 when there are errors (or more warnings than allowed).
 */
import { CliError, countOption, ExitCode, flag, stringOption, type CliCommand } from './cli-command.js';
import { collectFindings } from './findings.js';
import { formatGithub } from './formats/github.js';
import { formatJson } from './formats/json.js';
import type { OutputFormatter } from './formats/output-format.js';
import { formatSarif } from './formats/sarif.js';
import { formatText } from './formats/text.js';
import { repositoryRoot } from './repository-root.js';
import { TOOL } from './tool-info.js';
import { loadCommandWorkspace, MAX_FILE_BYTES, SEVERITY_OPTION, EXPIRY_WINDOW_OPTION } from './workspace-loader.js';

const FORMATS: Record<string, OutputFormatter> = {
    text: formatText,
    json: formatJson,
    sarif: formatSarif,
    github: formatGithub
};

export const validateCommand: CliCommand = {
    name: 'validate',
    summary: 'Check .aims files against every rule and report the findings.',
    usage: 'validate [options] [paths...]',
    description: [
        'Validates the .aims files in the given files and directories (default: the current',
        'directory) in their workspace: every .aims file below the workspace root is loaded, so',
        'names, the statement of applicability, risks, evidence and EU AI Act checks see all of',
        'them, exactly as the editor does, and findings are reported for the paths given. The root',
        'is the folder of the nearest aims.config.json, else the git repository root, else the',
        'common folder of the paths; evidence paths are relative to it. Directories are searched',
        'recursively; folders starting with a dot, node_modules, out and ignored paths are skipped.',
        'Named files that are not .aims files are skipped, so `aims validate $(git diff --name-only)` works.',
        `Files larger than ${MAX_FILE_BYTES / (1024 * 1024)} MiB or with NUL bytes are refused.`
    ].join('\n'),
    options: {
        format: { type: 'string', short: 'f', value: 'FORMAT', description: `Output format: ${Object.keys(FORMATS).join(', ')} (default text).` },
        today: { type: 'string', value: 'YYYY-MM-DD', description: 'Date that review, due and expiry checks compare against (default: today, UTC).' },
        'expiry-window': EXPIRY_WINDOW_OPTION,
        'max-warnings': { type: 'string', value: 'N', description: 'Exit with 1 when there are more than N warnings.' },
        severity: SEVERITY_OPTION,
        quiet: { type: 'boolean', short: 'q', description: 'List errors only (counts and exit code still include warnings).' }
    },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    epilogue: [
        'Exit codes: 0 no errors (warnings allowed unless --max-warnings is exceeded),',
        '            1 errors, or more warnings than --max-warnings,',
        '            2 bad usage or unreadable input.',
        '',
        'Examples:',
        '  aims validate',
        '  aims validate aims/ --today 2026-06-01 --max-warnings 0',
        '  aims validate --format sarif > aims.sarif'
    ].join('\n'),

    async run(input, out) {
        const format = stringOption(input, 'format') ?? 'text';
        const formatter = FORMATS[format];
        if (!formatter) {
            throw new CliError(`unknown format '${format}'; use one of: ${Object.keys(FORMATS).join(', ')}`, { usage: true });
        }
        const maxWarnings = countOption(input, 'max-warnings');
        const loaded = await loadCommandWorkspace(input);
        for (const path of loaded.skipped) {
            out.stderr(`aims: ${path}: not an .aims file, skipped\n`);
        }
        const result = collectFindings(loaded.built, input.cwd, loaded);
        const shown = flag(input, 'quiet') ? { ...result, findings: result.findings.filter(f => f.severity === 'error') } : result;
        out.stdout(formatter(shown, {
            version: TOOL.version,
            informationUri: TOOL.informationUri,
            repositoryRoot: () => repositoryRoot(input.cwd),
            colour: out.colour === true
        }));

        if (result.errors > 0) {
            return ExitCode.findings;
        }
        if (maxWarnings !== undefined && result.warnings > maxWarnings) {
            // stderr, so that JSON and SARIF on stdout stay parseable.
            out.stderr(`aims: ${result.warnings} warning${result.warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows\n`);
            return ExitCode.findings;
        }
        return ExitCode.ok;
    }
};
