// Verification's SQL: each row's canonical content text written by the database from the stored columns
// (keys sorted as canonicalJson sorts them, strings JSON-quoted exactly as JSON.stringify quotes them;
// chain-source.test.ts holds them equal), and on PostgreSQL its hash and the links between rows too.
// The two JSON columns are hashed as stored: a match is proof either way (the bytes hashed are the bytes
// stored), and a row stored in another form fails here and is judged in full by rowHolds.
import { ENTRY_COLUMNS } from './entry.ts';
import { type Placeholder, pgPlaceholder } from './sql.ts';

const JSON_COLUMNS = new Set(['actor_groups', 'details']);
// The content's keys in canonicalJson's order: every stored column but the chain's own, sorted.
const KEYS = ENTRY_COLUMNS.filter((c) => c !== 'seq' && c !== 'prev_hash' && c !== 'hash').sort();
const STRING_COLUMNS = KEYS.filter((k) => k !== 'at' && !JSON_COLUMNS.has(k));

function canonicalTextSql(quote: (column: string) => string, at: string): string {
  const value = (key: string) => (key === 'at' ? at : JSON_COLUMNS.has(key) ? key : quote(key));
  return `${KEYS.map((key, i) => `'${i ? ',' : '{'}"${key}":' || ${value(key)}`).join(' || ')} || '}'`;
}

export const SQLITE_TEXT = canonicalTextSql((c) => `json_quote(${c})`, 'json_quote(at)');

const PG_AT = `'"' || pg_catalog.to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'`;
const PG_QUOTED = canonicalTextSql((c) => `coalesce(pg_catalog.to_json(${c})::text, 'null')`, PG_AT);
const PG_PLAIN = canonicalTextSql((c) => `coalesce('"' || ${c} || '"', 'null')`, PG_AT);
// to_json costs a fifth of a microsecond a call, most of the row's cost; quoted once over all the string
// columns together it only lengthens the text if some column has a character JSON escapes. When none has,
// quoting each is putting it in quotes, so the plain text is the quoted text, byte for byte; otherwise (and
// only then) each column is quoted. Whatever a column holds, the text is exactly what JSON.stringify gives.
const PG_ALL_STRINGS = `pg_catalog.concat(${STRING_COLUMNS.join(', ')})`;
const PG_NOTHING_TO_ESCAPE = `pg_catalog.octet_length(pg_catalog.to_json(${PG_ALL_STRINGS})::text) = pg_catalog.octet_length(${PG_ALL_STRINGS}) + 2`;
export const PG_TEXT = `(CASE WHEN ${PG_NOTHING_TO_ESCAPE} THEN ${PG_PLAIN} ELSE ${PG_QUOTED} END)`;

/** Whether the row hashes right, exactly as entryHash computes it: prev_hash + "\n" + seq + "\n" + text. */
const PG_HOLDS = `pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
  prev_hash || E'\\n' || seq || E'\\n' || ${PG_TEXT}, 'UTF8')), 'hex') = hash`;

const range = (ph: Placeholder) => `FROM audit_entries WHERE seq > ${ph(1)} AND seq <= ${ph(2)}`;

export const textsSql = (ph: Placeholder, text: string) =>
  `SELECT seq, prev_hash, hash, ${text} AS text ${range(ph)} ORDER BY seq LIMIT ${ph(3)}`;

export const PG_HASHED = `SELECT seq, prev_hash, hash, ${PG_HOLDS} AS holds ${range(pgPlaceholder)} ORDER BY seq LIMIT $3`;

/**
 * A whole seq range (after $1, up to $2) checked in the database, answered in one row: how many rows, the
 * first's place and link, the last's hash, whether every row hashes right and follows the one before it
 * (seq + 1, prev_hash = its hash), and the hashes of the anchored entries ($3). Only a NULL-proof "yes"
 * counts (bool_and skips NULLs). Anchored rows are looked up by the seq index rather than tested on every
 * row: `= ANY` over a parameter array is a linear search per row.
 */
export const PG_SPAN = `SELECT s.*, a.seqs AS anchored_seqs, a.hashes AS anchored_hashes FROM (
  SELECT count(*) AS count, min(seq) AS first_seq, max(seq) AS last_seq,
    max(prev_hash) FILTER (WHERE before IS NULL) AS first_prev_hash,
    max(hash) FILTER (WHERE after IS NULL) AS last_hash,
    coalesce(bool_and((holds AND (before IS NULL OR (seq = before + 1 AND prev_hash = before_hash))) IS TRUE), true) AS fine
  FROM (SELECT seq, prev_hash, hash, ${PG_HOLDS} AS holds,
      lag(seq) OVER w AS before, lag(hash) OVER w AS before_hash, lead(seq) OVER w AS after
    ${range(pgPlaceholder)} WINDOW w AS (ORDER BY seq)) r
) s, (SELECT array_agg(seq ORDER BY seq) AS seqs, array_agg(hash ORDER BY seq) AS hashes
  FROM audit_entries WHERE seq = ANY($3::bigint[])) a`;
