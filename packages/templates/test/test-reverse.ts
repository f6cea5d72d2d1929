/**
 * The urlconf the `url` vectors were recorded against, as a tiny reverse function (templates may
 * not depend on @reins/urls): '' → home, 'greetings/<str:name>/', 'article/<int:pk>', 'search/'.
 */
const ROUTES: Record<string, { parts: string[]; params: string[] }> = {
  home: { parts: [''], params: [] },
  personalized_greeting: { parts: ['greetings/', '/'], params: ['name'] },
  detail: { parts: ['article/', ''], params: ['pk'] },
  search: { parts: ['search/'], params: [] },
};

class NoReverseMatch extends Error {
  override name = 'NoReverseMatch';
}

// Django's reverse() keeps RFC 3986 unreserved characters and these sub-delimiters unescaped.
function quote(text: string): string {
  return encodeURIComponent(text).replace(
    /%(2F|7E|3A|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi,
    (m) => decodeURIComponent(m),
  );
}

export function testReverse(
  viewName: string,
  options: { args?: unknown[]; kwargs?: Record<string, unknown> } = {},
): string {
  const route = ROUTES[viewName];
  if (route === undefined) {
    throw new NoReverseMatch(
      `Reverse for '${viewName}' not found. '${viewName}' is not a valid view function or pattern name.`,
    );
  }
  const values = route.params.map(
    (param, index) => options.kwargs?.[param] ?? options.args?.[index],
  );
  if (values.some((v) => v === undefined || v === '')) {
    throw new NoReverseMatch(`Reverse for '${viewName}' with arguments not found.`);
  }
  let url = '/';
  route.parts.forEach((part, index) => {
    url += part;
    if (index < values.length) url += quote(String(values[index]));
  });
  return url;
}
