'use strict';
// Container healthcheck without curl (the runtime image has none): exits 0 when GET <url> answers 2xx
// within 4 s, 1 otherwise. Used by docker-compose.yml; Kubernetes probes the same paths with httpGet.
//
//   node deploy/docker/healthcheck.js [url]     default: http://127.0.0.1:$PORT/health/ready
const url = process.argv[2] || `http://127.0.0.1:${process.env.PORT || '8080'}/health/ready`;

fetch(url, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
