import type { WebClient } from '@slack/web-api';
import type { Surface } from '../data-admin/service.js';
import type { Locale } from '../i18n/locale.js';
import { messages } from '../i18n/messages.js';
import { UserError } from '../lib/errors.js';
import { slackErrorCode } from './slack-commands.js';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
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
      if ((newest.size ?? 0) > MAX_IMPORT_BYTES) throw new UserError('too_large', [t.dataImportUnreadable('> 5 MB')]);
      const response = await fetch(newest.url_private_download, {
        headers: { Authorization: `Bearer ${options.token}` },
      });
      if (!response.ok) throw new UserError('download_failed', [t.dataImportUnreadable(`HTTP ${response.status}`)]);
      return { name: newest.name ?? 'import.csv', content: await response.text() };
    },
  };
}
