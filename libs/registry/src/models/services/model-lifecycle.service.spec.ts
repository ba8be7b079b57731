import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import type { TransactionHost } from '@llmops/persistence';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import type { ModelView } from '../dtos/model.dto';
import type { PromotionGate, PromotionGateInput } from '../promotion-gate';
import type { ModelAliasRepository } from '../repositories/model-alias.repository';
import type { ModelRepository } from '../repositories/model.repository';
import type { ModelVersionRepository, StageUpdate } from '../repositories/model-version.repository';
import { modelVersionView } from '../testing/model-version-view.factory';
import type { ModelLookupService } from './model-lookup.service';
import { ModelLifecycleService } from './model-lifecycle.service';
import type { ModelStageRecorder, StageChange } from './model-stage-recorder.service';

const actor: Actor = { subject: 'api-key:ml', kind: 'api-key', roles: ['ml-engineer'] };

/** The versions table in memory, with the same compare-and-set the SQL does. */
class FakeVersions {
  readonly rows = new Map<string, ModelVersionView>();

  add(v: ModelVersionView): ModelVersionView {
    this.rows.set(v.id, v);
    return v;
  }

  updateStage(u: StageUpdate): Promise<boolean> {
    const row = this.rows.get(u.versionId);
    if (row?.rowVersion !== u.expectedRowVersion) return Promise.resolve(false);
    this.rows.set(u.versionId, { ...row, stage: u.toStage, rowVersion: row.rowVersion + 1 });
    return Promise.resolve(true);
  }

  findProduction(modelId: string, exceptId: string): Promise<ModelVersionView | null> {
    const found = [...this.rows.values()].find(
      (v) => v.modelId === modelId && v.stage === 'production' && v.id !== exceptId,
    );
    return Promise.resolve(found ?? null);
  }

  findById(id: string): Promise<ModelVersionView | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }
}

