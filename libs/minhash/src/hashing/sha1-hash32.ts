import { sha1Into } from './sha1';

const STATE = new Int32Array(5);
const ENCODER = new TextEncoder();

/**
 * datasketch's `sha1_hash32`: the first 4 bytes of the SHA-1 digest read as a little-endian uint32.
 * Those bytes are h0 big-endian, so the value is h0 byte-swapped.
 */
export function sha1Hash32Range(bytes: Uint8Array, start: number, end: number): number {
  sha1Into(bytes, start, end, STATE);
  return byteSwap32(STATE[0] ?? 0);
}

/** `sha1_hash32(data)`; a string is hashed as its UTF-8 bytes, as `s.encode('utf-8')` would give. */
export function sha1Hash32(data: Uint8Array | string): number {
  const bytes = typeof data === 'string' ? ENCODER.encode(data) : data;
  return sha1Hash32Range(bytes, 0, bytes.length);
}

/** 53 bits of SHA-1 (h0 and the top 21 bits of h1) as a safe integer: a set key with negligible collisions. */
export function sha1Hash53Range(bytes: Uint8Array, start: number, end: number): number {
  sha1Into(bytes, start, end, STATE);
  return ((STATE[0] ?? 0) >>> 0) * 0x200000 + ((STATE[1] ?? 0) >>> 11);
}

function byteSwap32(x: number): number {
  return (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
}
