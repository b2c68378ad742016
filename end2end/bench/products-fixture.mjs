// Writes the reference backend's demo data with the purchaser owning 2,000 subscriptions (copies of the demo's,
// numbered), for the products filter bench. Usage: node bench/products-fixture.mjs <backend binary> <out file>
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const SUBSCRIPTIONS = 2000;

const [backend, out] = process.argv.slice(2);
if (!backend || !out) throw new Error('usage: node bench/products-fixture.mjs <backend binary> <out file>');
const fixture = JSON.parse(execFileSync(backend, ['--print-demo-fixture'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
const purchaser = fixture.users.find((u) => u.role === 'purchaser').person_id;
const owned = fixture.subscriptions.filter((s) => s.owner_id === purchaser);
for (let n = owned.length; n < SUBSCRIPTIONS; n++) {
  const copy = structuredClone(owned[n % owned.length]);
  copy.id = `sub-bench-${String(n).padStart(4, '0')}`;
  copy.product.name = `${copy.product.name} ${String(n).padStart(4, '0')}`;
  fixture.subscriptions.push(copy);
}
writeFileSync(out, JSON.stringify(fixture));