function setup(gate?: PromotionGate) {
  const versions = new FakeVersions();
  const changes: StageChange[] = [];
  const model = { id: modelVersionView().modelId, name: 'support-bot' } as ModelView;
  const lookup = {
    model: () => Promise.resolve(model),
    version: (_m: ModelView, n: number) => {
      const found = [...versions.rows.values()].find((v) => v.version === n);
      if (!found) throw new AppError('MODEL_VERSION_NOT_FOUND', 404, 'no such version');
      return Promise.resolve(found);
    },
  };
  const recorder = {
    recordChange: (c: StageChange) => {
      changes.push(c);
      return Promise.resolve();
    },
  };
  const service = new ModelLifecycleService(
    { run: <T>(work: () => Promise<T>) => work() } as TransactionHost,
    lookup as unknown as ModelLookupService,
    { lock: () => Promise.resolve({ latestVersion: 0 }) } as unknown as ModelRepository,
    versions as unknown as ModelVersionRepository,
    { deleteForVersion: () => Promise.resolve([]) } as unknown as ModelAliasRepository,
    recorder as unknown as ModelStageRecorder,
    gate,
  );
  return { service, versions, changes };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('ModelLifecycleService', () => {
  it('moves a version along an allowed transition and records it', async () => {
    const { service, versions, changes } = setup();
    const v = versions.add(modelVersionView());
    const moved = await service.transition({
      modelName: 'support-bot',
      version: 4,
      toStage: 'candidate',
      actor,
    });
    expect(moved).toMatchObject({ stage: 'candidate', rowVersion: 2 });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ version: v, toStage: 'candidate', actor });
    expect(changes[0]?.reason).toBe('moved to candidate by api-key:ml');
  });

  it('refuses an illegal transition with 409 listing the allowed stages', async () => {
    const { service, versions } = setup();
    versions.add(modelVersionView());
    const error = await rejection(
      service.transition({ modelName: 'support-bot', version: 4, toStage: 'production', actor }),
    );
    expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', status: 409 });
    expect(error.extensions).toMatchObject({ allowedStages: ['candidate', 'staging', 'archived'] });
    expect(error.errors).toHaveLength(3);
  });

  it('refuses a stale expected row version with 409 CONCURRENT_MODIFICATION', async () => {
    const { service, versions } = setup();
    versions.add(modelVersionView({ rowVersion: 3 }));
    const error = await rejection(
      service.transition({
        modelName: 'support-bot',
        version: 4,
        toStage: 'candidate',
        actor,
        expectedRowVersion: 2,
      }),
    );
    expect(error).toMatchObject({ code: 'CONCURRENT_MODIFICATION', status: 409 });
  });

  it('lets only the first of two racing transitions win', async () => {
    const { service, versions } = setup();
    versions.add(modelVersionView({ stage: 'staging', rowVersion: 2 }));
    const input = { modelName: 'support-bot', version: 4, toStage: 'candidate' as const, actor };
    const results = await Promise.allSettled([service.transition(input), service.transition(input)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected');
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'CONCURRENT_MODIFICATION' });
  });

  it('asks the promotion gate before staging and production only, and stops when it refuses', async () => {
    const asked: PromotionGateInput[] = [];
    const gate = {
      check: (input: PromotionGateInput) => {
        asked.push(input);
        return input.toStage === 'production'
          ? Promise.reject(new AppError('EVIDENCE_MISSING', 409, 'no evaluation'))
          : Promise.resolve();
      },
    };
    const { service, versions } = setup(gate);
    versions.add(modelVersionView());
    await service.transition({ modelName: 'support-bot', version: 4, toStage: 'candidate', actor });
    expect(asked).toHaveLength(0);
    await service.transition({ modelName: 'support-bot', version: 4, toStage: 'staging', actor });
    const error = await rejection(
      service.transition({
        modelName: 'support-bot',
        version: 4,
        toStage: 'production',
        actor,
        evidence: { approvalRequestId: 'r-1' },
      }),
    );
    expect(error.code).toBe('EVIDENCE_MISSING');
    expect(asked.map((a) => `${a.fromStage}->${a.toStage}`)).toEqual([
      'candidate->staging',
      'staging->production',
    ]);
    expect(asked[1]).toMatchObject({
      modelName: 'support-bot',
      version: 4,
      evidence: { approvalRequestId: 'r-1' },
    });
    expect(versions.rows.get(modelVersionView().id)?.stage).toBe('staging');
  });

  it('deprecates the previous production version when another is promoted', async () => {
    const { service, versions, changes } = setup();
    const old = versions.add(modelVersionView({ id: 'old', version: 3, stage: 'production', rowVersion: 5 }));
    versions.add(modelVersionView({ stage: 'staging', rowVersion: 2 }));
    await service.transition({
      modelName: 'support-bot',
      version: 4,
      toStage: 'production',
      actor,
      reason: 'better',
    });
    expect(versions.rows.get('old')).toMatchObject({ stage: 'deprecated', rowVersion: 6 });
    expect(changes.map((c) => [c.version.version, c.version.stage, c.toStage, c.reason])).toEqual([
      [3, 'production', 'deprecated', 'superseded by version 4 in production'],
      [4, 'staging', 'production', 'better'],
    ]);
    expect(changes[0]?.version).toBe(old);
  });

  it('archives only with a reason', async () => {
    const { service, versions } = setup();
    versions.add(modelVersionView());
    const error = await rejection(
      service.transition({ modelName: 'support-bot', version: 4, toStage: 'archived', actor, reason: '  ' }),
    );
    expect(error).toMatchObject({ code: 'RETIREMENT_REASON_REQUIRED', status: 422 });
    const archived = await service.transition({
      modelName: 'support-bot',
      version: 4,
      toStage: 'archived',
      actor,
      reason: 'superseded',
    });
    expect(archived.stage).toBe('archived');
    expect(service.allowedTransitions(archived.stage)).toEqual([]);
  });
});
