import { describe, expect, it } from 'vitest';
import { formatFromPath, parseCommandLine, UsageError } from '../../src/cli/args.js';

describe('parseCommandLine', () => {
  it('defaults to markdown on stdout over .', () => {
    expect(parseCommandLine(['import'])).toEqual({
      command: 'import', paths: ['.'], format: 'markdown', params: {}, check: false, failOn: 'error', quiet: false,
    });
  });

  it('takes the format from the --out extension unless --format is given', () => {
    expect(parseCommandLine(['import', 'a', '-o', 'x.json'])).toMatchObject({ format: 'json', out: 'x.json', paths: ['a'] });
    expect(parseCommandLine(['import', '-o', 'x.json', '-f', 'mermaid'])).toMatchObject({ format: 'mermaid' });
    expect(formatFromPath('d.mmd')).toBe('mermaid');
    expect(formatFromPath(undefined)).toBe('markdown');
  });

  it('collects repeated --param NAME=VALUE (values may contain =)', () => {
    expect(parseCommandLine(['import', '--param', 'A=1', '--param', 'B=x=y'])).toMatchObject({ params: { A: '1', B: 'x=y' } });
  });

  it.each([
    [['import', '--param', 'novalue']],
    [['import', '--format', 'html']],
    [['import', '--fail-on', 'sometimes']],
    [['import', '--check']],
    [['export']],
    [['import', '--bogus']],
  ])('rejects %j with a usage error', (argv) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
  });
});
