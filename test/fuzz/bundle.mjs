// Bundles the long fuzz run (test/fuzz/run.ts) into out/fuzz/run.cjs with the settings of
// esbuild.mjs, so it loads the engine exactly as the CLI and the language server do.
import * as esbuild from 'esbuild';

await esbuild.build({
    entryPoints: ['test/fuzz/run.ts'],
    outfile: 'out/fuzz/run.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    external: ['vscode'],
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: ['./esbuild-import-meta.mjs']
});
