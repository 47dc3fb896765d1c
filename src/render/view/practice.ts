import {
  type Achievement,
  type Initiative,
  type MentionClass,
  type Plan,
  sectionById,
} from '../../model/index.ts';
import { analysePractice, limitsOf, type Practice, type PracticeRow } from '../../practice/index.ts';
import type { Templates } from '../templates.ts';
import type { ReportInput } from './common.ts';
import type { ReportSection, Table } from './schema.ts';

// "What regions are doing": the initiatives each region names, its figures, its commitments and
// what became of them. Self-contained: the national summary and each pack take one section from
// here and nothing else.

const analysed = new WeakMap<readonly Plan[], Practice>();
/** The analysis of a run's plans, made once however many reports ask for it. */
export function practiceOf(plans: readonly Plan[]): Practice {
  let found = analysed.get(plans);
  if (!found) {
    found = analysePractice(plans);
    analysed.set(plans, found);
  }
  return found;
}

const LETTER: Record<MentionClass, string> = { commitment: 'C', progress: 'P', priority: 'N', other: 'O' };
const CLASS_WORDS: Record<MentionClass, string> = {
  commitment: 'commitment',
  progress: 'progress',
  priority: 'next year',
  other: 'other text',
};

/** 551485 → "551,485"; 30 percent → "30%"; £1500000 → "£1,500,000"; "over 100". */
export function figure(a: Pick<Achievement, 'value' | 'unit' | 'qualifier'>): string {
  const [whole = '', fraction] = String(a.value).split('.');
  const grouped = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
  const value = a.unit === 'percent' ? `${grouped}%` : a.unit === 'pounds' ? `£${grouped}` : grouped;
  return a.qualifier === '' ? value : `${a.qualifier} ${value}`;
}

/** "C1 P2": how many items of each list name the initiative. */
const cellOf = (r: PracticeRow | undefined) =>
  r
    ? (Object.keys(LETTER) as MentionClass[])
        .filter((c) => r.sources[c].length > 0)
        .map((c) => `${LETTER[c]}${r.sources[c].length}`)
        .join(' ')
    : '–';
/** "progress: file:12; next year: file:40". */
const whereOf = (r: PracticeRow) =>
  (Object.keys(LETTER) as MentionClass[])
    .filter((c) => r.sources[c].length > 0)
    .map((c) => `${CLASS_WORDS[c]}: ${r.sources[c].join(', ')}`)
    .join('; ');
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The regions of the edition that name each initiative, most first. */
function spread(rows: readonly PracticeRow[], taxonomy: readonly Initiative[]) {
  return taxonomy
    .map((initiative) => ({
      initiative,
      rows: rows.filter((r) => r.initiative.id === initiative.id),
    }))
    .filter((s) => s.rows.length > 0)
    .sort((a, b) => b.rows.length - a.rows.length || byName(a.initiative, b.initiative));
}

