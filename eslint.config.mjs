// ESLint flat config: type-checked rules at zero warnings, and Nx module boundaries that keep
// feature libs (one per service) from importing each other.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.llmops/**', '.nx/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-extraneous-class': 'off', // Nest modules are decorated empty classes
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off', // Nest DI needs runtime class imports
      // Nest and TypeORM type their options and entities as classes that callers pass as plain objects.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
            {
              sourceTag: 'type:host',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:feature'],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:feature', 'type:host'],
            },
            {
              sourceTag: 'scope:ingestion',
              notDependOnLibsWithTags: [
                'scope:labeling',
                'scope:training',
                'scope:evaluation',
                'scope:registry',
                'scope:serving',
                'scope:monitoring',
              ],
            },
            {
              sourceTag: 'scope:labeling',
              notDependOnLibsWithTags: [
                'scope:ingestion',
                'scope:training',
                'scope:evaluation',
                'scope:registry',
                'scope:serving',
                'scope:monitoring',
              ],
            },
            {
              sourceTag: 'scope:training',
              notDependOnLibsWithTags: [
                'scope:ingestion',
                'scope:labeling',
                'scope:evaluation',
                'scope:registry',
                'scope:serving',
                'scope:monitoring',
              ],
            },
            {
              sourceTag: 'scope:evaluation',
              notDependOnLibsWithTags: [
                'scope:ingestion',
                'scope:labeling',
                'scope:training',
                'scope:registry',
                'scope:serving',
                'scope:monitoring',
              ],
            },
            {
              sourceTag: 'scope:registry',
              notDependOnLibsWithTags: [
                'scope:ingestion',
                'scope:labeling',
                'scope:training',
                'scope:evaluation',
                'scope:serving',
                'scope:monitoring',
              ],
            },
            {
              sourceTag: 'scope:serving',
              notDependOnLibsWithTags: [
                'scope:ingestion',
                'scope:labeling',
                'scope:training',
                'scope:evaluation',
                'scope:registry',
                'scope:monitoring',
              ],
            },
            {
              sourceTag: 'scope:monitoring',
              notDependOnLibsWithTags: [
                'scope:ingestion',
                'scope:labeling',
                'scope:training',
                'scope:evaluation',
                'scope:registry',
                'scope:serving',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
  prettier,
);
