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
  const unique = sorted.filter((d, i) => {
    const prev = sorted[i - 1];
    return !prev || compareDiagnostics(prev, d) !== 0 || prev.severity !== d.severity;
  });
  const groupOf = (d: Diagnostic): string => `${d.file}\u0000${d.code}\u0000${d.severity}`;
  const totals = new Map<string, number>();
  for (const d of unique) totals.set(groupOf(d), (totals.get(groupOf(d)) ?? 0) + 1);
  const listed = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of unique) {
    const group = groupOf(d);
    const n = (listed.get(group) ?? 0) + 1;
    listed.set(group, n);
    if (n <= MAX_PER_FILE_AND_CODE) out.push(d);
    else if (n === MAX_PER_FILE_AND_CODE + 1) {
      const more = (totals.get(group) ?? n) - MAX_PER_FILE_AND_CODE;
      out.push({ ...d, message: `${more} more ${d.code} ${d.severity === 'info' ? 'notes' : `${d.severity}s`} in this file from here on (not listed)` });
    }
  }
  return out;
}
