import { Readable } from 'node:stream';
import { splitParts } from './split-parts';

async function collect(chunks: Buffer[], partSize: number): Promise<number[]> {
  const sizes: number[] = [];
  for await (const part of splitParts(Readable.from(chunks), partSize)) sizes.push(part.length);
  return sizes;
}

describe('splitParts', () => {
  it('regroups chunks into full parts and a shorter last one', async () => {
    expect(await collect([Buffer.alloc(3), Buffer.alloc(9), Buffer.alloc(1)], 5)).toEqual([5, 5, 3]);
  });

  it('yields nothing for an empty source and no empty trailing part', async () => {
    expect(await collect([], 5)).toEqual([]);
    expect(await collect([Buffer.alloc(10)], 5)).toEqual([5, 5]);
  });

  it('keeps the bytes in order', async () => {
    const input = Buffer.from('abcdefghijklmnopqrstuvwxyz');
    const pieces: Buffer[] = [];
    for (let i = 0; i < input.length; i += 3) pieces.push(input.subarray(i, i + 3));
    const parts: Buffer[] = [];
    for await (const part of splitParts(Readable.from(pieces), 4)) parts.push(part);
    expect(Buffer.concat(parts).toString()).toBe(input.toString());
  });
});
