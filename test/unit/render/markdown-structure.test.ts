/**
 * The Markdown document keeps its structure whatever the names: tables keep their column count,
 * headings and fences are only archmap's own, no HTML from input survives.
 */
import { describe, expect, it } from 'vitest';
import type { ArchitectureModel } from '../../../src/model/architecture.js';
import { renderMarkdown } from '../../../src/render/markdown/render-markdown.js';
import { LEGEND } from '../../../src/render/markdown/summary.js';
import { MAX_INVENTORY_ROWS } from '../../../src/render/markdown/inventory.js';
import { HOSTILE_NAMES, bigModel, hostileModel, loadModel } from './models.js';

/** Cells of a table row, splitting on pipes not escaped by an odd number of backslashes. */
function cells(row: string): number {
  let count = 0;
  let backslashes = 0;
  for (const ch of row) {
    if (ch === '|' && backslashes % 2 === 0) count++;
    backslashes = ch === '\\' ? backslashes + 1 : 0;
  }
  return count - 1;
}

/** Checks structure outside the fenced Mermaid blocks; returns the prose lines. */
function checkStructure(md: string): string[] {
  const lines = md.split('\n');
  const prose: string[] = [];
  let inFence = false;
  let tableCols = 0;
  for (const line of lines) {
    if (line.startsWith('```')) {
      expect(line).toBe(inFence ? '```' : '```mermaid');
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      expect(line.replace(/<br\/>/g, '').replace(/ (-->|-\.->)/g, ' ')).not.toMatch(/[<>`]/);
      continue;
    }
    prose.push(line);
    if (line.startsWith('|')) {
      if (tableCols === 0) tableCols = cells(line);
      else expect(cells(line), line).toBe(tableCols);
      expect(line.endsWith('|') && !line.endsWith('\\|'), line).toBe(true);
    } else tableCols = 0;
    if (line.startsWith('#')) expect(line, 'heading').toMatch(/^#{1,3} \S/);
    if (line.startsWith('>')) expect(LEGEND).toContain(line);
    expect(line, 'list item').not.toMatch(/^\s*([-+*]|\d+[.)])\s/);
    expect(line.includes('<'), line).toBe(false);
  }
  expect(inFence).toBe(false);
  return prose;
}

describe('Markdown structure', () => {
  it('hostile names keep tables, headings and fences intact and inject no HTML', () => {
    const md = renderMarkdown(hostileModel());
    expect(md).not.toMatch(/<script/i);
    const prose = checkStructure(md);
    const headings = prose.filter((l) => l.startsWith('#'));
    expect(headings[0]).toBe('# Architecture: end');
    // Every hostile finding is in the findings table, one row each.
    const findingRows = prose.filter((l) => l.startsWith('| warning |'));
    expect(findingRows.length).toBe(HOSTILE_NAMES.length);
  });

  it.each(['eks-small', 'empty'])('fixture %s has a sound structure and every section', (name) => {
    const md = renderMarkdown(loadModel(name));
    checkStructure(md);
    for (const h of ['## Summary', '### Inputs', '## Network', '## Compute', '## Workloads and traffic', '## Identity', '## Drift', '## Findings', '## Diagnostics', '## Inventory']) {
      expect(md).toContain(`\n${h}\n`);
    }
  });

  it('shows declared vs defaulted and unresolved values, and provenance file:line', () => {
    const md = renderMarkdown(loadModel('eks-small'));
    expect(md).toContain('| authentication mode | API\\_AND\\_CONFIG\\_MAP (default) |');
    expect(md).toContain('az: ⟨Select(0, GetAZs(\'\'))⟩');
    expect(md).toMatch(/\| FargatePodExecutionRole \| .* \| default \(eksctl\) \| eksctl\/cluster\.yaml:40 \|/);
    expect(md).toContain('| error | iam/external-irsa-role | ServiceAccount monitoring/prometheus | kubectl/dump.yaml:620 |');
    expect(md).toContain('| drift/version | Cluster shop-prod | 1.29 | 1.28 |');
  });

  it('says so when there is no drift', () => {
    const model: ArchitectureModel = { ...loadModel('eks-small'), drift: [] };
    expect(renderMarkdown(model)).toMatch(/## Drift\n\nNo drift/);
  });

  it('caps the inventory of a huge model and stays deterministic', () => {
    const model = bigModel(3_000);
    const md = renderMarkdown(model);
    expect(md).toBe(renderMarkdown(bigModel(3_000)));
    expect(md).toContain(`### Pod (3000)`);
    expect(md).toContain(`${3_000 - MAX_INVENTORY_ROWS} more Pod entities are in the JSON output.`);
    checkStructure(md);
  });
});
