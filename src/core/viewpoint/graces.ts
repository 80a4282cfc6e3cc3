// Burnham's Social GGRRAAACCEEESSS (domain brief, section 2): each aspect of difference, the words that show the
// notes mention it, and the question to bring when they do not. Words are matched as whole words, in any case.
// Ability is (dis)ability, not health: "unwell" or "illness" alone says nothing about it.
import type { PhraseKey } from './phrases';

export interface GracesAspect {
  name: string;
  phrase: PhraseKey;
  words: string[];
}

export const gracesAspects: GracesAspect[] = [
  { name: 'Gender', phrase: 'graces.gender', words: ['gender', 'gendered', 'masculinity', 'femininity', 'sexism', 'as a woman', 'as a man', 'gender roles', 'patriarchal'] },
  { name: 'Geography', phrase: 'graces.geography', words: ['area', 'neighbourhood', 'neighborhood', 'estate', 'rural', 'village', 'city', 'town', 'moved', 'housing', 'rehoused', 'lives near', 'lives nearby', 'nearby'] },
  { name: 'Race', phrase: 'graces.race', words: ['race', 'racism', 'racist', 'racial', 'racialised', 'black', 'white', 'brown', 'mixed heritage', 'dual heritage'] },
  { name: 'Religion', phrase: 'graces.religion', words: ['religion', 'religious', 'faith', 'church', 'mosque', 'temple', 'synagogue', 'gurdwara', 'catholic', 'muslim', 'christian', 'jewish', 'hindu', 'sikh', 'buddhist', 'prayer', 'pray'] },
  { name: 'Age', phrase: 'graces.age', words: ['generation', 'generations', 'elderly', 'teenager', 'teenage', 'adolescent', 'young parent', 'age gap'] },
  { name: 'Ability', phrase: 'graces.ability', words: ['disability', 'disabled', 'autism', 'autistic', 'adhd', 'learning disability', 'learning difficulty', 'neurodivergent', 'mental health', 'wheelchair', 'deaf', 'blind', 'send', 'ehcp'] },
  { name: 'Appearance', phrase: 'graces.appearance', words: ['appearance', 'clothes', 'clothing', 'dressed', 'weight', 'hair', 'tattoo', 'tattoos'] },
  { name: 'Class', phrase: 'graces.class', words: ['class', 'working class', 'middle class', 'money', 'income', 'poverty', 'debt', 'debts', 'benefits', 'universal credit', 'food bank', 'rent', 'arrears'] },
  { name: 'Culture', phrase: 'graces.culture', words: ['culture', 'cultural', 'tradition', 'traditions', 'traditional', 'custom', 'customs'] },
  { name: 'Education', phrase: 'graces.education', words: ['education', 'school', 'college', 'university', 'qualifications', 'literacy', 'teacher'] },
  { name: 'Employment', phrase: 'graces.employment', words: ['work', 'works', 'working', 'job', 'jobs', 'employed', 'employment', 'unemployed', 'employer', 'shift', 'shifts', 'night shifts', 'career', 'redundant'] },
  { name: 'Ethnicity', phrase: 'graces.ethnicity', words: ['ethnicity', 'ethnic', 'heritage', 'migration', 'migrated', 'immigration', 'asylum', 'refugee', 'nationality', 'language', 'languages', 'interpreter', 'first language', 'came to the uk', 'polish', 'somali', 'romanian', 'bengali', 'turkish', 'kurdish', 'nigerian', 'ghanaian', 'irish', 'traveller', 'roma', 'gypsy'] },
  { name: 'Sexuality and sexual orientation', phrase: 'graces.sexuality', words: ['sexuality', 'sexual orientation', 'gay', 'lesbian', 'bisexual', 'lgbt', 'lgbtq', 'lgbtq+', 'queer', 'same-sex', 'same sex', 'transgender', 'trans'] },
  { name: 'Spirituality', phrase: 'graces.spirituality', words: ['spiritual', 'spirituality', 'beliefs', 'belief', 'faith community'] },
];
