import { defineProofs } from './proof.js';

defineProofs('connection-with', 1);
