// Lint: typescript-eslint's type-aware rules, `any` forbidden, and the pipeline's layering enforced
// with no-restricted-imports (front ends never import back ends; back ends read only the model).
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'samples/**', 'coverage/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  layer(['src/frontends/**'], ['**/render/**', '**/views/**', '**/audit/**', '**/passes/**', '**/cli/**'], 'front ends produce model fragments only'),
  layer(['src/render/**', 'src/views/**'], ['**/frontends/**', '**/load/**', '**/passes/**', '**/pipeline*', '**/cli/**'], 'back ends read the model only'),
  layer(['src/model/**', 'src/core/**'], ['**/frontends/**', '**/render/**', '**/views/**', '**/passes/**', '**/cli/**', '**/load/**'], 'the model depends on nothing above it'),
  { files: ['test/**', 'scripts/**'], rules: { 'no-console': 'off', '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' } },
);
