// End-to-end tests in a real VS Code (code-server) driven by headless Chromium: `npm run test:e2e`.
// Kept apart from `npm test` because the first run installs code-server (about 90 s) and the
// suite needs Debian's Chromium; .ci/run runs it after the main suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.ts'],
        // Timeouts only guard against hangs; every step waits for what it needs.
        testTimeout: 120_000,
        hookTimeout: 600_000,
        fileParallelism: false
    }
});
