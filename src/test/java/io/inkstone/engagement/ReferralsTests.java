package io.inkstone.engagement;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a read came from, decided from the referring host alone: no Spring, no database.
 */
class ReferralsTests {

	private static final List<String> OWN = List.of("news.example", "localhost");

	private static Referral classify(String host) {
		return Referrals.classify(host, null, OWN);
	}

	@Test
	void noReferrerIsDirect() {
		assertThat(classify(null)).isEqualTo(Referral.DIRECT);
		assertThat(classify("")).isEqualTo(Referral.DIRECT);
		assertThat(classify("   ")).isEqualTo(Referral.DIRECT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "www.baidu.com", "m.baidu.com", "baidu.com", "www.sogou.com", "wap.sogou.com",
			"weixin.sogou.com", "www.so.com", "m.so.com", "m.sm.cn", "yz.m.sm.cn", "quark.sm.cn", "so.toutiao.com",
			"cn.bing.com", "www.bing.com", "www.google.com", "www.google.com.hk", "google.co.jp", "duckduckgo.com",
			"WWW.BAIDU.COM." })
	void knownEnginesAreSearchWithTheirHost(String host) {
		Referral r = classify(host);
		assertThat(r.source()).isEqualTo(ReadSource.SEARCH);
		assertThat(r.host()).doesNotStartWith("www.").isLowerCase().doesNotEndWith(".");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tieba.baidu.com", "baike.baidu.com", "www.toutiao.com", "news.qq.com", "weibo.com",
			"mp.weixin.qq.com", "googleusercontent.com", "notgoogle.example" })
	void sitesOfTheSameCompaniesThatAreNotSearchAreOtherSites(String host) {
		Referral r = classify(host);
		assertThat(r.source()).isEqualTo(ReadSource.OTHER);
		assertThat(r.host()).isEqualTo(host.replaceFirst("^www\\.", ""));
	}

	@Test
	void feedReadersAndFeedTagsAreFeed() {
		assertThat(classify("feedly.com")).isEqualTo(new Referral(ReadSource.FEED, "feedly.com"));
		assertThat(classify("www.inoreader.com")).isEqualTo(new Referral(ReadSource.FEED, "inoreader.com"));
		// a native reader sends no referrer, but the link it opens carries utm_medium=rss
		assertThat(Referrals.classify(null, "rss", OWN)).isEqualTo(new Referral(ReadSource.FEED, ""));
		assertThat(Referrals.classify(null, "RSS ", OWN).source()).isEqualTo(ReadSource.FEED);
		assertThat(Referrals.classify("t.co", "feed", OWN)).isEqualTo(new Referral(ReadSource.FEED, "t.co"));
		assertThat(Referrals.classify("news.example", "rss", OWN)).isEqualTo(new Referral(ReadSource.FEED, ""));
		// another campaign tag changes nothing
		assertThat(Referrals.classify(null, "email", OWN)).isEqualTo(Referral.DIRECT);
	}

	@Test
	void ourOwnPagesAreInternalWithoutAHost() {
		assertThat(classify("news.example")).isEqualTo(new Referral(ReadSource.INTERNAL, ""));
		assertThat(classify("www.news.example")).isEqualTo(new Referral(ReadSource.INTERNAL, ""));
		assertThat(classify("LOCALHOST")).isEqualTo(new Referral(ReadSource.INTERNAL, ""));
		assertThat(classify("news.example.evil.test").source()).isEqualTo(ReadSource.OTHER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://www.baidu.com/s?wd=secret", "a b", "<script>", "host/path", "user@host",
			"-bad.example", "[::1]" })
	void whatIsNotAHostNameIsDirectAndNeverStored(String value) {
		assertThat(classify(value)).isEqualTo(Referral.DIRECT);
	}

	@Test
	void aHostLongerThanDnsAllowsIsDirect() {
		assertThat(classify("a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "."
				+ "e".repeat(60) + ".example"))
			.isEqualTo(Referral.DIRECT);
	}

	@Test
	void theRefererHeaderGivesItsHostOnly() {
		assertThat(Referrals.hostOf("https://www.baidu.com/s?wd=%E5%90%8D%E5%AD%97")).isEqualTo("www.baidu.com");
		assertThat(Referrals.hostOf("http://news.example:8080/articles/1")).isEqualTo("news.example");
		assertThat(Referrals.hostOf("android-app://com.google.android.gm/")).isNull();
		assertThat(Referrals.hostOf("not a url")).isNull();
		assertThat(Referrals.hostOf(null)).isNull();
		assertThat(Referrals.classify(Referrals.hostOf("https://cn.bing.com/search?q=x"), null, OWN))
			.isEqualTo(new Referral(ReadSource.SEARCH, "cn.bing.com"));
	}

}
