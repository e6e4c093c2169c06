import { runService } from '@gov/kit';
import { service } from './server';

runService(service).catch((e) => { console.error(e); process.exit(1); });
