/**
 * The parts of jose this server uses, in one module that src/auth/jose.ts loads on first use. In
 * the Lambda bundle esbuild evaluates a require()d module (and jose's modules under it) only when
 * it is required, so a cold start whose first request carries no user token never runs jose's
 * module code.
 */
export { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';
