import { describe, expect, it } from 'vitest';
import { mrkdwnToText, renderMessage } from '../../../src/adapters/console/render-text.js';
import { actions, button, context, divider, header, section } from '../../../src/core/blocks/blocks.js';

describe('terminal rendering', () => {
  it('turns links into "label (url)", drops markup and decodes entities', () => {
    expect(mrkdwnToText('*9위* · 출처: <https://a.example/x|Dong-A &amp; Co> _note_ &lt;!here&gt;')).toBe(
      '9위 · 출처: Dong-A & Co (https://a.example/x) note <!here>',
    );
  });

  it('renders each block kind and lists buttons', () => {
    const text = renderMessage({
      text: 't',
      blocks: [header('Title'), section('body'), context('meta'), divider(), actions(button('채널에 공유', 'a', 'v'))],
    });
    expect(text).toBe(['■ Title', '', 'body', '  · meta', '─'.repeat(40), '[ 채널에 공유 ]'].join('\n'));
  });
});
