package io.inkstone.importer;

import java.util.List;

import io.inkstone.creators.Creator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creator handles as WordPress logins (what WordPress' {@code sanitize_user(…, true)}
 * keeps) and back, without a Spring context.
 */
class WxrLoginsTests {

	/** Sample strings of RFC 3492, section 7.1. */
	@Test
	void punycodeMatchesTheRfcSamples() {
		assertThat(WxrLogins.Punycode.encode("他们为什么不说中文")).isEqualTo("ihqwcrb4cv8a8dqg056pqjye");
		assertThat(WxrLogins.Punycode.encode("3年B組金八先生")).isEqualTo("3B-ww4c5e180e575a65lsy2b");
		assertThat(WxrLogins.Punycode.encode("-> $1.00 <-")).isEqualTo("-> $1.00 <--");
		assertThat(WxrLogins.Punycode.decode("ihqwcrb4cv8a8dqg056pqjye")).isEqualTo("他们为什么不说中文");
		assertThat(WxrLogins.Punycode.decode("3B-ww4c5e180e575a65lsy2b")).isEqualTo("3年B組金八先生");
	}

	@Test
	void handlesWordPressKeepsStayAsTheyAre() {
		for (String handle : List.of("laowang", "editor-li", "a.b_c@d", "Zed99", "a b")) {
			assertThat(WxrLogins.toWordPress(handle, 7)).isEqualTo(handle);
			assertThat(WxrLogins.fromWordPress(handle)).isEqualTo(handle);
		}
	}

	@Test
	void otherHandlesBecomeAsciiLoginsThatReadBack() {
		for (String handle : List.of("韩愈", "两汉-刘彻", "唐-李白", "王·维", "𠀀字", "Ünal", "xn--abc")) {
			String login = WxrLogins.toWordPress(handle, 7);
			assertThat(login).as(handle).startsWith("xn--").matches("[A-Za-z0-9_.@-]{1,60}");
			assertThat(WxrLogins.fromWordPress(login)).as(handle).isEqualTo(handle);
		}
		// 两汉-刘彻 and 唐-李白 would both be "-" to WordPress; here they differ
		assertThat(WxrLogins.toWordPress("两汉-刘彻", 1)).isNotEqualTo(WxrLogins.toWordPress("唐-李白", 2));
	}

	@Test
	void aHandleTooLongForWordPressBecomesItsCreatorId() {
		String handle = "长".repeat(60);
		assertThat(WxrLogins.toWordPress(handle, 42)).isEqualTo("inkstone-42");
	}

	@Test
	void loginsThatAreNotPunycodeStayAsTheyAre() {
		assertThat(WxrLogins.fromWordPress("xn--")).isEqualTo("xn--");
		assertThat(WxrLogins.fromWordPress("xn--!!")).isEqualTo("xn--!!");
		assertThat(WxrLogins.fromWordPress(null)).isNull();
	}

	@Test
	void loginsAreDistinctWithoutCase() {
		Creator upper = creator(1, "Alice");
		Creator lower = creator(2, "alice");
		assertThat(SiteExporter.wordPressLogins(List.of(upper, lower)).values()).containsExactlyInAnyOrder("Alice",
				"inkstone-2");
	}

	private static Creator creator(long id, String handle) {
		return new Creator(id, handle, handle, null, null, "personal", false, null);
	}

}
