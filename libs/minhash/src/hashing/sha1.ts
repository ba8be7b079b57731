// SHA-1 over a byte range of a Uint8Array, without allocating. MinHash hashes every shingle of every
// document, and a shingle is a few dozen bytes: node:crypto's per-call cost (a Hash object, a native
// call, a Buffer digest) is ~5× the compression itself at that size, so we compute it in JS.
// Security is irrelevant: datasketch uses SHA-1 only as a well-mixed, portable 32-bit hash.
//
// The 80 rounds are unrolled with the message schedule in 16 local variables and the five working
// variables renamed each round instead of shifted, and constants written as int32 (0x8f1bbcdc is
// −0x70e44324, 0xca62c1d6 is −0x359d3e2a) so V8 keeps everything in int32 registers. Measured
// ~2× faster than the textbook loop over an 80-word schedule array.

/** The 16 message words of the block being compressed. */
const BLOCK = new Int32Array(16);

/** SHA-1 of bytes[start, end); `state` receives the digest words h0..h4 as int32. */
export function sha1Into(bytes: Uint8Array, start: number, end: number, state: Int32Array): void {
  state[0] = 0x67452301;
  state[1] = 0xefcdab89 | 0;
  state[2] = 0x98badcfe | 0;
  state[3] = 0x10325476;
  state[4] = 0xc3d2e1f0 | 0;
  const length = end - start;
  let offset = start;
  for (; end - offset >= 64; offset += 64) {
    for (let t = 0; t < 16; t++) BLOCK[t] = readWord(bytes, offset + 4 * t);
    compress(BLOCK, state);
  }
  // The tail: remaining whole words, then a word holding the last 0–3 bytes and the 0x80 marker. That
  // word reads 4 bytes and masks off the ones past the end (out-of-range reads give 0), with no branch
  // on the byte count, which varies from call to call and would mispredict.
  const rest = end - offset;
  const whole = rest >>> 2;
  let t = 0;
  for (; t < whole; t++) BLOCK[t] = readWord(bytes, offset + 4 * t);
  const partial = rest & 3;
  BLOCK[t++] =
    (readWord(bytes, offset + 4 * whole) & (TAIL_MASKS[partial] ?? 0)) | (TAIL_MARKERS[partial] ?? 0);
  if (t > 14) {
    // No room for the 64-bit length: it goes in a block of its own.
    while (t < 16) BLOCK[t++] = 0;
    compress(BLOCK, state);
    t = 0;
  }
  while (t < 14) BLOCK[t++] = 0;
  // Bit length, big-endian 64-bit (the high word is 0 below 512 MiB; no float division on the hot path).
  BLOCK[14] = length < 0x20000000 ? 0 : Math.floor(length / 0x20000000);
  BLOCK[15] = length << 3;
  compress(BLOCK, state);
}

/** For 0–3 message bytes in the last word: keep those bytes, and put the 0x80 marker right after them. */
const TAIL_MASKS = new Int32Array([0, 0xff000000 | 0, 0xffff0000 | 0, 0xffffff00 | 0]);
const TAIL_MARKERS = new Int32Array([0x80000000 | 0, 0x800000, 0x8000, 0x80]);

