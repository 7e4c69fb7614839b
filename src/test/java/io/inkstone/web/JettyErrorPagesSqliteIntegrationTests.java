package io.inkstone.web;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.inkstone.support.Databases;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Jetty refuses before the application sees them get Inkstone's own error page,
 * not Jetty's: the status, the heading and sentence of the application's error pages (in
 * Chinese, in English for a reader who chose it), nothing about Jetty, no stack trace,
 * and nothing of what was sent echoed back. Sent over a raw socket: HTTP clients refuse
 * to send such requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JettyErrorPagesSqliteIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
	}

	@Test
	void malformedAndAmbiguousUrisAnswerTheApplications400Page() throws IOException {
		for (String target : new String[] { "/%", "/articles/%zz", "/a/..;/b", "/articles/a%2Fb", "/%3Cscript%3E%" }) {
			Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
			assertThat(answer.status()).as(target).isEqualTo(400);
			assertOwnPage(answer, target, 400, "请求有误");
		}
	}

	@Test
	void aRequestLineTooLongIs414AndHeadersTooLargeAre431() throws IOException {
		Answer longLine = send(
				"GET /search?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(longLine.status()).isEqualTo(414);
		assertOwnPage(longLine, "414", 414, "链接太长");

		Answer bigHeaders = send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + "b".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(bigHeaders.status()).isEqualTo(431);
		assertOwnPage(bigHeaders, "431", 431, "请求头太大");
	}

	/**
	 * The language cookie is read when Jetty got as far as the headers (an ambiguous
	 * path; a malformed request line is refused before them, in the default language).
	 * The page is HTML whatever the Accept header asks: Jetty's would be JSON here.
	 */
	@Test
	void aReaderWhoChoseEnglishReadsItInEnglish() throws IOException {
		Answer answer = send(
				"GET /articles/a%2Fb HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: a=b; ink_lang=en\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
		assertThat(answer.status()).isEqualTo(400);
		assertOwnPage(answer, "en", 400, "Bad request");
		assertThat(Jsoup.parse(answer.body()).select("html").attr("lang")).isEqualTo("en");
	}

	/** A script calling the API gets a problem, as from every other API error. */
	@Test
	void theApiAnswersJettysRefusalsWithAProblem() throws IOException {
		Answer answer = send("GET /api/v1/articles/a%2Fb HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer.body()).contains("\"status\":400").doesNotContainIgnoringCase("jetty");
	}

	/**
	 * A form over the container's form limit is refused before any code of ours reads it;
	 * the 413 page names that limit.
	 */
	@Test
	void aFormOverTheFormLimitIs413NamingTheLimit() throws IOException {
		String body = "q=" + "x".repeat(2 * 1024 * 1024 + 10);
		Answer answer = send("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body);
		assertThat(answer.status()).isEqualTo(413);
		Document page = Jsoup.parse(answer.body());
		assertThat(page.select("[data-testid=error]").attr("data-status")).isEqualTo("413");
		assertThat(page.select("[data-testid=error] p").text()).contains("上限 2 MB");
	}

	private static void assertOwnPage(Answer answer, String what, int status, String heading) {
		assertThat(answer.head()).as(what).containsIgnoringCase("Content-Type: text/html;charset=utf-8");
		assertThat(answer.head().toLowerCase()).as(what).doesNotContain("jetty");
		Document page = Jsoup.parse(answer.body());
		assertThat(page.select("[data-testid=error]").attr("data-status")).as(what).isEqualTo(Integer.toString(status));
		assertThat(page.select("h1").text()).as(what).isEqualTo(heading);
		assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/inkstone.css");
		assertThat(page.select("a[href=/]")).hasSize(1);
		assertThat(answer.body()).as(what)
			.doesNotContainIgnoringCase("jetty")
			.doesNotContain("HTTP ERROR")
			.doesNotContain("Exception")
			.doesNotContain("<script>")
			.doesNotContain("%zz")
			.doesNotContain("..;");
	}

	private Answer send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(15_000);
			try {
				socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
				socket.getOutputStream().flush();
			}
			catch (IOException refusedMidway) {
				// the server may answer and close before a refused request is all sent
			}
			String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int end = raw.indexOf("\r\n\r\n");
			assertThat(end).as(raw).isPositive();
			return new Answer(Integer.parseInt(raw.substring(9, 12)), raw.substring(0, end), raw.substring(end + 4));
		}
	}

	private record Answer(int status, String head, String body) {
	}

}
