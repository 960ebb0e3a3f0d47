/**
 * Opaque cursors of connections ordered by creation time (attempts, quizzes): base64url of a
 * per-connection prefix and the item's `<createdAt>#<id>` sort key. Decoding checks both, so a
 * forged or foreign cursor is BAD_USER_INPUT before it reaches a key.
 */
import { badInput } from './errors';

const SORT_KEY = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9a-f-]{36}$/;

export interface TimeCursor {
  encode(item: { createdAt: string; id: string }): string;
  /** The sort key the cursor names; throws BAD_USER_INPUT for anything this connection did not hand out. */
  decode(cursor: string): string;
}

export function timeCursor(prefix: string): TimeCursor {
  return {
    encode: (item) => Buffer.from(`${prefix}${item.createdAt}#${item.id}`).toString('base64url'),
    decode(cursor) {
      const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
      const sortKey = text.slice(prefix.length);
      if (!text.startsWith(prefix) || !SORT_KEY.test(sortKey))
        throw badInput('"after" is not a cursor returned by this API');
      return sortKey;
    },
  };
}
