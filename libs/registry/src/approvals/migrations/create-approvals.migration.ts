import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Promotion policies (versioned), evaluation evidence, approval requests with decisions and comments. */
export class CreateApprovals1764400200000 implements MigrationInterface {
  name = 'CreateApprovals1764400200000';

  async up(runner: QueryRunner): Promise<void> {
    // Policies are keyed by model name: a policy may be set before the model's first version exists.
    await runner.query(`CREATE TABLE registry.approval_policies (
      model_name text NOT NULL,
      version int NOT NULL CHECK (version >= 1),
      policy jsonb NOT NULL,
      comment text NOT NULL DEFAULT '',
      created_by jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (model_name, version)
    )`);
    await runner.query(`CREATE TABLE registry.approval_evaluations (
      evaluation_id uuid PRIMARY KEY,
      model_id uuid NOT NULL,
      model_name text NOT NULL,
      version_id uuid NOT NULL,
      version int NOT NULL,
      suite_id uuid NOT NULL,
      suite_name text NOT NULL,
      suite_version int NOT NULL,
      gate_verdict text CHECK (gate_verdict IN ('pass', 'fail')),
      gate jsonb,
      metrics jsonb NOT NULL,
      probes jsonb NOT NULL,
      warnings jsonb NOT NULL,
      report jsonb NOT NULL,
      completed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      auto_staging jsonb
    )`);
    await runner.query(
      'CREATE INDEX approval_evaluations_version ON registry.approval_evaluations (model_name, version, completed_at DESC)',
    );
    await runner.query(`CREATE TABLE registry.approval_requests (
      id uuid PRIMARY KEY,
      subject_kind text NOT NULL,
      subject_key text NOT NULL,
      subject jsonb NOT NULL,
      requested_by jsonb NOT NULL,
      requested_by_subject text NOT NULL,
      required_approvals int NOT NULL CHECK (required_approvals >= 1),
      approver_role text NOT NULL,
      four_eyes boolean NOT NULL,
      evidence jsonb NOT NULL,
      comment text NOT NULL,
      state text NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'applied', 'withdrawn', 'expired')),
      expires_at timestamptz,
      created_at timestamptz NOT NULL,
      resolved_at timestamptz,
      applied_at timestamptz,
      applied_by jsonb
    )`);
    // One open request per subject: concurrent requests for the same change cannot both be created.
    await runner.query(
      `CREATE UNIQUE INDEX approval_requests_open_subject ON registry.approval_requests (subject_key)
       WHERE state IN ('pending', 'approved')`,
    );
    await runner.query('CREATE INDEX approval_requests_state ON registry.approval_requests (state, id)');
    await runner.query(`CREATE TABLE registry.approval_decisions (
      id uuid PRIMARY KEY,
      request_id uuid NOT NULL REFERENCES registry.approval_requests(id),
      decided_by_subject text NOT NULL,
      decided_by jsonb NOT NULL,
      decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
      comment text NOT NULL,
      decided_at timestamptz NOT NULL,
      UNIQUE (request_id, decided_by_subject)
    )`);
    await runner.query(`CREATE TABLE registry.approval_comments (
      id uuid PRIMARY KEY,
      request_id uuid NOT NULL REFERENCES registry.approval_requests(id),
      author jsonb NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await runner.query(
      'CREATE INDEX approval_comments_request ON registry.approval_comments (request_id, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE registry.approval_comments');
    await runner.query('DROP TABLE registry.approval_decisions');
    await runner.query('DROP TABLE registry.approval_requests');
    await runner.query('DROP TABLE registry.approval_evaluations');
    await runner.query('DROP TABLE registry.approval_policies');
  }
}
