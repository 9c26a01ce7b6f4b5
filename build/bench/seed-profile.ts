// `npx tsx build/bench/seed-profile.ts <profile-dir> <messages> [title]`: writes one long conversation into a profile
// through the core's own repositories, so anyone can reproduce the benchmark figures by hand.

import { seedLongConversation } from '../../e2e/support/seed-history';

const [profileDir, count, title] = process.argv.slice(2);
if (!profileDir || !count) {
  console.error('usage: tsx build/bench/seed-profile.ts <profile-dir> <messages> [title]');
  process.exit(2);
}
const seeded = seedLongConversation(profileDir, Number(count), title ?? `Seeded ${count}`);
console.log(`seeded "${seeded.title}" (${count} messages) into ${profileDir}`);
