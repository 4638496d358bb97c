import type { Briefing } from '../briefings/reply.js';
import type { Locale } from '../i18n/locale.js';
import type { DatasetView } from '../store/dataset-view.js';
import type { Localized } from '../store/schema.js';
import type { CommandInput } from './input.js';

/** What a command may know about the request; nothing here touches Slack. */
export interface CommandContext {
  data: DatasetView;
  /** The reply language: the text's flag, else the configured default. */
  locale: Locale;
  /** ISO code of the country briefings centre on (FOCUS_COUNTRY). */
  focusCountry: string;
  userId?: string;
  channelId?: string;
}

/** One slash command: its description, and a parser and runner that know nothing about transports. */
export interface CommandModule<Args> {
  /** The slash command, as in manifest.yml. */
  name: `/${string}`;
  /** One line for Slack's command list and for /ai-help. The manifest uses the Korean one. */
  description: Localized;
  /** Slack's usage hint: the arguments, in brackets. */
  usageHint: Localized;
  /** Argument texts that work on the shipped dataset, shown in help. */
  examples: readonly string[];
  /** Turns the normalised text into arguments, or throws a UserError that says what was wrong. */
  parse(input: CommandInput, ctx: CommandContext): Args;
  /** Builds the answer. Pure: the same data, arguments and context give the same briefing. */
  run(args: Args, ctx: CommandContext): Briefing;
  /** The arguments written back as command text, so a shared answer can be rebuilt. */
  canonical(args: Args, ctx: CommandContext): string;
}

/** A command with its argument type sealed inside, so the registry can hold different commands. */
export interface Command {
  name: `/${string}`;
  description: Localized;
  usageHint: Localized;
  examples: readonly string[];
  execute(input: CommandInput, ctx: CommandContext): { briefing: Briefing; canonical: string };
}

export function defineCommand<Args>(module: CommandModule<Args>): Command {
  return {
    name: module.name,
    description: module.description,
    usageHint: module.usageHint,
    examples: module.examples,
    execute(input, ctx) {
      const args = module.parse(input, ctx);
      return { briefing: module.run(args, ctx), canonical: module.canonical(args, ctx) };
    },
  };
}
