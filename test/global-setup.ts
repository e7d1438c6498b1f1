/**
 * Tests import the generated parser and run the bundled CLI and server as subprocesses:
 * make sure both exist and are current before any test starts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default function setup(): void {
    const generated = join(root, 'src/language/generated/ast.ts');
    const grammar = join(root, 'src/language/aims.langium');
    if (!existsSync(generated) || statSync(generated).mtimeMs < statSync(grammar).mtimeMs) {
        execFileSync(process.execPath, [join(root, 'scripts/generate-grammar.mjs')], { cwd: root, stdio: 'inherit' });
    }
    execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
}
