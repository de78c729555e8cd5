package embedded

import "math/bits"

// letterSignature summarises the characters of a word in 64 bits, so that
// letterBound can tell that two words are too many edits apart without
// reading either. Each character falls in one of 32 classes, its code
// point modulo 32 (the letters a to z have a class each); the low half
// has the bit of every class the word has a character of, the high half
// the bit of every class it has two or more characters of.
type letterSignature uint64

// signatureOf returns the letter signature of w.
func signatureOf(w string) letterSignature {
	var once, twice uint32
	for _, r := range w {
		bit := uint32(1) << (uint32(r) % 32)
		twice |= once & bit
		once |= bit
	}
	return letterSignature(once) | letterSignature(twice)<<32
}

// letterBound is a lower bound of the edit distance (with adjacent swaps)
// of two words having the signatures a and b. In each class, the
// characters of one word beyond those of the other are unmatched, and at
// least min(count, 2) of one minus min(count, 2) of the other are, which
// the signatures tell; summed over the classes, and the larger of the two
// directions, that bounds the bag distance, itself a lower bound of the
// edit distance: an insertion, deletion or substitution changes it by at
// most one and a swap not at all.
func letterBound(a, b letterSignature) int {
	return max(
		bits.OnesCount64(uint64(a&^b)),
		bits.OnesCount64(uint64(b&^a)),
	)
}
