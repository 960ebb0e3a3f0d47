/**
 * Large content items (catalogs, search indexes) are stored gzipped and cut into parts well under
 * DynamoDB's 400 KB item limit; one format for both.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

const PART_BYTES = 300_000;

export function gzipParts(text: string): Uint8Array[] {
  const zipped = gzipSync(Buffer.from(text, 'utf8'));
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < zipped.length; offset += PART_BYTES)
    parts.push(zipped.subarray(offset, offset + PART_BYTES));
  return parts;
}

export function gunzipParts(parts: readonly Uint8Array[]): string {
  return gunzipSync(Buffer.concat(parts)).toString('utf8');
}
