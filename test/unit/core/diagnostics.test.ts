import { describe, expect, it } from 'vitest';
import { MAX_PER_FILE_AND_CODE, reportedDiagnostics, type Diagnostic } from '../../../src/core/diagnostics.js';

const d = (file: string, line: number, code = 'yaml/duplicate-key', severity: Diagnostic['severity'] = 'warning', message = 'Map keys must be unique'): Diagnostic => ({ severity, code, file, line, message });

describe('reportedDiagnostics', () => {
  it('sorts, and lists the same problem at the same place once', () => {
    expect(reportedDiagnostics([d('b.yaml', 2), d('a.yaml', 9), d('b.yaml', 2), d('b.yaml', 2, 'x', 'error')])).toEqual([
      d('a.yaml', 9),
      d('b.yaml', 2, 'x', 'error'),
      d('b.yaml', 2),
    ]);
  });

  it('lists at most MAX_PER_FILE_AND_CODE of one code per file and counts the rest in one more, at the first left out', () => {
    const many = Array.from({ length: MAX_PER_FILE_AND_CODE + 250 }, (_, i) => d('big.yaml', i + 1));
    const out = reportedDiagnostics([...many, d('big.yaml', 5, 'other'), d('small.yaml', 1)]);
    expect(out).toHaveLength(MAX_PER_FILE_AND_CODE + 3);
    expect(out[MAX_PER_FILE_AND_CODE + 1]).toEqual({ ...d('big.yaml', MAX_PER_FILE_AND_CODE + 1), message: '250 more yaml/duplicate-key warnings in this file from here on (not listed)' });
    expect(out.filter((x) => x.code === 'other')).toHaveLength(1);
    expect(out[out.length - 1]?.file).toBe('small.yaml');
  });
});
