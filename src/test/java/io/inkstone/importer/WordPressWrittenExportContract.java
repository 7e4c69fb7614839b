package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.inkstone.importer.WxrImportContract.Run;
import io.inkstone.support.Browser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file WordPress itself wrote: src/test/resources/wxr/wordpress-7.1.1-export.xml is the
 * output of {@code wp export} (WordPress 7.1.1's own exporter) after WordPress had
 * imported an Inkstone export (step 5 of ops/wordpress-import-check.sh, run with the
 * first 30 demo articles and the script's fixture; the images are WordPress' copies in
 * wp-content/uploads). Imported with {@code --uploads}, everything arrives as a WordPress
 * user expects, and a second import adds nothing.
 */
abstract class WordPressWrittenExportContract {

	private static final String SPECIAL = "迁移检查：特殊字符 <&> \"引号\" ]]> 结尾";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	abstract List<String> siteArguments();

	private Run importWithUploads() throws IOException {
		Path work = Files.createTempDirectory("wp-written-");
		Path month = Files.createDirectories(work.resolve("uploads/2026/11"));
		for (String image : List.of("full.jpg", "full-1.jpg")) {
			try (InputStream in = getClass().getResourceAsStream("/wxr/wordpress-7.1.1-uploads/2026/11/" + image)) {
				Files.copy(in, month.resolve(image));
			}
		}
		List<String> args = new ArrayList<>(siteArguments());
		args.add(WxrImportContract.resource("wordpress-7.1.1-export.xml", work).toString());
		args.add("--uploads");
		args.add(work.resolve("uploads").toString());
		return WxrImportContract.importCommand(args);
	}

	private long count(String sql, Object... params) {
		var spec = jdbc.sql(sql);
		for (int i = 0; i < params.length; i++) {
			spec = spec.param(i + 1, params[i]);
		}
		return spec.query(Long.class).single();
	}

	@Test
	void whatWordPressExportedArrivesAsItWasAndOnlyOnce() throws IOException {
		Run first = importWithUploads();
		assertThat(first.exitCode()).as(first.output()).isEqualTo(ImportCommand.CLEAN);
		assertThat(first.output()).contains("posts → public: 32")
			.contains("posts → drafts (draft): 1")
			.contains("posts → scheduled: 1")
			.contains("pages → static pages: 2")
			.contains("comments → published: 3")
			.contains("attachments → media library: 2");
		// the title WordPress wrote with its CDATA split at ]]>
		assertThat(count("SELECT COUNT(*) FROM articles WHERE title = ? AND status = 'published'", SPECIAL))
			.isEqualTo(1);
		long withImages = jdbc.sql("SELECT id FROM articles WHERE title = ?")
			.param(1, "迁移检查：带图、标签与评论的文章")
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("SELECT tags FROM articles WHERE id = ?").param(1, withImages).query(String.class).single())
			.contains("WordPress 迁移")
			.contains("唐诗");
		assertThat(count("SELECT COUNT(*) FROM comments WHERE article_id = ? AND status = 'visible'", withImages))
			.isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM comments WHERE article_id = ? AND parent_id IS NOT NULL", withImages))
			.isEqualTo(1);
		// the body's images are the site's own media now, not WordPress' addresses
		Browser reader = new Browser(port);
		String page = reader.get("/articles/" + withImages).body();
		assertThat(page).contains("/media/").doesNotContain("wp-content/uploads");
		// the child page keeps its parent's path
		assertThat(reader.get("/pages/wpcheck-about/team").statusCode()).isEqualTo(200);
		// WordPress' own address of the post leads to it
		var old = reader.get("/?p=33");
		assertThat(old.statusCode()).isEqualTo(301);
		assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/articles/" + withImages);
		// the same file again adds nothing
		long articles = count("SELECT COUNT(*) FROM articles");
		Run second = importWithUploads();
		assertThat(second.exitCode()).as(second.output()).isEqualTo(ImportCommand.CLEAN);
		assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(articles);
		assertThat(count("SELECT COUNT(*) FROM comments WHERE article_id = ?", withImages)).isEqualTo(3);
	}

}
