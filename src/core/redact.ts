/** Query parameters that carry credentials in connection strings and API URLs. */
const SECRET_PARAMS = /^(password|sslpassword|passwd|pass|token|access_token|api_key|apikey|key|secret)$/i;

/**
 * A URL as it may be printed: the password in its userinfo and every credential-like query parameter replaced
 * by `***` (`postgres://bot:***@host/db?password=***`). Something that does not parse is not printed at all.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(unparseable URL)';
  }
  if (parsed.password) parsed.password = '***';
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.test(name)) parsed.searchParams.set(name, '***');
  }
  return parsed.toString().replaceAll('%2A%2A%2A', '***');
}

/** The credentials a URL carries (decoded and as written), for a logger to mask wherever they appear. */
export function urlSecrets(url: string | undefined): string[] {
  if (!url) return [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const raw = [parsed.password, ...[...parsed.searchParams].filter(([k]) => SECRET_PARAMS.test(k)).map(([, v]) => v)];
  return [...new Set(raw.filter(Boolean).flatMap((v) => [v, safeDecode(v), encodeURIComponent(v)]))];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every URL in a message redacted, for messages whose parts came from elsewhere (start-up failures). */
export function redactUrlsIn(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>]+/gi, (url) => {
    const trail = /[).,;:]+$/.exec(url)?.[0] ?? '';
    return redactUrl(url.slice(0, url.length - trail.length)) + trail;
  });
}
