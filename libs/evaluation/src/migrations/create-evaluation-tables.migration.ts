import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evaluation's catalogue (dataset and model versions from events), suites, gate policies and evaluations. */
export class CreateEvaluationTables1764600001000 implements MigrationInterface {
  name = 'CreateEvaluationTables1764600001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE evaluation.dataset_versions (
      version_id uuid PRIMARY KEY,
      dataset_id uuid NOT NULL,
      dataset_name text NOT NULL,
      version int NOT NULL,
      manifest_uri text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      'CREATE INDEX dataset_versions_by_name ON evaluation.dataset_versions (dataset_name, version DESC)',
    );
    await runner.query(`CREATE TABLE evaluation.model_versions (
      version_id uuid PRIMARY KEY,
      model_id uuid NOT NULL,
      model_name text NOT NULL,
      version int NOT NULL,
      format text NOT NULL,
      artifacts jsonb NOT NULL,
      base_model jsonb,
      datasets jsonb NOT NULL,
      run_id uuid,
      stage text NOT NULL DEFAULT 'registered',
      stage_changed_at timestamptz,
      registered_at timestamptz NOT NULL
    )`);
    await runner.query(
      'CREATE INDEX model_versions_by_name ON evaluation.model_versions (model_name, version DESC)',
    );
    await runner.query(`CREATE TABLE evaluation.gate_policies (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      version int NOT NULL,
      rules jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (name, version)
    )`);
    await runner.query(`CREATE TABLE evaluation.suites (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      version int NOT NULL,
      spec jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (name, version)
    )`);
    await runner.query(`CREATE TABLE evaluation.evaluations (
      id uuid PRIMARY KEY,
      status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
      trigger text NOT NULL,
      candidate jsonb NOT NULL,
      suite jsonb NOT NULL,
      suite_spec jsonb NOT NULL,
      datasets jsonb NOT NULL,
      gate_policy jsonb,
      attempt int NOT NULL DEFAULT 0,
      dedup_key text UNIQUE,
      result jsonb,
      error jsonb,
      progress jsonb,
      heartbeat_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    )`);
    await runner.query(
      "CREATE INDEX evaluations_queue ON evaluation.evaluations (created_at) WHERE status = 'queued'",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['evaluations', 'suites', 'gate_policies', 'model_versions', 'dataset_versions']) {
      await runner.query(`DROP TABLE evaluation.${table}`);
    }
  }
}
