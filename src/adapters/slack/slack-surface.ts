import type { WebClient } from '@slack/web-api';
import { UserError } from '../../core/errors.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import type { Surface } from '../../data-admin/data-admin.js';
import { slackErrorCode } from './slack-errors.js';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Where the bot token may be sent to download a file: Slack's own file hosts over https, and the host of
 * SLACK_API_URL (a staging Slack, a test double). A listing naming any other host is not trusted with it.
 */
export function isSlackFileHost(url: string, apiUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.username || target.password) return false;
  if (target.protocol === 'https:' && (target.hostname === 'slack.com' || target.hostname.endsWith('.slack.com')))
    return true;
  const api = new URL(apiUrl);
  return target.origin === api.origin;
}

/** GET with the bot token, following a redirect only to another Slack file host (the token goes nowhere else). */
async function download(url: string, token: string, apiUrl: string): Promise<Response> {
  let target = url;
  for (let hops = 0; hops < 3; hops += 1) {
    const response = await fetch(target, { headers: { Authorization: `Bearer ${token}` }, redirect: 'manual' });
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (!location) return response;
    target = new URL(location, target).toString();
    if (!isSlackFileHost(target, apiUrl)) return new Response(null, { status: 502 });
  }
  return new Response(null, { status: 508 });
}

/** The body, read only up to `max` bytes (whatever size the listing claimed); null if it is longer. */
async function readCapped(response: Response, max: number): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
const IMPORTABLE = /\.(csv|json)$/i;

interface SharedFile {
  name?: string;
  filetype?: string;
  created?: number;
  url_private_download?: string;
  size?: number;
}

/** What a slash command in Slack can do besides replying: modals, file uploads and reading shared files. */
export function slackSurface(options: {
  client: WebClient;
  token: string;
  triggerId?: string;
  channelId?: string;
  userId?: string;
  locale: Locale;
  /** SLACK_API_URL: its host may also serve files (staging, tests). */
  apiUrl: string;
}): Surface {
  const { client, triggerId, channelId, userId, locale } = options;
  const t = messages(locale);
  return {
    interactive: true,
    async openModal(view) {
      if (!triggerId) throw new UserError('no_trigger', [t.dataModalUnavailable]);
      await client.views.open({ trigger_id: triggerId, view: view as never });
    },
    async deliverFile(file) {
      try {
        await client.filesUploadV2({
          channel_id: channelId ?? '',
          filename: file.filename,
          title: file.title,
          content: file.content,
        });
      } catch (error) {
        throw new UserError('upload_failed', [t.dataExportFailed(slackErrorCode(error))]);
      }
      return '';
    },
    async readFile() {
      const listed = await client.files.list({ channel: channelId, user: userId, count: 20 } as never);
      const files = ((listed as { files?: SharedFile[] }).files ?? [])
        .filter((f) => IMPORTABLE.test(f.name ?? '') || ['csv', 'json'].includes(f.filetype ?? ''))
        .sort((a, b) => (b.created ?? 0) - (a.created ?? 0));
      const newest = files[0];
      if (!newest?.url_private_download) return null;
      if (!isSlackFileHost(newest.url_private_download, options.apiUrl))
        throw new UserError('not_slack_file', [t.fileNotFromSlack]);
      if ((newest.size ?? 0) > MAX_IMPORT_BYTES) throw new UserError('too_large', [t.fileTooLarge('5 MB')]);
      const response = await download(newest.url_private_download, options.token, options.apiUrl);
      if (!response.ok) throw new UserError('download_failed', [t.dataImportUnreadable(`HTTP ${response.status}`)]);
      const content = await readCapped(response, MAX_IMPORT_BYTES);
      if (content === null) throw new UserError('too_large', [t.fileTooLarge('5 MB')]);
      return { name: newest.name ?? 'import.csv', content };
    },
  };
}
