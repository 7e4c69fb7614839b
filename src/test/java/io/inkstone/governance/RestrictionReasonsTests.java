package io.inkstone.governance;

import java.util.Map;

import io.inkstone.support.Bundles;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reason stored with a creator's restriction is the report reason's Chinese label
 * from the bundles and the decision's reference, as the labels once written in Java had
 * it ("other" in its own words); a code without a label is stored as it is.
 */
class RestrictionReasonsTests {

	private final MessageSource messages = Bundles.messages();

	@Test
	void aRestrictionStoresTheReasonsChineseLabelAndTheReference() {
		Map.of("rumour", "谣言", "infringement", "侵权/抄袭", "false-original", "虚假原创", "unlabeled-ai", "未标注的AI生成内容", "porn",
				"色情低俗", "violence", "暴力血腥", "fraud", "诈骗", "personal-info", "泄露个人信息", "other", "其他违规")
			.forEach((code, label) -> assertThat(ModerationDecisions.restrictionReason(messages, code, "R-7"))
				.isEqualTo(label + "（R-7）"));
		assertThat(ModerationDecisions.restrictionReason(messages, "no-such-reason", "R-7"))
			.isEqualTo("no-such-reason（R-7）");
	}

}
