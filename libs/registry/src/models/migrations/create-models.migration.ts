import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Models, versions (with the optimistic-lock `row_version`), aliases, stage history, cards, permissions. */
export class CreateModels1764400100000 implements MigrationInterface {
  name = 'CreateModels1764400100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE registry.models (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      description text NOT NULL DEFAULT '',
      latest_version int NOT NULL DEFAULT 0,
      created_by jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE registry.model_versions (
      id uuid PRIMARY KEY,
      model_id uuid NOT NULL REFERENCES registry.models(id),
      version int NOT NULL,
      stage text NOT NULL,
      row_version int NOT NULL DEFAULT 1,
      format text NOT NULL,
      artifacts jsonb NOT NULL,
      base_model jsonb,
      method text,
      hyperparameters jsonb NOT NULL DEFAULT '{}',
      metrics jsonb NOT NULL DEFAULT '{}',
      tags jsonb NOT NULL DEFAULT '{}',
      description text NOT NULL DEFAULT '',
      lineage jsonb NOT NULL,
      run_id uuid,
      source jsonb NOT NULL,
      registered_by jsonb NOT NULL,
      registered_at timestamptz NOT NULL,
      stage_changed_at timestamptz NOT NULL,
      retired_at timestamptz,
      retired_reason text,
      UNIQUE (model_id, version)
    )`);
    // One version per training run: redelivered or replayed run-completed events register nothing new.
    await runner.query(
      'CREATE UNIQUE INDEX model_versions_run_id_key ON registry.model_versions (run_id) WHERE run_id IS NOT NULL',
    );
    // At most one production version per model, whatever the application does.
    await runner.query(
      `CREATE UNIQUE INDEX model_versions_one_production ON registry.model_versions (model_id)
       WHERE stage = 'production'`,
    );
    await runner.query(`CREATE TABLE registry.model_aliases (
      model_id uuid NOT NULL REFERENCES registry.models(id),
      alias text NOT NULL,
      version_id uuid NOT NULL REFERENCES registry.model_versions(id),
      updated_by jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (model_id, alias)
    )`);
    await runner.query(`CREATE TABLE registry.model_stage_history (
      id bigserial PRIMARY KEY,
      model_id uuid NOT NULL REFERENCES registry.models(id),
      version_id uuid NOT NULL REFERENCES registry.model_versions(id),
      version int NOT NULL,
      from_stage text,
      to_stage text NOT NULL,
      reason text NOT NULL,
      actor jsonb NOT NULL,
      evidence jsonb,
      changed_at timestamptz NOT NULL
    )`);
    await runner.query(
      'CREATE INDEX model_stage_history_model_time ON registry.model_stage_history (model_id, changed_at)',
    );
    await runner.query(
      'CREATE INDEX model_stage_history_version ON registry.model_stage_history (version_id, id)',
    );
    await runner.query(`CREATE TABLE registry.model_cards (
      version_id uuid PRIMARY KEY REFERENCES registry.model_versions(id),
      sections jsonb NOT NULL DEFAULT '{}',
      markdown text,
      uri text,
      sha256 text,
      size int,
      complete boolean NOT NULL DEFAULT false,
      updated_by jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE registry.model_permissions (
      model_id uuid NOT NULL REFERENCES registry.models(id),
      subject text NOT NULL,
      permission text NOT NULL CHECK (permission IN ('owner', 'maintainer')),
      PRIMARY KEY (model_id, subject)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'model_permissions',
      'model_cards',
      'model_stage_history',
      'model_aliases',
      'model_versions',
      'models',
    ]) {
      await runner.query(`DROP TABLE registry.${table}`);
    }
  }
}
