import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger, LogLevel as OurLevel } from '../../core/logger.js';

const ORDER: readonly string[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

function text(parts: unknown[]): string {
  return parts
    .map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');
}

/** Bolt and the Slack SDKs log through our structured logger, so redaction applies to them too. */
export function boltLogger(logger: Logger, level: OurLevel): BoltLogger {
  let current = level as string as LogLevel;
  let name = 'bolt';
  const enabled = (l: LogLevel) => ORDER.indexOf(l) >= ORDER.indexOf(current);
  return {
    debug: (...m) => enabled(LogLevel.DEBUG) && logger.debug(text(m), { component: name }),
    info: (...m) => enabled(LogLevel.INFO) && logger.info(text(m), { component: name }),
    warn: (...m) => enabled(LogLevel.WARN) && logger.warn(text(m), { component: name }),
    error: (...m) => enabled(LogLevel.ERROR) && logger.error(text(m), { component: name }),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}
