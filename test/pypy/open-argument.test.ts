import { defineProofs } from './proof.js';

defineProofs('open-argument', 7);
