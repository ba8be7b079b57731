import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Runs, their metrics, sweeps and training plans. */
export class CreateRuns1764500001000 implements MigrationInterface {
  name = 'CreateRuns1764500001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE training.runs (
      id uuid PRIMARY KEY,
      name text,
      status text NOT NULL,
      executor text NOT NULL,
      priority int NOT NULL DEFAULT 0,
      spec jsonb NOT NULL,
      lineage jsonb NOT NULL,
      trigger jsonb NOT NULL,
      attempt int NOT NULL DEFAULT 0,
      callback_token_hash text,
      latest_metrics jsonb NOT NULL DEFAULT '{}',
      progress jsonb,
      artifacts jsonb NOT NULL DEFAULT '[]',
      error jsonb,
      last_log_lines jsonb NOT NULL DEFAULT '[]',
      sweep_id uuid,
      trial int,
      plan_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      running_at timestamptz,
      finished_at timestamptz
    )`);
    await runner.query(
      `CREATE INDEX runs_queue ON training.runs (priority DESC, created_at) WHERE status = 'queued'`,
    );
    await runner.query(`CREATE INDEX runs_sweep ON training.runs (sweep_id) WHERE sweep_id IS NOT NULL`);
    await runner.query(`CREATE TABLE training.run_metrics (
      run_id uuid NOT NULL REFERENCES training.runs(id),
      attempt int NOT NULL,
      step int NOT NULL,
      name text NOT NULL,
      value double precision NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (run_id, attempt, step, name)
    )`);
    await runner.query(`CREATE TABLE training.sweeps (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      spec jsonb NOT NULL,
      run_template jsonb NOT NULL,
      status text NOT NULL,
      best_run_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);
    await runner.query(`CREATE TABLE training.plans (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      trigger jsonb NOT NULL,
      run_template jsonb NOT NULL,
      cooldown_seconds int NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      last_fired_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE training.plans');
    await runner.query('DROP TABLE training.sweeps');
    await runner.query('DROP TABLE training.run_metrics');
    await runner.query('DROP TABLE training.runs');
  }
}
