/** Markdown: the Drift, Findings and Diagnostics sections. */
import { compareDiagnostics, SEVERITY_RANK, type Severity } from '../../core/diagnostics.js';
import { cmp } from '../../core/order.js';
import type { ArchitectureModel, Finding } from '../../model/architecture.js';
import { displayValue } from '../../model/read.js';
import { plural } from '../../views/format.js';
import type { ModelIndex } from '../../views/model-index.js';
import { escapeMarkdownCell, table } from './escape.js';

/** Rows shown before the rest is left to the JSON output. */
export const MAX_FINDING_ROWS = 500;
export const MAX_DIAGNOSTIC_ROWS = 50;
export const MAX_DRIFT_ROWS = 500;

export function renderDrift(model: ArchitectureModel, ix: ModelIndex): string[] {
  const out = ['## Drift', ''];
  if (model.drift.length === 0) return [...out, 'No drift: nothing declared in CloudFormation or eksctl disagrees with what the Kubernetes inputs show.', ''];
  const items = [...model.drift].sort((a, b) => cmp(a.entity, b.entity) || cmp(a.code, b.code) || cmp(a.message, b.message));
  const rows = items.slice(0, MAX_DRIFT_ROWS).map((d) => [
    escapeMarkdownCell(d.code),
    escapeMarkdownCell(entityLabel(ix, d.entity)),
    escapeMarkdownCell(d.declared === undefined ? '' : displayValue(d.declared)),
    escapeMarkdownCell(d.observed === undefined ? '' : displayValue(d.observed)),
    escapeMarkdownCell(d.message),
  ]);
  out.push(`${plural(items.length, 'drift item')}.`, '', ...table(['code', 'entity', 'declared', 'observed', 'message'], rows), '');
  if (items.length > MAX_DRIFT_ROWS) out.push(`${items.length - MAX_DRIFT_ROWS} more drift items are in the JSON output.`, '');
  return out;
}

export function renderFindings(model: ArchitectureModel, ix: ModelIndex): string[] {
  const out = ['## Findings', ''];
  if (model.findings.length === 0) return [...out, 'No findings.', ''];
  const items = [...model.findings].sort(compareFindings);
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, items.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  out.push(`${plural(items.length, 'finding')}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}.`, '');
  const rows = items.slice(0, MAX_FINDING_ROWS).map((f) => [
    f.severity,
    escapeMarkdownCell(f.rule),
    escapeMarkdownCell(entityLabel(ix, f.entity)),
    escapeMarkdownCell(location(f.file, f.line)),
    escapeMarkdownCell(f.message),
  ]);
  out.push(...table(['severity', 'rule', 'entity', 'location', 'message'], rows), '');
  if (items.length > MAX_FINDING_ROWS) out.push(`${items.length - MAX_FINDING_ROWS} more findings are in the JSON output.`, '');
  return out;
}

export function renderDiagnostics(model: ArchitectureModel): string[] {
  const out = ['## Diagnostics', ''];
  if (model.diagnostics.length === 0) return [...out, 'No diagnostics: every input was read without problems.', ''];
  const byCode = new Map<string, { severity: Severity; code: string; count: number }>();
  for (const d of model.diagnostics) {
    const key = `${d.severity}\u0000${d.code}`;
    byCode.set(key, { severity: d.severity, code: d.code, count: (byCode.get(key)?.count ?? 0) + 1 });
  }
  const summary = [...byCode.values()]
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || cmp(a.code, b.code))
    .map((v) => [v.severity, escapeMarkdownCell(v.code), String(v.count)]);
  out.push(`${plural(model.diagnostics.length, 'diagnostic')}.`, '', ...table(['severity', 'code', 'count'], summary), '');
  const items = [...model.diagnostics].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareDiagnostics(a, b));
  const rows = items.slice(0, MAX_DIAGNOSTIC_ROWS).map((d) => [d.severity, escapeMarkdownCell(d.code), escapeMarkdownCell(location(d.file, d.line)), escapeMarkdownCell(d.message)]);
  out.push(...table(['severity', 'code', 'location', 'message'], rows), '');
  if (items.length > MAX_DIAGNOSTIC_ROWS) out.push(`${items.length - MAX_DIAGNOSTIC_ROWS} more diagnostics are in the JSON output.`, '');
  return out;
}

function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || cmp(a.rule, b.rule) || cmp(a.entity, b.entity) ||
    cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp(a.message, b.message);
}

/** `file:line`, `file`, or empty. */
export function location(file: string | undefined, line: number | undefined): string {
  if (file === undefined) return '';
  return line === undefined ? file : `${file}:${line}`;
}

/** `Kind namespace/name` for an entity id, or the id itself when the entity is unknown. */
export function entityLabel(ix: ModelIndex, id: string): string {
  const e = ix.get(id);
  if (!e) return id;
  return `${e.kind} ${e.namespace !== undefined ? `${e.namespace}/` : ''}${e.name}`;
}