function readWord(bytes: Uint8Array, i: number): number {
  return (
    ((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)
  );
}

function compress(block: Int32Array, state: Int32Array): void {
  let w0 = block[0] ?? 0;
  let w1 = block[1] ?? 0;
  let w2 = block[2] ?? 0;
  let w3 = block[3] ?? 0;
  let w4 = block[4] ?? 0;
  let w5 = block[5] ?? 0;
  let w6 = block[6] ?? 0;
  let w7 = block[7] ?? 0;
  let w8 = block[8] ?? 0;
  let w9 = block[9] ?? 0;
  let w10 = block[10] ?? 0;
  let w11 = block[11] ?? 0;
  let w12 = block[12] ?? 0;
  let w13 = block[13] ?? 0;
  let w14 = block[14] ?? 0;
  let w15 = block[15] ?? 0;
  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
  let e = state[4] ?? 0;

  e = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w0) | 0;
  b = (b << 30) | (b >>> 2);
  d = (((e << 5) | (e >>> 27)) + ((a & b) | (~a & c)) + d + 0x5a827999 + w1) | 0;
  a = (a << 30) | (a >>> 2);
  c = (((d << 5) | (d >>> 27)) + ((e & a) | (~e & b)) + c + 0x5a827999 + w2) | 0;
  e = (e << 30) | (e >>> 2);
  b = (((c << 5) | (c >>> 27)) + ((d & e) | (~d & a)) + b + 0x5a827999 + w3) | 0;
  d = (d << 30) | (d >>> 2);
  a = (((b << 5) | (b >>> 27)) + ((c & d) | (~c & e)) + a + 0x5a827999 + w4) | 0;
  c = (c << 30) | (c >>> 2);
  e = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w5) | 0;
  b = (b << 30) | (b >>> 2);
  d = (((e << 5) | (e >>> 27)) + ((a & b) | (~a & c)) + d + 0x5a827999 + w6) | 0;
  a = (a << 30) | (a >>> 2);
  c = (((d << 5) | (d >>> 27)) + ((e & a) | (~e & b)) + c + 0x5a827999 + w7) | 0;
  e = (e << 30) | (e >>> 2);
  b = (((c << 5) | (c >>> 27)) + ((d & e) | (~d & a)) + b + 0x5a827999 + w8) | 0;
  d = (d << 30) | (d >>> 2);
  a = (((b << 5) | (b >>> 27)) + ((c & d) | (~c & e)) + a + 0x5a827999 + w9) | 0;
  c = (c << 30) | (c >>> 2);
  e = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w10) | 0;
  b = (b << 30) | (b >>> 2);
  d = (((e << 5) | (e >>> 27)) + ((a & b) | (~a & c)) + d + 0x5a827999 + w11) | 0;
  a = (a << 30) | (a >>> 2);
  c = (((d << 5) | (d >>> 27)) + ((e & a) | (~e & b)) + c + 0x5a827999 + w12) | 0;
  e = (e << 30) | (e >>> 2);
  b = (((c << 5) | (c >>> 27)) + ((d & e) | (~d & a)) + b + 0x5a827999 + w13) | 0;
  d = (d << 30) | (d >>> 2);
  a = (((b << 5) | (b >>> 27)) + ((c & d) | (~c & e)) + a + 0x5a827999 + w14) | 0;
  c = (c << 30) | (c >>> 2);
  e = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w15) | 0;
  b = (b << 30) | (b >>> 2);
  // Rounds 16–79 extend the message schedule in place, in a 16-word window.
  w0 ^= w13 ^ w8 ^ w2;
  w0 = (w0 << 1) | (w0 >>> 31);
  d = (((e << 5) | (e >>> 27)) + ((a & b) | (~a & c)) + d + 0x5a827999 + w0) | 0;
  a = (a << 30) | (a >>> 2);
  w1 ^= w14 ^ w9 ^ w3;
  w1 = (w1 << 1) | (w1 >>> 31);
  c = (((d << 5) | (d >>> 27)) + ((e & a) | (~e & b)) + c + 0x5a827999 + w1) | 0;
  e = (e << 30) | (e >>> 2);
  w2 ^= w15 ^ w10 ^ w4;
  w2 = (w2 << 1) | (w2 >>> 31);
  b = (((c << 5) | (c >>> 27)) + ((d & e) | (~d & a)) + b + 0x5a827999 + w2) | 0;
  d = (d << 30) | (d >>> 2);
  w3 ^= w0 ^ w11 ^ w5;
  w3 = (w3 << 1) | (w3 >>> 31);
  a = (((b << 5) | (b >>> 27)) + ((c & d) | (~c & e)) + a + 0x5a827999 + w3) | 0;
  c = (c << 30) | (c >>> 2);

  w4 ^= w1 ^ w12 ^ w6;
  w4 = (w4 << 1) | (w4 >>> 31);
  e = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w4) | 0;
  b = (b << 30) | (b >>> 2);
  w5 ^= w2 ^ w13 ^ w7;
  w5 = (w5 << 1) | (w5 >>> 31);
  d = (((e << 5) | (e >>> 27)) + (a ^ b ^ c) + d + 0x6ed9eba1 + w5) | 0;
  a = (a << 30) | (a >>> 2);
  w6 ^= w3 ^ w14 ^ w8;
  w6 = (w6 << 1) | (w6 >>> 31);
  c = (((d << 5) | (d >>> 27)) + (e ^ a ^ b) + c + 0x6ed9eba1 + w6) | 0;
  e = (e << 30) | (e >>> 2);
  w7 ^= w4 ^ w15 ^ w9;
  w7 = (w7 << 1) | (w7 >>> 31);
  b = (((c << 5) | (c >>> 27)) + (d ^ e ^ a) + b + 0x6ed9eba1 + w7) | 0;
  d = (d << 30) | (d >>> 2);
  w8 ^= w5 ^ w0 ^ w10;
  w8 = (w8 << 1) | (w8 >>> 31);
  a = (((b << 5) | (b >>> 27)) + (c ^ d ^ e) + a + 0x6ed9eba1 + w8) | 0;
  c = (c << 30) | (c >>> 2);
  w9 ^= w6 ^ w1 ^ w11;
  w9 = (w9 << 1) | (w9 >>> 31);
  e = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w9) | 0;
  b = (b << 30) | (b >>> 2);
  w10 ^= w7 ^ w2 ^ w12;
  w10 = (w10 << 1) | (w10 >>> 31);
  d = (((e << 5) | (e >>> 27)) + (a ^ b ^ c) + d + 0x6ed9eba1 + w10) | 0;
  a = (a << 30) | (a >>> 2);
  w11 ^= w8 ^ w3 ^ w13;
  w11 = (w11 << 1) | (w11 >>> 31);
  c = (((d << 5) | (d >>> 27)) + (e ^ a ^ b) + c + 0x6ed9eba1 + w11) | 0;
  e = (e << 30) | (e >>> 2);
  w12 ^= w9 ^ w4 ^ w14;
  w12 = (w12 << 1) | (w12 >>> 31);
  b = (((c << 5) | (c >>> 27)) + (d ^ e ^ a) + b + 0x6ed9eba1 + w12) | 0;
  d = (d << 30) | (d >>> 2);
  w13 ^= w10 ^ w5 ^ w15;
  w13 = (w13 << 1) | (w13 >>> 31);
  a = (((b << 5) | (b >>> 27)) + (c ^ d ^ e) + a + 0x6ed9eba1 + w13) | 0;
  c = (c << 30) | (c >>> 2);
  w14 ^= w11 ^ w6 ^ w0;
  w14 = (w14 << 1) | (w14 >>> 31);
  e = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w14) | 0;
  b = (b << 30) | (b >>> 2);
  w15 ^= w12 ^ w7 ^ w1;
  w15 = (w15 << 1) | (w15 >>> 31);
  d = (((e << 5) | (e >>> 27)) + (a ^ b ^ c) + d + 0x6ed9eba1 + w15) | 0;
  a = (a << 30) | (a >>> 2);
  w0 ^= w13 ^ w8 ^ w2;
  w0 = (w0 << 1) | (w0 >>> 31);
  c = (((d << 5) | (d >>> 27)) + (e ^ a ^ b) + c + 0x6ed9eba1 + w0) | 0;
  e = (e << 30) | (e >>> 2);
  w1 ^= w14 ^ w9 ^ w3;
  w1 = (w1 << 1) | (w1 >>> 31);
  b = (((c << 5) | (c >>> 27)) + (d ^ e ^ a) + b + 0x6ed9eba1 + w1) | 0;
  d = (d << 30) | (d >>> 2);
  w2 ^= w15 ^ w10 ^ w4;
  w2 = (w2 << 1) | (w2 >>> 31);
  a = (((b << 5) | (b >>> 27)) + (c ^ d ^ e) + a + 0x6ed9eba1 + w2) | 0;
  c = (c << 30) | (c >>> 2);
  w3 ^= w0 ^ w11 ^ w5;
  w3 = (w3 << 1) | (w3 >>> 31);
  e = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w3) | 0;
  b = (b << 30) | (b >>> 2);
  w4 ^= w1 ^ w12 ^ w6;
  w4 = (w4 << 1) | (w4 >>> 31);
  d = (((e << 5) | (e >>> 27)) + (a ^ b ^ c) + d + 0x6ed9eba1 + w4) | 0;
  a = (a << 30) | (a >>> 2);
  w5 ^= w2 ^ w13 ^ w7;
  w5 = (w5 << 1) | (w5 >>> 31);
  c = (((d << 5) | (d >>> 27)) + (e ^ a ^ b) + c + 0x6ed9eba1 + w5) | 0;
  e = (e << 30) | (e >>> 2);
  w6 ^= w3 ^ w14 ^ w8;
  w6 = (w6 << 1) | (w6 >>> 31);
  b = (((c << 5) | (c >>> 27)) + (d ^ e ^ a) + b + 0x6ed9eba1 + w6) | 0;
  d = (d << 30) | (d >>> 2);
  w7 ^= w4 ^ w15 ^ w9;
  w7 = (w7 << 1) | (w7 >>> 31);
  a = (((b << 5) | (b >>> 27)) + (c ^ d ^ e) + a + 0x6ed9eba1 + w7) | 0;
  c = (c << 30) | (c >>> 2);

  w8 ^= w5 ^ w0 ^ w10;
  w8 = (w8 << 1) | (w8 >>> 31);
  e = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e - 0x70e44324 + w8) | 0;
  b = (b << 30) | (b >>> 2);
  w9 ^= w6 ^ w1 ^ w11;
  w9 = (w9 << 1) | (w9 >>> 31);
  d = (((e << 5) | (e >>> 27)) + ((a & b) | (a & c) | (b & c)) + d - 0x70e44324 + w9) | 0;
  a = (a << 30) | (a >>> 2);
  w10 ^= w7 ^ w2 ^ w12;
  w10 = (w10 << 1) | (w10 >>> 31);
  c = (((d << 5) | (d >>> 27)) + ((e & a) | (e & b) | (a & b)) + c - 0x70e44324 + w10) | 0;
  e = (e << 30) | (e >>> 2);
  w11 ^= w8 ^ w3 ^ w13;
  w11 = (w11 << 1) | (w11 >>> 31);
  b = (((c << 5) | (c >>> 27)) + ((d & e) | (d & a) | (e & a)) + b - 0x70e44324 + w11) | 0;
  d = (d << 30) | (d >>> 2);
  w12 ^= w9 ^ w4 ^ w14;
  w12 = (w12 << 1) | (w12 >>> 31);
  a = (((b << 5) | (b >>> 27)) + ((c & d) | (c & e) | (d & e)) + a - 0x70e44324 + w12) | 0;
  c = (c << 30) | (c >>> 2);
  w13 ^= w10 ^ w5 ^ w15;
  w13 = (w13 << 1) | (w13 >>> 31);
  e = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e - 0x70e44324 + w13) | 0;
  b = (b << 30) | (b >>> 2);
  w14 ^= w11 ^ w6 ^ w0;
  w14 = (w14 << 1) | (w14 >>> 31);
  d = (((e << 5) | (e >>> 27)) + ((a & b) | (a & c) | (b & c)) + d - 0x70e44324 + w14) | 0;
  a = (a << 30) | (a >>> 2);
  w15 ^= w12 ^ w7 ^ w1;
  w15 = (w15 << 1) | (w15 >>> 31);
  c = (((d << 5) | (d >>> 27)) + ((e & a) | (e & b) | (a & b)) + c - 0x70e44324 + w15) | 0;
  e = (e << 30) | (e >>> 2);
  w0 ^= w13 ^ w8 ^ w2;
  w0 = (w0 << 1) | (w0 >>> 31);
  b = (((c << 5) | (c >>> 27)) + ((d & e) | (d & a) | (e & a)) + b - 0x70e44324 + w0) | 0;
  d = (d << 30) | (d >>> 2);
  w1 ^= w14 ^ w9 ^ w3;
  w1 = (w1 << 1) | (w1 >>> 31);
  a = (((b << 5) | (b >>> 27)) + ((c & d) | (c & e) | (d & e)) + a - 0x70e44324 + w1) | 0;
  c = (c << 30) | (c >>> 2);
  w2 ^= w15 ^ w10 ^ w4;
  w2 = (w2 << 1) | (w2 >>> 31);
  e = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e - 0x70e44324 + w2) | 0;
  b = (b << 30) | (b >>> 2);
  w3 ^= w0 ^ w11 ^ w5;
  w3 = (w3 << 1) | (w3 >>> 31);
  d = (((e << 5) | (e >>> 27)) + ((a & b) | (a & c) | (b & c)) + d - 0x70e44324 + w3) | 0;
  a = (a << 30) | (a >>> 2);
  w4 ^= w1 ^ w12 ^ w6;
  w4 = (w4 << 1) | (w4 >>> 31);
  c = (((d << 5) | (d >>> 27)) + ((e & a) | (e & b) | (a & b)) + c - 0x70e44324 + w4) | 0;
  e = (e << 30) | (e >>> 2);
  w5 ^= w2 ^ w13 ^ w7;
  w5 = (w5 << 1) | (w5 >>> 31);
  b = (((c << 5) | (c >>> 27)) + ((d & e) | (d & a) | (e & a)) + b - 0x70e44324 + w5) | 0;
  d = (d << 30) | (d >>> 2);
  w6 ^= w3 ^ w14 ^ w8;
  w6 = (w6 << 1) | (w6 >>> 31);
  a = (((b << 5) | (b >>> 27)) + ((c & d) | (c & e) | (d & e)) + a - 0x70e44324 + w6) | 0;
  c = (c << 30) | (c >>> 2);
  w7 ^= w4 ^ w15 ^ w9;
  w7 = (w7 << 1) | (w7 >>> 31);
  e = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e - 0x70e44324 + w7) | 0;
  b = (b << 30) | (b >>> 2);
  w8 ^= w5 ^ w0 ^ w10;
  w8 = (w8 << 1) | (w8 >>> 31);
  d = (((e << 5) | (e >>> 27)) + ((a & b) | (a & c) | (b & c)) + d - 0x70e44324 + w8) | 0;
  a = (a << 30) | (a >>> 2);
  w9 ^= w6 ^ w1 ^ w11;
  w9 = (w9 << 1) | (w9 >>> 31);
  c = (((d << 5) | (d >>> 27)) + ((e & a) | (e & b) | (a & b)) + c - 0x70e44324 + w9) | 0;
  e = (e << 30) | (e >>> 2);
  w10 ^= w7 ^ w2 ^ w12;
  w10 = (w10 << 1) | (w10 >>> 31);
  b = (((c << 5) | (c >>> 27)) + ((d & e) | (d & a) | (e & a)) + b - 0x70e44324 + w10) | 0;
  d = (d << 30) | (d >>> 2);
  w11 ^= w8 ^ w3 ^ w13;
  w11 = (w11 << 1) | (w11 >>> 31);
  a = (((b << 5) | (b >>> 27)) + ((c & d) | (c & e) | (d & e)) + a - 0x70e44324 + w11) | 0;
  c = (c << 30) | (c >>> 2);

  w12 ^= w9 ^ w4 ^ w14;
  w12 = (w12 << 1) | (w12 >>> 31);
  e = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e - 0x359d3e2a + w12) | 0;
  b = (b << 30) | (b >>> 2);
  w13 ^= w10 ^ w5 ^ w15;
  w13 = (w13 << 1) | (w13 >>> 31);
  d = (((e << 5) | (e >>> 27)) + (a ^ b ^ c) + d - 0x359d3e2a + w13) | 0;
  a = (a << 30) | (a >>> 2);
  w14 ^= w11 ^ w6 ^ w0;
  w14 = (w14 << 1) | (w14 >>> 31);
  c = (((d << 5) | (d >>> 27)) + (e ^ a ^ b) + c - 0x359d3e2a + w14) | 0;
  e = (e << 30) | (e >>> 2);
  w15 ^= w12 ^ w7 ^ w1;
  w15 = (w15 << 1) | (w15 >>> 31);
  b = (((c << 5) | (c >>> 27)) + (d ^ e ^ a) + b - 0x359d3e2a + w15) | 0;
  d = (d << 30) | (d >>> 2);
  w0 ^= w13 ^ w8 ^ w2;
  w0 = (w0 << 1) | (w0 >>> 31);
  a = (((b << 5) | (b >>> 27)) + (c ^ d ^ e) + a - 0x359d3e2a + w0) | 0;
  c = (c << 30) | (c >>> 2);
  w1 ^= w14 ^ w9 ^ w3;
  w1 = (w1 << 1) | (w1 >>> 31);
  e = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e - 0x359d3e2a + w1) | 0;
  b = (b << 30) | (b >>> 2);
  w2 ^= w15 ^ w10 ^ w4;
  w2 = (w2 << 1) | (w2 >>> 31);
  d = (((e << 5) | (e >>> 27)) + (a ^ b ^ c) + d - 0x359d3e2a + w2) | 0;
  a = (a << 30) | (a >>> 2);
  w3 ^= w0 ^ w11 ^ w5;
  w3 = (w3 << 1) | (w3 >>> 31);
  c = (((d << 5) | (d >>> 27)) + (e ^ a ^ b) + c - 0x359d3e2a + w3) | 0;
  e = (e << 30) | (e >>> 2);
  w4 ^= w1 ^ w12 ^ w6;
  w4 = (w4 << 1) | (w4 >>> 31);
  b = (((c << 5) | (c >>> 27)) + (d ^ e ^ a) + b - 0x359d3e2a + w4) | 0;
  d = (d << 30) | (d >>> 2);
  w5 ^= w2 ^ w13 ^ w7;
  w5 = (w5 << 1) | (w5 >>> 31);
  a = (((b << 5) | (b >>> 27)) + (c ^ d ^ e) + a - 0x359d3e2a + w5) | 0;
  c = (c << 30) | (c >>> 2);
  w6 ^= w3 ^ w14 ^ w8;
  w6 = (w6 << 1) | (w6 >>> 31);
  e = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e - 0x359d3e2a + w6) | 0;
  b = (b << 30) | (b >>> 2);
  w7 ^= w4 ^ w15 ^ w9;
  w7 = (w7 << 1) | (w7 >>> 31);
  d = (((e << 5) | (e >>> 27)) + (a ^ b ^ c) + d - 0x359d3e2a + w7) | 0;
  a = (a << 30) | (a >>> 2);
  w8 ^= w5 ^ w0 ^ w10;
  w8 = (w8 << 1) | (w8 >>> 31);
  c = (((d << 5) | (d >>> 27)) + (e ^ a ^ b) + c - 0x359d3e2a + w8) | 0;
  e = (e << 30) | (e >>> 2);
  w9 ^= w6 ^ w1 ^ w11;
  w9 = (w9 << 1) | (w9 >>> 31);
  b = (((c << 5) | (c >>> 27)) + (d ^ e ^ a) + b - 0x359d3e2a + w9) | 0;
  d = (d << 30) | (d >>> 2);
  w10 ^= w7 ^ w2 ^ w12;
  w10 = (w10 << 1) | (w10 >>> 31);
  a = (((b << 5) | (b >>> 27)) + (c ^ d ^ e) + a - 0x359d3e2a + w10) | 0;
  c = (c << 30) | (c >>> 2);
  w11 ^= w8 ^ w3 ^ w13;
  w11 = (w11 << 1) | (w11 >>> 31);
  e = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e - 0x359d3e2a + w11) | 0;
  b = (b << 30) | (b >>> 2);
  w12 ^= w9 ^ w4 ^ w14;
  w12 = (w12 << 1) | (w12 >>> 31);
  d = (((e << 5) | (e >>> 27)) + (a ^ b ^ c) + d - 0x359d3e2a + w12) | 0;
  a = (a << 30) | (a >>> 2);
  w13 ^= w10 ^ w5 ^ w15;
  w13 = (w13 << 1) | (w13 >>> 31);
  c = (((d << 5) | (d >>> 27)) + (e ^ a ^ b) + c - 0x359d3e2a + w13) | 0;
  e = (e << 30) | (e >>> 2);
  w14 ^= w11 ^ w6 ^ w0;
  w14 = (w14 << 1) | (w14 >>> 31);
  b = (((c << 5) | (c >>> 27)) + (d ^ e ^ a) + b - 0x359d3e2a + w14) | 0;
  d = (d << 30) | (d >>> 2);
  w15 ^= w12 ^ w7 ^ w1;
  w15 = (w15 << 1) | (w15 >>> 31);
  a = (((b << 5) | (b >>> 27)) + (c ^ d ^ e) + a - 0x359d3e2a + w15) | 0;
  c = (c << 30) | (c >>> 2);

  state[0] = ((state[0] ?? 0) + a) | 0;
  state[1] = ((state[1] ?? 0) + b) | 0;
  state[2] = ((state[2] ?? 0) + c) | 0;
  state[3] = ((state[3] ?? 0) + d) | 0;
  state[4] = ((state[4] ?? 0) + e) | 0;
}
