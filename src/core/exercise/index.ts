// Structured analysis exercises: the rubric vocabulary and exercise files.
export { checkKinds, findCheck, parameterProblem, type CheckKind, type CheckResult } from './checks';
export { isExercisePath, judgeRubric, readExercise, type Exercise, type ExerciseProblem, type RubricItem, type RubricResult } from './read';
export { isInside, resolveExerciseReference, type ExerciseReference } from './reference';
