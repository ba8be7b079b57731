// The affine32 permute-and-min step as a WebAssembly SIMD kernel: `acc = min_u(acc, a·h + b)` on four
// permutations per instruction, sixteen per pass over the hashes. JS has no SIMD and spends ~1.5 ns per
// (hash, permutation); this runs several times faster, and the step is half of the signature time.
// The module is assembled here from a few opcodes rather than shipped as an opaque blob, so it can be
// read and checked (affine32-simd-kernel.spec.ts compares it with the JS loop). Where WebAssembly SIMD
// is unavailable, or numPerm is not a multiple of 16, callers fall back to the JS loop.
import type { Affine32Permutations } from './permutations';
import { wasmApi, type WasmMemory, type WasmModule } from './wasm-api';

// Opcodes (WebAssembly core spec and the fixed-width SIMD proposal, both standard since 2021).
const OP = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  i32Load: 0x28,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Shl: 0x74,
  simd: 0xfd,
} as const;
const SIMD = {
  v128Load: 0x00,
  v128Store: 0x0b,
  i32x4Splat: 0x11,
  i32x4Add: 0xae,
  i32x4Mul: 0xb5,
  i32x4MinU: 0xb7,
};
const I32 = 0x7f;
const V128 = 0x7b;
const EMPTY_BLOCK = 0x40;

/** Unsigned LEB128. */
function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 for small constants (|value| < 2^13 here). */
function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const simd = (op: number): number[] => [OP.simd, ...uleb(op)];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
/** An export name: ASCII only, so UTF-16 code units are its UTF-8 bytes. */
const name = (s: string): number[] => vector(Array.from({ length: s.length }, (_, i) => [s.charCodeAt(i)]));

// Parameters: aPtr, bPtr, hashPtr, count, outPtr, blocks (numPerm / 16). Then the locals below.
const [A, B, H, COUNT, OUT, BLOCKS] = [0, 1, 2, 3, 4, 5];
const [BLOCK, LEFT, OFFSET, HP] = [6, 7, 8, 9];
const VA = [10, 11, 12, 13];
const VB = [14, 15, 16, 17];
const ACC = [18, 19, 20, 21];
const X = 22;

function body(): number[] {
  const get = (i: number): number[] => [OP.localGet, i];
  const set = (i: number): number[] => [OP.localSet, i];
  const at = (base: number): number[] => [...get(base), ...get(OFFSET), OP.i32Add];
  const code: number[] = [];
  code.push(OP.block, EMPTY_BLOCK, OP.loop, EMPTY_BLOCK);
  // for (block = 0; block < blocks; block++): sixteen permutations, i.e. four vectors.
  code.push(...get(BLOCK), ...get(BLOCKS), OP.i32GeU, OP.brIf, 1);
  code.push(...get(BLOCK), OP.i32Const, ...sleb(6), OP.i32Shl, ...set(OFFSET));
  for (let j = 0; j < 4; j++) {
    const memarg = [4, ...uleb(16 * j)];
    code.push(...at(A), ...simd(SIMD.v128Load), ...memarg, ...set(VA[j] ?? 0));
    code.push(...at(B), ...simd(SIMD.v128Load), ...memarg, ...set(VB[j] ?? 0));
    code.push(...at(OUT), ...simd(SIMD.v128Load), ...memarg, ...set(ACC[j] ?? 0));
  }
  code.push(...get(H), ...set(HP), ...get(COUNT), ...set(LEFT));
  code.push(OP.block, EMPTY_BLOCK, OP.loop, EMPTY_BLOCK);
  // for each hash: x = splat(h); acc_j = min_u(acc_j, a_j * x + b_j), lanes wrapping mod 2^32.
  code.push(...get(LEFT), OP.i32Eqz, OP.brIf, 1);
  code.push(...get(HP), OP.i32Load, 2, 0, ...simd(SIMD.i32x4Splat), ...set(X));
  for (let j = 0; j < 4; j++) {
    code.push(...get(ACC[j] ?? 0), ...get(VA[j] ?? 0), ...get(X), ...simd(SIMD.i32x4Mul));
    code.push(...get(VB[j] ?? 0), ...simd(SIMD.i32x4Add), ...simd(SIMD.i32x4MinU), ...set(ACC[j] ?? 0));
  }
  code.push(...get(HP), OP.i32Const, ...sleb(4), OP.i32Add, ...set(HP));
  code.push(...get(LEFT), OP.i32Const, ...sleb(1), OP.i32Sub, ...set(LEFT));
  code.push(OP.br, 0, OP.end, OP.end);
  for (let j = 0; j < 4; j++) {
    code.push(...at(OUT), ...get(ACC[j] ?? 0), ...simd(SIMD.v128Store), 4, ...uleb(16 * j));
  }
  code.push(...get(BLOCK), OP.i32Const, ...sleb(1), OP.i32Add, ...set(BLOCK));
  code.push(OP.br, 0, OP.end, OP.end, OP.end);
  const locals = vector([
    [...uleb(4), I32],
    [...uleb(13), V128],
  ]);
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

function moduleBytes(): Uint8Array {
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([[0x60, ...vector([[I32], [I32], [I32], [I32], [I32], [I32]]), 0x00]])),
    ...section(3, vector([[0x00]])),
    ...section(5, vector([[0x00, 0x01]])),
    ...section(
      7,
      vector([
        [...name('memory'), 0x02, 0x00],
        [...name('permuteMin'), 0x00, 0x00],
      ]),
    ),
    ...section(10, vector([body()])),
  ];
  return Uint8Array.from(bytes);
}

