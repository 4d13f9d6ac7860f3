import { defineProofs } from './proof.js';

defineProofs('pathlib-read-write', 1);
