package io.inkstone.similarity;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import io.inkstone.support.Fixtures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Passage-level copy detection on real Chinese text (the fixture classics): winnowed
 * fingerprints, the passage index, the exact share computation, the partial-copy rule and
 * the reviewer's highlighting of copied passages.
 */
class PassageMatchingTests {

	static final OriginalityProperties DEFAULTS = new OriginalityProperties(50, 0.2, 400);

	static List<String> longTexts() {
		return Fixtures.classics()
			.stream()
			.map(i -> TextNormalizer.fold(i.body()))
			.filter(t -> t.codePointCount(0, t.length()) >= 300)
			.distinct()
			.toList();
	}

	static String cps(String s, int from, int to) {
		return new String(s.codePoints().toArray(), from, to - from);
	}

	static int len(String s) {
		return s.codePointCount(0, s.length());
	}

	@Test
	void aSharedRunAsLongAsTheGuaranteeAlwaysSharesAFingerprintAndFewGramsAreKept() {
		List<String> texts = longTexts();
		assertThat(texts).hasSizeGreaterThan(10);
		Random random = new Random(7);
		long kept = 0;
		long grams = 0;
		for (int i = 0; i < texts.size(); i++) {
			String source = texts.get(i);
			String other = texts.get((i + 1) % texts.size());
			int at = random.nextInt(len(source) - Winnowing.GUARANTEE);
			String run = cps(source, at, at + Winnowing.GUARANTEE);
			String host = cps(other, 0, 100) + run + cps(other, 100, 200);
			Set<Integer> a = Arrays.stream(Winnowing.fingerprints(source)).boxed().collect(Collectors.toSet());
			assertThat(Arrays.stream(Winnowing.fingerprints(host)).anyMatch(a::contains))
				.as("a %d-character run shares a fingerprint", Winnowing.GUARANTEE)
				.isTrue();
			kept += Winnowing.fingerprints(source).length;
			grams += len(source) - Winnowing.K + 1;
		}
		assertThat((double) kept / grams).as("density about 2 / (window + 1)")
			.isBetween(0.1, 2.5 / (Winnowing.WINDOW + 1));
		assertThat(Winnowing.fingerprints("床前明月光")).isEmpty();
		assertThat(Winnowing.fingerprints(texts.get(0))).isSorted()
			.isEqualTo(Winnowing.fingerprints(new String(texts.get(0))));
	}

	@Test
	void thirtyPercentPastedIntoUnrelatedTextIsMeasuredAsAboutThirtyPercentAndIsAPartialCopy() {
		List<String> texts = longTexts();
		String source = texts.get(3);
		String unrelated = texts.get(4) + texts.get(5);
		int n = len(source);
		int pasted = (int) Math.round(n * 0.3);
		int own = n - pasted;
		String copy = cps(unrelated, 0, own / 2) + cps(source, 10, 10 + pasted) + cps(unrelated, own / 2, own);
		Passages.Comparison c = Passages.compare(copy, source);
		assertThat(c.share()).isCloseTo(0.3, within(0.03));
		assertThat(c.runs()).first().satisfies(run -> {
			assertThat(run.start()).isBetween(own / 2 - 3, own / 2 + 3);
			assertThat(run.otherStart()).isBetween(7, 13);
		});
		assertThat(DEFAULTS.partialCopy(c.copied(), c.share())).isTrue();
		// and the unrelated text alone shares nothing with the source
		assertThat(Passages.compare(unrelated, source).copied()).isZero();
	}

	@Test
	void aShortQuotationWithAttributionIsNotAPartialCopyButALongPassageInALongTextIs() {
		List<String> texts = longTexts();
		String source = texts.get(6);
		String own = texts.get(7) + texts.get(8);
		// 李白说过：「…」 — a two-line quotation (28 characters) in a 300-character text
		String quote = "正如作者所言" + cps(source, 0, 28) + "此言不虚";
		String text = cps(own, 0, 150) + quote + cps(own, 150, 270);
		Passages.Comparison c = Passages.compare(TextNormalizer.fold(text), source);
		assertThat(c.copied()).isBetween(28, 30);
		assertThat(c.share()).isGreaterThan(0.05);
		assertThat(DEFAULTS.partialCopy(c.copied(), c.share())).as("below the minimum passage").isFalse();
		// a short passage at a high share of a very short text is still a quotation
		assertThat(DEFAULTS.partialCopy(40, 0.8)).isFalse();
		// a long passage is a copy even when it is a small share of a long text
		assertThat(DEFAULTS.partialCopy(450, 0.08)).isTrue();
		assertThat(DEFAULTS.partialCopy(120, 0.08)).isFalse();
		// shared set phrases and lines of verse shorter than a run do not count
		assertThat(Passages.compare("今天我们说春风又绿江南岸这句诗写得好", "明天他们看春风又绿江南岸那首词不错").copied()).isZero();
	}

