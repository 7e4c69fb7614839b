package io.inkstone.discovery;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import java.util.Locale;

/**
 * A Lucene tokenizer over HanLP portable's segmenter (the alternative to smartcn,
 * compared in bench/discovery.sh). Index mode emits the fine-grained sub-words of long
 * words as well, the usual recall trick; standard mode (coarse, for queries unless
 * {@code inkstone.search.query-segmentation=fine}) keeps whole words, which the index
 * also holds. Punctuation and whitespace are dropped. Reads the whole field (articles are
 * at most 100,000 chars).
 */
final class HanLPTokenizer extends Tokenizer {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

	private final Segment segment;

	HanLPTokenizer(boolean indexMode) {
		this.segment = HanLP.newSegment().enableIndexMode(indexMode).enableOffset(true);
	}

	private Iterator<Term> terms;

	private int length;

	@Override
	public boolean incrementToken() throws IOException {
		clearAttributes();
		if (terms == null) {
			StringBuilder text = new StringBuilder();
			char[] buffer = new char[4096];
			int read;
			while ((read = input.read(buffer)) > 0) {
				text.append(buffer, 0, read);
			}
			length = text.length();
			List<Term> segmented = segment.seg(text.toString());
			terms = segmented.iterator();
		}
		while (terms.hasNext()) {
			Term next = terms.next();
			String word = next.word.strip();
			if (word.isEmpty() || word.codePoints().noneMatch(Character::isLetterOrDigit)) {
				continue;
			}
			term.append(word.toLowerCase(Locale.ROOT));
			int start = correctOffset(next.offset);
			offset.setOffset(start, correctOffset(next.offset + next.word.length()));
			return true;
		}
		return false;
	}

	@Override
	public void end() throws IOException {
		super.end();
		int end = correctOffset(length);
		offset.setOffset(end, end);
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		terms = null;
		length = 0;
	}

}
