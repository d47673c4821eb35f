/**
 * docs/architecture.md and docs/architecture.json are the checked-in output of `npm run docs` on
 * samples/: the README links them as the example of what archmap writes. They must be what the
 * current code produces (the same check a docs pipeline runs with `--check`).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { REPO_ROOT } from '../helpers/paths.js';

describe('docs/architecture.{md,json}', () => {
  it.each(['docs/architecture.md', 'docs/architecture.json'])('%s is current (archmap import samples --check)', async (out) => {
    let stderr = '';
    const code = await runCli(['import', 'samples', '-o', out, '--check', '-q'], { cwd: REPO_ROOT, stdout: () => undefined, stderr: (t) => (stderr += t), stderrIsTty: false });
    expect(code, `${stderr}run \`npm run docs\` and review the diff`).toBe(0);
  });
});
