import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hash-chained audit log and its chain head. `seq` is assigned by the appender under the head's row
 * lock, not by a sequence: a sequence leaves gaps when a transaction rolls back, and a gap must mean a
 * deleted entry. Triggers make both tables append-only for every role that cannot disable triggers.
 */
export class CreateAuditLog1764400500000 implements MigrationInterface {
  name = 'CreateAuditLog1764400500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE registry.audit_log (
      seq bigint PRIMARY KEY CHECK (seq >= 1),
      audit_id uuid NOT NULL UNIQUE,
      service text NOT NULL,
      actor_subject text NOT NULL,
      actor_kind text NOT NULL,
      actor_roles text[] NOT NULL,
      action text NOT NULL,
      resource_type text NOT NULL,
      resource_id text NOT NULL,
      outcome text NOT NULL,
      before_json text NOT NULL,
      after_json text NOT NULL,
      at timestamptz NOT NULL,
      request_id text,
      correlation_id text,
      recorded_at timestamptz NOT NULL,
      prev_hash text NOT NULL UNIQUE CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
    )`);
    await runner.query('CREATE INDEX audit_log_service ON registry.audit_log (service, seq)');
    await runner.query('CREATE INDEX audit_log_actor ON registry.audit_log (actor_subject, seq)');
    await runner.query(
      'CREATE INDEX audit_log_resource ON registry.audit_log (resource_type, resource_id, seq)',
    );
    await runner.query('CREATE INDEX audit_log_at ON registry.audit_log (at)');

    await runner.query(`CREATE TABLE registry.audit_chain_head (
      id smallint PRIMARY KEY CHECK (id = 1),
      last_seq bigint NOT NULL,
      last_hash text NOT NULL
    )`);
    await runner.query(
      `INSERT INTO registry.audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, '${'0'.repeat(64)}')`,
    );

    await runner.query(`CREATE FUNCTION registry.audit_log_reject_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'registry.audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON registry.audit_log
      FOR EACH ROW EXECUTE FUNCTION registry.audit_log_reject_change()`);
    await runner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON registry.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION registry.audit_log_reject_change()`);

    // The head may only advance by one, onto an entry that exists with that hash.
    await runner.query(`CREATE FUNCTION registry.audit_chain_head_guard() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'UPDATE' THEN
          RAISE EXCEPTION 'registry.audit_chain_head: % is not allowed', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.last_seq <> OLD.last_seq + 1 OR NOT EXISTS (
          SELECT 1 FROM registry.audit_log WHERE seq = NEW.last_seq AND hash = NEW.last_hash
        ) THEN
          RAISE EXCEPTION 'registry.audit_chain_head may only advance onto the next appended entry'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON registry.audit_chain_head
      FOR EACH ROW EXECUTE FUNCTION registry.audit_chain_head_guard()`);
    await runner.query(`CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON registry.audit_chain_head
      FOR EACH STATEMENT EXECUTE FUNCTION registry.audit_chain_head_guard()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE registry.audit_chain_head');
    await runner.query('DROP TABLE registry.audit_log');
    await runner.query('DROP FUNCTION registry.audit_chain_head_guard()');
    await runner.query('DROP FUNCTION registry.audit_log_reject_change()');
  }
}
