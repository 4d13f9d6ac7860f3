import { defineProofs } from './proof.js';

defineProofs('generator-close', 10);
