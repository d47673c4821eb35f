import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // mermaid.parse needs a DOM for labelled nodes; only the Mermaid validation tests opt in
    // per file with `// @vitest-environment happy-dom`.
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