	@Test
	void theIndexProposesTheSourceAndFollowsRemovalsEditsAndMerges() {
		List<String> texts = longTexts();
		PassageIndex index = new PassageIndex();
		for (int i = 0; i < texts.size(); i++) {
			index.add(i, Winnowing.fingerprints(texts.get(i)));
		}
		// enough synthetic articles to force merges of the delta into the main array
		Random random = new Random(3);
		for (int i = 0; i < 3000; i++) {
			int[] prints = random.ints(40).toArray();
			Arrays.sort(prints);
			index.add(100_000 + i, prints);
		}
		String source = texts.get(2);
		String copy = cps(texts.get(9), 0, 30) + cps(source, 50, 50 + len(source) / 2) + cps(texts.get(9), 30, 60);
		List<PassageIndex.Candidate> found = index.candidates(Winnowing.fingerprints(copy), 2, 5);
		assertThat(found).isNotEmpty();
		assertThat(found.get(0).id()).isEqualTo(2L);
		assertThat(found.stream().map(PassageIndex.Candidate::id)).contains(9L);

		index.remove(2);
		assertThat(index.candidates(Winnowing.fingerprints(copy), 2, 5)).extracting(PassageIndex.Candidate::id)
			.doesNotContain(2L);
		index.add(2, Winnowing.fingerprints(source));
		// an edit replaces the text: the old passages no longer point at it
		index.add(9, Winnowing.fingerprints("编辑后完全不同的一段新内容，与原来的文字没有任何关系，仅此而已"));
		assertThat(index.candidates(Winnowing.fingerprints(copy), 2, 5)).extracting(PassageIndex.Candidate::id)
			.containsExactly(2L);
		assertThat(index.size()).isEqualTo(texts.size() + 3000);
		for (int i = 0; i < 3000; i++) {
			index.remove(100_000 + i);
		}
		assertThat(index.size()).isEqualTo(texts.size());
		assertThat(index.candidates(Winnowing.fingerprints(copy), 2, 5).get(0).id()).isEqualTo(2L);
	}

	@Test
	void aFingerprintInTooManyArticlesIsBoilerplateAndNotCounted() {
		PassageIndex index = new PassageIndex();
		for (int i = 0; i <= PassageIndex.MAX_POSTINGS; i++) {
			index.add(i, new int[] { 42, 1000 + i });
		}
		assertThat(index.candidates(new int[] { 42 }, 1, 10)).isEmpty();
		assertThat(index.candidates(new int[] { 42, 1007 }, 1, 10)).extracting(PassageIndex.Candidate::id)
			.containsExactly(7L);
	}

	@Test
	void fingerprintsSurviveTheirStoredForm() {
		int[] prints = Winnowing.fingerprints(longTexts().get(0));
		assertThat(PassagePrints.decode(PassagePrints.encode(prints))).isEqualTo(prints);
	}

	@Test
	void onlyTheCopiedPassageIsMarked() {
		String source = "第一段是原文独有的开头。" + "这一段被人整段复制过去了，内容相当长，足以构成一个段落。" + "原文的结尾也是独有的。";
		String copy = "<p>我自己写的开头</p>，" + "这一段被人整段复制过去了，内容相当长，足以构成一个段落。" + "我自己的结尾。";
		String html = MatchHighlighter.highlightPassages(copy, source);
		assertThat(html).startsWith("&lt;p&gt;我自己写的开头")
			.contains("<mark>这一段被人整段复制过去了，内容相当长，足以构成一个段落</mark>")
			.endsWith("我自己的结尾。");
		Set<String> marked = new HashSet<>(
				List.of(MatchHighlighter.highlightPassages(source, copy).split("<mark>|</mark>")));
		assertThat(marked).contains("这一段被人整段复制过去了，内容相当长，足以构成一个段落");
	}

}
