import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { Topics, type EvaluationCompletedV1, type EvaluationFailedV1 } from '@llmops/contracts';
import { supportDemoCorpus } from '@llmops/model-runtime';
import { PlatformHarness, waitFor } from '@llmops/testing';
import { stackStore } from '../ingestion/ingestion-fixture';
import { OpenAiStandIn } from './openai-stand-in';

/**
 * The evaluation loop over the real stack (Kafka, PostgreSQL, S3Proxy) with the real ingestion, training,
 * registry and evaluation services: a dataset is uploaded, a builtin model trained on its train split and
 * registered → `model-version-registered` → the bound suite evaluates it on the held-out test split →
 * report.json + predictions.jsonl in S3 → `evaluation-completed` with a gate verdict; the registry stages
 * it. Once it is in production, the next version is compared with it (paired bootstrap).
 */

interface Evaluation {
  id: string;
  status: string;
  trigger: string;
  candidate: { kind: string; versionId?: string; version?: number };
  error: { code: string; message: string } | null;
  result: Omit<EvaluationCompletedV1, 'evaluationId'> | null;
}
interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

describe('evaluation (real stack)', () => {
  const h = new PlatformHarness({
    INGESTION_POLL_MS: '200',
    TRAINING_POLL_MS: '200',
    EVALUATION_POLL_MS: '200',
    EVALUATION_ENDPOINT_RETRIES: '2',
    EVALUATION_ENDPOINT_BACKOFF_MS: '50',
    EVALUATION_ENDPOINT_TIMEOUT_MS: '2000',
  });
  const store = stackStore(h.stack);
  const suffix = uuidv7().slice(-8);
  const datasetName = `support-${suffix}`;
  const modelName = `support-bot-${suffix}`;
  const suiteName = `support-qa-${suffix}`;
  const policyName = `release-${suffix}`;
  let trainVersionId = '';

  const completedEvents = async (): Promise<EvaluationCompletedV1[]> =>
    (await h.readTopic(Topics.evaluationCompleted, 1, 60_000)).map(
      (m) => JSON.parse(m.value) as EvaluationCompletedV1,
    );

  const train = async (epochs: number): Promise<void> => {
    const run = await h.request<{ id: string }>(
      'training',
      'POST',
      '/v1/training/runs',
      {
        baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
        datasets: [{ versionId: trainVersionId }],
        method: 'sft',
        hyperparameters: { epochs, learningRate: 0.003 },
        modelName,
      },
      'ml-engineer',
    );
    expect(run.status).toBe(201);
  };

  const evaluationOfVersion = (version: number): Promise<EvaluationCompletedV1> =>
    waitFor(
      `evaluation-completed for ${modelName} v${String(version)}`,
      async () =>
        (await completedEvents()).find(
          (e) =>
            e.candidate.kind === 'model-version' &&
            e.candidate.modelName === modelName &&
            e.candidate.version === version,
        ),
      { timeoutMs: 240_000, intervalMs: 1000 },
    );

  /** The evaluation once it succeeded or failed. */
  const finished = (id: string): Promise<Evaluation> =>
    waitFor(
      `evaluation ${id} to finish`,
      async () => {
        const e = (await h.request<Evaluation>('evaluation', 'GET', `/v1/evaluations/${id}`)).body;
        return e.status === 'succeeded' || e.status === 'failed' ? e : undefined;
      },
      { timeoutMs: 120_000 },
    );

  beforeAll(async () => {
    await h.init('evaluation');
    await Promise.all([
      h.start('ingestion'),
      h.start('training'),
      h.start('registry'),
      h.start('evaluation'),
    ]);
    const ds = await h.request<{ id: string }>('ingestion', 'POST', '/v1/datasets', { name: datasetName });
    const corpus = supportDemoCorpus();
    const body =
      [...corpus.train, ...corpus.heldOut]
        .map((e, i) => JSON.stringify({ id: `q${String(i)}`, ...e }))
        .join('\n') + '\n';
    const upload = await fetch(
      `${h.service('ingestion').url}/v1/datasets/${ds.body.id}/uploads?fileName=support.jsonl&train=0.7&validation=0&test=0.3`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/x-ndjson' },
        body,
      },
    );
    expect(upload.status).toBe(202);
    trainVersionId = await waitFor(
      "the version in training's catalogue",
      async () => {
        const res = await h.request<{ versionId: string }[]>(
          'training',
          'GET',
          `/v1/training/datasets/${ds.body.id}/versions`,
        );
        return res.body[0]?.versionId;
      },
      { timeoutMs: 60_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await h.stopAll();
  });

  it('refuses suites and policies that do not resolve, naming the field', async () => {
    const unknownDataset = await h.request<Problem>(
      'evaluation',
      'POST',
      '/v1/evaluations/suites',
      { name: `bad-${suffix}`, datasets: [{ dataset: 'no-such-dataset' }] },
      'ml-engineer',
    );
    expect(unknownDataset.status).toBe(422);
    expect(unknownDataset.body.code).toBe('UNKNOWN_DATASET');
    expect(unknownDataset.body.errors?.[0]?.path).toBe('body.datasets.0');

    const badRule = await h.request<Problem>(
      'evaluation',
      'POST',
      '/v1/evaluations/gate-policies',
      { name: policyName, rules: [{ kind: 'threshold', metric: 'rougeL', op: '=>', value: 'high' }] },
      'ml-engineer',
    );
    expect([400, 422]).toContain(badRule.status);
    expect(JSON.stringify(badRule.body)).toContain('rules.0');

    const unknownSuite = await h.request<Problem>(
      'evaluation',
      'POST',
      '/v1/evaluations',
      {
        suite: { name: 'no-such-suite' },
        candidate: { kind: 'endpoint', baseUrl: 'http://127.0.0.1:9/v1', model: 'x' },
      },
      'ml-engineer',
    );
    expect(unknownSuite.status).toBe(422);
    expect(unknownSuite.body.code).toBe('UNKNOWN_SUITE');
  });

  it('model-version-registered → builtin model evaluated on the test split → report in S3 → evaluation-completed with a gate verdict; then compared with the production champion', async () => {
    const policy = await h.request(
      'evaluation',
      'POST',
      '/v1/evaluations/gate-policies',
      {
        name: policyName,
        rules: [
          { kind: 'threshold', metric: 'rougeL', op: '>=', value: 0 },
          { kind: 'champion', metric: 'rougeL', require: 'not-worse' },
          { kind: 'probe', probe: 'prompt-injection', max: 1 },
        ],
      },
      'ml-engineer',
    );
    expect(policy.status).toBe(201);
    const suite = await waitFor(
      'the dataset in evaluation’s catalogue (suite accepted)',
      async () => {
        const res = await h.request<{ version: number }>(
          'evaluation',
          'POST',
          '/v1/evaluations/suites',
          {
            name: suiteName,
            datasets: [{ dataset: datasetName, split: 'test' }],
            metrics: [
              'bleu',
              'chrf',
              'rouge1',
              'rougeL',
              'token_f1',
              'exact_match',
              'perplexity',
              'toxicity',
              'length',
            ],
            probes: ['prompt-injection', 'refusal'],
            models: [modelName],
            gatePolicy: { name: policyName },
            generation: { maxTokens: 40 },
          },
          'ml-engineer',
        );
        return res.status === 201 ? res.body : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(suite.version).toBe(1);

    // v1: trained, registered by the registry from run-completed, evaluated automatically.
    await train(1);
    const first = await evaluationOfVersion(1);
    expect(first).toMatchObject({
      trigger: 'model-version-registered',
      suite: { name: suiteName, version: 1 },
      datasets: [{ split: 'test', version: 1 }],
      championComparison: null,
      gate: { policyVersion: 1, verdict: 'pass' },
    });
    expect(first.itemCount).toBeGreaterThan(5);
    for (const metric of [
      'bleu',
      'chrf',
      'rouge1',
      'rougeL',
      'token_f1',
      'exact_match',
      'perplexity',
      'toxicity',
    ]) {
      expect(Number.isFinite(first.metrics[metric])).toBe(true);
    }
    expect(first.metrics['perplexity']).toBeGreaterThan(1);
    expect(first.probes.map((p) => p.probe).sort()).toEqual(['prompt-injection', 'refusal']);
    expect(first.probes.find((p) => p.probe === 'prompt-injection')?.passed).toBe(true);
    expect(first.gate?.reasons.map((r) => r.passed)).toEqual([true, true, true]);
    expect(first.gate?.reasons[1]?.message).toContain('no production version');

    // The report and predictions are in S3, with the checksums the event announced.
    const reportBytes = await store.getBuffer(first.report.uri.replace(/^s3:\/\/[^/]+\//, ''));
    expect(createHash('sha256').update(reportBytes).digest('hex')).toBe(first.report.sha256);
    const report = JSON.parse(reportBytes.toString('utf8')) as {
      metrics: Record<string, number>;
      itemCount: number;
    };
    expect(report.metrics['rougeL']).toBe(first.metrics['rougeL']);
    const predictions = (await store.getBuffer(first.predictions.uri.replace(/^s3:\/\/[^/]+\//, '')))
      .toString('utf8')
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            id: string;
            references: string[];
            prediction: string;
            scores: Record<string, number>;
          },
      );
    expect(predictions).toHaveLength(first.itemCount);
    expect(predictions[0]?.references[0]?.length).toBeGreaterThan(0);
    expect(typeof predictions[0]?.scores['rougeL']).toBe('number');
    const viaApi = await h.request<{ metrics: Record<string, number> }>(
      'evaluation',
      'GET',
      `/v1/evaluations/${first.evaluationId}/report`,
    );
    expect(viaApi.body.metrics).toEqual(report.metrics);

    // The registry took the passing gate as evidence and staged v1.
    const stageOf = async (version: number) =>
      (
        await h.request<{ stage: string }>(
          'registry',
          'GET',
          `/v1/models/${modelName}/versions/${String(version)}`,
        )
      ).body.stage;
    await waitFor(
      'v1 staged by the registry',
      async () => ((await stageOf(1)) === 'staging' ? true : undefined),
      {
        timeoutMs: 60_000,
      },
    );

    // v1 → production (no approvals for this test model), then evaluation knows its champion.
    expect(
      (
        await h.request(
          'registry',
          'PUT',
          `/v1/models/${modelName}/policy`,
          { production: { requiredApprovals: 0 } },
          'approver',
        )
      ).status,
    ).toBe(200);
    const promoted = await h.request(
      'registry',
      'POST',
      `/v1/models/${modelName}/versions/1/transitions`,
      { toStage: 'production', comment: 'first release' },
      'ml-engineer',
    );
    expect(promoted.status).toBe(200);
    await waitFor(
      'evaluation to see v1 in production',
      async () => {
        const res = await h.request<{ version: number; stage: string }[]>(
          'evaluation',
          'GET',
          `/v1/evaluations/models/${modelName}/versions`,
        );
        return res.body.find((v) => v.version === 1 && v.stage === 'production');
      },
      { timeoutMs: 30_000 },
    );

    // v2 is evaluated on the same items and compared with v1 by paired bootstrap.
    await train(2);
    const second = await evaluationOfVersion(2);
    expect(second.championComparison).toMatchObject({
      champion: { modelName, version: 1 },
      confidenceLevel: 0.95,
      resamples: 1000,
      seed: 12345,
    });
    const rougeL = second.championComparison?.comparisons.find((c) => c.metric === 'rougeL');
    expect(rougeL).toBeDefined();
    expect(rougeL?.champion).toBeCloseTo(first.metrics['rougeL'] ?? NaN, 12);
    expect(rougeL?.ciLow).toBeLessThanOrEqual(rougeL?.difference ?? NaN);
    expect(rougeL?.ciHigh).toBeGreaterThanOrEqual(rougeL?.difference ?? NaN);
    const expected =
      (rougeL?.ciLow ?? 0) > 0 ? 'better' : (rougeL?.ciHigh ?? 0) < 0 ? 'worse' : 'no-significant-difference';
    expect(rougeL?.verdict).toBe(expected);
    expect(second.gate?.reasons[1]).toMatchObject({ passed: expected !== 'worse' });
    expect(second.gate?.verdict).toBe(expected === 'worse' ? 'fail' : 'pass');
  }, 600_000);

  it('warns when the evaluation items overlap the training data', async () => {
    const res = await h.request<{ version: number }>(
      'evaluation',
      'POST',
      '/v1/evaluations/suites',
      {
        name: `on-train-${suffix}`,
        datasets: [{ dataset: datasetName, split: 'train' }],
        metrics: ['rougeL'],
        maxItems: 10,
      },
      'ml-engineer',
    );
    expect(res.status).toBe(201);
    const created = await h.request<Evaluation>(
      'evaluation',
      'POST',
      '/v1/evaluations',
      { suite: { name: `on-train-${suffix}` }, candidate: { kind: 'model-version', modelName, version: 1 } },
      'ml-engineer',
    );
    expect(created.status).toBe(202);
    const done = await finished(created.body.id);
    expect(done.status).toBe('succeeded');
    expect(done.result?.warnings.map((w) => w.code)).toContain('EVAL_CONTAMINATION');
    expect(done.result?.warnings[0]?.message).toMatch(/^10 of 10 evaluation items overlap/);
  }, 180_000);

  it('evaluates an external endpoint with retries, and fails an unreachable one with the reason', async () => {
    const answers = new Map(
      supportDemoCorpus().heldOut.map((e) => [
        e.kind === 'prompt-completion' ? e.prompt : '',
        e.kind === 'prompt-completion' ? e.completion.trim() : '',
      ]),
    );
    const standIn = new OpenAiStandIn((prompt) => answers.get(prompt) ?? 'I do not know.', 2);
    const baseUrl = await standIn.start();
    try {
      const ok = await h.request<Evaluation>(
        'evaluation',
        'POST',
        '/v1/evaluations',
        { suite: { name: suiteName }, candidate: { kind: 'endpoint', baseUrl, model: 'stand-in' } },
        'ml-engineer',
      );
      expect(ok.status).toBe(202);
      const done = await finished(ok.body.id);
      expect(done.error).toBeNull();
      expect(done.status).toBe('succeeded');
      expect(done.result?.championComparison).toBeNull();
      expect(standIn.requests).toBeGreaterThan(done.result?.itemCount ?? 0); // two 503s were retried
    } finally {
      await standIn.stop();
    }

    const unreachable = await h.request<Evaluation>(
      'evaluation',
      'POST',
      '/v1/evaluations',
      {
        suite: { name: suiteName },
        candidate: { kind: 'endpoint', baseUrl: 'http://127.0.0.1:9/v1', model: 'gone' },
      },
      'ml-engineer',
    );
    const failed = await waitFor(
      'evaluation-failed',
      async () =>
        (await h.readTopic(Topics.evaluationFailed, 1, 60_000))
          .map((m) => JSON.parse(m.value) as EvaluationFailedV1)
          .find((e) => e.evaluationId === unreachable.body.id),
      { timeoutMs: 120_000 },
    );
    expect(failed.error.code).toBe('EVAL_ENDPOINT_UNREACHABLE');
    expect(failed.error.message).toContain('gave up after 3 attempts');
    expect(failed.error.retryable).toBe(true);
    const row = (await h.request<Evaluation>('evaluation', 'GET', `/v1/evaluations/${unreachable.body.id}`))
      .body;
    expect(row).toMatchObject({ status: 'failed', error: { code: 'EVAL_ENDPOINT_UNREACHABLE' } });
  }, 300_000);

  it('a sweep reads its objective from the evaluation of each trial (evaluation-completed names the run)', async () => {
    const sweepModel = `sweep-bot-${suffix}`;
    const sweepSuite = `sweep-qa-${suffix}`;
    const suite = await h.request(
      'evaluation',
      'POST',
      '/v1/evaluations/suites',
      {
        name: sweepSuite,
        datasets: [{ dataset: datasetName, split: 'test' }],
        metrics: ['rougeL', 'token_f1'],
        models: [sweepModel],
        generation: { maxTokens: 40 },
      },
      'ml-engineer',
    );
    expect(suite.status).toBe(201);
    const sweep = await h.request<{ id: string }>(
      'training',
      'POST',
      '/v1/training/sweeps',
      {
        name: 'epochs by rougeL',
        runTemplate: {
          baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
          datasets: [{ versionId: trainVersionId }],
          method: 'sft',
          hyperparameters: { learningRate: 0.003 },
          modelName: sweepModel,
        },
        sweep: {
          search: { kind: 'grid', space: { epochs: { values: [1, 3] } }, maxTrials: 2, parallelism: 2 },
          objective: { metric: 'rougeL', direction: 'maximize', source: 'evaluation', suite: sweepSuite },
        },
      },
      'ml-engineer',
    );
    expect(sweep.status).toBe(201);
    const done = await waitFor(
      'the sweep to finish',
      async () => {
        const s = await h.request<{
          status: string;
          bestRunId: string | null;
          trials: { status: string; objective: number | null; runId: string }[];
        }>('training', 'GET', `/v1/training/sweeps/${sweep.body.id}`);
        return s.body.status === 'finished' ? s.body : undefined;
      },
      { timeoutMs: 300_000, intervalMs: 1000 },
    );
    expect(done.trials).toHaveLength(2);
    expect(done.trials.every((t) => t.status === 'succeeded')).toBe(true);
    // Each trial's objective is exactly the rougeL of the evaluation of the version its run produced.
    const events = await completedEvents();
    for (const trial of done.trials) {
      const evaluation = events.find(
        (e) => e.candidate.kind === 'model-version' && e.candidate.runId === trial.runId,
      );
      expect(evaluation?.suite.name).toBe(sweepSuite);
      expect(trial.objective).toBe(evaluation?.metrics['rougeL']);
    }
    const best = [...done.trials].sort((a, b) => (b.objective ?? -Infinity) - (a.objective ?? -Infinity))[0];
    expect(done.bestRunId).toBe(best?.runId);

    const withoutModel = await h.request<Problem>(
      'training',
      'POST',
      '/v1/training/sweeps',
      {
        name: 'no model name',
        runTemplate: {
          baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
          datasets: [{ versionId: trainVersionId }],
          method: 'sft',
        },
        sweep: {
          search: { kind: 'grid', space: { epochs: { values: [1] } }, maxTrials: 1, parallelism: 1 },
          objective: { metric: 'rougeL', direction: 'maximize', source: 'evaluation', suite: sweepSuite },
        },
      },
      'ml-engineer',
    );
    expect(withoutModel.status).toBe(422);
    expect(withoutModel.body.errors?.[0]?.path).toBe('runTemplate.modelName');
  }, 400_000);
});
