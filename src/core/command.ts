import type { DataAdmin, Surface } from '../data-admin/data-admin.js';
import type { DigestService } from '../digests/digest-service.js';
import type { BriefEngine } from '../llm/engine.js';
import type { PreferenceStore } from '../preferences/preferences.js';
import type { Briefing } from './blocks/reply.js';
import type { CommandInput } from './command-input.js';
import type { Localized } from './dataset/dataset-schema.js';
import type { DatasetView } from './dataset/dataset-view.js';
import type { Locale } from './i18n/locale.js';

/** What a command may know about the request; nothing here touches Slack. */
export interface CommandContext {
  data: DatasetView;
  /** The reply language: the text's flag, else the user's own choice, else the configured default. */
  locale: Locale;
  /** ISO code of the country briefings centre on (FOCUS_COUNTRY). */
  focusCountry: string;
  /** The bot's time zone (DEFAULT_TIMEZONE): what "today" means. */
  timezone: string;
  userId?: string;
  channelId?: string;
  /** Whether the user may change data and subscriptions (ADMIN_USER_IDS). */
  isAdmin: boolean;
  now: Date;
  /** Digest subscriptions and delivery, when the bot has them. */
  digests?: DigestService;
  /** Dataset editing, when the bot has a writable DATA_DIR. */
  dataAdmin?: DataAdmin;
  /** What this transport can do beyond replying (buttons, modals, files). */
  surface?: Surface;
  /** The grounded LLM briefing engine (off without an LLM key). */
  brief?: BriefEngine;
  /** Per-user settings (the reply language), when the bot has somewhere to keep them. */
  preferences?: PreferenceStore;
  /** The workspace's language (DEFAULT_LOCALE), which a user's own choice overrides. */
  defaultLocale?: Locale;
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
  /** Builds the answer. Read-only commands are pure; /ai-digest changes subscriptions through ctx.digests. */
  run(args: Args, ctx: CommandContext): RunResult | Promise<RunResult>;
  /** The arguments written back as command text, so a shared answer can be rebuilt. */
  canonical(args: Args, ctx: CommandContext): string;
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
export interface Command {
  name: `/${string}`;
  description: Localized;
  usageHint: Localized;
  examples: readonly string[];
  /** Whether a "Share to channel" button fits its answers (not for admin commands). */
  shareable: boolean;
  /** Whether its replies may be cached per dataset version (see CommandModule.pure). */
  pure: boolean;
  execute(input: CommandInput, ctx: CommandContext): Promise<Executed>;
}

export function defineCommand<Args>(module: CommandModule<Args>): Command {
  return {
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
  };
}
