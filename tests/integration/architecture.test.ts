import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layout's rules (docs/architecture.md), checked on every run: imports flow one way between the layers, only
 * the Slack adapter knows Slack's SDKs, nothing imports in a circle, functions stay short, file names stay distinct.
 */

const SRC = resolve(__dirname, '../../src');
const SERVICES = ['digests', 'data-admin', 'llm', 'charts', 'preferences'];

/** What each layer may import (besides itself and npm packages). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  briefings: ['core'],
  ...Object.fromEntries(SERVICES.map((s) => [s, ['core']])),
  commands: ['core', 'briefings', ...SERVICES],
  persistence: ['core', ...SERVICES],
  adapters: ['core', 'config.ts', 'briefings', 'commands', ...SERVICES],
  'config.ts': ['core'],
  'index.ts': ['core', 'config.ts', 'container.ts', 'adapters'],
  'container.ts': ['core', 'config.ts', 'briefings', 'commands', 'persistence', 'adapters', ...SERVICES],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Source {
  file: string;
  sf: ts.SourceFile;
  /** Relative imports, resolved to files, with whether they are type-only. */
  local: { target: string; typeOnly: boolean }[];
  packages: string[];
}

function parse(file: string): Source {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const local: Source['local'] = [];
  const packages: string[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    if (spec.startsWith('.')) local.push({ target: resolve(dirname(file), spec).replace(/\.js$/, '.ts'), typeOnly });
    else packages.push(spec);
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const typeOnly = ts.isImportDeclaration(node) ? Boolean(node.importClause?.isTypeOnly) : node.isTypeOnly;
      add((node.moduleSpecifier as ts.StringLiteral).text, typeOnly);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) add(arg.text, false);
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { file, sf, local, packages };
}

const sources = files(SRC).map(parse);
const layerOf = (file: string) => relative(SRC, file).split('/')[0] ?? '';

describe('the layout', () => {
  it('imports flow one way between layers', () => {
    const wrong: string[] = [];
    for (const { file, local } of sources) {
      const from = layerOf(file);
      for (const { target } of local) {
        const to = layerOf(target);
        if (to === from) continue;
        if (!(ALLOWED[from] ?? []).includes(to)) wrong.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('only the Slack adapter imports @slack/bolt or @slack/web-api', () => {
    const outside = sources
      .filter((s) => !relative(SRC, s.file).startsWith('adapters/slack/'))
      .filter((s) => s.packages.some((p) => p === '@slack/bolt' || p === '@slack/web-api'))
      .map((s) => relative(SRC, s.file));
    expect(outside).toEqual([]);
  });

  it('has no import cycle between files or between folders', () => {
    const graph = new Map(sources.map((s) => [s.file, s.local.filter((l) => !l.typeOnly).map((l) => l.target)]));
    // Folders as the layout names them: the top level (a layer, or a service) of src/.
    const folderOf = (file: string) => layerOf(file);
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (folderOf(file) === folderOf(target)) continue;
        const set = folders.get(folderOf(file)) ?? new Set();
        set.add(folderOf(target));
        folders.set(folderOf(file), set);
      }
    }
    expect(cycles(graph).map((c) => c.map((f) => relative(SRC, f)))).toEqual([]);
    const folderGraph = new Map([...folders].map(([k, v]) => [k, [...v]]));
    expect(cycles(folderGraph)).toEqual([]);
  });

  it('keeps every function short enough to read at once (50 lines)', () => {
    const long: string[] = [];
    for (const { file, sf } of sources) {
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const start = sf.getLineAndCharacterOfPosition(node.getStart()).line;
          const end = sf.getLineAndCharacterOfPosition(node.end).line;
          if (end - start + 1 > 50) long.push(`${relative(SRC, file)}:${start + 1} (${end - start + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(long).toEqual([]);
  });

  it('keeps the README short (what the bot does, the two commands, the command table, the configuration, links)', () => {
    expect(statSync(resolve(SRC, '../README.md')).size).toBeLessThan(15 * 1024);
  });

  it('names every file distinctly', () => {
    const names = sources.map((s) => basename(s.file));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

/** Strongly connected components with more than one member, or a self-import (Tarjan). */
function cycles(graph: Map<string, readonly string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const connect = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
        on.delete(w);
        component.push(w);
        if (w === v) break;
      }
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) connect(v);
  return found;
}
