/** Public API of the statistical audit (re-exported by the package barrel). */
export { auditIndex, type GroupAudit } from './audit.ts';
export { cronbachAlpha } from './cronbach.ts';
