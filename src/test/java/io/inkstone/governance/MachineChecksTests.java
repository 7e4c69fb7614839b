package io.inkstone.governance;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The machine checks of moderation: sensitive words however written, compliance profiles
 * (similarity: SimilarityTests).
 */
class MachineChecksTests {

	@Test
	void sensitiveWordsAreFoundHoweverTheyAreWritten() {
		SensitiveWords words = new SensitiveWords(
				new ByteArrayResource("# comment\n代开发票\n网络赌场\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(words.size()).isEqualTo(2);
		assertThat(words.find("本店可代開發票，量大從優")).containsExactly("代开发票");
		assertThat(words.find("代 * 开 . 发 / 票")).containsExactly("代开发票");
		assertThat(words.find("ｗｗｗ 网络-赌场 与 代开发票")).containsExactly("网络赌场", "代开发票");
		assertThat(words.find("床前明月光，疑是地上霜。")).isEmpty();
	}

	@Test
	void complianceProfilesSwitchDutiesAndEachDutyCanBeOverridden() {
		ComplianceProfile cn = new ComplianceProfile(new ComplianceProperties("cn-mainland", null));
		ComplianceProfile eu = new ComplianceProfile(new ComplianceProperties("eu-dsa", Map.of()));
		ComplianceProfile minimal = new ComplianceProfile(
				new ComplianceProperties("minimal", Map.of("hold-flagged", true)));
		assertThat(cn.on("ip-location")).isTrue();
		assertThat(cn.on("pre-review-new-creators")).isTrue();
		assertThat(eu.on("ip-location")).isFalse();
		assertThat(eu.on("statement-of-reasons")).isTrue();
		assertThat(minimal.on("pre-review-new-creators")).isFalse();
		assertThat(minimal.on("hold-flagged")).as("overridden").isTrue();
		assertThatThrownBy(() -> new ComplianceProfile(new ComplianceProperties("mars", null)))
			.isInstanceOf(IllegalStateException.class);
	}

}
