import { describe, expect, it } from 'vitest';
import { RESERVED_GROUP } from '#contract/reservedGroups';
import {
  assumedBefore,
  batchLimit,
  changes,
  inverseKind,
  inverseOp,
  jobOp,
  type BeforeState,
  type ItemOp,
} from '../../../electron/core/jobs/itemOp';
import { startOfNextMinute } from '../../../electron/core/jobs/jobTiming';

const state = (groups: number[], blacklisted = false): BeforeState => ({ groups, blacklisted });
const apply = (op: ItemOp, s: BeforeState): BeforeState => {
  if (op.kind === 'blacklist') return { ...s, blacklisted: op.on };
  if (op.kind === 'group') return changes(op, s) ? { ...s, groups: [op.to] } : s;
  const groups = new Set([...s.groups, ...op.add]);
  for (const id of op.remove) groups.delete(id);
  return { ...s, groups: [...groups].sort((a, b) => a - b) };
};

describe('item ops', () => {
  it('derive from the job kind for each API', () => {
    expect(jobOp('move', 'tags', { from: 100, to: 101 })).toEqual({
      kind: 'tags',
      add: [101],
      remove: [100],
    });
    expect(jobOp('add', 'tags', { to: 101 })).toEqual({ kind: 'tags', add: [101], remove: [] });
    expect(jobOp('remove', 'tags', { from: 100 })).toEqual({ kind: 'tags', add: [], remove: [100] });
    expect(jobOp('move', 'groups', { from: 100, to: 101 })).toEqual({ kind: 'group', to: 101 });
    expect(jobOp('remove', 'groups', { from: 100 })).toEqual({
      kind: 'group',
      to: RESERVED_GROUP.ungrouped,
      from: 100,
    });
    expect(jobOp('unblacklist', 'tags', {})).toEqual({ kind: 'blacklist', on: false });
    expect(jobOp('deleteGroup', 'tags', { groupId: 7 })).toEqual({ kind: 'tags', add: [], remove: [7] });
    expect(jobOp('deleteGroup', 'groups', { groupId: 7 })).toBeNull();
    expect(batchLimit({ kind: 'blacklist', on: true })).toBe(20);
    expect(batchLimit({ kind: 'group', to: 1 })).toBe(50);
  });

  it('skip followers already in the target state', () => {
    const move: ItemOp = { kind: 'tags', add: [101], remove: [100] };
    expect(changes(move, state([101]))).toBe(false);
    expect(changes(move, state([100, 101]))).toBe(true);
    expect(changes(move, state([]))).toBe(true);
    expect(changes({ kind: 'group', to: RESERVED_GROUP.ungrouped, from: 100 }, state([101]))).toBe(false);
    expect(changes({ kind: 'group', to: RESERVED_GROUP.ungrouped, from: 100 }, state([100]))).toBe(true);
    expect(changes({ kind: 'group', to: 5 }, state([5]))).toBe(false);
    expect(changes({ kind: 'blacklist', on: true }, state([], true))).toBe(false);
  });

  it('invert to the exact before-state, touching only what the op touched', () => {
    const ops: ItemOp[] = [
      { kind: 'tags', add: [101], remove: [100] },
      { kind: 'tags', add: [101], remove: [] },
      { kind: 'tags', add: [], remove: [100] },
      { kind: 'group', to: 101 },
      { kind: 'group', to: 0, from: 100 },
      { kind: 'blacklist', on: true },
      { kind: 'blacklist', on: false },
    ];
    const befores = [
      state([100]),
      state([100, 101]),
      state([101]),
      state([]),
      state([2, 100, 150], true),
      state([0]),
      state([100]),
    ];
    for (const op of ops) {
      for (const before of befores) {
        if (op.kind === 'group' && before.groups.length > 1) continue; // one legacy group each
        const after = apply(op, before);
        const inverse = inverseOp(op, before);
        const restored = inverse ? apply(inverse, after) : after;
        const normal = (s: BeforeState) =>
          op.kind === 'group' ? { ...s, groups: [s.groups.find((g) => g !== 0) ?? 0] } : s;
        expect(normal(restored), `${JSON.stringify(op)} on ${JSON.stringify(before)}`).toEqual(
          normal(before),
        );
      }
    }
    // The case the issue names: both tags before a move A→B keeps B after the undo.
    expect(inverseOp({ kind: 'tags', add: [101], remove: [100] }, state([100, 101]))).toEqual({
      kind: 'tags',
      add: [100],
      remove: [],
    });
    expect(assumedBefore({ kind: 'tags', add: [101], remove: [100] })).toEqual(state([100]));
  });

  it('name the inverse job', () => {
    expect(inverseKind('move', { from: 1, to: 2 })).toEqual({ kind: 'move', params: { from: 2, to: 1 } });
    expect(inverseKind('add', { to: 2 })).toEqual({ kind: 'remove', params: { from: 2 } });
    expect(inverseKind('remove', { from: 1 })).toEqual({ kind: 'add', params: { to: 1 } });
    expect(inverseKind('blacklist', {})).toEqual({ kind: 'unblacklist', params: {} });
    expect(() => inverseKind('deleteGroup', { groupId: 1 })).toThrow();
  });

  it('wait for the start of the next minute on 45011', () => {
    expect(startOfNextMinute(120_000)).toBe(180_000);
    expect(startOfNextMinute(179_999)).toBe(180_000);
  });
});
