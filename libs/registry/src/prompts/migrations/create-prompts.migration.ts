import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The prompt registry: prompts, their immutable versions, labels pointing at versions (with their move
 * history), links to dataset versions, model versions and evaluations, and the evaluation verdicts
 * received from `evaluation-completed` (the evidence a protected label move needs).
 */
export class CreatePrompts1764400400000 implements MigrationInterface {
  name = 'CreatePrompts1764400400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE registry.prompts (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      description text NOT NULL DEFAULT '',
      protected_labels jsonb NOT NULL,
      required_approvals int NOT NULL CHECK (required_approvals >= 1),
      latest_version int NOT NULL DEFAULT 0,
      created_by jsonb NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await runner.query(`CREATE TABLE registry.prompt_versions (
      id uuid PRIMARY KEY,
      prompt_id uuid NOT NULL REFERENCES registry.prompts(id),
      version int NOT NULL CHECK (version >= 1),
      template jsonb NOT NULL,
      variables jsonb NOT NULL,
      model_parameters jsonb NOT NULL,
      commit_message text NOT NULL,
      created_by jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (prompt_id, version)
    )`);
    // Versions are immutable: a change is a new version. The trigger holds that for any client.
    await runner.query(`CREATE FUNCTION registry.prompt_versions_immutable() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'registry.prompt_versions are immutable: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`CREATE TRIGGER prompt_versions_immutable BEFORE UPDATE OR DELETE ON registry.prompt_versions
      FOR EACH ROW EXECUTE FUNCTION registry.prompt_versions_immutable()`);
    await runner.query(`CREATE TABLE registry.prompt_labels (
      prompt_id uuid NOT NULL REFERENCES registry.prompts(id),
      label text NOT NULL,
      version_id uuid NOT NULL REFERENCES registry.prompt_versions(id),
      version int NOT NULL,
      moved_by jsonb NOT NULL,
      moved_at timestamptz NOT NULL,
      PRIMARY KEY (prompt_id, label)
    )`);
    await runner.query(`CREATE TABLE registry.prompt_label_moves (
      id uuid PRIMARY KEY,
      prompt_id uuid NOT NULL REFERENCES registry.prompts(id),
      label text NOT NULL,
      from_version int,
      from_version_id uuid REFERENCES registry.prompt_versions(id),
      to_version int NOT NULL,
      to_version_id uuid NOT NULL REFERENCES registry.prompt_versions(id),
      protected boolean NOT NULL,
      approval_request_id uuid,
      evaluation_id uuid,
      moved_by jsonb NOT NULL,
      moved_at timestamptz NOT NULL
    )`);
    await runner.query(
      'CREATE INDEX prompt_label_moves_prompt ON registry.prompt_label_moves (prompt_id, label, moved_at)',
    );
    await runner.query(`CREATE TABLE registry.prompt_links (
      id uuid PRIMARY KEY,
      prompt_version_id uuid NOT NULL REFERENCES registry.prompt_versions(id),
      kind text NOT NULL CHECK (kind IN ('dataset-version', 'model-version', 'evaluation')),
      target_id uuid NOT NULL,
      note text NOT NULL DEFAULT '',
      created_by jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (prompt_version_id, kind, target_id)
    )`);
    await runner.query('CREATE INDEX prompt_links_target ON registry.prompt_links (kind, target_id)');
    await runner.query(`CREATE TABLE registry.prompt_evaluation_results (
      evaluation_id uuid PRIMARY KEY,
      suite_name text NOT NULL,
      gate_verdict text CHECK (gate_verdict IN ('pass', 'fail')),
      completed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE registry.prompt_evaluation_results');
    await runner.query('DROP TABLE registry.prompt_links');
    await runner.query('DROP TABLE registry.prompt_label_moves');
    await runner.query('DROP TABLE registry.prompt_labels');
    await runner.query('DROP TABLE registry.prompt_versions');
    await runner.query('DROP FUNCTION registry.prompt_versions_immutable()');
    await runner.query('DROP TABLE registry.prompts');
  }
}
