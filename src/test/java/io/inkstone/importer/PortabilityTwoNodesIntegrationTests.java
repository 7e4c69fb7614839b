package io.inkstone.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.inkstone.InkstoneApplication;
import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.media.Media;
import io.inkstone.media.MediaItem;
import io.inkstone.shared.Ids;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import io.inkstone.support.S3Server;
import io.inkstone.support.TestImages;
import io.lettuce.core.RedisClient;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Moving in and out on two Inkstone nodes in cluster mode, as
 * {@code ClusterIntegrationTests} runs them: separate Spring contexts on their own ports
 * and data directories, one fresh PostgreSQL database, one Redis (sessions: the creator
 * signed in on one node is signed in on the other), one S3 bucket. The zip one node
 * builds ({@code exports/<id>.zip} in the bucket) downloads through the other node, whole
 * and in byte ranges, even after the building node is gone; when the link expires it
 * answers 410 on both nodes, and the clean-up of a node that did not build it deletes the
 * object.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortabilityTwoNodesIntegrationTests {

	static final String BUCKET = "inkstone-media";

	static final String PASSWORD = "correct-horse-1";

	private static String dbUrl;

	private static String prefix;

	private static S3Server s3;

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		Databases.requireRedis();
		dbUrl = Databases.freshPostgresDatabase();
		prefix = "inkstone-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
		s3 = new S3Server();
		s3.createBucket(BUCKET);
		// two Boot apps starting at once in one JVM race in logging setup
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(() -> node());
		CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> node());
		nodeA = a.join();
		nodeB = b.join();
	}

	@AfterAll
	static void stopNodes() throws Exception {
		System.clearProperty("org.springframework.boot.logging.LoggingSystem");
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeA, nodeB }) {
			if (node != null && node.isActive()) {
				node.close();
			}
		}
		if (s3 != null) {
			s3.close();
		}
		try (var redis = RedisClient.create("redis://127.0.0.1:6379/0").connect()) {
			List<String> keys = redis.sync().keys(prefix + "*");
			if (!keys.isEmpty()) {
				redis.sync().del(keys.toArray(String[]::new));
			}
		}
		catch (RuntimeException ignored) {
		}
	}

	static ConfigurableApplicationContext node() {
		return new SpringApplicationBuilder(InkstoneApplication.class).run("--server.port=0", "--inkstone.mode=cluster",
				"--inkstone.secrets.key=the-same-secrets-key-on-every-test-node", "--inkstone.media.storage=s3",
				"--inkstone.media.s3.endpoint=" + s3.endpoint(), "--inkstone.media.s3.bucket=" + BUCKET,
				"--inkstone.media.s3.access-key=" + S3Server.ACCESS_KEY,
				"--inkstone.media.s3.secret-key=" + S3Server.SECRET_KEY,
				"--inkstone.data-dir=" + Databases.freshDataDir(), "--inkstone.db.url=" + dbUrl,
				"--inkstone.db.user=" + Databases.pgUser(), "--inkstone.db.password=",
				"--inkstone.redis.url=redis://127.0.0.1:6379/0", "--inkstone.redis.key-prefix=" + prefix,
				"--inkstone.admin.email=admin@export-cluster.test", "--inkstone.admin.password=cluster-admin-1",
				"--inkstone.security.remember-me-key=export-cluster-test-key");
	}

	static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	static JdbcClient db() {
		return nodeA.getBean(JdbcClient.class);
	}

	/** A creator account with its profile, signed in on {@code node}. */
	static Browser creator(String handle, ConfigurableApplicationContext node) {
		String email = handle + "@inkstone.test";
		long accountId = nodeA.getBean(Accounts.class)
			.signUp(email, PASSWORD, "作者" + handle, Role.CREATOR)
			.orElseThrow()
			.accountId();
		db().sql("INSERT INTO creators (id, handle, display_name, avatar_url, tagline, account_type, verified, region,"
				+ " created_at, account_id) VALUES (:id, :handle, :name, NULL, '两台机器', '个人', FALSE, NULL, :now, :account)")
			.param("id", Ids.next())
			.param("handle", handle)
			.param("name", "作者" + handle)
			.param("now", System.currentTimeMillis())
			.param("account", accountId)
			.update();
		Browser b = new Browser(port(node));
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(r.statusCode()).isEqualTo(302);
		return b;
	}

	/** Starts an export through {@code browser}'s node and waits until it is done. */
	static long export(Browser browser, Browser watcher) {
		HttpResponse<String> started = browser.post("/studio/export", Map.of("_csrf", browser.csrfToken()));
		assertThat(started.statusCode()).isEqualTo(302);
		String location = started.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		// the progress is visible on the other node while the first builds
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> watcher.get("/studio/export/" + id + "/status").body().contains("\"state\":\"done\""));
		return id;
	}

	static long bytes(long id) {
		return db().sql("SELECT bytes FROM creator_exports WHERE id = :id").param("id", id).query(Long.class).single();
	}

	static List<Path> zipsOnDisk(ConfigurableApplicationContext node) {
		Path dir = node.getBean(CreatorExports.class).zip(0).getParent();
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".zip")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code /admin/import} behind a load balancer: the upload reaches node A, which runs
	 * the import; the page's polls and the summary reach node B. Before, the jobs lived
	 * in node A's memory and node B answered 404.
	 */
	@Test
	@Order(1)
	void anImportUploadedToOneNodeIsFollowedOnTheOther() throws IOException {
		Browser onA = new Browser(port(nodeA));
		onA.page("/login");
		assertThat(onA
			.post("/login",
					Map.of("_csrf", onA.csrfToken(), "email", "admin@export-cluster.test", "password",
							"cluster-admin-1"))
			.statusCode()).isEqualTo(302);
		Browser onB = onA.sameCookiesOn(port(nodeB));
		byte[] xml;
		try (InputStream in = PortabilityTwoNodesIntegrationTests.class.getResourceAsStream("/wxr/site-export.xml")) {
			xml = in.readAllBytes();
		}
		HttpResponse<String> started = onA.postMultipart("/admin/import", Map.of("_csrf", onA.csrfToken()), "file",
				"site-export.xml", "text/xml", xml, "text/html");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String job = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		// while it runs, node B refuses a second import too
		HttpResponse<String> second = onB.postMultipart("/admin/import", Map.of("_csrf", onA.csrfToken()), "file",
				"site-export.xml", "text/xml", xml, "text/html");
		String state = onB.get(job + "/status").body();
		if (!state.contains("\"state\":\"done\"")) {
			assertThat(second.statusCode()).isEqualTo(400);
		}
		assertThat(onB.get(job + "/status").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> onB.get(job + "/status").body().contains("\"state\":\"done\""));
		Document page = onB.page(job).html();
		assertThat(page.select("[data-testid=import-progress]").attr("value")).isEqualTo("100");
		assertThat(page.select("[data-testid=import-summary]").text()).contains("Imported: 10");
		assertThat(onB.page("/admin/import").html().select("[data-testid=import-jobs] a[href=" + job + "]")).hasSize(1);
		assertThat(onB.get("/admin/import/12345/status").statusCode()).isEqualTo(404);
		assertThat(onB.get("/admin/import/not-a-number").statusCode()).isEqualTo(404);
	}

	@Test
	@Order(2)
	void aZipBuiltOnOneNodeDownloadsThroughTheOtherAndExpiresOnBoth() throws IOException {
		String handle = "twonodes" + (System.nanoTime() % 1_000_000);
		Browser onA = creator(handle, nodeA);
		Browser onB = onA.sameCookiesOn(port(nodeB));
		long creatorId = db().sql("SELECT id FROM creators WHERE handle = :h")
			.param("h", handle)
			.query(Long.class)
			.single();
		MediaItem image = nodeA.getBean(Media.class)
			.upload(creatorId, TestImages.encode(TestImages.picture(320, 200), "jpg"), "两台机器");
		String title = "两台机器的导出 " + handle;
		String line = "{\"id\":\"two-" + handle + "\",\"creator\":\"" + handle
				+ "\",\"channel\":\"travel\",\"title\":\"" + title + "\",\"body_markdown\":\"一台打包，另一台下载。\\n\\n![图]("
				+ image.url() + ")\",\"published_at\":\"2024-05-01T20:30:00+08:00\"}";
		assertThat(nodeA.getBean(ArticleImporter.class)
			.importLines(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), null)
			.imported()).isEqualTo(1);

		// built on node A (the worker of the node that took the POST), watched on node B
		long id = export(onA, onB);
		String key = CreatorExports.sharedName(id);
		assertThat(s3.exists(BUCKET, key)).isTrue();
		assertThat(zipsOnDisk(nodeA)).isEmpty();
		assertThat(zipsOnDisk(nodeB)).isEmpty();

		// node B lists it with its download link and serves the whole zip
		Document page = onB.page("/studio/export/" + id).html();
		assertThat(page.select("a[data-testid=export-download]").attr("href"))
			.isEqualTo("/studio/export/" + id + "/download");
		HttpResponse<byte[]> whole = onB.getBytes("/studio/export/" + id + "/download");
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
		assertThat(whole.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		assertThat(whole.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(whole.body()).hasSize((int) bytes(id));
		Map<String, byte[]> zip = unzip(whole.body());
		assertThat(zip.keySet()).contains("README.txt", "profile.json", "articles.jsonl",
				"media/" + image.sha256() + "/full.jpg");
		assertThat(new String(zip.get("articles.jsonl"), StandardCharsets.UTF_8)).contains(title);
		// the same bytes through node A
		assertThat(onA.getBytes("/studio/export/" + id + "/download").body()).isEqualTo(whole.body());

		// a download manager resuming, or fetching in pieces: byte ranges from the bucket
		HttpResponse<byte[]> tail = onB.getBytes("/studio/export/" + id + "/download", "Range", "bytes=100-");
		assertThat(tail.statusCode()).isEqualTo(206);
		assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 100, whole.body().length));
		assertThat(tail.headers().firstValue("Content-Range").orElse(""))
			.isEqualTo("bytes 100-" + (whole.body().length - 1) + "/" + whole.body().length);
		// several ranges, the later one first (the zip's central directory at the end,
		// then an entry): each is read from the bucket again
		HttpResponse<byte[]> pieces = onB.getBytes("/studio/export/" + id + "/download", "Range", "bytes=10-19,0-1");
		assertThat(pieces.statusCode()).isIn(200, 206);
		if (pieces.statusCode() == 200) {
			assertThat(pieces.body()).isEqualTo(whole.body());
		}
		else {
			String multipart = new String(pieces.body(), StandardCharsets.ISO_8859_1);
			assertThat(multipart).contains("Content-Range: bytes 0-1/" + whole.body().length)
				.contains("Content-Range: bytes 10-19/" + whole.body().length);
		}
		HttpResponse<byte[]> unsatisfiable = onB.getBytes("/studio/export/" + id + "/download", "Range",
				"bytes=" + (whole.body().length + 10) + "-");
		assertThat(unsatisfiable.statusCode()).isEqualTo(416);

		// nobody else, on either node
		Browser other = creator("other" + handle, nodeB);
		assertThat(other.getBytes("/studio/export/" + id + "/download").statusCode()).isEqualTo(404);
		assertThat(other.sameCookiesOn(port(nodeA)).getBytes("/studio/export/" + id + "/download").statusCode())
			.isEqualTo(404);

		// the link expires: 410 on both nodes at once, before any clean-up ran
		db().sql("UPDATE creator_exports SET expires_at = :past WHERE id = :id")
			.param("past", System.currentTimeMillis() - 1000)
			.param("id", id)
			.update();
		assertThat(onA.getBytes("/studio/export/" + id + "/download").statusCode()).isEqualTo(410);
		assertThat(onB.getBytes("/studio/export/" + id + "/download").statusCode()).isEqualTo(410);
		assertThat(onB.getBytes("/studio/export/" + id + "/download", "Range", "bytes=0-1").statusCode())
			.isEqualTo(410);
		assertThat(onB.page("/studio/export").html().select("tr[data-testid=export-row][data-state=expired]"))
			.hasSize(1);
		// node B, which did not build it, deletes the object; node A's run finds nothing
		// left
		nodeB.getBean(CreatorExports.class).cleanUp();
		assertThat(s3.exists(BUCKET, key)).isFalse();
		nodeA.getBean(CreatorExports.class).cleanUp();
		assertThat(db().sql("SELECT state FROM creator_exports WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("expired");
		assertThat(onA.getBytes("/studio/export/" + id + "/download").statusCode()).isEqualTo(410);
		assertThat(onB.getBytes("/studio/export/" + id + "/download").statusCode()).isEqualTo(410);

		// the other way round, and the building node gone before the download: built on
		// node B, served by node A alone
		long second = export(onB, onA);
		assertThat(s3.exists(BUCKET, CreatorExports.sharedName(second))).isTrue();
		nodeB.close();
		HttpResponse<byte[]> afterB = onA.getBytes("/studio/export/" + second + "/download");
		assertThat(afterB.statusCode()).isEqualTo(200);
		assertThat(afterB.body()).hasSize((int) bytes(second));
		assertThat(unzip(afterB.body()).keySet()).contains("profile.json", "articles.jsonl");
	}

	static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}
