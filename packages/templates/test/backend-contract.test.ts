import { backendContract } from './backend.case.js';

backendContract(
  'reins',
  'reins',
  {
    hello: 'Hello {{ name }}',
    request: '{% if request_path %}{{ request_path }}{% else %}none{% endif %}',
    broken: '{% if %}',
  },
  {
    contextProcessors: [
      (request: unknown) => ({ request_path: (request as { path: string }).path }),
    ],
  },
);

backendContract('nunjucks', 'nunjucks', {
  hello: 'Hello {{ name }}',
  request: '{% if request %}{{ request.path }}{% else %}none{% endif %}',
  broken: '{% if %}',
});
