import { defineProofs } from './proof.js';

defineProofs('open-chain', 9);
