import { defineProofs } from './proof.js';

defineProofs('open-assign', 7);
