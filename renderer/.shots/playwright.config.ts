import base from '../../e2e/playwright.config';
import { defineConfig } from '@playwright/test';

export default defineConfig({ ...base, testDir: '.', outputDir: '/tmp/shots-results', timeout: 240_000, reporter: [['list']] });
