/**
 * User tokens: HS256 JWTs signed with the tenant's user-token secret, `aud` = tenant id, with
 * `sub` and `exp` required. The key is the UTF-8 bytes of the secret the admin CLI shows, as any
 * JWT library uses a string secret (see userTokenKey). Verified with jose, which refuses `alg: none` and any algorithm
 * other than the one allowed here.
 */
import { userTokenKey } from '../domain/access';
import { badInput } from '../domain/errors';
import { loadJose } from './jose';

const ALGORITHM = 'HS256';
/** Clock skew tolerated between the token's issuer and this server. */
const CLOCK_TOLERANCE_S = 30;

const keyOf = userTokenKey;

export async function signUserToken(options: {
  tenantId: string;
  userId: string;
  secret: string;
  ttlSeconds: number;
  now?: Date;
}): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new (loadJose().SignJWT)({})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(options.userId)
    .setAudience(options.tenantId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.ttlSeconds)
    .sign(keyOf(options.secret));
}

/** The user id (`sub`), or a reason the token is not acceptable. */
export async function verifyUserToken(
  token: string,
  tenantId: string,
  secrets: readonly string[],
): Promise<{ userId: string } | { problem: string }> {
  const problem = 'the user token is not valid';
  const { errors, jwtVerify } = loadJose();
  for (const secret of secrets) {
    try {
      const { payload } = await jwtVerify(token, keyOf(secret), {
        algorithms: [ALGORITHM],
        audience: tenantId,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      // jose checks that `sub` is present, not its type: a number or ["zed"] must not pass as a user id.
      if (typeof payload.sub !== 'string' || payload.sub === '')
        return { problem: 'the user token is not valid: "sub" must be a non-empty string' };
      return { userId: payload.sub };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { problem: 'the user token has expired' };
      if (error instanceof errors.JWTClaimValidationFailed)
        return { problem: `the user token is not valid: ${error.message}` };
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) return { problem };
      // signed with another secret: try the next (older) one
    }
  }
  return { problem };
}

/** "1h", "30m", "7d", "3600" (seconds) → seconds. */
export function parseTtl(ttl: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(ttl.trim());
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match?.[2] ?? ''] ?? 1;
  const seconds = match ? Number(match[1]) * unit : NaN;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 30 * 86400)
    throw badInput(`--ttl must be between 1s and 30d, like 1h or 90m; got "${ttl}"`);
  return seconds;
}
