package io.inkstone.discovery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index-time fine, query-time coarse: the standard recall trick for Chinese segmentation.
 */
class ChineseAnalysisTests {

	private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
		List<String> out = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("body", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				out.add(term.toString());
			}
			stream.end();
		}
		return out;
	}

	@Test
	void theIndexHoldsLongWordsAndTheirPartsWhileQueriesKeepWholeWords() throws IOException {
		List<String> indexed = tokens(ChineseAnalysis.analyzer("hanlp"), "中华人民共和国成立");
		List<String> queried = tokens(ChineseAnalysis.queryAnalyzer("hanlp"), "中华人民共和国成立");
		assertThat(indexed).contains("中华人民共和国", "中华", "人民", "共和国", "成立");
		assertThat(queried).containsExactly("中华人民共和国", "成立");
		assertThat(indexed).containsAll(queried); // every coarse query word is in the
													// index
	}

	@Test
	void bothFoldTraditionalAndFullWidthBeforeSegmenting() throws IOException {
		assertThat(tokens(ChineseAnalysis.queryAnalyzer("hanlp"), "東風ＡＰＴ")).contains("apt");
		assertThat(String.join("", tokens(ChineseAnalysis.queryAnalyzer("hanlp"), "東風"))).isEqualTo("东风");
	}

	@Test
	void smartcnHasOneGranularity() throws IOException {
		assertThat(tokens(ChineseAnalysis.queryAnalyzer("smartcn"), "我们在北京大学读书"))
			.isEqualTo(tokens(ChineseAnalysis.analyzer("smartcn"), "我们在北京大学读书"));
	}

}
