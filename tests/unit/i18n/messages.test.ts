import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/core/i18n/locale.js';
import { messages } from '../../../src/core/i18n/messages.js';

function rendered(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'function') return String(value('ARG', 'ARG', 'ARG'));
  // Lists of prompts: every title and message must be there.
  if (Array.isArray(value)) {
    const parts = value.flatMap((v) => Object.values(v as Record<string, string>));
    return parts.length > 0 && parts.every((p) => p.trim()) ? parts.join(' ') : '';
  }
  return '';
}

describe('message catalog', () => {
  it('has every message in both languages, none empty', () => {
    const ko = messages('ko');
    const en = messages('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(messages(locale))) {
        expect(rendered(value).trim(), `${locale}.${key}`).not.toBe('');
      }
    }
  });

  it('is valid mrkdwn: no raw < or > except the one user mention', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(messages(locale))) {
        expect(rendered(value).replace('<@ARG>', ''), `${locale}.${key}`).not.toMatch(/[<>]/);
      }
    }
  });

  it('holds no figures: numbers come from the dataset (only clock times and example dates appear)', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(messages(locale))) {
        const text = rendered(value)
          .replace(/\b\d{2}:\d{2}\b/g, '')
          .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '');
        expect(text, `${locale}.${key}`).not.toMatch(/\d/);
      }
    }
  });
});
