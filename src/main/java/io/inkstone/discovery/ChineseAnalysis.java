package io.inkstone.discovery;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer for Chinese text: width and traditional/simplified folding
 * ({@link FoldingCharFilter}), then segmentation by HanLP portable (the default, in index
 * mode) or smartcn ({@code inkstone.search.analyzer=smartcn}) — chosen by measurement on
 * the full corpus, see bench/README.md: HanLP indexed faster, searched 5× faster at p95
 * and ranked related articles and known items better. The version string is stored with
 * the index; an index built with another analysis is rebuilt from the change feed on
 * start.
 */
final class ChineseAnalysis {

	static final String DEFAULT = "hanlp";

	private ChineseAnalysis() {
	}

	static String version(String name) {
		return name + "+fold+author+pinyin+bigrams+titleparts-5";
	}

	static Analyzer analyzer() {
		return analyzer(DEFAULT);
	}

	/** For indexing: fine-grained (HanLP index mode: long words and their sub-words). */
	static Analyzer analyzer(String name) {
		return analyzer(name, true);
	}

	/**
	 * Coarse segmentation for queries (HanLP standard mode), the other half of the usual
	 * recall trick — a query word matches as the whole word rather than as any of its
	 * parts. The default; on the corpus it ranked exactly as fine query segmentation
	 * (bench/README.md), so the stated approach stands. smartcn has one
	 * granularity for both.
	 */
	static Analyzer queryAnalyzer(String name) {
		return analyzer(name, false);
	}

	/**
	 * Overlapping character pairs (CJK bigrams; a Han character alone between punctuation
	 * stays a single), Latin words whole and lower-cased, after the same folding: the
	 * title and body phrase fields. Segmentation-free, so a title part or a copied phrase
	 * matches however the segmenter cut the text or the query.
	 */
	static Analyzer bigrams() {
		return new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				StandardTokenizer source = new StandardTokenizer();
				TokenStream stream = new LowerCaseFilter(source);
				return new TokenStreamComponents(source, new CJKBigramFilter(stream));
			}

			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return new FoldingCharFilter(reader);
			}

		};
	}

	private static Analyzer analyzer(String name, boolean fine) {
		Analyzer segmenter = switch (name) {
			case "smartcn" -> new SmartChineseAnalyzer(true);
			case "hanlp" -> new Analyzer() {
				@Override
				protected TokenStreamComponents createComponents(String fieldName) {
					return new TokenStreamComponents(new HanLPTokenizer(fine));
				}
			};
			default ->
				throw new IllegalStateException("inkstone.search.analyzer must be smartcn or hanlp, not " + name);
		};
		return new AnalyzerWrapper(Analyzer.GLOBAL_REUSE_STRATEGY) {

			@Override
			protected Analyzer getWrappedAnalyzer(String fieldName) {
				return segmenter;
			}

			@Override
			protected Reader wrapReader(String fieldName, Reader reader) {
				return new FoldingCharFilter(reader);
			}

		};
	}

}
