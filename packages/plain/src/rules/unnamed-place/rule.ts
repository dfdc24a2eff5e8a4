import { wordListRule } from '../word-list.js';

/** The words are in words.yaml, next to this file. */
export default wordListRule('plain/unnamed-place');
