/**
 * `aims export oscal [paths...] --model catalog|component-definition|ssp|assessment-results|mapping --out FILE`: the AIMS
 * as OSCAL 1.2.2 JSON. Identifiers are UUID v5 of stable names and timestamps come from
 * `--today` or the commit, so exporting the same commit twice gives identical files.
 */
import { collectReportData, gitCommit } from '../report/aims-report-data.js';
import { DEFAULT_CATALOG_HREF } from '../oscal/oscal-context.js';
import { exportOscal, isOscalModel, OSCAL_MODELS, oscalTimestamp, serializeOscal } from '../oscal/oscal-export.js';
import { OscalNothingToExport } from '../oscal/oscal-assessment-results.js';
import { oscalFrameworkCatalog } from '../oscal/oscal-catalog.js';
import { didYouMean } from '../catalog/did-you-mean.js';
import { CliError, ExitCode, stringOption, type CliCommand } from './cli-command.js';
import { writeCommandOutput } from './output-file.js';
import { loadCommandWorkspace, SEVERITY_OPTION, EXPIRY_WINDOW_OPTION } from './workspace-loader.js';

export const exportOscalCommand: CliCommand = {
    name: 'export oscal',
    summary: 'Export the AIMS as OSCAL 1.2.2 JSON: catalog, component-definition, ssp, assessment-results or mapping.',
    usage: 'export oscal --model MODEL [options] [paths...]',
    description: [
        'Builds the .aims files in the given files and directories (default: the current directory)',
        'and writes one OSCAL 1.2.2 model as JSON:',
        '  catalog               the ISO/IEC 42001 Annex A controls (groups A.2 to A.10) and the',
        '                        organisation\'s own controls, with the tools\' own summaries;',
        '  component-definition  each AI system as a component implementing catalog controls;',
        '  ssp                   a system security plan: the AIMS as the system, every statement of',
        '                        applicability entry as an implemented requirement (exclusions as',
        '                        not-applicable with their justification), evidence as resources;',
        '  assessment-results    the internal audits (ISO/IEC 42001 9.2): each conducted audit a',
        '                        result with its scope as the reviewed controls, every audit finding',
        '                        an observation, every nonconformity found a finding whose target is',
        '                        not satisfied. Exit 2 when no audit is recorded as conducted.',
        '  mapping               every control mapping (declared, and the crosswalk pairs they did not',
        '                        replace) as a mapping collection with IR 8477 relationships.',
        'The component definition and the plan refer to the catalog by a back-matter resource whose',
        'link is --catalog-href. UUIDs are derived from names and timestamps from --today (midnight',
        'UTC) or the commit date, so a re-export of the same state is byte-identical.'
    ].join('\n'),
    options: {
        model: { type: 'string', short: 'm', value: 'MODEL', description: `OSCAL model: ${OSCAL_MODELS.join(', ')} (required).` },
        out: { type: 'string', short: 'o', value: 'FILE', description: 'Write the JSON to FILE (default: standard output).' },
        today: { type: 'string', value: 'YYYY-MM-DD', description: 'Date of the export: last-modified and evidence freshness (default: the commit date, else today).' },
        framework: { type: 'string', value: 'NAME', description: 'With --model catalog: export the framework NAME that the workspace declares as its own catalog.' },
        'catalog-href': { type: 'string', value: 'HREF', description: `Where the exported catalog lives, relative to the other models (default ${DEFAULT_CATALOG_HREF}).` },
        'expiry-window': EXPIRY_WINDOW_OPTION,
        severity: SEVERITY_OPTION
    },
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    epilogue: [
        'Exit codes: 0 exported, 2 bad usage, unreadable input or unwritable output.',
        '',
        'Examples:',
        `  aims export oscal --model catalog --out ${DEFAULT_CATALOG_HREF}`,
        '  aims export oscal aims/ --model ssp --today 2026-06-01 --out ssp.json'
    ].join('\n'),

    async run(input, out) {
        const model = stringOption(input, 'model');
        if (model === undefined) {
            throw new CliError(`--model is required: ${OSCAL_MODELS.join(', ')}`, { usage: true });
        }
        if (!isOscalModel(model)) {
            const suggestion = didYouMean(model, [...OSCAL_MODELS], 1)[0];
            throw new CliError(`unknown OSCAL model '${model}'${suggestion ? `; did you mean '${suggestion}'?` : ''} (use one of: ${OSCAL_MODELS.join(', ')})`, { usage: true });
        }
        const loaded = await loadCommandWorkspace(input);
        const today = stringOption(input, 'today');
        // Without --today the export describes the commit: its date is the day evidence is judged on.
        const commit = gitCommit(loaded.workspaceRoot);
        const timestamp = oscalTimestamp(today, commit, loaded.services.aims.Settings.today());
        const data = collectReportData(loaded.services, loaded.built.documents, timestamp.slice(0, 10), { root: loaded.workspaceRoot, commit: commit ?? false });
        let document: object;
        const frameworkName = stringOption(input, 'framework');
        try {
            if (frameworkName !== undefined) {
                if (model !== 'catalog') {
                    throw new CliError('--framework goes with --model catalog', { usage: true });
                }
                const declared = data.frameworks.map(f => f.id);
                document = oscalFrameworkCatalog(data, frameworkName, { timestamp }) ?? (() => {
                    throw new CliError(`no framework '${frameworkName}' is declared in the workspace${declared.length > 0 ? ` (it declares ${declared.join(', ')})` : ''}`);
                })();
            } else {
                document = exportOscal(data, model, { timestamp, catalogHref: stringOption(input, 'catalog-href') });
            }
        } catch (error) {
            if (error instanceof OscalNothingToExport) {
                throw new CliError(error.message);
            }
            throw error;
        }
        const text = serializeOscal(document);
        writeCommandOutput(input, out, text);
        return ExitCode.ok;
    }
};
