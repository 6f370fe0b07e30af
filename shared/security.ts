/**
 * The Content-Security-Policy of every renderer page, in Electron (`app://`)
 * and in the browser host.
 *
 * `style-src 'unsafe-inline'` is the one relaxation: Mantine writes its CSS
 * variables into a <style> element. Scripts stay `'self'` only.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
