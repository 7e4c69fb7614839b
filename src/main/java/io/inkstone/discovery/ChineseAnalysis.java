package io.inkstone.discovery;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * The analyzer for Chinese text. smartcn (HMM segmentation, bundled dictionary, no downloads) is the
 * default; the discovery issue compares it with HanLP portable on the corpus.
 */
final class ChineseAnalysis {

	private ChineseAnalysis() {
	}

	static Analyzer analyzer() {
		return new SmartChineseAnalyzer(true);
	}

}
