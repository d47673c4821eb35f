/** Command-line parsing for `archmap import` (node:util parseArgs; no dependency needed). */
import { parseArgs } from 'node:util';
import { extname } from 'node:path';
import { OUTPUT_FORMATS, type OutputFormat } from '../render/types.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ImportCommand {
  readonly command: 'import';
  readonly paths: string[];
  readonly out?: string;
  readonly format: OutputFormat;
  readonly params: Record<string, string>;
  readonly check: boolean;
  readonly failOn: FailOn;
  readonly quiet: boolean;
}

export type ParsedCommand = ImportCommand | { readonly command: 'help' } | { readonly command: 'version' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: archmap import [PATH...] [options]

Reads CloudFormation templates, eksctl ClusterConfig files and Kubernetes manifests or
\`kubectl get -o yaml|json\` dumps under PATH (default: .), offline, and writes one architecture
document: Markdown with Mermaid diagrams, the JSON model, or bare Mermaid.

Options:
  -o, --out FILE            write to FILE (atomically) instead of stdout
  -f, --format FORMAT       markdown | json | mermaid (default: from --out extension, else markdown)
      --param NAME=VALUE    override a CloudFormation parameter (repeatable)
      --check               do not write; exit 3 if --out would change (for docs pipelines)
      --fail-on LEVEL       error | warning | never: exit 1 when diagnostics or findings reach LEVEL
                            (default: error)
  -q, --quiet               no progress and no diagnostics on stderr
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 ok, 1 diagnostics/findings at or above --fail-on, 2 usage error, 3 --check: stale.
`;

export function formatFromPath(path: string | undefined): OutputFormat {
  switch (extname(path ?? '').toLowerCase()) {
    case '.json':
      return 'json';
    case '.mmd':
    case '.mermaid':
      return 'mermaid';
    default:
      return 'markdown';
  }
}

export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        param: { type: 'string', multiple: true },
        check: { type: 'boolean', default: false },
        'fail-on': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return { command: 'help' };
  if (command !== 'import') throw new UsageError(`unknown command '${command}' (the command is 'import')`);

  const format = values.format ?? formatFromPath(values.out);
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not '${format}'`);
  }
  const failOn = values['fail-on'] ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not '${failOn}'`);
  }
  if (values.check && values.out === undefined) throw new UsageError('--check needs --out FILE to compare with');

  const params: Record<string, string> = {};
  for (const p of values.param ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param expects NAME=VALUE, got '${p}'`);
    params[p.slice(0, eq)] = p.slice(eq + 1);
  }
  const base = { command: 'import' as const, paths: paths.length ? paths : ['.'], format: format as OutputFormat, params, check: values.check, failOn: failOn as FailOn, quiet: values.quiet };
  return values.out === undefined ? base : { ...base, out: values.out };
}
