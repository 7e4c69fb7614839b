package io.inkstone.discovery;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * The analyzer for Chinese text: width and traditional/simplified folding ({@link FoldingCharFilter}), then
 * smartcn (HMM segmentation, bundled dictionary, no downloads). {@link #VERSION} is stored with the index;
 * an index built with another version is rebuilt from the change feed on start.
 */
final class ChineseAnalysis {

	static final String VERSION = "smartcn+fold-1";

	private ChineseAnalysis() {
	}

	static Analyzer analyzer() {
		Analyzer smartcn = new SmartChineseAnalyzer(true);
		return new AnalyzerWrapper(Analyzer.GLOBAL_REUSE_STRATEGY) {

			@Override
			protected Analyzer getWrappedAnalyzer(String fieldName) {
				return smartcn;
			}

			@Override
			protected Reader wrapReader(String fieldName, Reader reader) {
				return new FoldingCharFilter(reader);
			}

		};
	}

}
