import type { B2Result } from './b2-core.js';

export interface Check {
  id: string;
  what: string;
  value: number;
  unit: string;
  max?: number;
  min?: number;
}

export const passed = (c: Check) =>
  (c.max === undefined || c.value <= c.max) && (c.min === undefined || c.value >= c.min);

function target(c: Check): string {
  if (c.max === undefined && c.min === undefined) return '—';
  if (c.max !== undefined && c.min !== undefined) return `${c.min}–${c.max}`;
  return c.max !== undefined ? `≤ ${c.max} ${c.unit}`.trim() : `≥ ${c.min} ${c.unit}`.trim();
}

function commandTable(b2: B2Result): string[] {
  const runs = [b2.shipped, ...b2.scale];
  const head = `| command | ${runs.map((r) => `${r.figures.toLocaleString('en')} figures: p50 / p99 (cached p99) ms`).join(' | ')} |`;
  const rule = `|---|${runs.map(() => '---').join('|')}|`;
  const names = Object.keys(b2.shipped.commands);
  const cell = (r: B2Result['shipped'], name: string) => {
    const c = r.commands[name];
    return c ? `${c.p50} / ${c.p99} (${c.cachedP99})` : '—';
  };
  const rows = names.map((name) => `| \`${name}\` | ${runs.map((r) => cell(r, name)).join(' | ')} |`);
  const startup = `| start-up ms (new file / validated before), RSS MB | ${runs
    .map((r) => `${Math.round(r.coldStartupMs ?? 0)} / ${Math.round(r.startupMs)}, ${Math.round(r.rssMb)}`)
    .join(' | ')} |`;
  return [head, rule, ...rows, startup];
}

/** The results as Markdown: the targets, then B2's per-command table. */
export function markdown(
  checks: readonly Check[],
  machine: { cpus: number; cpu: string; node: string; quick: boolean; at: string },
  seconds: number,
  results: Record<string, unknown>,
): string {
  const lines = [
    `Benchmarks (${machine.quick ? 'quick' : 'full'} run, ${machine.at.slice(0, 10)}, ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, ${seconds} s)`,
    '',
    '| | measure | result | target | |',
    '|---|---|---|---|---|',
    ...checks.map((c) => {
      const verdict = c.max === undefined && c.min === undefined ? '' : passed(c) ? '✅' : '❌';
      return `| ${c.id} | ${c.what} | ${c.value} ${c.unit} | ${target(c)} | ${verdict} |`;
    }),
  ];
  const b2 = results.B2 as B2Result | undefined;
  if (b2) {
    lines.push('', ...commandTable(b2));
    const growth = Object.entries(b2.growth).map(([k, v]) => `${k} ${v}×`);
    if (growth.length)
      lines.push('', `Growth from the smallest to the largest generated dataset (p50): ${growth.join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}
