import { describe, expect, it } from 'vitest';
import { PRACTICE_TAXONOMY, TaxonomySchema } from '../../src/model/index.ts';
import { matcher } from '../../src/practice/index.ts';

const match = matcher(PRACTICE_TAXONOMY);
const found = (text: string) => match.find(text).map((m) => m.initiative);

describe('practice taxonomy', () => {
  it('validates: ids unique, every entry matchable', () => {
    expect(TaxonomySchema.safeParse(PRACTICE_TAXONOMY).success).toBe(true);
    const duplicate = [...PRACTICE_TAXONOMY, PRACTICE_TAXONOMY[0]];
    expect(TaxonomySchema.safeParse(duplicate).success).toBe(false);
    const bare = { ...PRACTICE_TAXONOMY[0], id: 'bare', synonyms: [], abbreviations: [] };
    expect(TaxonomySchema.safeParse([bare]).success).toBe(false);
  });

  it('holds the initiatives the issue names', () => {
    const ids = PRACTICE_TAXONOMY.map((t) => t.id);
    for (const id of [
      'employment-advisory-boards',
      'employment-hubs',
      'prison-employment-leads',
      'heads-of-education-skills-and-work',
      'new-futures-network',
      'ete-allowance-unpaid-work',
      'cas3',
      'strategic-housing-specialists',
      'naloxone',
      'drug-free-wings',
      'community-sentence-treatment-requirements',
      'drug-rehabilitation-requirements',
      'alcohol-treatment-requirements',
      'mental-health-treatment-requirements',
      'intensive-supervision-courts',
      'dependency-and-recovery',
      'neurodiversity-support-managers',
      'peer-mentors',
      'electronic-monitoring',
      'integrated-offender-management',
      'family-strategies',
      'local-citizenship-pathway',
    ])
      expect(ids).toContain(id);
  });

  it('matches whatever the case, plural and hyphens', () => {
    expect(found('Established EMPLOYMENT ADVISORY BOARDS')).toEqual(['employment-advisory-boards']);
    expect(found('an employment advisory board in each prison')).toEqual(['employment-advisory-boards']);
    expect(found('Expand the offer of specialist drug-free wings')).toEqual(['drug-free-wings']);
    expect(found('Developed 8 Drug Free Wings')).toEqual(['drug-free-wings']);
    expect(found('family strategies reviewed')).toEqual(['family-strategies']);
    expect(found('a Family Strategy')).toEqual(['family-strategies']);
    expect(found('23 Dependency & Recovery staff')).toEqual(['dependency-and-recovery']);
    expect(found('Heads of Education, Skills and Work')).toEqual(['heads-of-education-skills-and-work']);
    expect(found('Community Accommodation Service – Tier 3 (CAS3) beds')).toEqual(['cas3']);
    expect(found("Continue to comply with the Victims' Code of Practice.")).toEqual(['victims-code']);
    expect(found('Victims’ code')).toEqual(['victims-code']);
  });

  it('matches abbreviations as whole words, singular or plural, in their own case', () => {
    expect(found('more CAS3 beds')).toEqual(['cas3']);
    expect(found('DRRs and ATRs')).toEqual([
      'drug-rehabilitation-requirements',
      'alcohol-treatment-requirements',
    ]);
    expect(found('MHTR uptake')).toEqual(['mental-health-treatment-requirements']);
    expect(found('the National IOM model')).toEqual(['integrated-offender-management']);
    expect(found('New Futures Network (NFN)')).toEqual(['new-futures-network']);
    expect(found('each HESW')).toEqual(['heads-of-education-skills-and-work']);
    expect(found('CSTRs available')).toEqual(['community-sentence-treatment-requirements']);
  });

  it('does not match inside words, in the wrong case, or ordinary phrases', () => {
    expect(found('the MATRIX of ATRIUM works')).toEqual([]);
    expect(found('an atr in lower case')).toEqual([]);
    expect(found('a CASE of CASH')).toEqual([]);
    expect(found('BIOMASS and IOMs')).toEqual(['integrated-offender-management']);
    expect(found('BIOMASS')).toEqual([]);
    expect(found('community-based drug or alcohol treatment can cut crime')).toEqual([]);
    expect(found('to reconnect with their families')).toEqual([]);
    expect(found('a tagline for nationwide drrs')).toEqual([]);
    expect(found('support for neurodiversity managers')).toEqual([]);
    expect(found('the NFNs')).toEqual(['new-futures-network']);
    expect(found('INFNITE')).toEqual([]);
  });

  it('finds each initiative once, however often a text names it', () => {
    const m = match.find('IOM cohort; Integrated Offender Management model; IOM again');
    expect(m).toHaveLength(1);
    expect(m[0]?.words).toBe('IOM');
  });

  it('keeps near misses out, as the regional directors read them', () => {
    // Review courts of drug requirements (EE:133) are not the Intensive Supervision Courts.
    expect(found('Increase the use of drug treatment requirement review courts.')).not.toContain(
      'intensive-supervision-courts',
    );
    // Sentencing advice (EE:205) is not a pre-sentence report; victims' feedback (NE:182) is not the Code.
    expect(found('information to support sentencing advice')).not.toContain('pre-sentence-reports');
    expect(found("Increase victims' feedback on policy and services.")).not.toContain('victims-code');
    // A peer led engagement project (NE:164) is not peer mentoring.
    expect(found('an early adopter for a peer led engagement project')).not.toContain('peer-mentors');
    // Local Criminal Justice Boards (SW:163) are not the reducing reoffending boards (SW:25).
    expect(found('Work closely with Local Criminal Justice Boards')).not.toContain('partnership-boards');
    expect(found('the South West Reducing Reoffending Partnership Board')).toContain('partnership-boards');
    // "Families and significant others" alone (NE:164) is not a family strategy.
    expect(found('without any regular contact from families and significant others')).not.toContain(
      'family-strategies',
    );
  });

  it('reads the names the updates give in other words', () => {
    expect(found("Introduce the government's new accommodation service")).toContain('cas3');
    expect(found('Create dedicated teams in prisons across the South West')).toContain('resettlement-teams');
    expect(found('Recruit neurodiversity specialists into prisons')).toContain('neurodiversity-services');
    expect(found('Family and Significant Others Strategy documents')).toContain('family-strategies');
  });
});
