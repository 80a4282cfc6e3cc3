// Families for the kinship tests: each with, for every ordered pair of people, the word the first would use for the
// second, written by hand ("-" where no plain word fits). Case date 2026 for ages from birth years.

export interface KinshipFamily {
  name: string;
  lines: string[];
  /** from -> (to -> term); every ordered pair is listed. */
  expected: Record<string, Record<string, string>>;
  /** Who lives with whom, for the generated-text test. */
  households: string[][];
}

/** "jo=partner, ana=-" into a record. */
function row(text: string): Record<string, string> {
  return Object.fromEntries(text.split(/,\s*/).map((pair) => pair.split('=').map((s) => s.trim()) as [string, string]));
}

export const families: KinshipFamily[] = [
  {
    // The first family: Kai is the index child; Jo is Leo's mother and Kai's father's partner.
    name: 'blended: a father with children by two partners',
    lines: [
      'person sam male 34',
      'person jo female 29',
      'person ana female 33',
      'person kai male 10 index',
      'person leo male 4',
      'person gran female 62',
      'person bert male 65',
      'sam + ana divorced',
      'sam + jo cohabiting',
      'kai child of sam + ana',
      'leo child of sam + jo',
      'gran + bert married',
      'sam child of gran + bert',
    ],
    expected: {
      sam: row('jo=partner, ana=former wife, kai=son, leo=son, gran=mother, bert=father'),
      jo: row('sam=partner, ana=-, kai=partner’s son, leo=son, gran=-, bert=-'),
      ana: row('sam=former husband, jo=-, kai=son, leo=-, gran=-, bert=-'),
      kai: row('sam=father, jo=father’s partner, ana=mother, leo=half-brother, gran=paternal grandmother, bert=paternal grandfather'),
      leo: row('sam=father, jo=mother, ana=father’s former wife, kai=half-brother, gran=paternal grandmother, bert=paternal grandfather'),
      gran: row('sam=son, jo=son’s partner, ana=-, kai=grandson, leo=grandson, bert=husband'),
      bert: row('sam=son, jo=son’s partner, ana=-, kai=grandson, leo=grandson, gran=wife'),
    },
    households: [['sam', 'jo', 'kai', 'leo'], ['ana', 'kai']],
  },
  {
    // The second family: a foster link beside birth kinship, and four generations above a toddler.
    name: 'fostering beside birth kinship, five generations',
    lines: [
      'person edna female 1938',
      'person gwen female 1960',
      'person lisa female 1983',
      'person mark male 1980',
      'person hana female 2003',
      'person zara female 2010 index',
      'person ruth female 2024',
      'person fay female 1970',
      'person tom male 2008',
      'gwen child of edna',
      'lisa child of gwen',
      'lisa + mark married 2002',
      'hana, zara children of lisa + mark',
      'ruth child of hana',
      'zara child of fay fostered',
      'tom child of fay',
    ],
    expected: {
      edna: row('gwen=daughter, lisa=granddaughter, mark=-, hana=great-granddaughter, zara=great-granddaughter, ruth=great-great-granddaughter, fay=-, tom=-'),
      gwen: row('edna=mother, lisa=daughter, mark=son-in-law, hana=granddaughter, zara=granddaughter, ruth=great-granddaughter, fay=-, tom=-'),
      lisa: row('edna=maternal grandmother, gwen=mother, mark=husband, hana=daughter, zara=daughter, ruth=granddaughter, fay=-, tom=-'),
      mark: row('edna=-, gwen=mother-in-law, lisa=wife, hana=daughter, zara=daughter, ruth=granddaughter, fay=-, tom=-'),
      hana: row('edna=maternal great-grandmother, gwen=maternal grandmother, lisa=mother, mark=father, zara=sister, ruth=daughter, fay=-, tom=-'),
      zara: row('edna=maternal great-grandmother, gwen=maternal grandmother, lisa=mother, mark=father, hana=sister, ruth=niece, fay=foster mother, tom=foster brother'),
      ruth: row('edna=maternal great-great-grandmother, gwen=maternal great-grandmother, lisa=maternal grandmother, mark=maternal grandfather, hana=mother, zara=maternal aunt, fay=-, tom=-'),
      fay: row('edna=-, gwen=-, lisa=-, mark=-, hana=-, zara=foster daughter, ruth=-, tom=son'),
      tom: row('edna=-, gwen=-, lisa=-, mark=-, hana=-, zara=foster sister, ruth=-, fay=mother'),
    },
    // Fay first with Ruth, to whom she has no plain relation: the sentence then names Zara, from whom it is worded.
    households: [['fay', 'ruth'], ['fay', 'tom', 'zara'], ['hana', 'ruth', 'lisa', 'mark'], ['edna', 'gwen']],
  },
  {
    // An adopted child beside a birth child, with his birth mother and birth sister recorded.
    name: 'adoption beside a birth child',
    lines: [
      'person pat female 45',
      'person chris male 47',
      'person ella female 14',
      'person max male 9 index',
      'person kim female 30',
      'person jade female 12',
      'person nan female 70',
      'pat + chris married',
      'ella child of pat + chris',
      'max child of pat + chris adopted',
      'max child of kim',
      'jade child of kim',
      'pat child of nan',
    ],
    expected: {
      pat: row('chris=husband, ella=daughter, max=adopted son, kim=-, jade=-, nan=mother'),
      chris: row('pat=wife, ella=daughter, max=adopted son, kim=-, jade=-, nan=mother-in-law'),
      ella: row('pat=mother, chris=father, max=adoptive brother, kim=-, jade=-, nan=maternal grandmother'),
      max: row('pat=adoptive mother, chris=adoptive father, ella=adoptive sister, kim=mother, jade=sister, nan=adoptive grandmother'),
      kim: row('pat=-, chris=-, ella=-, max=son, jade=daughter, nan=-'),
      jade: row('pat=-, chris=-, ella=-, max=brother, kim=mother, nan=-'),
      nan: row('pat=daughter, chris=son-in-law, ella=granddaughter, max=adopted grandson, kim=-, jade=-'),
    },
    households: [['pat', 'chris', 'ella', 'max'], ['kim', 'jade']],
  },
  {
    // Kinship care: a grandmother fosters her granddaughter; four generations, aunts, cousins and in-laws.
    name: 'kinship care in a four-generation family',
    lines: [
      'person george male 1940 died 2020',
      'person rose female 1944',
      'person carol female 1966',
      'person dave male 1964',
      'person steve male 1970',
      'person amina female 1972',
      'person lily female 2000',
      'person kyle male 1990',
      'person mia female 2012 index',
      'george + rose married widowed 2020',
      'carol + dave married',
      'steve + amina married',
      'carol, steve children of george + rose',
      'lily child of steve + amina',
      'kyle child of carol + dave',
      'mia child of kyle',
      'mia child of carol fostered',
    ],
    expected: {
      george: row('rose=wife, carol=daughter, dave=son-in-law, steve=son, amina=daughter-in-law, lily=granddaughter, kyle=grandson, mia=great-granddaughter'),
      rose: row('george=late husband, carol=daughter, dave=son-in-law, steve=son, amina=daughter-in-law, lily=granddaughter, kyle=grandson, mia=great-granddaughter'),
      carol: row('george=father, rose=mother, dave=husband, steve=brother, amina=sister-in-law, lily=niece, kyle=son, mia=granddaughter'),
      dave: row('george=father-in-law, rose=mother-in-law, carol=wife, steve=brother-in-law, amina=-, lily=-, kyle=son, mia=granddaughter'),
      steve: row('george=father, rose=mother, carol=sister, dave=brother-in-law, amina=wife, lily=daughter, kyle=nephew, mia=great-niece'),
      amina: row('george=father-in-law, rose=mother-in-law, carol=sister-in-law, dave=-, steve=husband, lily=daughter, kyle=-, mia=-'),
      lily: row('george=paternal grandfather, rose=paternal grandmother, carol=paternal aunt, dave=-, steve=father, amina=mother, kyle=paternal cousin, mia=-'),
      kyle: row('george=maternal grandfather, rose=maternal grandmother, carol=mother, dave=father, steve=maternal uncle, amina=-, lily=maternal cousin, mia=daughter'),
      mia: row('george=paternal great-grandfather, rose=paternal great-grandmother, carol=paternal grandmother, dave=paternal grandfather, steve=paternal great-uncle, amina=-, lily=-, kyle=father'),
    },
    households: [['carol', 'dave', 'mia', 'george'], ['steve', 'amina', 'lily'], ['kyle', 'rose']],
  },
  {
    // A mother with children by three fathers, now married to a man with a son of his own.
    name: 'several partners and a stepfamily',
    lines: [
      'person tina female 36',
      'person ray male 40',
      'person lee male 38',
      'person rob male 41',
      'person ann female 17',
      'person ben male 12 index',
      'person cat female 3',
      'person dan male 15',
      'tina + ray separated',
      'tina + lee divorced',
      'tina + rob married',
      'ann child of tina + ray',
      'ben child of tina + lee',
      'cat child of tina + rob',
      'dan child of rob',
    ],
    expected: {
      tina: row('ray=former partner, lee=former husband, rob=husband, ann=daughter, ben=son, cat=daughter, dan=stepson'),
      ray: row('tina=former partner, lee=-, rob=-, ann=daughter, ben=-, cat=-, dan=-'),
      lee: row('tina=former wife, ray=-, rob=-, ann=-, ben=son, cat=-, dan=-'),
      rob: row('tina=wife, ray=-, lee=-, ann=stepdaughter, ben=stepson, cat=daughter, dan=son'),
      ann: row('tina=mother, ray=father, lee=mother’s former husband, rob=stepfather, ben=half-brother, cat=half-sister, dan=stepbrother'),
      ben: row('tina=mother, ray=mother’s former partner, lee=father, rob=stepfather, ann=half-sister, cat=half-sister, dan=stepbrother'),
      cat: row('tina=mother, ray=mother’s former partner, lee=mother’s former husband, rob=father, ann=half-sister, ben=half-brother, dan=brother'),
      dan: row('tina=stepmother, ray=-, lee=-, rob=father, ann=stepsister, ben=stepbrother, cat=sister'),
    },
    households: [['tina', 'rob', 'ann', 'ben', 'cat', 'dan'], ['ray', 'ann'], ['lee']],
  },
  {
    // A grandmother's second marriage, an engaged couple, a child with no gender recorded, and a carer with a foster
    // child beside a stepchild (an explicit step link).
    name: 'remarriage, engagement, step and foster links',
    lines: [
      'person rita female 68',
      'person walt male 70',
      'person norm male 69',
      'person eve female 44',
      'person gus male 45',
      'person ivy female 12 index',
      'person pip 9',
      'person hal male 50',
      'person sky 10',
      'person vic female 20',
      'rita + walt divorced',
      'rita + norm married',
      'eve child of rita + walt',
      'eve + gus engaged',
      'ivy, pip children of eve + gus',
      'sky child of hal fostered',
      'vic child of hal step',
    ],
    expected: {
      rita: row('walt=former husband, norm=husband, eve=daughter, gus=daughter’s partner, ivy=granddaughter, pip=grandchild, hal=-, sky=-, vic=-'),
      walt: row('rita=former wife, norm=-, eve=daughter, gus=daughter’s partner, ivy=granddaughter, pip=grandchild, hal=-, sky=-, vic=-'),
      norm: row('rita=wife, walt=-, eve=stepdaughter, gus=-, ivy=-, pip=-, hal=-, sky=-, vic=-'),
      eve: row('rita=mother, walt=father, norm=stepfather, gus=fiancé, ivy=daughter, pip=child, hal=-, sky=-, vic=-'),
      gus: row('rita=-, walt=-, norm=-, eve=fiancée, ivy=daughter, pip=child, hal=-, sky=-, vic=-'),
      ivy: row('rita=maternal grandmother, walt=maternal grandfather, norm=step-grandfather, eve=mother, gus=father, pip=sibling, hal=-, sky=-, vic=-'),
      pip: row('rita=maternal grandmother, walt=maternal grandfather, norm=step-grandfather, eve=mother, gus=father, ivy=sister, hal=-, sky=-, vic=-'),
      hal: row('rita=-, walt=-, norm=-, eve=-, gus=-, ivy=-, pip=-, sky=foster child, vic=stepdaughter'),
      sky: row('rita=-, walt=-, norm=-, eve=-, gus=-, ivy=-, pip=-, hal=foster father, vic=foster sister'),
      vic: row('rita=-, walt=-, norm=-, eve=-, gus=-, ivy=-, pip=-, hal=stepfather, sky=foster sibling'),
    },
    households: [['rita', 'norm', 'ivy'], ['hal', 'sky', 'vic'], ['eve', 'gus', 'pip']],
  },
  {
    // Twins, a pregnancy, a sibling who died in infancy, and a parent with no age recorded.
    name: 'twins, a pregnancy and a loss',
    lines: [
      'person nia female 31',
      'person omar male',
      'person tia female 6 index',
      'person tao male 6',
      'person sol male born 2019 died 2019',
      'person bump pregnancy',
      'nia + omar married',
      'tia, tao children of nia + omar twins',
      'sol child of nia + omar',
      'bump child of nia + omar',
    ],
    expected: {
      nia: row('omar=husband, tia=daughter, tao=son, sol=son, bump=unborn child'),
      omar: row('nia=wife, tia=daughter, tao=son, sol=son, bump=unborn child'),
      tia: row('nia=mother, omar=father, tao=twin brother, sol=brother, bump=unborn sibling'),
      tao: row('nia=mother, omar=father, tia=twin sister, sol=brother, bump=unborn sibling'),
      sol: row('nia=mother, omar=father, tia=sister, tao=brother, bump=unborn sibling'),
      bump: row('nia=mother, omar=father, tia=sister, tao=brother, sol=brother'),
    },
    households: [['nia', 'omar', 'tia', 'tao', 'sol', 'bump']],
  },
];
