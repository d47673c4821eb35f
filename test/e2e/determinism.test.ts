import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importArchitecture } from '../../src/pipeline.js';
import { render } from '../../src/render/index.js';
import { OUTPUT_FORMATS } from '../../src/render/types.js';
import { VERSION } from '../../src/version.js';
import { REPO_ROOT } from '../helpers/paths.js';

const ORDERS = [
  ['samples'],
  ['samples/kubectl', 'samples/eksctl', 'samples/cfn'],
  ['samples/cfn/platform.yaml', 'samples/kubectl/cluster-dump.yaml', 'samples/cfn/network.yaml', 'samples/eksctl'],
];

describe('determinism', () => {
  it.each(OUTPUT_FORMATS)('%s output is byte-identical across runs and input orderings', async (format) => {
    const outputs = new Set<string>();
    for (const paths of [...ORDERS, ...ORDERS]) {
      outputs.add(render(await importArchitecture(paths, { cwd: REPO_ROOT }), format));
    }
    expect(outputs.size).toBe(1);
  });

  it('contains no timestamps or absolute paths', async () => {
    const json = render(await importArchitecture(['samples'], { cwd: REPO_ROOT }), 'json');
    expect(json).not.toContain(REPO_ROOT);
    expect(json).not.toMatch(/"(generatedAt|timestamp|date)"/);
  });

  it('package.json and src/version.ts agree', () => {
    const pkg = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
