// Bundles the benchmark harness (bench/run.ts) into out/bench/run.cjs with the same settings as
// esbuild.mjs, so it loads the engine exactly as the CLI and the language server do.
import * as esbuild from 'esbuild';

await esbuild.build({
    entryPoints: ['bench/run.ts'],
    outfile: 'out/bench/run.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    // yaml-language-server runs as its own process from node_modules; never bundle it.
    external: ['vscode', 'yaml-language-server'],
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: ['./esbuild-import-meta.mjs']
});
