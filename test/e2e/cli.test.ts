import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { generateFixture, REPO_ROOT } from '../helpers/paths.js';

async function run(argv: string[], cwd = REPO_ROOT, tty = false) {
  const chunks: string[] = [];
  let stderr = '';
  const stdout = (t: string): void => void chunks.push(t);
  const code = await runCli(argv, { cwd, stdout, stderr: (t) => (stderr += t), stderrIsTty: tty });
  return { code, stdout: chunks.join(''), stderr, chunks };
}

const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'archmap-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('archmap CLI', () => {
  it('prints help and exits 0; usage errors exit 2 with the usage text', async () => {
    expect((await run(['--help'])).code).toBe(0);
    const bad = await run(['import', '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of');
    expect(bad.stderr).toContain('Usage: archmap import');
  });

  it('hostile files found by fuzzing: each is one diagnostic with file:line, the good file is still read, no secret is echoed', async () => {
    const deep = `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": ${'['.repeat(2000)}${']'.repeat(2000)}}}}}`;
    const flow = `- ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    const broken = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n---\n  - x\nstringData: {password: "hunter2-TOPSECRET"}}\n';
    const dir = project({ 'a-deep.json': deep, 'b-flow.yaml': flow + flow, 'c-secret.yaml': broken, 'z-ok.yaml': TEMPLATE });
    const r = await run(['import', '.', '-f', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at |RangeError|hunter2/);
    expect(r.stdout).not.toContain('hunter2');
    for (const line of r.stderr.trimEnd().split('\n').slice(0, -1)) expect(line).toMatch(/^[a-z-]+\.(json|yaml):\d+: (error|warning) /);
    const model = JSON.parse(r.stdout) as { inputs: { file: string; status: string }[] };
    expect(model.inputs.map((i) => [i.file, i.status])).toEqual([['a-deep.json', 'error'], ['b-flow.yaml', 'error'], ['c-secret.yaml', 'error'], ['z-ok.yaml', 'ok']]);
  });

  it('the --out file is not an input of the next run: --check right after a write inside the scanned directory is current', async () => {
    const dir = project({ 'd/t.yaml': TEMPLATE });
    expect((await run(['import', 'd', '-q', '-o', 'd/model.json'], dir)).code).toBe(0);
    expect((await run(['import', 'd', '-q', '-o', 'd/model.json', '--check'], dir)).code).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'd/model.json'), 'utf8')) as { inputs: { file: string }[] };
    expect(model.inputs.map((i) => i.file)).toEqual(['d/t.yaml']);
  });

  it('a directory reached through a symlink too: each file read once, the same bytes whatever the argument order', async () => {
    const dir = project({ 'd/t.yaml': TEMPLATE });
    symlinkSync('d', join(dir, 'link'));
    const outputs = await Promise.all([['d', 'link'], ['link', 'd'], ['d/t.yaml', 'link/t.yaml'], ['link/t.yaml', 'd/t.yaml']].map((paths) => run(['import', ...paths, '-f', 'json'], dir)));
    const inputs = outputs.map((o) => (JSON.parse(o.stdout) as { inputs: { file: string }[] }).inputs.map((i) => i.file));
    expect(inputs).toEqual([['d/t.yaml'], ['d/t.yaml'], ['d/t.yaml'], ['d/t.yaml']]);
    expect(outputs[1]?.stdout).toBe(outputs[0]?.stdout);
    expect(outputs[3]?.stdout).toBe(outputs[2]?.stdout);
    expect(outputs.every((o) => o.code === 0 && !o.stderr.includes('symlink-loop'))).toBe(true);
  });

  it('writes the output atomically to --out and leaves no temporary file', async () => {
    const dir = project({ 'cfn/t.yaml': TEMPLATE });
    const r = await run(['import', '.', '-o', 'out.json', '-q'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const model = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { inputs: { file: string; status: string }[] };
    expect(model.inputs).toEqual([{ file: 'cfn/t.yaml', format: 'cloudformation', documents: 1, status: 'ok' }]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--check exits 3 when the output is missing or stale, 0 when current, and never writes', async () => {
    const dir = project({ 't.yaml': TEMPLATE });
    expect((await run(['import', 't.yaml', '-o', 'arch.json', '--check', '-q'], dir)).code).toBe(3);
    expect(readdirSync(dir)).toEqual(['t.yaml']);
    expect((await run(['import', 't.yaml', '-o', 'arch.json', '-q'], dir)).code).toBe(0);
    expect((await run(['import', 't.yaml', '-o', 'arch.json', '--check', '-q'], dir)).code).toBe(0);
    writeFileSync(join(dir, 't.yaml'), 'on: push\njobs: {}\n');
    expect((await run(['import', 't.yaml', '-o', 'arch.json', '--check', '-q'], dir)).code).toBe(3);
  });

  it('--check on an output path that exists but cannot be read is an error (exit 2), not a stale file', async () => {
    const dir = project({ 't.yaml': TEMPLATE });
    mkdirSync(join(dir, 'arch.json'));
    const r = await run(['import', 't.yaml', '-o', 'arch.json', '--check', '-q'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read arch.json');
  });

  it('keeps going past broken files and exits 1 on errors (0 with --fail-on never)', async () => {
    const dir = project({
      'a-broken.yaml': 'Resources: [unclosed\n',
      'b-binary.json': '\u0000\u0001\u0002garbage{',
      'c-good.yaml': TEMPLATE,
      'd-workflow.yaml': 'on: push\njobs: {}\n',
    });
    const r = await run(['import', '.', '-f', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const model = JSON.parse(r.stdout) as { inputs: { file: string; status: string; reason?: string }[]; diagnostics: { file: string; line?: number }[] };
    expect(model.inputs.map((i) => [i.file, i.status])).toEqual([
      ['a-broken.yaml', 'error'],
      ['b-binary.json', 'skipped'],
      ['c-good.yaml', 'ok'],
      ['d-workflow.yaml', 'skipped'],
    ]);
    expect(model.inputs[1]?.reason).toBe('binary file (contains NUL bytes)');
    expect(model.inputs[3]?.reason).toBe('a CI workflow');
    expect(model.diagnostics.find((d) => d.file === 'a-broken.yaml')?.line).toBeGreaterThan(0);
    expect((await run(['import', '.', '-f', 'json', '--fail-on', 'never', '-q'], dir)).code).toBe(0);
  });

  it('survives a directory symlink loop and a missing path', async () => {
    const dir = project({ 'sub/t.yaml': TEMPLATE });
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const r = await run(['import', '.', 'missing-dir', '-f', 'json', '-q'], dir);
    const model = JSON.parse(r.stdout) as { inputs: { file: string }[]; diagnostics: { code: string; file: string }[] };
    expect(model.inputs.map((i) => i.file)).toEqual(['sub/t.yaml']);
    expect(model.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['input/symlink-loop', 'input/unreadable']));
    expect(r.code).toBe(1);
  });

  it('shows progress only when stderr is a terminal, and never with --quiet', async () => {
    const dir = project({ 't.yaml': TEMPLATE });
    expect((await run(['import', '.', '-o', 'x.md'], dir, false)).stderr).not.toContain('[1/1]');
    expect((await run(['import', '.', '-o', 'x.md'], dir, true)).stderr).toContain('[1/1]');
    expect((await run(['import', '.', '-o', 'x.md', '-q'], dir, true)).stderr).toBe('');
  });

  it('writes stdout chunk by chunk: the chunks are the --out file\'s bytes', async () => {
    const fixture = generateFixture({ pods: 300 });
    const dir = mkdtempSync(join(tmpdir(), 'archmap-cli-'));
    for (const format of ['json', 'markdown']) {
      const printed = await run(['import', fixture, '-f', format, '-q']);
      expect(printed.code).toBe(0);
      expect(printed.chunks.length).toBeGreaterThan(1);
      const out = join(dir, `arch.${format}`);
      expect((await run(['import', fixture, '-f', format, '-o', out, '-q'])).code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
    }
    expect(JSON.parse(readFileSync(join(dir, 'arch.json'), 'utf8'))).toHaveProperty('entities');
    expect(readdirSync(dir).sort()).toEqual(['arch.json', 'arch.markdown']);
  });

  it('a failing write exits 2 with a message, leaves the target as it was and no temporary file', async () => {
    const dir = project({ 't.yaml': TEMPLATE, 'out.json/keep': 'x' });
    const r = await run(['import', 't.yaml', '-o', 'out.json', '-q'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^archmap: cannot write out\.json: E[A-Z]+: /);
    expect(readdirSync(dir).sort()).toEqual(['out.json', 't.yaml']);
    expect(readFileSync(join(dir, 'out.json/keep'), 'utf8')).toBe('x');
  });

  it('--check compares a multi-chunk output with the file: current, stale at the end, longer, missing', async () => {
    const fixture = generateFixture({ pods: 300 });
    const dir = mkdtempSync(join(tmpdir(), 'archmap-cli-'));
    const out = join(dir, 'arch.json');
    const check = async () => (await run(['import', fixture, '-o', out, '--check', '-q'])).code;
    expect(await check()).toBe(3);
    expect(readdirSync(dir)).toEqual([]);
    expect((await run(['import', fixture, '-o', out, '-q'])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.length).toBeGreaterThan(3 * 64 * 1024);
    expect(await check()).toBe(0);
    writeFileSync(out, `${text.slice(0, -2)}X\n`);
    expect(await check()).toBe(3);
    writeFileSync(out, `${text}\n`);
    expect(await check()).toBe(3);
    writeFileSync(out, text.slice(0, 1000));
    expect(await check()).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe(text.slice(0, 1000));
    expect(readdirSync(dir)).toEqual(['arch.json']);
  });

  it('a failing stdout (EPIPE) exits 2 with a message, no internal error', async () => {
    let stderr = '';
    const epipe = (): Promise<void> => Promise.reject(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' }));
    const code = await runCli(['import', 'samples', '-f', 'json', '-q'], { cwd: REPO_ROOT, stdout: epipe, stderr: (t) => (stderr += t), stderrIsTty: false });
    expect(code).toBe(2);
    expect(stderr).toBe('archmap: cannot write to stdout: EPIPE: write EPIPE\n');
  });
});
