// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median, ratioSummary } from './stats.js';

test('median: the middle value, or the mean of the two middle ones', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test('median leaves its input in order', () => {
  const values = [3, 1, 2];
  median(values);
  assert.deepEqual(values, [3, 1, 2]);
});

test('ratioSummary: the median ratio, the range of the rounds, and the goal', () => {
  assert.equal(ratioSummary([1.1, 0.97, 1.04]), '1.04× [0.97–1.10] met');
  assert.equal(ratioSummary([0.9, 0.95, 0.99]), '0.95× [0.90–0.99] NOT met');
  assert.equal(ratioSummary([1.5, 1.7, 1.6], 2), '1.60× [1.50–1.70] NOT met');
});
