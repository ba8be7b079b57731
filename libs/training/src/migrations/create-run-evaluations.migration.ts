import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evaluation results of training runs (from `evaluation-completed` / `evaluation-failed`), for sweeps. */
export class CreateRunEvaluations1764700001000 implements MigrationInterface {
  name = 'CreateRunEvaluations1764700001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE training.run_evaluations (
      evaluation_id uuid PRIMARY KEY,
      run_id uuid NOT NULL,
      suite_name text NOT NULL,
      status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
      metrics jsonb NOT NULL,
      finished_at timestamptz NOT NULL
    )`);
    await runner.query(
      'CREATE INDEX run_evaluations_by_run ON training.run_evaluations (run_id, suite_name)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE training.run_evaluations');
  }
}
