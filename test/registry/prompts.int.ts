import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { Topics, type EvaluationCompletedV1, type PromptLabelMovedV1 } from '@llmops/contracts';
import { PlatformHarness, waitFor } from '@llmops/testing';

/**
 * The prompt registry over the real stack: versions, free and protected labels, rendering, links, and a
 * protected `production` move that needs an approval by a second person and a passing evaluation.
 */

interface Problem {
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
  missing?: string[];
}

function evaluationCompleted(verdict: 'pass' | 'fail'): EvaluationCompletedV1 {
  const file = path.join(__dirname, '../../libs/contracts/fixtures', `${Topics.evaluationCompleted}.json`);
  const base = JSON.parse(readFileSync(file, 'utf8')) as EvaluationCompletedV1;
  return {
    ...base,
    evaluationId: uuidv7(),
    // A prompt is evaluated against a serving endpoint, not as a registered model version.
    candidate: { kind: 'endpoint', baseUrl: 'http://vllm:8000/v1', model: 'support-bot' },
    championComparison: null,
    gate: base.gate && { ...base.gate, verdict },
  };
}

describe('registry prompts (real stack)', () => {
  const h = new PlatformHarness();
  const name = `support-${uuidv7().slice(-8)}`;

  beforeAll(async () => {
    await h.init('registry-prompts');
    await h.start('registry');
  });

  afterAll(async () => {
    await h.stopAll();
  });

  it('creates a prompt with two immutable versions and announces both', async () => {
    const created = await h.request<{ name: string; latestVersion: number; protectedLabels: string[] }>(
      'registry',
      'POST',
      '/v1/prompts',
      {
        name,
        description: 'answers support questions',
        template: {
          kind: 'chat',
          messages: [
            { role: 'system', content: 'You are the support assistant of {{company}}.' },
            { role: 'user', content: '{{question}}' },
          ],
        },
        modelParameters: { temperature: 0.2, max_tokens: 512 },
        commitMessage: 'first version',
      },
      'ml-engineer',
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, latestVersion: 1, protectedLabels: ['production'] });

    const second = await h.request<{ version: number; variables: string[] }>(
      'registry',
      'POST',
      `/v1/prompts/${name}/versions`,
      {
        template: {
          kind: 'chat',
          messages: [
            {
              role: 'system',
              content: 'You are the support assistant of {{company}}. Answer in {{language}}.',
            },
            { role: 'user', content: '{{question}}' },
          ],
        },
        variables: ['company', 'language', 'question'],
        modelParameters: { temperature: 0.1 },
        commitMessage: 'answer in the customer language',
      },
      'ml-engineer',
    );
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ version: 2, variables: ['company', 'language', 'question'] });

    const versions = await h.request<{ version: number; commitMessage: string }[]>(
      'registry',
      'GET',
      `/v1/prompts/${name}/versions`,
      undefined,
      'viewer',
    );
    expect(versions.body.map((v) => [v.version, v.commitMessage])).toEqual([
      [1, 'first version'],
      [2, 'answer in the customer language'],
    ]);

    const events = await h.readTopic(Topics.promptVersionCreated, 2);
    expect(events.map((e) => (JSON.parse(e.value) as { version: number }).version).sort()).toEqual([1, 2]);
    expect(events[0]?.headers['ce_type']).toBe('io.llmops.registry.prompt-version-created.v1');
  });

  it('answers bad input with stable problem codes', async () => {
    const mismatch = await h.request<Problem>(
      'registry',
      'POST',
      `/v1/prompts/${name}/versions`,
      { template: { kind: 'text', text: '{{a}}' }, variables: ['b'], commitMessage: 'typo' },
      'ml-engineer',
    );
    expect([mismatch.status, mismatch.body.code]).toEqual([422, 'PROMPT_VARIABLES_MISMATCH']);
    const taken = await h.request<Problem>(
      'registry',
      'POST',
      '/v1/prompts',
      { name, template: { kind: 'text', text: 'x' }, commitMessage: 'again' },
      'ml-engineer',
    );
    expect([taken.status, taken.body.code]).toEqual([409, 'PROMPT_NAME_TAKEN']);
    const viewer = await h.request<Problem>(
      'registry',
      'POST',
      `/v1/prompts/${name}/versions`,
      { template: { kind: 'text', text: 'x' }, commitMessage: 'no' },
      'viewer',
    );
    expect([viewer.status, viewer.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
    const unknown = await h.request<Problem>(
      'registry',
      'GET',
      '/v1/prompts/no-such-prompt',
      undefined,
      'viewer',
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'PROMPT_NOT_FOUND']);
    const noVersion = await h.request<Problem>(
      'registry',
      'PUT',
      `/v1/prompts/${name}/labels/staging`,
      { version: 9 },
      'ml-engineer',
    );
    expect([noVersion.status, noVersion.body.code]).toEqual([404, 'PROMPT_VERSION_NOT_FOUND']);
    const nul = await h.request<Problem>(
      'registry',
      'POST',
      `/v1/prompts/${name}/versions`,
      { template: { kind: 'text', text: 'a\u0000b' }, commitMessage: 'nul' },
      'ml-engineer',
    );
    expect([nul.status, nul.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('moves staging freely and renders by label, naming missing and unknown variables', async () => {
    for (const version of [1, 2]) {
      const moved = await h.request<{ moved: boolean; to: { version: number } }>(
        'registry',
        'PUT',
        `/v1/prompts/${name}/labels/staging`,
        { version },
        'ml-engineer',
      );
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ moved: true, to: { version } });
    }

    const rendered = await h.request<{ kind: string; version: number; label: string; messages: unknown[] }>(
      'registry',
      'POST',
      `/v1/prompts/${name}/render`,
      {
        label: 'staging',
        variables: { company: 'ACME', language: 'German', question: 'Where is my order?' },
      },
      'service',
    );
    expect(rendered.status).toBe(200);
    expect(rendered.body).toMatchObject({
      kind: 'chat',
      version: 2,
      label: 'staging',
      messages: [
        { role: 'system', content: 'You are the support assistant of ACME. Answer in German.' },
        { role: 'user', content: 'Where is my order?' },
      ],
    });

    const missing = await h.request<Problem>(
      'registry',
      'POST',
      `/v1/prompts/${name}/render`,
      { label: 'staging', variables: { company: 'ACME', topic: 'x' } },
      'service',
    );
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('PROMPT_VARIABLES_MISSING');
    expect(missing.body.errors?.map((e) => e.path)).toEqual([
      'variables.language',
      'variables.question',
      'variables.topic',
    ]);
    const unknown = await h.request<Problem>(
      'registry',
      'POST',
      `/v1/prompts/${name}/render`,
      { version: 1, variables: { company: 'ACME', question: 'q', language: 'en' } },
      'service',
    );
    expect([unknown.status, unknown.body.code]).toEqual([422, 'PROMPT_VARIABLES_UNKNOWN']);
    const both = await h.request<Problem>(
      'registry',
      'POST',
      `/v1/prompts/${name}/render`,
      { label: 'staging', version: 1 },
      'service',
    );
    expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('moves production only with a second person approval and a passing evaluation, then announces it', async () => {
    const blocked = await h.request<Problem>(
      'registry',
      'PUT',
      `/v1/prompts/${name}/labels/production`,
      { version: 2 },
      'ml-engineer',
    );
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      missing: ['approval', 'passing-prompt-evaluation'],
    });

    const request = await h.request<{ id: string; state: string; evidence: unknown[] }>(
      'registry',
      'POST',
      `/v1/prompts/${name}/labels/production/approval-requests`,
      { version: 2, comment: 'German answers tested' },
      'admin',
    );
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({
      state: 'pending',
      evidence: [{ kind: 'passing-prompt-evaluation', satisfied: false, resourceId: null }],
    });
    const self = await h.request<Problem>(
      'registry',
      'POST',
      `/v1/approvals/${request.body.id}/decisions`,
      { decision: 'approve' },
      'admin',
    );
    expect([self.status, self.body.code]).toEqual([403, 'SELF_APPROVAL_FORBIDDEN']);
    const decided = await h.request<{ state: string; application: { applied: boolean; code?: string } }>(
      'registry',
      'POST',
      `/v1/approvals/${request.body.id}/decisions`,
      { decision: 'approve', comment: 'looks good' },
      'approver',
    );
    expect(decided.status).toBe(201);
    // Approved, but the move cannot happen yet: no passing evaluation of version 2.
    expect(decided.body).toMatchObject({
      state: 'approved',
      application: { applied: false, code: 'EVIDENCE_MISSING' },
    });
    const stillBlocked = await h.request<Problem>(
      'registry',
      'PUT',
      `/v1/prompts/${name}/labels/production`,
      { version: 2 },
      'ml-engineer',
    );
    expect(stillBlocked.body).toMatchObject({
      code: 'EVIDENCE_MISSING',
      missing: ['passing-prompt-evaluation'],
    });

    // Evaluation reports its verdict on Kafka; the engineer links that evaluation to version 2.
    const failing = evaluationCompleted('fail');
    const passing = evaluationCompleted('pass');
    await h.produce(Topics.evaluationCompleted, failing);
    await h.produce(Topics.evaluationCompleted, passing);
    for (const evaluation of [failing, passing]) {
      const linked = await h.request(
        'registry',
        'POST',
        `/v1/prompts/${name}/versions/2/links`,
        { kind: 'evaluation', targetId: evaluation.evaluationId, note: 'offline suite' },
        'ml-engineer',
      );
      expect(linked.status).toBe(201);
    }
    await waitFor('both verdicts recorded', async () => {
      const links = await h.request<{ targetId: string; evaluationVerdict: string }[]>(
        'registry',
        'GET',
        `/v1/prompts/${name}/versions/2/links`,
        undefined,
        'viewer',
      );
      const verdicts = links.body.map((l) => l.evaluationVerdict);
      return verdicts.includes('pass') && verdicts.includes('fail') ? true : undefined;
    });

    const moved = await h.request<{ moved: boolean; approvalRequestId: string; evaluationId: string }>(
      'registry',
      'PUT',
      `/v1/prompts/${name}/labels/production`,
      { version: 2 },
      'ml-engineer',
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      moved: true,
      approvalRequestId: request.body.id,
      evaluationId: passing.evaluationId,
    });
    const consumed = await h.request<{ state: string }>(
      'registry',
      'GET',
      `/v1/approvals/${request.body.id}`,
      undefined,
      'viewer',
    );
    expect(consumed.body.state).toBe('applied');

    const labelEvents = await h.readTopic(Topics.promptLabelMoved, 3);
    const production = labelEvents
      .map((e) => JSON.parse(e.value) as PromptLabelMovedV1)
      .filter((e) => e.promptName === name && e.label === 'production');
    expect(production).toEqual([
      expect.objectContaining({
        protected: true,
        from: null,
        to: expect.objectContaining({ version: 2 }) as unknown,
        approvalRequestId: request.body.id,
        movedBy: expect.objectContaining({ subject: 'api-key:ml-engineer' }) as unknown,
      }),
    ]);

    const rendered = await h.request<{ version: number }>(
      'registry',
      'POST',
      `/v1/prompts/${name}/render`,
      { label: 'production', variables: { company: 'ACME', language: 'French', question: 'q' } },
      'service',
    );
    expect(rendered.body.version).toBe(2);

    // The approval was used up: moving production back needs a new one.
    const back = await h.request<Problem>(
      'registry',
      'PUT',
      `/v1/prompts/${name}/labels/production`,
      { version: 1 },
      'ml-engineer',
    );
    expect([back.status, back.body.code]).toEqual([409, 'APPROVAL_REQUIRED']);
  });

  it('links prompt versions to dataset versions and models, in both directions', async () => {
    const datasetVersionId = uuidv7();
    const modelVersionId = uuidv7();
    for (const [kind, targetId] of [
      ['dataset-version', datasetVersionId],
      ['model-version', modelVersionId],
    ] as const) {
      const res = await h.request(
        'registry',
        'POST',
        `/v1/prompts/${name}/versions/1/links`,
        { kind, targetId },
        'ml-engineer',
      );
      expect(res.status).toBe(201);
    }
    const byDataset = await h.request<{ promptName: string; version: number }[]>(
      'registry',
      'GET',
      `/v1/prompts/links?kind=dataset-version&targetId=${datasetVersionId}`,
      undefined,
      'viewer',
    );
    expect(byDataset.body).toEqual([expect.objectContaining({ promptName: name, version: 1 })]);
    const ofVersion = await h.request<{ kind: string }[]>(
      'registry',
      'GET',
      `/v1/prompts/${name}/versions/1/links`,
      undefined,
      'viewer',
    );
    expect(ofVersion.body.map((l) => l.kind).sort()).toEqual(['dataset-version', 'model-version']);
  });
});
