import type { Charter } from '../charts/charter.js';
import { type CommandOf, defineCommandOf } from '../core/command.js';
import type { DatasetStore } from '../core/dataset/dataset-validation.js';
import type { DatasetView } from '../core/dataset/dataset-view.js';
import type { Locale } from '../core/i18n/locale.js';
import type { Logger } from '../core/logger.js';
import type { DataAdmin, Surface } from '../data-admin/data-admin.js';
import type { DigestService } from '../digests/digest-service.js';
import type { BriefEngine } from '../llm/engine.js';
import type { PreferenceStore } from '../preferences/preferences.js';
import type { ReplyCache } from './reply-cache.js';

/** Everything commands work with, built once by the container; every service is there in every mode. */
export interface CommandServices {
  /** The dataset as commands read it (edits go through dataAdmin). */
  store: DatasetStore;
  /** The workspace's language (DEFAULT_LOCALE), which a user's own choice overrides. */
  defaultLocale: Locale;
  /** ISO code of the country briefings centre on (FOCUS_COUNTRY). */
  focusCountry: string;
  /** DEFAULT_TIMEZONE: what "today" means. */
  timezone: string;
  logger: Logger;
  /** Who may change data and subscriptions (ADMIN_USER_IDS). */
  adminUserIds: readonly string[];
  /** Subscriptions and delivery; offline (preview only) without Slack. */
  digests: DigestService;
  dataAdmin: DataAdmin;
  /** The grounded LLM briefing engine; off without an LLM key. */
  brief: BriefEngine;
  clock: () => Date;
  /** Rendered replies of pure commands, per dataset version. */
  replies: ReplyCache;
  /** Draws the charts replies carry. */
  charter: Charter;
  /** Per-user settings: a user's reply language. */
  preferences: PreferenceStore;
}

/** What a command may know about one request, with the services; nothing here touches Slack. */
export interface CommandContext
  extends Pick<
    CommandServices,
    'focusCountry' | 'timezone' | 'defaultLocale' | 'digests' | 'dataAdmin' | 'brief' | 'preferences'
  > {
  data: DatasetView;
  /** The reply language: the text's flag, else the user's own choice, else the configured default. */
  locale: Locale;
  userId?: string;
  channelId?: string;
  /** Whether the user may change data and subscriptions. */
  isAdmin: boolean;
  now: Date;
  /** What this transport can do beyond replying (buttons, modals, files); absent in the assistant panel. */
  surface?: Surface;
}

export type Command = CommandOf<CommandContext>;

/** Declares a slash command: its words, its parser and its runner (see core/command.ts). */
export const defineCommand = defineCommandOf<CommandContext>();
