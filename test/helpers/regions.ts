import { REGIONS } from '../../src/model/index.ts';
import { seedText } from './seeds.ts';

/**
 * A full run of twelve regions for tests: the four real documents, and eight more made from the
 * North East and South West ones with another region's name and baselines moved by a few points
 * (some up, some down, some ties), so charts and reports meet every region at once.
 */
export function twelveRegionTexts(): Record<string, string> {
  const texts: Record<string, string> = {
    'north-east-2023.txt': seedText('north-east'),
    'east-of-england-2023.txt': seedText('east-of-england'),
    'yorkshire-and-the-humber-2023.txt': seedText('yorkshire-and-the-humber'),
    'south-west-2023.txt': seedText('south-west'),
  };
  const others = REGIONS.filter(
    (r) => !['north-east', 'east-of-england', 'yorkshire-and-the-humber', 'south-west'].includes(r.id),
  );
  others.forEach((region, i) => {
    const base = i % 2 === 0 ? 'north-east' : 'south-west';
    const name = base === 'north-east' ? 'North East' : 'South West';
    const shift = [-3, 2, 0, 4, -1, 3, -2, 1][i] ?? 0;
    texts[`${region.id}-2023.txt`] = seedText(base)
      .replaceAll(name, region.name)
      .replace(/from (\d+)%/g, (_, n: string) => `from ${Math.max(1, Math.min(90, Number(n) + shift))}%`)
      .replace(/at (\d+)%\./g, (_, n: string) => `at ${Number(n) + shift}%.`);
  });
  return texts;
}

/** Only one region: every "peer" figure degenerates, and charts and reports must still hold. */
export function oneRegionTexts(): Record<string, string> {
  return { 'south-west-2023.txt': seedText('south-west') };
}
