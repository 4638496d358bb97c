import type { Writable } from 'node:stream';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Slack tokens have recognisable shapes; configured secrets are masked by value as well. */
const TOKEN_SHAPES = /\b(xox[abposre]|xapp)-[A-Za-z0-9-]+/g;

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code ? { code } : {}), stack: value.stack };
  }
  return value;
}

export interface LoggerOptions {
  level?: LogLevel;
  stream?: Writable;
  /** Values to mask wherever they appear (signing secret, API keys). */
  secrets?: readonly string[];
  base?: LogFields;
}

/** Structured JSON lines on stderr (stdout belongs to the console and the CLI). Secrets never leave it. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const stream = options.stream ?? process.stderr;
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const redact = (line: string) =>
    secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), line.replace(TOKEN_SHAPES, '$1-[redacted]'));
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const entry = { time: new Date().toISOString(), level, msg: message, ...options.base, ...fields };
    stream.write(`${redact(JSON.stringify(entry, (_key, value) => serialise(value)))}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
