import { commands } from '../src/commands/registry.js';

/** The text the registry decides, for the manifest and the README (see sync-registry.ts). */

const quote = (text: string) => JSON.stringify(text);

/** The manifest with its `slash_commands:` block written from the registry (Korean descriptions and hints). */
export function manifestCommands(manifest: string): string {
  const lines = manifest.split('\n');
  const start = lines.indexOf('  slash_commands:');
  if (start < 0) throw new Error('manifest.yml has no features.slash_commands block');
  let end = start + 1;
  while (end < lines.length && /^( {4}| *$)/.test(lines[end] ?? '')) end += 1;
  const block = commands.flatMap((c) => [
    `    - command: ${c.name}`,
    `      description: ${quote(c.description.ko)}`,
    ...(c.usageHint.ko ? [`      usage_hint: ${quote(c.usageHint.ko)}`] : []),
    '      should_escape: false',
  ]);
  return [...lines.slice(0, start + 1), ...block, ...lines.slice(end)].join('\n');
}

/** The README's command table: each command with its usage and what it does. */
export function readmeCommandTable(): string {
  const rows = commands.map((c) => {
    const usage = `\`${`${c.name} ${c.usageHint.en}`.trim().replaceAll('|', '\\|')}\``;
    return `| ${usage} | ${c.description.en.replaceAll('|', '\\|')} |`;
  });
  return ['| command | what it answers |', '|---|---|', ...rows].join('\n');
}

/** Replaces what lies between `<!-- name:start -->` and `<!-- name:end -->`. */
export function spliceBlock(text: string, name: string, content: string): string {
  const open = `<!-- ${name}:start (npm run sync writes this from src/commands/registry.ts) -->`;
  const close = `<!-- ${name}:end -->`;
  const from = text.indexOf(open);
  const to = text.indexOf(close);
  if (from < 0 || to < from) throw new Error(`no ${name} block in the text`);
  return `${text.slice(0, from + open.length)}\n${content}\n${text.slice(to)}`;
}
