import { buildCommandHelp, buildHelp } from '../briefings/help.js';
import { unknownTermError } from '../core/vocabulary/terms.js';
import { type Command, defineCommand } from './context.js';

/** `/ai-help [command]`, given the registry lazily because the registry includes it. */
export function createAiHelp(registry: () => readonly Command[]): Command {
  const find = (name: string) => registry().find((c) => c.name === `/${name.replace(/^\//, '')}`);
  return defineCommand<{ topic?: string }>({
    name: '/ai-help',
    pure: true,
    description: {
      ko: 'AI Policy Brief의 명령과 사용 예시를 보여 줍니다',
      en: 'Lists the AI Policy Brief commands with examples',
    },
    usageHint: { ko: '[명령]', en: '[command]' },
    examples: ['', 'ai-rank'],
    parse(input, ctx) {
      const [first] = input.tokens;
      if (first === undefined) return {};
      const command = find(first);
      if (command) return { topic: command.name };
      const names = registry().map((c) => c.name);
      throw unknownTermError(
        first,
        names.map((n) => ({ key: n.slice(1), label: n })),
        ctx.locale,
        names,
      );
    },
    run(args, ctx) {
      const command = args.topic ? find(args.topic) : undefined;
      return command ? buildCommandHelp(command, ctx.locale) : buildHelp(registry(), ctx.locale);
    },
    canonical: (args) => args.topic?.slice(1) ?? '',
  });
}
