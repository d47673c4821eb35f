import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../src/core/diagnostics.js';
import { loadText } from '../../../src/load/load-file.js';
import { jsonErrorText, yamlErrorText } from '../../../src/load/parse-messages.js';

const SECRET = 'hunter2-TOPSECRET';

/** The message JSON.parse throws for `text`. */
function jsonError(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (err) {
    return err;
  }
  throw new Error(`valid JSON: ${text}`);
}

describe('jsonErrorText', () => {
  // Each broken text holds the secret near the error, where V8 quotes the input.
  const broken = [
    `{"password": ${SECRET}}`,
    `{"k": "${'x'.repeat(40)}", "password": ${SECRET}}`,
    `{"password": "${SECRET}\\q"}`,
    `{"password": "${SECRET}`,
    `{"password": "${SECRET}",}`,
    `{"password": "${SECRET}" "x": 1}`,
    `["${SECRET}" 1]`,
    `{"password": "${SECRET}"} trailing`,
    `{"password": "${SECRET}\u0001"}`,
    `{"password": -${SECRET}}`,
    `{"password": "${SECRET}"`,
    SECRET,
  ];

  it.each(broken)('keeps no input text: %s', (text) => {
    const { message } = jsonErrorText(jsonError(text));
    expect(message).not.toMatch(/hunter|TOPSECRET|SECRET|ECRET|unter2/);
    expect(message).not.toContain('\n');
    expect(message.length).toBeGreaterThan(5);
  });

  it('keeps the parser\'s wording and the position where it gave one', () => {
    expect(jsonErrorText(jsonError('{"a": 1,}'))).toEqual({ message: 'Expected double-quoted property name', position: 8 });
    expect(jsonErrorText(jsonError('{"a": "x'))).toEqual({ message: 'Unterminated string', position: 8 });
    expect(jsonErrorText(jsonError('{"a": 1'))).toEqual({ message: "Expected ',' or '}' after property value", position: 7 });
    expect(jsonErrorText(jsonError(''))).toEqual({ message: 'Unexpected end of JSON input' });
  });

  it('names a structural token, never a character of a value', () => {
    expect(jsonErrorText(jsonError('{"a": tru}')).message).toBe("Unexpected token '}'");
    expect(jsonErrorText(jsonError('{"a": hunter}')).message).toBe('Unexpected token');
    expect(jsonErrorText(new Error('something else "quoted"')).message).toBe('not valid JSON');
  });
});

describe('yamlErrorText', () => {
  it('drops the source the parser appends and the characters of bad escapes', () => {
    expect(yamlErrorText(`Unexpected scalar token in YAML stream: "${SECRET}"`)).toBe('Unexpected scalar token in YAML stream');
    expect(yamlErrorText('Unexpected scalar token in YAML stream: "a \\" b"')).toBe('Unexpected scalar token in YAML stream');
    expect(yamlErrorText('Invalid escape sequence \\q')).toBe('Invalid escape sequence');
    expect(yamlErrorText('Block scalar header includes extra characters: |x-secret')).toBe('Block scalar header includes extra characters');
    expect(yamlErrorText('Map keys must be unique at line 3, column 1:\n\na: 1\n^')).toBe('Map keys must be unique at line 3, column 1:');
    // An unquoted value starting with `!`, `*` or `&` is a tag, alias or anchor: their names go too.
    expect(yamlErrorText(`Unresolved tag: !${SECRET}`)).toBe('Unresolved tag');
    expect(yamlErrorText(`Unresolved alias (the anchor must be set before the alias): ${SECRET}`)).toBe('Unresolved alias');
    expect(yamlErrorText(`The !${SECRET}! tag has no suffix`)).toBe('A tag has no suffix');
    expect(yamlErrorText(`Verbatim tags aren't resolved, so !<${SECRET}> is invalid.`)).toBe("Verbatim tags aren't resolved");
    expect(yamlErrorText(`Map items must all be pairs; found {"a":"${SECRET}"} instead`)).toBe('Map items must all be pairs');
  });

  it('no diagnostic of the general loader quotes a secret value, whatever breaks around it', () => {
    const texts = [
      // A stray `---` inside a container list (seen by fuzzing: the env value was quoted in full).
      `apiVersion: batch/v1\nkind: CronJob\nspec:\n  containers:\n    - name: c\n      command:\n---\n        - echo\n      env:\n        - name: P\n          value: ${SECRET}\n`,
      `{"kind": "Secret", "stringData": {"password": "${SECRET}"}}}, "value": 1`,
      `kind: Secret\ndata:\n  password: "${SECRET}\\q"\n`,
      `kind: Secret\ndata:\n  password: |${SECRET}\n    x\n`,
      `kind: Secret\ndata: {password: ${SECRET}, ]\n`,
      // Unquoted values that YAML reads as a tag, an alias, an anchor (found by fuzzing).
      `kind: Pod\nspec:\n  containers:\n  - env:\n    - name: A\n      value: !${SECRET}\n    - name: B\n      value: *${SECRET}-alias\n    args: [!${SECRET}-arg]\n`,
      `kind: Secret\nstringData:\n  pw: !${SECRET}\n  pw2: &${SECRET}-anchor x\n  pw3: !<${SECRET}> y\n  pw4: !${SECRET}! z\n`,
      `%FOO ${SECRET}\n---\nkind: Secret\n`,
    ];
    for (const text of texts) {
      const sink = new DiagnosticSink();
      loadText(text, 'f.yaml', sink);
      expect(sink.items.length, text).toBeGreaterThan(0);
      for (const d of sink.items) {
        expect(d.message, text).not.toContain('hunter2');
        expect(d.message).not.toContain('\n');
      }
    }
  });
});
