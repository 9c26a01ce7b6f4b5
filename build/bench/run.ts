// `npm run bench`: every benchmark, each printed as a ratio against a baseline measured side by side in the same run.

import { chatUi } from './chat-ui';
import { integrityCheck } from './integrity-check';
import { createMeasurement } from './measure';
import { transportOverhead } from './transport-overhead';

const measure = createMeasurement((line) => console.log(line));
await transportOverhead(measure);
await integrityCheck(measure);
await chatUi((line) => console.log(line));
