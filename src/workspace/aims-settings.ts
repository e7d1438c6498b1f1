/**
 * The user's settings that change what the engine reports: the date taken as "today", the
 * evidence expiry warning window, per-rule severity overrides and inlay hints. In the editor
 * they come from the `aims.*` configuration section; the CLI and tests set them directly.
 */
import type { LangiumSharedCoreServices } from 'langium';
import { parseIsoDate, systemToday } from '../model/dates.js';
import type { RuleSeverity } from '../validation/rules.js';

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

export const DEFAULT_SETTINGS: AimsSettingsValues = {
    evidenceExpiryWindowDays: 30,
    severity: {},
    inlayHints: true,
    inlayHintTitleLength: 0
};

export class AimsSettings {
    private fromClient: Partial<AimsSettingsValues> = {};
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

    get values(): AimsSettingsValues {
        return { ...DEFAULT_SETTINGS, ...this.fromClient, ...this.overrides };
    }

    /** The date checks compare against, always a valid `YYYY-MM-DD`. */
    today(): string {
        const today = this.values.today;
        return today && parseIsoDate(today) !== undefined ? today : systemToday();
    }

    severityFor(code: string, fallback: RuleSeverity): SeverityOverride {
        const table = this.values.severity;
        return table[code] ?? table[code.replace(/^aims\//, '')] ?? fallback;
    }
}

async function loadSection(provider: LangiumSharedCoreServices['workspace']['ConfigurationProvider']): Promise<Record<string, unknown>> {
    const keys = ['today', 'evidenceExpiryWindowDays', 'severity', 'inlayHints', 'inlayHintTitleLength'];
    const entries = await Promise.all(keys.map(async k => [k, await provider.getConfiguration('aims', k)] as const));
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

function normalise(raw: Record<string, unknown>): Partial<AimsSettingsValues> {
    const out: Partial<AimsSettingsValues> = {};
    if (typeof raw.today === 'string' && raw.today.trim() !== '') out.today = raw.today.trim();
    const windowDays = raw.evidenceExpiryWindowDays ?? (raw.evidence as Record<string, unknown> | undefined)?.expiryWindowDays;
    if (typeof windowDays === 'number' && windowDays >= 0) out.evidenceExpiryWindowDays = windowDays;
    if (raw.severity && typeof raw.severity === 'object') out.severity = raw.severity as Record<string, SeverityOverride>;
    const hints = raw.inlayHints;
    if (typeof hints === 'boolean') out.inlayHints = hints;
    else if (hints && typeof hints === 'object' && typeof (hints as { enabled?: unknown }).enabled === 'boolean') {
        out.inlayHints = (hints as { enabled: boolean }).enabled;
    }
    const titleLength = raw.inlayHintTitleLength;
    if (typeof titleLength === 'number' && Number.isInteger(titleLength) && titleLength >= 0) out.inlayHintTitleLength = titleLength;
    return out;
}
