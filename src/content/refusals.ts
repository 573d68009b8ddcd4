// What Bulwark will never infer (see PRODUCT.md). Requests that ask for any of these get
// 400 ATTRIBUTE_NOT_SUPPORTED with an explanation, wherever they appear in the API.

export const PROTECTED_ATTRIBUTES = [
  'ethnicity', 'race', 'religion', 'nationality', 'gender', 'sex', 'sexual_orientation',
  'sexuality', 'age', 'caste', 'disability', 'identity', 'face_identity', 'face_id', 'voiceprint',
  'politics', 'political', 'political_affiliation', 'language', 'emotion',
] as const;

/** The protected traits named in a requested attribute list (normalised: lower case, spaces/dashes → _). */
export function namedProtectedAttributes(requested: unknown): string[] {
  const names = Array.isArray(requested) ? requested : [requested];
  return names
    .filter((n): n is string => typeof n === 'string')
    .map((n) => n.trim().toLowerCase().replace(/[\s-]+/g, '_'))
    .filter((n) => (PROTECTED_ATTRIBUTES as readonly string[]).includes(n));
}
