import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const BOT = 'xoxb-1111-2222-abcdefSECRETbot';
const APP = 'xapp-1-A111-333-SECRETapp';
const SIGNING = 'f00dfacecafe1234f00dfacecafe1234';

function problemOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the console with Korean, Seoul, Korea and ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'console',
      port: 3000,
      dataDir: './data',
      defaultLocale: 'ko',
      defaultTimezone: 'Asia/Seoul',
      focusCountry: 'KR',
      adminUserIds: [],
      llm: null,
      slack: { apiUrl: 'https://slack.com/api/' },
    });
  });

  it('chooses Socket Mode with an app token and HTTP mode with a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).mode).toBe('socket');
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING }).mode).toBe('http');
  });

  it('parses lists, numbers, case and the LLM aliases', () => {
    const config = loadConfig({
      ADMIN_USER_IDS: ' U123ABC, W999 ,',
      PORT: '8080',
      FOCUS_COUNTRY: 'jp',
      DEFAULT_LOCALE: 'en',
      OPENAI_API_KEY: 'sk-test-key',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
    });
    expect(config).toMatchObject({
      adminUserIds: ['U123ABC', 'W999'],
      port: 8080,
      focusCountry: 'JP',
      defaultLocale: 'en',
    });
    expect(config.llm).toEqual({
      apiKey: 'sk-test-key',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'gpt-4o-mini',
      timeoutMs: 15000,
      maxTokens: 800,
      perUserPerHour: 20,
      dailyBudget: 500,
    });
    expect(config.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
  });

  it('lets the CLI run with a bot token alone', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT }, 'cli').slack.botToken).toBe(BOT);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', PORT: '' })).toMatchObject({ mode: 'console', port: 3000 });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: BOT }, 'SLACK_SIGNING_SECRET: required in HTTP mode'],
    [{ SLACK_APP_TOKEN: APP }, 'SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN is set'],
    [{ DEFAULT_LOCALE: 'fr' }, 'DEFAULT_LOCALE: must be one of ko, en'],
    [
      { SLACK_BOT_TOKEN: 'xoxp-user-token-SECRET', SLACK_SIGNING_SECRET: SIGNING },
      'SLACK_BOT_TOKEN: must be a bot token',
    ],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-wrong-kind-SECRET' },
      'SLACK_APP_TOKEN: must be an app-level token',
    ],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'short!' }, 'SLACK_SIGNING_SECRET: must be'],
    [{ PORT: 'eighty' }, 'PORT: must be a port number'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DEFAULT_TIMEZONE: 'Mars/Olympus' }, 'DEFAULT_TIMEZONE: must be an IANA time zone'],
    [{ FOCUS_COUNTRY: 'Korea' }, 'FOCUS_COUNTRY: must be a two-letter ISO country code'],
    [{ ADMIN_USER_IDS: 'bob' }, 'ADMIN_USER_IDS'],
    [{ SLACK_API_URL: 'slack.com' }, 'SLACK_API_URL: must be an http(s) URL'],
  ])('stops on %j, naming the variable', (env, expected) => {
    expect(problemOf(env)).toContain(expected);
  });

  it('never repeats a token or secret in its message', () => {
    const message = problemOf({
      SLACK_BOT_TOKEN: 'xoxp-Zq9Leak-user',
      SLACK_APP_TOKEN: 'xoxb-Zq9Leak-bot',
      SLACK_SIGNING_SECRET: 'Zq9Leak!!',
    });
    expect(message).not.toContain('Zq9Leak');
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).toContain('SLACK_APP_TOKEN');
  });

  it('lists the secrets the logger must mask', () => {
    expect(
      loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, LLM_API_KEY: 'sk-abcdef' }).secrets,
    ).toEqual([BOT, SIGNING, 'sk-abcdef']);
  });
});
