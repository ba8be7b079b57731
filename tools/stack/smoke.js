#!/usr/bin/env node
/* eslint-disable */
// Smoke check of the stack started by tools/stack/stack.sh, with the project's real clients
// (kafkajs, minio, pg from the repo's node_modules).
//
//   eval "$(bash tools/stack/stack.sh up)" && node tools/stack/smoke.js [kafka|postgres|s3 ...]
//
// Exits non-zero on the first failure. Uses unique topic/object names and cleans up after itself.
'use strict';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const crypto = require('node:crypto');
const { Readable } = require('node:stream');

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (eval "$(bash tools/stack/stack.sh env)")`);
  return v;
}

function log(...a) {
  console.log('[smoke]', ...a);
}

function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}

const suffix = `${Date.now().toString(36)}-${crypto.randomBytes(3).toString('hex')}`;

async function checkPostgres() {
  const { Client } = require('pg');
  const client = new Client({ connectionString: need('DATABASE_URL') });
  await client.connect();
  try {
    const v = await client.query('select version() as v, current_database() as db');
    assert(v.rows[0].db === 'llmops', `current_database is llmops (got ${v.rows[0].db})`);
    await client.query('create temp table smoke (id serial primary key, doc jsonb not null)');
    await client.query('insert into smoke (doc) values ($1), ($2)', [{ a: 1 }, { a: 2 }]);
    const r = await client.query("select sum((doc->>'a')::int) as s from smoke");
    assert(Number(r.rows[0].s) === 3, 'jsonb round trip');
    const mc = await client.query('show max_connections');
    log(`postgres ok: ${v.rows[0].v.split(' on ')[0]}, max_connections=${mc.rows[0].max_connections}`);
  } finally {
    await client.end();
  }
}

async function checkKafka() {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'stack-smoke',
    brokers: need('KAFKA_BROKERS').split(','),
    logLevel: logLevel.WARN,
    retry: { retries: 3 },
  });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `stack-smoke-${suffix}`;
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: `stack-smoke-${suffix}` });
  try {
    const created = await admin.createTopics({ topics: [{ topic }], waitForLeaders: true });
    assert(created, 'topic created');
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    const partitions = meta.topics[0].partitions.length;
    assert(partitions === 3, `num.partitions=3 (got ${partitions})`);

    await producer.connect();
    const n = 20;
    const sent = Array.from({ length: n }, (_, i) => ({ key: `k${i % 5}`, value: `v${i}` }));
    await producer.send({ topic, messages: sent });

    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const got = [];
    const done = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumed ${got.length}/${n} within 30s`)), 30000);
      consumer
        .run({
          eachMessage: async ({ message }) => {
            got.push(message.value.toString());
            if (got.length === n) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    await done;
    assert(
      got.slice().sort().join(',') ===
        sent
          .map((m) => m.value)
          .sort()
          .join(','),
      'consumed exactly what was produced',
    );

    // auto.create.topics.enable=false: metadata for an unknown topic must not create it.
    const ghost = `stack-smoke-ghost-${suffix}`;
    let ghostErr = null;
    try {
      await admin.fetchTopicMetadata({ topics: [ghost] });
    } catch (e) {
      ghostErr = e;
    }
    const topics = await admin.listTopics();
    assert(!topics.includes(ghost), 'unknown topic was not auto-created');
    log(
      `kafka ok: created ${topic} (${partitions} partitions), produced+consumed ${n} messages, ` +
        `no auto-create (${ghostErr ? ghostErr.type || ghostErr.message : 'no error'})`,
    );
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

async function checkS3() {
  const Minio = require('minio');
  const url = new URL(need('S3_ENDPOINT'));
  const bucket = need('S3_BUCKET');
  const client = new Minio.Client({
    endPoint: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    useSSL: url.protocol === 'https:',
    accessKey: need('S3_ACCESS_KEY'),
    secretKey: need('S3_SECRET_KEY'),
    region: process.env.S3_REGION || 'us-east-1',
    pathStyle: true,
    partSize: 5 * 1024 * 1024, // force multipart for the big object below
  });
  assert(await client.bucketExists(bucket), `bucket ${bucket} exists`);

  const key = `stack-smoke/${suffix}/big.bin`;
  const size = 17 * 1024 * 1024 + 12345; // > 16 MiB, not a multiple of the part size
  const hash = crypto.createHash('sha256');
  let left = size;
  const stream = new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const chunk = crypto.randomBytes(Math.min(left, 1024 * 1024));
      left -= chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  // No size given: the client streams it in parts (multipart upload).
  const put = await client.putObject(bucket, key, stream, undefined, {
    'Content-Type': 'application/octet-stream',
  });
  const want = hash.digest('hex');
  assert(/-\d+"?$/.test(put.etag), `multipart etag ends with -<parts> (got ${put.etag})`);

  const stat = await client.statObject(bucket, key);
  assert(stat.size === size, `statObject size ${stat.size} === ${size}`);

  const body = await client.getObject(bucket, key);
  const gh = crypto.createHash('sha256');
  for await (const c of body) gh.update(c);
  assert(gh.digest('hex') === want, 'getObject returns the same bytes');

  // Range read.
  const part = await client.getPartialObject(bucket, key, 10, 100);
  let plen = 0;
  for await (const c of part) plen += c.length;
  assert(plen === 100, `getPartialObject length 100 (got ${plen})`);

  const small = `stack-smoke/${suffix}/small.txt`;
  await client.putObject(bucket, small, Buffer.from('hello stack'), 11, { 'Content-Type': 'text/plain' });

  const listed = [];
  await new Promise((resolve, reject) => {
    const s = client.listObjectsV2(bucket, `stack-smoke/${suffix}/`, true);
    s.on('data', (o) => listed.push(o.name));
    s.on('error', reject);
    s.on('end', resolve);
  });
  assert(listed.includes(key) && listed.includes(small), `listObjectsV2 sees both objects (got ${listed})`);
  const listedV1 = [];
  await new Promise((resolve, reject) => {
    const s = client.listObjects(bucket, `stack-smoke/${suffix}/`, true);
    s.on('data', (o) => listedV1.push(o.name));
    s.on('error', reject);
    s.on('end', resolve);
  });
  assert(listedV1.length === 2, `listObjects (v1) sees both objects (got ${listedV1})`);

  const presigned = await client.presignedGetObject(bucket, key, 60);
  const res = await fetch(presigned);
  assert(res.ok, `presigned GET status ${res.status}`);
  const ph = crypto
    .createHash('sha256')
    .update(Buffer.from(await res.arrayBuffer()))
    .digest('hex');
  assert(ph === want, 'presigned GET returns the same bytes');

  const presignedPut = await client.presignedPutObject(bucket, `stack-smoke/${suffix}/pp.txt`, 60);
  const pres = await fetch(presignedPut, { method: 'PUT', body: 'via presigned put' });
  assert(pres.ok, `presigned PUT status ${pres.status}`);

  await client.removeObjects(bucket, [key, small, `stack-smoke/${suffix}/pp.txt`]);
  let gone = false;
  try {
    await client.statObject(bucket, key);
  } catch (e) {
    gone = e.code === 'NotFound' || e.code === 'NoSuchKey';
  }
  assert(gone, 'removed object is gone');
  log(`s3 ok: multipart put ${size} B (etag ${put.etag}), stat, get, range, list, presigned get/put, remove`);
}

const checks = { postgres: checkPostgres, kafka: checkKafka, s3: checkS3 };

(async () => {
  const which = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(checks);
  for (const name of which) {
    if (!checks[name]) throw new Error(`unknown check ${name}`);
    const t0 = Date.now();
    await checks[name]();
    log(`${name}: ${Date.now() - t0} ms`);
  }
  log('all checks passed');
})().catch((e) => {
  console.error('[smoke] FAILED:', e && e.stack ? e.stack : e);
  process.exit(1);
});
