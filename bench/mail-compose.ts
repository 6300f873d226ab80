// Composing personalised messages in the shared MJML layout: one MJML compile
// per shape of message, then a slot fill per recipient. Baseline in the same
// run: compiling the MJML for every message, as a naive template would.
import mjml2html from 'mjml';
import { booking, LAYOUT } from '../src/platform/mail/fixtures.ts';
import { escapeHtml, messageMjml, mjmlCompiles } from '../src/platform/mail/layout.ts';
import { composeMessage, resolveContent } from '../src/platform/mail/message.ts';
import { machine, median, percentile } from './stats.ts';

const N = 3000;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

console.log(`mail-compose on ${machine()}`);

let started = performance.now();
await composeMessage(booking(0), LAYOUT);
const cold = performance.now() - started;

// Each recipient's own message, as a job sending 3,000 reminders would make them.
const each: number[] = [];
const cpu = process.cpuUsage();
started = performance.now();
for (let n = 1; n <= N; n++) {
  const t = performance.now();
  await composeMessage(booking(n), LAYOUT);
  each.push(performance.now() - t);
}
const wall = performance.now() - started;
const cpuAll = cpuMs(cpu);

// Baseline: what every message would cost if MJML compiled it (20 samples).
const naive: number[] = [];
for (let n = 1; n <= 20; n++) {
  const source = messageMjml(resolveContent(booking(n), LAYOUT), LAYOUT, escapeHtml);
  const t = performance.now();
  await mjml2html(source, { validationLevel: 'strict', keepComments: false, fonts: {} });
  naive.push(performance.now() - t);
}

console.log(`first message (MJML compile of the layout): ${cold.toFixed(0)} ms`);
console.log(
  `${N} personalised messages: ${wall.toFixed(0)} ms wall, ${cpuAll.toFixed(0)} ms CPU; ` +
    `per message median ${median(each).toFixed(3)} ms, p95 ${percentile(each, 95).toFixed(3)} ms; ` +
    `MJML compiles: ${mjmlCompiles()}`,
);
console.log(
  `baseline, MJML compile per message: median ${median(naive).toFixed(0)} ms, p95 ${percentile(naive, 95).toFixed(0)} ms ` +
    `(${(median(naive) / median(each)).toFixed(0)}× the cached median; ${((median(naive) * N) / 1000).toFixed(0)} s for ${N})`,
);
