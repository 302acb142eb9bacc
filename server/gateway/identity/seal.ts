// Encrypted, authenticated tokens for cookies (JWE dir + A256GCM with jose). Each purpose derives its own keys
// from every secret, so a sign-in transaction can never pass as a session. The first secret seals; any of them
// opens (rotation: add a new first secret, keep the old one until its cookies have expired).
import { createHash, hkdfSync } from 'node:crypto';
import { EncryptJWT, type JWTPayload, jwtDecrypt } from 'jose';

interface Key {
  kid: string;
  key: Uint8Array;
}

function deriveKey(secret: string, purpose: string): Key {
  const key = new Uint8Array(hkdfSync('sha256', secret, '', `sent-console/${purpose}/v1`, 32));
  // The key id tells which secret sealed a token without revealing anything about it.
  const kid = createHash('sha256').update(key).digest('base64url').slice(0, 12);
  return { kid, key };
}

export interface Opened {
  claims: JWTPayload;
  /** False when an older secret sealed it: the caller should re-seal with the current one. */
  current: boolean;
}

export interface Sealer {
  seal(claims: JWTPayload): Promise<string>;
  /** null for anything forged, tampered with, sealed for another purpose or by an unknown secret. */
  open(token: string): Promise<Opened | null>;
}

export function createSealer(secrets: readonly string[], purpose: string): Sealer {
  if (secrets.length === 0) throw new Error('createSealer needs at least one secret');
  const keys = secrets.map((s) => deriveKey(s, purpose));
  const first = keys[0] as Key;
  return {
    seal: (claims) =>
      new EncryptJWT(claims)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: first.kid })
        .encrypt(first.key),
    async open(token) {
      try {
        const { payload, protectedHeader } = await jwtDecrypt(
          token,
          async (header) => {
            const match = keys.find((k) => k.kid === header.kid);
            if (!match) throw new Error('unknown key');
            return match.key;
          },
          { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] },
        );
        // The header is authenticated data of the JWE: a swapped kid fails decryption.
        return { claims: payload, current: protectedHeader.kid === first.kid };
      } catch {
        return null;
      }
    },
  };
}
