// The two secrets the database must not hold: the Ed25519 key that signs anchors and the HMAC key for
// numbers. Each comes from a setting (the value itself) or a key file; a missing file is generated on first
// start (mode 0600) when the caller allows it. Production should keep both outside the gateway's data dir.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A key given as the value itself (a setting) or a file path (read, or created when allowed). */
export interface KeySource {
  value?: string;
  file: string;
  /** The setting names, for messages. */
  names: { value: string; file: string };
}

export class AuditKeyError extends Error {
  override name = 'AuditKeyError';
}

export interface VerifyKey {
  publicKey: KeyObject;
  /** First 16 hex digits of sha256(SPKI DER): which key signed an anchor. */
  keyId: string;
}

export interface SigningKey extends VerifyKey {
  privateKey: KeyObject;
}

export const keyIdOf = (publicKey: KeyObject) =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

// Environment variables often carry a PEM with literal "\n".
const pemText = (text: string) => text.replace(/\\n/g, '\n').trim();

function readSource(
  source: KeySource,
  create: (() => string) | null,
): { text: string; origin: string } | null {
  if (source.value) return { text: source.value, origin: source.names.value };
  const origin = `${source.names.file} (${source.file})`;
  if (existsSync(source.file)) return { text: readFileSync(source.file, 'utf8'), origin };
  if (!create) return null;
  const text = create();
  mkdirSync(dirname(source.file), { recursive: true });
  writeFileSync(source.file, text, { mode: 0o600, flag: 'wx' });
  return { text, origin };
}

function ed25519(key: KeyObject, origin: string): void {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AuditKeyError(`${origin} must be an Ed25519 key, got ${key.asymmetricKeyType}.`);
  }
}

/** The anchor-signing key; generated into its file when missing and `create` is set, else null. */
export function loadSigningKey(source: KeySource, create: boolean): SigningKey | null {
  const generate = () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const found = readSource(source, create ? generate : null);
  if (!found) return null;
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pemText(found.text));
  } catch {
    throw new AuditKeyError(`${found.origin} is not a PEM private key (PKCS#8 Ed25519).`);
  }
  ed25519(privateKey, found.origin);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The key that checks anchors: the signing key's public half, from a public or a private PEM. */
export function loadVerifyKey(source: KeySource): VerifyKey | null {
  const found = readSource(source, null);
  if (!found) return null;
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(pemText(found.text));
  } catch {
    throw new AuditKeyError(`${found.origin} is not a PEM Ed25519 key (public or private).`);
  }
  ed25519(publicKey, found.origin);
  return { publicKey, keyId: keyIdOf(publicKey) };
}

export const MIN_PHONE_KEY_LENGTH = 32;

/** The HMAC key for numbers (its bytes as text); generated as 64 hex digits when missing and allowed. */
export function loadPhoneHashKey(source: KeySource, create: boolean): Buffer | null {
  const found = readSource(source, create ? () => randomBytes(32).toString('hex') : null);
  if (!found) return null;
  const text = found.text.trim();
  if (text.length < MIN_PHONE_KEY_LENGTH) {
    throw new AuditKeyError(`${found.origin} must be at least ${MIN_PHONE_KEY_LENGTH} characters.`);
  }
  return Buffer.from(text, 'utf8');
}
