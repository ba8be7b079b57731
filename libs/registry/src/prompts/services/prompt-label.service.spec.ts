import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, EvaluationCompletedV1 } from '@llmops/contracts';
import { EventPublisher, messagingTablesMigration, type OutboxRelay } from '@llmops/messaging';
import { createServiceDataSource, initializeDataSource, TransactionHost } from '@llmops/persistence';
import { CreateApprovals1764400200000 } from '../../approvals/migrations/create-approvals.migration';
import { ApprovalActivityRepository } from '../../approvals/repositories/approval-activity.repository';
import { ApprovalRequestRepository } from '../../approvals/repositories/approval-request.repository';
import { ApprovalExecutionService } from '../../approvals/services/approval-execution.service';
import { ApprovalExecutorRegistry } from '../../approvals/services/approval-executor.registry';
import { ApprovalService } from '../../approvals/services/approval.service';
import { CreatePrompts1764400400000 } from '../migrations/create-prompts.migration';
import { PromptLabelRepository } from '../repositories/prompt-label.repository';
import { PromptLinkRepository } from '../repositories/prompt-link.repository';
import { PromptRepository } from '../repositories/prompt.repository';
import { PromptLabelService } from './prompt-label.service';
import { PromptLinkService } from './prompt-link.service';
import { PromptLookupService } from './prompt-lookup.service';
import { PromptRenderService } from './prompt-render.service';
import { PromptService } from './prompt.service';

/**
 * The prompt registry's rules over the embedded database (PGlite) with the real approvals service:
 * immutable versions, free and protected label moves, rendering, evidence from evaluation verdicts.
 */

const engineer: Actor = { subject: 'api-key:ml', kind: 'api-key', roles: ['ml-engineer'] };
const approver: Actor = { subject: 'api-key:approver', kind: 'api-key', roles: ['approver'] };

const evaluationFixture = JSON.parse(
  readFileSync(
    path.join(__dirname, '../../../../contracts/fixtures/llmops.evaluation.evaluation-completed.v1.json'),
    'utf8',
  ),
) as EvaluationCompletedV1;

function evaluation(verdict: 'pass' | 'fail'): EvaluationCompletedV1 {
  const gate = evaluationFixture.gate ?? { policyId: uuidv7(), policyVersion: 1, verdict, reasons: [] };
  return { ...evaluationFixture, evaluationId: uuidv7(), gate: { ...gate, verdict } };
}

