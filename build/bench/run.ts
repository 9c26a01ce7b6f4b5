// `npm run bench`: every benchmark, each printed as a ratio against a baseline measured side by side in the same run.
// `npm run bench -- <section>...` runs only the named sections (listed by `npm run bench -- --list`).

import { attachmentsBench } from './attachments';
import { imageConversationBench } from './image-conversation';
import { chatUi } from './chat-ui';
import { compareBench } from './compare';
import { integrityCheck } from './integrity-check';
import { history } from './history';
import { createMeasurement } from './measure';
import { modelsBench } from './models';
import { portability } from './portability';
import { sidebarBench } from './sidebar';
import { spendBench } from './spend';
import { transportOverhead } from './transport-overhead';

const print = (line: string): void => console.log(line);
const measure = createMeasurement(print);

/** Each section in the order a full run takes them; names are what the command line selects. */
const sections: Record<string, () => Promise<void>> = {
  transport: () => transportOverhead(measure),
  integrity: () => integrityCheck(measure),
  portability: () => portability(measure),
  'chat-ui': () => chatUi(print),
  models: () => modelsBench(print),
  history: () => history(print),
  sidebar: () => sidebarBench(print),
  spend: () => spendBench(print),
  compare: () => compareBench(print),
  attachments: async () => {
    await attachmentsBench(print);
    await imageConversationBench(print);
  },
};

const requested = process.argv.slice(2);
if (requested.includes('--list')) {
  print(Object.keys(sections).join('\n'));
} else {
  const unknown = requested.filter((name) => !(name in sections));
  if (unknown.length > 0) {
    console.error(`Unknown bench section(s): ${unknown.join(', ')}. Known: ${Object.keys(sections).join(', ')}.`);
    process.exit(2);
  }
  for (const [name, run] of Object.entries(sections)) {
    if (requested.length === 0 || requested.includes(name)) await run();
  }
}