let compiled: WasmModule | null | undefined;

/** The compiled module, or null where this runtime has no WebAssembly SIMD. */
function compiledModule(): WasmModule | null {
  if (compiled === undefined) {
    const bytes = moduleBytes();
    compiled = wasmApi?.validate(bytes) ? new wasmApi.Module(bytes) : null;
  }
  return compiled;
}

const PAGE = 65536;

/** One kernel instance per permutation set: a and b live in its memory, then `out`, then the hashes. */
export class Affine32SimdKernel {
  private readonly numPerm: number;
  private readonly memory: WasmMemory;
  private readonly permuteMin: (
    a: number,
    b: number,
    h: number,
    count: number,
    out: number,
    blocks: number,
  ) => void;
  private words: Uint32Array;
  private readonly outPtr: number;
  private readonly hashPtr: number;

  private constructor(perms: Affine32Permutations, api: NonNullable<typeof wasmApi>, module: WasmModule) {
    this.numPerm = perms.a.length;
    const { memory, permuteMin } = new api.Instance(module).exports as {
      memory: WasmMemory;
      permuteMin: Affine32SimdKernel['permuteMin'];
    };
    this.memory = memory;
    this.permuteMin = permuteMin;
    this.outPtr = 8 * this.numPerm;
    this.hashPtr = 12 * this.numPerm;
    this.words = new Uint32Array(memory.buffer);
    this.reserve(0);
    this.words.set(perms.a, 0);
    this.words.set(perms.b, this.numPerm);
  }

  /** A kernel for these permutations, or null (no SIMD, or numPerm not a multiple of 16). */
  static create(perms: Affine32Permutations): Affine32SimdKernel | null {
    const module = perms.a.length % 16 === 0 ? compiledModule() : null;
    return module && wasmApi ? new Affine32SimdKernel(perms, wasmApi, module) : null;
  }

  /** out[k] = min(out[k], min_i (a_k · mixed[i] + b_k) mod 2^32), `mixed` being fmix32-ed hashes. */
  minInto(mixed: Int32Array, count: number, out: Uint32Array): void {
    this.reserve(count);
    const words = this.words;
    const outWord = this.outPtr >>> 2;
    words.set(out, outWord);
    words.set(mixed.subarray(0, count), this.hashPtr >>> 2);
    this.permuteMin(0, 4 * this.numPerm, this.hashPtr, count, this.outPtr, this.numPerm >>> 4);
    out.set(words.subarray(outWord, outWord + this.numPerm));
  }

  /** Grows memory to hold `count` hashes after the permutations and `out`. */
  private reserve(count: number): void {
    const needed = this.hashPtr + 4 * count;
    if (needed > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((needed - this.memory.buffer.byteLength) / PAGE));
    }
    if (this.words.buffer !== this.memory.buffer) this.words = new Uint32Array(this.memory.buffer);
  }
}