describe('prompt registry over PGlite', () => {
  let tx: TransactionHost;
  let prompts: PromptService;
  let labels: PromptLabelService;
  let links: PromptLinkService;
  let renderer: PromptRenderService;
  let approvals: ApprovalService;
  let execution: ApprovalExecutionService;

  beforeAll(async () => {
    const dataSource = createServiceDataSource({
      config: { driver: 'pglite', dataDir: 'memory://' },
      schema: 'registry',
      migrations: [
        messagingTablesMigration('registry'),
        CreateApprovals1764400200000,
        CreatePrompts1764400400000,
      ],
    });
    await initializeDataSource(dataSource, 'registry');
    tx = new TransactionHost(dataSource);
    const events = new EventPublisher('registry', tx, { wake: () => undefined } as unknown as OutboxRelay);
    const promptRepository = new PromptRepository(tx);
    const labelRepository = new PromptLabelRepository(tx);
    const linkRepository = new PromptLinkRepository(tx);
    const lookup = new PromptLookupService(promptRepository);
    const executors = new ApprovalExecutorRegistry();
    approvals = new ApprovalService(
      tx,
      new ApprovalRequestRepository(tx),
      new ApprovalActivityRepository(tx),
      events,
    );
    execution = new ApprovalExecutionService(tx, approvals, executors);
    prompts = new PromptService(tx, promptRepository, labelRepository, lookup, events);
    labels = new PromptLabelService(
      tx,
      lookup,
      labelRepository,
      linkRepository,
      approvals,
      executors,
      events,
    );
    labels.onModuleInit();
    links = new PromptLinkService(tx, lookup, linkRepository);
    renderer = new PromptRenderService(lookup, labelRepository);
  }, 60_000);

  afterAll(async () => {
    await tx.dataSource.destroy();
  });

  const outbox = async (topic: string): Promise<Record<string, unknown>[]> => {
    const rows = await tx.run(() =>
      tx.query<{ payload: string }[]>(
        'SELECT payload FROM registry.outbox_events WHERE topic = $1 ORDER BY seq',
        [topic],
      ),
    );
    return rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  };

  async function createPrompt(name: string): Promise<void> {
    await prompts.create(
      {
        name,
        description: 'answers support questions',
        protectedLabels: [],
        template: { kind: 'chat', messages: [{ role: 'user', content: 'Answer {{question}}' }] },
        modelParameters: { temperature: 0.2 },
        commitMessage: 'first',
      },
      engineer,
    );
    await prompts.addVersion(
      name,
      {
        template: { kind: 'text', text: 'Answer {{question}} politely in {{language}}' },
        variables: ['question', 'language'],
        modelParameters: { temperature: 0.1, max_tokens: 256 },
        commitMessage: 'second',
      },
      engineer,
    );
  }

  it('numbers versions, keeps them immutable and announces each one', async () => {
    await createPrompt('support');
    const versions = await prompts.versions('support');
    expect(versions.map((v) => [v.version, v.variables, v.commitMessage])).toEqual([
      [1, ['question'], 'first'],
      [2, ['question', 'language'], 'second'],
    ]);
    expect((await prompts.get('support')).protectedLabels).toEqual(['production']);
    const created = (await outbox('llmops.registry.prompt-version-created.v1')).filter(
      (e) => e['promptName'] === 'support',
    );
    expect(created.map((e) => e['version'])).toEqual([1, 2]);
    await expect(
      tx.run(() => tx.query("UPDATE registry.prompt_versions SET commit_message = 'edited'")),
    ).rejects.toThrow(/immutable/);
  });

  it('refuses a taken name and declared variables that do not match the template', async () => {
    await expect(
      prompts.create(
        {
          name: 'support',
          description: '',
          protectedLabels: [],
          template: { kind: 'text', text: 'x' },
          modelParameters: {},
          commitMessage: 'again',
        },
        engineer,
      ),
    ).rejects.toMatchObject({ code: 'PROMPT_NAME_TAKEN', status: 409 });
    await expect(
      prompts.addVersion(
        'support',
        {
          template: { kind: 'text', text: '{{a}}' },
          variables: ['b'],
          modelParameters: {},
          commitMessage: 'typo',
        },
        engineer,
      ),
    ).rejects.toMatchObject({
      code: 'PROMPT_VARIABLES_MISMATCH',
      status: 422,
      errors: [
        { path: 'variables', message: 'a is used but not declared' },
        { path: 'variables', message: 'b is declared but not used' },
      ],
    });
  });

  it('moves an unprotected label freely and renders by it', async () => {
    const moved = await labels.move('support', 'staging', 2, engineer);
    expect(moved).toMatchObject({ moved: true, from: null, to: { version: 2 }, protected: false });
    expect(await labels.move('support', 'staging', 2, engineer)).toMatchObject({ moved: false });
    const rendered = await renderer.render('support', {
      label: 'staging',
      variables: { question: 'Why?', language: 'French' },
    });
    expect(rendered).toMatchObject({ kind: 'text', text: 'Answer Why? politely in French', version: 2 });
    await expect(
      renderer.render('support', { label: 'staging', variables: { question: 'x', lang: 'y' } }),
    ).rejects.toMatchObject({
      code: 'PROMPT_VARIABLES_MISSING',
      status: 422,
      errors: [{ path: 'variables.language' }, { path: 'variables.lang' }],
    });
    await expect(
      renderer.render('support', { version: 1, variables: { question: 'x', extra: 'y' } }),
    ).rejects.toMatchObject({ code: 'PROMPT_VARIABLES_UNKNOWN', status: 422 });
    await expect(renderer.render('support', { label: 'canary', variables: {} })).rejects.toMatchObject({
      code: 'PROMPT_LABEL_NOT_FOUND',
      status: 404,
    });
  });

  it('moves production only with an approved request and a passing evaluation, consuming the approval', async () => {
    await expect(labels.move('support', 'production', 2, engineer)).rejects.toMatchObject({
      code: 'APPROVAL_REQUIRED',
      status: 409,
      extensions: { missing: ['approval', 'passing-prompt-evaluation'] },
    });
    const request = await labels.requestApproval('support', 'production', 2, 'ship it', engineer);
    expect(request.evidence).toEqual([
      { kind: 'passing-prompt-evaluation', satisfied: false, resourceId: null },
    ]);
    await expect(
      execution.decide({
        requestId: request.id,
        decision: 'approve',
        decidedBy: { ...engineer, roles: ['approver'] },
      }),
    ).rejects.toMatchObject({ code: 'SELF_APPROVAL_FORBIDDEN', status: 403 });
    const decided = await execution.decide({
      requestId: request.id,
      decision: 'approve',
      decidedBy: approver,
    });
    expect(decided.state).toBe('approved');
    expect(decided.application).toMatchObject({ applied: false, code: 'EVIDENCE_MISSING' });

    await expect(labels.move('support', 'production', 2, engineer)).rejects.toMatchObject({
      code: 'EVIDENCE_MISSING',
      extensions: { missing: ['passing-prompt-evaluation'] },
    });
    const failing = evaluation('fail');
    await links.recordEvaluation(failing);
    await links.link(
      'support',
      2,
      { kind: 'evaluation', targetId: failing.evaluationId, note: '' },
      engineer,
    );
    await expect(labels.move('support', 'production', 2, engineer)).rejects.toMatchObject({
      code: 'EVIDENCE_MISSING',
    });

    const passing = evaluation('pass');
    const link = await links.link(
      'support',
      2,
      { kind: 'evaluation', targetId: passing.evaluationId, note: '' },
      engineer,
    );
    expect(link.evaluationVerdict).toBe('pending');
    await links.recordEvaluation(passing);
    const moved = await labels.move('support', 'production', 2, engineer);
    expect(moved).toMatchObject({
      moved: true,
      protected: true,
      approvalRequestId: request.id,
      evaluationId: passing.evaluationId,
    });
    expect((await approvals.get(request.id)).state).toBe('applied');
    const events = (await outbox('llmops.registry.prompt-label-moved.v1')).filter(
      (e) => e['label'] === 'production',
    );
    expect(events).toEqual([
      expect.objectContaining({ protected: true, approvalRequestId: request.id, from: null }),
    ]);

    // One approval authorised one move: moving production elsewhere needs a new request.
    await expect(labels.move('support', 'production', 1, engineer)).rejects.toMatchObject({
      code: 'APPROVAL_REQUIRED',
    });
  });

  it('executes the move when the deciding approval arrives and the evidence is already there', async () => {
    const passing = evaluation('pass');
    await links.recordEvaluation(passing);
    await links.link(
      'support',
      1,
      { kind: 'evaluation', targetId: passing.evaluationId, note: '' },
      engineer,
    );
    const request = await labels.requestApproval('support', 'production', 1, 'roll back', engineer);
    expect(request.evidence).toEqual([
      { kind: 'passing-prompt-evaluation', satisfied: true, resourceId: passing.evaluationId },
    ]);
    const decided = await execution.decide({
      requestId: request.id,
      decision: 'approve',
      decidedBy: approver,
    });
    expect(decided.application).toEqual({ applied: true });
    expect(decided.state).toBe('applied');
    const history = await labels.history('support');
    expect(history.at(-1)).toMatchObject({
      label: 'production',
      from: { version: 2 },
      to: { version: 1 },
      movedBy: approver,
    });
  });

  it('refuses approval requests for unprotected labels and links in both directions', async () => {
    await expect(labels.requestApproval('support', 'staging', 1, '', engineer)).rejects.toMatchObject({
      code: 'PROMPT_LABEL_NOT_PROTECTED',
      status: 409,
    });
    const datasetVersionId = uuidv7();
    const first = await links.link(
      'support',
      2,
      { kind: 'dataset-version', targetId: datasetVersionId, note: 'sft' },
      engineer,
    );
    const again = await links.link(
      'support',
      2,
      { kind: 'dataset-version', targetId: datasetVersionId, note: '' },
      engineer,
    );
    expect([first.created, again.created, again.id === first.id]).toEqual([true, false, true]);
    expect(await links.listForTarget('dataset-version', datasetVersionId)).toEqual([
      expect.objectContaining({ promptName: 'support', version: 2, note: 'sft', evaluationVerdict: null }),
    ]);
  });
});
