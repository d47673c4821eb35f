/**
 * A renderer that fails midway (a bug): the CLI's --out write is abandoned, the old file stays as it
 * was and no temporary file is left; the error reaches main (an internal error), not "cannot write".
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';

vi.mock('../../src/render/index.js', () => ({
  *renderChunks(): Generator<string, void, undefined> {
    yield '{\n';
    yield 'x'.repeat(100_000);
    throw new Error('renderer failed midway');
  },
}));

describe('archmap CLI, renderer failing midway', () => {
  it('leaves the old --out file intact and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archmap-cli-'));
    writeFileSync(join(dir, 't.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n');
    writeFileSync(join(dir, 'out.json'), 'old\n');
    let stderr = '';
    const run = runCli(['import', 't.yaml', '-o', 'out.json', '-q'], { cwd: dir, stdout: () => undefined, stderr: (t) => (stderr += t), stderrIsTty: false });
    await expect(run).rejects.toThrow('renderer failed midway');
    expect(stderr).toBe('');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir).sort()).toEqual(['out.json', 't.yaml']);
  });
});
