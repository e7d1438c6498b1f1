// Bundles the CLI, the language server and the VS Code client into out/ as CommonJS
// (`.cjs`, since the package is an ES module), and the language server once more as a web
// worker (out/web/language-server.js). `--minify` for the .vsix, `--watch` while editing.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { nodeStubs } from './esbuild-browser-stubs.mjs';

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');

// Chevrotain 13 calls Object.groupBy (Node 21+). The extension host and our devDependency run
// Node 22, but `aims` may be started by an older system Node: give it the one missing function.
const groupByPolyfill = `if (typeof Object.groupBy !== 'function') { Object.groupBy = function (items, key) { const out = Object.create(null); let i = 0; for (const item of items) { const k = key(item, i++); (out[k] ??= []).push(item); } return out; }; }`;

const entries = [
    { in: 'src/cli/main.ts', out: 'out/cli/main.cjs', node: true },
    { in: 'language-server/main.ts', out: 'out/language-server/main.cjs', node: true },
    { in: 'client/extension.ts', out: 'out/client/extension.cjs', node: false }
].filter(e => existsSync(e.in));

const contexts = await Promise.all(entries.map(entry => esbuild.context({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: !minify,
    minify,
    logLevel: 'warning',
    banner: entry.node ? { js: groupByPolyfill } : undefined,
    // Langium is ESM and reads import.meta.url in a few places; map it for the CJS bundle.
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: ['./esbuild-import-meta.mjs']
})));

// The same server as a web worker (language-server/browser.ts): one IIFE, Node modules stubbed.
if (existsSync('language-server/browser.ts')) {
    contexts.push(await esbuild.context({
        entryPoints: ['language-server/browser.ts'],
        outfile: 'out/web/language-server.js',
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        sourcemap: !minify,
        minify,
        logLevel: 'warning',
        plugins: [nodeStubs],
        define: { 'import.meta.url': '"about:worker"' }
    }));
}

if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
} else {
    await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
}
