// Bundles the CLI, the language server and the VS Code client into out/ as CommonJS
// (`.cjs`, since the package is an ES module), and the language server once more as a web
// worker (out/web/language-server.js) and into the playground page (out/playground/). `--minify`
// for the .vsix, `--watch` while editing (without the playground).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
const workerOptions = {
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
};
if (existsSync('language-server/browser.ts')) {
    contexts.push(await esbuild.context(workerOptions));
}

// The extension's `browser` entry (vscode.dev, github.dev), which starts that worker; `.cjs` since the
// web-worker extension host loads no ES modules.
if (existsSync('client/web-extension.ts')) {
    contexts.push(await esbuild.context({
        entryPoints: ['client/web-extension.ts'],
        outfile: 'out/web/extension.cjs',
        bundle: true,
        platform: 'browser',
        format: 'cjs',
        target: 'es2022',
        external: ['vscode'],
        sourcemap: !minify,
        minify,
        logLevel: 'warning',
        plugins: [nodeStubs]
    }));
}

// The playground (playground/): Monaco and the same web-worker server in one static page that opens
// from out/playground/index.html without a server. The workers are embedded as text and started
// from Blobs, since a page opened from file:// may not load scripts as workers.
async function buildPlayground() {
    const text = result => result.outputFiles[0].text;
    const [server, editorWorker] = await Promise.all([
        esbuild.build({ ...workerOptions, minify: true, sourcemap: false, write: false }),
        esbuild.build({
            entryPoints: ['node_modules/monaco-editor/esm/vs/editor/editor.worker.js'], bundle: true, format: 'iife',
            platform: 'browser', target: 'es2022', minify: true, write: false, logLevel: 'warning'
        })
    ]);
    const examples = Object.fromEntries(readdirSync('examples').filter(f => f.endsWith('.aims')).sort()
        .map(f => [f, readFileSync(join('examples', f), 'utf8')]));
    const assets = {
        name: 'playground-assets',
        setup(build) {
            build.onResolve({ filter: /^aims-playground:assets$/ }, args => ({ path: args.path, namespace: 'playground-assets' }));
            build.onLoad({ filter: /.*/, namespace: 'playground-assets' }, () => ({
                contents: `export const serverCode = ${JSON.stringify(text(server))};\n`
                    + `export const editorWorkerCode = ${JSON.stringify(text(editorWorker))};\n`
                    + `export const examples = ${JSON.stringify(examples)};\n`,
                loader: 'js'
            }));
        }
    };
    await esbuild.build({
        entryPoints: ['playground/playground.ts'],
        outdir: 'out/playground',
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        logLevel: 'warning',
        // Monaco's icon font, inline: a page on file:// may not load fonts from files.
        loader: { '.ttf': 'dataurl' },
        plugins: [assets]
    });
    copyFileSync('playground/index.html', 'out/playground/index.html');
}

if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
} else {
    await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
    if (existsSync('playground/playground.ts') && existsSync('node_modules/monaco-editor')) {
        await buildPlayground();
    }
}
