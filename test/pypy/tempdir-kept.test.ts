import { defineProofs } from './proof.js';

defineProofs('tempdir-kept', 1);
