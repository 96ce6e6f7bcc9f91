// Computes an import's warning and rule verdicts off the importing thread (which meanwhile writes): one
// packed plan in, its verdicts out (buffers transferred, not copied), then the thread ends.
import { parentPort } from 'node:worker_threads';
import { compileRules } from '@scimon/core';
import { buffersOf, computeVerdicts, type CheckInput } from './import.checks.ts';

const port = parentPort;
if (!port) throw new Error('import.checks.worker runs in a worker thread');

port.once('message', (input: CheckInput) => {
  try {
    // The rules as the importing thread compiled them: the same definitions against the same codes.
    const rules = compileRules(input.rules, new Set(input.indicatorCodes));
    if (!rules.ok) throw new Error(`rules do not compile: ${rules.error.code}`);
    const verdicts = computeVerdicts(input, rules.value);
    port.postMessage({ ok: true, verdicts }, buffersOf(verdicts));
  } catch (e) {
    port.postMessage({ ok: false, message: String(e) });
  }
});
