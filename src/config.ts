import * as z from 'zod';
import { AppError } from './core/errors.js';
import { LOCALES, type Locale } from './core/i18n/locale.js';
import { LOG_LEVELS, type LogLevel } from './core/logger.js';
import { urlSecrets } from './core/redact.js';

/** The only module that reads the environment. Parsed once at start-up; anything invalid stops the bot. */

export type Mode = 'console' | 'socket' | 'http';

export interface Config {
  mode: Mode;
  slack: {
    botToken?: string;
    appToken?: string;
    signingSecret?: string;
    apiUrl: string;
  };
  port: number;
  dataDir: string;
  adminUserIds: string[];
  defaultLocale: Locale;
  defaultTimezone: string;
  focusCountry: string;
  llm: {
    apiKey: string;
    baseUrl?: string;
    model: string;
    timeoutMs: number;
    maxTokens: number;
    perUserPerHour: number;
    dailyBudget: number;
  } | null;
  logLevel: LogLevel;
  /** Whether this process runs the digest scheduler (off when cron drives `digest run --at`). */
  scheduler: boolean;
  /** Whether workspace admins and owners (users.info) count as bot admins besides ADMIN_USER_IDS. */
  workspaceAdmins: boolean;
  /** Font files for PNG charts; empty means the bundled Nanum Gothic. */
  chartFonts: string[];
  /** PostgreSQL for state shared by several replicas; null keeps everything in DATA_DIR. */
  databaseUrl: string | null;
  /** Values the logger must never print. */
  secrets: string[];
}

/** A configuration problem, naming the variables and never their values. */
export class ConfigError extends AppError {
  constructor(readonly problems: readonly string[]) {
    super('config', `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const optional = (schema: z.ZodString) => schema.optional();

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, 'must be a bot token (xoxb-…)')),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-[A-Za-z0-9-]+$/, 'must be an app-level token (xapp-…)')),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9]{16,}$/, 'must be the app’s signing secret (letters and digits)'),
  ),
  SLACK_API_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).default('https://slack.com/api/'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  ADMIN_USER_IDS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be Slack user ids (U…), comma-separated'))),
  DEFAULT_LOCALE: z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` }).default('ko'),
  DEFAULT_TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Seoul').default('Asia/Seoul'),
  FOCUS_COUNTRY: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code'))
    .default('KR'),
  LLM_API_KEY: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  LLM_BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: z.coerce.number({ message: 'must be milliseconds' }).int().positive().default(15_000),
  LLM_MAX_TOKENS: z.coerce.number({ message: 'must be a number' }).int().positive().default(800),
  LLM_USER_LIMIT: z.coerce.number({ message: 'must be a number of calls per hour' }).int().positive().default(20),
  LLM_DAILY_BUDGET: z.coerce.number({ message: 'must be a number of calls per day' }).int().positive().default(500),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SCHEDULER: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  ADMIN_WORKSPACE_ADMINS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('off'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// connection string' }).optional(),
  CHART_FONT_PATH: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
});

type Env = z.infer<typeof envSchema>;

function modeOf(env: Env): { mode: Mode; problems: string[] } {
  if (!env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN) return { mode: 'console', problems: [] };
  if (!env.SLACK_BOT_TOKEN)
    return { mode: 'socket', problems: ['SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN is set'] };
  if (env.SLACK_APP_TOKEN) return { mode: 'socket', problems: [] };
  const problems = env.SLACK_SIGNING_SECRET
    ? []
    : ['SLACK_SIGNING_SECRET: required in HTTP mode (bot token without app token)'];
  return { mode: 'http', problems };
}

/** Empty strings (`FOO=` in an .env file) count as unset. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
}

/**
 * `purpose: 'cli'` skips the checks that only matter for serving Slack (a signing secret for HTTP mode), so
 * `cli digest run` needs just a bot token.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, purpose: 'bot' | 'cli' = 'bot'): Config {
  const parsed = envSchema.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  const env = parsed.data;
  const { mode, problems } = modeOf(env);
  if (problems.length > 0 && purpose === 'bot') throw new ConfigError(problems);
  return {
    mode,
    slack: {
      ...(env.SLACK_BOT_TOKEN ? { botToken: env.SLACK_BOT_TOKEN } : {}),
      ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
      ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
      apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`,
    },
    port: env.PORT,
    dataDir: env.DATA_DIR,
    adminUserIds: env.ADMIN_USER_IDS,
    defaultLocale: env.DEFAULT_LOCALE,
    defaultTimezone: env.DEFAULT_TIMEZONE,
    focusCountry: env.FOCUS_COUNTRY,
    llm: llmOf(env),
    logLevel: env.LOG_LEVEL,
    scheduler: env.SCHEDULER === 'on',
    workspaceAdmins: env.ADMIN_WORKSPACE_ADMINS === 'on',
    chartFonts: env.CHART_FONT_PATH,
    databaseUrl: env.DATABASE_URL ?? null,
    secrets: secretsOf(env),
  };
}

function llmOf(env: Env): Config['llm'] {
  const apiKey = env.LLM_API_KEY ?? env.OPENAI_API_KEY;
  if (!apiKey) return null;
  const baseUrl = env.LLM_BASE_URL ?? env.OPENAI_BASE_URL;
  return {
    apiKey,
    ...(baseUrl ? { baseUrl } : {}),
    model: env.LLM_MODEL,
    timeoutMs: env.LLM_TIMEOUT_MS,
    maxTokens: env.LLM_MAX_TOKENS,
    perUserPerHour: env.LLM_USER_LIMIT,
    dailyBudget: env.LLM_DAILY_BUDGET,
  };
}

/** Every value the logger must mask: tokens, the signing secret, keys, and the credentials inside URLs. */
function secretsOf(env: Env): string[] {
  const urls = [env.DATABASE_URL, env.SLACK_API_URL, env.LLM_BASE_URL ?? env.OPENAI_BASE_URL];
  return [
    env.SLACK_BOT_TOKEN,
    env.SLACK_APP_TOKEN,
    env.SLACK_SIGNING_SECRET,
    env.LLM_API_KEY ?? env.OPENAI_API_KEY,
    env.DATABASE_URL,
    ...urls.flatMap(urlSecrets),
  ].filter((s): s is string => s !== undefined);
}
