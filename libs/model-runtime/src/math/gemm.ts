/**
 * C[m×n] = scale · A[m×k] · B[n×k]ᵀ, or C += that when `accumulate`. Row-major, and both operands are
 * read along their rows, so every inner loop walks contiguous memory; callers transpose instead of
 * needing other variants. The 4×4 register tile loads 8 values per 16 multiply-adds instead of 2 per 1,
 * which is what takes plain JavaScript from ~0.4 to ~1 GMAC/s on one core.
 */
export function gemmNT(
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  scale = 1,
  accumulate = false,
): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      // prettier-ignore
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      // prettier-ignore
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      // prettier-ignore
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      // prettier-ignore
      let s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = b[b0 + p] ?? 0;
        const x1 = b[b1 + p] ?? 0;
        const x2 = b[b2 + p] ?? 0;
        const x3 = b[b3 + p] ?? 0;
        let w = a[a0 + p] ?? 0;
        s00 += w * x0;
        s01 += w * x1;
        s02 += w * x2;
        s03 += w * x3;
        w = a[a1 + p] ?? 0;
        s10 += w * x0;
        s11 += w * x1;
        s12 += w * x2;
        s13 += w * x3;
        w = a[a2 + p] ?? 0;
        s20 += w * x0;
        s21 += w * x1;
        s22 += w * x2;
        s23 += w * x3;
        w = a[a3 + p] ?? 0;
        s30 += w * x0;
        s31 += w * x1;
        s32 += w * x2;
        s33 += w * x3;
      }
      let o = i * n + j;
      store4(c, o, s00, s01, s02, s03, scale, accumulate);
      o += n;
      store4(c, o, s10, s11, s12, s13, scale, accumulate);
      o += n;
      store4(c, o, s20, s21, s22, s23, scale, accumulate);
      o += n;
      store4(c, o, s30, s31, s32, s33, scale, accumulate);
    }
    for (; j < n; j++) {
      const b0 = j * k;
      // prettier-ignore
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let p = 0; p < k; p++) {
        const x = b[b0 + p] ?? 0;
        s0 += (a[a0 + p] ?? 0) * x;
        s1 += (a[a1 + p] ?? 0) * x;
        s2 += (a[a2 + p] ?? 0) * x;
        s3 += (a[a3 + p] ?? 0) * x;
      }
      store1(c, i * n + j, s0, scale, accumulate);
      store1(c, (i + 1) * n + j, s1, scale, accumulate);
      store1(c, (i + 2) * n + j, s2, scale, accumulate);
      store1(c, (i + 3) * n + j, s3, scale, accumulate);
    }
  }
  for (; i < m; i++) gemvRow(i, n, k, a, b, c, scale, accumulate);
}

/** One row of A against all rows of B, four rows of B at a time (the batch-of-one case: generation). */
function gemvRow(
  i: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  scale: number,
  accumulate: boolean,
): void {
  const a0 = i * k;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const b0 = j * k;
    const b1 = b0 + k;
    const b2 = b1 + k;
    const b3 = b2 + k;
    // prettier-ignore
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let p = 0; p < k; p++) {
      const w = a[a0 + p] ?? 0;
      s0 += w * (b[b0 + p] ?? 0);
      s1 += w * (b[b1 + p] ?? 0);
      s2 += w * (b[b2 + p] ?? 0);
      s3 += w * (b[b3 + p] ?? 0);
    }
    store4(c, i * n + j, s0, s1, s2, s3, scale, accumulate);
  }
  for (; j < n; j++) {
    const b0 = j * k;
    let s = 0;
    for (let p = 0; p < k; p++) s += (a[a0 + p] ?? 0) * (b[b0 + p] ?? 0);
    store1(c, i * n + j, s, scale, accumulate);
  }
}

function store4(
  c: Float32Array,
  o: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  scale: number,
  accumulate: boolean,
): void {
  if (accumulate) {
    c[o] = (c[o] ?? 0) + scale * s0;
    c[o + 1] = (c[o + 1] ?? 0) + scale * s1;
    c[o + 2] = (c[o + 2] ?? 0) + scale * s2;
    c[o + 3] = (c[o + 3] ?? 0) + scale * s3;
  } else {
    c[o] = scale * s0;
    c[o + 1] = scale * s1;
    c[o + 2] = scale * s2;
    c[o + 3] = scale * s3;
  }
}

function store1(c: Float32Array, o: number, s: number, scale: number, accumulate: boolean): void {
  c[o] = accumulate ? (c[o] ?? 0) + scale * s : scale * s;
}

/** dst[cols×rows] = src[rows×cols]ᵀ. */
export function transpose(src: Float32Array, rows: number, cols: number, dst: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let col = 0; col < cols; col++) dst[col * rows + r] = src[base + col] ?? 0;
  }
}
