import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../../src/adapters/cli/cli.js';
import { services } from '../../helpers/services.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (into: string[]) =>
    new Writable({
      write(chunk, _e, done) {
        into.push(String(chunk));
        done();
      },
    });
  return { out, err, io: { stdout: stream(out), stderr: stream(err) } };
}

describe('cli ask', () => {
  it('prints each message as a JSON line and exits 0 for an answer', async () => {
    const t = io();
    expect(await runCli(['ask', '--json', '/ai-rank'], await services(), t.io)).toBe(EXIT.ok);
    const lines = t.out.join('').trim().split('\n');
    const message = JSON.parse(lines[0] ?? '{}');
    expect(Object.keys(message)).toEqual(['response_type', 'text', 'blocks']);
    expect(message.response_type).toBe('ephemeral');
    expect(JSON.stringify(message.blocks)).toContain('9위/26');
  });

  it('prints readable text by default, in the language asked for', async () => {
    const t = io();
    expect(await runCli(['ask', '--lang', 'en', '/ai-rank', 'ceti'], await services(), t.io)).toBe(EXIT.ok);
    expect(t.out.join('')).toContain('Belfer CETI 2025 — AI sector: ranking');
    expect(t.out.join('')).toMatch(/9 South Korea ◀ +14\.1/);
  });

  it('takes the command text unquoted, flags and all', async () => {
    const t = io();
    expect(await runCli(['ask', '/talent-gap', 'us', '--en'], await services(), t.io)).toBe(EXIT.ok);
    expect(t.out.join('')).toContain('AI talent compared: South Korea, United States');
  });

  it('exits 1 for a user-facing error, still printing the reply', async () => {
    const t = io();
    expect(await runCli(['ask', '/ai-rank atlantis'], await services(), t.io)).toBe(EXIT.userError);
    expect(t.out.join('')).toContain('atlantis');
  });

  it.each([
    [['ask']],
    [['ask', '--lang', 'fr', '/ai-rank']],
    [['ask', '/nope']],
    [['frobnicate']],
    [['ask', '--bogus', '/ai-rank']],
  ])('exits 2 with usage for misuse: %j', async (argv) => {
    const t = io();
    expect(await runCli(argv, await services(), t.io)).toBe(EXIT.misuse);
    expect(t.err.join('')).toContain('Usage:');
    expect(t.out.join('')).toBe('');
  });

  it('prints usage for --help', async () => {
    const t = io();
    expect(await runCli(['--help'], await services(), t.io)).toBe(EXIT.ok);
    expect(t.out.join('')).toContain('ask [--json]');
  });
});
