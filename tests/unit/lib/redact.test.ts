import { describe, expect, it } from 'vitest';
import { redactUrl, redactUrlsIn, urlSecrets } from '../../../src/core/redact.js';

describe('redactUrl', () => {
  it.each([
    ['postgres://bot:Zq9Leak@db.internal:5432/apb', 'postgres://bot:***@db.internal:5432/apb'],
    ['postgres://bot@db.internal/apb?password=Zq9Leak', 'postgres://bot@db.internal/apb?password=***'],
    [
      'postgres://bot@h/apb?sslmode=require&sslpassword=Zq9Leak',
      'postgres://bot@h/apb?sslmode=require&sslpassword=***',
    ],
    ['http://user:Zq9Leak@slack.internal/api/', 'http://user:***@slack.internal/api/'],
    ['https://proxy.example/api/?token=Zq9Leak', 'https://proxy.example/api/?token=***'],
    ['https://slack.com/api/', 'https://slack.com/api/'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
    expect(redactUrl(url)).not.toContain('Zq9Leak');
  });

  it('prints nothing of a URL it cannot parse', () => {
    expect(redactUrl('postgres://bot:Zq9Leak@[bad')).not.toContain('Zq9Leak');
  });

  it('finds every credential for the logger, decoded and as written', () => {
    expect(urlSecrets('postgres://bot:p%40ss@h/db?password=Zq9Leak')).toEqual(
      expect.arrayContaining(['p%40ss', 'p@ss', 'Zq9Leak']),
    );
  });

  it('redacts every URL inside a message', () => {
    const text = redactUrlsIn('could not reach http://u:Zq9Leak@h/api/ (or postgres://x@y/z?password=Zq9Leak2).');
    expect(text).toBe('could not reach http://u:***@h/api/ (or postgres://x@y/z?password=***).');
  });
});
