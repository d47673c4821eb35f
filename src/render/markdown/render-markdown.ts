/** The Markdown back end (first version: summary and inventory; diagrams come from views). */
import type { ArchitectureModel } from '../../model/architecture.js';
import { escapeMarkdownCell } from './escape.js';

export function renderMarkdown(model: ArchitectureModel): string {
  const lines: string[] = ['# Architecture', ''];
  lines.push(`${model.entities.length} entities, ${model.relations.length} relations from ${model.inputs.length} input file(s).`, '');
  lines.push('| kind | name | sources |', '| --- | --- | --- |');
  for (const e of model.entities) {
    const name = e.namespace ? `${e.namespace}/${e.name}` : e.name;
    lines.push(`| ${e.kind} | ${escapeMarkdownCell(name)} | ${escapeMarkdownCell(e.sources.map((s) => `${s.file}:${s.line}`).join(', '))} |`);
  }
  return `${lines.join('\n')}\n`;
}
