import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Strings an attacker or an unlucky import could put in names: markup, script, bidi overrides, invisible characters. */
export const HOSTILE = {
  productScript: '<script>window.__pwned=1</script>Business <b>Basic</b>',
  productImage: '<img src=x onerror="window.__pwned=2">Power BI',
  personImage: '<img src=x onerror="window.__pwned=3">Mallory',
  personRtl: 'مريم الحسيني',
  personOverride: 'Evil\u202Eexe.txt',
  personInvisible: 'Zo\u200Bë\u200D Zero\u200CWidth',
  personLong: `${'Wolfeschlegelsteinhausenbergerdorff'.repeat(6)} Long`,
  profile: '<i>Contoso</i> & "Partners" <svg onload=alert(1)>',
  invoiceLine: '</td><script>window.__pwned=4</script>Line',
};

/** The people renamed, in the order they are assigned on the first subscription (and on the admin's). */
export const HOSTILE_PEOPLE = [HOSTILE.personImage, HOSTILE.personRtl, HOSTILE.personOverride, HOSTILE.personInvisible, HOSTILE.personLong];

interface Fixture {
  people: { id: string; display_name: string }[];
  subscriptions: { id: string; owner_id: string; product: { name: string } }[];
  assignments: { subscription_id: string; person_id: string }[];
  billing_profiles: { id: string; name: string }[];
  invoices: { lines: { product: string }[] }[];
  users: { person_id: string; role: string }[];
}

/** Writes the reference backend's demo data with hostile strings in it; returns the file's path. */
export function writeHostileFixture(backend: string): string {
  const fixture: Fixture = JSON.parse(execFileSync(backend, ['--print-demo-fixture'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const purchaser = fixture.users.find((u) => u.role === 'purchaser')!.person_id;
  const admin = fixture.users.find((u) => u.role === 'admin')!.person_id;
  const owned = fixture.subscriptions.filter((s) => s.owner_id === purchaser);
  owned[0].product.name = HOSTILE.productScript;
  owned[1].product.name = HOSTILE.productImage;
  const rename = (subscriptionId: string) => {
    const assigned = fixture.assignments.filter((a) => a.subscription_id === subscriptionId).map((a) => a.person_id);
    const people = fixture.people.filter((p) => assigned.includes(p.id) && !p.display_name.startsWith('='));
    HOSTILE_PEOPLE.forEach((name, i) => (people[i].display_name = name));
  };
  rename(owned[0].id);
  rename(fixture.subscriptions.find((s) => s.owner_id === admin)!.id);
  const profile = fixture.billing_profiles[0];
  profile.name = HOSTILE.profile;
  for (const invoice of fixture.invoices) invoice.lines[0].product = HOSTILE.invoiceLine;
  // One fixed file, rewritten whenever the config loads (the main process and each worker do), so none pile up.
  const file = path.join(os.tmpdir(), 'portal-hostile-fixture.json');
  fs.writeFileSync(file, JSON.stringify(fixture));
  return file;
}