/** The national summary's section: regions × initiatives, the national text, figures, commitments. */
export function practiceNationalSection(input: ReportInput, templates: Templates): ReportSection {
  const practice = practiceOf(input.plans);
  const plans = input.plans.filter((p) => p.edition === input.edition);
  const regions = plans.map((p) => ({ id: p.region.id, name: p.region.name }));
  const rows = practice.rows.filter((r) => r.edition === input.edition && r.scope === 'regional');
  const national = practice.rows.filter((r) => r.edition === input.edition && r.scope === 'national');
  const spreadOf = spread(rows, practice.taxonomy);
  const most = spreadOf.length > 0 ? (spreadOf[0]?.rows.length ?? 0) : 0;
  const least = spreadOf.length > 0 ? (spreadOf.at(-1)?.rows.length ?? 0) : 0;
  const names = (n: number) => spreadOf.filter((s) => s.rows.length === n).map((s) => s.initiative.name);
  const nationalPassages = practice.passages.filter(
    (p) => p.edition === input.edition && p.scope === 'national',
  );
  const figures = practice.achievements.filter((a) => a.edition === input.edition);
  const commitments = practice.commitments.filter((c) => c.edition === input.edition);

  // Figures side by side where two or more regions count the same thing: same initiative, same unit.
  const comparable = practice.taxonomy.flatMap((initiative) =>
    (['count', 'percent', 'pounds'] as const).flatMap((unit) => {
      const same = figures.filter(
        (a) => a.scope === 'regional' && a.initiative === initiative.id && a.unit === unit,
      );
      return new Set(same.map((a) => a.regionId)).size >= 2 ? [{ initiative, same }] : [];
    }),
  );

  const tables: Table[] = [
    {
      caption:
        'Initiatives named by each region (C commitments, P progress, N opportunities for the next year, O other text; the number of items)',
      columns: [
        { label: 'Initiative', numeric: false },
        ...regions.map((r) => ({ label: r.name, numeric: false })),
        { label: 'Regions', numeric: true },
      ],
      rows: spreadOf.map((s) => ({
        header: s.initiative.name,
        cells: [
          ...regions.map((r) => cellOf(s.rows.find((x) => x.regionId === r.id))),
          String(s.rows.length),
        ],
      })),
    },
    ...(comparable.length > 0
      ? [
          {
            caption: 'Figures that count the same thing, side by side',
            columns: [
              { label: 'Initiative', numeric: false },
              ...regions.map((r) => ({ label: r.name, numeric: false })),
            ],
            rows: comparable.map(({ initiative, same }) => ({
              header: initiative.name,
              cells: regions.map(
                (r) =>
                  same
                    .filter((a) => a.regionId === r.id)
                    .map((a) => `${figure(a)} ${a.counts} (${a.sources.join(', ')})`)
                    .join('; ') || '–',
              ),
            })),
          },
        ]
      : []),
    {
      caption: 'Figures in the text every update repeats (national, counted once)',
      columns: [
        { label: 'Figure', numeric: true },
        { label: 'What it counts', numeric: false },
        { label: 'Where', numeric: false },
      ],
      rows: figures
        .filter((a) => a.scope === 'national')
        .map((a) => ({ header: figure(a), cells: [a.counts, placesOf(a.sources)] })),
    },
    {
      caption: 'Commitments and the progress reported against them',
      columns: [
        { label: 'Region', numeric: false },
        { label: 'Commitments', numeric: true },
        { label: 'Progress reported', numeric: true },
        { label: 'None reported', numeric: true },
      ],
      rows: regions.map((r) => {
        const own = commitments.filter((c) => c.regionId === r.id);
        const reported = own.filter((c) => c.status === 'progress reported').length;
        return {
          header: r.name,
          cells: [String(own.length), String(reported), String(own.length - reported)],
        };
      }),
    },
  ];

  return {
    id: 'practice',
    heading: 'What regions are doing',
    paragraphs: [
      templates.text('practice-national', {
        initiatives: spreadOf.length,
        taxonomy: practice.taxonomy.length,
        regions: regions.length,
        single: regions.length === 1,
        most,
        // With one region, every initiative is named by the most and the fewest: say neither.
        mostNames: regions.length > 1 ? names(most) : [],
        least,
        leastNames: regions.length > 1 && most !== least ? names(least) : [],
        leastOne: least === 1,
        nationalPassages: nationalPassages.length,
        nationalInitiatives: national.map((r) => r.initiative.name),
        comparable: comparable.length,
        commitments: commitments.length,
        reported: commitments.filter((c) => c.status === 'progress reported').length,
      }),
      templates.text('practice-method', {}),
    ],
    charts: [],
    tables,
  };
}

/** "north-east-2023.txt:53 and 3 other documents": national text named once, not four times. */
function placesOf(sources: readonly string[]): string {
  const [first = '', ...rest] = sources;
  return rest.length === 0
    ? first
    : `${first} and ${rest.length} other ${rest.length === 1 ? 'document' : 'documents'}`;
}

