/** Writes public/scenario.schema.json from src/scenarios/scenarioSchema.ts (run: npx tsx scripts/write-scenario-schema.ts). */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenarios/toJsonSchema';

writeFileSync(new URL('../public/scenario.schema.json', import.meta.url), JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log('wrote public/scenario.schema.json');
