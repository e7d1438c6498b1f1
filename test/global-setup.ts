/**
 * Tests import the generated parser and run the bundled CLI and server as subprocesses:
 * make sure both exist and are current before any test starts. Also says once whether the
 * browser tests will run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { BROWSER_SKIP_NOTICE, browserRequired, chromiumCandidates, findChromium } from './helpers/chromium.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default function setup(): void {
    // Browser tests skip without a Chromium; say so once, or fail where the run requires them.
    if (!findChromium()) {
        if (browserRequired()) {
            throw new Error(`AIMS_REQUIRE_BROWSER is set but no Chromium was found; looked at: ${chromiumCandidates().join(', ')}`);
        }
        console.warn(BROWSER_SKIP_NOTICE);
    }
    const generated = join(root, 'src/language/generated/ast.ts');
    const grammar = join(root, 'src/language/aims.langium');
    if (!existsSync(generated) || statSync(generated).mtimeMs < statSync(grammar).mtimeMs) {
        execFileSync(process.execPath, [join(root, 'scripts/generate-grammar.mjs')], { cwd: root, stdio: 'inherit' });
    }
    execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
}