/** A pack's section: what others do and it does not, what it alone does, its figures, commitments, priorities. */
export function practiceRegionalSection(
  input: ReportInput,
  regionId: string,
  templates: Templates,
): ReportSection {
  const practice = practiceOf(input.plans);
  const plan = input.plans.find((p) => p.region.id === regionId && p.edition === input.edition);
  const region = plan?.region.name ?? regionId;
  const rows = practice.rows.filter((r) => r.edition === input.edition && r.scope === 'regional');
  const own = rows.filter((r) => r.regionId === regionId);
  const others = rows.filter((r) => r.regionId !== regionId);
  const ownIds = new Set(own.map((r) => r.initiative.id));
  const notOurs = spread(others, practice.taxonomy).filter((s) => !ownIds.has(s.initiative.id));
  const peers = input.plans.filter((p) => p.edition === input.edition && p.region.id !== regionId).length;
  // With no other region in the run, nothing is its alone: there is no one to compare with.
  const alone =
    peers === 0 ? [] : own.filter((r) => !others.some((o) => o.initiative.id === r.initiative.id));
  const figures = practice.achievements.filter(
    (a) => a.edition === input.edition && a.scope === 'regional' && a.regionId === regionId,
  );
  const commitments = practice.commitments.filter(
    (c) => c.edition === input.edition && c.regionId === regionId,
  );
  const dropped = practice.commitments.filter(
    (c) => c.edition === input.edition - 1 && c.regionId === regionId && c.acrossEditions === 'dropped',
  );
  const priorities = practice.passages.filter(
    (p) => p.edition === input.edition && p.regionId === regionId && p.cls === 'priority',
  );
  const name = (id: string) => practice.taxonomy.find((t) => t.id === id)?.name ?? id;
  // Text the updates share word for word counts for no region (it is national, counted once), so
  // what others report and it does not, and what it alone reports, are read outside that text: the
  // words say so whenever this region's update carries some of it.
  const shared =
    plan !== undefined &&
    practice.passages.some(
      (p) =>
        p.edition === input.edition &&
        p.scope === 'national' &&
        p.sources.some((s) => s.startsWith(`${plan.source.file}:`) || s.startsWith(`${plan.source.file},`)),
    );
  const outside = shared ? ' (outside the text the updates share word for word)' : '';
  const limits = limitsOf(
    practice.passages.filter((p) => p.edition === input.edition && p.regionId === regionId),
  ).map((l) => `${l.words} (${l.source}, ${l.why})`);
  const twoEditions = commitments.some((c) => c.acrossEditions !== '');

  const tables: Table[] = [
    {
      caption: `Reported by other regions, not by ${region}${outside}`,
      columns: [
        { label: 'Initiative', numeric: false },
        { label: 'Regions', numeric: false },
        { label: 'Where they report it', numeric: false },
      ],
      rows: notOurs.map((s) => ({
        header: s.initiative.name,
        cells: [
          s.rows.map((r) => r.region).join(', '),
          s.rows.map((r) => `${r.region}: ${whereOf(r)}`).join('. '),
        ],
      })),
    },
    {
      caption: `Reported by ${region} alone${outside}`,
      columns: [
        { label: 'Initiative', numeric: false },
        { label: 'Where it is reported', numeric: false },
      ],
      rows: alone.map((r) => ({ header: r.initiative.name, cells: [whereOf(r)] })),
    },
    {
      caption: `${region}'s figures`,
      columns: [
        { label: 'Figure', numeric: true },
        { label: 'What it counts', numeric: false },
        { label: 'Initiative', numeric: false },
        { label: 'Source', numeric: false },
      ],
      rows: figures.map((a) => ({
        header: figure(a),
        cells: [a.counts, a.initiative ? name(a.initiative) : '–', a.sources.join(', ')],
      })),
    },
    {
      caption: 'Commitments ("We said we would") and the progress reported against them',
      columns: [
        { label: 'Commitment', numeric: false },
        { label: 'Theme', numeric: false },
        { label: 'Status', numeric: false },
        { label: 'Progress items', numeric: false },
        ...(twoEditions ? [{ label: `Against ${input.edition - 1}`, numeric: false }] : []),
      ],
      rows: commitments.map((c) => ({
        header: `${c.commitment} (${c.source})`,
        cells: [
          sectionById(c.section).label,
          c.status,
          c.progress.join(', ') || '–',
          ...(twoEditions ? [c.acrossEditions || '–'] : []),
        ],
      })),
    },
    ...(dropped.length > 0
      ? [
          {
            caption: `Commitments of ${input.edition - 1} not carried forward`,
            columns: [
              { label: 'Commitment', numeric: false },
              { label: 'Theme', numeric: false },
            ],
            rows: dropped.map((c) => ({
              header: `${c.commitment} (${c.source})`,
              cells: [sectionById(c.section).label],
            })),
          },
        ]
      : []),
    {
      caption: 'Opportunities and priorities for the next year',
      columns: [
        { label: 'Priority', numeric: false },
        { label: 'Initiatives named', numeric: false },
      ],
      rows: priorities.map((p) => ({
        header: `${p.text} (${p.sources.join(', ')})`,
        cells: [
          practice.mentions
            .filter((m) => m.passage === p)
            .map((m) => name(m.initiative))
            .join(', ') || '–',
        ],
      })),
    },
  ].filter((t) => t.rows.length > 0);

  const reported = commitments.filter((c) => c.status === 'progress reported').length;
  return {
    id: 'practice',
    heading: 'What regions are doing',
    paragraphs: [
      templates.text('practice-regional', {
        region,
        initiatives: own.length,
        peers,
        notOurs: notOurs.map((s) => s.initiative.name),
        alone: alone.map((r) => r.initiative.name),
        figures: figures.length,
        limits,
        shared,
        commitments: commitments.length,
        reported,
        none: commitments.length - reported,
        carried: commitments.filter((c) => c.acrossEditions === 'carried forward').length,
        added: commitments.filter((c) => c.acrossEditions === 'new').length,
        dropped: dropped.length,
        twoEditions,
        previous: input.edition - 1,
        priorities: priorities.length,
      }),
      templates.text('practice-method', {}),
    ],
    charts: [],
    tables,
  };
}
