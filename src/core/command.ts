import type { Briefing } from './blocks/reply.js';
import type { CommandInput } from './command-input.js';
import type { Localized } from './dataset/dataset-schema.js';

/**
 * The command contract: what a slash command declares about itself (once, in its module) and how it runs. The
 * help, the manifest check, the README check, the App Home and the benchmark all read the declaration from the
 * registry (commands/registry.ts). `Ctx` is what a command gets to work with (commands/context.ts).
 */
export interface CommandDeclaration {
  /** The slash command, as in manifest.yml. */
  name: `/${string}`;
  /** One line for Slack's command list and for /ai-help. The manifest uses the Korean one. */
  description: Localized;
  /** Slack's usage hint: the arguments, in brackets. */
  usageHint: Localized;
  /** Argument texts that work on the shipped dataset, shown in help. */
  examples: readonly string[];
  /** Whether a "Share to channel" button fits its answers: read-only briefings only. */
  shareable: boolean;
  /** Whether its replies may be cached per dataset version (see CommandModule.pure). */
  pure: boolean;
}

export interface CommandModule<Args, Ctx> extends Omit<CommandDeclaration, 'shareable' | 'pure'> {
  /** Turns the normalised text into arguments, or throws a UserError that says what was wrong. */
  parse(input: CommandInput, ctx: Ctx): Args;
  /** Builds the answer. Read-only commands are pure; /ai-digest changes subscriptions through ctx.digests. */
  run(args: Args, ctx: Ctx): RunResult | Promise<RunResult>;
  /** The arguments written back as command text, so a shared answer can be rebuilt. */
  canonical(args: Args, ctx: Ctx): string;
  /** False for commands whose answers are private by nature (admin actions); default true. */
  shareable?: boolean;
  /**
   * True when the answer depends only on the text, the language, the focus country and the dataset version
   * (not on the user, the channel, the clock or other state), so a rendered reply can be reused.
   */
  pure?: boolean;
}

/** An answer now, and optionally a second one that arrives later (the LLM summary after the figures). */
export type RunResult = Briefing | { briefing: Briefing; followUp?: () => Promise<Briefing> };

export interface Executed {
  briefing: Briefing;
  canonical: string;
  followUp?: () => Promise<Briefing>;
}

/** A command with its argument type sealed inside, so the registry can hold different commands. */
export interface CommandOf<Ctx> extends CommandDeclaration {
  execute(input: CommandInput, ctx: Ctx): Promise<Executed>;
}

export function defineCommandOf<Ctx>() {
  return <Args>(module: CommandModule<Args, Ctx>): CommandOf<Ctx> => ({
    name: module.name,
    description: module.description,
    usageHint: module.usageHint,
    examples: module.examples,
    shareable: module.shareable ?? true,
    pure: module.pure ?? false,
    async execute(input, ctx) {
      const args = module.parse(input, ctx);
      const result = await module.run(args, ctx);
      const canonical = module.canonical(args, ctx);
      if ('briefing' in result) return { ...result, canonical };
      return { briefing: result, canonical };
    },
  });
}
