/**
 * Diagnostics: every problem archmap meets in its input is one of these, never an exception.
 * Lines are 1-based; `line` is absent only for problems that concern a whole file or the model.
 */
import { cmp } from './order.js';

export type Severity = 'error' | 'warning' | 'info';

/** Order used by `--fail-on` and for sorting: higher is worse. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable identifier that tests and users can rely on, e.g. `yaml/duplicate-key`, `cfn/unresolved-ref`. */
  readonly code: string;
  /** Path relative to the working directory, with `/` separators. */
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

/** Collects diagnostics while a stage runs; stages never throw on bad input. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  report(diagnostic: Diagnostic): void {
    this.items.push(diagnostic);
  }

  error(code: string, file: string, line: number | undefined, message: string): void {
    this.report(line === undefined ? { severity: 'error', code, file, message } : { severity: 'error', code, file, line, message });
  }

  warning(code: string, file: string, line: number | undefined, message: string): void {
    this.report(line === undefined ? { severity: 'warning', code, file, message } : { severity: 'warning', code, file, line, message });
  }

  info(code: string, file: string, line: number | undefined, message: string): void {
    this.report(line === undefined ? { severity: 'info', code, file, message } : { severity: 'info', code, file, line, message });
  }
}

/** Deterministic order: file, line, code, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message)
  );
}

/** Diagnostics of one code listed per file; the rest are counted in one more (300,000 duplicate keys are not a report). */
export const MAX_PER_FILE_AND_CODE = 100;

/**
 * The diagnostics a model reports: sorted, each the same problem at the same place once, and at
 * most MAX_PER_FILE_AND_CODE of one code and severity per file, followed by one that counts the others.
 */
export function reportedDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  const sorted = items.slice().sort(compareDiagnostics);
  const out: Diagnostic[] = [];
  const seen = new Map<string, { count: number; summary?: { index: number; first: Diagnostic } }>();
  for (const [i, d] of sorted.entries()) {
    const prev = sorted[i - 1];
    if (prev && compareDiagnostics(prev, d) === 0 && prev.severity === d.severity) continue;
    const key = `${d.file}\u0000${d.code}\u0000${d.severity}`;
    const group = seen.get(key) ?? { count: 0 };
    seen.set(key, group);
    group.count += 1;
    if (group.count <= MAX_PER_FILE_AND_CODE) out.push(d);
    else if (!group.summary) group.summary = { index: out.push(d) - 1, first: d };
  }
  for (const group of seen.values()) {
    if (!group.summary) continue;
    const more = group.count - MAX_PER_FILE_AND_CODE;
    const { first } = group.summary;
    out[group.summary.index] = { ...first, message: `${more} more ${first.code} ${first.severity === 'info' ? 'notes' : `${first.severity}s`} in this file from here on (not listed)` };
  }
  return out;
}
