package io.inkstone.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import io.inkstone.support.Databases;
import io.inkstone.support.TestImages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WordPress export whose images are not under {@code --uploads}: the import fetches
 * them from the old site (here a local HTTP server, allowed with
 * {@code inkstone.importer.allow-private-targets}), puts them through the media pipeline
 * and rewrites the body (size variants too) and the cover; by default the SSRF guard
 * refuses the loopback address and the original links stay. On SQLite and PostgreSQL.
 */
class WxrFetchIntegrationTests {

	static final byte[] IMAGE = TestImages.encode(TestImages.picture(300, 200), "jpg");

	HttpServer server;

	String base;

	@BeforeEach
	void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/wp-content/uploads/2024/05/", ex -> {
			if (!ex.getRequestURI().getPath().endsWith("/2024/05/港口.jpg")) {
				ex.sendResponseHeaders(404, -1);
				ex.close();
				return;
			}
			ex.sendResponseHeaders(200, IMAGE.length);
			try (OutputStream out = ex.getResponseBody()) {
				out.write(IMAGE);
			}
		});
		server.start();
		base = "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	String export() {
		String img = base + "/wp-content/uploads/2024/05/%E6%B8%AF%E5%8F%A3.jpg";
		String variant = base + "/wp-content/uploads/2024/05/%E6%B8%AF%E5%8F%A3-300x200.jpg";
		return """
				<?xml version="1.0" encoding="UTF-8" ?>
				<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
				  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
				  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
				<channel>
				  <title>旧站</title><link>BASE</link>
				  <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>BASE</wp:base_site_url><wp:base_blog_url>BASE</wp:base_blog_url>
				  <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[fetcher]]></wp:author_login><wp:author_display_name><![CDATA[抓图人]]></wp:author_display_name></wp:author>
				  <item>
				    <title><![CDATA[港口]]></title><dc:creator><![CDATA[fetcher]]></dc:creator><guid isPermaLink="false">IMG</guid>
				    <content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
				    <wp:post_id>10</wp:post_id><wp:post_date><![CDATA[2024-05-01 20:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2024-05-01 12:00:00]]></wp:post_date_gmt>
				    <wp:post_name><![CDATA[harbour]]></wp:post_name><wp:status><![CDATA[inherit]]></wp:status><wp:post_parent>11</wp:post_parent>
				    <wp:post_type><![CDATA[attachment]]></wp:post_type><wp:attachment_url><![CDATA[IMG]]></wp:attachment_url>
				  </item>
				  <item>
				    <title><![CDATA[抓来的图]]></title><link>BASE/?p=11</link><dc:creator><![CDATA[fetcher]]></dc:creator><guid isPermaLink="false">BASE/?p=11</guid>
				    <content:encoded><![CDATA[<p>看这张图：</p><img src="VARIANT" alt="港口" width="300" height="200" />]]></content:encoded>
				    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
				    <wp:post_id>11</wp:post_id><wp:post_date><![CDATA[2024-05-01 20:30:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2024-05-01 12:30:00]]></wp:post_date_gmt>
				    <wp:post_name><![CDATA[fetched]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_parent>0</wp:post_parent>
				    <wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password><wp:is_sticky>0</wp:is_sticky>
				    <category domain="category" nicename="travel"><![CDATA[旅游]]></category>
				    <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[10]]></wp:meta_value></wp:postmeta>
				  </item>
				</channel>
				</rss>
				"""
			.replace("VARIANT", variant)
			.replace("IMG", img)
			.replace("BASE", base);
	}

	record Site(List<String> arguments, JdbcClient jdbc) {
	}

	static Site sqlite() {
		Path data = Databases.freshDataDir();
		return new Site(List.of("--inkstone.data-dir=" + data),
				JdbcClient.create(new DriverManagerDataSource("jdbc:sqlite:" + data.resolve("inkstone.db"))));
	}

	static Site postgres() {
		String url = Databases.freshPostgresDatabase();
		return new Site(
				List.of("--inkstone.data-dir=" + Databases.freshDataDir(), "--inkstone.db.url=" + url,
						"--inkstone.db.user=" + Databases.pgUser(), "--inkstone.db.password="),
				JdbcClient.create(new DriverManagerDataSource(url, Databases.pgUser(), "")));
	}

	SiteExportRoundTripContract.Run importInto(Site site, String... extra) throws IOException {
		Path file = Files.createTempFile("fetch-", ".xml");
		Files.writeString(file, export());
		List<String> args = new ArrayList<>(site.arguments());
		args.addAll(List.of(extra));
		args.add(file.toString());
		return SiteExportRoundTripContract.importInto(new SiteExportRoundTripContract.Site(args, null));
	}

	void fetchesWhenAllowedAndRefusesLoopbackByDefault(Site allowed, Site guarded) throws IOException {
		var run = importInto(allowed, "--inkstone.importer.allow-private-targets=true");
		assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
		assertThat(run.output()).contains("attachments → fetched from their URL: 1");
		String body = allowed.jdbc()
			.sql("SELECT body_markdown FROM articles WHERE title = '抓来的图'")
			.query(String.class)
			.single();
		assertThat(body).containsPattern("/media/[0-9a-f]{64}/full\\.jpg").doesNotContain(base);
		assertThat(allowed.jdbc()
			.sql("SELECT cover_image FROM articles WHERE title = '抓来的图'")
			.query(String.class)
			.single()).startsWith("/media/");
		assertThat(allowed.jdbc().sql("SELECT COUNT(*) FROM media").query(Long.class).single()).isOne();

		var refused = importInto(guarded);
		assertThat(refused.exitCode()).as(refused.output() + refused.errors()).isZero();
		assertThat(refused.output())
			.contains("no --uploads directory given, and its host is not a public address (not fetched)");
		assertThat(guarded.jdbc()
			.sql("SELECT body_markdown FROM articles WHERE title = '抓来的图'")
			.query(String.class)
			.single()).contains(base + "/wp-content/uploads/");
		// an image that could not be fetched stays a link in the body, and is no cover
		assertThat(guarded.jdbc()
			.sql("SELECT COUNT(*) FROM articles WHERE title = '抓来的图' AND cover_image IS NULL")
			.query(Long.class)
			.single()).isOne();
		assertThat(guarded.jdbc().sql("SELECT COUNT(*) FROM media").query(Long.class).single()).isZero();
	}

	@Test
	void onSqlite() throws IOException {
		fetchesWhenAllowedAndRefusesLoopbackByDefault(sqlite(), sqlite());
	}

	@Test
	void onPostgres() throws IOException {
		fetchesWhenAllowedAndRefusesLoopbackByDefault(postgres(), postgres());
	}

}
