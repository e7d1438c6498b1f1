import { createAimsServices } from '../src/language/aims-module.js';
import { EmptyFileSystem } from 'langium';
const parser = createAimsServices(EmptyFileSystem).Aims.parser.LangiumParser;
const units = ['}}risk "t"', 'risk r "t" { owner ', '{', 'soa { control A.2.2 applicable { evidence ', 'person p "x" { role "a" }}'];
for (const n of process.argv.slice(2).map(Number)) {
    for (const unit of units) {
        const t0 = performance.now();
        const r = parser.parse(unit.repeat(n));
        console.log(n, JSON.stringify(unit), (performance.now() - t0).toFixed(0), 'ms', r.parserErrors.length, (r.value as any).elements.length, r.parserErrors[0]?.name);
    }
}
