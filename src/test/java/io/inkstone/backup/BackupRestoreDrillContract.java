package io.inkstone.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.inkstone.InkstoneApplication;
import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.media.Media;
import io.inkstone.media.MediaItem;
import io.inkstone.shared.SignedIn;
import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import io.inkstone.support.Fixtures;
import io.inkstone.support.TestImages;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.io.IOException;

/**
 * The restore drill: a site serves and takes writes (articles, comments, follows, an
 * image) on a background thread while {@code backup} runs; the backup is restored into a
 * new empty data directory (and database), a site starts on it, and every write
 * acknowledged before the backup started is there, the database is intact, and the
 * restored site serves article pages, images and search (its index rebuilt from the
 * database).
 */
abstract class BackupRestoreDrillContract {

	/**
	 * Arguments naming a fresh, empty database ({@code --inkstone.db.*}), none for SQLite
	 * in the data directory.
	 */
	abstract List<String> freshDatabase();

	abstract boolean sqlite();

	static ConfigurableApplicationContext start(Path dataDir, List<String> database) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--inkstone.data-dir=" + dataDir,
				"--inkstone.admin.email=drill-admin@inkstone.test", "--inkstone.admin.password=drill-password-1"));
		args.addAll(database);
		return new SpringApplicationBuilder(InkstoneApplication.class).run(args.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	record Run(int exitCode, String out, String err) {
	}

	static Run command(boolean backup, Path dataDir, List<String> database, String... rest) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
		ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
		System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
		try {
			List<String> args = new ArrayList<>(List.of("--inkstone.data-dir=" + dataDir));
			args.addAll(database);
			args.addAll(List.of(rest));
			String[] array = args.toArray(String[]::new);
			int code = backup ? BackupCommand.backup(array) : BackupCommand.restore(array);
			return new Run(code, capturedOut.toString(StandardCharsets.UTF_8),
					capturedErr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	record Follow(String readerKey, String handle) {
	}

	static Browser signIn(int port) {
		Browser b = new Browser(port);
		b.page("/login");
		var r = b.post("/login",
				Map.of("_csrf", b.csrfToken(), "email", "drill-admin@inkstone.test", "password", "drill-password-1"));
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return b;
	}

	/** The number of articles in the node's search index, from /admin/search. */
	static long indexedDocuments(Browser admin) {
		Browser.Page page = admin.page("/admin/search");
		if ("true".equals(page.testId("search-admin").attr("data-running"))) {
			return -1;
		}
		return Long.parseLong(page.testId("search-documents").text().replaceAll("\\D", ""));
	}

	static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path p : walk.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(p, target);
				}
			}
		}
	}

	/** What the source site holds before the writer starts. */
	record Source(List<String> handles, MediaItem image, long articleId, String title) {
	}

	/** The classics, an image, and the published article the writer comments on. */
	static Source seed(ConfigurableApplicationContext site) throws IOException {
		JdbcClient jdbc = site.getBean(JdbcClient.class);
		site.getBean(ArticleImporter.class).importLines(Fixtures.open(Fixtures.CLASSICS), null);
		List<String> handles = jdbc.sql("SELECT handle FROM creators ORDER BY handle LIMIT 5")
			.query(String.class)
			.list();
		long creatorId = jdbc.sql("SELECT id FROM creators ORDER BY handle LIMIT 1").query(Long.class).single();
		MediaItem image = site.getBean(Media.class)
			.upload(creatorId, TestImages.encode(TestImages.picture(320, 200), "png"), "演练");
		long articleId = jdbc.sql("SELECT id FROM articles WHERE status = 'published' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		String title = jdbc.sql("SELECT title FROM articles WHERE id = :id")
			.param("id", articleId)
			.query(String.class)
			.single();
		return new Source(handles, image, articleId, title);
	}

	/** The writes acknowledged at one moment, and how many rounds of writes that was. */
	record Acknowledged(List<String> articles, List<Long> comments, List<Follow> follows, int iterations) {
	}

	/**
	 * A background thread taking writes as a busy site does, one round after another: an
	 * imported article, a follow, a new reader and their comment.
	 */
	static final class Writer implements AutoCloseable {

		final List<String> articles = new CopyOnWriteArrayList<>();

		final List<Long> comments = new CopyOnWriteArrayList<>();

		final List<Follow> follows = new CopyOnWriteArrayList<>();

		final AtomicInteger iterations = new AtomicInteger();

		final AtomicBoolean stop = new AtomicBoolean();

		final AtomicReference<Throwable> failure = new AtomicReference<>();

		final Thread thread;

		Writer(ConfigurableApplicationContext site, Source source) {
			ArticleImporter importer = site.getBean(ArticleImporter.class);
			Creators creators = site.getBean(Creators.class);
			Comments commentService = site.getBean(Comments.class);
			Accounts accounts = site.getBean(Accounts.class);
			thread = new Thread(() -> {
				try {
					for (int i = 0; !stop.get(); i++) {
						String key = "drill-" + i;
						String line = "{\"id\":\"" + key
								+ "\",\"creator\":\"drill-writer\",\"creator_name\":\"演练作者\",\"channel\":\"tech\","
								+ "\"title\":\"备份演练第" + i + "篇\",\"body_markdown\":\"写入与备份同时进行，第" + i + "篇。\","
								+ "\"published_at\":\"2026-11-29T08:00:00+08:00\"}\n";
						var report = importer
							.importLines(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), null);
						if (report.imported() == 1) {
							articles.add("id:" + key);
						}
						Follow follow = new Follow("drill-reader-" + i,
								source.handles().get(i % source.handles().size()));
						creators.follow(follow.readerKey(), follow.handle());
						follows.add(follow);
						SignedIn reader = accounts
							.signUp("drill-" + i + "@inkstone.test", "drill-password-" + i, "读者" + i, Role.READER)
							.orElseThrow();
						comments.add(commentService.post(source.articleId(), reader, "演练评论 " + i, null));
						iterations.incrementAndGet();
					}
				}
				catch (Throwable ex) {
					failure.set(ex);
				}
			}, "drill-writer");
			thread.start();
		}

		int iterations() {
			return iterations.get();
		}

		void awaitIterations(int atLeast) {
			await().atMost(Duration.ofSeconds(60)).until(() -> iterations.get() >= atLeast || failure.get() != null);
		}

		/** What is acknowledged now: it must be in a backup started now. */
		Acknowledged acknowledged() {
			return new Acknowledged(List.copyOf(articles), List.copyOf(comments), List.copyOf(follows),
					iterations.get());
		}

		/** Stops the writer; it must not have failed. */
		@Override
		public void close() throws InterruptedException {
			stop.set(true);
			thread.join(30_000);
			assertThat(failure.get()).as("the writer failed").isNull();
		}

	}

	/** Waits until the node's search index holds every published article. */
	static void awaitEverythingIndexed(ConfigurableApplicationContext site) {
		long published = site.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM articles WHERE status = 'published'")
			.query(Long.class)
			.single();
		Browser admin = signIn(port(site));
		await().atMost(Duration.ofSeconds(60)).until(() -> indexedDocuments(admin) == published);
	}

	/** The one backup in this directory. */
	static Path theBackupIn(Path backups) throws IOException {
		try (Stream<Path> entries = Files.list(backups)) {
			return entries.filter(p -> p.getFileName().toString().startsWith("inkstone-")).findFirst().orElseThrow();
		}
	}

	/** Every acknowledged article, comment and follow is in the restored database. */
	static void assertRestored(JdbcClient jdbc, Acknowledged acked) {
		List<String> keys = jdbc.sql("SELECT import_key FROM articles WHERE import_key LIKE 'id:drill-%'")
			.query(String.class)
			.list();
		assertThat(keys).containsAll(acked.articles());
		assertThat(jdbc.sql("SELECT id FROM comments").query(Long.class).list()).containsAll(acked.comments());
		for (Follow follow : acked.follows()) {
			assertThat(jdbc
				.sql("SELECT COUNT(*) FROM follows f JOIN creators c ON c.id = f.creator_id"
						+ " WHERE f.reader_key = :reader AND c.handle = :handle")
				.param("reader", follow.readerKey())
				.param("handle", follow.handle())
				.query(Long.class)
				.single()).as("follow %s", follow).isEqualTo(1);
		}
	}

	/** At least the rows the manifest counted, and (SQLite) an intact database file. */
	void assertIntact(JdbcClient jdbc, BackupManifest manifest) {
		for (String table : List.of("articles", "comments", "follows")) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table)
				.isGreaterThanOrEqualTo(manifest.rows(table));
		}
		if (sqlite()) {
			assertThat(jdbc.sql("PRAGMA integrity_check").query(String.class).single()).isEqualTo("ok");
		}
	}

	/**
	 * The restored site serves the article page with its comments, the image and search.
	 */
	static void assertServes(ConfigurableApplicationContext site, Source source) {
		Browser reader = new Browser(port(site));
		Browser.Page page = reader.page("/articles/" + source.articleId());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().text()).contains("演练评论 0");
		assertThat(reader.getBytes(source.image().url()).statusCode()).isEqualTo(200);
		String query = "/search?q=" + URLEncoder.encode(source.title(), StandardCharsets.UTF_8);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> reader.page(query)
				.html()
				.select("[data-testid=search-results] a.card-title")
				.stream()
				.anyMatch(a -> a.attr("href").replaceAll("[?#].*", "").endsWith("/articles/" + source.articleId())));
	}

	@Test
	void everyWriteAcknowledgedBeforeTheBackupIsRestoredAndTheSiteServesIt() throws Exception {
		Path source = Databases.freshDataDir();
		List<String> sourceDb = freshDatabase();
		Path backups = Databases.freshDataDir();
		Source seeded;
		Acknowledged acked;
		try (ConfigurableApplicationContext site = start(source, sourceDb)) {
			seeded = seed(site);
			Run backup;
			int iterationsAfter;
			Writer writer = new Writer(site, seeded);
			try (writer) {
				writer.awaitIterations(5);
				acked = writer.acknowledged();
				backup = command(true, source, sourceDb, backups.toString());
				iterationsAfter = writer.iterations();
				writer.awaitIterations(iterationsAfter + 2);
			}
			assertThat(backup.exitCode()).as(backup.out() + backup.err()).isZero();
			// this node's index takes in the writes made after the backup: kept under the
			// restored database, it is ahead
			awaitEverythingIndexed(site);
			// the site served while the backup ran: the writer did not wait for it (it
			// kept going during and after)
			assertThat(writer.iterations()).isGreaterThan(iterationsAfter);
			assertThat(iterationsAfter).isGreaterThanOrEqualTo(acked.iterations());
		}
		Path backup = theBackupIn(backups);
		BackupManifest manifest = BackupManifest.read(backup);
		assertThat(manifest.database()).isEqualTo(sqlite() ? "sqlite" : "postgresql");
		assertThat(manifest.rows("articles")).isGreaterThanOrEqualTo(240 + acked.articles().size());
		assertThat(manifest.schemaVersion()).isNotBlank();
		assertThat(manifest.files())
			.anyMatch(f -> f.path().startsWith("media/") && f.path().contains(seeded.image().sha256()));

		Path restored = Databases.freshDataDir().resolve("restored"); // a new directory
		List<String> restoredDb = freshDatabase();
		Run restore = command(false, restored, restoredDb, backup.toString());
		assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
		assertThat(restored.resolve("index")).doesNotExist();
		// a node that kept its index (cluster nodes keep theirs) must not serve the
		// source's newer articles from it
		copyTree(source.resolve("index"), restored.resolve("index"));

		try (ConfigurableApplicationContext site = start(restored, restoredDb)) {
			JdbcClient jdbc = site.getBean(JdbcClient.class);
			assertRestored(jdbc, acked);
			assertIntact(jdbc, manifest);
			awaitEverythingIndexed(site);
			assertServes(site, seeded);
		}
	}

}
