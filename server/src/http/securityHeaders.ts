import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface SecurityHeadersOptions {
  /** Served over HTTPS (SAMLE_SECURE_COOKIES): only then HSTS and upgrade-insecure-requests. */
  secure: boolean;
}

/**
 * The Content-Security-Policy the built client works with (checked in Chromium with
 * the policy on): everything from Samle's own origin, nothing inline but styles.
 */
export function contentSecurityPolicy(secure: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // Inline style attributes: the board positions notes and the drag-and-drop and
    // editor libraries size overlays with them. Scripts stay strict.
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: for the QR codes and icons that are made in the page; blob: for exports.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // 'self' includes ws:/wss: to the same host, so the sync socket needs nothing more.
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    // No page of Samle is meant to be embedded (big screens open it full-screen).
    'frame-ancestors': ["'none'"],
    // Over plain HTTP on a LAN (HOST=0.0.0.0), upgrading requests would break every asset.
    ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** Security headers on every response (pages, assets and the JSON API). */
export const securityHeaders = fp<SecurityHeadersOptions>(
  async (app: FastifyInstance, options) => {
    await app.register(fastifyHelmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options.secure) },
      // Invite and revisit links carry tokens in their path: never send them on as a Referer.
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
      // HSTS only when the operator says Samle is served over HTTPS: sent over plain HTTP
      // on a LAN it would lock browsers out of that host name for a year.
      strictTransportSecurity: options.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    });
  },
  { name: 'samle-security-headers' },
);
