package io.inkstone.governance;

import java.util.Map;

/**
 * Chinese labels used in texts stored or mailed (410 pages, statements of reasons). Pages
 * use the message bundles.
 */
final class ReasonLabels {

	private static final Map<String, String> ZH = Map.of("rumour", "谣言", "infringement", "侵权/抄袭", "false-original",
			"虚假原创", "unlabeled-ai", "未标注的AI生成内容", "porn", "色情低俗", "violence", "暴力血腥", "fraud", "诈骗", "personal-info",
			"泄露个人信息", "other", "其他违规");

	private ReasonLabels() {
	}

	static String zh(String code) {
		return ZH.getOrDefault(code, code);
	}

}
