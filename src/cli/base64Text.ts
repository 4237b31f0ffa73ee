/** Base64 for the console: UTF-8 text to base64 and back, and the CLI v2 check of a base64 argument. */

/** UTF-8 bytes of `text` in base64 (what raw-in-base64-out sends). */
export function toBase64Text(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Whether `s` is canonical base64 (padding included), as CLI v2 requires of blob arguments. */
export function isBase64(s: string): boolean {
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}
