// Injected into the CommonJS bundles so code written for ES modules can read import.meta.url.
export const importMetaUrl = require('url').pathToFileURL(__filename).href;
