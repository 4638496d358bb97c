import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('writes one JSON object per line with level, message and fields', () => {
    const { lines, stream } = sink();
    createLogger({ stream }).info('hello', { a: 1 });
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry).toMatchObject({ level: 'info', msg: 'hello', a: 1 });
    expect(Date.parse(entry.time)).not.toBeNaN();
  });

  it('drops entries below its level', () => {
    const { lines, stream } = sink();
    const logger = createLogger({ stream, level: 'warn' });
    logger.info('no');
    logger.error('yes');
    expect(lines).toHaveLength(1);
  });

  it('masks Slack tokens by shape and configured secrets by value, also inside errors', () => {
    const { lines, stream } = sink();
    const logger = createLogger({ stream, secrets: ['f00dfacecafe1234'] });
    logger.error('failed with xoxb-123-456-abcDEF', { error: new Error('secret f00dfacecafe1234 and xapp-1-A-2-b') });
    const line = lines.join('');
    expect(line).not.toContain('abcDEF');
    expect(line).not.toContain('f00dfacecafe1234');
    expect(line).not.toContain('xapp-1-A-2-b');
    expect(line).toContain('xoxb-[redacted]');
    expect(JSON.parse(line).error.message).toContain('[redacted]');
  });
});
