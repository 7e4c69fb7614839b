package io.inkstone.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which webhook targets are refused (SSRF), the back-off, and the Standard Webhooks
 * signature.
 */
class WebhookTargetsTests {

	@Test
	void refusesLoopbackPrivateAndReservedTargetsUnlessAllowed() {
		for (String url : new String[] { "http://127.0.0.1/x", "http://localhost:8080/x", "http://10.1.2.3/",
				"http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/",
				"http://[fd00::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/" }) {
			assertThat(WebhookTargets.refusal(url, false)).as(url).isEqualTo("webhooks.error.private");
			assertThat(WebhookTargets.refusal(url, true)).as(url).isNull();
		}
		for (String url : new String[] { "ftp://example.com/", "file:///etc/passwd", "http://user:pw@93.184.215.14/",
				"nonsense", "javascript:alert(1)" }) {
			assertThat(WebhookTargets.refusal(url, true)).as(url).isEqualTo("webhooks.error.url");
		}
		assertThat(WebhookTargets.refusal("https://93.184.215.14/hook", false)).isNull(); // a
																							// public
																							// address
																							// literal
	}

	@Test
	void refusesIpv6AddressesThatCarryOrHidePrivateIpv4Ones() {
		// NAT64 and 6to4 reach the IPv4 address they embed, the IPv4-compatible form is
		// deprecated, Teredo hides its client's address, 64:ff9b:1::/48 is local use
		for (String url : new String[] { "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::a00:5]/",
				"http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::1]/", "http://[2002:c0a8:101::1]/",
				"http://[::7f00:1]/", "http://[::a00:1]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
				"http://[64:ff9b:1::808:808]/" }) {
			assertThat(WebhookTargets.refusal(url, false)).as(url).isEqualTo("webhooks.error.private");
		}
		for (String url : new String[] { "http://[64:ff9b::808:808]/", "http://[2002:808:808::1]/",
				"http://[2606:4700:4700::1111]/" }) {
			assertThat(WebhookTargets.refusal(url, false)).as(url).isNull();
		}
	}

	@Test
	void acceptsValidUrlsWithPercentEncodedCharacters() {
		for (String url : new String[] { "https://93.184.215.14/hook?next=%3Cx%3E",
				"https://93.184.215.14/hook?q=%E4%BD%A0%20a", "https://93.184.215.14/a%2Fb/hook?x=1&y=%3c#frag",
				"https://93.184.215.14:8443/hook?token=a%2Bb%3D" }) {
			assertThat(WebhookTargets.refusal(url, false)).as(url).isNull();
		}
		// what browsers send encoded is accepted, encoded the same way
		assertThat(WebhookTargets.normalized("https://93.184.215.14/hook?ids[]=1&f={a|b}^"))
			.isEqualTo("https://93.184.215.14/hook?ids%5B%5D=1&f=%7Ba%7Cb%7D%5E");
		assertThat(WebhookTargets.normalized("http://[fd00::1]/x?a=%3C")).isEqualTo("http://[fd00::1]/x?a=%3C");
		assertThat(WebhookTargets.refusal(WebhookTargets.normalized("https://93.184.215.14/hook?ids[]=1"), false))
			.isNull();
		// still refused: a private target behind an encoded query, and junk
		assertThat(WebhookTargets.refusal("http://127.0.0.1/hook?q=%3C", false)).isEqualTo("webhooks.error.private");
		for (String url : new String[] { "https://93.184.215.14/hook?q=%zz", "https://93.184.215.14/a b",
				"https://93.184.215.14/<script>", "https:///nohost?q=%3C" }) {
			assertThat(WebhookTargets.refusal(url, true)).as(url).isEqualTo("webhooks.error.url");
		}
	}

	@Test
	void signsAsStandardWebhooksSpecifies() {
		// the example of the Standard Webhooks specification
		String signature = WebhookSender.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

}
