/** Made by esbuild.mjs when it builds the playground: the worker bundles and the example workspace. */
declare module 'aims-playground:assets' {
    /** out/web/language-server.js, minified. */
    export const serverCode: string;
    /** Monaco's own editor worker. */
    export const editorWorkerCode: string;
    /** examples/*.aims by file name. */
    export const examples: Record<string, string>;
}
