/**
 * The tool's name, version and home, from package.json (bundled in at build time), so
 * `aims --version` and the SARIF log never disagree with the published package.
 */
import packageJson from '../../package.json' with { type: 'json' };

/** `git+https://host/x.git` -> `https://host/x`: the web page of the repository. */
function webAddress(url: string | undefined): string | undefined {
    return url?.replace(/^git\+/, '').replace(/\.git$/, '');
}

export const TOOL = {
    name: 'aims',
    version: packageJson.version,
    informationUri: webAddress(packageJson.repository?.url)
} as const;
