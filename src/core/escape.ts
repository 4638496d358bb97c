/**
 * Slack treats `&`, `<` and `>` as control characters in mrkdwn: `<!channel>` pings everyone and `<url|label>` is a
 * link. Every string that came from data, a user or a model goes through `escapeMrkdwn` before it is placed in text.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Zero-width and bidirectional controls: invisible, and able to make an echoed word read differently. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** NUL and the other C0 and C1 control characters, except tab and line breaks. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

function stripControl(text: string): string {
  if (!hasControl(text)) return text;
  return Array.from(text)
    .filter((ch) => !isControl(ch.charCodeAt(0)))
    .join('');
}

/**
 * What arrives from people (command text, form fields, assistant messages) without invisible and control
 * characters: applied once, where input enters, so nothing downstream echoes or stores them.
 */
export function cleanInput(text: string): string {
  return stripControl(stripInvisible(text));
}

/** A link whose label is escaped and whose URL cannot break out of `<…|…>`. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/[<>|\s]/g, encodeURIComponent);
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  return `<${safeUrl}|${safeLabel}>`;
}

/** Shortens to at most `max` characters (code points), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * Model text may not carry links. Slack's clients turn bare URLs and domains into links even inside escaped text,
 * so schemes and domain dots are broken the way security write-ups do it: `https[:]//evil[.]example`. A label
 * may begin with a hyphen: not a valid host, but nothing that looks like one is left whole.
 */
export function defangLinks(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1[:]')
    .replace(/(?<![a-z0-9-])(?:[a-z0-9-]+\.)+[a-z]{2,}\b/gi, (domain) => domain.replace(/\./g, '[.]'));
}
