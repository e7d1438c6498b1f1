/**
 * The tool's name, version and home, from package.json (bundled in at build time), so
 * `aims --version` and the SARIF log never disagree with the published package.
 */
import packageJson from '../../package.json' with { type: 'json' };

/** The package.json fields read here; `repository` and `homepage` are optional. */
interface PackageInfo {
    readonly version: string;
    readonly homepage?: string;
    readonly repository?: string | { readonly url?: string };
}

/** `git+https://host/x.git` -> `https://host/x`: the web page of the repository. */
function webAddress(url: string | undefined): string | undefined {
    return url?.replace(/^git\+/, '').replace(/\.git$/, '');
}

const info: PackageInfo = packageJson;
const repository = typeof info.repository === 'string' ? info.repository : info.repository?.url;

export const TOOL = {
    name: 'aims',
    version: info.version,
    /** Omitted from SARIF when package.json names neither a homepage nor a repository. */
    informationUri: info.homepage ?? webAddress(repository)
} as const;
