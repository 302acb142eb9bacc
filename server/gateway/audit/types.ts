// Types shared by the gateway's audit modules and env.ts (kept free of gateway imports, so env.ts can name
// them without an import cycle).
import type { RecordInput } from '../../audit/recorder.ts';

/** What the identity middleware sets as `person`; only these fields are read. */
export interface AuditPerson {
  sub: string;
  name: string;
  role: string;
  groups?: readonly string[];
}

type Filled = 'actor' | 'requestId' | 'clientAddress' | 'userAgent';
/** An entry minus what the request says; `person` names the actor when the context has none yet (sign-in). */
export type GatewayRecord =
  Omit<RecordInput, Filled> extends infer R
    ? R extends unknown
      ? R & { person?: AuditPerson }
      : never
    : never;
