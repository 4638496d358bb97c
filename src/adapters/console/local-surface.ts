import { mkdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { UserError } from '../../core/errors.js';
import { escapeMrkdwn } from '../../core/escape.js';
import type { Locale } from '../../core/i18n/locale.js';
import { messages } from '../../core/i18n/messages.js';
import type { Surface } from '../../data-admin/data-admin.js';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The console and the CLI: no buttons or modals; exports go to a folder, imports come from a path. */
export function localSurface(exportDir: string, locale: Locale): Surface {
  return {
    interactive: false,
    async deliverFile(file) {
      await mkdir(exportDir, { recursive: true });
      const path = join(exportDir, basename(file.filename));
      await writeFileAtomic(path, file.content);
      return messages(locale).dataExportSaved(escapeMrkdwn(path));
    },
    async readFile(path) {
      if (!path) return null;
      const full = resolve(path);
      try {
        const content = await readFile(full, 'utf8');
        if (Buffer.byteLength(content) > MAX_IMPORT_BYTES) throw new Error('too large');
        return { name: basename(full), content };
      } catch {
        throw new UserError('import_not_found', [messages(locale).dataImportNotFound(escapeMrkdwn(path))]);
      }
    },
  };
}
