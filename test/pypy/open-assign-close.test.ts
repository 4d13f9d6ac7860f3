import { defineProofs } from './proof.js';

defineProofs('open-assign-close', 6);
