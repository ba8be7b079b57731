import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LocalHttpServer } from './local-http-server';

/** Whether the machine has git's own smart-HTTP server (`git http-backend`), which the clone tests need. */
export function hasGitHttpBackend(): boolean {
  const execPath = spawnSync('git', ['--exec-path'], { encoding: 'utf8', timeout: 5000 });
  return execPath.status === 0 && existsSync(join(execPath.stdout.trim(), 'git-http-backend'));
}

/**
 * Serves the repositories under `root` over git's smart HTTP protocol by running `git http-backend`
 * as a CGI script per request — the same server a hosting forge runs, so clones are real clones.
 */
export function startGitHttpServer(root: string): Promise<LocalHttpServer> {
  return LocalHttpServer.start((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    cgi.on('close', () => {
      const output = Buffer.concat(chunks);
      const split = output.indexOf('\r\n\r\n');
      const head = output.subarray(0, Math.max(split, 0)).toString('utf8');
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon === -1) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(status, headers).end(output.subarray(split + 4));
    });
  });
}
