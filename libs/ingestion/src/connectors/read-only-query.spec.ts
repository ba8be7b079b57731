import { ConnectorError } from './connector.error';
import { assertReadOnlyQuery, withoutLiteralsAndComments } from './read-only-query';

describe('assertReadOnlyQuery', () => {
  it.each([
    'SELECT 1',
    'select * from t;',
    '  (SELECT 1) UNION (SELECT 2)',
    'WITH x AS (SELECT 1) SELECT * FROM x',
    "SELECT ';' AS semi, 'it''s' AS q",
    'SELECT "weird;name" FROM t',
    'SELECT $$a;b$$, $tag$ ; $tag$',
    "SELECT E'a\\';b'",
    '-- leading comment; with a semicolon\nSELECT 1',
    '/* nested /* ; */ still comment; */ SELECT 1',
  ])('accepts %j', (query) => {
    expect(() => {
      assertReadOnlyQuery(query);
    }).not.toThrow();
  });

  it.each([
    'DELETE FROM t',
    'INSERT INTO t VALUES (1)',
    'SELECT 1; DELETE FROM t',
    "SELECT 'a\\'; DELETE FROM t; --'",
    'UPDATE t SET a = 1 -- SELECT',
    '/* SELECT */ DROP TABLE t',
    'COPY t TO STDOUT',
    '',
  ])('rejects %j with query-not-read-only', (query) => {
    try {
      assertReadOnlyQuery(query);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ code: 'query-not-read-only', field: 'query' });
    }
  });

  it('scans long queries in linear time', () => {
    const query = `SELECT ${Array.from({ length: 20_000 }, (_, i) => `'v${i}'`).join(', ')}`;
    const started = Date.now();
    expect(withoutLiteralsAndComments(query)).not.toContain('v1');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
