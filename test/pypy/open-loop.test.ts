import { defineProofs } from './proof.js';

defineProofs('open-loop', 4);
