// The authorisation policy, rule by rule, on the real shape of the tree (park → zone → part → city).
import { describe, expect, it } from 'vitest';
import { isAllowed } from './policy.ts';

const XLH = ['CD-XLH', 'CD-KXC', 'WSC-SC', 'WSC'];
const SWC = ['CD-SWC', 'CD-KXC', 'WSC-SC', 'WSC'];
const CQ_PARK = ['CQ-GXQ', 'CQ-KXC', 'WSC-CQ', 'WSC'];
const who = (role: string, scope: string) => ({ roles: [{ role, scope }] as never });

describe('authorisation policy', () => {
  it('lets a reporter write its own park and nothing else', () => {
    const reporter = who('reporter', 'CD-XLH');
    expect(isAllowed(reporter, 'data.write', { orgUnitPath: XLH })).toBe(true);
    expect(isAllowed(reporter, 'data.write', { orgUnitPath: SWC })).toBe(false);
    expect(isAllowed(reporter, 'data.write', { orgUnitPath: ['CD-KXC', 'WSC-SC', 'WSC'] })).toBe(false);
    expect(isAllowed(reporter, 'data.review', { orgUnitPath: XLH })).toBe(false);
    expect(isAllowed(reporter, 'users.manage')).toBe(false);
  });

  it('scopes a zone reporter and a provincial reviewer to their subtree', () => {
    expect(isAllowed(who('reporter', 'CD-KXC'), 'data.write', { orgUnitPath: SWC })).toBe(true);
    expect(isAllowed(who('reviewer', 'WSC-SC'), 'data.review', { orgUnitPath: XLH })).toBe(true);
    expect(isAllowed(who('reviewer', 'WSC-SC'), 'data.review', { orgUnitPath: CQ_PARK })).toBe(false);
    expect(isAllowed(who('reviewer', 'WSC-SC'), 'data.write', { orgUnitPath: XLH })).toBe(false);
  });

  it('lets an analyst read the whole tree and run evaluations, but not publish or write', () => {
    const analyst = who('analyst', 'CD-XLH');
    expect(isAllowed(analyst, 'data.read_unpublished', { orgUnitPath: CQ_PARK })).toBe(true);
    expect(isAllowed(analyst, 'evaluation.run')).toBe(true);
    expect(isAllowed(analyst, 'evaluation.publish')).toBe(false);
    expect(isAllowed(analyst, 'data.write', { orgUnitPath: XLH })).toBe(false);
  });

  it('scopes a task owner to its lead unit', () => {
    const owner = who('task_owner', 'MOST');
    expect(isAllowed(owner, 'task.report', { leadUnit: 'MOST' })).toBe(true);
    expect(isAllowed(owner, 'task.report', { leadUnit: 'NDRC' })).toBe(false);
    expect(isAllowed(owner, 'task.manage')).toBe(false);
  });

  it('gives viewers and anonymous callers no write and no unpublished read', () => {
    expect(isAllowed(who('viewer', 'WSC'), 'data.read_unpublished', { orgUnitPath: XLH })).toBe(false);
    expect(isAllowed(null, 'data.write', { orgUnitPath: XLH })).toBe(false);
    expect(isAllowed(who('coordinator', 'WSC'), 'audit.read')).toBe(true);
    expect(isAllowed(who('admin', 'WSC'), 'users.manage')).toBe(true);
    expect(isAllowed(who('coordinator', 'WSC'), 'users.manage')).toBe(false);
  });
});
