import { fileURLToPath } from 'node:url';

/**
 * The file a `file:` URI names; undefined for other schemes (`untitled:`) and for a URI no file
 * of this machine can have (`file://server/share/…`), which a client may send and which must not
 * bring the server down.
 */
export function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
