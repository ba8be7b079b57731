import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AppError } from '@llmops/http';
import { FsObjectStore } from '@llmops/storage';
import { DEFAULT_DOWNLOAD_LIMITS, type DownloadLimits } from '../domain/download-limits';
import { ArtifactDownloadService } from './artifact-download.service';
import { UrlArtifactImportService, type UrlArtifactRequest } from './url-artifact-import.service';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const WEIGHTS = randomBytes(300 * 1024);

/** Routes of a real local server: what the registry meets on the internet, in miniature. */
function serve(res: ServerResponse, route: string): void {
  switch (route) {
    case '/weights.bin':
      res.writeHead(200, { 'content-length': WEIGHTS.length });
      res.end(WEIGHTS);
      return;
    case '/chunked.bin':
      // No Content-Length: only the running count can stop it.
      res.writeHead(200);
      for (let i = 0; i < 8; i += 1) res.write(WEIGHTS.subarray(0, 64 * 1024));
      res.end();
      return;
    case '/stall-headers':
      return; // never answers
    case '/stall-body':
      res.writeHead(200, { 'content-length': 1000 });
      res.write(Buffer.alloc(10)); // then nothing more
      return;
    default:
      res.writeHead(404, 'Not Found');
      res.end('no such file');
  }
}

describe('UrlArtifactImportService (real http server, fs store)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'registry-import-'));
  const store = new FsObjectStore({ dir });
  const service = new UrlArtifactImportService(new ArtifactDownloadService(store), store);
  const server: Server = createServer((req, res) => {
    serve(res, new URL(req.url ?? '/', 'http://localhost').pathname);
  });
  let base = '';
  const limits = (overrides: Partial<DownloadLimits> = {}): DownloadLimits => ({
    ...DEFAULT_DOWNLOAD_LIMITS,
    ...overrides,
  });
  const request = (route: string, overrides: Partial<UrlArtifactRequest> = {}): UrlArtifactRequest => ({
    index: 0,
    url: `${base}${route}`,
    sha256: sha256(WEIGHTS),
    size: null,
    role: 'model',
    filename: null,
    ...overrides,
  });

  beforeAll(async () => {
    await store.ensureReady();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  async function failure(promise: Promise<unknown>): Promise<AppError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected the import to fail');
  }

  it('streams a file into the folder and records its URL as the source', async () => {
    const [imported] = await service.importAll(
      [request('/weights.bin?token=secret', { size: WEIGHTS.length })],
      'models/m1/v1',
      limits(),
    );
    expect(imported).toMatchObject({
      index: 0,
      key: 'models/m1/v1/weights.bin',
      artifact: {
        sha256: sha256(WEIGHTS),
        size: WEIGHTS.length,
        role: 'model',
        source: `${base}/weights.bin`,
      },
    });
    expect(sha256(await store.getBuffer('models/m1/v1/weights.bin'))).toBe(sha256(WEIGHTS));
  });

  it('answers CHECKSUM_MISMATCH and deletes the download when sha256 or size differ', async () => {
    const wrongSha = await failure(
      service.importAll(
        [request('/weights.bin', { sha256: sha256(Buffer.from('x')) })],
        'models/m2/v',
        limits(),
      ),
    );
    expect(wrongSha).toMatchObject({ code: 'CHECKSUM_MISMATCH', status: 422 });
    expect(wrongSha.errors?.[0]?.path).toBe('artifacts.0.sha256');
    const wrongSize = await failure(
      service.importAll([request('/weights.bin', { size: 5 })], 'models/m2/v', limits()),
    );
    expect(wrongSize.code).toBe('CHECKSUM_MISMATCH');
    expect(await store.listAll('models/m2/')).toEqual([]);
  });

  it('answers ARTIFACT_UNREACHABLE naming the URL for a 404 and for a refused connection', async () => {
    const missing = await failure(service.importAll([request('/absent.bin')], 'models/m3/v', limits()));
    expect(missing).toMatchObject({ code: 'ARTIFACT_UNREACHABLE', status: 422 });
    expect(missing.detail).toContain(`${base}/absent.bin: HTTP 404 Not Found`);
    expect(missing.errors?.[0]?.path).toBe('artifacts.0.url');

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await failure(
      service.importAll([{ ...request(''), url: `http://127.0.0.1:${port}/x.bin` }], 'models/m3/v', limits()),
    );
    expect(refused.code).toBe('ARTIFACT_UNREACHABLE');
    expect(refused.detail).toContain('ECONNREFUSED');
  });

  it('answers ARTIFACT_TOO_LARGE from Content-Length up front, or from the running count', async () => {
    const declared = await failure(
      service.importAll([request('/weights.bin')], 'models/m4/v', limits({ maxBytes: 1000 })),
    );
    expect(declared.code).toBe('ARTIFACT_TOO_LARGE');
    expect(declared.detail).toContain('Content-Length');
    const counted = await failure(
      service.importAll([request('/chunked.bin')], 'models/m4/v', limits({ maxBytes: 100_000 })),
    );
    expect(counted.code).toBe('ARTIFACT_TOO_LARGE');
    expect(counted.detail).toContain('more than 100000 bytes');
    expect(await store.listAll('models/m4/')).toEqual([]);
  });

  it('gives up on a server that stalls before the headers or in the body', async () => {
    const started = Date.now();
    const headers = await failure(
      service.importAll([request('/stall-headers')], 'models/m5/v', limits({ headersTimeoutMs: 300 })),
    );
    expect(headers.code).toBe('ARTIFACT_UNREACHABLE');
    expect(headers.detail).toContain('no response within 300 ms');
    const body = await failure(
      service.importAll([request('/stall-body')], 'models/m5/v', limits({ idleTimeoutMs: 300 })),
    );
    expect(body.detail).toContain('no data for 300 ms');
    const total = await failure(
      service.importAll([request('/stall-body')], 'models/m5/v', limits({ totalTimeoutMs: 400 })),
    );
    expect(total.detail).toContain('not downloaded within 400 ms');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await store.listAll('models/m5/')).toEqual([]);
  });

  it('removes the artifacts already downloaded when a later one fails (all or nothing)', async () => {
    const error = await failure(
      service.importAll(
        [request('/weights.bin'), request('/absent.bin', { index: 1 })],
        'models/m6/v',
        limits(),
      ),
    );
    expect(error.errors?.[0]?.path).toBe('artifacts.1.url');
    expect(await store.listAll('models/m6/')).toEqual([]);
  });
});
