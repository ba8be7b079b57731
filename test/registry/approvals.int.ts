import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import {
  Topics,
  type ApprovalDecidedV1,
  type ApprovalRequestedV1,
  type EvaluationCompletedV1,
  type ModelVersionStageChangedV1,
  type RunCompletedV1,
} from '@llmops/contracts';
import { PlatformHarness, waitFor } from '@llmops/testing';

/**
 * Promotion policies, evidence and approvals over the real stack: the registry process consumes
 * `run-completed` and `evaluation-completed` from Kafka, answers HTTP, and publishes stage changes and
 * approval events through its outbox.
 */

interface VersionView {
  id: string;
  modelId: string;
  modelName: string;
  version: number;
  stage: string;
}
interface Problem {
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}
interface ApprovalView {
  id: string;
  state: string;
  approvals: number;
  requiredApprovals: number;
  requestedBy: { subject: string };
  evidence: { kind: string; satisfied: boolean }[];
  application?: { applied: boolean; code?: string } | null;
}

const FIXTURES = path.resolve(__dirname, '..', '..', 'libs', 'contracts', 'fixtures');
const fixture = <T>(topic: string): T =>
  JSON.parse(readFileSync(path.join(FIXTURES, `${topic}.json`), 'utf8')) as T;

const COMPLETE_CARD = {
  sections: {
    'intended-use': 'Answering customer support questions in English.',
    'training-data': 'Support tickets 2024, deduplicated, PII scrubbed.',
    evaluation: 'support-quality suite v5 on the held-out test split.',
    limitations: 'Not for legal or medical advice.',
  },
};

