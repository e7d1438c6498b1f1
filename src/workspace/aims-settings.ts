/**
 * The user's settings that change what the engine reports: the date taken as "today", the
 * evidence expiry warning window, per-rule severity overrides and inlay hints. Three layers,
 * each winning over the one before: the editor's `aims.*` settings, the workspace's
 * `aims.config.json` (see aims-config.ts; the file CI reads too, so it beats a user's editor
 * settings), and what the embedding program fixes (CLI flags, tests).
 */
import type { LangiumSharedCoreServices } from 'langium';
import { parseIsoDate, systemToday } from '../model/dates.js';
import type { RuleSeverity } from '../validation/rules.js';
import { AimsConfigError, findConfigFile, loadConfigFile, settingsOfConfig, type LoadedConfig } from './aims-config.js';
import { gitRepositoryRoot } from './git.js';

export type SeverityOverride = RuleSeverity | 'off';

export interface AimsSettingsValues {
    /** `YYYY-MM-DD`; empty or absent means the system date. */
    today?: string;
    /** Evidence that expires within this many days gets a warning. */
    evidenceExpiryWindowDays: number;
    /** Rule code (`aims/evidence-expiring`) or name (`evidence-expiring`) to severity. */
    severity: Record<string, SeverityOverride>;
    inlayHints: boolean;
    /** Inlay-hint titles longer than this many characters are cut at a word with "…"; 0 shows them whole. */
    inlayHintTitleLength: number;
    /**
     * Why git and file-system checks are off (an untrusted workspace, the browser); absent means
     * they run. Set by the embedding program only, never by a workspace setting.
     */
    restricted?: string;
    /** The page that rule codes link to (`codeDescription`); `#rule-<name>` is appended. */
    rulesDocumentation?: string;
    /** Folder that evidence paths are relative to; by default the workspace folder holding the file. */
    workspaceRoot?: string;
}

/** Why checks are off when a client's `aims.trustedWorkspace` setting is `false`. */
export const UNTRUSTED_BY_SETTING = 'the client says the workspace is not trusted, so git and file-system checks are off';

export const DEFAULT_SETTINGS: AimsSettingsValues = {
    evidenceExpiryWindowDays: 30,
    severity: {},
    inlayHints: true,
    inlayHintTitleLength: 0
};

export class AimsSettings {
    private fromClient: Partial<AimsSettingsValues> = {};
    private fromConfig: Partial<AimsSettingsValues> = {};
    private loadedConfig: LoadedConfig | undefined;
    private overrides: Partial<AimsSettingsValues> = {};
    private readonly shared: LangiumSharedCoreServices;

    constructor(shared: LangiumSharedCoreServices) {
        this.shared = shared;
    }

    /** Settings fixed by the embedding program (CLI flags, tests); they win over the client's. */
    set(values: Partial<AimsSettingsValues>): void {
        this.overrides = { ...this.overrides, ...values };
    }

    /** Pull the `aims` section from the client, if there is one. */
    async load(): Promise<void> {
        const provider = this.shared.workspace.ConfigurationProvider;
        this.fromClient = normalise(await loadSection(provider));
    }

    /** Use this `aims.config.json` (undefined: none). Its folder becomes the workspace root. */
    useConfig(loaded: LoadedConfig | undefined): void {
        this.loadedConfig = loaded;
        this.fromConfig = loaded ? settingsOfConfig(loaded) : {};
    }

    /**
     * The language server's lookup: the nearest `aims.config.json` at or above the first of
     * `folders` that has one (not above its repository root), as the CLI finds it from a path.
     * Read again whenever the file changes. A broken file is logged and treated as absent.
     */
    discoverConfig(folders: readonly string[]): void {
        for (const folder of folders) {
            // An untrusted workspace runs no git: the search then stops at the folder itself.
            const repository = this.values.restricted ? folder : gitRepositoryRoot(folder) ?? undefined;
            const path = findConfigFile(folder, repository);
            if (!path) {
                continue;
            }
            try {
                this.useConfig(loadConfigFile(path));
            } catch (error) {
                console.error(`AIMS: ${error instanceof AimsConfigError ? error.message : String(error)}; using the default settings.`);
                this.useConfig(undefined);
            }
            return;
        }
        this.useConfig(undefined);
    }

    /** The config file in use, if any. */
    get config(): LoadedConfig | undefined {
        return this.loadedConfig;
    }

    get values(): AimsSettingsValues {
        const layers = [this.fromClient, this.fromConfig, this.overrides];
        // Severity tables merge rule by rule: a config that sets one rule keeps the editor's others.
        const severity = Object.assign({}, DEFAULT_SETTINGS.severity, ...layers.map(layer => layer.severity ?? {})) as Record<string, SeverityOverride>;
        // Trust comes from the client or the caller, never from the workspace's own config file.
        const restricted = this.overrides.restricted ?? this.fromClient.restricted;
        return { ...DEFAULT_SETTINGS, ...this.fromClient, ...this.fromConfig, ...this.overrides, severity, restricted };
    }

    /** The date checks compare against, always a valid `YYYY-MM-DD`. */
    today(): string {
        const today = this.values.today;
        return today && parseIsoDate(today) !== undefined ? today : systemToday();
    }

    severityFor(code: string, fallback: RuleSeverity): SeverityOverride {
        // Later layers win, whether they name the rule by code or by name.
        const name = code.replace(/^aims\//, '');
        for (const layer of [this.overrides, this.fromConfig, this.fromClient]) {
            const level = layer.severity?.[code] ?? layer.severity?.[name];
            if (level !== undefined) {
                return level;
            }
        }
        return fallback;
    }
}

async function loadSection(provider: LangiumSharedCoreServices['workspace']['ConfigurationProvider']): Promise<Record<string, unknown>> {
    const keys = ['today', 'evidenceExpiryWindowDays', 'severity', 'inlayHints', 'inlayHintTitleLength', 'trustedWorkspace'];
    const entries = await Promise.all(keys.map(async k => [k, await provider.getConfiguration('aims', k)] as const));
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

function normalise(raw: Record<string, unknown>): Partial<AimsSettingsValues> {
    const out: Partial<AimsSettingsValues> = {};
    if (typeof raw.today === 'string' && raw.today.trim() !== '') out.today = raw.today.trim();
    const windowDays = raw.evidenceExpiryWindowDays ?? (raw.evidence as Record<string, unknown> | undefined)?.expiryWindowDays;
    if (typeof windowDays === 'number' && windowDays >= 0) out.evidenceExpiryWindowDays = windowDays;
    if (raw.severity && typeof raw.severity === 'object') out.severity = raw.severity as Record<string, SeverityOverride>;
    // `aims.trustedWorkspace: false`, for LSP clients that know trust but send no initialization options.
    if (raw.trustedWorkspace === false) out.restricted = UNTRUSTED_BY_SETTING;
    const hints = raw.inlayHints;
    if (typeof hints === 'boolean') out.inlayHints = hints;
    else if (hints && typeof hints === 'object' && typeof (hints as { enabled?: unknown }).enabled === 'boolean') {
        out.inlayHints = (hints as { enabled: boolean }).enabled;
    }
    const titleLength = raw.inlayHintTitleLength;
    if (typeof titleLength === 'number' && Number.isInteger(titleLength) && titleLength >= 0) out.inlayHintTitleLength = titleLength;
    return out;
}
