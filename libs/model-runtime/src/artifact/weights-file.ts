import type { NamedTensor } from '../model/model-weights';

/** One tensor's entry in model.json's table: where its values start in weights.bin. */
export interface TensorEntry {
  readonly name: string;
  readonly shape: readonly number[];
  /** Byte offset into weights.bin. */
  readonly offset: number;
}

/** weights.bin: the tensors back to back as little-endian float32, in table order, no header. */
export function packTensors(tensors: readonly NamedTensor[]): { bytes: Buffer; entries: TensorEntry[] } {
  const total = tensors.reduce((sum, tensor) => sum + tensor.data.length, 0);
  const bytes = Buffer.alloc(total * 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: TensorEntry[] = [];
  let offset = 0;
  for (const { name, shape, data } of tensors) {
    entries.push({ name, shape: [...shape], offset });
    for (let i = 0; i < data.length; i++) view.setFloat32(offset + i * 4, data[i] ?? 0, true);
    offset += data.length * 4;
  }
  return { bytes, entries };
}

/** Reads the tensors of `entries` out of weights.bin; throws when one does not fit in the file. */
export function unpackTensors(bytes: Uint8Array, entries: readonly TensorEntry[]): Map<string, Float32Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tensors = new Map<string, Float32Array>();
  for (const { name, shape, offset } of entries) {
    const length = shape.reduce((product, size) => product * size, 1);
    if (offset % 4 !== 0 || offset < 0 || offset + length * 4 > bytes.byteLength) {
      throw new Error(`tensor ${name} (offset ${offset}, ${length} values) lies outside weights.bin`);
    }
    const data = new Float32Array(length);
    for (let i = 0; i < length; i++) data[i] = view.getFloat32(offset + i * 4, true);
    tensors.set(name, data);
  }
  return tensors;
}
