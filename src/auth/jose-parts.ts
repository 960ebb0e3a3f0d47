/**
 * The parts of jose this server uses, in one module that src/auth/jose.ts loads on first use. In
 * the Lambda bundle it is a file of its own (esbuild-plugins.js, LAZY_CHUNKS), so a cold start
 * whose first request carries no user token neither compiles nor runs jose.
 */
export { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';
