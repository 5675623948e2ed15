// Run with: node --test services/api/gui/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogStore, normLevel } from './logstore.js';

test('lines are kept in order and a repeated sequence is ignored', () => {
  const s = new LogStore();
  s.reset('r1');
  assert.equal(s.add({ seq: 3, level: 'info', message: 'a' }), 0);
  assert.equal(s.add({ seq: 5, level: 'warn', message: 'b' }), 0);
  assert.equal(s.add({ seq: 5, level: 'warn', message: 'b' }), -1);
  assert.equal(s.add({ seq: 4, level: 'info', message: 'late' }), -1);
  assert.equal(s.add({ seq: 9, level: 'ERROR', message: 'c' }), 0);
  assert.deepEqual(s.lines.map((l) => [l.seq, l.level, l.message]), [[3, 'info', 'a'], [5, 'warn', 'b'], [9, 'error', 'c']]);
  assert.equal(s.lastSeq, 9);
});

test('progress and step ids advance the sequence too', () => {
  const s = new LogStore();
  assert.equal(s.seen(7), true);
  assert.equal(s.seen(7), false);
  assert.equal(s.add({ seq: 6, message: 'older than a progress event' }), -1);
  assert.equal(s.add({ seq: 8, message: 'x' }), 0);
});

test('the oldest lines are evicted past max', () => {
  const s = new LogStore({ max: 3 });
  for (let i = 1; i <= 3; i++) assert.equal(s.add({ seq: i, message: String(i) }), 0);
  assert.equal(s.add({ seq: 4, message: '4' }), 1);
  assert.deepEqual(s.lines.map((l) => l.message), ['2', '3', '4']);
  assert.equal(s.dropped, 1);
});

test('reset starts a new run', () => {
  const s = new LogStore();
  s.add({ seq: 10, message: 'x' });
  s.reset('r2');
  assert.equal(s.runId, 'r2');
  assert.equal(s.lines.length, 0);
  assert.equal(s.add({ seq: 1, message: 'y' }), 0);
});

test('levels are normalised', () => {
  assert.equal(normLevel('WARNING'), 'warn');
  assert.equal(normLevel('error'), 'error');
  assert.equal(normLevel('DEBUG'), 'debug');
  assert.equal(normLevel(undefined), 'info');
  assert.equal(normLevel('info'), 'info');
});
