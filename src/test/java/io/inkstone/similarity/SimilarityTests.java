package io.inkstone.similarity;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import io.inkstone.support.Fixtures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folding, signatures, the signature index and the reviewer's highlighting on real
 * Chinese text (the fixture poems).
 */
class SimilarityTests {

	@Test
	void foldingMakesWidthScriptAndInsertedCharactersIrrelevant() {
		assertThat(TextNormalizer.fold("ＡＢＣ１２３")).isEqualTo("abc123");
		assertThat(TextNormalizer.fold("代開發票")).isEqualTo("代开发票");
		assertThat(TextNormalizer.fold("代 * 开-发，票")).isEqualTo("代开发票");
	}

	@Test
	void aPoemRepostedWithAFewCharactersChangedIsCaughtAndADifferentPoemByTheSameAuthorIsNot() throws IOException {
		List<Fixtures.Item> poems = Fixtures.classics()
			.stream()
			.filter(p -> TextNormalizer.fold(p.body()).length() >= 40)
			.toList();
		SignatureIndex index = new SignatureIndex();
		for (int i = 0; i < poems.size(); i++) {
			index.add(i, SimHash.signature(TextNormalizer.fold(poems.get(i).body())));
		}
		Random random = new Random(42);
		int caught = 0;
		int falseMatches = 0;
		for (int i = 0; i < poems.size(); i++) {
			String original = TextNormalizer.fold(poems.get(i).body());
			String copy = perturb(original, 0.10, random);
			boolean found = false;
			for (long[] candidate : index.near(SimHash.signature(copy), OriginalityEngine.MAX_DISTANCE)) {
				String other = TextNormalizer.fold(poems.get((int) candidate[0]).body());
				if (SimHash.bigramJaccard(copy, other) >= OriginalityEngine.MIN_JACCARD) {
					if (candidate[0] == i) {
						found = true;
					}
					else if (!other.equals(original)) {
						falseMatches++;
					}
				}
			}
			if (found) {
				caught++;
			}
		}
		assertThat((double) caught / poems.size()).as("recall with 10%% of the characters changed")
			.isGreaterThanOrEqualTo(0.95);
		assertThat(falseMatches).as("another poem (same author or not) is never called a copy").isZero();
	}

	static String perturb(String text, double share, Random random) {
		int[] cps = text.codePoints().toArray();
		int changes = Math.max(1, (int) Math.round(cps.length * share));
		for (int k = 0; k < changes; k++) {
			cps[random.nextInt(cps.length)] = 0x4E00 + random.nextInt(0x5000);
		}
		return new String(cps, 0, cps.length);
	}

	@Test
	void theSignatureIndexFindsEverySignatureWithinItsDistance() {
		SignatureIndex index = new SignatureIndex();
		long[] base = { 1L, 2L, 3L, 4L };
		index.add(1, base);
		index.add(2, new long[] { 1L ^ 0b111L, 2L, 3L, 4L }); // distance 3
		index.add(3, new long[] { 1L, 2L ^ 0b1111L, 3L, 4L }); // distance 4
		index.add(4, new long[] { ~1L, 2L, 3L, 4L });
		assertThat(index.near(base, 3)).extracting(x -> x[0]).containsExactly(1L, 2L);
		index.remove(2);
		assertThat(index.near(base, 3)).extracting(x -> x[0]).containsExactly(1L);
		assertThat(index.size()).isEqualTo(3);
	}

	@Test
	void matchingPassagesAreMarkedAndTheTextIsEscaped() {
		String html = MatchHighlighter.highlight("<b>床前明月光</b>，今天天气好", "床前明月光，疑是地上霜");
		assertThat(html).startsWith("&lt;b&gt;<mark>床前明月光</mark>").doesNotContain("<b>");
	}

}
