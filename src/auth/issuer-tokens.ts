/**
 * Tokens of a tenant's OIDC/JWT issuers (Auth0, Cognito, Clerk, Keycloak…), verified with jose
 * against the issuer's JSON Web Key Set. One remote key set per JWKS URL and container: keys are
 * fetched once (with a timeout), kept for `cacheMaxAgeMs`, and fetched again on an unknown `kid`
 * at most once per `cooldownMs`, so a token with a made-up `kid` cannot make us hammer the issuer.
 */
import type { JWTVerifyGetKey } from 'jose';
import type { TrustedIssuer } from '../domain/access';
import { loadJose } from './jose';
import { LruCache } from './lru-cache';

/** Asymmetric algorithms only: an HS256 token can never pass as an issuer's (its JWKS key is public). */
export const ISSUER_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
const CLOCK_TOLERANCE_S = 30;
const KEY_SETS_LIMIT = 1_000;

export interface JwksPolicy {
  /** How long one JWKS fetch may take. */
  timeoutMs: number;
  /** The least time between two fetches of one JWKS (an unknown `kid` waits for it). */
  cooldownMs: number;
  /** How long fetched keys are used before they are fetched again. */
  cacheMaxAgeMs: number;
}

export const DEFAULT_JWKS_POLICY: JwksPolicy = { timeoutMs: 3_000, cooldownMs: 30_000, cacheMaxAgeMs: 600_000 };

/** A JWKS that could not be fetched: a 401 that says so, not a 500. */
class JwksUnavailable extends Error {}

export type Verdict = { userId: string } | { problem: string };

export class IssuerTokens {
  private readonly keySets = new LruCache<string, JWTVerifyGetKey>(KEY_SETS_LIMIT);

  constructor(private readonly policy: JwksPolicy = DEFAULT_JWKS_POLICY) {}

  /** The user id (the issuer's user claim, as given), or a reason the token is not acceptable. */
  async verify(token: string, issuer: TrustedIssuer): Promise<Verdict> {
    try {
      const { payload } = await loadJose().jwtVerify(token, this.keySet(issuer.jwksUrl), {
        algorithms: ISSUER_ALGORITHMS,
        issuer: issuer.issuer,
        audience: issuer.audience,
        requiredClaims: ['iss', 'aud', 'exp', issuer.userClaim],
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      const userId = payload[issuer.userClaim];
      if (typeof userId !== 'string' || userId === '')
        return { problem: `the user token is not valid: "${issuer.userClaim}" must be a non-empty string` };
      return { userId };
    } catch (error) {
      return { problem: problemOf(error) };
    }
  }

  /** The issuer's remote key set, shared by every tenant that trusts the same JWKS URL. */
  private keySet(jwksUrl: string): JWTVerifyGetKey {
    const cached = this.keySets.get(jwksUrl, 0);
    if (cached) return cached;
    const { createRemoteJWKSet, errors } = loadJose();
    const remote = createRemoteJWKSet(new URL(jwksUrl), {
      timeoutDuration: this.policy.timeoutMs,
      cooldownDuration: this.policy.cooldownMs,
      cacheMaxAge: this.policy.cacheMaxAgeMs,
    });
    const getKey: JWTVerifyGetKey = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
        throw new JwksUnavailable(error instanceof errors.JWKSTimeout ? 'timed out' : 'fetch failed');
      }
    };
    this.keySets.set(jwksUrl, getKey, Number.MAX_SAFE_INTEGER);
    return getKey;
  }
}

function problemOf(error: unknown): string {
  const { errors } = loadJose();
  if (error instanceof JwksUnavailable)
    return `the signing keys of the token's issuer could not be fetched (${error.message}); try again later`;
  if (error instanceof errors.JWTExpired) return 'the user token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the user token is not valid: ${error.message}`;
  if (error instanceof errors.JOSEAlgNotAllowed)
    return `the user token is not valid: its issuer's tokens must be signed with ${ISSUER_ALGORITHMS.join(', ')}`;
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'the user token is not valid: no key of its issuer matches its "kid"';
  return 'the user token is not valid';
}
