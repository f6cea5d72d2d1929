/**
 * Placeholder text for `{% lorem %}`: the classic opening paragraph and words, then random
 * sentences and paragraphs built from a Latin word list (our own list; only the shape follows
 * Django's generator: 3–12 words per comma section, 1–3 sections… per sentence, 1–4 sentences).
 *
 * @module
 */

export const COMMON_P =
  'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut ' +
  'labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris ' +
  'nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit ' +
  'esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt ' +
  'in culpa qui officia deserunt mollit anim id est laborum.';

const COMMON_WORDS = (
  'lorem ipsum dolor sit amet consectetur adipisicing elit sed do eiusmod tempor incididunt ut labore ' +
  'et dolore magna aliqua'
).split(' ');

const WORDS = (
  'a ab accusamus adipisci alias aliquam amet animi aperiam architecto asperiores aspernatur atque ' +
  'aut autem beatae blanditiis commodi consequatur corporis corrupti culpa cum cumque cupiditate ' +
  'debitis delectus deleniti deserunt dicta dignissimos distinctio dolor dolore dolorem doloremque ' +
  'dolores doloribus dolorum ducimus ea eaque earum eius eligendi enim eos error esse est et eum ' +
  'eveniet ex excepturi exercitationem expedita explicabo facere facilis fuga fugiat fugit harum hic ' +
  'id illo illum impedit in incidunt inventore ipsa ipsam ipsum iste itaque iure iusto labore laborum ' +
  'laudantium libero magnam magni maiores maxime minima minus modi molestiae molestias mollitia nam ' +
  'natus necessitatibus nemo neque nesciunt nihil nisi nobis non nostrum nulla numquam obcaecati odio ' +
  'odit officia officiis omnis optio pariatur perferendis perspiciatis placeat porro possimus ' +
  'praesentium provident quae quaerat quam quas quasi qui quia quibusdam quidem quis quisquam quo ' +
  'quod quos ratione recusandae reiciendis rem repellat repellendus reprehenderit repudiandae rerum ' +
  'saepe sapiente sed sequi similique sint sit soluta sunt suscipit tempora tempore temporibus tenetur ' +
  'totam ullam unde ut vel velit veniam veritatis vero vitae voluptas voluptate voluptatem voluptates ' +
  'voluptatibus voluptatum'
).split(' ');

const randInt = (min: number, max: number): number =>
  min + Math.floor(Math.random() * (max - min + 1));

function sample<T>(items: readonly T[], count: number): T[] {
  const pool = items.slice();
  const out: T[] = [];
  for (let i = 0; i < count && pool.length > 0; i++)
    out.push(pool.splice(randInt(0, pool.length - 1), 1)[0]!);
  return out;
}

/** One random sentence: capitalised, comma-separated sections, ending in `.` or `?`. */
export function sentence(): string {
  const sections: string[] = [];
  const count = randInt(1, 5);
  for (let i = 0; i < count; i++) sections.push(sample(WORDS, randInt(3, 12)).join(' '));
  const text = sections.join(', ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}${Math.random() < 0.5 ? '?' : '.'}`;
}

/** One random paragraph of 1–4 sentences. */
export function paragraph(): string {
  const out: string[] = [];
  const count = randInt(1, 4);
  for (let i = 0; i < count; i++) out.push(sentence());
  return out.join(' ');
}

/**
 * `count` paragraphs, the first being the classic one when `common`; generation stops once they
 * hold more than `maxLength` characters (the render budget then fails the render).
 */
export function paragraphs(count: number, common: boolean, maxLength = Infinity): string[] {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < count && length <= maxLength; i++) {
    const text = common && i === 0 ? COMMON_P : paragraph();
    out.push(text);
    length += text.length;
  }
  return out;
}

/** `count` words, starting with the classic ones when `common` (stops past `maxLength`). */
export function words(count: number, common: boolean, maxLength = Infinity): string {
  const out = common ? COMMON_WORDS.slice(0, count) : [];
  let length = 0;
  while (out.length < count && length <= maxLength) {
    const batch = sample(WORDS, Math.min(count - out.length, WORDS.length));
    for (const word of batch) {
      out.push(word);
      length += word.length + 1;
    }
  }
  return out.join(' ');
}