describe('registry approvals: policies, evidence, four-eyes approvals (real process, real stack)', () => {
  const h = new PlatformHarness();

  beforeAll(async () => {
    await h.init('registry_approvals');
    await h.start('registry');
  });

  afterAll(async () => {
    await h.stopAll();
  });

  /** Registers version 1 of `<base>-lora` the way training would: a `run-completed` on Kafka. */
  async function registerFromRun(base: string): Promise<VersionView> {
    const run = fixture<RunCompletedV1>(Topics.runCompleted);
    await h.produce(Topics.runCompleted, {
      ...run,
      runId: uuidv7(),
      lineage: { ...run.lineage, baseModel: { kind: 'builtin', name: base } },
    });
    const name = `${base}-lora`;
    return waitFor(`${name} v1 registered`, async () => {
      const res = await h.request<VersionView>(
        'registry',
        'GET',
        `/v1/models/${name}/versions/1`,
        undefined,
        'viewer',
      );
      return res.status === 200 ? res.body : undefined;
    });
  }

  /** An `evaluation-completed` of `v` as evaluation would publish it, gate verdict as given. */
  async function evaluate(
    v: VersionView,
    verdict: 'pass' | 'fail',
    evaluationId = uuidv7(),
  ): Promise<string> {
    const base = fixture<EvaluationCompletedV1>(Topics.evaluationCompleted);
    await h.produce(Topics.evaluationCompleted, {
      ...base,
      evaluationId,
      candidate: {
        kind: 'model-version',
        modelId: v.modelId,
        modelName: v.modelName,
        versionId: v.id,
        version: v.version,
      },
      championComparison: null,
      gate: base.gate && {
        ...base.gate,
        verdict,
        reasons: base.gate.reasons.map((r) => ({ ...r, passed: verdict === 'pass' })),
      },
      completedAt: new Date().toISOString(),
    });
    return evaluationId;
  }

  async function stageOf(v: VersionView): Promise<string> {
    const res = await h.request<VersionView>(
      'registry',
      'GET',
      `/v1/models/${v.modelName}/versions/${v.version}`,
      undefined,
      'viewer',
    );
    return res.body.stage;
  }

  async function waitForStage(v: VersionView, stage: string): Promise<void> {
    await waitFor(`${v.modelName} v${v.version} in ${stage}`, async () =>
      (await stageOf(v)) === stage ? true : undefined,
    );
  }

  async function waitForEvaluation(
    v: VersionView,
    evaluationId: string,
  ): Promise<{ autoStaging: { outcome: string } | null }> {
    return waitFor(`evaluation ${evaluationId} stored`, async () => {
      const res = await h.request<{
        evaluations: { evaluationId: string; autoStaging: { outcome: string } | null }[];
      }>('registry', 'GET', `/v1/models/${v.modelName}/versions/${v.version}/evidence`, undefined, 'viewer');
      return res.body.evaluations.find((e) => e.evaluationId === evaluationId);
    });
  }

  const stageChanges = async (minimum: number): Promise<ModelVersionStageChangedV1[]> =>
    (await h.readTopic(Topics.modelVersionStageChanged, minimum)).map(
      (m) => JSON.parse(m.value) as ModelVersionStageChangedV1,
    );

  const transition = (v: VersionView, toStage: string, as: 'ml-engineer' | 'admin' = 'ml-engineer') =>
    h.request<Problem & VersionView>(
      'registry',
      'POST',
      `/v1/models/${v.modelName}/versions/${v.version}/transitions`,
      { toStage },
      as,
    );

  const requestApproval = (
    v: VersionView,
    as: 'ml-engineer' | 'approver',
    comment = 'ready for production',
  ) =>
    h.request<ApprovalView & Problem>(
      'registry',
      'POST',
      `/v1/models/${v.modelName}/versions/${v.version}/approval-requests`,
      { toStage: 'production', comment },
      as,
    );

  const decide = (id: string, decision: 'approve' | 'reject', as: 'approver' | 'approver2' | 'ml-engineer') =>
    h.request<ApprovalView & Problem>(
      'registry',
      'POST',
      `/v1/approvals/${id}/decisions`,
      { decision, comment: `${decision} by ${as}` },
      as,
    );

  let alpha: VersionView;

  it('stages a registered version automatically when its evaluation passes the gate, once per evaluation', async () => {
    alpha = await registerFromRun('approvals-alpha');
    expect(alpha.stage).toBe('registered');

    const evaluationId = await evaluate(alpha, 'pass');
    await waitForStage(alpha, 'staging');
    const changes = await stageChanges(1);
    const staged = changes.find((e) => e.versionId === alpha.id && e.toStage === 'staging');
    expect(staged).toEqual(
      expect.objectContaining({
        fromStage: 'registered',
        actor: { subject: 'registry', kind: 'service', roles: ['service'] },
        evaluationId,
        approvalRequestId: null,
      }),
    );
    expect(staged?.reason).toContain(evaluationId);

    // The same evaluation again (a re-publication under a new event id) changes nothing.
    await evaluate(alpha, 'pass', evaluationId);
    const evidence = await waitForEvaluation(alpha, evaluationId);
    expect(evidence.autoStaging?.outcome).toBe('promoted');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rows = await h.sql<{ n: string }>(
      'SELECT count(*) AS n FROM registry.approval_evaluations WHERE evaluation_id = $1',
      [evaluationId],
    );
    expect(Number(rows[0]?.n)).toBe(1);
    expect((await stageChanges(1)).filter((e) => e.versionId === alpha.id)).toHaveLength(1);
  });

  it('keeps a failing evaluation as evidence without staging', async () => {
    const beta = await registerFromRun('approvals-beta');
    const evaluationId = await evaluate(beta, 'fail');
    const stored = await waitForEvaluation(beta, evaluationId);
    expect(stored.autoStaging).toEqual(
      expect.objectContaining({ outcome: 'skipped', detail: 'the gate failed' }),
    );
    expect(await stageOf(beta)).toBe('registered');
    const res = await h.request<{ evidence: { kind: string; satisfied: boolean; message: string }[] }>(
      'registry',
      'GET',
      `/v1/models/${beta.modelName}/versions/1/evidence`,
      undefined,
      'viewer',
    );
    expect(res.body.evidence.find((e) => e.kind === 'passing-evaluation')).toEqual(
      expect.objectContaining({ satisfied: false }),
    );
  });

  it('versions promotion policies: approvers only, validated, history kept, optimistic', async () => {
    const url = `/v1/models/${alpha.modelName}/policy`;
    const initial = await h.request<{ version: number; isDefault: boolean }>(
      'registry',
      'GET',
      url,
      undefined,
      'viewer',
    );
    expect(initial.body).toEqual(expect.objectContaining({ version: 0, isDefault: true }));

    const policy = {
      autoStagingOnGatePass: true,
      production: {
        requiredApprovals: 2,
        fourEyes: true,
        requiredEvidence: ['passing-evaluation', 'passing-safety-probes', 'model-card'],
      },
      comment: 'two approvers for production',
    };
    expect((await h.request<Problem>('registry', 'PUT', url, policy, 'ml-engineer')).status).toBe(403);
    const bad = await h.request<Problem>(
      'registry',
      'PUT',
      url,
      { staging: { requiredApprovals: 1 } },
      'approver',
    );
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('POLICY_INVALID');
    expect(
      (await h.request<Problem>('registry', 'PUT', url, { production: { requiredApproval: 2 } }, 'approver'))
        .status,
    ).toBe(400);

    const v1 = await h.request<{ version: number }>(
      'registry',
      'PUT',
      url,
      { ...policy, expectedVersion: 0 },
      'approver',
    );
    expect(v1.status).toBe(200);
    expect(v1.body.version).toBe(1);
    const stale = await h.request<Problem>(
      'registry',
      'PUT',
      url,
      { ...policy, expectedVersion: 0 },
      'approver',
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('POLICY_VERSION_CONFLICT');
    const history = await h.request<{ version: number }[]>(
      'registry',
      'GET',
      `${url}/versions`,
      undefined,
      'viewer',
    );
    expect(history.body.map((p) => p.version)).toEqual([1, 0]);
    expect(
      (await h.request('registry', 'PUT', '/v1/models/no-such-model/policy', policy, 'approver')).status,
    ).toBe(404);
  });

  it('refuses production without approvals, listing exactly what is missing', async () => {
    const res = await transition(alpha, 'production');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EVIDENCE_MISSING');
    // The fixture's evaluation passed its gate and its probes; the card and the approvals are missing.
    expect(res.body.errors?.map((e) => e.path)).toEqual(['evidence.model-card', 'approval']);

    const card = await h.request(
      'registry',
      'PUT',
      `/v1/models/${alpha.modelName}/versions/1/card`,
      COMPLETE_CARD,
      'ml-engineer',
    );
    expect(card.status).toBe(200);
    const again = await transition(alpha, 'production', 'admin');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('APPROVAL_REQUIRED');
    expect(again.body.errors?.map((e) => e.path)).toEqual(['approval']);
    expect(await stageOf(alpha)).toBe('staging');
  });

  it('enforces four-eyes and N distinct approvers, then promotes through the lifecycle', async () => {
    // The approver asks, then tries to approve their own request.
    const own = await requestApproval(alpha, 'approver');
    expect(own.status).toBe(201);
    const self = await decide(own.body.id, 'approve', 'approver');
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_APPROVAL_FORBIDDEN');
    const withdrawn = await h.request<ApprovalView>(
      'registry',
      'POST',
      `/v1/approvals/${own.body.id}/withdraw`,
      {},
      'approver',
    );
    expect(withdrawn.body.state).toBe('withdrawn');

    // The ml-engineer asks; evidence is snapshotted from the policy's requirements.
    const created = await requestApproval(alpha, 'ml-engineer');
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({ state: 'pending', requiredApprovals: 2, approvals: 0 }),
    );
    expect(created.body.evidence.map((e) => [e.kind, e.satisfied])).toEqual([
      ['passing-evaluation', true],
      ['passing-safety-probes', true],
      ['model-card', true],
    ]);
    const id = created.body.id;
    expect((await requestApproval(alpha, 'ml-engineer')).body.code).toBe('APPROVAL_ALREADY_OPEN');
    expect((await decide(id, 'approve', 'ml-engineer')).status).toBe(403);

    const comment = await h.request<{ body: string }>(
      'registry',
      'POST',
      `/v1/approvals/${id}/comments`,
      { body: 'card reviewed' },
      'approver',
    );
    expect(comment.status).toBe(201);

    const first = await decide(id, 'approve', 'approver');
    expect(first.status).toBe(201);
    expect(first.body).toEqual(
      expect.objectContaining({ state: 'pending', approvals: 1, application: null }),
    );
    expect((await decide(id, 'approve', 'approver')).body.code).toBe('APPROVAL_ALREADY_DECIDED');
    expect((await transition(alpha, 'production')).body.code).toBe('APPROVAL_REQUIRED');

    const second = await decide(id, 'approve', 'approver2');
    expect(second.status).toBe(201);
    expect(second.body).toEqual(
      expect.objectContaining({ state: 'applied', approvals: 2, application: { applied: true } }),
    );
    expect(await stageOf(alpha)).toBe('production');

    const toProduction = (await stageChanges(2)).find(
      (e) => e.versionId === alpha.id && e.toStage === 'production',
    );
    expect(toProduction).toEqual(
      expect.objectContaining({
        fromStage: 'staging',
        approvalRequestId: id,
        actor: expect.objectContaining({ subject: 'api-key:approver2' }),
      }),
    );
    const requested = (await h.readTopic(Topics.approvalRequested, 2)).map(
      (m) => JSON.parse(m.value) as ApprovalRequestedV1,
    );
    expect(requested.find((e) => e.approvalRequestId === id)).toEqual(
      expect.objectContaining({
        requestedBy: expect.objectContaining({ subject: 'api-key:ml-engineer' }),
        requiredApprovals: 2,
        approverRole: 'approver',
        subject: expect.objectContaining({
          kind: 'model-stage-transition',
          versionId: alpha.id,
          toStage: 'production',
        }),
      }),
    );
    const decided = (await h.readTopic(Topics.approvalDecided, 2))
      .map((m) => JSON.parse(m.value) as ApprovalDecidedV1)
      .filter((e) => e.approvalRequestId === id);
    expect(decided.map((e) => [e.decidedBy.subject, e.approvals, e.requestStatus])).toEqual([
      ['api-key:approver', 1, 'pending'],
      ['api-key:approver2', 2, 'approved'],
    ]);

    const listed = await h.request<ApprovalView[]>(
      'registry',
      'GET',
      `/v1/approvals?state=applied&modelName=${alpha.modelName}`,
      undefined,
      'viewer',
    );
    expect(listed.body.map((r) => r.id)).toEqual([id]);
    const comments = await h.request<{ body: string }[]>(
      'registry',
      'GET',
      `/v1/approvals/${id}/comments`,
      undefined,
      'viewer',
    );
    expect(comments.body.map((c) => c.body)).toEqual(['card reviewed']);
  });

  it('answers the lineage of the version it promoted: dataset version, run, evaluation and approval', async () => {
    const wanted = ['dataset-version', 'training-run', 'evaluation', 'approval'];
    const graph = await waitFor('the lineage of the production version', async () => {
      const res = await h.request<{ nodes: { kind: string; id: string }[] }>(
        'registry',
        'GET',
        `/v1/lineage/nodes/model-version/${alpha.id}?depth=5&direction=both`,
        undefined,
        'viewer',
      );
      const kinds = new Set(res.status === 200 ? res.body.nodes.map((n) => n.kind) : []);
      return wanted.every((k) => kinds.has(k)) ? res.body : undefined;
    });
    const approvalNodes = graph.nodes.filter((n) => n.kind === 'approval');
    const [request] = (
      await h.request<ApprovalView[]>(
        'registry',
        'GET',
        `/v1/approvals?modelName=${alpha.modelName}&state=applied`,
        undefined,
        'viewer',
      )
    ).body;
    expect(approvalNodes.map((n) => n.id)).toContain(request?.id);
  });

  it('closes a request on rejection; an approval whose evidence is missing is applied later', async () => {
    const gamma = await registerFromRun('approvals-gamma');
    await evaluate(gamma, 'pass');
    await waitForStage(gamma, 'staging');
    const policyUrl = `/v1/models/${gamma.modelName}/policy`;
    const put = await h.request(
      'registry',
      'PUT',
      policyUrl,
      { production: { requiredApprovals: 1, requiredEvidence: ['passing-evaluation', 'model-card'] } },
      'approver',
    );
    expect(put.status).toBe(200);

    const rejected = await requestApproval(gamma, 'ml-engineer');
    expect((await decide(rejected.body.id, 'reject', 'approver')).body.state).toBe('rejected');
    expect((await decide(rejected.body.id, 'approve', 'approver2')).body.code).toBe('APPROVAL_NOT_PENDING');

    const retry = await requestApproval(gamma, 'ml-engineer', 'second try');
    expect(retry.status).toBe(201);
    const approved = await decide(retry.body.id, 'approve', 'approver');
    expect(approved.body.state).toBe('approved');
    expect(approved.body.application).toEqual(
      expect.objectContaining({ applied: false, code: 'EVIDENCE_MISSING' }),
    );
    expect(await stageOf(gamma)).toBe('staging');

    await h.request(
      'registry',
      'PUT',
      `/v1/models/${gamma.modelName}/versions/1/card`,
      COMPLETE_CARD,
      'ml-engineer',
    );
    const applied = await h.request<ApprovalView>(
      'registry',
      'POST',
      `/v1/approvals/${retry.body.id}/apply`,
      {},
      'ml-engineer',
    );
    expect(applied.status).toBe(200);
    expect(applied.body.state).toBe('applied');
    expect(await stageOf(gamma)).toBe('production');
    const twice = await h.request<Problem>(
      'registry',
      'POST',
      `/v1/approvals/${retry.body.id}/apply`,
      {},
      'ml-engineer',
    );
    expect(twice.body.code).toBe('APPROVAL_NOT_APPROVED');
  });

  it('lets exactly one of two simultaneous final approvals resolve the request and promote once', async () => {
    const delta = await registerFromRun('approvals-delta');
    await evaluate(delta, 'pass');
    await waitForStage(delta, 'staging');
    // Default policy: one approval from someone other than the requester, and a passing evaluation.
    const created = await requestApproval(delta, 'ml-engineer');
    expect(created.body.requiredApprovals).toBe(1);
    const answers = await Promise.all([
      decide(created.body.id, 'approve', 'approver'),
      decide(created.body.id, 'approve', 'approver2'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('APPROVAL_NOT_PENDING');
    expect(answers.find((a) => a.status === 201)?.body.state).toBe('applied');
    expect(await stageOf(delta)).toBe('production');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const promotions = (await stageChanges(3)).filter(
      (e) => e.versionId === delta.id && e.toStage === 'production',
    );
    expect(promotions).toHaveLength(1);
  });
});
